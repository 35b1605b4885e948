"""The networks the analysis works on, built from a :class:`~coalitions.graph.model.GraphData`.

- the **two-mode** (affiliation) network of actors × coalitions, as a sparse incidence
  matrix (:func:`affiliation`) or a bipartite igraph graph (:func:`two_mode_network`);
- its **one-mode projections**: actor–actor weighted by shared coalitions (``A·Aᵀ``,
  :func:`actor_network`) and coalition–coalition weighted by shared actors (``Aᵀ·A``,
  :func:`coalition_network`);
- the **explicit ties** between actors, directed and weighted (:func:`tie_network`);
- the actor network with the **direction of directional ties** kept
  (:func:`directed_actor_network`), which brokerage reads.

Projections are sparse matrix products and the graphs are built from the product's
coordinate arrays in one call, so that 1M memberships / 200k actors (about 10M actor pairs)
stay within seconds and a few GiB: no Python loop runs over pairs or edges.

References
----------
Breiger, R. L. (1974). The duality of persons and groups. *Social Forces* 53(2), 181–190.
https://doi.org/10.2307/2576011
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from itertools import repeat
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import scipy.sparse as sp

from coalitions.graph.model import GraphData
from coalitions.graph.tables import positions

if TYPE_CHECKING:
    import igraph as ig
    import networkx as nx

__all__ = [
    "Affiliation",
    "Projection",
    "actor_network",
    "actor_projection",
    "affiliation",
    "actor_arcs",
    "coalition_network",
    "directed_actor_network",
    "tie_directions",
    "tie_network",
    "to_networkx",
    "two_mode_network",
]


@dataclass
class Affiliation:
    """The two-mode network as a sparse incidence matrix.

    ``matrix[i, j] == 1`` when actor ``actor_ids[i]`` is a member of coalition
    ``coalition_ids[j]`` (whatever the number of membership rows or roles), else 0.
    """

    matrix: sp.csr_matrix
    actor_ids: list[str]
    coalition_ids: list[str]


def affiliation(data: GraphData) -> Affiliation:
    """The actor × coalition incidence matrix of ``data``.

    Rows follow ``data.actors`` order, columns ``data.coalitions`` order. Memberships naming an
    actor or coalition absent from the tables are ignored (a scope may have removed them);
    repeated memberships of the same actor in the same coalition count once.

    Parameters
    ----------
    data : GraphData

    Returns
    -------
    Affiliation
        ``matrix`` is a ``scipy.sparse.csr_matrix`` of dtype int32 holding 0/1.
    """
    actor_ids = data.actors["id"].astype(str).tolist()
    coalition_ids = data.coalitions["id"].astype(str).tolist()
    rows, cols = _membership_index(data, actor_ids, coalition_ids)
    matrix = sp.csr_matrix(
        (np.ones(len(rows), dtype=np.int32), (rows, cols)),
        shape=(len(actor_ids), len(coalition_ids)),
    )
    matrix.sum_duplicates()
    # Binary: two membership rows (e.g. "member" and "funder") are still one affiliation.
    matrix.data[:] = 1
    return Affiliation(matrix=matrix, actor_ids=actor_ids, coalition_ids=coalition_ids)


@dataclass
class Projection:
    """The actor network as a symmetric sparse weight matrix (no igraph graph).

    ``matrix[i, j]`` is the weight of the pair of actors ``actor_ids[i]``, ``actor_ids[j]``:
    shared coalitions plus the summed weights of the ties between them (both directions), as
    the ``weight`` edge attribute of :func:`actor_network`. The stored entries are exactly
    the network's edges (a pair joined only by ties of weight 0 is an entry of value 0), the
    diagonal is empty, indices are sorted int32. ``n_coalitions`` counts each actor's
    coalitions.

    ``incidence`` is the factor the matrix is the product of: actors × (coalitions, then one
    column per tied pair of actors), binary, with ``column_weight`` 1 for a coalition and
    the pair's summed tie weight for a pair, so that ``matrix = incidence ·
    diag(column_weight) · incidenceᵀ − diag(incidence · column_weight)``. Read as a graph it
    is the two-mode network with each tied pair as a two-member pseudo-coalition.
    """

    matrix: sp.csr_matrix
    actor_ids: list[str]
    n_coalitions: np.ndarray
    incidence: sp.csr_matrix
    column_weight: np.ndarray


def actor_projection(data: GraphData, *, include_ties: bool = True) -> Projection:
    """The actor network of :func:`actor_network` as a sparse matrix, built in C.

    The same network (co-membership plus explicit ties, direction ignored, loops dropped)
    and the same weights, without turning some 10^7 actor pairs into an igraph graph: igraph
    converts an edge list at about 1 µs per edge, scipy multiplies ``A·Aᵀ`` in a fraction of
    that. Every tie joins the product as a two-member column of weight ``w`` (missing
    weights count 1), so ``W = A'·diag(c)·A'ᵀ`` gives shared coalitions plus tie weights in
    one product.

    Parameters
    ----------
    data : GraphData
    include_ties : bool, default True

    Returns
    -------
    Projection
        ``matrix``: ``scipy.sparse.csr_matrix``, float64, ``n × n`` in ``data.actors`` order.
    """
    aff = affiliation(data)
    a = aff.matrix
    n, n_co = a.shape
    n_coalitions = np.asarray(a.sum(axis=1)).ravel().astype(np.int64)
    t_rows = t_cols = np.zeros(0, dtype=np.int64)
    t_weight = np.zeros(0)
    if include_ties and len(data.ties):
        t_rows, t_cols, t_weight, _ = _tie_index(data, aff.actor_ids)
        keep = t_rows != t_cols
        lo = np.minimum(t_rows[keep], t_cols[keep])
        hi = np.maximum(t_rows[keep], t_cols[keep])
        # One column per unordered pair, its ties' weights summed (both directions).
        pairs, inverse = np.unique(lo * n + hi, return_inverse=True)
        t_weight = np.bincount(inverse, weights=t_weight[keep], minlength=len(pairs))
        t_rows, t_cols = pairs // n, pairs % n
    k = len(t_rows)
    # The incidence matrix with one extra column per tie (its two actors).
    inc = sp.csr_matrix(
        (np.ones(a.nnz + 2 * k),
         (np.concatenate([_rows_of(a), t_rows, t_cols]),
          np.concatenate([a.indices.astype(np.int64), n_co + np.arange(k),
                          n_co + np.arange(k)]))),
        shape=(n, n_co + k))
    inc.sum_duplicates()
    column_weight = np.concatenate([np.ones(n_co), t_weight])
    if k == 0 or (t_weight > 0).all():
        w = _weighted_product(inc, column_weight)
    else:
        # A product drops entries that sum to 0, so a pair joined only by ties of weight 0
        # would vanish. Two products with positive column weights have the same entries in
        # the same order: (2·shared + Σw + ties) − (shared + ties) = shared + Σw.
        w = _weighted_product(inc, np.concatenate([np.full(n_co, 2.0), t_weight + 1]))
        ones = _weighted_product(inc, np.ones(n_co + k))
        w.data -= ones.data
        del ones
    return Projection(matrix=w, actor_ids=aff.actor_ids, n_coalitions=n_coalitions,
                      incidence=inc, column_weight=column_weight)


def actor_network(data: GraphData, *, include_ties: bool = True) -> ig.Graph:
    """The undirected one-mode actor network: co-membership, plus explicit ties.

    Two actors are adjacent when they share at least one coalition (the off-diagonal of
    ``A·Aᵀ``) or, with ``include_ties``, when an explicit tie joins them in either direction.

    Parameters
    ----------
    data : GraphData
    include_ties : bool, default True
        Add the explicit ties, direction ignored. A tie without a weight counts 1.

    Returns
    -------
    igraph.Graph
        Undirected, simple. Every actor of ``data`` is a vertex, isolates included, in
        ``data.actors`` order. Vertex attributes: ``name`` (actor id), ``label`` (actor name),
        ``kind``, ``sector``, ``function``, ``city``, ``n_coalitions``. Edge attributes:
        ``shared`` (number of shared coalitions) and ``weight`` (``shared`` plus the summed
        weights of the ties between the pair, both directions).
    """
    aff = affiliation(data)
    a = aff.matrix
    n = a.shape[0]
    shared = sp.triu(a @ a.T, k=1, format="coo")
    rows, cols = shared.row.astype(np.int64), shared.col.astype(np.int64)
    n_shared = shared.data.astype(np.int64)
    weight = n_shared.astype(np.float64)
    if include_ties and len(data.ties):
        t_rows, t_cols, t_weight, _ = _tie_index(data, aff.actor_ids)
        lo, hi = np.minimum(t_rows, t_cols), np.maximum(t_rows, t_cols)
        not_loop = lo != hi
        lo, hi, t_weight = lo[not_loop], hi[not_loop], t_weight[not_loop]
        if len(lo):
            # Merge co-membership pairs and tie pairs on one integer key per pair.
            keys = np.concatenate([rows * n + cols, lo * n + hi])
            uniq, inverse = np.unique(keys, return_inverse=True)
            n_shared = np.bincount(inverse[: len(rows)], weights=n_shared,
                                   minlength=len(uniq)).astype(np.int64)
            weight = np.bincount(inverse, weights=np.concatenate([weight, t_weight]),
                                 minlength=len(uniq))
            rows, cols = uniq // n, uniq % n
    vertex_attrs = _actor_attrs(data, aff.actor_ids, a)
    return _graph(n, rows, cols, directed=False, vertex_attrs=vertex_attrs,
                  edge_attrs={"weight": weight, "shared": n_shared})


def coalition_network(data: GraphData) -> ig.Graph:
    """The undirected one-mode coalition network: coalitions sharing members.

    Two coalitions are adjacent when at least one actor is a member of both (off-diagonal of
    ``Aᵀ·A``).

    Returns
    -------
    igraph.Graph
        Every coalition is a vertex, in ``data.coalitions`` order. Vertex attributes: ``name``
        (coalition id), ``label`` (coalition name), ``city``, ``role``, ``themes`` (list),
        ``n_members``, ``roles`` (list, primary first), ``relation``, ``relation_year``,
        ``origin``, ``founded_year``, ``end_year``, ``status``, ``merged_into``. Edge
        attributes: ``weight`` and ``shared``, both the number of shared
        actors.
    """
    aff = affiliation(data)
    a = aff.matrix
    shared = sp.triu(a.T @ a, k=1, format="coo")
    co = data.coalitions
    vertex_attrs = {
        "name": aff.coalition_ids,
        "label": _strings(co["name"]),
        "city": _values(co["city"]),
        "role": _values(co["role"]),
        "themes": [list(t) if isinstance(t, list | tuple | np.ndarray) else []
                   for t in co["themes"]],
        "n_members": np.asarray(a.sum(axis=0)).ravel().astype(int).tolist(),
        **_over_time(co),
    }
    n_shared = shared.data.astype(np.int64)
    return _graph(a.shape[1], shared.row.astype(np.int64), shared.col.astype(np.int64),
                  directed=False, vertex_attrs=vertex_attrs,
                  edge_attrs={"weight": n_shared.astype(np.float64), "shared": n_shared})


def tie_network(data: GraphData) -> ig.Graph:
    """The directed network of explicit ties between actors.

    One edge per tie row whose two ends are actors of ``data``; parallel ties are kept.

    Returns
    -------
    igraph.Graph
        Directed. Every actor is a vertex, in ``data.actors`` order, with the vertex
        attributes of :func:`actor_network` (``n_coalitions`` included). Edge attributes:
        ``weight`` (1.0 where missing), ``type`` and ``directed`` (whether the tie is
        directional, as recorded: :func:`tie_directions`; a symmetric tie is still one edge
        here, source → target as listed).
    """
    aff = affiliation(data)
    actor_ids = aff.actor_ids
    rows, cols, weight, kept = _tie_index(data, actor_ids)
    types = np.asarray(_values(data.ties["type"]), dtype=object)[kept].tolist()
    vertex_attrs = _actor_attrs(data, actor_ids, aff.matrix)
    return _graph(len(actor_ids), rows, cols, directed=True, vertex_attrs=vertex_attrs,
                  edge_attrs={"weight": weight, "type": types,
                              "directed": tie_directions(data)[kept]})


def tie_directions(data: GraphData, directed: bool | None = None) -> np.ndarray:
    """Whether each row of ``data.ties`` is read as directed (source → target).

    Parameters
    ----------
    data : GraphData
    directed : bool or None
        ``None`` (default): as recorded — the tie's ``directed`` value (set at load from the
        ties sheet's ``directed`` column or, where that is empty, from the tie type, see
        :func:`~coalitions.loaders.taxonomy.tie_type_directed`); a tie with nothing
        recorded (a store written before direction was kept) goes by its type, and an
        unknown type is undirected. ``True``: every tie directed. ``False``: none.

    Returns
    -------
    numpy.ndarray of bool, one per tie row.
    """
    n = len(data.ties)
    if directed is not None:
        return np.full(n, bool(directed))
    from coalitions.loaders.taxonomy import tie_type_directed

    recorded = data.ties["directed"].to_numpy(dtype=object)
    missing = pd.isna(recorded)
    out = np.zeros(n, dtype=bool)
    out[~missing] = recorded[~missing].astype(bool)
    if missing.any():
        # (looked up once per distinct type: a million ties have a handful)
        codes, types = pd.factorize(data.ties["type"].to_numpy(dtype=object)[missing])
        by_type = np.array([bool(tie_type_directed(t)) for t in types] + [False])
        out[missing] = by_type[codes]
    return out


def directed_actor_network(data: GraphData, directed: bool | None = None) -> ig.Graph:
    """The actor network of :func:`actor_network` as arcs, directional ties kept directed.

    Two actors who share a coalition are joined both ways (co-membership is symmetric). A
    tie read as undirected (see :func:`tie_directions`) joins its actors both ways too; a
    directed tie gives the one arc source → target. So when nothing is directed this is
    exactly :func:`actor_network` with every edge as two arcs; when everything is a directed
    tie it is :func:`tie_network` without parallel arcs.

    Parameters
    ----------
    data : GraphData
    directed : bool or None
        How ties are read: as recorded (None), all directed (True), all undirected (False).

    Returns
    -------
    igraph.Graph
        Directed, simple (no loops, no parallel arcs, unweighted). Every actor of ``data``
        is a vertex, in ``data.actors`` order, with the vertex attributes of
        :func:`actor_network`.
    """
    adj, actor_ids = actor_arcs(data, directed)
    a = affiliation(data).matrix
    n = adj.shape[0]
    coo = adj.tocoo()
    vertex_attrs = _actor_attrs(data, actor_ids, a)
    return _graph(n, coo.row.astype(np.int64), coo.col.astype(np.int64), directed=True,
                  vertex_attrs=vertex_attrs, edge_attrs={})


def actor_arcs(data: GraphData, directed: bool | None = None
               ) -> tuple[sp.csr_matrix, list[str]]:
    """The arcs of :func:`directed_actor_network` as a sparse 0/1 matrix, without igraph.

    ``matrix[i, j] == 1`` when actor ``i`` reaches actor ``j`` in one step (shared
    coalition, symmetric tie either way, or directed tie ``i → j``); no diagonal; int64,
    sorted indices. Rows and columns follow ``data.actors`` order (the ids are returned).
    """
    aff = affiliation(data)
    a = aff.matrix
    n = a.shape[0]
    adj = (a @ a.T).tocsr()
    if len(data.ties):
        t_rows, t_cols, _w, kept = _tie_index(data, aff.actor_ids)
        back = ~tie_directions(data, directed)[kept]
        rows = np.concatenate([t_rows, t_cols[back]])
        cols = np.concatenate([t_cols, t_rows[back]])
        adj = adj + sp.csr_matrix((np.ones(len(rows), dtype=adj.dtype), (rows, cols)),
                                  shape=(n, n))
    adj = adj.tocoo()
    keep = adj.row != adj.col
    out = sp.csr_matrix((np.ones(int(keep.sum()), dtype=np.int64),
                         (adj.row[keep], adj.col[keep])), shape=(n, n))
    out.sum_duplicates()
    out.data[:] = 1
    out.sort_indices()
    return out, aff.actor_ids


def two_mode_network(data: GraphData) -> ig.Graph:
    """The bipartite actor–coalition (affiliation) network.

    Returns
    -------
    igraph.Graph
        Undirected; actors first (``data.actors`` order), then coalitions
        (``data.coalitions`` order). Vertex attributes: ``type`` (False for actors, True for
        coalitions, igraph's bipartite convention), ``mode`` (``"actor"`` or
        ``"coalition"``), ``name`` (id), ``label`` (name), ``city``; actors also carry
        ``kind``, ``sector``, ``function``, ``n_coalitions``; coalitions ``role``, ``themes``,
        ``n_members``, ``roles``, ``relation``, ``relation_year``, ``origin``,
        ``founded_year``, ``end_year``, ``status``, ``merged_into`` (None on the other mode). One edge per
        affiliation.
    """
    aff = affiliation(data)
    a = aff.matrix.tocoo()
    na, nc = a.shape
    actors, co = data.actors, data.coalitions
    none_a, none_c = [None] * na, [None] * nc
    vertex_attrs = {
        "type": [False] * na + [True] * nc,
        "mode": ["actor"] * na + ["coalition"] * nc,
        "name": aff.actor_ids + aff.coalition_ids,
        "label": _strings(actors["name"]) + _strings(co["name"]),
        "city": _values(actors["city"]) + _values(co["city"]),
        "kind": _values(actors["kind"]) + none_c,
        "sector": _values(actors["sector"]) + none_c,
        "function": _values(actors["function"]) + none_c,
        "n_coalitions": np.asarray(aff.matrix.sum(axis=1)).ravel().astype(int).tolist()
        + none_c,
        "role": none_a + _values(co["role"]),
        "themes": none_a + [list(t) if isinstance(t, list | tuple | np.ndarray) else []
                            for t in co["themes"]],
        "n_members": none_a
        + np.asarray(aff.matrix.sum(axis=0)).ravel().astype(int).tolist(),
        **{k: none_a + v for k, v in _over_time(co).items()},
    }
    return _graph(na + nc, a.row.astype(np.int64), a.col.astype(np.int64) + na,
                  directed=False, vertex_attrs=vertex_attrs, edge_attrs={})


def to_networkx(g: ig.Graph) -> nx.Graph:
    """The igraph graph ``g`` as a networkx graph, attributes kept.

    Nodes are keyed by the vertex attribute ``name`` when it exists and is unique, else by
    vertex index. A graph with parallel edges becomes a ``MultiGraph``/``MultiDiGraph``;
    otherwise a ``Graph``/``DiGraph``. Meant for the small graphs networkx algorithms are
    used on (it loops over edges in Python).
    """
    import networkx as nx  # here, not at the top: it costs ~1 s of start-up to every command

    names = g.vs["name"] if "name" in g.vs.attributes() else None
    if names is None or len(set(names)) != len(names):
        names = list(range(g.vcount()))
    multi = g.has_multiple()
    if g.is_directed():
        h = nx.MultiDiGraph() if multi else nx.DiGraph()
    else:
        h = nx.MultiGraph() if multi else nx.Graph()
    h.graph.update({k: g[k] for k in g.attributes()})
    v_attrs = g.vs.attributes()
    h.add_nodes_from(
        (names[v.index], {k: v[k] for k in v_attrs}) for v in g.vs
    )
    e_attrs = g.es.attributes()
    h.add_edges_from(
        (names[e.source], names[e.target], {k: e[k] for k in e_attrs}) for e in g.es
    )
    return h


# helpers

def _actor_attrs(data: GraphData, actor_ids: list, a: sp.spmatrix) -> dict[str, list]:
    """The vertex attributes every actor network carries (``a``: the affiliation matrix)."""
    actors = data.actors
    return {
        "name": actor_ids,
        "label": _strings(actors["name"]),
        "kind": _values(actors["kind"]),
        "sector": _values(actors["sector"]),
        "function": _values(actors["function"]),
        "city": _values(actors["city"]),
        "n_coalitions": np.asarray(a.sum(axis=1)).ravel().astype(int).tolist(),
    }


def _graph(n: int, rows: np.ndarray, cols: np.ndarray, *, directed: bool,
           vertex_attrs: dict, edge_attrs: dict) -> ig.Graph:
    import igraph as ig  # (here: the sparse projections need no igraph; see centrality)

    # A C-contiguous int64 (m, 2) buffer is read by igraph in C, without a Python loop.
    edges = np.ascontiguousarray(np.column_stack([rows, cols]), dtype=np.int64)
    if len(edges) == 0:
        g = ig.Graph(n=n, directed=directed)
    else:
        g = ig.Graph(n=n, edges=memoryview(edges), directed=directed)
    for key, values in vertex_attrs.items():
        g.vs[key] = values
    for key, values in edge_attrs.items():
        g.es[key] = values.tolist() if isinstance(values, np.ndarray) else list(values)
    return g


def _worker_threads() -> int:
    """Threads for the array work that releases the GIL: the cores this process may use,
    at most 4 (each thread holds its own block of arrays)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, 4))


def _rows_of(m: sp.csr_matrix) -> np.ndarray:
    """Row index of every stored entry of a CSR matrix."""
    return np.repeat(np.arange(m.shape[0], dtype=np.int32), np.diff(m.indptr))


def _weighted_product(inc: sp.csr_matrix, column_weight: np.ndarray,
                      workers: int | None = None) -> sp.csr_matrix:
    """``inc·diag(column_weight)·incᵀ`` without its diagonal, sorted, int32 indices.

    Computed in blocks of rows on ``workers`` threads (default :func:`_worker_threads`):
    scipy's sparse product releases the GIL, and each row's entries are the same whichever
    block computes them. The national benchmark's product (3.7·10^7 stored pairs) took
    4.5 s on one thread, 3.0 s on two.
    """
    n = inc.shape[0]
    scaled = inc.copy()
    scaled.data = scaled.data * column_weight[scaled.indices]
    inc_t = inc.T.tocsr()
    if workers is None:
        workers = _worker_threads()
    bounds = _row_blocks(scaled, inc_t, workers if n >= 2_000 else 1)
    starts, stops = bounds[:-1], bounds[1:]
    if len(starts) == 1:
        parts = [_product_rows(scaled, inc_t, 0, n)]
    else:
        with ThreadPoolExecutor(max_workers=workers,
                                thread_name_prefix="coalitions-product") as pool:
            parts = list(pool.map(_product_rows, repeat(scaled), repeat(inc_t), starts, stops))
    del scaled, inc_t
    data = np.concatenate([p[0] for p in parts])
    indices = np.concatenate([p[1] for p in parts])
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.concatenate([p[2] for p in parts]), out=indptr[1:])
    del parts
    index_type = np.int32 if indptr[-1] < np.iinfo(np.int32).max else np.int64
    out = sp.csr_matrix((data, indices.astype(index_type, copy=False),
                         indptr.astype(index_type)), shape=(n, n))
    out.has_sorted_indices = True
    return out


def _row_blocks(a: sp.csr_matrix, b: sp.csr_matrix, blocks: int) -> np.ndarray:
    """Row bounds splitting ``a @ b`` into ``blocks`` parts of about equal work (the
    entries of ``b`` each row of ``a`` reaches)."""
    if blocks <= 1 or a.shape[0] == 0:
        return np.array([0, a.shape[0]])
    return _even_bounds(
        np.concatenate([[0], np.cumsum(np.diff(b.indptr)[a.indices])])[a.indptr], blocks)


def _even_bounds(work_before: np.ndarray, parts: int) -> np.ndarray:
    """Row bounds cutting the rows into ``parts`` runs of about equal work, where
    ``work_before[i]`` is the work of the rows before row ``i`` (``n + 1`` values, as a CSR
    matrix's ``indptr`` is for its entries)."""
    bounds = np.searchsorted(work_before, np.linspace(0, work_before[-1], parts + 1))
    bounds[0], bounds[-1] = 0, len(work_before) - 1
    return np.unique(bounds)


def _product_rows(a: sp.csr_matrix, b: sp.csr_matrix, start: int,
                  stop: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows ``start:stop`` of ``a @ b`` without the diagonal: values, column indices (sorted
    within each row) and the number of entries per row."""
    w = (a[start:stop] @ b).tocsr()
    w.sort_indices()
    # Drop the diagonal with a mask: setdiag(0) would insert entries for isolates, and
    # eliminate_zeros() would also drop pairs tied with weight 0.
    rows = _rows_of(w)
    off = w.indices != rows + start
    lengths = np.diff(w.indptr) - np.bincount(rows[~off], minlength=stop - start)
    return w.data[off], w.indices[off], lengths


def _ids(column: pd.Series) -> np.ndarray:
    """A column of ids as text (an object array), as ``astype(str)`` gives them; missing
    ids stay missing (they name no actor or coalition)."""
    values = column.to_numpy(dtype=object)
    if pd.api.types.infer_dtype(values, skipna=True) in ("string", "empty"):
        return values
    return np.array([None if pd.isna(v) else str(v) for v in values], dtype=object)


def _membership_index(data: GraphData, actor_ids: list[str],
                      coalition_ids: list[str]) -> tuple[np.ndarray, np.ndarray]:
    # (positions() looks a million ids up in half the time of Index.get_indexer)
    m = data.memberships
    rows = positions(_ids(m["actor"]), actor_ids)
    cols = positions(_ids(m["coalition"]), coalition_ids)
    ok = (rows >= 0) & (cols >= 0)
    return rows[ok], cols[ok]


def _tie_index(data: GraphData, actor_ids: list[str]
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Positions of the ties' ends among ``actor_ids``, their weights (missing → 1) and
    which rows of ``data.ties`` they come from, for the ties whose ends are both there."""
    t = data.ties
    src = positions(_ids(t["source"]), actor_ids)
    dst = positions(_ids(t["target"]), actor_ids)
    ok = (src >= 0) & (dst >= 0)
    weight = pd.to_numeric(t["weight"], errors="coerce").to_numpy(dtype=np.float64,
                                                                   na_value=np.nan)
    weight = np.where(np.isnan(weight), 1.0, weight)
    return (src[ok].astype(np.int64), dst[ok].astype(np.int64), weight[ok],
            np.flatnonzero(ok))


def _over_time(co: pd.DataFrame) -> dict[str, list]:
    """Coalition vertex attributes of the study over time: every role (primary first), the
    relation to city government and its year, origin, founding and end year, status."""
    return {
        "roles": [list(r) if isinstance(r, list | tuple | np.ndarray) else []
                  for r in co["roles"]],
        "relation": _values(co["relation"]),
        "relation_year": _years(co["relation_year"]),
        "origin": _values(co["origin"]),
        "founded_year": _years(co["founded_year"]),
        "end_year": _years(co["end_year"]),
        "status": _values(co["status"]),
        "merged_into": _values(co["merged_into"]),
    }


def _years(column: pd.Series) -> list:
    return [None if v is None else int(v) for v in _values(column)]


def _values(column: pd.Series) -> list:
    """Column values as a list with missing values as None (igraph keeps Python objects)."""
    values = column.to_numpy(dtype=object)
    missing = pd.isna(values)  # None, NaN, NA and NaT alike, in one pass
    if missing.any():
        values = values.copy()
        values[missing] = None
    return values.tolist()


def _strings(column: pd.Series) -> list:
    return [v if v is None or type(v) is str else str(v) for v in _values(column)]
