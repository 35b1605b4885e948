"""Structural vs declared pivots, their flags and quotable explanations."""

from __future__ import annotations

import itertools

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
        assert df.loc[k, "structural_pivot"] == "off"
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
    assert "rank 1 of 8" in text


def test_declared_pivot_explanation_and_undeclared_coalition():
    df = coalition_pivots(city()).set_index("id")
    assert df.loc["k1", "declared_explanation"].startswith("sits in 1 coalition;")
    # Genk: nobody brokers (one coalition, nobody elsewhere), nobody declared.
    assert df.loc["k9", "structural_pivot"] is None
    assert df.loc["k9", "declared_explanation"] == "no pivot declared"
    assert df.loc["k9", "mismatch"] is None
    assert df.attrs["betweenness_method"]["Gent"] == "exact"


def test_ties_broken_by_number_of_coalitions():
    # Two members with equal (zero) betweenness; "b" sits in two coalitions.
    data = GraphData(
        actors=pd.DataFrame({"id": ["a", "b", "c"], "name": ["A", "B", "C"],
                             "sector": ["nonprofit"] * 3, "city": ["X"] * 3}),
        coalitions=pd.DataFrame({"id": ["k1", "k2"], "name": ["K1", "K2"], "city": ["X", "X"]}),
        memberships=pd.DataFrame([("a", "k1", "pivot"), ("b", "k1", "member"),
                                  ("b", "k2", "member"), ("a", "k2", "member")],
                                 columns=["actor", "coalition", "role"]),
    )
    df = coalition_pivots(data).set_index("id")
    assert df.loc["k1", "structural_betweenness"] == 0.0
    assert df.loc["k1", "structural_pivot"] == "a"  # both in 2 coalitions: id order
    data.memberships = data.memberships.iloc[:3]  # now only b is in two coalitions
    df = coalition_pivots(data).set_index("id")
    assert df.loc["k1", "structural_pivot"] == "b" and df.loc["k1", "mismatch"]


def test_given_measures_are_used_instead_of_city_betweenness():
    data = city()
    measures = pd.DataFrame({"id": ["n2"], "betweenness": [1.0]})
    df = coalition_pivots(data, measures).set_index("id")
    assert df.loc["k1", "structural_pivot"] == "n2"
    assert df.attrs["betweenness_method"]["Gent"] == "given"


def test_sampled_betweenness_is_reported_per_city():
    df = coalition_pivots(city(), exact_seconds=0, seed=1)
    method = df.attrs["betweenness_method"]["Gent"]
    assert method.startswith("sampled") and "seed 1" in method and "interval" in method
    assert (df.set_index("id").loc[["k1", "k2", "k3"], "structural_pivot"] == "off").all()


def test_explain_actor_for_one_actor_and_unknown_actor():
    data = city()
    assert explain_actor(data, "n1") == "sits in 1 coalition; reaches 2 sectors through 3 contacts"
    assert explain_actor(data, "nobody") == "not in this network"
