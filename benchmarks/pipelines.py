"""The two reference pipelines of the 20k side-by-side, each a whole program.

    python -m benchmarks.pipelines kernel DIR      # scipy sparse projection + igraph betweenness
    python -m benchmarks.pipelines networkx DIR    # the same pipeline in pandas + networkx

``DIR`` holds the loader's CSV files (``actors.csv``, ``memberships.csv``). Each prints the
20 actors of highest betweenness, as ``coalitions --store X pivots`` prints its top 20, so
that the runner can time all three the same way: a fresh process from interpreter start to
exit (imports, reading the input, computing, printing). Imports are inside the functions so
that each program loads only its own libraries.

Betweenness is computed as ``actor_measures`` does at the same size: exact up to
``EXACT_LIMIT`` actors, otherwise from ``SAMPLES`` sampled source actors (seed 42).
"""

from __future__ import annotations

import sys
from pathlib import Path

# The same thresholds as coalitions.analysis.centrality (EXACT_LIMIT, SAMPLES), copied so that
# the reference programs do not import the package they are compared with.
EXACT_LIMIT = 3000
SAMPLES = 128


def kernel(folder: Path, details: dict | None = None) -> list[tuple[str, float]]:
    """Actor betweenness on the co-membership projection: scipy ``A·Aᵀ`` + igraph.
    ``details``, when given, receives ``edges``, ``method`` and ``n``."""
    import random

    import igraph as ig
    import numpy as np
    import pandas as pd
    import scipy.sparse as sp

    actors = pd.read_csv(folder / "actors.csv", usecols=["id"])["id"]
    m = pd.read_csv(folder / "memberships.csv", usecols=["actor", "coalition"])
    rows = pd.Index(actors).get_indexer(m["actor"])
    cols, _ = pd.factorize(m["coalition"])
    a = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(actors), cols.max() + 1))
    p = sp.triu(a @ a.T, k=1).tocoo()
    g = ig.Graph(n=len(actors), edges=memoryview(np.ascontiguousarray(
        np.column_stack([p.row, p.col]), dtype=np.int64)))
    n = g.vcount()
    if n <= EXACT_LIMIT:
        b = g.betweenness()
    else:
        b = g.betweenness(sources=sorted(random.Random(42).sample(range(n), SAMPLES)))
    if details is not None:
        details.update(edges=g.ecount(), n=len(b), method=_method(n))
    top = np.argsort(b)[::-1][:20]
    return [(actors.iloc[i], b[i]) for i in top]


def networkx(folder: Path, details: dict | None = None, *,
             text: str | None = None) -> list[tuple[str, float]]:
    """The same in pandas + networkx: co-member pairs by self-merge, nx graph, betweenness.
    ``details``, when given, receives ``edges``, ``method`` and ``n``. ``text="object"``
    reads the ids as Python strings: pandas 3 reads text as Arrow strings when pyarrow is
    installed, and this pipeline takes almost twice as long on those."""
    import networkx as nx
    import pandas as pd

    actors = pd.read_csv(folder / "actors.csv", usecols=["id"], dtype=text)["id"]
    m = pd.read_csv(folder / "memberships.csv", usecols=["actor", "coalition"], dtype=text)
    pairs = m.merge(m, on="coalition")
    pairs = pairs[pairs["actor_x"] < pairs["actor_y"]].drop_duplicates(["actor_x", "actor_y"])
    g = nx.Graph()
    g.add_nodes_from(actors)
    g.add_edges_from(zip(pairs["actor_x"], pairs["actor_y"], strict=True))
    k = None if g.number_of_nodes() <= EXACT_LIMIT else SAMPLES
    b = nx.betweenness_centrality(g, k=k, seed=42)
    if details is not None:
        details.update(edges=g.number_of_edges(), n=len(b), method=_method(len(b)))
    return sorted(b.items(), key=lambda kv: kv[1], reverse=True)[:20]


def _method(n: int) -> str:
    return "exact" if n <= EXACT_LIMIT else f"{SAMPLES} sampled sources"


def main(argv: list[str] | None = None) -> None:
    which, folder = (argv if argv is not None else sys.argv[1:])
    programs = {"kernel": kernel, "networkx": networkx,
                "networkx_objects": lambda f: networkx(f, text="object")}
    top = programs[which](Path(folder))
    for actor, value in top:
        print(f"{actor}\t{value:.6g}")


if __name__ == "__main__":
    main()
