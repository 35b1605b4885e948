"""Gould–Fernandez brokerage roles (coalitions.analysis.brokerage).

Reference semantics: R sna's ``brokerage()`` (C. T. Butts), ``sna/src/gli.c``
(``brokerage_R``: for ego i, alter j, alter's alter k, i ≠ k, j ≠ k, and no arc i → k,
j scores by the classes of i, j, k) and ``sna/R/gli.R`` (moments under a Bernoulli graph).
Gould & Fernandez (1989), Sociological Methodology 19:89–126, doi:10.2307/270949.
"""

from __future__ import annotations

import itertools
import random

import igraph as ig
import numpy as np
import pandas as pd
import pytest

from coalitions.analysis.brokerage import (
    ROLES,
    _global_moments,
    _group_moments,
    actor_brokerage,
    brokerage_roles,
)
from coalitions.errors import UsageError
from coalitions.graph.model import GraphData

ROLE5 = ROLES[:5]


def brute_force(adj: np.ndarray, cl: list) -> np.ndarray:
    """Triple loop written from sna's gli.c description, independent of the module."""
    n = len(adj)
    out = np.zeros((n, 6), dtype=int)
    for i, j, k in itertools.permutations(range(n), 3):
        if not (adj[i, j] and adj[j, k]) or adj[i, k]:
            continue
        if cl[i] == cl[j] == cl[k]:
            role = 0  # coordinator
        elif cl[i] == cl[k]:
            role = 1  # itinerant (i, k share a group, broker j does not)
        elif cl[i] == cl[j]:
            role = 2  # representative
        elif cl[j] == cl[k]:
            role = 3  # gatekeeper
        else:
            role = 4  # liaison
        out[j, role] += 1
    out[:, 5] = out[:, :5].sum(axis=1)
    return out


def counts(df: pd.DataFrame, vertex: int) -> dict[str, int]:
    return {r: int(df.loc[vertex, r]) for r in ROLES}


def directed(n: int, edges: list[tuple[int, int]]) -> ig.Graph:
    g = ig.Graph(n=n, edges=edges, directed=True)
    g.vs["name"] = [f"v{i}" for i in range(n)]
    return g


# --- one role at a time: a → b → c, three vertices -------------------------------------

@pytest.mark.parametrize(
    ("groups", "role"),
    [
        (["A", "A", "A"], "coordinator"),     # A → A → A
        (["A", "B", "A"], "itinerant"),       # A → B → A
        (["A", "A", "B"], "representative"),  # A → A → B
        (["A", "B", "B"], "gatekeeper"),      # A → B → B
        (["A", "B", "C"], "liaison"),         # A → B → C
    ],
)
def test_single_two_path_scores_its_broker_in_exactly_one_role(groups, role):
    # 0 → 1 → 2: vertex 1 brokers one open two-path; the ends broker nothing.
    df = brokerage_roles(directed(3, [(0, 1), (1, 2)]), groups)
    expected = dict.fromkeys(ROLES, 0)
    expected[role] = 1
    expected["total"] = 1
    assert counts(df, 1) == expected
    assert df.loc[[0, 2], "total"].tolist() == [0, 0]


# --- all five roles on one broker, hand-counted ----------------------------------------
#
#        a1 (A)              a2 (A)
#            \              ^
#             v            /
#              x (B) -----+----> b2 (B)
#             ^            \
#            /              v
#        b1 (B)              c1 (C)
#
# Arcs: a1→x, b1→x, x→a2, x→b2, x→c1. Two-paths through x, by (source, target):
#   a1→x→a2  A B A  itinerant        b1→x→a2  B B A  representative
#   a1→x→b2  A B B  gatekeeper       b1→x→b2  B B B  coordinator
#   a1→x→c1  A B C  liaison          b1→x→c1  B B C  representative
STAR = ["x", "a1", "b1", "a2", "b2", "c1"]
STAR_GROUPS = ["B", "A", "B", "A", "B", "C"]
STAR_ARCS = [(1, 0), (2, 0), (0, 3), (0, 4), (0, 5)]


def test_hand_counted_broker_covers_all_five_roles():
    df = brokerage_roles(directed(6, STAR_ARCS), STAR_GROUPS)
    assert counts(df, 0) == {"coordinator": 1, "itinerant": 1, "representative": 2,
                             "gatekeeper": 1, "liaison": 1, "total": 6}
    assert df.loc[1:, "total"].sum() == 0


def test_closed_two_paths_do_not_count():
    # Same star plus a1→c1 and b1→b2: a1→x→c1 (liaison) and b1→x→b2 (coordinator) are
    # now closed by a direct arc, so x loses exactly those two.
    arcs = [*STAR_ARCS, (1, 5), (2, 4)]
    df = brokerage_roles(directed(6, arcs), STAR_GROUPS)
    assert counts(df, 0) == {"coordinator": 0, "itinerant": 1, "representative": 2,
                             "gatekeeper": 1, "liaison": 0, "total": 4}


def test_closure_in_the_opposite_direction_does_not_close_the_path():
    # c1→a1 is not a1→c1: sna checks only the arc from source to target.
    df = brokerage_roles(directed(6, [*STAR_ARCS, (5, 1)]), STAR_GROUPS)
    assert int(df.loc[0, "liaison"]) == 1


def test_path_back_to_its_start_is_not_a_two_path():
    # a ⇄ b: a → b → a returns to a, which is not mediation.
    df = brokerage_roles(directed(2, [(0, 1), (1, 0)]), ["A", "A"])
    assert df["total"].tolist() == [0, 0]


def test_weights_multiple_arcs_and_loops_are_ignored():
    g = directed(3, [(0, 1), (0, 1), (1, 1), (1, 2)])
    g.es["weight"] = [5.0, 2.0, 1.0, 3.0]
    df = brokerage_roles(g, ["A", "A", "A"])
    assert counts(df, 1)["coordinator"] == 1
    assert df.attrs["density"] == pytest.approx(2 / 6)


# --- the undirected reading ------------------------------------------------------------

def test_undirected_path_counts_both_directions_representative_equals_gatekeeper():
    # a1 — a2 — b1 (groups A, A, B): a1→a2→b1 is representative, b1→a2→a1 gatekeeper.
    g = ig.Graph(n=3, edges=[(0, 1), (1, 2)])
    df = brokerage_roles(g, ["A", "A", "B"])
    assert counts(df, 1) == {"coordinator": 0, "itinerant": 0, "representative": 1,
                             "gatekeeper": 1, "liaison": 0, "total": 2}
    assert df.attrs["reading"] == "undirected"


def test_undirected_star_coordinator_counts_ordered_pairs_of_leaves():
    # centre with 4 leaves of its own group, no leaf–leaf edges: 4·3 ordered open pairs.
    g = ig.Graph.Star(5)
    df = brokerage_roles(g, ["A"] * 5)
    assert int(df.loc[0, "coordinator"]) == 12


# --- independent brute force on random graphs ------------------------------------------

@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("is_directed", [True, False])
def test_matches_brute_force_triple_loop_on_random_graphs(seed, is_directed):
    rng = random.Random(seed)
    n = rng.randint(2, 14)
    p = rng.choice([0.15, 0.3, 0.5, 0.8])
    pairs = (itertools.permutations(range(n), 2) if is_directed
             else itertools.combinations(range(n), 2))
    g = ig.Graph(n=n, edges=[e for e in pairs if rng.random() < p], directed=is_directed)
    groups = [rng.choice("ABCD"[: rng.randint(1, 4)]) for _ in range(n)]
    adj = np.array(g.get_adjacency().data, dtype=int)
    expected = brute_force(adj, groups)
    df = brokerage_roles(g, groups)
    assert df[list(ROLES)].to_numpy().tolist() == expected.tolist()


def test_matches_brute_force_with_small_row_chunks(monkeypatch):
    # Force the chunked product path (many broker chunks) on a graph with many closed paths.
    import coalitions.analysis.brokerage as mod

    monkeypatch.setattr(mod, "_FLOPS_PER_CHUNK", 3)
    rng = random.Random(7)
    g = ig.Graph(n=15, edges=[e for e in itertools.permutations(range(15), 2)
                              if rng.random() < 0.4], directed=True)
    groups = [i % 3 for i in range(15)]
    adj = np.array(g.get_adjacency().data, dtype=int)
    df = brokerage_roles(g, groups)
    assert df[list(ROLES)].to_numpy().tolist() == brute_force(adj, groups).tolist()


def test_roles_of_selected_vertices_equal_the_full_computation():
    rng = random.Random(11)
    g = ig.Graph(n=30, edges=[e for e in itertools.permutations(range(30), 2)
                              if rng.random() < 0.2], directed=True)
    groups = [i % 4 for i in range(30)]
    full = brokerage_roles(g, groups)
    some = brokerage_roles(g, groups, vertices=[17, 3, 29])
    assert some["vertex"].tolist() == [3, 17, 29]
    cols = list(ROLES) + [f"z_{r}" for r in ROLES]
    assert some[cols].to_numpy() == pytest.approx(full.loc[[3, 17, 29], cols].to_numpy())
    assert "global" not in some.attrs and "global" in full.attrs


# --- expected values and z-scores (sna/R/gli.R) ----------------------------------------

@pytest.mark.parametrize("cl", [[0, 0, 0, 0], [0, 0, 1, 1], [0, 0, 1, 2], [0, 1, 1, 1],
                                [0, 1, 2, 3]])
def test_vertex_moments_equal_exact_moments_over_all_graphs_on_four_vertices(cl):
    # sna's per-broker mean and variance under a Bernoulli(d) digraph, checked by exact
    # enumeration of all 2^12 digraphs on 4 vertices weighted by d^m (1-d)^(12-m).
    n, d = 4, 0.3
    arcs = [(i, j) for i in range(n) for j in range(n) if i != j]
    mean = np.zeros((n, 6))
    second = np.zeros((n, 6))
    for bits in itertools.product([0, 1], repeat=len(arcs)):
        adj = np.zeros((n, n), dtype=int)
        for b, (i, j) in zip(bits, arcs, strict=True):
            adj[i, j] = b
        m = sum(bits)
        w = d**m * (1 - d) ** (len(arcs) - m)
        r = brute_force(adj, cl)
        mean += w * r
        second += w * r * r
    e, v = _group_moments(np.bincount(cl).astype(float), float(n), d)
    assert e[cl] == pytest.approx(mean, abs=1e-12)
    assert v[cl] == pytest.approx(second - mean**2, abs=1e-12)
    # graph-level expectations are exact too (sna's graph-level variances are not)
    ge, _ = _global_moments(np.bincount(cl).astype(float), float(n), d)
    assert ge == pytest.approx(mean.sum(axis=0), abs=1e-12)


def test_global_expectations_are_sums_of_vertex_expectations():
    sizes = np.array([3.0, 5.0, 2.0, 7.0])
    e, _ = _group_moments(sizes, sizes.sum(), 0.2)
    ge, gv = _global_moments(sizes, sizes.sum(), 0.2)
    assert ge == pytest.approx((e * sizes[:, None]).sum(axis=0))
    assert (gv > 0).all()


def test_z_scores_use_observed_density_and_group_sizes():
    g = directed(6, STAR_ARCS)
    df = brokerage_roles(g, STAR_GROUPS)
    d = 5 / 30  # 5 arcs among 6 · 5 ordered pairs
    assert df.attrs["density"] == pytest.approx(d)
    # broker x is in group B = {x, b1, b2} (size 3, N = 6): sna's total moments
    p = d * d * (1 - d)
    e_total = p * 5 * 4
    var_total = e_total * (1 - p) + 2 * 5 * 4 * 3 * d**3 * (1 - d) ** 3
    assert df.attrs["expected"]["B"]["total"] == pytest.approx(e_total)
    assert df.loc[0, "z_total"] == pytest.approx((6 - e_total) / var_total**0.5)
    # representative for group B: E = p (N - n_i)(n_i - 1) = p · 3 · 2
    assert df.attrs["expected"]["B"]["representative"] == pytest.approx(p * 6)
    # a group of one can have no coordinator paths: sd 0, z undefined
    assert np.isnan(df.loc[df["group"] == "C", "z_coordinator"]).all()


def test_group_by_vertex_attribute_name_and_unknown_values():
    g = directed(3, [(0, 1), (1, 2)])
    g.vs["sector"] = ["nonprofit", None, "private"]
    df = brokerage_roles(g, "sector")
    assert df["group"].tolist() == ["nonprofit", "(unknown)", "private"]
    assert int(df.loc[1, "liaison"]) == 1
    with pytest.raises(UsageError):
        brokerage_roles(g, "colour")


def test_large_sparse_graph_counts_agree_with_neighbourhood_walk():
    g = ig.Graph.Erdos_Renyi(n=50_000, m=200_000, directed=True)
    groups = [i % 6 for i in range(50_000)]
    df = brokerage_roles(g, groups)
    assert len(df) == 50_000
    # for sampled brokers, walk their in- and out-neighbours directly
    for b in random.Random(1).sample(range(50_000), 40):
        found = dict.fromkeys(ROLES, 0)
        for a in set(g.neighbors(b, mode="in")) - {b}:
            for c in set(g.neighbors(b, mode="out")) - {a, b}:
                if g.are_adjacent(a, c):
                    continue
                ga, gb, gc = groups[a], groups[b], groups[c]
                role = ("coordinator" if ga == gb == gc else "itinerant" if ga == gc
                        else "representative" if ga == gb else "gatekeeper" if gb == gc
                        else "liaison")
                found[role] += 1
                found["total"] += 1
        assert counts(df, b) == found


# --- actors ------------------------------------------------------------------------------

def _data(with_ties: bool) -> GraphData:
    actors = pd.DataFrame({
        "id": ["g1", "n1", "n2", "p1"],
        "name": ["Schepen", "Vzw Een", "Vzw Twee", "Bedrijf"],
        "kind": ["person", "organisation", "organisation", "organisation"],
        "sector": ["city_government", "nonprofit", "nonprofit", "private"],
        "function": ["politician", None, None, None],
        "organisation": [None] * 4,
        "city": ["Gent"] * 4,
    })
    # coalition c1: g1, n1 ; coalition c2: g1, n2, p1 — g1 is the only link between them
    memberships = pd.DataFrame({"actor": ["g1", "n1", "g1", "n2", "p1"],
                                "coalition": ["c1", "c1", "c2", "c2", "c2"],
                                "role": ["member"] * 5, "since": [None] * 5})
    coalitions = pd.DataFrame({"id": ["c1", "c2"], "name": ["Een", "Twee"],
                               "city": ["Gent", "Gent"]})
    ties = pd.DataFrame({"source": ["n1", "g1"], "target": ["g1", "p1"],
                         "type": ["advice", "advice"], "weight": [1.0, 1.0]})
    if not with_ties:
        ties = ties.iloc[0:0]
    return GraphData(coalitions=coalitions, actors=actors, memberships=memberships, ties=ties)


def test_actor_brokerage_on_comembership_reads_undirected():
    df = actor_brokerage(_data(with_ties=False), group_by="sector")
    row = df.set_index("id").loc["g1"]
    # g1's neighbours: n1 (nonprofit), n2 (nonprofit), p1 (private); n2–p1 linked.
    # open unordered pairs through g1: {n1,n2} (N G N: itinerant), {n1,p1} (N G P: liaison)
    # each counted in both directions.
    assert (row["itinerant"], row["liaison"], row["total"]) == (2, 2, 4)
    # possible: 3 neighbours, 3 · 3 − 3 reciprocated = 6 ordered pairs; 4 of them open
    assert (row["possible"], row["normalised"]) == (6, pytest.approx(4 / 6))
    assert "co-membership" in df.attrs["network"]
    assert df.iloc[0]["id"] == "g1"  # sorted by total


def _with_tie(tie_type: str) -> GraphData:
    data = _data(with_ties=False)
    data.ties = pd.DataFrame({"source": ["n1"], "target": ["p1"], "type": [tie_type],
                              "weight": [1.0], "directed": [None]})
    return data


def test_actor_brokerage_adds_ties_to_comembership_and_keeps_directional_ones_directed():
    # Hand count. Arcs: co-membership g1↔n1, g1↔n2, g1↔p1, n2↔p1, and the advice tie
    # n1 → p1 (advice is directional). Ordered pairs (a, c) through g1: 3·3 − 3 = 6.
    # Closed (a → c present): (n2, p1), (p1, n2), (n1, p1). Open: (n1, n2), (n2, n1) — N G N,
    # itinerant — and (p1, n1) — P G N, liaison.
    row = actor_brokerage(_with_tie("advice"), group_by="sector").set_index("id").loc["g1"]
    assert (row["itinerant"], row["liaison"], row["total"]) == (2, 1, 3)
    assert row["normalised"] == pytest.approx(3 / 6)
    # Read undirected, the tie closes (p1, n1) too: only the two itinerant paths stay open.
    undirected = actor_brokerage(_with_tie("advice"), directed=False).set_index("id")
    assert (undirected.at["g1", "liaison"], undirected.at["g1", "total"]) == (0, 2)
    # A symmetric type is undirected as recorded; --directed reads it one way.
    assert actor_brokerage(_with_tie("knows")).set_index("id").at["g1", "total"] == 2
    assert actor_brokerage(_with_tie("knows"), directed=True).set_index("id").at[
        "g1", "total"] == 3


def test_actor_brokerage_for_selected_actors():
    df = actor_brokerage(_data(with_ties=False), group_by="sector", actors=["g1", "n2"])
    assert df["id"].tolist() == ["g1", "n2"]
    assert df.set_index("id").at["g1", "total"] == 4
    assert df.set_index("id").at["g1", "name"] == "Schepen"


def test_actor_brokerage_refuses_unknown_grouping():
    with pytest.raises(UsageError, match="Cannot group brokerage by 'colour'"):
        actor_brokerage(_data(with_ties=False), group_by="colour")


def test_actor_brokerage_refuses_work_beyond_its_budget_but_not_for_a_few_actors(monkeypatch):
    import coalitions.analysis.brokerage as brokerage

    # Out-degrees g1 3, n1 1, n2 2, p1 2 (n2–p1 linked). Work per broker b is the sum of
    # its in-neighbours' out-degrees: g1 1 + 2 + 2 = 5, n1 3, n2 3 + 2 = 5, p1 3 + 2 = 5;
    # 18 for all four.
    monkeypatch.setattr(brokerage, "MAX_WORK", 17)
    with pytest.raises(UsageError, match="needs about 1.8e\\+01 multiplications"):
        actor_brokerage(_data(with_ties=False))
    assert actor_brokerage(_data(with_ties=False), actors=["g1"]).at[0, "total"] == 4
