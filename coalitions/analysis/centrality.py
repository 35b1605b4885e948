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
per second) than every measure on the matrix together. Betweenness and closeness run on
igraph up to ``exact_limit`` actors; above it they are estimated from a random sample of
source actors, by breadth-first search on the two-mode graph (see
:func:`actor_betweenness` for why and what that estimates).
"""

from __future__ import annotations

import math
import random
import warnings
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import scipy.sparse as sp
import scipy.sparse.linalg as sla

from coalitions.analysis.definitions import attach
from coalitions.analysis.network import (
    Projection,
    _even_bounds,
    _strings,
    _values,
    _worker_threads,
    actor_network,
    actor_projection,
)
from coalitions.graph.model import GraphData

__all__ = [
    "EXACT_LIMIT",
    "EXACT_WORK",
    "SAMPLES",
    "actor_betweenness",
    "actor_closeness",
    "actor_measures",
    "betweenness",
    "closeness",
    "coreness",
    "degree",
    "eigenvector",
    "pagerank",
    "sampled_betweenness",
    "strength",
]

# Up to this many actors, betweenness and closeness are exact: all-pairs shortest paths on a
# city-sized actor network (a few thousand actors, some 10^5 co-membership edges) take a
# second or two. Above it, sampled sources keep the cost at SAMPLES breadth-first searches.
EXACT_LIMIT = 3000
# ... and as long as actors × actor-network edges (Brandes' O(nm) work) stays below this:
# a city of 1,000 actors in 100 coalitions of 50 has some 120k co-membership edges and would
# take seconds exactly, per city.
EXACT_WORK = 30_000_000
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


def actor_betweenness(data: GraphData, *, exact_limit: int = EXACT_LIMIT,
                      samples: int = SAMPLES, seed: int = 42,
                      graph: ig.Graph | None = None,
                      exact_work: int = EXACT_WORK) -> pd.Series:
    """Normalised betweenness of the actors on the actor network, exact or sampled.

    Up to ``exact_limit`` actors, and while actors × edges of the actor network stays below
    ``exact_work`` (the cost of Brandes' algorithm): exact :func:`betweenness` (unweighted)
    on :func:`~coalitions.analysis.network.actor_network`.

    Above it, building the projection and running even one breadth-first search on it is
    costly (1M memberships give some 2·10^7 actor pairs), so the estimate runs on the
    two-mode graph, a twentieth of the size: ``samples`` source actors, paths counted between
    actors only, each tied pair of actors entered as a two-member pseudo-coalition so that
    every step between actors has length 2. Distances are exactly twice the projection's;
    shortest paths are counted once **per shared coalition** — betweenness on the projection
    taken as a multigraph. That equals the simple projection's betweenness when no two
    actors share more than one coalition, and ranks actors alike otherwise (tested by rank
    correlation). ``attrs`` say which was computed, and for the estimate the sample size,
    seed and standard error (see :func:`betweenness`).

    The searches run level by level for 32 sources at a time as sparse matrix products
    (Brandes' forward and backward passes), which also yields the distances
    :func:`actor_closeness` needs; the sums equal igraph's subset betweenness (tested).

    ``graph``, if given, is the already built actor network (used in the exact case).
    """
    n = len(data.actors)
    if _exact(data, n, exact_limit, exact_work, graph):
        g = graph if graph is not None else actor_network(data)
        out = betweenness(g)
        out.attrs = {"method": "exact", "graph": "actor network"}
        return out
    return _two_mode_estimates(actor_projection(data), samples, seed)[0]


def actor_closeness(data: GraphData, *, exact_limit: int = EXACT_LIMIT,
                    samples: int = SAMPLES, seed: int = 42,
                    graph: ig.Graph | None = None,
                    exact_work: int = EXACT_WORK) -> pd.Series:
    """Closeness of the actors on the actor network, exact or estimated from sampled sources.

    Up to ``exact_limit`` actors (and ``exact_work``, as :func:`actor_betweenness`):
    :func:`closeness` on the actor network (classic when it is connected, else harmonic).
    Above it, harmonic closeness ``Σ_{u≠v} 1/d(u, v) / (n-1)`` estimated from the distances
    to ``samples`` source actors (scaled by ``(n-1)/k_v`` as for betweenness), the distances
    measured on the two-mode graph and halved — exactly the projection's distances. The
    sources are those of :func:`actor_betweenness` with the same ``samples`` and ``seed``.
    """
    n = len(data.actors)
    if _exact(data, n, exact_limit, exact_work, graph):
        g = graph if graph is not None else actor_network(data)
        return closeness(g)
    return _two_mode_estimates(actor_projection(data), samples, seed)[1]


def actor_measures(data: GraphData, *, exact_limit: int = EXACT_LIMIT,
                   samples: int = SAMPLES, seed: int = 42,
                   exact_work: int = EXACT_WORK) -> pd.DataFrame:
    """All one-mode measures for every actor, on the actor network (co-membership + ties).

    Columns: ``id``, ``name``, ``kind``, ``sector``, ``city``, ``mode`` (always "actor"),
    ``degree``, ``strength``, ``betweenness`` (normalised, unweighted), ``closeness``
    (classic if connected, else harmonic), ``eigenvector`` (unweighted, unit norm; NaN
    outside the component(s) that carry the leading eigenvector — isolates and smaller
    components, where it would be 0 up to rounding, ~1e-17, and rank nothing),
    ``pagerank`` (weighted by ``weight``), ``coreness``, ``coalitions`` (number of
    coalitions). ``df.attrs``: ``betweenness_method`` and ``closeness_method`` — one line
    each saying exact or sampled (sample size, seed, mean standard error) — and
    ``betweenness_detail`` (the attrs of :func:`actor_betweenness`).

    Above ``exact_limit`` actors (or ``exact_work``) betweenness and closeness are estimated
    (see :func:`actor_betweenness`, :func:`actor_closeness`). Everything else is computed on
    the sparse actor network of :func:`~coalitions.analysis.network.actor_projection`, built
    once; PageRank multiplies by its two sparse factors instead of the product (some 10^6
    instead of 10^7 stored values).
    """
    proj = actor_projection(data)
    w = proj.matrix
    n = w.shape[0]
    if _exact(data, n, exact_limit, exact_work, None, m=w.nnz // 2):
        g = actor_network(data)
        b = actor_betweenness(data, exact_limit=exact_limit, exact_work=exact_work, graph=g)
        c = actor_closeness(data, exact_limit=exact_limit, exact_work=exact_work, graph=g)
        del g
    else:
        b, c = _two_mode_estimates(proj, samples, seed)
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
    df.attrs = {
        "betweenness_method": _describe(b.attrs),
        "closeness_method": _describe(c.attrs),
        "betweenness_detail": dict(b.attrs),
    }
    return attach(df, MEASURE_COLUMNS, betweenness=df.attrs["betweenness_method"],
                  closeness=df.attrs["closeness_method"])


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


def _exact(data: GraphData, n: int, exact_limit: int, exact_work: int,
           graph: ig.Graph | None, m: int | None = None) -> bool:
    if n > exact_limit:
        return False
    if m is not None:
        pass
    elif graph is not None:
        m = graph.ecount()
    else:
        # Edges of the projection without building it: the off-diagonal pairs of A·Aᵀ (ties
        # add at most a few more, which this budget can ignore).
        m = actor_projection(data).matrix.nnz // 2 if n else 0
    return n * m <= exact_work


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


def _two_mode_estimates(proj: Projection, samples: int,
                        seed: int | None) -> tuple[pd.Series, pd.Series]:
    """Sampled betweenness and harmonic closeness of the actors, from one set of searches.

    The graph is the two-mode one read off ``proj.incidence``: actors 0..n-1, then
    coalitions, then one pseudo-coalition per tied pair.
    """
    inc = proj.incidence
    n, k = inc.shape
    adj = sp.bmat([[None, inc], [inc.T, None]], format="csr", dtype=np.float64)
    adj.data[:] = 1.0
    is_actor = np.zeros(n + k)
    is_actor[:n] = 1.0
    sources = _sample(range(n), samples, seed)
    batches = _batches(np.asarray(sources, dtype=np.int64))
    batch_of = {v: i for i, batch in enumerate(batches) for v in batch}
    sums = np.zeros((len(batches), n + k))
    harmonic = np.zeros(n)
    for src, delta, depth in _bfs_dependencies(adj, sources, is_actor):
        delta[src, np.arange(len(src))] = 0.0  # a source is no intermediary on its paths
        for i in range(len(batches)):
            cols = [j for j, v in enumerate(src) if batch_of[int(v)] == i]
            if cols:
                # Half a path per ordered pair, as igraph's subset betweenness.
                sums[i] += delta[:, cols].sum(axis=1) / 2
        del delta
        d = depth[:n]
        harmonic += np.where(d > 0, 2.0 / np.where(d > 0, d, 1), 0.0).sum(axis=1)
        del depth, d
    del adj
    values, se = _estimate(sums, batches, n_vertices=n + k, population=n)
    scale = _betweenness_scale(n, directed=False)
    index = pd.Index(proj.actor_ids, name="id")
    b = pd.Series(values[:n] * scale, index=index)
    b.attrs = _sample_attrs(se[:n] * scale, samples=len(sources), seed=seed)
    b.attrs["graph"] = "two-mode (actor pairs, one path per shared coalition)"
    in_sample = np.zeros(n, dtype=bool)
    in_sample[sources] = True
    k_v = len(sources) - in_sample
    with np.errstate(divide="ignore", invalid="ignore"):
        close = np.where(k_v > 0, harmonic * (n - 1) / k_v, 0.0) / max(n - 1, 1)
    c = pd.Series(close, index=index.copy())
    c.attrs = {"method": "harmonic, sampled", "samples": len(sources), "seed": seed}
    return b, c


def _bfs_dependencies(adj: sp.csr_matrix, sources: list[int], targets: np.ndarray,
                      width: int = 16, workers: int | None = None):
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
            yield (src, *_bfs_group(adj, src, targets))
        return
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="coalitions-bfs") as pool:
        pending: deque = deque()
        for src in groups:
            pending.append((src, pool.submit(_bfs_group, adj, src, targets)))
            if len(pending) >= workers:
                yield _finished(pending)
        while pending:
            yield _finished(pending)


def _finished(pending: deque) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    # (the future is dropped here: kept by the generator, it would hold on to a group's
    # arrays after the caller is done with them)
    src, future = pending.popleft()
    return (src, *future.result())


def _bfs_group(adj: sp.csr_matrix, src: np.ndarray,
               targets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(delta, depth)`` of one group of sources (see :func:`_bfs_dependencies`)."""
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
        coeff = (targets[rows] + delta[rows, cols]) / sigma[rows, cols]
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
    method = attrs.get("method", "exact")
    graph = attrs.get("graph")
    where = f" on the {graph}" if graph else ""
    if "sampled" not in method:
        return f"{method}{where}"
    se = attrs.get("mean_standard_error")
    se_text = f", mean standard error {se:.3g}" if se is not None else ""
    return (f"{method}{where}: {attrs['samples']} source actors, seed {attrs['seed']}"
            f"{se_text}")
