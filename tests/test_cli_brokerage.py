"""Brokerage is one quantity: the same network and definition in every command (issue 19).

Zachary's karate club (Zachary 1977, J. Anthropol. Res. 33(4), 452-473; the edge list of
``networkx.karate_club_graph``) is loaded as a ties file of ``works_with`` ties, each edge
listed once, into a real embedded store. Its two leaders (nodes 0 and 33, here k1 and k34)
rank first and second by betweenness; symmetric ties must make them the top brokers.
"""

from __future__ import annotations

import csv
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from typer.testing import CliRunner

from coalitions.cli import app
from coalitions.graph.model import GOVERNMENT_FUNCTIONS
from tests.conftest import SAMPLE, json_rows

runner = CliRunner()


def invoke(*args: str, ok: bool = True):
    result = runner.invoke(app, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.stderr
    return result


def write_ties(folder: Path, edges, tie_type: str = "works_with",
               directed: list[str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    nodes = sorted({v for e in edges for v in e}, key=lambda v: (len(v), v))
    with open(folder / "actors.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "kind"])
        w.writerows([v, f"Member {v}", "person"] for v in nodes)
    with open(folder / "ties.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["source", "target", "type", *(["directed"] if directed else [])])
        for i, (u, v) in enumerate(edges):
            w.writerow([u, v, tie_type, *([directed[i]] if directed else [])])
    return folder


KARATE = nx.karate_club_graph()
KARATE_EDGES = [(f"k{u + 1}", f"k{v + 1}") for u, v in KARATE.edges()]


@pytest.fixture(scope="module")
def karate(tmp_path_factory):
    root = tmp_path_factory.mktemp("karate")
    store = ["--store", str(root / "karate.db")]
    invoke(*store, "load", str(write_ties(root / "files", KARATE_EDGES)))
    return store


def brokers(store: list[str], *args: str) -> pd.DataFrame:
    rows = json_rows(invoke(*store, "brokers", "--top", "100000", *args, "-f", "json").stdout)
    return pd.DataFrame(rows).set_index("id")


def test_karate_leaders_are_the_top_two_brokers_by_default(karate):
    df = brokers(karate)
    assert set(df.sort_values("total", ascending=False).index[:2]) == {"k1", "k34"}
    # betweenness (networkx) ranks the same two first
    btw = nx.betweenness_centrality(KARATE)
    assert {f"k{v + 1}" for v in sorted(btw, key=btw.get, reverse=True)[:2]} == {"k1", "k34"}


def test_karate_symmetric_brokerage_is_twice_the_open_pairs_and_one_minus_clustering(karate):
    # Undirected reading, one group: every open unordered pair of neighbours {a, c} of b is
    # brokered both ways, so total = 2 (C(d, 2) − triangles) and normalised = 1 − clustering
    # (networkx's triangles and clustering are independent of the package).
    df = brokers(karate)
    tri, clus = nx.triangles(KARATE), nx.clustering(KARATE)
    for v in KARATE:
        d = KARATE.degree(v)
        assert df.at[f"k{v + 1}", "total"] == 2 * (d * (d - 1) // 2 - tri[v])
        assert df.at[f"k{v + 1}", "possible"] == d * (d - 1)
        expected = 1 - clus[v] if d >= 2 else 0.0
        assert df.at[f"k{v + 1}", "normalised"] == pytest.approx(expected)


def test_directed_option_reads_each_tie_as_listed(karate):
    df = brokers(karate, "--directed")
    assert df.at["k1", "total"] == 0 and df.at["k34", "total"] == 0
    # Independent count: ordered triples a → b → c, a ≠ c, no arc a → c (sna's definition).
    dg = nx.DiGraph([(f"k{u + 1}", f"k{v + 1}") for u, v in KARATE.edges()])
    for b in dg:
        n = sum(1 for a in dg.predecessors(b) for c in dg.successors(b)
                if a != c and not dg.has_edge(a, c))
        assert df.at[b, "total"] == n
    assert brokers(karate, "--undirected")["total"].to_dict() == brokers(karate)[
        "total"].to_dict()


def test_directional_tie_type_stays_directed_and_the_sheet_can_say_so(store_args, tmp_path):
    # on both engines: the direction is stored on the TIE and read back
    path = [("a", "b"), ("b", "c")]  # a → b → c: b brokers one path, or two both ways
    cases = [("funds", None, 1), ("works_with", None, 2), ("works_with", ["yes", "ja"], 1),
             ("funds", ["no", "nee"], 2)]
    for i, (tie_type, directed, expected) in enumerate(cases):
        invoke(*store_args, "load", "--replace",
               str(write_ties(tmp_path / f"f{i}", path, tie_type, directed)))
        assert brokers(store_args).at["b", "total"] == expected, (tie_type, directed)


def test_unknown_tie_type_is_undirected_with_a_warning(tmp_path):
    store = ["--store", str(tmp_path / "s.db")]
    result = invoke(*store, "load", str(write_ties(tmp_path / "f", [("a", "b"), ("b", "c")],
                                                   "mentors")))
    assert 'tie type "mentors" is not known' in result.stderr
    assert result.stderr.count('"mentors"') == 1  # once per type, not once per tie
    assert brokers(store).at["b", "total"] == 2


def test_unreadable_direction_is_refused_and_the_store_left_as_it_was(tmp_path):
    store = ["--store", str(tmp_path / "s.db")]
    invoke(*store, "load", str(write_ties(tmp_path / "ok", [("a", "b"), ("b", "c")])))
    before = brokers(store)
    result = invoke(*store, "load", str(write_ties(tmp_path / "bad", [("a", "b"), ("b", "c")],
                                                   directed=["yes", "maybe"])), ok=False)
    assert result.exit_code != 0
    assert "directed" in result.stderr and '"maybe" is not a direction' in result.stderr
    assert "row 3" in result.stderr
    pd.testing.assert_frame_equal(brokers(store), before)


# --- one answer on the sample ---------------------------------------------------------------

@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    store = ["--store", str(tmp_path_factory.mktemp("sample") / "sample.db")]
    invoke(*store, "load", str(SAMPLE))
    return store


def officials_in_between(city: str) -> list[str]:
    """Officials and politicians in two or more of the city's coalitions, read from the
    sample's own files (not through the package)."""
    co = pd.read_csv(SAMPLE / "coalitions.csv")
    city_col = next(c for c in co.columns if c.lower() in ("stad", "city"))
    id_col = next(c for c in co.columns if c.lower() in ("id", "code"))
    ids = set(co.loc[co[city_col] == city, id_col])
    mem = pd.read_csv(SAMPLE / "memberships.csv")
    actors = pd.read_csv(SAMPLE / "actors.csv")
    fn_col = next(c for c in actors.columns if c.lower() in ("function", "functie"))
    gov = set(actors.loc[actors[fn_col].isin(GOVERNMENT_FUNCTIONS), actors.columns[0]])
    mine = mem[mem[mem.columns[1]].isin(ids) & mem[mem.columns[0]].isin(gov)]
    counts = mine.groupby(mine.columns[0])[mine.columns[1]].nunique()
    return sorted(counts[counts >= 2].index)


class _Tables(HTMLParser):
    """Rows of every table in each <section id=…> of a report, as cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: dict[str, list[list[str]]] = {}
        self.section = None
        self.row: list[str] | None = None
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self.section = dict(attrs).get("id")
            self.sections.setdefault(self.section, [])
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.sections.setdefault(self.section, []).append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


@pytest.mark.parametrize("city", ["Aalst", "Gent", "Brussel"])
def test_the_same_actor_has_the_same_brokerage_in_cities_brokers_and_the_report(
        sample, city, tmp_path):
    inbetween = officials_in_between(city)
    assert len(inbetween) >= 2
    per_actor = brokers(sample, "--city", city)
    profile = next(r for r in json_rows(invoke(*sample, "cities", "-f", "json").stdout)
                   if r["city"] == city)
    assert profile["n_inbetween"] == len(inbetween)
    assert profile["inbetween_brokerage"] == per_actor.loc[inbetween, "total"].sum()
    assert profile["inbetween_brokerage_normalised"] == pytest.approx(
        per_actor.loc[inbetween, "normalised"].mean())
    assert profile["inbetween_brokerage"] > 0

    out = tmp_path / "report.html"
    invoke(*sample, "report", "--city", city, "--out", str(out))
    parser = _Tables()
    parser.feed(out.read_text(encoding="utf-8"))
    head, *rows = parser.sections["brokers"]
    shown = pd.DataFrame(rows, columns=head)
    assert len(shown) >= 5
    by_name = per_actor.reset_index().set_index("name")
    for _, row in shown.iterrows():
        assert int(row["total"]) == by_name.at[row["name"], "total"]
        assert float(row["normalised"]) == pytest.approx(by_name.at[row["name"], "normalised"],
                                                         rel=5e-3, abs=1e-9)
    facts = dict(r for r in parser.sections["profile"] if len(r) == 2)
    key = next(k for k in facts if k.startswith("brokerage by those officials"))
    assert int(facts[key]) == profile["inbetween_brokerage"]
    key = next(k for k in facts if k.startswith("… normalised"))
    assert float(facts[key]) == pytest.approx(profile["inbetween_brokerage_normalised"],
                                              rel=5e-3)


def test_analyse_stores_the_brokerage_brokers_reports(sample, tmp_path):
    store = ["--store", str(tmp_path / "analysed.db")]
    invoke(*store, "load", str(SAMPLE))
    invoke(*store, "analyse")
    stored = [r for label in ("Person", "Organisation") for r in json_rows(invoke(
        *store, "query", f"MATCH (a:{label}) RETURN a.id AS id, a.brokerage AS b",
        "-f", "json").stdout)]
    per_actor = brokers(sample)
    assert len(stored) == len(per_actor)
    assert {r["id"]: r["b"] for r in stored} == pytest.approx(per_actor["total"].to_dict())


def test_direction_override_reaches_cities_as_brokers(tmp_path):
    # (Every tie of the sample joins two members of one coalition, so there direction never
    # changes a count: this city is built so that it does.) Official o sits in c1 with x
    # and in c2 with y; x funds y. o's ordered pairs: (x, y) closed by x → y, (y, x) open
    # unless the tie is read both ways.
    folder = tmp_path / "f"
    folder.mkdir()
    pd.DataFrame({"id": ["c1", "c2"], "Stad": ["Gent", "Gent"], "Naam": ["Een", "Twee"]}
                 ).to_csv(folder / "coalitions.csv", index=False)
    pd.DataFrame({"id": ["o", "x", "y"], "name": ["O", "X", "Y"],
                  "kind": ["person", "organisation", "organisation"],
                  "sector": ["city_government", "nonprofit", "private"],
                  "function": ["official", None, None]}).to_csv(folder / "actors.csv",
                                                                index=False)
    pd.DataFrame({"actor": ["o", "x", "o", "y"], "coalition": ["c1", "c1", "c2", "c2"]}
                 ).to_csv(folder / "memberships.csv", index=False)
    pd.DataFrame({"source": ["x"], "target": ["y"], "type": ["funds"]}).to_csv(
        folder / "ties.csv", index=False)
    store = ["--store", str(tmp_path / "s.db")]
    invoke(*store, "load", str(folder))
    for options, expected in (((), 1), (("--directed",), 1), (("--undirected",), 0)):
        profile = json_rows(invoke(*store, "cities", *options, "-f", "json").stdout)[0]
        assert profile["inbetween_brokerage"] == expected, options
        assert brokers(store, "--city", "Gent", *options).at["o", "total"] == expected
        assert profile["inbetween_brokerage_normalised"] == pytest.approx(expected / 2)


def test_hand_counted_roles_equal_the_package_on_a_five_actor_network(tmp_path):
    # a, b in sector nonprofit, c in private, d, e in city_government; ties (symmetric):
    # a–c, b–c, c–d, d–e, and a–b. Broker c: neighbours a, b, d; pairs (a, b) closed
    # (a–b); open ordered pairs: (a, d), (d, a), (b, d), (d, b). Groups: a, b nonprofit,
    # c private, d city_government → every open path through c is N → P → G or G → P → N,
    # i.e. liaison (Gould & Fernandez 1989, table 1: A → B → C). So c: liaison 4, total 4,
    # possible 3 · 2 = 6. Broker d: neighbours c, e, pair (c, e) open both ways: c, e in
    # other groups than d? e is city_government like d → (c, e) is P → G → G, gatekeeper;
    # (e, c) is G → G → P, representative.
    folder = tmp_path / "f"
    folder.mkdir()
    pd.DataFrame({"id": list("abcde"), "name": list("ABCDE"),
                  "kind": ["organisation"] * 5,
                  "sector": ["nonprofit", "nonprofit", "private", "city_government",
                             "city_government"]}).to_csv(folder / "actors.csv", index=False)
    pd.DataFrame({"source": ["a", "b", "c", "d", "a"], "target": ["c", "c", "d", "e", "b"],
                  "type": "works_with"}).to_csv(folder / "ties.csv", index=False)
    store = ["--store", str(tmp_path / "s.db")]
    invoke(*store, "load", str(folder))
    df = brokers(store)
    assert df.loc["c", ["liaison", "total", "possible"]].tolist() == [4, 4, 6]
    assert df.loc["d", ["representative", "gatekeeper", "total"]].tolist() == [1, 1, 2]
    assert df.loc["a", "total"] == 0  # neighbours b, c are linked
