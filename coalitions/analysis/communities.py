"""Communities of actors: Leiden on the weighted actor network, seeded, with modularity."""

from __future__ import annotations

import random
from collections import Counter

import igraph as ig
import numpy as np
import pandas as pd

from coalitions.analysis.definitions import attach
from coalitions.analysis.network import actor_network, affiliation
from coalitions.graph.model import GraphData

__all__ = ["communities", "leiden"]


def leiden(g: ig.Graph, *, resolution: float = 1.0, seed: int = 42,
           weights: str | None = "weight") -> tuple[np.ndarray, float]:
    """Leiden community detection maximising modularity; returns (membership, modularity).

    Modularity with resolution γ: ``Q = 1/(2W) Σ_ij (w_ij − γ s_i s_j / 2W) δ(c_i, c_j)``
    (``s`` strengths, ``W`` total weight). igraph's ``community_leiden`` with
    ``objective_function="modularity"``, iterated until the partition no longer changes. igraph
    draws its random numbers from the generator set with ``igraph.set_random_number_generator``;
    it is set to ``random.Random(seed)`` for the run and restored afterwards, so the same seed
    gives the same partition. Communities are numbered by decreasing size (ties: first vertex).

    References
    ----------
    Traag, V. A., Waltman, L. & van Eck, N. J. (2019). From Louvain to Leiden: guaranteeing
    well-connected communities. *Scientific Reports* 9, 5233.
    https://doi.org/10.1038/s41598-019-41695-z

    Newman, M. E. J. (2006). Modularity and community structure in networks. *PNAS* 103(23),
    8577–8582. https://doi.org/10.1073/pnas.0601602103
    """
    n = g.vcount()
    if n == 0:
        return np.zeros(0, dtype=int), float("nan")
    w = weights if weights in g.es.attributes() else None
    ig.set_random_number_generator(random.Random(seed))
    try:
        parts = g.community_leiden(objective_function="modularity", weights=w,
                                   resolution=resolution, n_iterations=-1)
    finally:
        ig.set_random_number_generator(random)
    raw = np.asarray(parts.membership, dtype=int)
    sizes = np.bincount(raw)
    first = np.full(len(sizes), n)
    np.minimum.at(first, raw, np.arange(n))
    order = sorted(range(len(sizes)), key=lambda c: (-sizes[c], first[c]))
    relabel = np.empty(len(sizes), dtype=int)
    relabel[order] = np.arange(len(sizes))
    membership = relabel[raw]
    q = g.modularity(membership.tolist(), weights=w, resolution=resolution) \
        if g.ecount() else float("nan")
    return membership, float(q)


def communities(data: GraphData, *, resolution: float = 1.0,
                seed: int = 42) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Leiden communities of the actor network, each described by who and what is in it.

    Returns
    -------
    membership : pandas.DataFrame
        ``id``, ``name``, ``sector``, ``city``, ``community`` (0 = largest).
    summary : pandas.DataFrame
        One row per community: ``community``, ``size``, ``modularity`` (the community's
        contribution ``L_c/W − γ (S_c/2W)²``; the contributions sum to the partition's
        modularity, which is in ``summary.attrs["modularity"]`` along with ``resolution``,
        ``seed`` and ``method``), ``sectors``, ``themes``, ``cities`` — the three most common
        values with counts, e.g. ``"nonprofit (12), city_government (4)"``. Themes are those
        of the coalitions the members sit in, counted once per member and coalition.
    """
    g = actor_network(data)
    membership, q = leiden(g, resolution=resolution, seed=seed)
    members = pd.DataFrame({
        "id": g.vs["name"], "name": g.vs["label"], "sector": g.vs["sector"],
        "city": g.vs["city"], "community": membership,
    })
    contribution = _contributions(g, membership, resolution)
    themes = _member_themes(data)
    rows = []
    for c, group in members.groupby("community", sort=True):
        theme_counts: Counter = Counter()
        for actor in group["id"]:
            theme_counts.update(themes.get(actor, ()))
        rows.append({
            "community": int(c),
            "size": len(group),
            "modularity": float(contribution[c]),
            "sectors": _top(Counter(group["sector"].dropna())),
            "themes": _top(theme_counts),
            "cities": _top(Counter(group["city"].dropna())),
        })
    summary = pd.DataFrame(rows, columns=["community", "size", "modularity", "sectors",
                                          "themes", "cities"])
    summary.attrs = {"modularity": q, "resolution": resolution, "seed": seed,
                     "method": "Leiden (igraph), modularity, weighted by shared coalitions"}
    attach(members, ["community"], seed=seed, resolution=resolution)
    attach(summary, ["modularity"], modularity=round(q, 6), seed=seed, resolution=resolution)
    return members, summary


# helpers

def _contributions(g: ig.Graph, membership: np.ndarray, resolution: float) -> np.ndarray:
    k = int(membership.max()) + 1 if len(membership) else 0
    if g.ecount() == 0:
        return np.zeros(k)
    edges = np.asarray(g.get_edgelist(), dtype=np.int64)
    w = np.asarray(g.es["weight"], dtype=float) if "weight" in g.es.attributes() \
        else np.ones(len(edges))
    total = w.sum()
    cu, cv = membership[edges[:, 0]], membership[edges[:, 1]]
    inside = np.bincount(cu[cu == cv], weights=w[cu == cv], minlength=k)
    strength = np.asarray(g.strength(weights=w.tolist()), dtype=float)
    s_c = np.bincount(membership, weights=strength, minlength=k)
    return inside / total - resolution * (s_c / (2 * total)) ** 2


def _member_themes(data: GraphData) -> dict[str, list[str]]:
    aff = affiliation(data)
    themes_of = [list(t) if isinstance(t, list | tuple | np.ndarray) else []
                 for t in data.coalitions["themes"]]
    a = aff.matrix.tocoo()
    out: dict[str, list[str]] = {}
    for i, j in zip(a.row.tolist(), a.col.tolist(), strict=True):
        out.setdefault(aff.actor_ids[i], []).extend(themes_of[j])
    return out


def _top(counts: Counter, n: int = 3) -> str:
    return ", ".join(f"{value} ({count})" for value, count in
                     sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[:n])
