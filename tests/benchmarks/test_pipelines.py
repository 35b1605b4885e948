"""The reference pipelines of the 20k side-by-side compute what `coalitions pivots` computes.

Since issue 19 that is unweighted betweenness of the simple one-mode actor network
(co-membership plus explicit ties, a pair linked once however many coalitions it shares).
The kernel (scipy projection + igraph) and the pandas + networkx pipeline are independent
implementations of it; exact, their values must agree with each other and with the
package's exact ``actor_measures`` once put on the same scale (networkx and the package
normalise an undirected graph's betweenness by 2 / ((n-1)(n-2)), igraph does not; Brandes
2001, https://doi.org/10.1080/0022250X.2001.9990249).
"""

from __future__ import annotations

import math

import pytest

from benchmarks.generate import Scale, generate, graph_data, write_csv
from benchmarks.pipelines import kernel, networkx

TINY = Scale("tiny", cities=3, coalitions=60, actors=300, memberships=900, ties=20)


def test_kernel_and_networkx_pipelines_give_the_same_exact_top_20(tmp_path):
    syn = generate(TINY, seed=5)
    write_csv(syn, tmp_path)
    n = len(syn.actors)
    ker, nx_top = kernel(tmp_path), networkx(tmp_path)
    scale = 2 / ((n - 1) * (n - 2))
    nx_values = dict(nx_top)
    assert ker[0][1] > 0
    for actor, value in ker:
        if actor in nx_values:
            assert nx_values[actor] == pytest.approx(value * scale, rel=1e-9)
    # Same values, so the top 20 can differ only among ties at the cut.
    cut = ker[-1][1]
    assert {a for a, v in ker if v > cut} <= set(nx_values)


def test_the_kernel_computes_the_betweenness_the_package_reports_ties_included(tmp_path):
    from coalitions.analysis.centrality import actor_measures

    syn = generate(TINY, seed=7)
    write_csv(syn, tmp_path)
    n = len(syn.actors)
    package = actor_measures(graph_data(syn), exact_seconds=math.inf).set_index("id")
    assert "exact" in package.attrs["betweenness_method"]
    details: dict = {}
    top = kernel(tmp_path, details)
    for actor, value in top:
        assert package.loc[actor, "betweenness"] == pytest.approx(
            value * 2 / ((n - 1) * (n - 2)), rel=1e-9)
    # The ties are part of the network: without them it has fewer edges.
    assert len(syn.ties) > 0
    assert details["edges"] > _co_member_pairs(syn)


def test_with_every_actor_as_a_source_the_sampled_programs_are_exact(tmp_path):
    syn = generate(TINY, seed=8)
    write_csv(syn, tmp_path)
    n = len(syn.actors)
    def values(top):  # (the names at a tie may come in either order)
        return [v for _, v in top]

    assert values(kernel(tmp_path, sources=n)) == pytest.approx(values(kernel(tmp_path)))
    assert values(networkx(tmp_path, sources=n)) == pytest.approx(values(networkx(tmp_path)))


def _co_member_pairs(syn) -> int:
    m = syn.memberships
    pairs = m.merge(m, on="coalition")
    return int((pairs["actor_x"] < pairs["actor_y"]).groupby(
        [pairs["actor_x"], pairs["actor_y"]]).any().sum())


def test_networkx_pipeline_gives_the_same_top_20_with_ids_read_as_python_strings(tmp_path):
    syn = generate(TINY, seed=6)
    write_csv(syn, tmp_path)
    arrow, objects = networkx(tmp_path), networkx(tmp_path, text="object")
    assert arrow[0][1] > 0
    assert dict(objects) == pytest.approx(dict(arrow), rel=1e-12)
