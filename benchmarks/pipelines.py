"""The two reference pipelines of the 20k side-by-side, each a whole program.

    python -m benchmarks.pipelines kernel DIR            # scipy projection + igraph, exact
    python -m benchmarks.pipelines networkx DIR          # the same in pandas + networkx, exact
    python -m benchmarks.pipelines kernel DIR 600        # ... from 600 sampled sources

``DIR`` holds the loader's CSV files (``actors.csv``, ``memberships.csv``, ``ties.csv``).
Each prints the 20 actors of highest betweenness, as ``coalitions --store X pivots`` prints
its top 20, so that the runner can time all three the same way: a fresh process from
interpreter start to exit (imports, reading the input, computing, printing). Imports are
inside the functions so that each program loads only its own libraries.

The quantity is the one ``coalitions pivots`` reports since issue 19: unweighted
betweenness of the *simple one-mode actor network* — an edge between two actors when they
share at least one coalition or have an explicit tie (either direction; loops dropped), a
pair sharing k coalitions being one edge, not k. Both programs compute it exactly (Brandes)
unless given a number of sources: then from that many uniform sources without replacement
(seed 42), which is the work of the package's estimate when it takes that many sources
(the package chooses its number adaptively and adds intervals; these programs do not).
The package decides between exact and estimate by a timed prediction; the side-by-side
runs it with ``--exact-seconds`` so that it computes the same as the programs it is compared
with whatever the machine's load.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _edges_kernel(folder: Path):
    """Actor ids and the simple undirected edge list (int64 pairs, i < j) of the network."""
    import numpy as np
    import pandas as pd
    import scipy.sparse as sp

    actors = pd.read_csv(folder / "actors.csv", usecols=["id"])["id"]
    index = pd.Index(actors)
    m = pd.read_csv(folder / "memberships.csv", usecols=["actor", "coalition"])
    t = pd.read_csv(folder / "ties.csv", usecols=["source", "target"])
    rows = index.get_indexer(m["actor"])
    cols, _ = pd.factorize(m["coalition"])
    n = len(actors)
    a = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, cols.max() + 1))
    src, dst = index.get_indexer(t["source"]), index.get_indexer(t["target"])
    ties = sp.csr_matrix((np.ones(len(src)), (src, dst)), shape=(n, n))
    p = sp.triu(a @ a.T + ties + ties.T, k=1).tocoo()
    return actors, np.ascontiguousarray(np.column_stack([p.row, p.col]), dtype=np.int64)


def kernel(folder: Path, details: dict | None = None, *,
           sources: int | None = None) -> list[tuple[str, float]]:
    """Actor betweenness on the one-mode actor network: scipy ``A·Aᵀ`` + ties, igraph.
    Exact, or from ``sources`` sampled sources. ``details``, when given, receives
    ``edges``, ``method`` and ``n``."""
    import random

    import igraph as ig
    import numpy as np

    actors, edges = _edges_kernel(folder)
    g = ig.Graph(n=len(actors), edges=memoryview(edges))
    n = g.vcount()
    if sources is None:
        b = g.betweenness(directed=False)
    else:
        b = g.betweenness(directed=False,
                          sources=sorted(random.Random(42).sample(range(n), sources)))
    if details is not None:
        details.update(edges=g.ecount(), n=len(b), method=_method(sources))
    top = np.argsort(b)[::-1][:20]
    return [(actors.iloc[i], b[i]) for i in top]


def networkx(folder: Path, details: dict | None = None, *, text: str | None = None,
             sources: int | None = None) -> list[tuple[str, float]]:
    """The same in pandas + networkx: co-member pairs by self-merge plus the ties, an nx
    graph, ``betweenness_centrality`` (exact, or ``k=sources``). ``details``, when given,
    receives ``edges``, ``method`` and ``n``. ``text="object"`` reads the ids as Python
    strings: pandas 3 reads text as Arrow strings when pyarrow is installed, and this
    pipeline takes almost twice as long on those."""
    import time

    import networkx as nx
    import pandas as pd

    start = time.perf_counter()
    actors = pd.read_csv(folder / "actors.csv", usecols=["id"], dtype=text)["id"]
    m = pd.read_csv(folder / "memberships.csv", usecols=["actor", "coalition"], dtype=text)
    t = pd.read_csv(folder / "ties.csv", usecols=["source", "target"], dtype=text)
    pairs = m.merge(m, on="coalition")
    pairs = pairs[pairs["actor_x"] < pairs["actor_y"]].drop_duplicates(["actor_x", "actor_y"])
    g = nx.Graph()
    g.add_nodes_from(actors)
    g.add_edges_from(zip(pairs["actor_x"], pairs["actor_y"], strict=True))
    # (nx.Graph keeps one edge per pair, so a tie between co-members adds nothing)
    g.add_edges_from((s, d) for s, d in zip(t["source"], t["target"], strict=True) if s != d)
    built = time.perf_counter()
    b = nx.betweenness_centrality(g, k=sources, seed=42)
    if details is not None:
        # (the two parts let the runner scale the searches of k sources up to all n)
        details.update(edges=g.number_of_edges(), n=len(b), method=_method(sources),
                       build_s=round(built - start, 3),
                       betweenness_s=round(time.perf_counter() - built, 3))
    return sorted(b.items(), key=lambda kv: kv[1], reverse=True)[:20]


def _method(sources: int | None) -> str:
    return "exact (one-mode)" if sources is None else f"{sources} sampled sources (one-mode)"


def main(argv: list[str] | None = None) -> None:
    args = argv if argv is not None else sys.argv[1:]
    which, folder = args[0], Path(args[1])
    sources = int(args[2]) if len(args) > 2 else None
    programs = {"kernel": lambda f: kernel(f, sources=sources),
                "networkx": lambda f: networkx(f, sources=sources),
                "networkx_objects": lambda f: networkx(f, text="object", sources=sources)}
    top = programs[which](folder)
    for actor, value in top:
        print(f"{actor}\t{value:.6g}")


if __name__ == "__main__":
    main()
