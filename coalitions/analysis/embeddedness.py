"""Embeddedness: how an actor sits among its contacts, and how a coalition sits among others.

Actor measures run on the undirected one-mode actor network (co-membership plus explicit
ties, direction ignored, :func:`~coalitions.analysis.network.actor_network`), weighted by
its ``weight`` (shared coalitions plus tie weights): a pair sharing three coalitions is a
stronger tie than a pair sharing one.

Burt's constraint and effective size are computed with sparse matrices over the edges
(igraph's ``constraint`` and networkx's ``constraint``/``effective_size`` agree with them and
are the tests' independent checks; networkx builds a dense n × n matrix for weighted
effective size, which a city-wide network cannot afford).

:func:`actor_embeddedness` works on the sparse actor network of
:func:`~coalitions.analysis.network.actor_projection` (no igraph graph). Constraint,
effective size and clustering need, for every edge ``(i, j)``, a sum over the common
contacts of i and j: the two-step product ``W·W`` restricted to the edges, computed a block
of rows at a time so that memory stays bounded. Its cost is ``Σ_j degree(j)²``
multiplications — about 1.3·10^9 for a region (100k memberships, seconds), 1.9·10^10 for a
country (1M memberships, several minutes and more). Above :data:`EMBEDDEDNESS_WORK`
:func:`actor_embeddedness` refuses at once with a :class:`~coalitions.errors.UsageError`
saying so, rather than run for a quarter of an hour: scope the data to a city or region.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import igraph as ig
import numpy as np
import pandas as pd
import scipy.sparse as sp

from coalitions.analysis.centrality import _core_numbers
from coalitions.analysis.definitions import attach
from coalitions.analysis.network import (
    _strings,
    _values,
    _worker_threads,
    actor_projection,
    affiliation,
)
from coalitions.errors import UsageError
from coalitions.graph.model import GraphData

__all__ = [
    "EMBEDDEDNESS_WORK",
    "actor_embeddedness",
    "blau_index",
    "clustering",
    "coalition_embeddedness",
    "constraint",
    "effective_size",
    "sector_diversity",
]

# Multiplications of the two-step product (Σ_j degree(j)²) actor_embeddedness takes on: a
# region (1.3e9) runs in seconds on one core; a country (1.9e10) would run for minutes.
EMBEDDEDNESS_WORK = 5_000_000_000
# Stored values of one block's two-step product: bounds the memory of a block.
_BLOCK_WORK = 20_000_000


def constraint(g: ig.Graph, weights: str | None = "weight") -> pd.Series:
    """Burt's constraint: how much an actor's contacts are tied to each other.

    ``c(i) = Σ_{j ∈ N(i)} (p_ij + Σ_{q ≠ i,j} p_iq p_qj)²`` with ``p_ij`` the share of i's tie
    weight (both directions summed) that goes to j. From about ``1/degree`` (contacts
    unconnected, many structural holes) up to 1 and above (a closed clique or a single
    contact). Undefined (NaN) for isolates, as networkx.

    References
    ----------
    Burt, R. S. (1992). *Structural Holes: The Social Structure of Competition*. Harvard
    University Press, ch. 2. https://doi.org/10.4159/9780674029095
    """
    p, mask = _proportions(g, weights)
    indirect = (p @ p).multiply(mask)
    c = np.asarray((p + indirect).power(2).sum(axis=1)).ravel()
    return _series(g, np.where(_isolated(mask), np.nan, c))


def effective_size(g: ig.Graph, weights: str | None = "weight") -> pd.Series:
    """Burt's effective size: the number of contacts minus their redundancy.

    ``e(i) = Σ_{j ∈ N(i)} (1 − Σ_{q ≠ i,j} p_iq m_jq)`` with ``p_iq`` as in
    :func:`constraint` and ``m_jq`` j's tie weight to q divided by j's strongest tie (Burt
    1992). For unweighted undirected graphs this equals Borgatti's simplification
    ``n − 2t/n`` (n contacts, t ties among them), which networkx ``effective_size`` uses when
    ``weight=None``. NaN for isolates.

    References
    ----------
    Burt (1992), see :func:`constraint`. Borgatti, S. P. (1997). Structural holes: unpacking
    Burt's redundancy measures. *Connections* 20(1), 35–38.
    """
    p, mask = _proportions(g, weights)
    w = _mutual(g, weights)
    row_max = np.asarray(w.max(axis=1).todense()).ravel()
    m = sp.diags(np.where(row_max > 0, 1 / np.where(row_max > 0, row_max, 1), 0.0)) @ w
    redundancy = (p @ m.T).multiply(mask)
    e = np.asarray(mask.sum(axis=1)).ravel() - np.asarray(redundancy.sum(axis=1)).ravel()
    return _series(g, np.where(_isolated(mask), np.nan, e))


def clustering(g: ig.Graph) -> pd.Series:
    """Local clustering coefficient: the share of pairs of contacts that are tied.

    Unweighted, ``2t / (k(k-1))`` for a vertex of degree k in t triangles; 0 where k < 2, as
    networkx ``clustering``.

    References
    ----------
    Watts, D. J. & Strogatz, S. H. (1998). Collective dynamics of 'small-world' networks.
    *Nature* 393, 440–442. https://doi.org/10.1038/30918
    """
    values = g.transitivity_local_undirected(mode="zero")
    return _series(g, np.asarray(values, dtype=float))


def blau_index(counts: np.ndarray) -> np.ndarray:
    """Blau's heterogeneity index ``1 − Σ_k p_k²`` of each row of category counts.

    0 when all are in one category; ``1 − 1/K`` when spread evenly over K categories. Rows
    without any count give NaN.

    References
    ----------
    Blau, P. M. (1977). *Inequality and Heterogeneity*. New York: Free Press.
    """
    counts = np.asarray(counts, dtype=float)
    total = counts.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = counts / total[:, None]
        return np.where(total > 0, 1 - (shares**2).sum(axis=1), np.nan)


def sector_diversity(g: ig.Graph, attribute: str = "sector") -> pd.Series:
    """Sector diversity of each actor's contacts: the Blau index of their sectors.

    The ego network's alters (the ego itself not counted), each counted once whatever the
    tie weight; alters with no sector are left out. NaN for isolates.
    """
    n = g.vcount()
    adjacency = _adjacency(g, None)
    adjacency.data[:] = 1
    return _series(g, _sector_diversity(adjacency, g.vs[attribute] if n else []))


def actor_embeddedness(data: GraphData, *, max_work: int = EMBEDDEDNESS_WORK) -> pd.DataFrame:
    """Embeddedness of every actor in the actor network.

    Columns: ``id``, ``name``, ``sector``, ``city``, ``coreness`` (k-core number),
    ``constraint`` and ``effective_size`` (Burt, weighted by ``weight``), ``clustering``
    (local, unweighted), ``sector_diversity`` (Blau index over the contacts' sectors),
    ``coalitions`` (number of coalitions). The same values as :func:`constraint`,
    :func:`effective_size`, :func:`clustering` and :func:`sector_diversity` on
    :func:`~coalitions.analysis.network.actor_network`, computed on the sparse projection.

    Raises
    ------
    UsageError
        When the two-step product would take more than ``max_work`` multiplications (see
        the module docstring): a national registry; scope it to a city or a region.
    """
    proj = actor_projection(data)
    w = proj.matrix
    deg = np.diff(w.indptr)
    work = int((deg.astype(np.float64) ** 2).sum())
    if work > max_work:
        raise UsageError(
            f"embeddedness of {w.shape[0]:,} actors with {w.nnz // 2:,} co-membership pairs "
            f"needs about {work:.1e} multiplications (limit {max_work:.1e}): constraint, "
            "effective size and clustering look at every pair of an actor's contacts",
            hint="scope it to a city or region (e.g. --city), or use pivots, which "
                 "scale to the whole network")
    actors = data.actors
    c, e, clust = _burt_and_clustering(w)
    binary = w.copy()
    binary.data[:] = 1.0
    frame = pd.DataFrame({
        "id": proj.actor_ids,
        "name": _strings(actors["name"]),
        "sector": _values(actors["sector"]),
        "city": _values(actors["city"]),
        "coreness": _core_numbers(binary),
        "constraint": c,
        "effective_size": e,
        "clustering": clust,
        "sector_diversity": _sector_diversity(binary, _values(actors["sector"])),
        "coalitions": proj.n_coalitions.astype(int),
    })
    return attach(frame, ["coreness", "constraint", "effective_size", "clustering",
                          "sector_diversity", "coalitions"])


def coalition_embeddedness(data: GraphData) -> pd.DataFrame:
    """How each coalition is embedded among the others and in city government.

    Columns: ``id``, ``name``, ``city``, ``n_members``; ``overlap`` (number of other
    coalitions sharing at least one member); ``shared_members`` (members who sit in at least
    one other coalition); ``share_active_elsewhere`` (``shared_members / n_members``, NaN
    for a coalition without members); government presence as counts of members:
    ``officials`` and ``politicians`` (persons by function) and
    ``city_government_organisations`` (organisations of sector ``city_government``), and
    ``government_presence`` (their sum); ``with_government``: the coalition involves city
    government, as every command reads it
    (:func:`~coalitions.analysis.clusters.involves_city_government`).
    """
    from coalitions.analysis.clusters import involves_city_government

    aff = affiliation(data)
    a = aff.matrix
    n_members = np.asarray(a.sum(axis=0)).ravel()
    co_co = (a.T @ a).tocsr()
    co_co.setdiag(0)
    co_co.eliminate_zeros()
    overlap = np.diff(co_co.indptr)
    elsewhere = (np.asarray(a.sum(axis=1)).ravel() >= 2).astype(np.int64)
    shared_members = a.T @ elsewhere
    actors = data.actors
    function = actors["function"].astype(object)
    officials = (function == "official").to_numpy().astype(np.int64)
    politicians = (function == "politician").to_numpy().astype(np.int64)
    city_orgs = ((actors["kind"].astype(object) == "organisation")
                 & (actors["sector"].astype(object) == "city_government")).to_numpy()
    co = data.coalitions
    df = pd.DataFrame({
        "id": aff.coalition_ids,
        "name": co["name"].tolist(),
        "city": co["city"].tolist(),
        "n_members": n_members.astype(int),
        "overlap": overlap.astype(int),
        "shared_members": np.asarray(shared_members).ravel().astype(int),
        "officials": np.asarray(a.T @ officials).ravel().astype(int),
        "politicians": np.asarray(a.T @ politicians).ravel().astype(int),
        "city_government_organisations":
            np.asarray(a.T @ city_orgs.astype(np.int64)).ravel().astype(int),
    })
    with np.errstate(divide="ignore", invalid="ignore"):
        df["share_active_elsewhere"] = np.where(
            n_members > 0, df["shared_members"] / np.where(n_members > 0, n_members, 1),
            np.nan)
    df["government_presence"] = (df["officials"] + df["politicians"]
                                 + df["city_government_organisations"])
    gov = involves_city_government(data)
    df["with_government"] = [bool(gov.get(c, False)) for c in df["id"]]
    return attach(df, {"n_members": "members", "overlap": "overlap",
                       "shared_members": "shared_members",
                       "share_active_elsewhere": "share_active_elsewhere",
                       "with_government": "government"})


# helpers

def _like(m: sp.csr_matrix, data: np.ndarray) -> sp.csr_matrix:
    return sp.csr_matrix((data, m.indices, m.indptr), shape=m.shape)


def _sector_diversity(adjacency: sp.csr_matrix, sectors: list) -> np.ndarray:
    n = adjacency.shape[0]
    codes, categories = pd.factorize(pd.Series(sectors, dtype=object))
    known = codes >= 0
    onehot = sp.csr_matrix((np.ones(known.sum()), (np.flatnonzero(known), codes[known])),
                           shape=(n, max(len(categories), 1)))
    pattern = adjacency.copy()
    pattern.data[:] = 1
    return blau_index((pattern @ onehot).toarray())


def _burt_and_clustering(w: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Constraint, effective size and local clustering from a symmetric weight matrix.

    With ``s`` the strengths and ``r`` the largest tie of each actor, ``p = D_s⁻¹·W`` and
    ``m = D_r⁻¹·W``: ``(p·p)_ij = (W·D_s⁻¹·W)_ij / s_i`` and ``(p·mᵀ)_ij = (W·W)_ij /
    (s_i·r_j)``, both restricted to the edges, and ``B·B`` on the pattern counts the
    triangles. Row blocks bound the memory.
    """
    n = w.shape[0]
    w = sp.csr_matrix(w, dtype=np.float64, copy=True)
    b = w.copy()
    b.data[:] = 1.0
    # Burt's proportions ignore ties of weight 0 (as the graph functions do); clustering
    # counts them as edges.
    w.eliminate_zeros()
    deg = np.diff(w.indptr)
    s = np.asarray(w.sum(axis=1)).ravel()
    r = np.asarray(w.max(axis=1).todense()).ravel() if n else np.zeros(0)
    inv_s = np.where(s > 0, 1 / np.where(s > 0, s, 1), 0.0)
    inv_r = np.where(r > 0, 1 / np.where(r > 0, r, 1), 0.0)
    w_over_s = sp.diags(inv_s) @ w
    constraint_, redundancy, twice_triangles = np.zeros(n), np.zeros(n), np.zeros(n)
    cost = np.concatenate([[0], np.cumsum(np.asarray(b @ np.diff(b.indptr).astype(float))
                                          .ravel())])
    starts, stops = [], []
    start = 0
    while start < n:
        stop = int(np.searchsorted(cost, cost[start] + _BLOCK_WORK, side="right")) - 1
        stop = min(max(stop, start + 1), n)
        starts.append(start)
        stops.append(stop)
        start = stop

    def block(start: int, stop: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        wr, br = w[start:stop], b[start:stop]
        k = stop - start
        # Two-step sums on the block's edges only; pairs without a common contact are
        # absent (0), which is what every term below needs.
        two = (wr @ w).multiply(br).tocsr()
        rows = np.repeat(np.arange(k), np.diff(two.indptr))
        from_s = two.data * inv_s[start:stop][rows]
        # (p·p)_ij = Σ_q w_iq·w_qj / (s_i·s_q)
        via = (wr @ w_over_s).multiply(br).tocsr()
        via_rows = np.repeat(np.arange(k), np.diff(via.indptr))
        indirect = via.data * inv_s[start:stop][via_rows]
        p = sp.diags(inv_s[start:stop]) @ wr
        # Σ_j (p_ij + indirect_ij)², expanded so that the two patterns need no alignment.
        constraint = (np.asarray(p.multiply(p).sum(axis=1)).ravel()
                      + 2 * np.asarray(p.multiply(_like(via, indirect)).sum(axis=1)).ravel()
                      + np.bincount(via_rows, weights=indirect ** 2, minlength=k))
        redundant = np.bincount(rows, weights=from_s * inv_r[two.indices], minlength=k)
        triangles = np.asarray((br @ b).multiply(br).sum(axis=1)).ravel()
        return constraint, redundant, triangles

    # Blocks are independent and scipy's sparse products release the GIL: they run on the
    # worker threads (each block's numbers are the same whichever thread computes them).
    with ThreadPoolExecutor(max_workers=max(1, min(_worker_threads(), len(starts))),
                            thread_name_prefix="coalitions-embeddedness") as pool:
        for start, stop, (constraint, redundant, triangles) in zip(
                starts, stops, pool.map(block, starts, stops), strict=True):
            constraint_[start:stop] = constraint
            redundancy[start:stop] = redundant
            twice_triangles[start:stop] = triangles
    isolated = deg == 0
    c = np.where(isolated, np.nan, constraint_)
    e = np.where(isolated, np.nan, deg - redundancy)
    k_all = np.diff(b.indptr)
    with np.errstate(divide="ignore", invalid="ignore"):
        clust = np.where(k_all >= 2, twice_triangles / (k_all * (k_all - 1.0)), 0.0)
    return c, e, clust


def _adjacency(g: ig.Graph, weights: str | None) -> sp.csr_matrix:
    """Symmetric sparse adjacency (weights summed over parallel edges; loops dropped)."""
    n = g.vcount()
    if g.ecount() == 0:
        return sp.csr_matrix((n, n))
    edges = np.asarray(g.get_edgelist(), dtype=np.int64)
    w = (np.asarray(g.es[weights], dtype=float) if weights in g.es.attributes()
         else np.ones(len(edges)))
    keep = edges[:, 0] != edges[:, 1]
    edges, w = edges[keep], w[keep]
    m = sp.coo_matrix((w, (edges[:, 0], edges[:, 1])), shape=(n, n)).tocsr()
    return (m + m.T).tocsr()


def _mutual(g: ig.Graph, weights: str | None) -> sp.csr_matrix:
    # Burt's mutual weight z_ij + z_ji: for an undirected graph both are the edge weight,
    # a factor 2 that cancels in every proportion; directed graphs add the two directions.
    return _adjacency(g, weights)


def _proportions(g: ig.Graph, weights: str | None) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    w = _mutual(g, weights)
    total = np.asarray(w.sum(axis=1)).ravel()
    p = sp.diags(np.where(total > 0, 1 / np.where(total > 0, total, 1), 0.0)) @ w
    mask = w.copy()
    mask.data[:] = 1
    return p.tocsr(), mask.tocsr()


def _isolated(mask: sp.csr_matrix) -> np.ndarray:
    return np.diff(mask.indptr) == 0


def _series(g: ig.Graph, values) -> pd.Series:
    names = g.vs["name"] if "name" in g.vs.attributes() else list(range(g.vcount()))
    return pd.Series(np.asarray(values, dtype=float), index=pd.Index(names, name="name"))
