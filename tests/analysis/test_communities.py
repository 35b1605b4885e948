"""Leiden communities: modularity against networkx and the published karate optimum."""

from __future__ import annotations

import random

import igraph as ig
import networkx as nx
import pandas as pd
import pytest

from coalitions.analysis.communities import communities, leiden
from coalitions.graph.model import GraphData


def karate_unweighted() -> ig.Graph:
    g = ig.Graph.from_networkx(nx.karate_club_graph(), vertex_attr_hashable="name")
    del g.es["weight"]
    return g


def test_leiden_reaches_the_published_karate_modularity_optimum():
    # Brandes et al. (2008), On modularity clustering, IEEE TKDE 20(2):172-188,
    # doi:10.1109/TKDE.2007.190689: the maximum modularity of Zachary's karate club is
    # 0.4198 (four communities). Checked independently with networkx's modularity.
    membership, q = leiden(karate_unweighted(), seed=1)
    assert q == pytest.approx(0.4198, abs=1e-3)
    parts = [set(map(int, (i for i, c in enumerate(membership) if c == k)))
             for k in set(membership)]
    assert nx.community.modularity(nx.karate_club_graph(), parts, weight=None) \
        == pytest.approx(q)
    assert len(parts) == 4


def test_leiden_is_deterministic_for_a_seed_and_leaves_global_rng_alone():
    g = karate_unweighted()
    state = random.getstate()
    a, _ = leiden(g, seed=7)
    assert random.getstate() == state
    b, _ = leiden(g, seed=7)
    assert a.tolist() == b.tolist()
    # Communities numbered by decreasing size.
    sizes = pd.Series(a).value_counts().sort_index().tolist()
    assert sizes == sorted(sizes, reverse=True)


def two_groups() -> GraphData:
    actors = pd.DataFrame({
        "id": [f"g{i}" for i in range(4)] + [f"n{i}" for i in range(4)],
        "name": [f"G{i}" for i in range(4)] + [f"N{i}" for i in range(4)],
        "sector": ["city_government"] * 3 + ["nonprofit"] + ["nonprofit"] * 4,
        "city": ["Gent"] * 4 + ["Genk"] * 4,
    })
    coalitions = pd.DataFrame({
        "id": ["k1", "k2", "k3"], "name": ["K1", "K2", "K3"],
        "themes": [["housing"], ["housing", "health"], ["sport"]],
    })
    memberships = pd.DataFrame(
        [(f"g{i}", "k1") for i in range(4)] + [(f"g{i}", "k2") for i in range(4)]
        + [(f"n{i}", "k3") for i in range(4)] + [("g3", "k3")],
        columns=["actor", "coalition"])
    return GraphData(actors=actors, coalitions=coalitions, memberships=memberships)


def test_communities_describe_sectors_themes_and_cities():
    members, summary = communities(two_groups())
    by_id = members.set_index("id")["community"]
    assert by_id["g0"] == by_id["g1"] == by_id["g2"]
    assert by_id["n0"] == by_id["n1"] != by_id["g0"]
    # Contributions add up to the partition's modularity.
    assert summary["modularity"].sum() == pytest.approx(summary.attrs["modularity"])
    g_row = summary.set_index("community").loc[by_id["g0"]]
    assert g_row["sectors"].startswith("city_government (3)")
    assert "housing" in g_row["themes"] and "Gent" in g_row["cities"]
    n_row = summary.set_index("community").loc[by_id["n0"]]
    assert n_row["themes"].startswith("sport")
    assert summary.attrs["seed"] == 42
