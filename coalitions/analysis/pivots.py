"""Pivot figures: the member who brokers most, beside the member the coalition names.

For every coalition, the **structural pivot** is the member with the highest betweenness on
the actor network of the coalition's city (co-membership plus ties; the city's scope is the
members of its coalitions, as ``--city`` cuts it, so the same actor has the same betweenness
here and in ``pivots --city``). Members tied at the top are all named; there is no structural
pivot when the top betweenness is 0 (nobody lies on a shortest path). The **declared pivots**
are the members whose membership role is ``pivot`` or ``coordinator``
(:data:`~coalitions.graph.model.PIVOT_ROLES`). A row is flagged as a mismatch only when every
declared pivot ranks strictly lower than the structural one(s). Each is explained in one line
a researcher can quote, built from facts computed on the same network (:func:`explain_actor`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse as sp

from coalitions.analysis.centrality import EXACT_SECONDS, _describe, actor_betweenness
from coalitions.analysis.definitions import attach
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
    "id", "name", "city", "n_members", "structural_pivots", "structural_pivot_names",
    "structural_betweenness", "structural_explanation", "declared_pivots",
    "declared_pivot_names", "declared_betweenness", "declared_explanation", "mismatch",
]

# Betweenness values closer than this (relative) are one score: the same structural position
# computed along different paths can differ in the last bits of a float.
TIE_RTOL = 1e-9


def coalition_pivots(data: GraphData, measures: pd.DataFrame | None = None, *,
                     exact_seconds: float = EXACT_SECONDS, seed: int = 42,
                     **estimator: float) -> pd.DataFrame:
    """Structural and declared pivot of every coalition, with a one-line explanation each.

    Parameters
    ----------
    data : GraphData
    measures : pandas.DataFrame, optional
        Precomputed actor measures with columns ``id`` and ``betweenness`` (e.g.
        :func:`~coalitions.analysis.centrality.actor_measures` on the same data). When given,
        its betweenness is used instead of betweenness on each city's network.
    exact_seconds, seed, estimator
        Per city, as in :func:`~coalitions.analysis.centrality.actor_betweenness`: exact
        betweenness when predicted to take under ``exact_seconds``, else the adaptive
        estimate of the same quantity (``estimator``: options of
        :func:`~coalitions.analysis.centrality.sampled_centrality`, e.g.
        ``budget_seconds``).

    Returns
    -------
    pandas.DataFrame
        One row per coalition, in ``data.coalitions`` order, columns :data:`COLUMNS`:
        ``structural_pivots`` / ``structural_pivot_names`` (lists: every member tied at the
        highest betweenness, in name order; empty when that betweenness is 0),
        ``structural_betweenness`` (their score, NaN when there is none),
        ``declared_pivots`` / ``declared_pivot_names`` (lists), ``declared_betweenness``
        (the highest score among the declared pivots), ``mismatch`` (True when every
        declared pivot ranks strictly lower than the structural pivots; None when the
        coalition declares none or has no structural pivot), and the two explanations.
        ``attrs["betweenness_method"]`` maps each city to how betweenness was computed.
    """
    city_of, city_names = pd.factorize(data.coalitions["city"].astype(object),
                                       use_na_sentinel=False)
    n_coalitions = _coalition_counts(data)
    declared = _declared(data)
    split = _Splitter(data)
    rows, methods = {}, {}
    for code, city in enumerate(city_names):
        city = None if pd.isna(city) else city
        sub = split.part(city_of == code)
        ctx = _Context.build(sub, n_coalitions)
        if measures is not None:
            b = measures.set_index("id")["betweenness"].reindex(ctx.ids).fillna(0.0)
            methods[city] = "given"
        else:
            b = actor_betweenness(sub, exact_seconds=exact_seconds, seed=seed, **estimator)
            methods[city] = ("exact" if b.attrs.get("method") == "exact"
                             else _describe(b.attrs))
        ctx.betweenness = b.reindex(ctx.ids).fillna(0.0).to_numpy(dtype=float)
        for coalition in sub.coalitions.itertuples(index=False):
            rows[str(coalition.id)] = _coalition_row(ctx, coalition,
                                                     declared.get(str(coalition.id), []))
    ordered = [rows[c] for c in data.coalitions["id"].astype(str) if c in rows]
    # Object columns keep None as None (pandas would turn it into NaN in a string column).
    out = pd.DataFrame(ordered, columns=COLUMNS, dtype=object)
    out["n_members"] = out["n_members"].astype(int)
    out["structural_betweenness"] = out["structural_betweenness"].astype(float)
    out["declared_betweenness"] = out["declared_betweenness"].astype(float)
    out.attrs = {"betweenness_method": methods}
    return attach(out, {"structural_pivots": "structural_pivot",
                        "structural_pivot_names": "structural_pivot",
                        "structural_betweenness": "betweenness",
                        "declared_betweenness": "betweenness"},
                  scope="per coalition: the actor network of its city (members of the city's "
                        "coalitions in scope, and their ties)")


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
    codes: np.ndarray            # sector category per actor, -1 when unknown
    betweenness: np.ndarray | None = None
    _explained: dict = field(default_factory=dict)

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
        codes = np.array([code.get(s, -1) for s in sectors], dtype=np.int64)
        rows = np.flatnonzero(codes >= 0)
        cols = codes[rows]
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
            codes=codes,
        )

    def explain(self, i: int, *, tied: bool = False, rank: bool = True) -> str:
        """Facts about actor ``i``; ``tied``: it shares the top score with other members, so
        no "only link" claim is made for it; ``rank``: end with its betweenness and rank."""
        # A city's top broker is often the structural pivot of many coalitions.
        key = (i, tied, rank)
        if key not in self._explained:
            self._explained[key] = self._explain(i, tied, rank)
        return self._explained[key]

    def _explain(self, i: int, tied: bool, rank: bool) -> str:
        facts = []
        k = int(self.n_coalitions[i])
        facts.append(f"sits in {k} coalition{'s' if k != 1 else ''}")
        only = None if tied else self._only_link(i)
        if only is not None:
            facts.append(only)
        contacts = self.adjacency.indices[self.adjacency.indptr[i]:self.adjacency.indptr[i + 1]]
        contact_codes = self.codes[contacts]
        reached = np.unique(contact_codes[contact_codes >= 0])
        if contacts.size:
            facts.append(f"reaches {len(reached)} sector{'s' if len(reached) != 1 else ''} "
                         f"through {contacts.size} contact{'s' if contacts.size != 1 else ''}")
        else:
            facts.append("has no contacts in this network")
        if rank and self.betweenness is not None and len(self.betweenness):
            facts.append(self._rank(i))
        return "; ".join(facts)

    def rank_of(self, i: int) -> tuple[int, int]:
        """Competition rank of actor ``i`` by betweenness (1 + actors strictly higher) and
        the number of other actors tied with it."""
        b, all_b = self.betweenness[i], self.betweenness
        same = np.isclose(all_b, b, rtol=TIE_RTOL, atol=0)
        return int(((all_b > b) & ~same).sum()) + 1, int(same.sum()) - 1

    def _rank(self, i: int) -> str:
        b = self.betweenness[i]
        if b <= 0:
            return "betweenness 0: on no shortest path between other actors"
        rank, others = self.rank_of(i)
        tie = f" (tied with {others} other{'s' if others != 1 else ''})" if others else ""
        return f"betweenness {b:.3f}, rank {rank} of {len(self.betweenness)} actors{tie}"

    def _only_link(self, i: int) -> str | None:
        contacts = self.adjacency.indices[self.adjacency.indptr[i]:self.adjacency.indptr[i + 1]]
        k = len(self.categories)
        if contacts.size == 0 or k == 0:
            return None
        own = np.arange(k) == self.codes[i]
        # The actor links to sector s when it is in s or has contacts there.
        links = own | (self.contact_sectors[i] > 0)
        # Per contact and sector s: its ties to s other than this actor.
        other = self.contact_sectors[contacts] - own.astype(int)
        is_t = (self.codes[contacts][:, None] == np.arange(k)[None, :]).astype(int)
        counts = (other == 0).astype(int).T @ is_t  # [s, t]: t-contacts with no other s tie
        counts[~links, :] = 0
        np.fill_diagonal(counts, 0)
        if counts.max() == 0:
            return None
        s_code, t_code = np.unravel_index(int(np.argmax(counts)), counts.shape)
        n, s, t = int(counts[s_code, t_code]), self.categories[s_code], self.categories[t_code]
        s_name = _SECTOR_NAMES.get(s, (s, s))[0]
        t_name = _SECTOR_NAMES.get(t, (t, t))[1 if n != 1 else 0]
        if n == 1 and t in ("nonprofit", "private"):
            t_name = {"nonprofit": "nonprofit", "private": "firm"}[t]
        return f"the only link between {s_name} and {n} {t_name}"


def _coalition_row(ctx: _Context, coalition, declared: list[str]) -> dict:
    cid = str(coalition.id)
    members = ctx.members.get(cid, np.zeros(0, dtype=np.int64))
    top = float(ctx.betweenness[members].max()) if members.size else 0.0
    structural: list[int] = []
    if top > 0:
        b = ctx.betweenness[members]
        structural = [int(m) for m in members[np.isclose(b, top, rtol=TIE_RTOL, atol=0)]]
        structural.sort(key=lambda j: (str(ctx.names[j]), ctx.ids[j]))
    declared_idx = [ctx.index[a] for a in declared if a in ctx.index]
    declared_top = max((float(ctx.betweenness[j]) for j in declared_idx), default=np.nan)
    mismatch = None
    if declared_idx and structural:
        # a declared pivot tied with the top is a structural pivot too: no mismatch
        mismatch = not any(j in structural for j in declared_idx)
    tied = len(structural) > 1
    if not structural:
        explanation = ("no member lies on a shortest path between other actors of the city "
                       "(highest betweenness 0)" if members.size else "no members")
    elif tied:
        rank, _ = ctx.rank_of(structural[0])
        facts = [ctx.explain(j, tied=True, rank=False) for j in structural]
        names = [str(ctx.names[j]) for j in structural]
        head = (f"{len(structural)} members tied at betweenness {top:.3f} "
                f"(rank {rank} of {len(ctx.betweenness)} actors)")
        if len(set(facts)) == 1:
            explanation = f"{head}: {', '.join(names)}; each {facts[0]}"
        else:
            explanation = f"{head}: " + " | ".join(
                f"{name}: {fact}" for name, fact in zip(names, facts, strict=True))
    else:
        explanation = ctx.explain(structural[0])
    return {
        "id": cid,
        "name": coalition.name,
        "city": coalition.city,
        "n_members": int(members.size),
        "structural_pivots": [ctx.ids[j] for j in structural],
        "structural_pivot_names": [ctx.names[j] for j in structural],
        "structural_betweenness": top if structural else np.nan,
        "structural_explanation": explanation,
        "declared_pivots": [ctx.ids[j] for j in declared_idx],
        "declared_pivot_names": [ctx.names[j] for j in declared_idx],
        "declared_betweenness": declared_top,
        "declared_explanation": " | ".join(
            ctx.explain(j, tied=j in structural and tied) for j in declared_idx)
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


class _Splitter:
    """Cuts the graph into parts by coalition, with the index arithmetic done once."""

    def __init__(self, data: GraphData) -> None:
        self.data = data
        actors = pd.Index(data.actors["id"].astype(str))
        coalitions = pd.Index(data.coalitions["id"].astype(str))
        m = data.memberships
        self.m_actor = actors.get_indexer(m["actor"].astype(str))
        self.m_coalition = coalitions.get_indexer(m["coalition"].astype(str))
        t = data.ties
        self.t_source = actors.get_indexer(t["source"].astype(str))
        self.t_target = actors.get_indexer(t["target"].astype(str))
        self.n_actors = len(actors)

    def part(self, coalition_mask: np.ndarray) -> GraphData:
        """The coalitions selected, their memberships, their members, the ties among those."""
        d = self.data
        ok = (self.m_coalition >= 0) & (self.m_actor >= 0)
        m_mask = ok & coalition_mask[np.where(ok, self.m_coalition, 0)]
        actor_mask = np.zeros(self.n_actors, dtype=bool)
        actor_mask[self.m_actor[m_mask]] = True
        t_ok = (self.t_source >= 0) & (self.t_target >= 0)
        t_mask = (t_ok & actor_mask[np.where(t_ok, self.t_source, 0)]
                  & actor_mask[np.where(t_ok, self.t_target, 0)])
        return GraphData(coalitions=d.coalitions[coalition_mask], actors=d.actors[actor_mask],
                         memberships=d.memberships[m_mask], ties=d.ties[t_mask])
