"""Embeddedness: Burt's measures on Borgatti's published example, clustering, Blau, coalitions."""

from __future__ import annotations

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest

from coalitions.analysis.embeddedness import (
    actor_embeddedness,
    blau_index,
    clustering,
    coalition_embeddedness,
    constraint,
    effective_size,
    sector_diversity,
)
from coalitions.graph.model import GraphData

# Borgatti (1997), Structural holes: unpacking Burt's redundancy measures, Connections
# 20(1):35-38 (analytictech.com/connections/v20(1)/holes.htm): the ego network of G. The
# published values (checked by networkx against UCINET and igraph, networkx
# tests/test_structuralholes.py) are used below.
HOLES_EDGES = {
    ("A", "B"): 2, ("A", "F"): 3, ("A", "G"): 5, ("A", "E"): 2, ("E", "G"): 8,
    ("F", "G"): 3, ("B", "G"): 4, ("B", "D"): 1, ("D", "G"): 3, ("G", "C"): 10,
}


def holes(weighted: bool) -> ig.Graph:
    names = sorted({v for e in HOLES_EDGES for v in e})
    g = ig.Graph(n=len(names))
    g.vs["name"] = names
    g.add_edges([(names.index(u), names.index(v)) for u, v in HOLES_EDGES])
    if weighted:
        g.es["weight"] = list(HOLES_EDGES.values())
    return g


def test_constraint_matches_borgatti_example_unweighted():
    c = constraint(holes(weighted=False))
    assert c["G"] == pytest.approx(0.400, abs=1e-3)
    assert c["A"] == pytest.approx(0.595, abs=1e-3)
    assert c["C"] == pytest.approx(1.0, abs=1e-3)


def test_effective_size_matches_borgatti_example_unweighted():
    e = effective_size(holes(weighted=False))
    assert e["G"] == pytest.approx(4.67, abs=1e-2)
    assert e["A"] == pytest.approx(2.50, abs=1e-2)
    assert e["C"] == pytest.approx(1.0, abs=1e-2)


def test_weighted_burt_measures_match_published_weighted_example():
    g = holes(weighted=True)
    c, e = constraint(g), effective_size(g)
    assert c["G"] == pytest.approx(0.299, abs=1e-3)
    assert c["A"] == pytest.approx(0.795, abs=1e-3)
    assert e["G"] == pytest.approx(5.47, abs=1e-2)
    assert e["A"] == pytest.approx(2.47, abs=1e-2)


def test_constraint_agrees_with_igraph_and_networkx_on_weighted_karate():
    h = nx.karate_club_graph()  # integer weights
    g = ig.Graph.from_networkx(h, vertex_attr_hashable="name")
    ours = constraint(g)
    assert ours.tolist() == pytest.approx(g.constraint(weights="weight"))
    assert ours.to_dict() == pytest.approx(nx.constraint(h, weight="weight"))
    # networkx effective_size: Borgatti's n - 2t/n unweighted, Burt's formula weighted.
    assert effective_size(g, weights=None).to_dict() == pytest.approx(nx.effective_size(h))
    # Weighted: compared with networkx's per-node path (nodes=...), which spells out Burt's
    # redundancy sum. Its vectorised path (nodes=None) divides column j by the maximum of
    # row j (a 1-D max broadcast over columns) and gives other numbers on karate (networkx
    # 3.6); it agrees only on graphs like Borgatti's where that makes no difference.
    literal = nx.effective_size(h, weight="weight", nodes=list(h))
    assert effective_size(g).to_dict() == pytest.approx(literal)


def test_isolates_have_undefined_burt_measures():
    g = ig.Graph(n=3, edges=[(0, 1)])
    assert np.isnan(constraint(g)[2]) and np.isnan(effective_size(g)[2])
    assert constraint(g)[0] == pytest.approx(1.0)  # a single contact fully constrains


def test_clustering_matches_networkx(karate=None):
    h = nx.karate_club_graph()
    g = ig.Graph.from_networkx(h, vertex_attr_hashable="name")
    assert clustering(g).to_dict() == pytest.approx(nx.clustering(h))


def test_blau_index_by_hand():
    # (2, 2): 1 - (1/4 + 1/4) = 0.5; (3, 0): 0; (1, 1, 1): 1 - 3/9 = 2/3; no counts: NaN.
    got = blau_index(np.array([[2, 2, 0], [3, 0, 0], [1, 1, 1], [0, 0, 0]]))
    assert got[:3] == pytest.approx([0.5, 0.0, 2 / 3])
    assert np.isnan(got[3])


def test_sector_diversity_counts_alters_once_and_ignores_ego():
    g = ig.Graph(n=4, edges=[(0, 1), (0, 2), (0, 3)])
    g.es["weight"] = [5.0, 1.0, 1.0]
    g.vs["name"] = ["ego", "x", "y", "z"]
    g.vs["sector"] = ["city_government", "nonprofit", "nonprofit", "private"]
    d = sector_diversity(g)
    # Alters: nonprofit, nonprofit, private -> 1 - (4/9 + 1/9) = 4/9, whatever the weights.
    assert d["ego"] == pytest.approx(4 / 9)
    assert d["x"] == pytest.approx(0.0)


def sample_data() -> GraphData:
    actors = pd.DataFrame({
        "id": ["off", "pol", "stad", "npo1", "npo2", "firm"],
        "name": ["Official", "Politician", "City dept", "NPO 1", "NPO 2", "Firm"],
        "kind": ["person", "person", "organisation", "organisation", "organisation",
                 "organisation"],
        "sector": ["city_government", "city_government", "city_government", "nonprofit",
                   "nonprofit", "private"],
        "function": ["official", "politician", None, None, None, None],
        "city": ["Gent"] * 6,
    })
    coalitions = pd.DataFrame({"id": ["k1", "k2", "k3", "k4"],
                               "name": ["K1", "K2", "K3", "K4"], "city": ["Gent"] * 4})
    memberships = pd.DataFrame(
        [("off", "k1"), ("npo1", "k1"), ("stad", "k1"),
         ("off", "k2"), ("pol", "k2"), ("npo2", "k2"),
         ("firm", "k3"), ("npo2", "k3")],
        columns=["actor", "coalition"])
    return GraphData(coalitions=coalitions, actors=actors, memberships=memberships)


def test_coalition_embeddedness_counts_overlap_and_government():
    df = coalition_embeddedness(sample_data()).set_index("id")
    # k1 shares "off" with k2; k2 shares "off" with k1 and "npo2" with k3; k4 is empty.
    assert df["overlap"].to_dict() == {"k1": 1, "k2": 2, "k3": 1, "k4": 0}
    assert df["shared_members"].to_dict() == {"k1": 1, "k2": 2, "k3": 1, "k4": 0}
    assert df.loc["k2", "share_active_elsewhere"] == pytest.approx(2 / 3)
    assert np.isnan(df.loc["k4", "share_active_elsewhere"])
    assert df.loc["k1", ["officials", "politicians", "city_government_organisations"]].tolist() \
        == [1, 0, 1]
    assert df.loc["k2", "government_presence"] == 2
    assert df.loc["k3", "government_presence"] == 0
    # city government involved: the one definition (members of sector city_government,
    # officials, politicians) — k1 and k2, not the firm and nonprofit of k3 nor the empty k4
    assert df["with_government"].to_dict() == {"k1": True, "k2": True, "k3": False,
                                               "k4": False}


def test_actor_embeddedness_columns_and_values():
    df = actor_embeddedness(sample_data()).set_index("id")
    assert list(df.columns) == ["name", "sector", "city", "coreness", "constraint",
                                "effective_size", "clustering", "sector_diversity",
                                "coalitions"]
    # "off" ties k1 {npo1, stad} to k2 {pol, npo2}: four contacts, two pairs tied among
    # them (npo1-stad, pol-npo2), Borgatti: 4 - 2*2/4 = 3 (all weights are 1 here).
    assert df.loc["off", "effective_size"] == pytest.approx(3.0)
    assert df.loc["off", "clustering"] == pytest.approx(2 / 6)
    assert df.loc["off", "coalitions"] == 2
    # Contacts' sectors: nonprofit x2, city_government x2 -> Blau 0.5.
    assert df.loc["off", "sector_diversity"] == pytest.approx(0.5)


def test_actor_embeddedness_on_the_sparse_projection_equals_the_graph_measures():
    # The projection path against the per-graph functions on actor_network (themselves
    # checked against networkx and igraph above), with ties (one of weight 0), isolates and
    # several components; a small block size forces several row blocks.
    from coalitions.analysis import embeddedness as emb
    from coalitions.analysis.network import actor_network
    rng = np.random.default_rng(4)
    n = 160
    pairs = {(f"a{rng.integers(n - 10)}", f"k{rng.integers(30)}") for _ in range(320)}
    sectors = ["nonprofit", "private", "citizens", None]
    data = GraphData(
        actors=pd.DataFrame({"id": [f"a{i}" for i in range(n)],
                             "name": [f"A{i}" for i in range(n)],
                             "sector": [sectors[i % 4] for i in range(n)]}),
        coalitions=pd.DataFrame({"id": [f"k{j}" for j in range(30)]}),
        memberships=pd.DataFrame(sorted(pairs), columns=["actor", "coalition"]),
        ties=pd.DataFrame({"source": ["a1", "a2", "a3", "a155"],
                           "target": ["a2", "a1", "a90", "a156"],
                           "weight": [2.0, 0.5, 0.0, 1.0]}))
    old_block = emb._BLOCK_WORK
    emb._BLOCK_WORK = 500
    try:
        df = actor_embeddedness(data)
    finally:
        emb._BLOCK_WORK = old_block
    g = actor_network(data)
    expected = {"constraint": constraint(g), "effective_size": effective_size(g),
                "clustering": clustering(g), "sector_diversity": sector_diversity(g)}
    for column, values in expected.items():
        assert df[column].tolist() == pytest.approx(values.tolist(), nan_ok=True), column
    assert df["coreness"].tolist() == g.coreness()
    assert df["clustering"].tolist() == pytest.approx(g.transitivity_local_undirected(
        mode="zero"))


def test_actor_embeddedness_refuses_a_network_too_large_at_once():
    from coalitions.errors import UsageError
    with pytest.raises(UsageError, match="multiplications") as info:
        actor_embeddedness(sample_data(), max_work=5)
    assert "city" in info.value.hint
