"""Gould & Fernandez brokerage roles: who mediates between which groups.

A broker ``b`` mediates an *open* two-path ``a → b → c`` (``a ≠ c`` and no direct tie
``a → c``). Gould & Fernandez (1989) classify the broker by the groups of the three
vertices; this module follows the semantics of R sna's ``brokerage()`` (Butts), source
``sna/R/gli.R`` and ``sna/src/gli.c``:

=================  =========  ===========  ===============================================
role               sna name   pattern      reading
=================  =========  ===========  ===============================================
coordinator        ``w_I``    A → A → A    mediates inside its own group
itinerant          ``w_O``    A → B → A    an outsider mediating inside another group
representative     ``b_IO``   A → A → B    carries its own group's flow out to another group
gatekeeper         ``b_OI``   A → B → B    lets another group's flow into its own group
liaison            ``b_O``    A → B → C    mediates between two groups, belonging to neither
=================  =========  ===========  ===============================================

(The middle letter is the broker's group.)

Counts are computed with sparse matrix products, not by walking triples: the number of
two-paths through ``b`` from group X to group Y is ``in_X(b) · out_Y(b)``; from it we take
away the paths that return to their start (``a = c``: reciprocated ties) and the closed ones
(``a → c`` present), which are counted per broker-row chunk as ``(A_X^T A_X) ∘ A``.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from math import comb
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import scipy.sparse as sp

from coalitions.analysis.network import actor_arcs, tie_directions
from coalitions.errors import UsageError

if TYPE_CHECKING:
    import igraph as ig

    from coalitions.graph.model import GraphData

__all__ = ["BROKERAGE_DEFINITIONS", "ROLES", "actor_brokerage", "brokerage_roles"]

# Output column order; sna's raw.nli column order is the same (w_I, w_O, b_IO, b_OI, b_O, t).
ROLES: tuple[str, ...] = (
    "coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total",
)
SNA_NAMES: dict[str, str] = {
    "coordinator": "w_I", "itinerant": "w_O", "representative": "b_IO",
    "gatekeeper": "b_OI", "liaison": "b_O", "total": "t",
}
GROUP_BY = ("sector", "city", "kind", "function")
UNKNOWN_GROUP = "(unknown)"

# Broker rows per sparse product, sized so a chunk's intermediate product stays small.
_FLOPS_PER_CHUNK = 20_000_000


def brokerage_roles(g: ig.Graph, group: str | Sequence,
                    vertices: Sequence[int] | None = None) -> pd.DataFrame:
    """Gould–Fernandez brokerage roles of every vertex, as R sna's ``brokerage()`` counts them.

    For every directed two-path ``a → b → c`` with ``a``, ``b``, ``c`` distinct and **no**
    direct tie ``a → c`` (sna counts only open two-paths), the broker ``b`` scores one in
    exactly one role, decided by the groups of ``a``, ``b`` and ``c``:
    coordinator ``A→A→A`` (sna ``w_I``), itinerant ``A→B→A`` (``w_O``), representative
    ``A→A→B`` (``b_IO``), gatekeeper ``A→B→B`` (``b_OI``), liaison ``A→B→C`` (``b_O``);
    ``total`` is their sum.

    Ties are read as present or absent: weights, multiple ties and self-loops are ignored.
    An undirected graph is read as every edge being two arcs (sna does the same with a
    symmetric sociomatrix). Then each open path ``a – b – c`` is counted in both directions,
    so coordinator, itinerant and liaison counts are twice the number of open unordered
    pairs, and **representative equals gatekeeper** for every vertex (``a→b→c`` as
    representative is ``c→b→a`` as gatekeeper).

    Parameters
    ----------
    g : igraph.Graph
        Directed or undirected graph. The vertex attribute ``name``, when present, labels
        the rows.
    group : str or sequence
        Name of a vertex attribute holding each vertex's group, or one group value per
        vertex. Missing values (None/NaN) form a group of their own, ``"(unknown)"``.
    vertices : sequence of int, optional
        Compute the roles of these vertices only (the whole graph still counts as the
        network they broker in). Much faster when few brokers are of interest. The
        graph-level ``attrs["global"]`` is then left out.

    Returns
    -------
    pandas.DataFrame
        One row per vertex (or per vertex of ``vertices``), in vertex order: ``vertex``
        (index), ``name``, ``group``, the
        five role counts and ``total``, and their z-scores ``z_coordinator`` … ``z_total``
        (NaN where the expected standard deviation is zero); ``possible``, the number of
        two-paths ``a → b → c`` through the vertex with ``a ≠ c``, open or closed
        (``d_in · d_out − r``, with ``r`` the neighbours joined both ways), and
        ``normalised = total / possible`` (0 when ``possible`` is 0). ``df.attrs`` holds
        ``reading`` ("directed"|"undirected"), ``density``, ``n``, ``group_sizes``,
        ``expected`` and ``sd`` (per group and role: sna's ``exp.grp`` and ``sd.grp``) and
        ``global`` (per role: ``raw``, ``expected``, ``sd``, ``z``; sna's ``raw.gli``,
        ``exp.gli``, ``sd.gli``, ``z.gli``).

    Notes
    -----
    Expected values and standard deviations are those sna reports for a Bernoulli random
    graph with the observed density ``d = m / (N (N-1))`` (``m`` arcs) and the observed
    group sizes. For a broker in group ``i`` of size ``n_i``, with ``p = d²(1-d)`` (the
    chance that a given ordered triple is an open two-path):

    - coordinator: ``E = p (n_i-1)(n_i-2)``, ``Var = E(1-p) + 2 (n_i-1)(n_i-2)(n_i-3) d³(1-d)³``
    - itinerant: ``E = p Σ_{j≠i} n_j(n_j-1)``,
      ``Var = E(1-p) + 2 Σ_{j≠i} n_j(n_j-1)(n_j-2) d³(1-d)³``
    - representative and gatekeeper: ``E = p (N-n_i)(n_i-1)``, ``Var = E(1-p) +
      2 ((n_i-1) C(N-n_i, 2) + (N-n_i) C(n_i-1, 2)) d³(1-d)³``
    - liaison: ``E = p (Σ_{j≠i} Σ_{k≠i} n_j n_k − Σ_{j≠i} n_j²)``,
      ``Var = E(1-p) + 4 Σ_{j≠i} n_j C(N-n_j-n_i, 2) d³(1-d)³``
    - total: ``E = p (N-1)(N-2)``, ``Var = E(1-p) + 2 (N-1)(N-2)(N-3) d³(1-d)³``

    and ``z = (observed − E) / sqrt(Var)``. These are sna's formulas verbatim
    (``sna/R/gli.R``, function ``brokerage``); the per-vertex moments are exact (the test
    suite checks them by enumerating every digraph on four vertices). The graph-level
    moments in ``attrs["global"]`` are sna's too, but sna's graph-level variances are not
    the exact variances on small graphs (same enumeration): read those z-scores as sna
    would report them, not as exact.

    ``normalised`` is the share of the vertex's two-paths that it brokers (the ones left
    open): a size-free number in [0, 1] that compares vertices of networks of any size. On
    an undirected graph ``possible = d(d − 1)`` and ``total = 2 (d(d − 1)/2 − t)`` with
    ``t`` the triangles at the vertex, so ``normalised = 1 − C``, C its local clustering
    coefficient (Watts & Strogatz 1998).

    The work is that of counting transitive triples — of the order of Σ_b Σ_{a→b}
    outdeg(a) — done as sparse products, broker rows in chunks so memory stays bounded.

    References
    ----------
    Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation: A formal approach to
    brokerage in transaction networks. *Sociological Methodology*, 19, 89–126.
    https://doi.org/10.2307/270949

    Butts, C. T. sna: Tools for Social Network Analysis, R package, ``brokerage()``.
    https://CRAN.R-project.org/package=sna

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph(n=3, edges=[(0, 1), (1, 2)], directed=True)
    >>> df = brokerage_roles(g, ["a", "a", "b"])
    >>> int(df.loc[1, "representative"]), int(df.loc[1, "total"])
    (1, 1)
    """
    names = g.vs["name"] if "name" in g.vs.attributes() else list(range(g.vcount()))
    return _roles(_binary_adjacency(g), _group_values(g, group), names, vertices,
                  "directed" if g.is_directed() else "undirected")


def _roles(adj: sp.csr_matrix, groups: list, names: Sequence, vertices: Sequence[int] | None,
           reading: str) -> pd.DataFrame:
    """:func:`brokerage_roles` on a 0/1 adjacency without loops (rows → columns)."""
    n = adj.shape[0]
    codes, classes = pd.factorize(pd.Series(groups, dtype="object"), sort=False)
    k = len(classes)
    rows = (np.arange(n) if vertices is None
            else np.unique(np.asarray(list(vertices), dtype=np.int64)))
    if len(rows) and (rows.min() < 0 or rows.max() >= n):
        raise UsageError("A vertex asked for is not in the network.")
    counts = _role_counts(adj, codes, k, rows) if len(rows) else np.zeros((0, 5))
    total = counts.sum(axis=1)
    possible = _possible_pairs(adj, rows)
    raw = np.column_stack([counts, total]) if len(rows) else np.zeros((0, 6))

    m = int(adj.nnz)
    density = m / (n * (n - 1)) if n > 1 else 0.0
    sizes = np.bincount(codes, minlength=k).astype(float) if n else np.zeros(0)
    exp_grp, var_grp = _group_moments(sizes, float(n), density)
    exp_grp += 0.0  # no "-0.0" from (n-1)(n-2) with n = 1
    sd_grp = np.sqrt(var_grp)
    row_codes = codes[rows] if len(rows) else np.zeros(0, dtype=np.int64)
    exp_v = exp_grp[row_codes] if len(rows) else np.zeros((0, 6))
    sd_v = sd_grp[row_codes] if len(rows) else np.zeros((0, 6))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(sd_v > 0, (raw - exp_v) / np.where(sd_v > 0, sd_v, 1.0), np.nan)

    df = pd.DataFrame({"vertex": rows, "name": [names[i] for i in rows],
                       "group": list(classes[row_codes]) if len(rows) else []},
                      index=rows if vertices is not None else None)
    for j, role in enumerate(ROLES):
        df[role] = raw[:, j].astype(np.int64)
    for j, role in enumerate(ROLES):
        df[f"z_{role}"] = z[:, j]
    df["possible"] = possible
    with np.errstate(divide="ignore", invalid="ignore"):
        df["normalised"] = np.where(possible > 0, total / np.where(possible > 0, possible, 1),
                                    0.0)

    graw = raw.sum(axis=0) if n else np.zeros(6)
    gexp, gvar = _global_moments(sizes, float(n), density)
    gsd = np.sqrt(np.maximum(gvar, 0.0))
    df.attrs.update({
        "reading": reading,
        "density": density,
        "n": n,
        "group_sizes": {str(c): int(s) for c, s in zip(classes, sizes, strict=True)},
        "expected": {str(c): dict(zip(ROLES, map(float, exp_grp[i]), strict=True))
                     for i, c in enumerate(classes)},
        "sd": {str(c): dict(zip(ROLES, map(float, sd_grp[i]), strict=True))
               for i, c in enumerate(classes)},
    })
    if vertices is None:
        df.attrs["global"] = {
            role: {"raw": float(graw[j]), "expected": float(gexp[j]), "sd": float(gsd[j]),
                   "z": float((graw[j] - gexp[j]) / gsd[j]) if gsd[j] > 0 else float("nan")}
            for j, role in enumerate(ROLES)
        }
    return df


def actor_brokerage(data: GraphData, group_by: str = "sector",
                    directed: bool | None = None,
                    actors: Sequence[str] | None = None) -> pd.DataFrame:
    """Brokerage roles of every actor between sectors, cities, kinds or functions.

    The network read is the actor network every other measure reads (actors linked when
    they share a coalition or have an explicit tie), with the direction of directional ties
    kept: :func:`~coalitions.analysis.network.directed_actor_network`. A shared coalition or
    a symmetric tie (``works_with``, ``knows`` …) counts as arcs both ways, as sna's
    ``brokerage()`` reads a symmetric sociomatrix; a directional tie (``funds``,
    ``advises`` …, or any tie the ties sheet marks ``directed: yes``) is the one arc
    source → target. ``directed`` overrides the ties' recorded direction.

    Parameters
    ----------
    data : GraphData
        The graph, already scoped.
    group_by : {"sector", "city", "kind", "function"}
        Actor attribute that defines the groups. Actors without a value form the group
        ``"(unknown)"``.
    directed : bool or None
        ``None`` (default): each tie as recorded; ``True``: every tie directed source →
        target; ``False``: every tie undirected.
    actors : sequence of str, optional
        Ids of the actors whose roles are wanted (default: all). The others still make up
        the network; only fewer brokers are counted, which is faster.

    Returns
    -------
    pandas.DataFrame
        ``id``, ``name``, ``group``, ``coordinator``, ``itinerant``, ``representative``,
        ``gatekeeper``, ``liaison``, ``total`` and ``z_*`` for each, ``possible`` and
        ``normalised`` (see :func:`brokerage_roles`), one row per actor, sorted by
        ``total`` (descending) then ``id``. ``attrs`` as in :func:`brokerage_roles`
        (``reading`` says how the ties were read: "as recorded", "all directed" or "all
        undirected"), plus ``network`` (a sentence saying which network was read),
        ``group_by`` and the definitions of the measure columns
        (:mod:`coalitions.analysis.definitions`).

    Raises
    ------
    UsageError
        Unknown ``group_by``, or more work than :data:`MAX_WORK` multiplications (the
        whole co-membership network of a country): scope it, or pass ``actors``.

    References
    ----------
    Gould, R. V., & Fernandez, R. M. (1989). https://doi.org/10.2307/270949
    """
    from coalitions.analysis.definitions import attach

    if group_by not in GROUP_BY:
        raise UsageError(f"Cannot group brokerage by {group_by!r}.",
                         hint="Use one of: " + ", ".join(GROUP_BY) + ".")
    adj, ids = actor_arcs(data, directed)
    reading = {None: "as recorded", True: "all directed", False: "all undirected"}[directed]
    n_directed = int(tie_directions(data, directed).sum()) if len(data.ties) else 0
    network = ("actor network: co-membership and symmetric ties both ways, directed ties "
               f"source → target (ties {reading}: {n_directed} of {len(data.ties)} "
               "directed)")

    group = [_group_label(v) for v in data.actors[group_by].to_numpy(dtype=object)]
    labels = data.actors["name"].to_numpy(dtype=object)
    vertices = None
    if actors is not None:
        position = {a: i for i, a in enumerate(ids)}
        vertices = [position[a] for a in actors if a in position]
    rows = np.arange(len(ids)) if vertices is None else np.unique(np.asarray(vertices,
                                                                             dtype=np.int64))
    work = _work(adj, rows)
    if work > MAX_WORK:
        raise UsageError(
            f"Brokerage of {len(rows):,} actors in a network of {adj.nnz:,} arcs needs about "
            f"{work:.1e} multiplications (limit {MAX_WORK:.1e}): every open two-path is "
            "checked for closure.",
            hint="Scope it to a city or a region (e.g. --city), or ask for fewer actors.")
    df = _roles(adj, group, ids, vertices, "directed").reset_index(drop=True)
    out = pd.DataFrame({
        "id": [ids[v] for v in df["vertex"]],
        "name": [_label(labels[v], ids[v]) for v in df["vertex"]],
    })
    out = pd.concat([out, df.drop(columns=["vertex", "name"])], axis=1)
    out = out.sort_values(["total", "id"], ascending=[False, True], ignore_index=True)
    out.attrs = dict(df.attrs)
    out.attrs["reading"] = reading
    out.attrs["network"] = network
    out.attrs["group_by"] = group_by
    return attach(out, BROKERAGE_DEFINITIONS, brokerage_ties=reading,
                  brokerage_groups=group_by)


# Column → definition key (coalitions.analysis.definitions) of actor_brokerage's columns.
BROKERAGE_DEFINITIONS: dict[str, str] = {
    **{role: f"brokerage_{role}" for role in ROLES[:5]},
    "total": "brokerage",
    "possible": "brokerage_possible",
    "normalised": "brokerage_normalised",
    **{f"z_{role}": "brokerage_z" for role in ROLES},
}


# helpers

# Multiplications (Σ over brokers b of Σ_{a → b} outdeg(a)) above which actor_brokerage
# refuses: the region benchmark's whole co-membership network is ~1e9 and takes tens of
# seconds on a shared two-core machine; 5e9 is the limit embeddedness uses for the same work.
MAX_WORK = 5e9


def _work(adj: sp.csr_matrix, rows: np.ndarray) -> float:
    """Multiplications the closed-path count does for broker ``rows`` (see _closed_counts)."""
    if not len(rows):
        return 0.0
    outdeg = np.diff(adj.indptr).astype(np.float64)
    return float((adj.T.tocsr()[rows] @ outdeg).sum())


def _label(name: object, fallback: str) -> str:
    if name is None or (isinstance(name, float) and name != name) or name == "":
        return fallback
    return str(name)



def _group_label(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return UNKNOWN_GROUP
    return str(value)


def _group_values(g: ig.Graph, group: str | Sequence) -> list:
    if isinstance(group, str):
        if group not in g.vs.attributes():
            raise UsageError(f"The network has no vertex attribute {group!r} to group by.",
                             hint="Attributes: " + ", ".join(g.vs.attributes()))
        values = g.vs[group]
    else:
        values = list(group)
        if len(values) != g.vcount():
            raise UsageError(f"{len(values)} group values for {g.vcount()} vertices.")
    return [_group_label(v) for v in values]


def _binary_adjacency(g: ig.Graph) -> sp.csr_matrix:
    """0/1 adjacency without self-loops; an undirected edge gives both arcs."""
    n, m = g.vcount(), g.ecount()
    # igraph's get_adjacency_sparse zips edges in Python; flattening the edge list is ~10×
    # faster on millions of edges
    flat = np.fromiter(chain.from_iterable(g.get_edgelist()), dtype=np.int64, count=2 * m)
    src, dst = flat[0::2], flat[1::2]
    if not g.is_directed():
        src, dst = np.concatenate([src, dst]), np.concatenate([dst, src])
    keep = src != dst
    adj = sp.csr_matrix((np.ones(int(keep.sum()), dtype=np.int64), (src[keep], dst[keep])),
                        shape=(n, n))
    adj.sum_duplicates()
    adj.data[:] = 1
    return adj


def _possible_pairs(adj: sp.csr_matrix, rows: np.ndarray) -> np.ndarray:
    """Per broker row: ordered pairs (a, c), a ≠ c, with a → b → c (open or closed)."""
    if not len(rows):
        return np.zeros(0, dtype=np.int64)
    adj_rows = adj[rows]
    at_rows = adj.T.tocsr()[rows]
    d_out = np.diff(adj_rows.indptr).astype(np.int64)
    d_in = np.diff(at_rows.indptr).astype(np.int64)
    both = np.asarray(adj_rows.multiply(at_rows).sum(axis=1)).ravel().astype(np.int64)
    return d_in * d_out - both


def _role_counts(adj: sp.csr_matrix, codes: np.ndarray, k: int,
                 rows: np.ndarray) -> np.ndarray:
    """len(rows) × 5 counts of open two-paths per broker, in ROLES order (without total)."""
    n = adj.shape[0]
    member = sp.csr_matrix((np.ones(n, dtype=np.int64), (np.arange(n), codes)), shape=(n, k))
    at = adj.T.tocsr()
    at_rows, adj_rows = at[rows], adj[rows]
    inn = np.asarray((at_rows @ member).todense())  # inn[b, X]: arcs a → b with a in X
    out = np.asarray((adj_rows @ member).todense())  # out[b, Y]: arcs b → c with c in Y
    recip = np.asarray((adj_rows.multiply(at_rows).tocsr() @ member).todense())  # a ↔ b
    r = np.arange(len(rows))
    b_codes = codes[rows]
    in_g, out_g = inn[r, b_codes], out[r, b_codes]
    in_all, out_all = inn.sum(axis=1), out.sum(axis=1)
    same_pairs = (inn * out).sum(axis=1)  # Σ_X in_X · out_X

    # All two-paths a → b → c with a ≠ b ≠ c, split by (group a, group c) relative to b.
    coord = in_g * out_g - recip[r, b_codes]
    itin = same_pairs - in_g * out_g - (recip.sum(axis=1) - recip[r, b_codes])
    rep = in_g * (out_all - out_g)
    gate = (in_all - in_g) * out_g
    liaison = (in_all - in_g) * (out_all - out_g) - (same_pairs - in_g * out_g)

    closed = _closed_counts(adj, at, member, codes, k, rows)
    return np.column_stack([coord, itin, rep, gate, liaison]) - closed


def _closed_counts(adj: sp.csr_matrix, at: sp.csr_matrix, member: sp.csr_matrix,
                   codes: np.ndarray, k: int, rows: np.ndarray) -> np.ndarray:
    """len(rows) × 5 counts of closed two-paths a → b → c (a → c present), by broker role."""
    closed = np.zeros((len(rows), 5), dtype=np.int64)
    outdeg = np.diff(adj.indptr)
    # flops of row b of A^T A: Σ over in-neighbours a of b of outdeg(a)
    flops = np.asarray(at[rows] @ outdeg).ravel()
    bounds = _chunks(flops)
    member_csc = member.tocsc()
    for x in range(k):
        in_x = member_csc[:, x].toarray().ravel().astype(bool)
        if not in_x.any():
            continue
        ax = adj[in_x]  # rows a in X
        axt = ax.T.tocsr()  # rows b: arcs a → b with a in X
        for lo, hi in bounds:
            brokers = rows[lo:hi]
            # p[b, c] = #a in X with a → b and a → c; keep where b → c exists
            p = (axt[brokers] @ ax).multiply(adj[brokers]).tocsr()
            if p.nnz == 0:
                continue
            c_xy = np.asarray((p @ member).todense())  # closed[b, Y] for a in X
            b_codes = codes[brokers]
            r = np.arange(hi - lo)
            at_g = c_xy[r, b_codes]
            at_x = c_xy[:, x]
            row_sum = c_xy.sum(axis=1)
            broker_in_x = b_codes == x
            closed[lo:hi, 0] += np.where(broker_in_x, at_g, 0)  # A→A→A
            closed[lo:hi, 2] += np.where(broker_in_x, row_sum - at_g, 0)  # A→A→B
            closed[lo:hi, 3] += np.where(broker_in_x, 0, at_g)  # A→B→B
            closed[lo:hi, 1] += np.where(broker_in_x, 0, at_x)  # A→B→A
            closed[lo:hi, 4] += np.where(broker_in_x, 0, row_sum - at_g - at_x)  # A→B→C
    return closed


def _chunks(flops: np.ndarray) -> list[tuple[int, int]]:
    n = len(flops)
    if n == 0:
        return []
    cum = np.cumsum(flops)
    bounds, lo = [], 0
    while lo < n:
        base = cum[lo - 1] if lo else 0
        hi = int(np.searchsorted(cum, base + _FLOPS_PER_CHUNK, side="right"))
        hi = min(max(hi, lo + 1), n)
        bounds.append((lo, hi))
        lo = hi
    return bounds


def _group_moments(n: np.ndarray, big_n: float, d: float) -> tuple[np.ndarray, np.ndarray]:
    """sna's exp.grp and variance per broker group (rows) and role (columns, ROLES order)."""
    k = len(n)
    e = np.zeros((k, 6))
    v = np.zeros((k, 6))
    p = d * d * (1 - d)
    q = d**3 * (1 - d) ** 3
    for i in range(k):
        ni = n[i]
        others = np.delete(n, i)
        e[i, 0] = p * (ni - 1) * (ni - 2)
        v[i, 0] = e[i, 0] * (1 - p) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * q
        e[i, 1] = p * np.sum(others * (others - 1))
        v[i, 1] = e[i, 1] * (1 - p) + 2 * np.sum(others * (others - 1) * (others - 2)) * q
        e[i, 2] = p * (big_n - ni) * (ni - 1)
        v[i, 2] = e[i, 2] * (1 - p) + 2 * ((ni - 1) * _choose2(big_n - ni)
                                           + (big_n - ni) * _choose2(ni - 1)) * q
        e[i, 3], v[i, 3] = e[i, 2], v[i, 2]
        e[i, 4] = p * (np.sum(np.outer(others, others)) - np.sum(others**2))
        v[i, 4] = e[i, 4] * (1 - p) + 4 * np.sum(
            others * np.array([_choose2(big_n - nj - ni) for nj in others])) * q
        e[i, 5] = p * (big_n - 1) * (big_n - 2)
        v[i, 5] = e[i, 5] * (1 - p) + 2 * (big_n - 1) * (big_n - 2) * (big_n - 3) * q
    return e, v


def _global_moments(n: np.ndarray, big_n: float, d: float) -> tuple[np.ndarray, np.ndarray]:
    """sna's exp.gli and vgbr (graph-level totals per role), transcribed from gli.R."""
    e = np.zeros(6)
    v = np.zeros(6)
    p = d * d * (1 - d)
    q3 = d**3 * (1 - d) ** 3
    q4 = d**4 * (1 - d) ** 2
    q5 = d**5 * (1 - d)
    e[0] = p * np.sum(n * (n - 1) * (n - 2))
    v[0] = e[0] * (1 - p) + np.sum(n * (n - 1) * (n - 2) * ((4 * n - 10) * q3
                                                          - 4 * (n - 3) * q4 + (n - 3) * q5))
    e[1] = p * np.sum(n * (big_n - n) * (n - 1))
    x, y = np.meshgrid(n, n, indexing="ij")
    v[1] = e[1] * (1 - p) + (
        np.sum(x * y * (x - 1) * ((2 * x + 2 * y - 6) * q3 + (big_n - x - 1) * q5))
        - np.sum(n * n * (n - 1) * ((4 * n - 6) * q3 + (big_n - n - 1) * q5)))
    e[2] = p * np.sum(n * (big_n - n) * (n - 1))
    v[2] = e[2] * (1 - p) + np.sum(n * (big_n - n) * (n - 1) * ((big_n - 3) * q3
                                                               + (n - 2) * q5))
    e[3], v[3] = e[2], v[2]
    e[4] = p * (np.sum(x * y * (big_n - x - y)) - np.sum(n * n * (big_n - 2 * n)))
    v[4] = e[4] * (1 - p)
    k = len(n)
    for i in range(k):
        for j in range(k):
            for h in range(k):
                if i != j and j != h and i != h:
                    v[4] += n[i] * n[j] * n[h] * (
                        (4 * (big_n - n[j]) - 2 * (n[i] + n[h] + 1)) * q3
                        - (4 * (big_n - n[h]) - 2 * (n[i] + n[j] + 1)) * q4
                        + (big_n - (n[i] + n[h] + 1)) * q5)
    e[5] = p * big_n * (big_n - 1) * (big_n - 2)
    v[5] = e[5] * (1 - p) + big_n * (big_n - 1) * (big_n - 2) * (
        (4 * big_n - 10) * q3 - 4 * (big_n - 3) * q4 + (big_n - 3) * q5)
    return e, v


def _choose2(x: float) -> float:
    """R's choose(x, 2) for real x ≥ 0 as used by sna (0 below 2)."""
    return float(comb(int(x), 2)) if x >= 2 else 0.0
