"""What the pages need from the analysis: measures, communities, pivots, layout.

The pages call the analysis package through the few functions here, so that the maps do not
depend on how the analysis is organised. Everything here works on a :class:`GraphData`.
"""

from __future__ import annotations

import random

import numpy as np
import pandas as pd

from coalitions.graph.model import PIVOT_ROLES, GraphData

__all__ = ["actor_measures", "communities", "declared_pivots", "layout", "timing", "two_mode"]

# Actor, coalition and tie ids share one vertex namespace in the maps: prefixed so an actor
# "7" and a coalition "7" stay two nodes.
ACTOR = "a:"
COALITION = "c:"


def actor_measures(data: GraphData, *, exact_seconds: float | None = None,
                   budget_seconds: float | None = None) -> pd.DataFrame:
    """Centrality of every actor (``coalitions.analysis.centrality.actor_measures``);
    ``exact_seconds`` and ``budget_seconds`` as there (None: its defaults)."""
    from coalitions.analysis.centrality import actor_measures as measures

    return measures(data, **timing(exact_seconds, budget_seconds))


def timing(exact_seconds: float | None, budget_seconds: float | None) -> dict[str, float]:
    """The time limits given, as keyword arguments of ``actor_measures`` and
    ``coalition_pivots`` (those left None keep the package's defaults)."""
    return {k: v for k, v in (("exact_seconds", exact_seconds),
                              ("budget_seconds", budget_seconds)) if v is not None}


def communities(data: GraphData, seed: int = 42) -> pd.DataFrame:
    """Leiden community of every actor: ``id``, ``community`` (0 = largest)."""
    from coalitions.analysis.communities import communities as find

    membership, _summary = find(data, seed=seed)
    return membership


def declared_pivots(data: GraphData) -> pd.DataFrame:
    """Memberships whose role declares the coalition's pivot (``PIVOT_ROLES``)."""
    m = data.memberships
    return m[m["role"].isin(PIVOT_ROLES)][["actor", "coalition", "role"]]


def two_mode(data: GraphData):
    """The actor × coalition graph plus explicit ties, as an undirected ``igraph.Graph``.

    Vertex ``name`` is the prefixed id (``a:`` actors, ``c:`` coalitions); edge ``kind`` is
    ``member`` or ``tie``. Memberships or ties that name unknown ids are skipped.
    """
    import igraph as ig

    names = [ACTOR + str(a) for a in data.actors["id"]] + \
            [COALITION + str(c) for c in data.coalitions["id"]]
    index = {n: i for i, n in enumerate(names)}
    edges: list[tuple[int, int]] = []
    kinds: list[str] = []
    for a, c in zip(data.memberships["actor"], data.memberships["coalition"], strict=True):
        i, j = index.get(ACTOR + str(a)), index.get(COALITION + str(c))
        if i is not None and j is not None:
            edges.append((i, j))
            kinds.append("member")
    for s, t in zip(data.ties["source"], data.ties["target"], strict=True):
        i, j = index.get(ACTOR + str(s)), index.get(ACTOR + str(t))
        if i is not None and j is not None and i != j:
            edges.append((i, j))
            kinds.append("tie")
    g = ig.Graph(n=len(names), edges=edges, directed=False)
    g.vs["name"] = names
    g.es["kind"] = kinds
    return g


def layout(graph, seed: int = 42) -> np.ndarray:
    """Positions for every vertex, in vis-network pixels, so the page needs no physics.

    Fruchterman–Reingold (Fruchterman & Reingold 1991, doi:10.1002/spe.4380211102) per
    connected component, then the components packed in rows, largest first: on a graph with
    many small components a single run would leave them scattered far apart. Deterministic:
    the starting positions come from ``seed``.
    """
    n = graph.vcount()
    pos = np.zeros((n, 2))
    if n == 0:
        return pos
    rng = np.random.default_rng(seed)
    # igraph's layouts also draw from Python's `random`: seed it for this call only.
    state = random.getstate()
    random.seed(seed)
    try:
        return _layout(graph, rng)
    finally:
        random.setstate(state)


def _layout(graph, rng: np.random.Generator) -> np.ndarray:
    n = graph.vcount()
    pos = np.zeros((n, 2))
    components = sorted(graph.connected_components(), key=len, reverse=True)
    spacing = 55.0  # pixels per node at zoom 1: labels of neighbours do not overlap much
    placed: list[tuple[list[int], np.ndarray]] = []
    for members in components:
        if len(members) == 1:
            coords = np.zeros((1, 2))
        else:
            sub = graph.induced_subgraph(members)
            start = rng.uniform(-1, 1, size=(len(members), 2)).tolist()
            niter = 500 if len(members) <= 1500 else 250
            coords = np.array(sub.layout_fruchterman_reingold(seed=start, niter=niter).coords)
            coords -= coords.mean(axis=0)
            # Scale so that a typical link is about 2.2 node spacings long: FR makes link
            # lengths fairly even, so this sets the density whatever the component's size.
            ends = np.array(sub.get_edgelist())
            lengths = np.linalg.norm(coords[ends[:, 0]] - coords[ends[:, 1]], axis=1)
            typical = float(np.median(lengths)) if len(lengths) else 1.0
            coords *= 2.2 * spacing / (typical or 1.0)
        placed.append((members, coords))
    # Pack components left to right in rows about as wide as the largest one.
    row_width = max(2 * np.abs(c).max() for _m, c in placed[:1]) + spacing * 4
    x = y = row_height = 0.0
    for members, coords in placed:
        half = (np.abs(coords).max(axis=0) if len(coords) else np.zeros(2)) + spacing / 2
        if x > 0 and x + 2 * half[0] > row_width:
            x, y, row_height = 0.0, y + row_height + spacing, 0.0
        pos[members] = coords + np.array([x + half[0], y + half[1]])
        x += 2 * half[0] + spacing / 2
        row_height = max(row_height, 2 * half[1])
    return pos - pos.mean(axis=0)
