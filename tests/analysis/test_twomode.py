"""Two-mode centrality: Borgatti & Everett (1997) normalisations on the Davis Southern Women."""

from __future__ import annotations

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from networkx.algorithms import bipartite
from scipy.stats import spearmanr

from coalitions.analysis.twomode import (
    two_mode_betweenness,
    two_mode_closeness,
    two_mode_degree,
    two_mode_eigenvector,
    two_mode_measures,
)
from coalitions.graph.model import GraphData

# Davis, Gardner & Gardner (1941), Deep South: 18 women x 14 events. Borgatti & Everett (1997),
# Network analysis of 2-mode data, Social Networks 19(3):243-269,
# doi:10.1016/S0378-8733(96)00301-2, report the two-mode normalised scores; the values below
# are their table as reproduced in networkx's bipartite/tests/test_centrality.py.
PUBLISHED_DEGREE = {
    "E8": 0.78, "E9": 0.67, "E7": 0.56, "Nora Fayette": 0.57, "Evelyn Jefferson": 0.57,
    "Theresa Anderson": 0.57, "E6": 0.44, "Sylvia Avondale": 0.50, "Laura Mandeville": 0.50,
    "Brenda Rogers": 0.50, "Katherina Rogers": 0.43, "E5": 0.44, "Helen Lloyd": 0.36,
    "E3": 0.33, "Ruth DeSand": 0.29, "Verne Sanderson": 0.29, "E12": 0.33,
    "Myra Liddel": 0.29, "E11": 0.22, "Eleanor Nye": 0.29, "Frances Anderson": 0.29,
    "Pearl Oglethorpe": 0.21, "E4": 0.22, "Charlotte McDowd": 0.29, "E10": 0.28,
    "Olivia Carleton": 0.14, "Flora Price": 0.14, "E2": 0.17, "E1": 0.17,
    "Dorothy Murchison": 0.14, "E13": 0.17, "E14": 0.17,
}
PUBLISHED_BETWEENNESS = {
    "E8": 0.24, "E9": 0.23, "E7": 0.13, "Nora Fayette": 0.11, "Evelyn Jefferson": 0.10,
    "Theresa Anderson": 0.09, "E6": 0.07, "Sylvia Avondale": 0.07, "Laura Mandeville": 0.05,
    "Brenda Rogers": 0.05, "Katherina Rogers": 0.05, "E5": 0.04, "Helen Lloyd": 0.04,
    "E3": 0.02, "Ruth DeSand": 0.02, "Verne Sanderson": 0.02, "E12": 0.02,
    "Myra Liddel": 0.02, "E11": 0.02, "Eleanor Nye": 0.01, "Frances Anderson": 0.01,
    "Pearl Oglethorpe": 0.01, "E4": 0.01, "Charlotte McDowd": 0.01, "E10": 0.01,
    "Olivia Carleton": 0.01, "Flora Price": 0.01, "E2": 0.00, "E1": 0.00,
    "Dorothy Murchison": 0.00, "E13": 0.00, "E14": 0.00,
}
PUBLISHED_CLOSENESS = {
    "E8": 0.85, "E9": 0.79, "E7": 0.73, "Nora Fayette": 0.80, "Evelyn Jefferson": 0.80,
    "Theresa Anderson": 0.80, "E6": 0.69, "Sylvia Avondale": 0.77, "Laura Mandeville": 0.73,
    "Brenda Rogers": 0.73, "Katherina Rogers": 0.73, "E5": 0.59, "Helen Lloyd": 0.73,
    "E3": 0.56, "Ruth DeSand": 0.71, "Verne Sanderson": 0.71,
}


@pytest.fixture
def davis() -> ig.Graph:
    h = nx.davis_southern_women_graph()
    g = ig.Graph.from_networkx(h, vertex_attr_hashable="name")
    g.vs["type"] = [b == 1 for b in g.vs["bipartite"]]  # women False, events True
    return g


def women() -> list[str]:
    h = nx.davis_southern_women_graph()
    return [n for n, d in h.nodes(data=True) if d["bipartite"] == 0]


def test_davis_two_mode_degree_matches_borgatti_everett(davis):
    d = two_mode_degree(davis)
    for node, value in PUBLISHED_DEGREE.items():
        assert d[node] == pytest.approx(value, abs=1e-2)


def test_davis_two_mode_betweenness_matches_borgatti_everett(davis):
    b = two_mode_betweenness(davis)
    for node, value in PUBLISHED_BETWEENNESS.items():
        assert b[node] == pytest.approx(value, abs=1e-2)
    # Independent computation at full precision: networkx's bipartite implementation.
    assert b.to_dict() == pytest.approx(
        bipartite.betweenness_centrality(nx.davis_southern_women_graph(), women()))


def test_davis_two_mode_closeness_matches_borgatti_everett(davis):
    c = two_mode_closeness(davis)
    assert c.attrs["method"] == "classic"  # the Davis network is connected
    for node, value in PUBLISHED_CLOSENESS.items():
        assert c[node] == pytest.approx(value, abs=1e-2)
    assert c.to_dict() == pytest.approx(
        bipartite.closeness_centrality(nx.davis_southern_women_graph(), women()))


def test_two_mode_closeness_of_a_star_hub_is_one_also_when_disconnected():
    # Coalition k adjacent to all three actors, plus an isolated actor-coalition pair:
    # the hub reaches the theoretical best, harmonic sum m + (n-1)/2.
    g = ig.Graph(n=6, edges=[(0, 4), (1, 4), (2, 4), (3, 5)])
    g.vs["type"] = [False] * 4 + [True] * 2
    g.vs["name"] = ["a", "b", "c", "d", "k", "l"]
    c = two_mode_closeness(g)
    assert c.attrs["method"] == "harmonic"
    # k: distance 1 to a, b, c (3 of m=4 actors), distance 2 to nothing of its own mode
    # reachable: 3 / (4 + (2-1)/2).
    assert c["k"] == pytest.approx(3 / 4.5)
    # a: 1 to k, 2 to b and c: (1 + 1) / (2 + 3/2).
    assert c["a"] == pytest.approx(2 / 3.5)


def test_two_mode_eigenvector_has_unit_norm_per_mode(davis):
    e = two_mode_eigenvector(davis)
    w = e[women()]
    events = e.drop(women())
    assert (w**2).sum() == pytest.approx(1.0) and (events**2).sum() == pytest.approx(1.0)
    # Bonacich (1991): the women's part is the leading eigenvector of the women's projection
    # A·Aᵀ (its diagonal included), here computed independently with numpy.
    h = nx.davis_southern_women_graph()
    a = bipartite.biadjacency_matrix(h, row_order=women()).toarray()
    vals, vecs = np.linalg.eigh(a @ a.T)
    lead = np.abs(vecs[:, -1])
    assert w.to_numpy() == pytest.approx(lead, abs=1e-6)


def davis_data() -> GraphData:
    h = nx.davis_southern_women_graph()
    ws = women()
    events = [n for n in h if n not in ws]
    return GraphData(
        actors=pd.DataFrame({"id": ws, "name": ws, "kind": "person", "sector": "citizens"}),
        coalitions=pd.DataFrame({"id": events, "name": events}),
        memberships=pd.DataFrame([(u, v) if u in ws else (v, u) for u, v in h.edges],
                                 columns=["actor", "coalition"]),
    )


def test_two_mode_measures_give_rows_for_both_modes():
    df = two_mode_measures(davis_data())
    assert list(df["mode"].value_counts().sort_index().items()) == [("actor", 18),
                                                                     ("coalition", 14)]
    row = df.set_index("id").loc["E8"]
    assert row["degree"] == pytest.approx(0.78, abs=1e-2)  # Borgatti & Everett (1997)
    assert row["members"] == 14 and pd.isna(row["coalitions"])
    assert df.set_index("id").loc["Evelyn Jefferson", "coalitions"] == 8
    assert df.attrs["betweenness_method"].startswith("exact")


def test_two_mode_measures_sampled_betweenness_tracks_exact():
    exact = two_mode_measures(davis_data())
    est = two_mode_measures(davis_data(), exact_limit=10, samples=30, seed=4)
    assert "30 sources, seed 4" in est.attrs["betweenness_method"]
    assert spearmanr(exact["betweenness"], est["betweenness"]).statistic >= 0.9
