"""One-mode centrality: who is central in the actor network.

Each function takes an igraph graph and returns a :class:`pandas.Series` indexed by vertex
``name`` (vertex index when the graph has no names). Normalisations follow networkx's
documentation, so that values can be compared with networkx and the literature.
:func:`actor_measures` puts them together for the actors of a :class:`GraphData`.

The heavy lifting is python-igraph (C); for networks above ``exact_limit`` actors,
betweenness and closeness are estimated from a random sample of source actors, on the
two-mode graph (see :func:`actor_betweenness` for why and what that estimates).
"""

from __future__ import annotations

import math
import random
import warnings

import igraph as ig
import numpy as np
import pandas as pd
import scipy.sparse as sp

from coalitions.analysis.network import actor_network, affiliation
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


def degree(g: ig.Graph) -> pd.Series:
    """Degree centrality: the number of neighbours divided by ``n - 1``.

    As networkx ``degree_centrality``: for a directed graph in- plus out-degree; a graph of
    one vertex gets 1. Parallel edges and loops count as igraph counts them (the projections
    of :mod:`coalitions.analysis.network` are simple).

    References
    ----------
    Freeman, L. C. (1978). Centrality in social networks conceptual clarification.
    *Social Networks* 1(3), 215–239. https://doi.org/10.1016/0378-8733(78)90021-7
    """
    n = g.vcount()
    if n <= 1:
        return _series(g, [1.0] * n)
    return _series(g, np.asarray(g.degree(), dtype=float) / (n - 1))


def strength(g: ig.Graph, weights: str | None = "weight") -> pd.Series:
    """Strength (weighted degree): the sum of the weights of a vertex's edges.

    Not normalised. On the actor network the weight is the number of shared coalitions plus
    tie weights. Without a ``weights`` attribute this is the degree.

    References
    ----------
    Barrat, A., Barthélemy, M., Pastor-Satorras, R. & Vespignani, A. (2004). The architecture
    of complex weighted networks. *PNAS* 101(11), 3747–3752.
    https://doi.org/10.1073/pnas.0400087101
    """
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


def eigenvector(g: ig.Graph, *, weights: str | None = None) -> pd.Series:
    """Eigenvector centrality: the leading eigenvector of the adjacency matrix, unit norm.

    As networkx ``eigenvector_centrality``: scaled to Euclidean norm 1 (igraph scales the
    maximum to 1; converted here), unweighted unless ``weights`` names an edge attribute.
    On a disconnected graph the leading eigenvector lives on the component with the largest
    eigenvalue and is 0 elsewhere.

    References
    ----------
    Bonacich, P. (1987). Power and centrality: a family of measures. *American Journal of
    Sociology* 92(5), 1170–1182. https://doi.org/10.1086/228631
    """
    if g.vcount() == 0:
        return _series(g, [])
    if g.ecount() == 0:
        return _series(g, np.full(g.vcount(), 1 / math.sqrt(g.vcount())))
    # igraph 1.0 rejects directed=False on undirected graphs; its default follows the graph.
    with warnings.catch_warnings():
        # Disconnected graphs are the rule here; the docstring says what the values mean.
        warnings.simplefilter("ignore", RuntimeWarning)
        values = np.abs(np.asarray(g.eigenvector_centrality(weights=weights), dtype=float))
    norm = np.linalg.norm(values)
    return _series(g, values / norm if norm > 0 else values)


def pagerank(g: ig.Graph, *, alpha: float = 0.85,
             weights: str | None = "weight") -> pd.Series:
    """PageRank with damping ``alpha`` (default 0.85), summing to 1.

    Weighted by the ``weights`` edge attribute when present (networkx ``pagerank`` default
    ``weight="weight"``); vertices without edges spread their rank uniformly, as in networkx.

    References
    ----------
    Brin, S. & Page, L. (1998). The anatomy of a large-scale hypertextual Web search engine.
    *Computer Networks and ISDN Systems* 30(1–7), 107–117.
    https://doi.org/10.1016/S0169-7552(98)00110-X
    """
    w = weights if weights in g.es.attributes() else None
    values = np.asarray(g.pagerank(directed=g.is_directed(), damping=alpha, weights=w),
                        dtype=float)
    return _series(g, values)


def coreness(g: ig.Graph) -> pd.Series:
    """Coreness (k-core number): the largest k such that the vertex is in the k-core.

    The k-core is the maximal subgraph in which every vertex has degree at least k
    (networkx ``core_number``); unweighted, direction ignored.

    References
    ----------
    Seidman, S. B. (1983). Network structure and minimum degree. *Social Networks* 5(3),
    269–287. https://doi.org/10.1016/0378-8733(83)90028-X
    """
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
    costly (1M memberships give some 10M actor pairs), so the estimate runs on the two-mode
    graph, a tenth of the size: ``samples`` source actors, paths counted between actors only,
    each explicit tie entered as a two-member pseudo-coalition so that every step between
    actors has length 2. Distances are exactly twice the projection's; shortest paths are
    counted once **per shared coalition** — betweenness on the projection taken as a
    multigraph. That equals the simple projection's betweenness when no two actors share
    more than one coalition, and ranks actors alike otherwise (tested by rank correlation).
    ``attrs`` say which was computed, and for the estimate the sample size, seed and
    standard error (see :func:`betweenness`).

    ``graph``, if given, is the already built actor network (used in the exact case).
    """
    n = len(data.actors)
    if _exact(data, n, exact_limit, exact_work, graph):
        g = graph if graph is not None else actor_network(data)
        out = betweenness(g)
        out.attrs = {"method": "exact", "graph": "actor network"}
        return out
    bip, actor_index = _actor_bipartite(data)
    sources = _sample(range(n), samples, seed)
    values, se = _sampled_dependencies(
        lambda batch: bip.betweenness(directed=False, sources=batch, targets=actor_index),
        sources, n_vertices=bip.vcount(), population=n, population_index=actor_index)
    scale = _betweenness_scale(n, directed=False)
    ids = data.actors["id"].astype(str).tolist()
    out = pd.Series(values[actor_index] * scale, index=pd.Index(ids, name="id"))
    out.attrs = _sample_attrs(se[actor_index] * scale, samples=len(sources), seed=seed)
    out.attrs["graph"] = "two-mode (actor pairs, one path per shared coalition)"
    return out


def actor_closeness(data: GraphData, *, exact_limit: int = EXACT_LIMIT,
                    samples: int = SAMPLES, seed: int = 42,
                    graph: ig.Graph | None = None,
                    exact_work: int = EXACT_WORK) -> pd.Series:
    """Closeness of the actors on the actor network, exact or estimated from sampled sources.

    Up to ``exact_limit`` actors (and ``exact_work``, as :func:`actor_betweenness`):
    :func:`closeness` on the actor network (classic when it is connected, else harmonic). Above it, harmonic closeness
    ``Σ_{u≠v} 1/d(u, v) / (n-1)`` estimated from the distances to ``samples`` source actors
    (scaled by ``(n-1)/k_v`` as for betweenness), the distances measured on the two-mode
    graph and halved — exactly the projection's distances.
    """
    n = len(data.actors)
    if _exact(data, n, exact_limit, exact_work, graph):
        g = graph if graph is not None else actor_network(data)
        return closeness(g)
    bip, actor_index = _actor_bipartite(data)
    sources = _sample(range(n), samples, seed)
    total = np.zeros(n)
    for start in range(0, len(sources), 16):
        batch = sources[start:start + 16]
        d = np.asarray(bip.distances(source=batch, target=actor_index), dtype=float) / 2
        with np.errstate(divide="ignore"):
            inv = np.where(np.isfinite(d) & (d > 0), 1.0 / d, 0.0)
        total += inv.sum(axis=0)
    in_sample = np.zeros(n, dtype=bool)
    in_sample[sources] = True
    k_v = len(sources) - in_sample
    with np.errstate(divide="ignore", invalid="ignore"):
        values = np.where(k_v > 0, total * (n - 1) / k_v, 0.0) / max(n - 1, 1)
    ids = data.actors["id"].astype(str).tolist()
    out = pd.Series(values, index=pd.Index(ids, name="id"))
    out.attrs = {"method": "harmonic, sampled", "samples": len(sources), "seed": seed}
    return out


def actor_measures(data: GraphData, *, exact_limit: int = EXACT_LIMIT,
                   samples: int = SAMPLES, seed: int = 42,
                   exact_work: int = EXACT_WORK) -> pd.DataFrame:
    """All one-mode measures for every actor, on the actor network (co-membership + ties).

    Columns: ``id``, ``name``, ``kind``, ``sector``, ``city``, ``mode`` (always "actor"),
    ``degree``, ``strength``, ``betweenness`` (normalised, unweighted), ``closeness``
    (classic if connected, else harmonic), ``eigenvector`` (unweighted, unit norm),
    ``pagerank`` (weighted by ``weight``), ``coreness``, ``coalitions`` (number of
    coalitions). ``df.attrs``: ``betweenness_method`` and ``closeness_method`` — one line
    each saying exact or sampled (sample size, seed, mean standard error) — and
    ``betweenness_detail`` (the attrs of :func:`actor_betweenness`).

    Above ``exact_limit`` actors (or ``exact_work``) betweenness and closeness are estimated (see
    :func:`actor_betweenness`, :func:`actor_closeness`).
    """
    g = actor_network(data)
    b = actor_betweenness(data, exact_limit=exact_limit, samples=samples, seed=seed, graph=g,
                          exact_work=exact_work)
    c = actor_closeness(data, exact_limit=exact_limit, samples=samples, seed=seed, graph=g,
                        exact_work=exact_work)
    actors = data.actors
    df = pd.DataFrame({
        "id": g.vs["name"],
        "name": g.vs["label"],
        "kind": g.vs["kind"],
        "sector": g.vs["sector"],
        "city": g.vs["city"],
        "mode": "actor",
        "degree": degree(g).to_numpy(),
        "strength": strength(g).to_numpy(),
        "betweenness": b.to_numpy(),
        "closeness": c.to_numpy(),
        "eigenvector": eigenvector(g).to_numpy(),
        "pagerank": pagerank(g).to_numpy(),
        "coreness": coreness(g).to_numpy(),
        "coalitions": np.asarray(g.vs["n_coalitions"], dtype=int),
    }, index=pd.RangeIndex(len(actors)))
    df.attrs = {
        "betweenness_method": _describe(b.attrs),
        "closeness_method": _describe(c.attrs),
        "betweenness_detail": dict(b.attrs),
    }
    return df


# helpers

def _series(g: ig.Graph, values) -> pd.Series:
    names = g.vs["name"] if "name" in g.vs.attributes() else list(range(g.vcount()))
    values = np.asarray(values)
    if not np.issubdtype(values.dtype, np.integer):
        values = values.astype(float)
    return pd.Series(values, index=pd.Index(names, name="name"))


def _exact(data: GraphData, n: int, exact_limit: int, exact_work: int,
           graph: ig.Graph | None) -> bool:
    if n > exact_limit:
        return False
    if graph is not None:
        m = graph.ecount()
    else:
        # Edges of the projection without building it: the off-diagonal pairs of A·Aᵀ (ties
        # add at most a few more, which this budget can ignore).
        a = affiliation(data).matrix
        m = (sp.triu(a @ a.T, k=1).nnz if n else 0)
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
    n_batches = max(1, min(_BATCHES, len(sources) // 2))
    batches = [vertices_of[i::n_batches].tolist() for i in range(n_batches)]
    sums = np.zeros((n_batches, n_vertices))
    for i, batch in enumerate(batches):
        sums[i] = np.asarray(run(batch), dtype=float)
    in_sample = np.zeros(n_vertices, dtype=int)
    in_sample[vertices_of] = 1
    k_v = len(sources) - in_sample
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


def _actor_bipartite(data: GraphData) -> tuple[ig.Graph, np.ndarray]:
    """The two-mode graph with each explicit tie as a two-member pseudo-coalition.

    Vertices: actors 0..n-1 (``data.actors`` order), then coalitions, then one vertex per
    tie pair (direction ignored, loops dropped).
    """
    aff = affiliation(data)
    a = aff.matrix.tocoo()
    na, nc = a.shape
    rows = [a.row.astype(np.int64)]
    cols = [a.col.astype(np.int64) + na]
    if len(data.ties):
        index = pd.Index(aff.actor_ids)
        src = index.get_indexer(data.ties["source"].astype(str))
        dst = index.get_indexer(data.ties["target"].astype(str))
        ok = (src >= 0) & (dst >= 0) & (src != dst)
        pairs = np.unique(np.column_stack([np.minimum(src[ok], dst[ok]),
                                           np.maximum(src[ok], dst[ok])]), axis=0)
        pseudo = na + nc + np.arange(len(pairs), dtype=np.int64)
        rows += [pairs[:, 0].astype(np.int64), pairs[:, 1].astype(np.int64)]
        cols += [pseudo, pseudo]
    edges = np.ascontiguousarray(np.column_stack([np.concatenate(rows),
                                                  np.concatenate(cols)]), dtype=np.int64)
    n_total = int(max(edges[:, 1].max() + 1, na + nc)) if len(edges) else na + nc
    g = (ig.Graph(n=n_total, edges=memoryview(edges)) if len(edges)
         else ig.Graph(n=n_total))
    return g, np.arange(na)


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
