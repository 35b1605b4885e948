"""The large-network estimate of betweenness and closeness against exact values computed
independently with igraph, on a 5,000-actor synthetic coalition network."""

from __future__ import annotations

import math

import igraph as ig
import numpy as np
import pandas as pd
import pytest

from benchmarks.generate import Scale, generate, graph_data
from coalitions.analysis.centrality import actor_measures
from coalitions.analysis.definitions import provenance

# 5,000 actors in 1,000 coalitions of 4 cities, 15,000 memberships: some 1.7·10^5
# co-membership edges; exact igraph betweenness takes 9-17 s on the project's machine.
FIVE_K = Scale("test5k", cities=4, coalitions=1000, actors=5000, memberships=15000, ties=1000)


def simple_actor_graph(data) -> ig.Graph:
    """The one-mode actor network built here from the tables, not by the package: actors
    sharing a coalition or joined by a tie are one edge, however many coalitions they
    share (``simplify`` drops the multiplicities)."""
    ids = pd.Index(data.actors["id"].astype(str))
    m = data.memberships[["actor", "coalition"]].astype(str)
    pairs = m.merge(m, on="coalition")
    pairs = pairs[pairs["actor_x"] < pairs["actor_y"]]
    edges = np.concatenate([
        np.column_stack([ids.get_indexer(pairs["actor_x"]), ids.get_indexer(pairs["actor_y"])]),
        np.column_stack([ids.get_indexer(data.ties["source"].astype(str)),
                         ids.get_indexer(data.ties["target"].astype(str))]),
    ])
    g = ig.Graph(n=len(ids), edges=edges.tolist())
    g.simplify()
    return g


@pytest.fixture(scope="module")
def five_k():
    data = graph_data(generate(FIVE_K, seed=1))
    g = simple_actor_graph(data)
    n = g.vcount()
    # igraph's Brandes betweenness, normalised as networkx: ÷ (n − 1)(n − 2)/2.
    exact_b = np.asarray(g.betweenness(directed=False)) * 2 / ((n - 1) * (n - 2))
    assert not g.is_connected()  # so closeness is harmonic, ÷ (n − 1)
    exact_c = np.asarray(g.harmonic_centrality(normalized=True))
    # No time budget: the result depends on the seed only, not on the machine's load.
    est = actor_measures(data, exact_seconds=0, seed=1, budget_seconds=math.inf)
    return data, exact_b, exact_c, est


@pytest.mark.slow
def test_estimated_top_20_betweenness_of_5000_actors_overlaps_the_exact_top_20(five_k):
    data, exact_b, _, est = five_k
    assert len(data.actors) == 5000
    top_exact = set(np.argsort(-exact_b)[:20])
    top_est = set(np.argsort(-est["betweenness"].to_numpy())[:20])
    assert len(top_exact & top_est) >= 18
    # The stated error: the top 20's half-widths within 10 % (the default target), reached
    # before every source was taken (that would be exact).
    detail = est.attrs["betweenness_detail"]
    assert detail["sources"] < 5000
    assert detail["stopped"] == "target reached" and detail["achieved_rel_error"] <= 0.10


@pytest.mark.slow
def test_exact_values_of_95_percent_of_actors_lie_in_their_stated_intervals(five_k):
    _, exact_b, exact_c, est = five_k
    tol = 1e-12
    inside_b = ((est["betweenness_low"].to_numpy() <= exact_b + tol)
                & (exact_b <= est["betweenness_high"].to_numpy() + tol))
    inside_c = ((est["closeness_low"].to_numpy() <= exact_c + tol)
                & (exact_c <= est["closeness_high"].to_numpy() + tol))
    assert inside_b.mean() >= 0.95
    assert inside_c.mean() >= 0.95
    # Not trivially: the intervals are narrow where it matters, the top 20's within 10 %.
    top = np.argsort(-exact_b)[:20]
    width = (est["betweenness_high"] - est["betweenness_low"]).to_numpy()[top]
    assert np.all(width / 2 <= 0.10 * est["betweenness"].to_numpy()[top] + tol)


@pytest.mark.slow
def test_estimate_names_itself_in_every_output(five_k):
    _, _, _, est = five_k
    facts = provenance(est)["facts"]
    assert facts["betweenness"].startswith("sampled on the actor network, estimate of the "
                                           "exact quantity")
    assert "seed 1" in facts["betweenness"] and "95% interval per actor" in facts["betweenness"]
    assert facts["closeness"].startswith("harmonic, sampled")
    assert "betweenness_low" in provenance(est)["definitions"]
