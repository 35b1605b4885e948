"""One-mode centrality: who is central in the actor network.

Each function takes an igraph graph and returns a :class:`pandas.Series` indexed by vertex
``name`` (vertex index when the graph has no names). Normalisations follow networkx's
documentation, so that values can be compared with networkx and the literature.
:func:`actor_measures` puts them together for the actors of a :class:`GraphData`.

Degree, strength, eigenvector centrality, PageRank and coreness also take a symmetric
``scipy.sparse`` matrix (the actor network of
:func:`~coalitions.analysis.network.actor_projection`) and are then computed with scipy and
numpy on it: at national scale the actor network has some 2·10^7 stored pairs, and turning
them into an igraph graph alone took longer (python-igraph converts about a million edges
per second) than every measure on the matrix together. Betweenness and closeness of the
actors are exact (igraph) whenever that is predicted to take under ``exact_seconds`` (60 s)
on this machine, measured on the network itself (:func:`predicted_exact_seconds`); above,
:func:`sampled_centrality` estimates the *same* quantities from adaptively many sampled
source actors, with a confidence interval per actor (see :func:`actor_betweenness`).
"""

from __future__ import annotations

import math
import random
import time
import warnings
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import scipy.sparse as sp
import scipy.sparse.linalg as sla
from scipy.sparse.csgraph import connected_components

from coalitions.analysis.definitions import attach
from coalitions.analysis.network import (
    Projection,
    _even_bounds,
    _strings,
    _values,
    _worker_threads,
    actor_projection,
)
from coalitions.errors import UsageError
from coalitions.graph.model import GraphData

__all__ = [
    "BUDGET_SECONDS",
    "CONFIDENCE",
    "EXACT_LIMIT",
    "EXACT_SECONDS",
    "REL_ERROR",
    "SAMPLES",
    "TOP_K",
    "actor_betweenness",
    "actor_closeness",
    "actor_measures",
    "betweenness",
    "check_seconds",
    "closeness",
    "coreness",
    "degree",
    "eigenvector",
    "pagerank",
    "predicted_exact_seconds",
    "sampled_betweenness",
    "sampled_centrality",
    "strength",
]

# Actor betweenness and closeness are exact when predicted to take under this many seconds
# on this machine (see predicted_exact_seconds).
EXACT_SECONDS = 60.0
# Above it, the estimate (sampled_centrality) adds sources until the TOP_K actors' intervals
# at CONFIDENCE have half-widths within REL_ERROR of their estimates, or BUDGET_SECONDS pass.
TOP_K = 20
# (10 %: the Bernstein half-widths are conservative; at 10 % the actual top-20 errors
# measured 4-5 % on a 5,000-actor network, and 5 % needed nearly every source there.)
REL_ERROR = 0.10
CONFIDENCE = 0.95
BUDGET_SECONDS = 60.0
MIN_SOURCES = 128
BATCH_SOURCES = 64
# The first batch is small (two groups of 16 searches, one per core) because the time budget
# is only checked between batches: on a national-scale projection one group takes tens of
# seconds.
_FIRST_BATCH = 32
# Seconds per unit of Brandes' work (actors × edges) between which the prediction is
# measured: igraph took 1.1e-8 s on a 5,000-actor, 3·10^5-edge network and 3.8e-8 s on a
# 20,000-actor, 1.7·10^6-edge one (cache misses grow with the graph) on this project's
# two-core machine under load. Below the slow bound exact is certain to fit even on a
# machine 2.5x slower than the slowest seen; above the fast bound it cannot fit even on one
# 4x faster than the fastest seen (and building the igraph graph alone would cost more than
# the measurement is worth: 5 s for 1.7·10^6 edges).
_SLOWEST_UNIT = 1e-7
_FASTEST_UNIT = 2.5e-9
_PROBE_SOURCES = 16

# Two-mode betweenness (coalitions.analysis.twomode) still uses a size limit and a fixed
# sample: its estimate is of its own (two-mode) quantity.
EXACT_LIMIT = 3000
SAMPLES = 128
_BATCHES = 8

MEASURE_COLUMNS = ["degree", "strength", "betweenness", "closeness", "eigenvector",
                   "pagerank", "coreness", "coalitions"]


if TYPE_CHECKING:
    # (igraph itself is imported by whoever builds a graph: the sparse paths, which pivots
    # take at every size above EXACT_LIMIT, never need it, and its import is 3-4 % of a
    # `coalitions pivots` at 20,000 memberships)
    import igraph as ig

    Graph = ig.Graph | sp.spmatrix | sp.sparray


def degree(g: Graph) -> pd.Series:
    """Degree centrality: the number of neighbours divided by ``n - 1``.

    As networkx ``degree_centrality``: for a directed graph in- plus out-degree; a graph of
    one vertex gets 1. Parallel edges and loops count as igraph counts them (the projections
    of :mod:`coalitions.analysis.network` are simple). ``g`` may be a symmetric sparse
    matrix without diagonal: then the stored entries of a row are the neighbours (values
    are not looked at), and the Series is indexed by row.

    References
    ----------
    Freeman, L. C. (1978). Centrality in social networks conceptual clarification.
    *Social Networks* 1(3), 215–239. https://doi.org/10.1016/0378-8733(78)90021-7
    """
    n = _order(g)
    if n <= 1:
        return _series(g, [1.0] * n)
    if _is_matrix(g):
        return _series(g, np.diff(sp.csr_matrix(g).indptr) / (n - 1))
    return _series(g, np.asarray(g.degree(), dtype=float) / (n - 1))


def strength(g: Graph, weights: str | None = "weight") -> pd.Series:
    """Strength (weighted degree): the sum of the weights of a vertex's edges.

    Not normalised. On the actor network the weight is the number of shared coalitions plus
    tie weights. Without a ``weights`` attribute this is the degree. For a sparse matrix the
    row sums (its values are the weights; ``weights=None`` counts entries).

    References
    ----------
    Barrat, A., Barthélemy, M., Pastor-Satorras, R. & Vespignani, A. (2004). The architecture
    of complex weighted networks. *PNAS* 101(11), 3747–3752.
    https://doi.org/10.1073/pnas.0400087101
    """
    if _is_matrix(g):
        m = sp.csr_matrix(g)
        if weights is None:
            return _series(g, np.diff(m.indptr).astype(float))
        return _series(g, np.asarray(m.sum(axis=1), dtype=float).ravel())
    w = weights if weights in g.es.attributes() else None
    return _series(g, np.asarray(g.strength(weights=w), dtype=float))


def betweenness(g: ig.Graph, *, weights: str | None = None, normalized: bool = True,
                samples: int | None = None, seed: int | None = None) -> pd.Series:
    """Betweenness centrality (Brandes' algorithm), exact or estimated from sampled sources.

    ``b(v) = Σ_{s≠v≠t} σ_st(v) / σ_st``, the share of shortest s–t paths through ``v``, summed
    over pairs (unordered in an undirected graph). Normalised as networkx
    ``betweenness_centrality``: divided by the number of pairs not involving ``v``,
    ``(n-1)(n-2)/2`` undirected, ``(n-1)(n-2)`` directed (no scaling when ``n ≤ 2``).

    Parameters
    ----------
    g : igraph.Graph
    weights : str, optional
        Edge attribute read as a **distance** (a path's length is the sum of its weights).
        Default None: every edge has length 1. Do not pass the actor network's ``weight``
        (a strength: more shared coalitions = closer) without inverting it first.
    normalized : bool, default True
    samples : int, optional
        Estimate from this many source vertices drawn uniformly without replacement
        (Brandes & Pich 2007), instead of all ``n``. As networkx ``k=`` with
        ``endpoints=False``: a vertex's summed dependencies are scaled by
        ``(n-1) / k_v``, with ``k_v`` the number of sampled sources other than ``v``, which
        makes the estimate unbiased. The sources are split into batches; the standard
        error is the spread of the batch estimates over √batches (batch means).
    seed : int, optional
        Seed of the source sample (Python ``random.Random``).

    Returns
    -------
    pandas.Series
        Indexed by vertex name. ``attrs`` hold ``method`` ("exact" or "sampled") and, when
        sampled, ``samples``, ``seed``, ``batches``, ``mean_standard_error`` and
        ``max_standard_error`` (same scale as the values). Per-vertex standard errors:
        :func:`sampled_betweenness`.

    References
    ----------
    Brandes, U. (2001). A faster algorithm for betweenness centrality. *Journal of
    Mathematical Sociology* 25(2), 163–177. https://doi.org/10.1080/0022250X.2001.9990249

    Brandes, U. & Pich, C. (2007). Centrality estimation in large networks. *International
    Journal of Bifurcation and Chaos* 17(7), 2303–2318.
    https://doi.org/10.1142/S0218127407018403
    """
    n = g.vcount()
    directed = g.is_directed()
    scale = _betweenness_scale(n, directed) if normalized else 1.0
    if samples is None or samples >= n:
        values = np.asarray(g.betweenness(directed=directed, weights=weights), dtype=float)
        out = _series(g, values * scale)
        out.attrs = {"method": "exact"}
        return out
    est = sampled_betweenness(g, samples=samples, seed=seed, weights=weights,
                              normalized=normalized)
    out = est["betweenness"].copy()
    out.attrs = dict(est.attrs)
    return out


def sampled_betweenness(g: ig.Graph, *, samples: int, seed: int | None = None,
                        weights: str | None = None, normalized: bool = True) -> pd.DataFrame:
    """Betweenness estimated from ``samples`` sampled sources, with per-vertex standard errors.

    The estimator, scaling and batch-means standard error of :func:`betweenness` with
    ``samples``. Returns a DataFrame indexed by vertex name with columns ``betweenness`` and
    ``standard_error``; ``attrs`` as :func:`betweenness`.
    """
    n = g.vcount()
    directed = g.is_directed()
    scale = _betweenness_scale(n, directed) if normalized else 1.0
    sources = _sample(range(n), samples, seed)
    values, se = _sampled_dependencies(
        lambda batch: g.betweenness(directed=directed, weights=weights, sources=batch),
        sources, n_vertices=n, population=n, population_index=np.arange(n))
    names = g.vs["name"] if "name" in g.vs.attributes() else list(range(n))
    out = pd.DataFrame({"betweenness": values * scale, "standard_error": se * scale},
                       index=pd.Index(names, name="name"))
    out.attrs = _sample_attrs(se * scale, samples=len(sources), seed=seed)
    return out


def closeness(g: ig.Graph, *, weights: str | None = None,
              harmonic: bool | None = None) -> pd.Series:
    """Closeness centrality; harmonic closeness where the graph is disconnected.

    - classic (connected graphs, ``harmonic=False``): ``(n-1) / Σ_u d(v, u)``, as networkx
      ``closeness_centrality`` on a connected graph;
    - harmonic (``harmonic=True``, the default for a disconnected graph):
      ``Σ_{u≠v} 1/d(v, u) / (n-1)``, unreachable vertices contributing 0 — networkx
      ``harmonic_centrality`` divided by ``n - 1``.

    ``attrs["method"]`` says which was computed. ``weights`` are distances, as in
    :func:`betweenness`. In a directed graph ``d(v, u)`` runs from ``v`` (outgoing paths).

    References
    ----------
    Freeman (1978), see :func:`degree`. Marchiori, M. & Latora, V. (2000). Harmony in the
    small-world. *Physica A* 285(3–4), 539–546. https://doi.org/10.1016/S0378-4371(00)00311-3
    """
    n = g.vcount()
    if harmonic is None:
        harmonic = n > 1 and not g.is_connected(mode="weak")
    if n <= 1:
        values = np.zeros(n)
    elif harmonic:
        values = np.asarray(g.harmonic_centrality(mode="out", weights=weights,
                                                  normalized=True), dtype=float)
    else:
        values = np.asarray(g.closeness(mode="out", weights=weights, normalized=True),
                            dtype=float)
    out = _series(g, np.nan_to_num(values))
    out.attrs = {"method": "harmonic" if harmonic else "classic"}
    return out


def eigenvector(g: Graph, *, weights: str | None = None) -> pd.Series:
    """Eigenvector centrality: the leading eigenvector of the adjacency matrix, unit norm.

    As networkx ``eigenvector_centrality``: scaled to Euclidean norm 1, signs positive,
    unweighted unless ``weights`` names an edge attribute (for a sparse matrix: any
    ``weights`` reads its values, None its pattern). Undirected graphs are solved with
    ``scipy.sparse.linalg.eigsh`` (Lanczos, largest algebraic eigenvalue) started from the
    all-ones vector, small ones (under 64 vertices) with a dense ``eigh``; directed igraph
    graphs with igraph.

    Disconnected graphs: the leading eigenvector lives on the component(s) with the largest
    eigenvalue and is 0 elsewhere. When several components share that eigenvalue (two equal
    cliques, say), the eigenvector is not unique; the one returned is the projection of the
    all-ones vector onto that eigenspace — the vector networkx's power iteration converges
    to (a Krylov method started from ones stays in that direction; the dense path projects
    explicitly). networkx can fail to converge on disconnected graphs whose components have
    close eigenvalues, where this does not. A graph without edges gives ``1/√n`` everywhere,
    as networkx.

    References
    ----------
    Bonacich, P. (1987). Power and centrality: a family of measures. *American Journal of
    Sociology* 92(5), 1170–1182. https://doi.org/10.1086/228631
    """
    n = _order(g)
    if n == 0:
        return _series(g, [])
    if not _is_matrix(g) and g.is_directed():
        if g.ecount() == 0:
            return _series(g, np.full(n, 1 / math.sqrt(n)))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            values = np.abs(np.asarray(g.eigenvector_centrality(weights=weights),
                                       dtype=float))
        norm = np.linalg.norm(values)
        return _series(g, values / norm if norm > 0 else values)
    return _series(g, _leading_eigenvector(_matrix(g, weights)))


def pagerank(g: Graph, *, alpha: float = 0.85,
             weights: str | None = "weight") -> pd.Series:
    """PageRank with damping ``alpha`` (default 0.85), summing to 1.

    Weighted by the ``weights`` edge attribute when present (networkx ``pagerank`` default
    ``weight="weight"``; for a sparse matrix its values, or its pattern with
    ``weights=None``); vertices without edges (or whose edges all weigh 0) spread their
    rank uniformly, as in networkx and igraph. The vector solves
    ``x = α·W·D⁻¹·x + (α·Σ_dangling x + 1 − α)/n``.

    Undirected graphs: solved directly rather than by power iteration — the symmetric
    system ``(I − α·D^-½·W·D^-½)·z = D^-½·1/n`` by conjugate gradients to a relative
    residual of 1e-12, then ``x ∝ D^½·z`` (dangling vertices ``1/n``), normalised to sum 1.
    Its condition number is at most ``(1+α)/(1−α)``, so some 40 products with ``W`` reach
    what power iteration needs 150 for; networkx's stopping rule (L1 change below
    ``n·1e-6``) is loose at 10^5 vertices, igraph (PRPACK) solves exactly, and this agrees
    with both to 1e-9 (tests). Directed igraph graphs: igraph.

    References
    ----------
    Brin, S. & Page, L. (1998). The anatomy of a large-scale hypertextual Web search engine.
    *Computer Networks and ISDN Systems* 30(1–7), 107–117.
    https://doi.org/10.1016/S0169-7552(98)00110-X
    """
    if not _is_matrix(g) and g.is_directed():
        w = weights if weights in g.es.attributes() else None
        values = np.asarray(g.pagerank(directed=True, damping=alpha, weights=w),
                            dtype=float)
        return _series(g, values)
    m = _matrix(g, weights)
    return _series(g, _pagerank(m.__matmul__, np.asarray(m.sum(axis=1)).ravel(), alpha))


def coreness(g: Graph) -> pd.Series:
    """Coreness (k-core number): the largest k such that the vertex is in the k-core.

    The k-core is the maximal subgraph in which every vertex has degree at least k
    (networkx ``core_number``); unweighted, direction ignored. igraph graphs use igraph;
    a sparse matrix is peeled with numpy (Batagelj–Zaversnik's order, one round of all
    vertices of degree ≤ k at a time), which gives the same numbers.

    References
    ----------
    Seidman, S. B. (1983). Network structure and minimum degree. *Social Networks* 5(3),
    269–287. https://doi.org/10.1016/0378-8733(83)90028-X

    Batagelj, V. & Zaversnik, M. (2003). An O(m) algorithm for cores decomposition of
    networks. arXiv:cs/0310049. https://doi.org/10.48550/arXiv.cs/0310049
    """
    if _is_matrix(g):
        return _series(g, _core_numbers(sp.csr_matrix(g)))
    return _series(g, np.asarray(g.coreness(mode="all"), dtype=int))


def actor_betweenness(data: GraphData, *, exact_seconds: float = EXACT_SECONDS,
                      seed: int = 42, graph: ig.Graph | None = None,
                      **estimator: float) -> pd.Series:
    """Normalised betweenness of the actors on the actor network, exact or estimated.

    Always the same quantity: unweighted betweenness of the simple one-mode actor network
    (:func:`~coalitions.analysis.network.actor_network`: a pair of actors sharing k
    coalitions is one edge, not k), normalised as :func:`betweenness`.

    Exact (:func:`betweenness`, igraph's Brandes) whenever it is predicted to take under
    ``exact_seconds`` on this machine (:func:`predicted_exact_seconds`: measured on this
    network, not guessed from its size). Above, :func:`sampled_centrality` estimates the
    same quantity from adaptively many sampled source actors, with a confidence interval
    per actor; ``estimator`` passes its options (``top_k``, ``rel_error``, ``confidence``,
    ``budget_seconds``, ``min_sources``, ``max_sources``). ``exact_seconds=0`` always estimates,
    ``math.inf`` never does.

    ``attrs``: ``method`` ("exact" or "sampled"), ``graph``, ``predicted_exact_seconds``
    when it was measured, and for the estimate the facts of :func:`sampled_centrality`
    (sources, seed, confidence, stopping rule and why it stopped, achieved error; the
    intervals themselves are columns of :func:`actor_measures`). ``graph``, if given, is
    the already built actor network.
    """
    return _actor_centrality(data, exact_seconds, seed, graph, estimator)[0]


def actor_closeness(data: GraphData, *, exact_seconds: float = EXACT_SECONDS,
                    seed: int = 42, graph: ig.Graph | None = None,
                    **estimator: float) -> pd.Series:
    """Closeness of the actors on the actor network, exact or estimated.

    :func:`closeness` of the actor network (classic when it is connected, else harmonic),
    exact under the rule of :func:`actor_betweenness`; above it, the same quantity
    estimated by :func:`sampled_centrality` from the distances to the sampled sources (the
    sources of the betweenness estimate with the same ``seed`` and options).
    """
    return _actor_centrality(data, exact_seconds, seed, graph, estimator)[1]


def predicted_exact_seconds(g: ig.Graph, *, probe: int = _PROBE_SOURCES,
                            seed: int = 0) -> float:
    """Seconds exact betweenness of ``g`` is predicted to take on this machine, now.

    Brandes' algorithm is one search (and one dependency pass) per source vertex, each
    O(m) in an unweighted graph, so its time is n times that of one source. Measured, not
    modelled: igraph's subset betweenness from ``probe`` random sources is timed on ``g``
    itself and scaled by ``n / probe``. A size formula ``c·n·m`` with ``c`` from a fixed
    calibration graph was off by 3.5x between a 5,000- and a 20,000-actor network of this
    project (cache effects), and the machine's load changes ``c`` too; the probe costs
    ``probe / n`` of the exact run (under 1 s at 20,000 actors and 1.7·10^6 edges).
    """
    n = g.vcount()
    if n == 0:
        return 0.0
    k = min(probe, n)
    sources = sorted(random.Random(seed).sample(range(n), k))
    start = time.perf_counter()
    g.betweenness(directed=g.is_directed(), sources=sources)
    return (time.perf_counter() - start) * n / k


def sampled_centrality(adjacency: sp.spmatrix | sp.sparray, *, seed: int | None = 42,
                       top_k: int = TOP_K, rel_error: float = REL_ERROR,
                       confidence: float = CONFIDENCE,
                       budget_seconds: float = BUDGET_SECONDS,
                       min_sources: int = MIN_SOURCES, batch: int = BATCH_SOURCES,
                       max_sources: int | None = None, harmonic: bool | None = None,
                       names: pd.Index | None = None) -> pd.DataFrame:
    """Betweenness and closeness estimated from adaptively many sampled sources, with
    per-vertex confidence intervals.

    The quantities are exactly those of :func:`betweenness` (unweighted, normalised) and
    :func:`closeness` (classic when the graph is connected, harmonic otherwise, or as
    ``harmonic`` says) of the simple undirected graph whose edges are the stored
    off-diagonal entries of ``adjacency`` (values ignored).

    **Estimator** (Brandes & Pich 2007, uniform sources without replacement): sources are
    taken in the order of a seeded random permutation of the vertices, so every prefix is a
    uniform sample. For each source ``s`` one breadth-first search and Brandes' dependency
    pass give the distances ``d(s, v)`` and Geisberger, Sanders & Schultes' *linearly
    scaled* dependencies ``δ_s(v) = Σ_t σ_st(v)/σ_st · d(s, v)/d(s, t)``: a pair's path
    through ``v`` counts for each endpoint in proportion to that endpoint's distance from
    ``v``, so the two shares sum to 1 and ``Σ_{s≠v} δ_s(v)`` is exactly ``v``'s betweenness
    (each unordered pair once). Betweenness is ``2/(n − 2)`` times the mean of ``δ_s(v)``
    over the ``k_v`` sampled sources other than ``v`` — unbiased, and exact once every
    source is taken. Plain dependencies would be unbiased too, but give a source next to
    ``v`` its whole share of paths through ``v``: with linear scaling the default target
    took 2,912 sources instead of 3,488 on a 5,000-actor network of this project. Harmonic closeness
    is the mean of ``1/d(s, v)``, classic closeness ``1 / mean d(s, v)`` (a ratio estimator:
    consistent, bias of order ``1/k``).

    **Intervals**: empirical Bernstein intervals at ``confidence`` per vertex (see
    :func:`_mean_and_half`): a variance term from the per-source sample variance plus a
    range term from the largest per-source value seen, both with the finite-population
    correction ``1 − k_v/(n−1)`` (sources are drawn without replacement from the ``n − 1``
    others), clipped to the measure's range; for classic closeness the interval of the mean
    distance, inverted. They are pointwise, not simultaneous, and the range is estimated,
    so the level is not a theorem; measured on a 5,000-actor synthetic network (tests)
    98–99 % of the exact values lay inside their 95 % intervals, where Student-t intervals
    held 89 % at 95 %, 92–93 % at 99 % and 95–96 % at 99.9 %: betweenness of a mid-ranked actor comes mostly from
    a few sources near it, and a sample that misses them underestimates both the value and
    its variance. Vertices on no shortest path get exactly 0.

    **Stopping rule** (adaptive, in the spirit of KADABRA's per-vertex stopping, Borassi &
    Natale 2019, but with per-vertex Bernstein rather than union-bound intervals): sources
    are added in batches of ``batch`` (the first of 32) until, with at least
    ``min_sources`` taken, the ``top_k`` vertices of highest estimated betweenness all have
    interval half-widths within ``rel_error`` of their estimates; or until the next batch
    would overrun ``budget_seconds`` (judged from the time per source so far; the first
    batch always runs); or until every vertex has been a source (then the result is exact
    and the intervals are points). Why source
    sampling rather than Riondato & Kornaropoulos' path sampling: their (ε, δ) guarantee is
    additive on the normalised value, and a 5 % error on a top value of 0.01 needs
    ε = 5·10^-4, some 10^7 sampled paths; one source's search yields the dependencies on
    all n − 1 targets at the cost of one path's bidirectional search times a small factor.

    The searches are :func:`_bfs_dependencies` (sparse-matrix products for 16 sources at
    once, on several threads), whose sums equal igraph's subset betweenness (tested) —
    igraph's own subset betweenness returns only the sum over sources, not the per-source
    values the variance needs, and one call per source is slower.

    Parameters
    ----------
    adjacency : scipy sparse matrix, symmetric, ``n × n``
    seed : int, optional
        Seed of the source permutation (``numpy.random.default_rng``).
    top_k, rel_error, confidence, budget_seconds, min_sources, batch
        The stopping rule above.
    max_sources : int, optional
        Stop after this many sources as well. The time budget makes the result depend on
        the machine and its load; with ``budget_seconds=math.inf`` and ``max_sources`` it
        depends on the seed only.
    harmonic : bool, optional
        Closeness variant; default harmonic exactly when the graph is disconnected.
    names : pandas.Index, optional
        Index of the result (default ``0..n-1``).

    Returns
    -------
    pandas.DataFrame
        Columns ``betweenness``, ``betweenness_low``, ``betweenness_high``, ``closeness``,
        ``closeness_low``, ``closeness_high``. ``attrs``: ``method``, ``sources``,
        ``vertices``, ``seed``, ``confidence``, ``interval``, ``stopping_rule``,
        ``stopped`` ("target reached", "time budget", "source limit" or "every source:
        exact"),
        ``achieved_rel_error`` (largest relative half-width among the top ``top_k``),
        ``seconds``, ``closeness`` ("classic" or "harmonic").

    References
    ----------
    Brandes, U. & Pich, C. (2007). Centrality estimation in large networks. *International
    Journal of Bifurcation and Chaos* 17(7), 2303–2318.
    https://doi.org/10.1142/S0218127407018403

    Geisberger, R., Sanders, P. & Schultes, D. (2008). Better approximation of
    betweenness centrality. *ALENEX 2008*, 90–100. https://doi.org/10.1137/1.9781611972887.9

    Audibert, J.-Y., Munos, R. & Szepesvári, C. (2009). Exploration–exploitation tradeoff
    using variance estimates in multi-armed bandits. *Theor. Comput. Sci.* 410(19),
    1876–1902. https://doi.org/10.1016/j.tcs.2009.01.016

    Borassi, M. & Natale, E. (2019). KADABRA is an ADaptive Algorithm for Betweenness via
    Random Approximation. *ACM J. Exp. Algorithmics* 24, 1.2.
    https://doi.org/10.1145/3284359

    Riondato, M. & Kornaropoulos, E. M. (2016). Fast approximation of betweenness
    centrality through sampling. *Data Min. Knowl. Disc.* 30, 438–475.
    https://doi.org/10.1007/s10618-015-0423-0
    """
    start = time.perf_counter()
    coo = sp.coo_matrix(adjacency)
    off = coo.row != coo.col
    n = coo.shape[0]
    adj = sp.csr_matrix((np.ones(int(off.sum())), (coo.row[off], coo.col[off])),
                        shape=(n, n))
    adj.sum_duplicates()
    adj.data[:] = 1.0
    del coo, off
    if harmonic is None:
        harmonic = n > 1 and connected_components(adj, directed=False)[0] > 1
    order = np.random.default_rng(seed).permutation(n)
    targets = np.ones(n)
    s1, s2, c1, c2, s_max, c_max = (np.zeros(n) for _ in range(6))
    sampled = np.zeros(n, dtype=bool)
    used = 0
    stopped = "every source: exact"
    achieved = 0.0
    while used < n:
        take = order[used:used + (min(batch, _FIRST_BATCH) if used == 0 else batch)]
        for src, delta, depth in _bfs_dependencies(adj, take.tolist(), targets,
                                                   linear=True):
            delta[src, np.arange(len(src))] = 0.0  # a source is no intermediary on its paths
            s1 += delta.sum(axis=1)
            s2 += np.einsum("ij,ij->i", delta, delta)
            np.maximum(s_max, delta.max(axis=1), out=s_max)
            del delta
            reached = depth > 0
            if harmonic:
                x = np.where(reached, 1.0 / np.where(reached, depth, 1), 0.0)
            else:
                x = np.where(reached, depth, 0).astype(float)
            c1 += x.sum(axis=1)
            c2 += np.einsum("ij,ij->i", x, x)
            np.maximum(c_max, x.max(axis=1), out=c_max)
            del depth, x, reached
        sampled[take] = True
        used += len(take)
        b, b_half = _intervals(s1, s2, s_max, sampled, used, n, confidence)
        achieved = _top_rel_error(b, b_half, top_k)
        if used >= n:
            break
        if used >= min_sources and achieved <= rel_error:
            stopped = "target reached"
            break
        if max_sources is not None and used >= max_sources:
            stopped = "source limit"
            break
        elapsed = time.perf_counter() - start
        if elapsed + elapsed / used * min(batch, n - used) > budget_seconds:
            stopped = "time budget"
            break
    b, b_half = _intervals(s1, s2, s_max, sampled, used, n, confidence)
    mean_c, c_half = _mean_and_half(c1, c2, c_max, used - sampled.astype(np.int64), n - 1,
                                    confidence)
    if harmonic:
        close, close_low, close_high = mean_c, mean_c - c_half, mean_c + c_half
    else:
        with np.errstate(divide="ignore"):
            close = np.where(mean_c > 0, 1 / np.maximum(mean_c, 1.0), 0.0)
            close_low = np.where(mean_c > 0, 1 / np.maximum(mean_c + c_half, 1.0), 0.0)
            close_high = np.where(mean_c > 0, 1 / np.maximum(mean_c - c_half, 1.0), 0.0)
    index = names if names is not None else pd.RangeIndex(n, name="name")
    out = pd.DataFrame({
        "betweenness": b,
        "betweenness_low": np.maximum(b - b_half, 0.0),
        "betweenness_high": np.minimum(b + b_half, 1.0),
        "closeness": close,
        "closeness_low": np.clip(close_low, 0.0, 1.0),
        "closeness_high": np.clip(close_high, 0.0, 1.0),
    }, index=index)
    out.attrs = {
        "method": "source sampling (Brandes & Pich 2007), adaptive",
        "sources": int(used),
        "vertices": int(n),
        "seed": seed,
        "confidence": confidence,
        "interval": "per actor, empirical Bernstein (variance and largest value of the "
                    "per-source values, finite-population corrected; pointwise, not "
                    "simultaneous)",
        "stopping_rule": (f"add {batch} sources at a time until, with at least "
                          f"{min_sources}, "
                          f"the top {top_k} by betweenness have {confidence:.0%} half-widths "
                          f"within {rel_error:.0%} of their estimates, or "
                          f"{budget_seconds:g} s"),
        "stopped": stopped,
        "achieved_rel_error": round(float(achieved), 4),
        "seconds": round(time.perf_counter() - start, 2),
        "closeness": "harmonic" if harmonic else "classic",
        "top_k": top_k,
    }
    return out


def actor_measures(data: GraphData, *, exact_seconds: float = EXACT_SECONDS,
                   seed: int = 42, **estimator: float) -> pd.DataFrame:
    """All one-mode measures for every actor, on the actor network (co-membership + ties).

    Columns: ``id``, ``name``, ``kind``, ``sector``, ``city``, ``mode`` (always "actor"),
    ``degree``, ``strength``, ``betweenness`` (normalised, unweighted), ``closeness``
    (classic if connected, else harmonic), ``eigenvector`` (unweighted, unit norm; NaN
    outside the component(s) that carry the leading eigenvector — isolates and smaller
    components, where it would be 0 up to rounding, ~1e-17, and rank nothing),
    ``pagerank`` (weighted by ``weight``), ``coreness``, ``coalitions`` (number of
    coalitions). When betweenness and closeness are estimated (exact predicted to take
    over ``exact_seconds``; see :func:`actor_betweenness`) four more columns follow:
    ``betweenness_low``, ``betweenness_high``, ``closeness_low``, ``closeness_high``, each
    actor's confidence interval (:func:`sampled_centrality`; ``estimator`` passes its
    options).

    ``df.attrs``: ``betweenness_method`` and ``closeness_method`` — one line each saying
    exact or estimated (sources, seed, confidence, achieved error, why it stopped) — and
    ``betweenness_detail`` (the attrs of :func:`actor_betweenness`); the same lines are the
    ``betweenness`` and ``closeness`` facts of the attached definitions, so every output
    format shows them.

    Everything else is computed on the sparse actor network of
    :func:`~coalitions.analysis.network.actor_projection`, built once; PageRank multiplies
    by its two sparse factors instead of the product (some 10^6 instead of 10^7 stored
    values).
    """
    proj = actor_projection(data)
    b, c, est = _actor_centrality(data, exact_seconds, seed, None, estimator, proj=proj)
    w = proj.matrix
    strengths = np.asarray(w.sum(axis=1), dtype=float).ravel()
    pr = _pagerank(_factored(proj), strengths, 0.85)
    # From here on only the pattern matters: reuse the matrix's own storage.
    w.data[:] = 1.0
    actors = data.actors
    df = pd.DataFrame({
        "id": proj.actor_ids,
        "name": _strings(actors["name"]),
        "kind": _values(actors["kind"]),
        "sector": _values(actors["sector"]),
        "city": _values(actors["city"]),
        "mode": "actor",
        "degree": degree(w).to_numpy(),
        "strength": strengths,
        "betweenness": b.to_numpy(),
        "closeness": c.to_numpy(),
        "eigenvector": _on_leading_components(w, _leading_eigenvector(w)),
        "pagerank": pr,
        "coreness": _core_numbers(w),
        "coalitions": proj.n_coalitions.astype(int),
    }, index=pd.RangeIndex(len(actors)))
    columns: dict[str, str] = {col: col for col in MEASURE_COLUMNS}
    facts = {}
    if est is not None:
        for col in INTERVAL_COLUMNS:
            df[col] = est[col].to_numpy()
            columns[col] = col.rsplit("_", 1)[0]
        facts["intervals"] = (f"betweenness_low/high, closeness_low/high: each actor's "
                              f"{est.attrs['confidence']:.0%} confidence interval "
                              f"({est.attrs['interval']})")
    df.attrs = {
        "betweenness_method": _describe(b.attrs),
        "closeness_method": _describe(c.attrs),
        "betweenness_detail": dict(b.attrs),
    }
    return attach(df, columns, betweenness=df.attrs["betweenness_method"],
                  closeness=df.attrs["closeness_method"], **facts)


def check_seconds(*, exact_seconds: float | None = None,
                  budget_seconds: float | None = None) -> None:
    """Refuse a time limit that is not a number of seconds ≥ 0 (None: not given).

    ``exact_seconds=0`` (always estimate) and ``budget_seconds=0`` (stop after the first
    batch of sources) are meaningful; a negative or NaN limit is a mistake, not a choice.

    Raises
    ------
    UsageError
        Naming the limit and the value given.
    """
    for name, value in (("exact_seconds", exact_seconds), ("budget_seconds", budget_seconds)):
        if value is not None and not value >= 0:  # (NaN fails every comparison)
            raise UsageError(
                f"{name} (--{name.replace('_', '-')}) must be a number of seconds ≥ 0 "
                f"(got {value:g}).",
                hint="exact_seconds 0 always estimates betweenness and closeness, a large "
                     "value always computes them exactly; budget_seconds bounds the "
                     "estimate.")


def _actor_centrality(data: GraphData, exact_seconds: float, seed: int,
                      graph: ig.Graph | None, estimator: dict,
                      proj: Projection | None = None,
                      ) -> tuple[pd.Series, pd.Series, pd.DataFrame | None]:
    """Betweenness and closeness of the actors, exact or estimated, and the estimator's
    frame (with the intervals) when estimated."""
    unknown = set(estimator) - _ESTIMATOR_OPTIONS
    if unknown:
        raise TypeError(f"unknown estimator option(s): {', '.join(sorted(unknown))}")
    check_seconds(exact_seconds=exact_seconds, budget_seconds=estimator.get("budget_seconds"))
    if graph is not None:
        n, m = graph.vcount(), graph.ecount()
        w = None
    else:
        proj = proj if proj is not None else actor_projection(data)
        w = proj.matrix
        n, m = w.shape[0], w.nnz // 2
    exact, predicted, g = _plan(
        n, m, exact_seconds,
        lambda: graph if graph is not None else _pattern_graph(w, proj.actor_ids))
    if exact:
        if g is None:
            g = graph if graph is not None else _pattern_graph(w, proj.actor_ids)
        b, c = betweenness(g), closeness(g)
        b.attrs = {"method": "exact", "graph": "actor network", **predicted}
        c.attrs = {**c.attrs, **predicted}
        return b, c, None
    if w is None:
        w = _matrix(graph, None)
        names = graph.vs["name"] if "name" in graph.vs.attributes() else list(range(n))
    else:
        names = list(proj.actor_ids)
    est = sampled_centrality(w, seed=seed, names=pd.Index(names, name="name"), **estimator)
    facts = {**est.attrs, **predicted}
    b = est["betweenness"].copy()
    b.attrs = {**facts, "method": "sampled", "graph": "actor network"}
    c = est["closeness"].copy()
    c.attrs = {**facts, "method": f"{est.attrs['closeness']}, sampled",
               "graph": "actor network"}
    est.attrs = facts
    return b, c, est


# helpers

def _is_matrix(g) -> bool:
    return sp.issparse(g)


def _order(g) -> int:
    return g.shape[0] if _is_matrix(g) else g.vcount()


def _matrix(g, weights: str | None) -> sp.csr_matrix:
    """Symmetric float64 CSR adjacency of an undirected graph or of a sparse matrix."""
    if _is_matrix(g):
        m = sp.csr_matrix(g, dtype=np.float64, copy=True)
        if weights is None:
            m.data[:] = 1.0
        return m
    n = g.vcount()
    edges = np.asarray(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    w = (np.asarray(g.es[weights], dtype=float) if weights in g.es.attributes()
         else np.ones(len(edges)))
    keep = edges[:, 0] != edges[:, 1]
    edges, w = edges[keep], w[keep]
    m = sp.csr_matrix((np.concatenate([w, w]),
                       (np.concatenate([edges[:, 0], edges[:, 1]]),
                        np.concatenate([edges[:, 1], edges[:, 0]]))), shape=(n, n))
    m.sum_duplicates()
    return m


def _series(g, values) -> pd.Series:
    if _is_matrix(g):
        names = list(range(g.shape[0]))
    else:
        names = g.vs["name"] if "name" in g.vs.attributes() else list(range(g.vcount()))
    values = np.asarray(values)
    if not np.issubdtype(values.dtype, np.integer):
        values = values.astype(float)
    return pd.Series(values, index=pd.Index(names, name="name"))


_ESTIMATOR_OPTIONS = {"top_k", "rel_error", "confidence", "budget_seconds", "min_sources",
                      "batch", "max_sources"}
INTERVAL_COLUMNS = ["betweenness_low", "betweenness_high", "closeness_low",
                    "closeness_high"]


def _plan(n: int, m: int, exact_seconds: float, make_graph) -> tuple[bool, dict, ig.Graph | None]:
    """Exact or estimated, the prediction behind the choice (as attrs), and the igraph
    graph if one was built to measure it."""
    if n <= 2:
        return True, {}, None
    units = n * m
    if exact_seconds <= 0:
        return False, {}, None
    if units * _SLOWEST_UNIT <= exact_seconds:
        return True, {}, None
    if units * _FASTEST_UNIT > exact_seconds:
        return False, {"predicted_exact_seconds_at_least": round(units * _FASTEST_UNIT, 1)}, None
    g = make_graph()
    predicted = predicted_exact_seconds(g)
    return predicted <= exact_seconds, {"predicted_exact_seconds": round(predicted, 1)}, g


def _pattern_graph(w: sp.csr_matrix, names) -> ig.Graph:
    """The simple undirected igraph graph of a symmetric matrix's off-diagonal pattern."""
    import igraph as ig

    upper = sp.triu(w, k=1, format="coo")
    g = ig.Graph(n=w.shape[0], edges=np.column_stack([upper.row, upper.col]).tolist())
    g.vs["name"] = [str(x) for x in names]
    return g


def _mean_and_half(s1: np.ndarray, s2: np.ndarray, r: np.ndarray, k_v: np.ndarray,
                   population: int, confidence: float) -> tuple[np.ndarray, np.ndarray]:
    """Mean of ``k_v`` values drawn without replacement from ``population`` (given their
    sum, sum of squares and largest value ``r``) and the half-width of its interval.

    Empirical Bernstein (Audibert, Munos & Szepesvári 2009, Thm. 1):
    ``√(2·V·ln(3/α)/k) + 3·R·ln(3/α)/k`` with ``V`` the sample variance and ``R`` the range,
    here the largest value seen (a plug-in: the true range is unknown), both terms times the
    finite-population correction ``1 − k/N`` (a point once every value is seen). The range
    term is what the central-limit interval lacks: a vertex's betweenness often comes from a
    few sources near it, rarely sampled; when the sample holds fewer of them than expected,
    the sample variance is small too and a t interval misses (on a 5,000-actor network of
    this project, 99.9 % t intervals held only 95 % of the exact values).
    """
    alpha = 1 - confidence
    log_term = math.log(3 / alpha)
    with np.errstate(divide="ignore", invalid="ignore"):
        k = np.maximum(k_v, 1)
        mean = np.where(k_v > 0, s1 / k, 0.0)
        var = np.where(k_v > 1, (s2 - k_v * mean ** 2) / np.maximum(k_v - 1, 1), 0.0)
        fpc = np.clip(1 - k_v / max(population, 1), 0.0, 1.0)
        half = (np.sqrt(2 * np.maximum(var, 0.0) * log_term / k) + 3 * r * log_term / k) * fpc
    return mean, half


def _intervals(s1: np.ndarray, s2: np.ndarray, r: np.ndarray, sampled: np.ndarray,
               used: int, n: int, confidence: float) -> tuple[np.ndarray, np.ndarray]:
    """Normalised betweenness estimates and their interval half-widths."""
    k_v = used - sampled.astype(np.int64)
    mean, half = _mean_and_half(s1, s2, r, k_v, n - 1, confidence)
    # Linearly scaled dependencies sum to B(v) over all sources (each unordered pair once),
    # and normalised betweenness is 2·B(v) / ((n − 1)(n − 2)) = 2·mean / (n − 2).
    scale = 2.0 / (n - 2) if n > 2 else 0.0
    return mean * scale, half * scale


def _top_rel_error(b: np.ndarray, half: np.ndarray, top_k: int) -> float:
    top = np.argsort(-b, kind="stable")[:top_k]
    top = top[b[top] > 0]
    return float(np.max(half[top] / b[top])) if len(top) else 0.0


def _betweenness_scale(n: int, directed: bool) -> float:
    if n <= 2:
        return 1.0
    pairs = (n - 1) * (n - 2)
    return 1 / pairs if directed else 2 / pairs


def _sample(population: range, k: int, seed: int | None) -> list[int]:
    return sorted(random.Random(seed).sample(list(population), min(k, len(population))))


def _sampled_dependencies(run, sources: list[int], *, n_vertices: int, population: int,
                          population_index) -> tuple[np.ndarray, np.ndarray]:
    """Scaled sum of dependencies over sampled sources, with a batch-means standard error.

    ``run(batch)`` returns, per vertex, the summed dependencies of the sources in ``batch``
    (igraph's subset betweenness: half a path per ordered pair in undirected graphs, which
    is what the exact sum over all sources gives too). ``population_index[i]`` is the vertex
    of source candidate ``i``; a sampled vertex cannot be an intermediary on its own paths,
    so its sum is over ``k - 1`` sources out of ``population - 1``.
    """
    population_index = np.asarray(population_index)
    vertices_of = population_index[sources]
    batches = _batches(vertices_of)
    sums = np.zeros((len(batches), n_vertices))
    for i, batch in enumerate(batches):
        sums[i] = np.asarray(run(batch), dtype=float)
    return _estimate(sums, batches, n_vertices=n_vertices, population=population)


def _batches(vertices_of: np.ndarray) -> list[list[int]]:
    n_batches = max(1, min(_BATCHES, len(vertices_of) // 2))
    return [vertices_of[i::n_batches].tolist() for i in range(n_batches)]


def _estimate(sums: np.ndarray, batches: list[list[int]], *, n_vertices: int,
              population: int) -> tuple[np.ndarray, np.ndarray]:
    """The estimate and its batch-means standard error from per-batch dependency sums."""
    n_batches = len(batches)
    in_sample = np.zeros(n_vertices, dtype=int)
    for batch in batches:
        in_sample[batch] = 1
    k_v = sum(len(b) for b in batches) - in_sample
    with np.errstate(divide="ignore", invalid="ignore"):
        estimate = np.where(k_v > 0, sums.sum(axis=0) * (population - 1) / k_v, 0.0)
        if n_batches < 2:
            return estimate, np.full(n_vertices, np.nan)
        member = np.zeros((n_batches, n_vertices), dtype=int)
        for i, batch in enumerate(batches):
            member[i, batch] = 1
        k_b = np.array([len(b) for b in batches])[:, None] - member
        per_batch = np.where(k_b > 0, sums * (population - 1) / k_b, np.nan)
        se = np.nanstd(per_batch, axis=0, ddof=1) / np.sqrt(n_batches)
    return estimate, np.nan_to_num(se)


def _sample_attrs(se: np.ndarray, *, samples: int, seed: int | None) -> dict:
    # Scalars only: pandas deep-copies attrs on every operation and compares them in concat.
    return {
        "method": "sampled",
        "samples": samples,
        "seed": seed,
        "batches": max(1, min(_BATCHES, samples // 2)),
        "mean_standard_error": float(np.mean(se)) if len(se) else 0.0,
        "max_standard_error": float(np.max(se)) if len(se) else 0.0,
    }


def _bfs_dependencies(adj: sp.csr_matrix, sources: list[int], targets: np.ndarray,
                      width: int = 16, workers: int | None = None, linear: bool = False):
    """Brandes' passes from ``width`` sources at a time, one matrix product per BFS level.

    Yields ``(sources, delta, depth)`` per group, in the order of ``sources``:
    ``delta[v, i]`` the dependency of source ``i`` on ``v`` counting only paths to vertices
    with ``targets[t] == 1``, ``depth[v, i]`` the distance (-1 unreachable). A level's path
    counts (forward) or dependency coefficients (backward) for all sources of the group move
    along the edges in one product with the adjacency matrix: a sparse one while the level
    is small, a dense ``n × width`` one (contiguous rows, some 3 ns per edge and source
    against 60 for the sparse product) once it holds more than 1/20 of the vertices.

    Groups run on ``workers`` threads (default :func:`_worker_threads`): scipy's sparse
    products and numpy's array work release the GIL. At most ``workers`` groups are held at
    once (each some five ``n × width`` arrays), and they are yielded in order, so sums over
    them come out the same whatever the number of threads (the width, which sets how the
    sums are split, does not depend on it). On two cores the national benchmark's pivots
    took 31 s with width 16 (1.7 GB peak), 34 s with 32 (2.2 GB), 36 s with 8; its
    searches alone on one thread take about 10 s longer than on two.
    """
    if workers is None:
        workers = _worker_threads()
    groups = [np.asarray(sources[start:start + width], dtype=np.int64)
              for start in range(0, len(sources), width)]
    if workers <= 1 or len(groups) <= 1:
        for src in groups:
            yield (src, *_bfs_group(adj, src, targets, linear))
        return
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="coalitions-bfs") as pool:
        pending: deque = deque()
        for src in groups:
            pending.append((src, pool.submit(_bfs_group, adj, src, targets, linear)))
            if len(pending) >= workers:
                yield _finished(pending)
        while pending:
            yield _finished(pending)


def _finished(pending: deque) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    # (the future is dropped here: kept by the generator, it would hold on to a group's
    # arrays after the caller is done with them)
    src, future = pending.popleft()
    return (src, *future.result())


def _bfs_group(adj: sp.csr_matrix, src: np.ndarray, targets: np.ndarray,
               linear: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """``(delta, depth)`` of one group of sources (see :func:`_bfs_dependencies`).

    With ``linear``, Geisberger, Sanders & Schultes' linearly scaled dependencies
    ``Σ_t σ_st(v)/σ_st · d(s, v)/d(s, t)`` instead: the same recursion with target weights
    ``1/d(s, t)``, multiplied by ``d(s, v)`` at the end (see :func:`sampled_centrality`).
    """
    n = adj.shape[0]
    b = len(src)
    depth = np.full((n, b), -1, dtype=np.int32)
    sigma = np.zeros((n, b))
    rows, cols = src, np.arange(b)
    order = np.argsort(rows, kind="stable")
    rows, cols = rows[order], cols[order]
    depth[rows, cols] = 0
    sigma[rows, cols] = 1.0
    levels = [(rows, cols)]
    while True:
        x = _spread(adj, sigma[rows, cols], rows, cols, b)
        if isinstance(x, np.ndarray):
            r, c = np.nonzero((depth == -1) & (x > 0))
            counts = x[r, c]
        else:
            r, c = _entries(x)
            new = depth[r, c] == -1
            r, c, counts = r[new], c[new], x.data[new]
        del x
        if not len(r):
            break
        rows, cols = r, c
        depth[rows, cols] = len(levels)
        sigma[rows, cols] = counts
        levels.append((rows, cols))
    delta = np.zeros((n, b))
    for d in range(len(levels) - 1, 0, -1):
        rows, cols = levels[d]
        weight = targets[rows] / d if linear else targets[rows]
        coeff = (weight + delta[rows, cols]) / sigma[rows, cols]
        x = _spread(adj, coeff, rows, cols, b)
        if isinstance(x, np.ndarray):
            r, c = np.nonzero(depth == d - 1)
            got = x[r, c]
        else:
            r, c = _entries(x)
            parent = depth[r, c] == d - 1
            r, c, got = r[parent], c[parent], x.data[parent]
        delta[r, c] = sigma[r, c] * got
        levels[d] = None
        del x
    del sigma, levels
    if linear:
        delta *= np.maximum(depth, 0)
    return delta, depth


def _spread(adj: sp.csr_matrix, values: np.ndarray, rows: np.ndarray, cols: np.ndarray,
            b: int):
    """``adj @ F`` for the ``n × b`` matrix F holding ``values`` at (rows, cols)."""
    n = adj.shape[0]
    if len(rows) * 20 > n * b:
        f = np.zeros((n, b))
        f[rows, cols] = values
        return adj @ f
    # ``rows`` come in order (read off a CSR matrix or np.nonzero): no sort needed.
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    return adj @ sp.csr_matrix((values, cols, indptr), shape=(n, b))


def _entries(x: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    return np.repeat(np.arange(x.shape[0]), np.diff(x.indptr)), x.indices


def _factored(proj: Projection):
    """``x ↦ W·x`` through the factors of the projection (10^6 values, not 10^7)."""
    inc, c = proj.incidence, proj.column_weight
    inc_t = inc.T.tocsr()
    self_weight = inc @ c

    def matvec(x: np.ndarray) -> np.ndarray:
        return inc @ (c * (inc_t @ x)) - self_weight * x

    return matvec


def _pagerank(matvec, strengths: np.ndarray, alpha: float) -> np.ndarray:
    """PageRank of an undirected weighted graph given ``x ↦ W·x`` and the strengths."""
    n = len(strengths)
    if n == 0:
        return np.zeros(0)
    live = strengths > 0
    root = np.sqrt(np.where(live, strengths, 1.0))
    inv_root = np.where(live, 1 / root, 0.0)
    u = 1.0 / n
    y = np.full(n, u)
    if live.any():
        op = sla.LinearOperator((n, n), dtype=np.float64,
                                matvec=lambda z: z - alpha * inv_root * matvec(inv_root * z))
        z, info = sla.cg(op, inv_root * u, rtol=1e-12, maxiter=10 * n + 100)
        if info != 0:  # pragma: no cover - SPD with condition ≤ (1+α)/(1−α): converges
            raise RuntimeError(f"PageRank did not converge (cg info {info})")
        y = np.where(live, root * z, u)
    return y / y.sum()


def _leading_eigenvector(m: sp.csr_matrix) -> np.ndarray:
    """Unit-norm, non-negative leading eigenvector of a symmetric matrix (see eigenvector)."""
    n = m.shape[0]
    if n == 0:
        return np.zeros(0)
    if m.nnz == 0:
        return np.full(n, 1 / math.sqrt(n))
    ones = np.ones(n)
    if n < 64:
        vals, vecs = np.linalg.eigh(m.toarray())
        top = vecs[:, vals >= vals[-1] - 1e-9 * max(1.0, abs(vals[-1]))]
        v = top @ (top.T @ ones)
    else:
        with _RowBlockProduct(m) as op:
            _, vecs = sla.eigsh(op, k=1, which="LA", v0=ones)
        v = vecs[:, 0]
    if v.sum() < 0:
        v = -v
    v = np.abs(v)
    return v / np.linalg.norm(v)


def _on_leading_components(m: sp.csr_matrix, v: np.ndarray) -> np.ndarray:
    """``v`` on the connected components that carry it, NaN elsewhere.

    The leading eigenvector of a disconnected network is 0 outside the component(s) with the
    largest eigenvalue; numerically those zeros come out as ~1e-17 and would be printed and
    ranked as if they meant something. Eigenvector centrality compares actors within those
    components only, so the others get no value. A network without edges keeps its uniform
    vector (every actor alike, as networkx).
    """
    if m.nnz == 0 or len(v) == 0:
        return v
    from scipy.sparse.csgraph import connected_components

    n_components, labels = connected_components(m, directed=False)
    if n_components == 1:
        return v
    top = np.zeros(n_components)
    np.maximum.at(top, labels, v)
    # a component in the leading eigenspace holds a share of the unit norm far above the
    # solver's rounding (~1e-15 relative); the others are rounding only
    carries = top > 1e-9 * v.max()
    return np.where(carries[labels], v, np.nan)


class _RowBlockProduct(sla.LinearOperator):
    """``x ↦ m @ x`` with the rows of a large CSR matrix split over the worker threads.

    scipy's product releases the GIL and computes each row alone, so the result is the same
    bits as ``m @ x``; ARPACK spends nearly all its time here (51 products of a 3.7·10^7
    entry matrix, 5.2 s on one core, for the national benchmark's eigenvector). The blocks
    are views of ``m``'s arrays, not copies. Use as a context manager (it owns the threads).
    """

    def __init__(self, m: sp.csr_matrix, min_entries: int = 1_000_000) -> None:
        super().__init__(dtype=np.float64, shape=m.shape)
        workers = _worker_threads() if m.nnz >= min_entries else 1
        bounds = _even_bounds(m.indptr, workers)  # (work: the entries of each row)
        self._blocks = []
        for start, stop in zip(bounds[:-1], bounds[1:], strict=True):
            lo, hi = m.indptr[start], m.indptr[stop]
            block = sp.csr_matrix((m.data[lo:hi], m.indices[lo:hi], m.indptr[start:stop + 1] - lo),
                                  shape=(stop - start, m.shape[1]), copy=False)
            self._blocks.append((start, stop, block))
        self._pool = (ThreadPoolExecutor(max_workers=len(self._blocks),
                                         thread_name_prefix="coalitions-matvec")
                      if len(self._blocks) > 1 else None)

    def __enter__(self) -> _RowBlockProduct:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown()

    def _matvec(self, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=np.float64).ravel()
        if self._pool is None:
            return self._blocks[0][2] @ x if self._blocks else np.zeros(self.shape[0])
        out = np.empty(self.shape[0])

        def part(item: tuple[int, int, sp.csr_matrix]) -> None:
            start, stop, block = item
            out[start:stop] = block @ x

        list(self._pool.map(part, self._blocks))
        return out


def _core_numbers(m: sp.csr_matrix) -> np.ndarray:
    """k-core numbers of the graph whose edges are the stored entries of ``m`` (symmetric).

    Peels, for k = 0, 1, …, every vertex of remaining degree ≤ k, in rounds (a round's
    removals lower their neighbours' degrees, which may bring them to k in turn). Each
    vertex and each edge is handled once; the rounds are vectorised. Most rounds remove a
    handful of vertices (517 rounds at 20,000 memberships, 3 vertices in the median), so
    a round is kept to a few small array operations: degrees drop in place
    (``np.subtract.at``) and only the few candidates for the next round are de-duplicated.
    """
    n = m.shape[0]
    indptr, indices = m.indptr, m.indices
    deg = np.diff(indptr).astype(np.int64)
    core = np.zeros(n, dtype=np.int64)
    alive = np.ones(n, dtype=bool)
    left = n
    k = 0
    while left:
        k = max(k, int(deg[alive].min()))
        frontier = np.flatnonzero(alive & (deg <= k))
        while frontier.size:
            core[frontier] = k
            alive[frontier] = False
            left -= frontier.size
            if frontier.size == 1:
                neighbours = indices[indptr[frontier[0]]:indptr[frontier[0] + 1]]
            else:  # the neighbours of every removed vertex, in one gather
                starts = indptr[frontier]
                lengths = indptr[frontier + 1] - starts
                offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
                neighbours = indices[offsets + np.arange(int(lengths.sum()))]
            neighbours = neighbours[alive[neighbours]]
            if not neighbours.size:
                break
            np.subtract.at(deg, neighbours, 1)
            frontier = neighbours[deg[neighbours] <= k]
            if frontier.size > 1:
                frontier = np.unique(frontier)
    return core


def _describe(attrs: dict) -> str:
    """One line saying how a betweenness or closeness column was computed."""
    method = attrs.get("method", "exact")
    graph = attrs.get("graph")
    where = f" on the {graph}" if graph else ""
    if "sampled" not in method:
        predicted = attrs.get("predicted_exact_seconds")
        why = f" (predicted {predicted:g} s)" if predicted is not None else ""
        return f"{method}{where}{why}"
    if "sources" not in attrs:  # the fixed-sample estimate of two-mode betweenness
        se = attrs.get("mean_standard_error")
        se_text = f", mean standard error {se:.3g}" if se is not None else ""
        return (f"{method}{where}: {attrs['samples']} source actors, seed {attrs['seed']}"
                f"{se_text}")
    predicted = attrs.get("predicted_exact_seconds",
                          attrs.get("predicted_exact_seconds_at_least"))
    over = ("" if predicted is None else
            f"; exact predicted {'≥ ' if 'predicted_exact_seconds' not in attrs else ''}"
            f"{predicted:g} s")
    top = f"top-{attrs['top_k']} betweenness"
    if not method.startswith("sampled"):  # closeness: its sources are betweenness's
        top = f"sources chosen by the betweenness rule: {top}"
    return (f"{method}{where}, estimate of the exact quantity: {attrs['sources']:,} of "
            f"{attrs['vertices']:,} source actors (uniform, seed {attrs['seed']}); "
            f"{attrs['confidence']:.0%} interval per actor; {top} half-widths within "
            f"{attrs['achieved_rel_error']:.1%} of the estimates ({attrs['stopped']}){over}")
