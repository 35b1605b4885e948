"""Exact against estimated actor betweenness: what each costs, and how close the estimate is.

``python -m benchmarks.estimator`` generates synthetic networks of 5,000 and 20,000 actors
(:mod:`benchmarks.generate`, seed 1), and for each times

- the projection (the actor network as a sparse matrix),
- the prediction of exact betweenness (:func:`~coalitions.analysis.centrality.predicted_exact_seconds`:
  igraph from 16 sources, scaled to all),
- the adaptive estimate (:func:`~coalitions.analysis.centrality.sampled_centrality` with the
  defaults :func:`~coalitions.analysis.centrality.actor_measures` uses: top 20 within 10 %
  at 95 %, 60 s budget, seed 42),
- exact igraph betweenness, when predicted under ``--exact-max`` seconds (default 120), and
  then the estimate's top-20 overlap, the share of actors whose exact value lies inside
  their interval, and the largest relative error in the exact top 20.

One JSON object per size on stdout. ``--sizes 5k`` runs one size. Each size takes up to
about two minutes on two shared cores. ``--measures compare20k,region`` times
``actor_measures`` itself on those scales of :mod:`benchmarks.run`; ``--first-batch
national`` the estimate's first 32 sources at national scale (``--sizes ""`` skips the
sizes).
"""

from __future__ import annotations

import argparse
import json
import os
import time

import numpy as np

from benchmarks.generate import Scale, generate, graph_data

SIZES = {
    "5k": Scale("bench5k", cities=4, coalitions=1000, actors=5000, memberships=15000,
                ties=1000),
    "20k": Scale("bench20k", cities=16, coalitions=4000, actors=20000, memberships=60000,
                 ties=4000),
}


def run(size: str, exact_max: float) -> dict:
    from coalitions.analysis.centrality import (
        _pattern_graph,
        predicted_exact_seconds,
        sampled_centrality,
    )
    from coalitions.analysis.network import actor_projection

    data = graph_data(generate(SIZES[size], seed=1))
    t = time.perf_counter()
    proj = actor_projection(data)
    projection = time.perf_counter() - t
    w = proj.matrix
    n, m = w.shape[0], w.nnz // 2
    t = time.perf_counter()
    g = _pattern_graph(w, proj.actor_ids)
    build = time.perf_counter() - t
    t = time.perf_counter()
    predicted = predicted_exact_seconds(g)
    probe = time.perf_counter() - t
    t, c = time.perf_counter(), time.process_time()
    est = sampled_centrality(w, seed=42)
    est_wall, est_cpu = time.perf_counter() - t, time.process_time() - c
    out = {"size": size, "actors": n, "edges": m, "projection_s": round(projection, 2),
           "igraph_build_s": round(build, 2), "probe_s": round(probe, 2),
           "predicted_exact_s": round(predicted, 1), "estimate_wall_s": round(est_wall, 2),
           "estimate_cpu_s": round(est_cpu, 2), "sources": est.attrs["sources"],
           "stopped": est.attrs["stopped"],
           "achieved_rel_error": est.attrs["achieved_rel_error"],
           "load": round(os.getloadavg()[0], 2)}
    if predicted <= exact_max:
        t, c = time.perf_counter(), time.process_time()
        exact = np.asarray(g.betweenness(directed=False)) * 2 / ((n - 1) * (n - 2))
        out["exact_wall_s"] = round(time.perf_counter() - t, 2)
        out["exact_cpu_s"] = round(time.process_time() - c, 2)
        b = est["betweenness"].to_numpy()
        top = np.argsort(-exact)[:20]
        out["top20_overlap"] = len(set(top) & set(np.argsort(-b)[:20]))
        inside = ((est["betweenness_low"].to_numpy() <= exact + 1e-12)
                  & (exact <= est["betweenness_high"].to_numpy() + 1e-12))
        out["inside_interval"] = round(float(inside.mean()), 4)
        out["max_rel_error_top20"] = round(float(np.max(np.abs(b[top] - exact[top])
                                                        / exact[top])), 4)
    else:
        out["exact"] = f"not run: predicted {predicted:.0f} s > --exact-max {exact_max:g} s"
    return out


def measures(scale: str) -> dict:
    """``actor_measures`` with its defaults on one of :mod:`benchmarks.run`'s scales (what
    ``coalitions pivots`` computes), timed, with the line saying how betweenness came out."""
    from benchmarks.run import _scale
    from coalitions.analysis.centrality import actor_measures

    data = graph_data(generate(_scale(scale), seed=1))
    t, c = time.perf_counter(), time.process_time()
    df = actor_measures(data)
    return {"scale": scale, "actors": len(data.actors),
            "actor_measures_wall_s": round(time.perf_counter() - t, 1),
            "actor_measures_cpu_s": round(time.process_time() - c, 1),
            "betweenness": df.attrs["betweenness_method"],
            "load": round(os.getloadavg()[0], 2)}


def first_batch(scale: str) -> dict:
    """The estimate's first batch alone (32 sources) on a :mod:`benchmarks.run` scale: what a
    source costs on its one-mode projection, and how wide 32 sources leave the intervals."""
    from benchmarks.run import _scale
    from coalitions.analysis.centrality import sampled_centrality
    from coalitions.analysis.network import actor_projection

    data = graph_data(generate(_scale(scale), seed=1))
    t = time.perf_counter()
    w = actor_projection(data).matrix
    projection = time.perf_counter() - t
    t, c = time.perf_counter(), time.process_time()
    est = sampled_centrality(w, seed=42, max_sources=32)
    return {"scale": scale, "actors": w.shape[0], "edges": w.nnz // 2,
            "projection_s": round(projection, 1),
            "first_32_wall_s": round(time.perf_counter() - t, 1),
            "first_32_cpu_s": round(time.process_time() - c, 1),
            "achieved_rel_error": est.attrs["achieved_rel_error"],
            "load": round(os.getloadavg()[0], 2)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5k,20k")
    parser.add_argument("--exact-max", type=float, default=120.0)
    parser.add_argument("--measures", default="",
                        help="also time actor_measures on these benchmarks.run scales "
                             "(e.g. compare20k,region)")
    parser.add_argument("--first-batch", default="",
                        help="also time the estimate's first 32 sources on these scales "
                             "(e.g. national)")
    args = parser.parse_args(argv)
    for size in filter(None, args.sizes.split(",")):
        print(json.dumps(run(size, args.exact_max)), flush=True)
    for scale in filter(None, args.measures.split(",")):
        print(json.dumps(measures(scale)), flush=True)
    for scale in filter(None, args.first_batch.split(",")):
        print(json.dumps(first_batch(scale)), flush=True)


if __name__ == "__main__":
    main()
