"""The reference pipelines of the 20k side-by-side compute the same thing as each other.

The kernel (scipy projection + igraph) and the pandas + networkx pipeline are independent
implementations of actor betweenness on the co-membership projection; below EXACT_LIMIT both
are exact, so their values must agree once put on the same scale (networkx normalises an
undirected graph's betweenness by 2 / ((n-1)(n-2)), igraph does not; Brandes 2001,
https://doi.org/10.1080/0022250X.2001.9990249).
"""

from __future__ import annotations

import pytest

from benchmarks.generate import Scale, generate, write_csv
from benchmarks.pipelines import EXACT_LIMIT, kernel, networkx

TINY = Scale("tiny", cities=3, coalitions=60, actors=300, memberships=900, ties=20)


def test_kernel_and_networkx_pipelines_give_the_same_exact_top_20(tmp_path):
    syn = generate(TINY, seed=5)
    write_csv(syn, tmp_path)
    n = len(syn.actors)
    assert n <= EXACT_LIMIT  # both exact, so no sampling difference
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


def test_reference_pipelines_use_the_package_thresholds():
    # copied (not imported) so the reference programs stay independent of the package
    from benchmarks import pipelines
    from coalitions.analysis import centrality

    assert (pipelines.EXACT_LIMIT, pipelines.SAMPLES) == (centrality.EXACT_LIMIT,
                                                          centrality.SAMPLES)


def test_networkx_pipeline_gives_the_same_top_20_with_ids_read_as_python_strings(tmp_path):
    syn = generate(TINY, seed=6)
    write_csv(syn, tmp_path)
    arrow, objects = networkx(tmp_path), networkx(tmp_path, text="object")
    assert arrow[0][1] > 0
    assert dict(objects) == pytest.approx(dict(arrow), rel=1e-12)
