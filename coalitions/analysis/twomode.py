"""Two-mode centrality: actors and coalitions measured on the affiliation network itself.

In a two-mode network an actor can only be adjacent to coalitions and a coalition only to
actors, so one-mode normalisations ("divide by n - 1") understate every score. Borgatti &
Everett (1997) normalise each mode by the maximum it can reach in a bipartite graph of the
same mode sizes; networkx's ``bipartite.degree_centrality``, ``closeness_centrality`` and
``betweenness_centrality`` implement the same formulas and serve as the independent check.

Throughout, a vertex of a mode of size ``n`` faces an opposite mode of size ``m``.

References
----------
Borgatti, S. P. & Everett, M. G. (1997). Network analysis of 2-mode data. *Social Networks*
19(3), 243–269. https://doi.org/10.1016/S0378-8733(96)00301-2
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from coalitions.analysis.centrality import EXACT_LIMIT, SAMPLES, _sample_attrs, sampled_betweenness
from coalitions.analysis.centrality import betweenness as _betweenness
from coalitions.analysis.centrality import coreness as _coreness
from coalitions.analysis.centrality import pagerank as _pagerank
from coalitions.analysis.definitions import attach
from coalitions.analysis.network import two_mode_network
from coalitions.graph.model import GraphData

if TYPE_CHECKING:
    import igraph as ig

__all__ = [
    "two_mode_betweenness",
    "two_mode_closeness",
    "two_mode_degree",
    "two_mode_eigenvector",
    "two_mode_measures",
]


def two_mode_degree(g: ig.Graph) -> pd.Series:
    """Two-mode degree: the number of ties divided by the size ``m`` of the other mode.

    An actor in every coalition, or a coalition with every actor, scores 1 (Borgatti &
    Everett 1997, eq. for degree; networkx ``bipartite.degree_centrality``). ``g`` must carry
    the vertex attribute ``type`` (False/True for the two modes).
    """
    top, m_of = _modes(g)
    deg = np.asarray(g.degree(), dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        values = np.where(m_of > 0, deg / m_of, 0.0)
    return _series(g, values)


def two_mode_closeness(g: ig.Graph, *, harmonic: bool | None = None) -> pd.Series:
    """Two-mode closeness, Borgatti & Everett's normalisation; harmonic where disconnected.

    Classic (connected graphs): ``(m + 2(n-1)) / Σ_u d(v, u)`` — the smallest possible total
    distance is reached by a vertex adjacent to the whole other mode (distance 1 to its
    ``m`` vertices, 2 to the ``n - 1`` others of its own mode); as networkx
    ``bipartite.closeness_centrality`` on a connected graph.

    Harmonic (``harmonic=True``, the default for a disconnected graph — our extension of the
    same idea): ``Σ_{u≠v} 1/d(v, u) / (m + (n-1)/2)``, the denominator being that same
    vertex's harmonic sum, so the best placed vertex still scores 1. ``attrs["method"]``
    says which.
    """
    top, m_of = _modes(g)
    n_of = np.where(top, top.sum(), (~top).sum()).astype(float)
    n = g.vcount()
    if harmonic is None:
        harmonic = n > 1 and not g.is_connected()
    if n <= 1:
        values = np.zeros(n)
    elif harmonic:
        # igraph's unnormalised harmonic sum is Σ 1/d over reachable vertices.
        h = np.asarray(g.harmonic_centrality(normalized=False), dtype=float)
        best = m_of + (n_of - 1) / 2
        values = np.where(best > 0, h / np.where(best > 0, best, 1), 0.0)
    else:
        c = np.asarray(g.closeness(normalized=False), dtype=float)  # 1 / Σ d
        values = np.nan_to_num(c) * (m_of + 2 * (n_of - 1))
    out = _series(g, values)
    out.attrs = {"method": "harmonic" if harmonic else "classic"}
    return out


def two_mode_betweenness(g: ig.Graph, *, samples: int | None = None,
                         seed: int | None = None) -> pd.Series:
    """Two-mode betweenness: Brandes betweenness divided by its two-mode maximum.

    For a vertex whose mode has ``n`` vertices facing ``m``, with ``s, t = divmod(n-1, m)``,
    the maximum is ``½[m²(s+1)² + m(s+1)(2t−s−1) − t(2s−t+3)]`` (Borgatti & Everett 1997;
    networkx ``bipartite.betweenness_centrality``). With ``samples`` the unnormalised
    betweenness is estimated from sampled sources (see
    :func:`coalitions.analysis.centrality.betweenness`); ``attrs`` carry the method.
    """
    top, _ = _modes(g)
    if samples is None or samples >= g.vcount():
        raw = _betweenness(g, normalized=False)
        se = None
    else:
        est = sampled_betweenness(g, samples=samples, seed=seed, normalized=False)
        raw, se = est["betweenness"], est["standard_error"].to_numpy()
    n_top, n_bottom = int(top.sum()), int((~top).sum())
    max_top = _max_betweenness(n_top, n_bottom)
    max_bottom = _max_betweenness(n_bottom, n_top)
    scale = np.where(top, max_top, max_bottom).astype(float)
    safe = np.where(scale > 0, scale, 1)
    values = np.where(scale > 0, raw.to_numpy() / safe, 0.0)
    out = _series(g, values)
    if se is None:
        out.attrs = {"method": "exact"}
    else:
        se = np.where(scale > 0, se / safe, 0.0)
        out.attrs = _sample_attrs(se, samples=min(samples, g.vcount()), seed=seed)
    return out


def two_mode_eigenvector(g: ig.Graph) -> pd.Series:
    """Two-mode eigenvector centrality: the bipartite adjacency's leading eigenvector, each
    mode scaled to unit Euclidean norm.

    The leading eigenvector of a bipartite adjacency matrix holds the actors' and the
    coalitions' eigenvectors of the two projections (Bonacich 1991) and splits its norm
    equally between the modes; Borgatti & Everett (1997) therefore normalise each mode on
    its own, as here.

    References
    ----------
    Bonacich, P. (1991). Simultaneous group and individual centralities. *Social Networks*
    13(2), 155–168. https://doi.org/10.1016/0378-8733(91)90018-O
    """
    top, _ = _modes(g)
    if g.ecount() == 0:
        return _series(g, np.zeros(g.vcount()))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        values = np.abs(np.asarray(g.eigenvector_centrality(), dtype=float))
    for mask in (top, ~top):
        norm = np.linalg.norm(values[mask])
        if norm > 0:
            values[mask] = values[mask] / norm
    return _series(g, values)


def two_mode_measures(data: GraphData, *, exact_limit: int = EXACT_LIMIT,
                      samples: int = SAMPLES, seed: int = 42) -> pd.DataFrame:
    """Two-mode measures for every actor and every coalition, on the affiliation network.

    Rows: actors (``mode`` "actor") then coalitions (``mode`` "coalition"). Columns as
    :func:`coalitions.analysis.centrality.actor_measures`: ``id``, ``name``, ``kind``,
    ``sector``, ``city``, ``mode``, ``degree`` (two-mode), ``strength`` (number of
    affiliations, the unnormalised degree), ``betweenness`` and ``closeness`` (two-mode
    normalisations), ``eigenvector`` (unit norm per mode), ``pagerank``, ``coreness``,
    ``coalitions`` (actors: number of coalitions; empty for coalitions), plus ``members``
    (coalitions: number of members; empty for actors). Above ``exact_limit`` vertices
    betweenness is estimated from ``samples`` sources; ``df.attrs["betweenness_method"]``
    says which.
    """
    g = two_mode_network(data)
    n = g.vcount()
    sampled = n > exact_limit
    b = two_mode_betweenness(g, samples=samples if sampled else None, seed=seed)
    c = two_mode_closeness(g)
    deg = np.asarray(g.degree(), dtype=float)
    df = pd.DataFrame({
        "id": g.vs["name"],
        "name": g.vs["label"],
        "kind": g.vs["kind"],
        "sector": g.vs["sector"],
        "city": g.vs["city"],
        "mode": g.vs["mode"],
        "degree": two_mode_degree(g).to_numpy(),
        "strength": deg,
        "betweenness": b.to_numpy(),
        "closeness": c.to_numpy(),
        "eigenvector": two_mode_eigenvector(g).to_numpy(),
        "pagerank": _pagerank(g, weights=None).to_numpy(),
        "coreness": _coreness(g).to_numpy(),
        "coalitions": pd.array(g.vs["n_coalitions"], dtype="Int64"),
        "members": pd.array(g.vs["n_members"], dtype="Int64"),
    })
    if sampled:
        method = (f"sampled on the two-mode network: {b.attrs['samples']} sources, seed "
                  f"{seed}, mean standard error {b.attrs['mean_standard_error']:.3g}")
    else:
        method = "exact on the two-mode network"
    df.attrs = {"betweenness_method": method, "closeness_method": c.attrs["method"]}
    return attach(df, {col: f"two_mode_{col}" for col in (
        "degree", "strength", "betweenness", "closeness", "eigenvector", "pagerank",
        "coreness")} | {"coalitions": "coalitions", "members": "members"},
        betweenness=method, closeness=c.attrs["method"])


# helpers

def _modes(g: ig.Graph) -> tuple[np.ndarray, np.ndarray]:
    """Per vertex: whether it is in the first mode (type False), and the other mode's size."""
    types = np.asarray(g.vs["type"], dtype=bool) if g.vcount() else np.zeros(0, dtype=bool)
    top = ~types
    m_of = np.where(top, (~top).sum(), top.sum()).astype(float)
    return top, m_of


def _max_betweenness(n: int, m: int) -> float:
    if n == 0 or m == 0:
        return 0.0
    s, t = divmod(n - 1, m)
    return (m**2 * (s + 1) ** 2 + m * (s + 1) * (2 * t - s - 1) - t * (2 * s - t + 3)) / 2


def _series(g: ig.Graph, values) -> pd.Series:
    names = g.vs["name"] if "name" in g.vs.attributes() else list(range(g.vcount()))
    return pd.Series(np.asarray(values, dtype=float), index=pd.Index(names, name="name"))
