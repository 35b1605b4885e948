"""Structural vs declared pivots, their flags and quotable explanations."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from coalitions.analysis.pivots import coalition_pivots, explain_actor
from coalitions.graph.model import GraphData


def city() -> GraphData:
    """Gent: an official links three coalitions of nonprofits; each declares a nonprofit pivot.

    k1 = {off, n1, n2, stad}; k2 = {off, n3, n4}; k3 = {off, n5, n6}, plus Genk with one
    coalition k9 = {g1, g2} that declares nobody.
    """
    actors = pd.DataFrame({
        "id": ["off", "stad", "n1", "n2", "n3", "n4", "n5", "n6", "g1", "g2"],
        "name": ["Official", "City dept", "N1", "N2", "N3", "N4", "N5", "N6", "G1", "G2"],
        "kind": ["person", "organisation"] + ["organisation"] * 8,
        "sector": ["city_government", "city_government"] + ["nonprofit"] * 6
        + ["private", "citizens"],
        "function": ["official"] + [None] * 9,
        "city": ["Gent"] * 8 + ["Genk"] * 2,
    })
    coalitions = pd.DataFrame({"id": ["k1", "k2", "k3", "k9"], "name": ["K1", "K2", "K3", "K9"],
                               "city": ["Gent", "Gent", "Gent", "Genk"]})
    rows = [("off", "k1", "member"), ("n1", "k1", "pivot"), ("n2", "k1", "member"),
            ("stad", "k1", "member"),
            ("off", "k2", "coordinator"), ("n3", "k2", "member"), ("n4", "k2", "member"),
            ("off", "k3", "member"), ("n5", "k3", "pivot"), ("n6", "k3", "member"),
            ("g1", "k9", "member"), ("g2", "k9", "member")]
    memberships = pd.DataFrame(rows, columns=["actor", "coalition", "role"])
    return GraphData(coalitions=coalitions, actors=actors, memberships=memberships)


def city_networkx_betweenness(data: GraphData, city_name: str) -> dict[str, float]:
    """Independent: networkx betweenness on the co-membership graph built from member sets."""
    h = nx.Graph()
    co = data.coalitions[data.coalitions["city"] == city_name]
    for cid in co["id"]:
        members = data.memberships.loc[data.memberships["coalition"] == cid, "actor"]
        h.add_nodes_from(members)
        h.add_edges_from(itertools.combinations(sorted(set(members)), 2))
    return nx.betweenness_centrality(h)


def test_structural_pivot_is_the_top_broker_and_mismatch_is_flagged():
    data = city()
    df = coalition_pivots(data).set_index("id")
    expected = city_networkx_betweenness(data, "Gent")
    assert max(expected, key=expected.get) == "off"
    for k in ("k1", "k2", "k3"):
        assert df.loc[k, "structural_pivots"] == ["off"]
        assert df.loc[k, "structural_betweenness"] == pytest.approx(expected["off"])
    # k1 and k3 name a nonprofit as pivot: mismatch; k2 names the official: agreement.
    assert df.loc["k1", "declared_pivots"] == ["n1"] and df.loc["k1", "mismatch"]
    assert df.loc["k3", "mismatch"]
    assert df.loc["k2", "declared_pivots"] == ["off"] and not df.loc["k2", "mismatch"]


def test_explanation_states_coalitions_and_the_sectors_only_linked_through_the_pivot():
    df = coalition_pivots(city()).set_index("id")
    text = df.loc["k2", "structural_explanation"]
    assert text.startswith("sits in 3 coalitions")
    # n3..n6 have no city-government contact other than the official (n1, n2 also know
    # "stad" in k1): 4 nonprofits, counted by hand.
    assert "the only link between city government and 4 nonprofits" in text
    assert "reaches 2 sectors through 7 contacts" in text
    assert "rank 1 of 8 actors" in text


def test_declared_pivot_explanation_and_undeclared_coalition():
    df = coalition_pivots(city()).set_index("id")
    assert df.loc["k1", "declared_explanation"].startswith("sits in 1 coalition;")
    # Genk: nobody brokers (one coalition, nobody elsewhere), nobody declared.
    assert df.loc["k9", "structural_pivots"] == []
    assert df.loc["k9", "declared_explanation"] == "no pivot declared"
    assert df.loc["k9", "mismatch"] is None
    assert df.attrs["betweenness_method"]["Gent"] == "exact"


def path_city() -> GraphData:
    """City X: k1 = {a, b}, k2 = {b, c}, k3 = {c, d} — co-membership is the path a–b–c–d;
    city Y: k9 = {g1, g2}, one coalition, nobody brokers. k1 declares a, k2 declares c."""
    return GraphData(
        actors=pd.DataFrame({"id": ["a", "b", "c", "d", "g1", "g2"],
                             "name": ["A", "B", "C", "D", "G1", "G2"],
                             "sector": ["nonprofit", "city_government", "private", "nonprofit",
                                        "nonprofit", "private"],
                             "city": ["X"] * 4 + ["Y"] * 2}),
        coalitions=pd.DataFrame({"id": ["k1", "k2", "k3", "k9"],
                                 "name": ["K1", "K2", "K3", "K9"],
                                 "city": ["X", "X", "X", "Y"]}),
        memberships=pd.DataFrame([("a", "k1", "pivot"), ("b", "k1", "member"),
                                  ("b", "k2", "member"), ("c", "k2", "pivot"),
                                  ("c", "k3", "member"), ("d", "k3", "member"),
                                  ("g1", "k9", "pivot"), ("g2", "k9", "member")],
                                 columns=["actor", "coalition", "role"]),
    )


def test_tied_structural_pivots_are_all_named_and_a_tied_declared_pivot_is_no_mismatch():
    # By hand (Freeman 1978): on the path a–b–c–d, b lies on the shortest paths a–c and a–d,
    # c on b–d and a–d; 2 of the 3 pairs of other actors each: 2/3, a tie. a and d: 0.
    df = coalition_pivots(path_city()).set_index("id")
    assert df.loc["k2", "structural_pivots"] == ["b", "c"]
    assert df.loc["k2", "structural_pivot_names"] == ["B", "C"]
    assert df.loc["k2", "structural_betweenness"] == pytest.approx(2 / 3)
    text = df.loc["k2", "structural_explanation"]
    assert text.startswith("2 members tied at betweenness 0.667 (rank 1 of 4 actors): B")
    assert "B" in text and "C" in text
    assert "only link" not in text  # no "only link" claim while another member ties
    # c is declared in k2 and tied at the top: no mismatch
    assert df.loc["k2", "mismatch"] is False
    # k1: b alone at the top; the declared a (0) ranks strictly lower: a mismatch
    assert df.loc["k1", "structural_pivots"] == ["b"] and df.loc["k1", "mismatch"] is True
    assert df.loc["k1", "declared_betweenness"] == 0.0
    assert "betweenness 0: on no shortest path" in df.loc["k1", "declared_explanation"]
    assert "rank" not in df.loc["k1", "declared_explanation"]


def test_no_structural_pivot_when_the_top_betweenness_is_zero():
    df = coalition_pivots(path_city()).set_index("id")
    assert df.loc["k9", "structural_pivots"] == []
    assert math.isnan(df.loc["k9", "structural_betweenness"])
    assert "highest betweenness 0" in df.loc["k9", "structural_explanation"]
    assert df.loc["k9", "mismatch"] is None  # declared g1, but no structural pivot


def test_given_measures_are_used_instead_of_city_betweenness():
    data = city()
    measures = pd.DataFrame({"id": ["n2"], "betweenness": [1.0]})
    df = coalition_pivots(data, measures).set_index("id")
    assert df.loc["k1", "structural_pivots"] == ["n2"]
    assert df.attrs["betweenness_method"]["Gent"] == "given"


def test_sampled_betweenness_is_reported_per_city():
    df = coalition_pivots(city(), exact_seconds=0, seed=1)
    method = df.attrs["betweenness_method"]["Gent"]
    assert method.startswith("sampled") and "seed 1" in method and "interval" in method
    assert all(p == ["off"] for p in df.set_index("id").loc[["k1", "k2", "k3"],
                                                            "structural_pivots"])


def test_explain_actor_for_one_actor_and_unknown_actor():
    data = city()
    assert explain_actor(data, "n1") == "sits in 1 coalition; reaches 2 sectors through 3 contacts"
    assert explain_actor(data, "nobody") == "not in this network"


# --- one scope of isolates: the same betweenness in every command (bundled sample) ---------

SAMPLE = Path(__file__).resolve().parents[2] / "coalitions" / "data" / "sample"


@pytest.fixture(scope="module")
def sample() -> GraphData:
    from coalitions.loaders import load_inputs

    return load_inputs([SAMPLE]).data


def test_sample_betweenness_is_the_same_in_pivots_city_per_coalition_and_case(sample):
    from coalitions.analysis.centrality import actor_measures
    from coalitions.analysis.cities import case_table
    from coalitions.graph.scope import Scope

    per_coalition = coalition_pivots(sample)
    checked = 0
    for city_name, rows in per_coalition.groupby("city"):
        # `pivots --city X` is actor_measures on Scope(city=X)
        city_b = actor_measures(Scope(city=city_name).apply(sample)).set_index("id")["betweenness"]
        for row in rows.itertuples(index=False):
            for actor in row.structural_pivots:
                assert row.structural_betweenness == pytest.approx(city_b[actor], abs=1e-12)
                checked += 1
            for actor in row.declared_pivots:
                assert city_b[actor] <= row.declared_betweenness + 1e-12
        # `case` shows each member's betweenness in the same network
        case = case_table(sample, rows["id"].iloc[0])["members"].set_index("id")["betweenness"]
        assert case.to_numpy() == pytest.approx(city_b.loc[case.index].to_numpy(), abs=1e-12)
    assert checked >= 14


def test_sample_city_scope_is_the_members_of_its_coalitions_no_isolates(sample):
    # Independent: networkx on the co-membership + tie graph of Gent built from the CSVs; the
    # city departments in actors.csv that sit in no coalition are not vertices of it.
    co = pd.read_csv(SAMPLE / "coalitions.csv")
    members = pd.read_csv(SAMPLE / "memberships.csv")
    ties = pd.read_csv(SAMPLE / "ties.csv")
    gent = set(co.loc[co["Stad"] == "Gent", "id"])
    h = nx.Graph()
    for _cid, group in members[members["coalition"].isin(gent)].groupby("coalition"):
        h.add_nodes_from(group["actor"])
        h.add_edges_from(itertools.combinations(sorted(set(group["actor"])), 2))
    h.add_edges_from((s, t) for s, t in zip(ties["source"], ties["target"], strict=True)
                     if s in h and t in h and s != t)
    expected = nx.betweenness_centrality(h)
    from coalitions.analysis.centrality import actor_measures
    from coalitions.graph.scope import Scope

    got = actor_measures(Scope(city="Gent").apply(sample)).set_index("id")["betweenness"]
    assert set(got.index) == set(expected)
    assert "org-stad-gent-dienst-participatie" not in got.index  # in no coalition
    for actor, value in expected.items():
        assert got[actor] == pytest.approx(value, abs=1e-12)
    rows = coalition_pivots(sample)
    for row in rows[rows["city"] == "Gent"].itertuples(index=False):
        top = max(expected[a] for a in members.loc[members["coalition"] == row.id, "actor"])
        want = sorted(a for a in set(members.loc[members["coalition"] == row.id, "actor"])
                      if top > 0 and expected[a] == pytest.approx(top, rel=1e-9))
        assert sorted(row.structural_pivots) == want
