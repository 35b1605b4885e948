"""Pivot figures: the member who brokers most, beside the member the coalition names.

For every coalition, the **structural pivot** is the member with the highest betweenness on
the actor network of the coalition's city (co-membership plus ties; ties broken by the number
of coalitions the member sits in, then by id); the **declared pivots** are the members whose
membership role is ``pivot`` or ``coordinator`` (:data:`~coalitions.graph.model.PIVOT_ROLES`).
Where they differ the row is flagged, and each is explained in one line a researcher can
quote, built from facts computed on the same network (:func:`explain_actor`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp

from coalitions.analysis.centrality import EXACT_LIMIT, SAMPLES, actor_betweenness
from coalitions.analysis.network import affiliation
from coalitions.graph.model import PIVOT_ROLES, GraphData

__all__ = ["coalition_pivots", "explain_actor"]

_SECTOR_NAMES = {
    # sector: (singular, plural) as they read in a sentence
    "city_government": ("city government", "city-government actors"),
    "other_government": ("other government", "other-government actors"),
    "nonprofit": ("nonprofits", "nonprofits"),
    "private": ("firms", "firms"),
    "citizens": ("citizens", "citizens"),
    "knowledge": ("knowledge institutions", "knowledge institutions"),
}

COLUMNS = [
    "id", "name", "city", "n_members", "structural_pivot", "structural_pivot_name",
    "structural_betweenness", "structural_explanation", "declared_pivots",
    "declared_pivot_names", "declared_explanation", "mismatch",
]


def coalition_pivots(data: GraphData, measures: pd.DataFrame | None = None, *,
                     exact_limit: int = EXACT_LIMIT, samples: int = SAMPLES,
                     seed: int = 42) -> pd.DataFrame:
    """Structural and declared pivot of every coalition, with a one-line explanation each.

    Parameters
    ----------
    data : GraphData
    measures : pandas.DataFrame, optional
        Precomputed actor measures with columns ``id`` and ``betweenness`` (e.g.
        :func:`~coalitions.analysis.centrality.actor_measures` on the same data). When given,
        its betweenness is used instead of betweenness on each city's network.
    exact_limit, samples, seed
        Per city, as in :func:`~coalitions.analysis.centrality.actor_betweenness`: exact
        betweenness up to ``exact_limit`` actors, else a seeded sampled estimate.

    Returns
    -------
    pandas.DataFrame
        One row per coalition, columns :data:`COLUMNS`: ``structural_pivot`` (actor id, None
        when no member brokers at all — betweenness 0 and nobody in a second coalition),
        ``structural_betweenness``, ``declared_pivots`` / ``declared_pivot_names`` (lists),
        ``mismatch`` (True when the structural pivot is not among the declared ones; None
        when the coalition declares none or has no structural pivot), and the two
        explanations. ``attrs["betweenness_method"]`` maps each city to how betweenness was
        computed.
    """
    coalitions = data.coalitions
    cities = coalitions["city"].astype(object).where(coalitions["city"].notna(), None)
    n_coalitions = _coalition_counts(data)
    declared = _declared(data)
    rows, methods = [], {}
    for city in pd.unique(cities):
        mask = (cities == city) if city is not None else cities.isna()
        sub = _city_data(data, mask.to_numpy())
        ctx = _Context.build(sub, n_coalitions)
        if measures is not None:
            b = measures.set_index("id")["betweenness"].reindex(ctx.ids).fillna(0.0)
            methods[city] = "given"
        else:
            b = actor_betweenness(sub, exact_limit=exact_limit, samples=samples, seed=seed)
            methods[city] = b.attrs.get("method", "exact")
            if "samples" in b.attrs:
                methods[city] += (f" ({b.attrs['samples']} sources, seed {b.attrs['seed']}, "
                                  f"mean standard error {b.attrs['mean_standard_error']:.3g})")
        ctx.betweenness = b.reindex(ctx.ids).fillna(0.0).to_numpy(dtype=float)
        for coalition in sub.coalitions.itertuples(index=False):
            rows.append(_coalition_row(ctx, coalition, declared.get(str(coalition.id), [])))
    # Object columns keep None as None (pandas would turn it into NaN in a string column).
    out = pd.DataFrame(rows, columns=COLUMNS, dtype=object)
    out["n_members"] = out["n_members"].astype(int)
    out["structural_betweenness"] = out["structural_betweenness"].astype(float)
    out.attrs = {"betweenness_method": methods}
    return out


def explain_actor(data: GraphData, actor: str, *, betweenness: pd.Series | None = None) -> str:
    """A one-line, quotable description of an actor's brokerage position in ``data``.

    Facts, in this order, each only when it holds:

    - "sits in N coalitions" (all coalitions of ``data``);
    - "the only link between S and N Ts": N contacts of sector T have no other contact of
      sector S in the actor network (co-membership plus ties) than this actor — the actor is
      of sector S or has contacts there. The pair (S, T) with the largest N is reported;
    - "reaches K sectors through N contacts";
    - "betweenness B, rank r of n" when ``betweenness`` (indexed by actor id) is given.

    Use the city's data (e.g. ``Scope(city=...).apply(data)``) for the city's view.
    """
    ctx = _Context.build(data, _coalition_counts(data))
    if betweenness is not None:
        ctx.betweenness = betweenness.reindex(ctx.ids).fillna(0.0).to_numpy(dtype=float)
    i = ctx.index.get(str(actor))
    if i is None:
        return "not in this network"
    return ctx.explain(i)


# helpers

@dataclass
class _Context:
    """One network's facts: actor ids, sectors, contacts and their sector counts."""

    ids: list[str]
    names: list
    sectors: np.ndarray          # sector code per actor, "" when unknown
    adjacency: sp.csr_matrix     # binary, symmetric, no loops
    contact_sectors: np.ndarray  # actors × sector categories: contacts per sector
    categories: list[str]
    n_coalitions: np.ndarray
    members: dict[str, np.ndarray]
    index: dict[str, int]
    betweenness: np.ndarray | None = None

    @classmethod
    def build(cls, data: GraphData, n_coalitions: pd.Series) -> _Context:
        aff = affiliation(data)
        a = aff.matrix
        n = a.shape[0]
        adj = (a @ a.T).tocsr()
        if len(data.ties):
            index = pd.Index(aff.actor_ids)
            src = index.get_indexer(data.ties["source"].astype(str))
            dst = index.get_indexer(data.ties["target"].astype(str))
            ok = (src >= 0) & (dst >= 0)
            t = sp.csr_matrix((np.ones(ok.sum()), (src[ok], dst[ok])), shape=(n, n))
            adj = (adj + t + t.T).tocsr()
        adj.setdiag(0)
        adj.eliminate_zeros()
        adj.data[:] = 1
        sectors = data.actors["sector"].astype(object).where(data.actors["sector"].notna(), "")
        sectors = np.asarray(sectors.tolist(), dtype=object)
        categories = sorted({s for s in sectors if s})
        code = {s: k for k, s in enumerate(categories)}
        rows = np.array([i for i, s in enumerate(sectors) if s], dtype=np.int64)
        cols = np.array([code[s] for s in sectors if s], dtype=np.int64)
        onehot = sp.csr_matrix((np.ones(len(rows)), (rows, cols)),
                               shape=(n, max(len(categories), 1)))
        contact_sectors = (adj @ onehot).toarray()
        acsc = a.tocsc()
        members = {cid: acsc.indices[acsc.indptr[j]:acsc.indptr[j + 1]]
                   for j, cid in enumerate(aff.coalition_ids)}
        return cls(
            ids=aff.actor_ids, names=data.actors["name"].tolist(), sectors=sectors,
            adjacency=adj, contact_sectors=contact_sectors, categories=categories,
            n_coalitions=n_coalitions.reindex(aff.actor_ids).fillna(0).to_numpy(dtype=int),
            members=members, index={a_id: i for i, a_id in enumerate(aff.actor_ids)},
        )

    def explain(self, i: int) -> str:
        facts = []
        k = int(self.n_coalitions[i])
        facts.append(f"sits in {k} coalition{'s' if k != 1 else ''}")
        only = self._only_link(i)
        if only is not None:
            facts.append(only)
        contacts = self.adjacency.indices[self.adjacency.indptr[i]:self.adjacency.indptr[i + 1]]
        reached = {s for s in self.sectors[contacts] if s}
        if contacts.size:
            facts.append(f"reaches {len(reached)} sector{'s' if len(reached) != 1 else ''} "
                         f"through {contacts.size} contact{'s' if contacts.size != 1 else ''}")
        else:
            facts.append("has no contacts in this network")
        if self.betweenness is not None and len(self.betweenness):
            b = self.betweenness[i]
            rank = int((self.betweenness > b).sum()) + 1
            facts.append(f"betweenness {b:.3f}, rank {rank} of {len(self.betweenness)}")
        return "; ".join(facts)

    def _only_link(self, i: int) -> str | None:
        contacts = self.adjacency.indices[self.adjacency.indptr[i]:self.adjacency.indptr[i + 1]]
        if contacts.size == 0 or not self.categories:
            return None
        own = self.sectors[i]
        best = None
        for s_code, s in enumerate(self.categories):
            # The actor links to sector s when it is in s or has contacts there.
            if own != s and self.contact_sectors[i, s_code] == 0:
                continue
            # Contacts' ties to s other than this actor.
            other = self.contact_sectors[contacts, s_code] - (1 if own == s else 0)
            for t in self.categories:
                if t == s:
                    continue
                n = int(((self.sectors[contacts] == t) & (other == 0)).sum())
                if n and (best is None or n > best[0]):
                    best = (n, s, t)
        if best is None:
            return None
        n, s, t = best
        s_name = _SECTOR_NAMES.get(s, (s, s))[0]
        t_name = _SECTOR_NAMES.get(t, (t, t))[1 if n != 1 else 0]
        if n == 1 and t_name.endswith("s") and t in ("nonprofit", "private"):
            t_name = {"nonprofit": "nonprofit", "private": "firm"}[t]
        return f"the only link between {s_name} and {n} {t_name}"


def _coalition_row(ctx: _Context, coalition, declared: list[str]) -> dict:
    cid = str(coalition.id)
    members = ctx.members.get(cid, np.zeros(0, dtype=np.int64))
    structural = None
    if members.size:
        b = ctx.betweenness[members]
        k = ctx.n_coalitions[members]
        ids = np.asarray(ctx.ids, dtype=object)[members]
        order = sorted(range(members.size), key=lambda j: (-b[j], -k[j], ids[j]))
        top = order[0]
        if b[top] > 0 or k[top] >= 2:
            structural = int(members[top])
    declared_idx = [ctx.index[a] for a in declared if a in ctx.index]
    struct_id = ctx.ids[structural] if structural is not None else None
    mismatch = None
    if declared_idx and structural is not None:
        mismatch = struct_id not in {ctx.ids[j] for j in declared_idx}
    return {
        "id": cid,
        "name": coalition.name,
        "city": coalition.city,
        "n_members": int(members.size),
        "structural_pivot": struct_id,
        "structural_pivot_name": ctx.names[structural] if structural is not None else None,
        "structural_betweenness": float(ctx.betweenness[structural])
        if structural is not None else None,
        "structural_explanation": ctx.explain(structural) if structural is not None
        else "no member links this coalition to others",
        "declared_pivots": [ctx.ids[j] for j in declared_idx],
        "declared_pivot_names": [ctx.names[j] for j in declared_idx],
        "declared_explanation": " | ".join(ctx.explain(j) for j in declared_idx)
        if declared_idx else "no pivot declared",
        "mismatch": mismatch,
    }


def _coalition_counts(data: GraphData) -> pd.Series:
    aff = affiliation(data)
    return pd.Series(np.asarray(aff.matrix.sum(axis=1)).ravel(), index=aff.actor_ids)


def _declared(data: GraphData) -> dict[str, list[str]]:
    m = data.memberships
    pivots = m[m["role"].isin(PIVOT_ROLES)]
    out: dict[str, list[str]] = {}
    for actor, coalition in zip(pivots["actor"].astype(str), pivots["coalition"].astype(str),
                                strict=True):
        if actor not in out.setdefault(coalition, []):
            out[coalition].append(actor)
    return out


def _city_data(data: GraphData, coalition_mask: np.ndarray) -> GraphData:
    """The coalitions selected, their memberships, their members, the ties among those."""
    co = data.coalitions[coalition_mask]
    ids = set(co["id"].astype(str))
    m = data.memberships[data.memberships["coalition"].astype(str).isin(ids)]
    members = set(m["actor"].astype(str))
    actors = data.actors[data.actors["id"].astype(str).isin(members)]
    t = data.ties
    ties = t[t["source"].astype(str).isin(members) & t["target"].astype(str).isin(members)]
    return GraphData(coalitions=co, actors=actors, memberships=m, ties=ties)
