"""`coalitions changes`: the differences between the sample's two waves, as documented in
coalitions/data/sample/README.md and computed again here from the CSV files with pandas and
networkx, on the embedded store and a real Neo4j."""

from __future__ import annotations

import json

import networkx as nx
import numpy as np
import pandas as pd
from typer.testing import CliRunner

from coalitions.analysis.changes import TABLES, changes
from coalitions.cli import app
from coalitions.loaders import load_inputs
from tests.conftest import SAMPLE

WAVE2 = SAMPLE / "wave2"
runner = CliRunner()

# The differences the sample's README documents for wave 2 (not read from the package).
DOCUMENTED = {
    "founded": {"leuven-klimaatburen-kessel-lo", "hasselt-voedselteam-runkst"},
    "stopped": {"genk-samen-tuinieren-waterschei"},
    "joined": {("org-gezinsbond-genk", "genk-wijkontwikkeling-winterslag"),
               ("per-jasper-wouters", "hasselt-speelstraten-hasselt"),
               ("per-wim-segers", "leuven-leuven-zuid")},
    "left": {("per-pieterjan-luyten", "genk-welzijnsnetwerk-genk-noord"),
             ("org-okra-genk", "genk-welzijnsnetwerk-genk-noord")},
    "roles": {("per-lotte-de-meyer", "genk-welzijnsnetwerk-genk-noord", "coordinator", "member"),
              ("per-saskia-coppens", "genk-welzijnsnetwerk-genk-noord", "member",
               "coordinator")},
}


def csv(path, name):
    return pd.read_csv(path / f"{name}.csv", dtype=str, keep_default_na=False)


def expected_from_csv() -> dict[str, set]:
    """The differences between the two folders, computed with pandas alone."""
    c1, c2 = csv(SAMPLE, "coalitions"), csv(WAVE2, "coalitions")
    m1, m2 = csv(SAMPLE, "memberships"), csv(WAVE2, "memberships")
    both = set(c1["id"]) & set(c2["id"])
    m1, m2 = m1[m1["coalition"].isin(both)], m2[m2["coalition"].isin(both)]
    merged = m1.merge(m2, on=["actor", "coalition"], how="outer", indicator=True)
    same = merged[merged["_merge"] == "both"]
    same = same[same["role_x"] != same["role_y"]]
    pairs = lambda f: set(zip(f["actor"], f["coalition"], strict=True))  # noqa: E731
    return {
        "founded": set(c2["id"]) - set(c1["id"]),
        "stopped": set(c1["id"]) - set(c2["id"]),
        "joined": pairs(merged[merged["_merge"] == "right_only"]),
        "left": pairs(merged[merged["_merge"] == "left_only"]),
        "roles": set(zip(same["actor"], same["coalition"], same["role_x"], same["role_y"],
                         strict=True)),
    }


def found(tables: dict) -> dict[str, set]:
    """The same sets, read from what `changes` returned (frames or JSON rows)."""
    def rows(name):
        t = tables[name]
        return t.to_dict("records") if isinstance(t, pd.DataFrame) else t["rows"]

    return {
        "founded": {r["id"] for r in rows("coalitions_founded")},
        "stopped": {r["id"] for r in rows("coalitions_stopped")},
        "joined": {(r["actor"], r["coalition"]) for r in rows("members_joined")},
        "left": {(r["actor"], r["coalition"]) for r in rows("members_left")},
        "roles": {(r["actor"], r["coalition"], r["role_before"], r["role_after"])
                  for r in rows("roles_changed")},
    }


def test_the_documented_differences_are_the_differences_of_the_files():
    assert expected_from_csv() == DOCUMENTED


def test_changes_reports_exactly_the_built_in_differences():
    got = changes(load_inputs([SAMPLE]).data, load_inputs([WAVE2]).data,
                  from_wave="1", to_wave="2")
    assert list(got) == list(TABLES)
    assert found(got) == DOCUMENTED
    for frame in got.values():
        assert frame.attrs["facts"]["from_wave"] == "1"
        assert frame.attrs["facts"]["to_wave"] == "2"


def test_the_pivot_change_is_reported_for_its_coalition():
    got = changes(load_inputs([SAMPLE]).data, load_inputs([WAVE2]).data)["pivots"]
    row = got.set_index("coalition").loc["genk-welzijnsnetwerk-genk-noord"]
    assert (row["declared_before"], row["declared_after"]) == ("Lotte De Meyer",
                                                              "Saskia Coppens")
    # Coalitions whose declared pivots stayed and whose structural pivots stayed are absent.
    assert all((r.declared_before != r.declared_after) or (r.structural_before
                                                           != r.structural_after)
               for r in got.itertuples())


def _betweenness_ranks(path) -> pd.Series:
    """Rank of each actor's betweenness (1 = highest, ties share the best rank) on the
    actor network: co-membership plus ties, undirected, unweighted, every actor a vertex —
    computed with networkx (normalised ÷ (n−1)(n−2)/2, as its docs state)."""
    actors, m, ties = csv(path, "actors"), csv(path, "memberships"), csv(path, "ties")
    g = nx.Graph()
    g.add_nodes_from(actors["id"])
    for _, group in m.groupby("coalition"):
        members = sorted(set(group["actor"]))
        g.add_edges_from((a, b) for i, a in enumerate(members) for b in members[i + 1:])
    g.add_edges_from(zip(ties["source"], ties["target"], strict=True))
    btw = pd.Series(nx.betweenness_centrality(g, normalized=True))
    return btw.round(12).rank(method="min", ascending=False).astype(int)


def test_actors_who_rose_or_fell_are_ranked_as_networkx_ranks_them():
    got = changes(load_inputs([SAMPLE]).data, load_inputs([WAVE2]).data)["actors"]
    before, after = _betweenness_ranks(SAMPLE), _betweenness_ranks(WAVE2)
    common = before.index.intersection(after.index)
    moved = common[(before[common] != after[common]).to_numpy()]
    assert set(moved) <= set(got["id"])
    for row in got.head(10).itertuples():
        assert (row.rank_before, row.rank_after) == (before[row.id], after[row.id]), row.id
        assert row.rank_change == before[row.id] - after[row.id]
    # Sorted by the size of the move: the first is among those who moved most.
    biggest = (before[common] - after[common]).abs().max()
    assert abs(got["rank_change"].iloc[0]) == biggest
    # Wim Segers joined Leuven Zuid, bridging it to his other coalitions: he rose.
    assert got.set_index("id").loc["per-wim-segers", "rank_change"] > 0


def test_city_measures_move_where_the_waves_differ():
    got = changes(load_inputs([SAMPLE]).data, load_inputs([WAVE2]).data)["cities"]
    n = got[got["measure"] == "n_coalitions"].set_index("city")["change"].to_dict()
    c1, c2 = csv(SAMPLE, "coalitions"), csv(WAVE2, "coalitions")
    want = (c2.groupby("Stad").size().sub(c1.groupby("Stad").size(), fill_value=0))
    assert n == {city: float(d) for city, d in want.items() if d != 0}
    assert n == {"Genk": -1.0, "Hasselt": 1.0, "Leuven": 1.0}
    assert np.allclose(got["change"].dropna(), (got["after"] - got["before"]).dropna())


def run(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_changes_answers_the_same_on_both_engines(store_args, tmp_path, monkeypatch):
    """Both waves loaded into one store; `changes --format json` is one object with every
    table, and gives the documented differences."""
    assert run(*store_args, "load", str(SAMPLE), "--wave", "2019").exit_code == 0
    assert run(*store_args, "load", str(WAVE2), "--wave", "2023").exit_code == 0
    result = run(*store_args, "changes", "--from", "2019", "--format", "json")
    assert result.exit_code == 0, result.stderr
    body = json.loads(result.stdout)
    assert (body["from_wave"], body["to_wave"]) == ("2019", "2023")
    assert set(TABLES) <= set(body)
    assert found(body) == DOCUMENTED
    # The same from a second engine-independent route: the library on the CSVs.
    direct = changes(load_inputs([SAMPLE]).data, load_inputs([WAVE2]).data,
                     from_wave="2019", to_wave="2023")
    assert [r["id"] for r in body["actors"]["rows"]] == list(direct["actors"]["id"].head(20))
    pd.testing.assert_frame_equal(pd.DataFrame(body["cities"]["rows"]),
                                  direct["cities"].reset_index(drop=True), check_dtype=False)
    table = run(*store_args, "changes", "--from", "2019", "--to", "2023")
    assert "Klimaatburen Kessel-Lo" in table.stdout and "coalitions stopped" in table.stdout


def test_changes_from_an_unknown_wave_says_which_waves_there_are(store_args):
    run(*store_args, "load", str(SAMPLE), "--wave", "2019")
    result = run(*store_args, "changes", "--from", "2018")
    assert result.exit_code == 1
    assert "No wave '2018'" in result.stderr and "2019" in result.stderr
    assert "Traceback" not in result.output


def test_changes_names_both_waves_as_provenance_not_as_computed_facts(store_args):
    """The waves a comparison reads are how the table was made: CSV carries them as `#
    from_wave:`/`# to_wave:` provenance lines, the terminal's last line as "waves A → B" with
    each wave's files named once."""
    run(*store_args, "load", str(SAMPLE), "--wave", "2019")
    run(*store_args, "load", str(WAVE2), "--wave", "2023")
    text = run(*store_args, "changes", "--from", "2019", "--format", "csv").stdout
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert "# from_wave: 2019" in comments and "# to_wave: 2023" in comments
    assert not any("from_wave, as computed here" in line for line in comments)
    last = run(*store_args, "changes", "--from", "2019").stdout.strip().splitlines()[-1]
    assert "waves 2019 → 2023" in last
    assert last.count("wave 2019:") == 1 and last.count("wave 2023:") == 1
    dutch = run(*store_args, "--lang", "nl", "changes", "--from", "2019").stdout
    assert "golven 2019 → 2023" in dutch and "zie coalitions explain" in dutch
