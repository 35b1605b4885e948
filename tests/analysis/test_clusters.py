"""The study's three clusterings, the data-driven clustering and the case shortlist."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from coalitions.analysis.clusters import (
    cluster_table,
    composition,
    data_clusters,
    involves_city_government,
    shortlist,
    silhouette_samples,
)
from coalitions.analysis.definitions import used
from coalitions.errors import UsageError
from coalitions.graph.model import GraphData
from coalitions.loaders.taxonomy import COMPOSITIONS, ROLES, THEMES

SAMPLE = Path(__file__).resolve().parents[2] / "coalitions" / "data" / "sample"


@pytest.fixture(scope="module")
def sample() -> GraphData:
    if not (SAMPLE / "coalitions.csv").exists():
        pytest.skip("the bundled sample (coalitions/data/sample) is not generated yet")
    from coalitions.loaders import load_inputs

    return load_inputs([SAMPLE]).data


def coalition(cid, themes=(), clusters=None, role=None, sectors=(), city="Gent"):
    themes = list(themes)
    if clusters is None:
        by_name = {t.name: t.cluster for t in THEMES}
        clusters = [by_name.get(t) for t in themes]
    return {"id": cid, "name": cid.title(), "city": city, "themes": themes,
            "theme_clusters": list(clusters), "role": role, "sectors": list(sectors)}


def graph(coalitions, actors=(), memberships=()) -> GraphData:
    return GraphData(
        coalitions=pd.DataFrame(list(coalitions)),
        actors=pd.DataFrame(list(actors), columns=["id", "name", "kind", "sector", "function",
                                                   "organisation", "city"]),
        memberships=pd.DataFrame(list(memberships), columns=["actor", "coalition", "role",
                                                             "since"]),
    )


# --- the study's tables on the sample -----------------------------------------------------

def test_sample_theme_table_reproduces_the_study(sample):
    # seed: "THEMA" slides, 20 sub-themes under 5 clusters, 52 for 51 coalitions
    t = cluster_table(sample, "theme")
    assert len(t) == 20
    assert t["group"].nunique() == 5
    expected = {th.name: th.study_count for th in THEMES}
    assert dict(zip(t["cluster"], t["count"], strict=True)) == expected
    assert t["count"].sum() == 52


def test_sample_role_table_reproduces_the_study(sample):
    # seed: expressive 20; service 6, 10, 10, 5
    t = cluster_table(sample, "role")
    assert dict(zip(t["code"], t["count"], strict=True)) == {r.code: r.study_count
                                                             for r in ROLES}
    assert t.groupby("group")["count"].sum().to_dict() == {"expressive": 20, "service": 31}


def test_sample_actors_table_reproduces_the_study(sample):
    # seed: 10, 7, 11, 2, 3, 18
    t = cluster_table(sample, "actors")
    assert dict(zip(t["cluster"], t["count"], strict=True)) == {label: count for _, label,
                                                                count in COMPOSITIONS}
    assert (t["count"] == t["study_count"]).all()


def test_examples_are_coalitions_of_that_row(sample):
    t = cluster_table(sample, "theme").set_index("cluster")
    names = set(sample.coalitions["name"])
    for cell in t["examples"]:
        for name in filter(None, cell.split("; ")):
            assert name in names
    # the study's own example for Energie
    assert "Energent" in t.at["Energie", "examples"].split("; ")


# --- tables on hand-built data -----------------------------------------------------------

def test_two_subthemes_count_under_both_and_unknown_theme_gets_its_own_row():
    data = graph([
        coalition("a", ["Energie", "Voeding"]),
        coalition("b", ["Energie"]),
        coalition("c", ["Kunst"], clusters=[None]),
    ])
    t = cluster_table(data, "theme").set_index("cluster")
    assert t.at["Energie", "count"] == 2
    assert t.at["Voeding", "count"] == 1
    assert t.at["Kunst", "count"] == 1
    assert t.at["Kunst", "group"] == "(not in the study's taxonomy)"
    assert pd.isna(t.at["Kunst", "study_count"])
    assert t.at["Energie", "examples"] == "A; B"


def test_role_table_lists_every_study_role_and_coalitions_without_role():
    data = graph([coalition("a", role="services"), coalition("b", role=None)])
    t = cluster_table(data, "role")
    assert list(t["code"][:5]) == [r.code for r in ROLES]
    assert t.set_index("code").at["services", "count"] == 1
    assert t.iloc[-1]["cluster"] == "(no role given)" and t.iloc[-1]["count"] == 1


def test_composition_comes_from_members_and_falls_back_to_the_declared_one():
    data = graph(
        [coalition("declared", sectors=["nonprofit", "citizens"]), coalition("undeclared"),
         coalition("nomembers", sectors=["nonprofit", "private"]), coalition("empty")],
        actors=[("g", "Stad", "organisation", "city_government", None, None, "Gent"),
                ("f", "Firma", "organisation", "private", None, None, "Gent"),
                ("k", "UGent", "organisation", "knowledge", None, None, "Gent")],
        memberships=[("g", "undeclared", "member", None), ("f", "undeclared", "member", None),
                     ("k", "undeclared", "member", None), ("g", "declared", "member", None)],
    )
    comp = composition(data).set_index("id")
    # the members win: a city-government actor is a member, whatever the inventory declares
    assert comp.at["declared", "sectors"] == ("city_government",)
    assert comp.at["declared", "source"] == "members"
    assert comp.at["declared", "declared_sectors"] == ("nonprofit",)
    assert comp.at["declared", "agrees"] is False and comp.at["declared", "government"]
    # knowledge institutions count as nonprofit in the study's four-sector reading
    assert comp.at["undeclared", "sectors"] == ("city_government", "nonprofit", "private")
    assert comp.at["undeclared", "label"] == (
        "Stedelijke overheid + nonprofit sector + private sector")
    assert comp.at["undeclared", "agrees"] is None  # nothing declared to compare with
    # no members: the declared composition, and the source says so
    assert comp.at["nomembers", "sectors"] == ("nonprofit", "private")
    assert comp.at["nomembers", "source"] == "declared (no member sectors)"
    assert comp.at["empty", "source"] == "none"
    (warning,) = comp.attrs["warnings"]
    assert "declared" in warning and "city government" in warning and "nonprofit only" in warning
    t = cluster_table(data, "actors").set_index("cluster")
    assert t.at["Nonprofit sector + private sector", "count"] == 1
    assert t.at["unknown", "count"] == 1
    assert t.attrs["warnings"] == [warning]


def test_an_official_counts_as_city_government_whatever_the_sector():
    data = graph(
        [coalition("c", sectors=["nonprofit"])],
        actors=[("o", "Olga", "person", "nonprofit", "official", None, "Gent"),
                ("n", "Vzw", "organisation", "nonprofit", None, None, "Gent")],
        memberships=[("o", "c", "member", None), ("n", "c", "member", None)],
    )
    assert involves_city_government(data) == {"c": True}
    assert composition(data).at[0, "sectors"] == ("city_government", "nonprofit")


def test_unknown_clustering_is_a_usage_error():
    with pytest.raises(UsageError, match="Cannot cluster coalitions by 'colour'"):
        cluster_table(graph([coalition("a")]), "colour")


# --- silhouette and the data-driven clustering -------------------------------------------

def brute_silhouette(dist, labels):
    """Rousseeuw (1987), eq. (1)–(3), written as loops."""
    n = len(labels)
    out = []
    for i in range(n):
        own = [j for j in range(n) if labels[j] == labels[i] and j != i]
        if not own:
            out.append(0.0)
            continue
        a = sum(dist[i][j] for j in own) / len(own)
        b = min(np.mean([dist[i][j] for j in range(n) if labels[j] == c])
                for c in set(labels) if c != labels[i])
        out.append((b - a) / max(a, b) if max(a, b) > 0 else 0.0)
    return np.array(out)


def test_silhouette_matches_rousseeuw_definition():
    rng = np.random.default_rng(3)
    pts = rng.normal(size=(12, 2))
    dist = np.sqrt(((pts[:, None] - pts[None, :]) ** 2).sum(-1))
    labels = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3]  # a singleton cluster too
    assert silhouette_samples(dist, labels) == pytest.approx(brute_silhouette(dist, labels))


def test_silhouette_two_points_hand_computed():
    # points 0, 1 close (distance 1), point 2 far (4 from 0, 3 from 1); clusters {0,1}, {2}
    dist = np.array([[0, 1, 4], [1, 0, 3], [4, 3, 0]], dtype=float)
    # s(0) = (4 - 1) / 4, s(1) = (3 - 1) / 3, s(2) = 0 (alone)
    assert silhouette_samples(dist, [1, 1, 2]) == pytest.approx([0.75, 2 / 3, 0.0])


def _two_kinds() -> GraphData:
    green = [coalition(f"g{i}", ["Energie"], role="sensitising", sectors=["nonprofit"])
             for i in range(4)]
    econ = [coalition(f"e{i}", ["Ondernemen"], role="innovation",
                      sectors=["city_government", "private"]) for i in range(3)]
    return graph(green + econ)


def test_data_clusters_recover_two_obvious_groups_and_choose_k_by_silhouette():
    assignments, info = data_clusters(_two_kinds())
    assert info["k"] == 2
    by_id = dict(zip(assignments["id"], assignments["cluster"], strict=True))
    assert {by_id[f"g{i}"] for i in range(4)} == {1}  # the larger group is cluster 1
    assert {by_id[f"e{i}"] for i in range(3)} == {2}
    # identical within, nothing shared between: Jaccard 0 inside, 1 across → silhouette 1
    assert info["silhouette"] == pytest.approx(1.0)
    assert info["silhouette_by_k"][2] == max(info["silhouette_by_k"].values())
    assert "Jaccard" in info["distance"] and "average" in info["linkage"]


def test_data_clusters_with_given_k_is_deterministic(sample):
    a1, i1 = data_clusters(sample, k=4)
    a2, i2 = data_clusters(sample, k=4)
    assert i1["k"] == 4 and i1["k_chosen_by"].startswith("given")
    assert a1["cluster"].tolist() == a2["cluster"].tolist()
    sizes = a1["cluster"].value_counts().sort_index().tolist()
    assert sizes == sorted(sizes, reverse=True)


def test_data_clusters_refuses_too_few_coalitions_and_bad_k():
    with pytest.raises(UsageError, match="at least 3 coalitions"):
        data_clusters(graph([coalition("a"), coalition("b")]))
    with pytest.raises(UsageError, match="Cannot make 9 clusters of 7"):
        data_clusters(_two_kinds(), k=9)


def _eight_distinct() -> GraphData:
    """Eight coalitions of which no two share a theme: silhouette alone favours near
    singletons here (issue 22: 7 clusters for 8 coalitions)."""
    names = [t.name for t in THEMES]
    roles = ["sensitising", "innovation", "cooperation", None]
    return graph([coalition(f"c{i}", [names[i], names[(i + 1) % 8]], role=roles[i % 4],
                            sectors=[["nonprofit"], ["private"]][i % 2]) for i in range(8)])


def test_data_clusters_on_eight_coalitions_choose_k_within_the_stated_bounds():
    data = _eight_distinct()
    assignments, info = data_clusters(data)
    # bounds: 2 .. min(8, n // 3) = min(8, 2) = 2 for n = 8, so clusters average 4 coalitions
    assert info["k_bounds"] == (2, 8 // 3)
    assert 2 <= info["k"] <= 8 // 3
    assert sorted(info["silhouette_by_k"]) == list(range(2, 8 // 3 + 1))
    assert assignments["cluster"].nunique() == info["k"]
    criterion = assignments.attrs["facts"]["k_criterion"]
    assert "highest mean silhouette" in criterion and "n = 8" in criterion
    assert "min(8, n ÷ 3)" in criterion
    assert set(used(assignments)) == {"cluster", "silhouette"}


def test_data_clusters_on_the_sample_try_every_k_from_2_to_8(sample):
    assignments, info = data_clusters(sample)
    n = len(sample.coalitions)  # 51: min(8, 51 // 3) = 8
    assert info["k_bounds"] == (2, min(8, n // 3)) == (2, 8)
    assert set(info["silhouette_by_k"]) <= set(range(2, 9))
    best = max(info["silhouette_by_k"].values())
    assert info["k"] == min(k for k, v in info["silhouette_by_k"].items() if v == best)
    assert f"k = {info['k']}" in assignments.attrs["facts"]["k_criterion"]


def test_data_clusters_refuse_to_choose_k_for_fewer_than_six_coalitions_but_take_a_given_k():
    five = graph(_two_kinds().coalitions.head(5).to_dict("records"))  # 4 green, 1 econ
    with pytest.raises(UsageError, match="Too few coalitions to choose a number of clusters"):
        data_clusters(five)
    _assignments, info = data_clusters(five, k=2)
    assert info["k"] == 2 and info["k_chosen_by"].startswith("given")


# --- shortlist ---------------------------------------------------------------------------

def test_shortlist_covers_new_categories_and_explains_why():
    data = _two_kinds()
    s = shortlist(data, 3)
    assert s["rank"].tolist() == [1, 2, 3]
    # the first two picks cover both kinds; the third starts over
    assert {s.at[0, "id"][0], s.at[1, "id"][0]} == {"g", "e"}
    assert s.at[0, "why"].startswith("covers ")
    assert "not yet covered" in s.at[0, "why"]
    assert "round 2" in s.at[2, "why"]


def test_shortlist_prefers_actor_data_and_a_declared_pivot_on_ties():
    data = graph(
        [coalition(c, ["Energie"], role="services", sectors=["nonprofit"]) for c in "abc"],
        actors=[("x", "Xavier", "person", "nonprofit", "staff", None, "Gent"),
                ("y", "Yasmina", "person", "nonprofit", "staff", None, "Gent")],
        memberships=[("x", "b", "member", None), ("y", "c", "pivot", None)],
    )
    s = shortlist(data, 3)
    assert s["id"].tolist() == ["c", "b", "a"]
    assert s.at[0, "declared_pivot"] == "Yasmina"
    assert "declared pivot: Yasmina" in s.at[0, "why"]
    assert "no actor data" in s.at[2, "why"]


def test_shortlist_on_sample_is_greedy_maximum_coverage(sample):
    s = shortlist(sample, 8)
    assert s.equals(shortlist(sample, 8))  # deterministic
    comp = composition(sample).set_index("id")
    co = sample.coalitions.set_index("id")
    kinds = {r.code: r.kind for r in ROLES}

    def cats(cid):
        out = {("theme", c) for c in co.at[cid, "theme_clusters"] if c}
        out.add(("role", kinds[co.at[cid, "role"]]))
        out.add(("actors", comp.at[cid, "sectors"]))
        return out

    covered: set = set()
    universe = set().union(*(cats(c) for c in co.index))
    picked: set = set()
    for cid in s["id"]:
        if covered >= universe:
            covered = set()
        best = max(len(cats(c) - covered) for c in co.index if c not in picked)
        assert len(cats(cid) - covered) == best  # each pick gains the most still possible
        covered |= cats(cid)
        picked.add(cid)
    assert len(set(s["id"])) == 8


def test_shortlist_needs_a_positive_number():
    with pytest.raises(UsageError):
        shortlist(_two_kinds(), 0)


def test_feature_columns_are_binary(sample):
    from coalitions.analysis.clusters import coalition_features

    x = coalition_features(sample)
    assert set(np.unique(x.to_numpy())) <= {0, 1}
    assert (x.filter(like="role:").sum(axis=1) == 1).all()
    assert list(itertools.islice(x.columns, 1))[0].startswith("theme:")


# --- composition of the five cases, derived independently from the sample's CSV files -------

# The documented rule (coalitions.loaders.taxonomy, DESIGN.md "Sectors of actors"): the
# study's composition table has four sectors; citizens (burgers, bewoners, vrijwilligers) and
# knowledge institutions (universiteit, hogeschool) are civil society and count as nonprofit;
# an official or politician counts as city government.
SECTOR_TO_CATEGORY = {"city_government": "city_government",
                      "other_government": "other_government", "nonprofit": "nonprofit",
                      "citizens": "nonprofit", "knowledge": "nonprofit", "private": "private"}
FIVE_CASES = ["Solied", "De Koep", "Energent", "Duurzame Haven", "EGEB"]


def members_composition_from_csv(name: str) -> tuple[str, set[str], set[str]]:
    """(id, categories of the members, categories declared) read with pandas alone."""
    co = pd.read_csv(SAMPLE / "coalitions.csv")
    actors = pd.read_csv(SAMPLE / "actors.csv")
    members = pd.read_csv(SAMPLE / "memberships.csv")
    (cid,) = co.loc[co["Naam"] == name, "id"]
    mine = members[members["coalition"] == cid].merge(actors, left_on="actor", right_on="id")
    found = {SECTOR_TO_CATEGORY[s] for s in mine["sector"].dropna()}
    if mine["function"].isin(["official", "politician"]).any():
        found.add("city_government")
    (declared,) = co.loc[co["Naam"] == name, "sectors"]
    return cid, found, {SECTOR_TO_CATEGORY[s] for s in declared.split(";")}


@pytest.mark.parametrize("name", FIVE_CASES)
def test_the_five_cases_composition_is_their_members(sample, name):
    cid, found, declared = members_composition_from_csv(name)
    comp = composition(sample).set_index("id")
    assert set(comp.at[cid, "sectors"]) == found
    assert comp.at[cid, "source"] == "members"
    assert set(comp.at[cid, "declared_sectors"]) == declared
    assert comp.at[cid, "government"] == ("city_government" in found)
    assert comp.at[cid, "label"] in {label for _, label, _ in COMPOSITIONS}  # one of the six


def test_sample_members_and_inventory_agree_so_no_warning(sample):
    comp = composition(sample)
    assert comp["agrees"].tolist() == [True] * len(comp)
    assert comp.attrs["warnings"] == []
