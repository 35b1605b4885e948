"""Networks built from GraphData: incidence matrix, projections, ties, two-mode graph."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from coalitions.analysis.network import (
    actor_network,
    affiliation,
    coalition_network,
    directed_actor_network,
    tie_directions,
    tie_network,
    to_networkx,
    two_mode_network,
)
from coalitions.graph.model import GraphData


def small_data() -> GraphData:
    """Four actors, three coalitions, two ties; actor d sits in no coalition."""
    actors = pd.DataFrame({
        "id": ["a", "b", "c", "d"],
        "name": ["Ann", "Bob", "Cas", "Dee"],
        "kind": ["person", "organisation", "organisation", "person"],
        "sector": ["city_government", "nonprofit", "private", "citizens"],
        "function": ["official", None, None, "resident"],
        "organisation": [None] * 4,
        "city": ["Gent"] * 4,
    })
    coalitions = pd.DataFrame({
        "id": ["k1", "k2", "k3"], "name": ["One", "Two", "Three"],
        "city": ["Gent"] * 3, "themes": [["x"], ["y"], []], "role": ["services", None, None],
    })
    memberships = pd.DataFrame({
        "actor": ["a", "b", "a", "b", "c", "c", "a", "zz"],
        "coalition": ["k1", "k1", "k2", "k2", "k2", "k3", "k1", "k1"],
        "role": ["pivot", "member", "member", "member", "member", "member", "funder", "member"],
    })
    ties = pd.DataFrame({
        "source": ["a", "c", "d"], "target": ["c", "a", "b"],
        "type": ["advice", "advice", "friend"], "weight": [2.0, None, 0.5],
    })
    return GraphData(coalitions=coalitions, actors=actors, memberships=memberships, ties=ties)


def brute_force_shared(data: GraphData) -> dict[tuple[str, str], int]:
    """Shared coalitions per actor pair counted directly from membership sets (independent)."""
    ids = set(data.actors["id"])
    sets: dict[str, set[str]] = {}
    for actor, coalition in zip(data.memberships["actor"], data.memberships["coalition"],
                                strict=True):
        if actor in ids:
            sets.setdefault(actor, set()).add(coalition)
    out = {}
    for u, v in itertools.combinations(sorted(sets), 2):
        if sets[u] & sets[v]:
            out[(u, v)] = len(sets[u] & sets[v])
    return out


def edge_map(g, attr):
    return {tuple(sorted((g.vs[e.source]["name"], g.vs[e.target]["name"]))): e[attr]
            for e in g.es}


def test_affiliation_is_binary_and_ignores_unknown_actors():
    aff = affiliation(small_data())
    assert aff.actor_ids == ["a", "b", "c", "d"]
    assert aff.coalition_ids == ["k1", "k2", "k3"]
    # a is in k1 twice (pivot and funder): still one affiliation; "zz" is not an actor.
    expected = np.array([[1, 1, 0], [1, 1, 0], [0, 1, 1], [0, 0, 0]])
    assert (aff.matrix.toarray() == expected).all()


def test_actor_projection_counts_shared_coalitions_like_brute_force():
    data = small_data()
    g = actor_network(data, include_ties=False)
    assert edge_map(g, "shared") == brute_force_shared(data)
    assert edge_map(g, "weight") == pytest.approx(
        {k: float(v) for k, v in brute_force_shared(data).items()})


def test_actor_network_keeps_isolates_and_attributes():
    g = actor_network(small_data(), include_ties=False)
    assert g.vcount() == 4 and not g.is_directed()
    d = g.vs.find(name="d")
    assert d.degree() == 0
    assert d["label"] == "Dee" and d["sector"] == "citizens" and d["n_coalitions"] == 0
    assert g.vs.find(name="a")["n_coalitions"] == 2


def test_actor_network_adds_ties_ignoring_direction_and_summing_weights():
    g = actor_network(small_data())
    weight, shared = edge_map(g, "weight"), edge_map(g, "shared")
    # a–c: share k2 (1) + tie a→c (2.0) + tie c→a (missing weight counts 1).
    assert weight[("a", "c")] == pytest.approx(4.0) and shared[("a", "c")] == 1
    # b–d: no shared coalition, one tie of weight 0.5.
    assert weight[("b", "d")] == pytest.approx(0.5) and shared[("b", "d")] == 0
    assert weight[("a", "b")] == pytest.approx(2.0)
    assert g.is_simple()


def test_coalition_projection_counts_shared_actors():
    g = coalition_network(small_data())
    # k1={a,b}, k2={a,b,c}, k3={c}
    assert edge_map(g, "weight") == {("k1", "k2"): 2.0, ("k2", "k3"): 1.0}
    assert g.vs.find(name="k2")["n_members"] == 3
    assert g.vs.find(name="k1")["themes"] == ["x"]
    assert g.vs.find(name="k1")["role"] == "services"


def test_tie_network_is_directed_with_all_actors():
    g = tie_network(small_data())
    assert g.is_directed() and g.vcount() == 4 and g.ecount() == 3
    e = g.es[g.get_eid(g.vs.find(name="a").index, g.vs.find(name="c").index)]
    assert e["weight"] == 2.0 and e["type"] == "advice"
    assert g.es[g.get_eid(g.vs.find(name="c").index, g.vs.find(name="a").index)]["weight"] == 1.0


def test_two_mode_network_is_bipartite_with_one_edge_per_affiliation():
    g = two_mode_network(small_data())
    assert g.is_bipartite()
    assert g.vs["type"] == [False] * 4 + [True] * 3
    assert g.vs["mode"] == ["actor"] * 4 + ["coalition"] * 3
    assert g.ecount() == 6
    assert sorted(v["name"] for v in g.vs.find(name="k2").neighbors()) == ["a", "b", "c"]


def test_to_networkx_keeps_names_and_attributes():
    h = to_networkx(actor_network(small_data()))
    assert set(h.nodes) == {"a", "b", "c", "d"}
    assert h.nodes["a"]["sector"] == "city_government"
    assert h.edges["a", "c"]["weight"] == pytest.approx(4.0)
    assert isinstance(to_networkx(tie_network(small_data())), nx.DiGraph)


def test_projection_matches_brute_force_on_random_affiliations():
    rng = np.random.default_rng(7)
    n_actors, n_coalitions = 60, 15
    pairs = {(f"a{rng.integers(n_actors)}", f"k{rng.integers(n_coalitions)}")
             for _ in range(150)}
    memberships = pd.DataFrame(sorted(pairs), columns=["actor", "coalition"])
    data = GraphData(
        actors=pd.DataFrame({"id": [f"a{i}" for i in range(n_actors)]}),
        coalitions=pd.DataFrame({"id": [f"k{j}" for j in range(n_coalitions)]}),
        memberships=memberships,
    )
    assert edge_map(actor_network(data), "shared") == brute_force_shared(data)


@pytest.mark.parametrize("workers", [2, 3, 7])
def test_product_in_row_blocks_on_threads_equals_the_dense_product_without_diagonal(workers):
    # Independent check: numpy's dense B·diag(c)·Bᵀ with its diagonal zeroed; the stored
    # entries are exactly the pairs that share a column, and none is on the diagonal.
    import scipy.sparse as sp

    from coalitions.analysis.network import _weighted_product
    rng = np.random.default_rng(11)
    n, k = 2_500, 300  # (above the size where the rows are split into blocks)
    inc = sp.random(n, k, density=0.01, format="csr", random_state=rng, dtype=float)
    inc.data[:] = 1.0
    c = rng.integers(1, 4, k).astype(float)
    one = _weighted_product(inc, c, workers=1)
    many = _weighted_product(inc, c, workers=workers)
    for attr in ("data", "indices", "indptr"):
        assert np.array_equal(getattr(one, attr), getattr(many, attr))
    dense = inc.toarray()
    expected = dense @ np.diag(c) @ dense.T
    np.fill_diagonal(expected, 0)
    assert np.array_equal(many.toarray(), expected)
    shares = (dense @ dense.T) > 0
    np.fill_diagonal(shares, False)
    pattern = np.zeros((n, n), dtype=bool)
    pattern[np.repeat(np.arange(n), np.diff(many.indptr)), many.indices] = True
    assert np.array_equal(pattern, shares)
    assert many.has_sorted_indices and many.indices.dtype == np.int32


def test_ids_that_are_not_text_are_matched_as_text_and_missing_ones_match_nothing():
    # Notebook-built tables may hold numbers as ids; a membership of 7 names actor "7".
    data = small_data()
    data.actors["id"] = ["a", "b", "c", "7"]
    data.memberships = pd.DataFrame({"actor": ["a", 7, None, float("nan")],
                                     "coalition": ["k1", "k1", "k2", "k2"],
                                     "role": ["member"] * 4})
    m = affiliation(data).matrix.toarray()
    assert m[:, 0].tolist() == [1, 0, 0, 1]
    assert m[:, 1].tolist() == [0, 0, 0, 0]


def test_missing_attributes_reach_igraph_as_none():
    data = small_data()
    data.actors["sector"] = ["nonprofit", None, float("nan"), pd.NA]
    data.actors["name"] = ["Ann", None, 12, "Dee"]
    g = actor_network(data)
    assert g.vs["sector"] == ["nonprofit", None, None, None]
    assert g.vs["label"] == ["Ann", None, "12", "Dee"]


def test_empty_data_gives_empty_graphs():
    data = GraphData()
    assert actor_network(data).vcount() == 0
    assert coalition_network(data).ecount() == 0
    assert two_mode_network(data).vcount() == 0


def _arcs(g) -> set[tuple[str, str]]:
    names = g.vs["name"]
    return {(names[u], names[v]) for u, v in g.get_edgelist()}


def test_tie_directions_follow_the_recorded_value_then_the_type():
    data = small_data()
    # advice is directional, friend symmetric (coalitions.loaders.taxonomy)
    assert tie_directions(data).tolist() == [True, True, False]
    data.ties["directed"] = [False, None, True]
    assert tie_directions(data).tolist() == [False, True, True]
    assert tie_directions(data, directed=False).tolist() == [False] * 3
    assert tie_directions(data, directed=True).tolist() == [True] * 3


def test_directed_actor_network_keeps_directed_ties_one_way_and_the_rest_both_ways():
    data = small_data()
    g = directed_actor_network(data)
    both = {(u, v) for u, v in _arcs(actor_network(data, include_ties=True))}
    both |= {(v, u) for u, v in both}
    # d–b is a friend tie (symmetric); a → c and c → a are advice ties, a–c also share k2
    assert _arcs(g) == both
    data.ties["directed"] = [True, True, True]
    # d → b directed now: the arc b → d goes (d is in no coalition)
    assert _arcs(directed_actor_network(data)) == both - {("b", "d")}
    assert g.vs["name"] == data.actors["id"].tolist()
