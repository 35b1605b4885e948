"""Question 3: how city government takes part in and between coalitions.

The study asks whether officials and politicians are visible *in and between* coalitions —
the "tussenruimte", the in-between space — and proposes a follow-up grid ("Vervolgspoor 1")
that compares, per type of coalition, the role of the city actors, the presence of
government and the relations between the actors. This module gives:

- :func:`city_profiles` — one row per city;
- :func:`case_table` — the analysis table of one coalition (the study's "analysetabellen per
  case");
- :func:`compare` — the follow-up grid, per type of coalition;
- :func:`degree_centralisation` and :func:`member_network` — the measures they use.

Vocabulary used throughout:

- **city actors**: persons whose function is official or politician
  (:data:`~coalitions.graph.model.GOVERNMENT_FUNCTIONS`);
- **city-government members**: actors of sector ``city_government`` plus the city actors;
- a coalition **with city government**: one whose composition, read from its members,
  includes city government (:func:`~coalitions.analysis.clusters.involves_city_government`;
  the declared sectors only for a coalition whose members have no sector) — the same
  definition in every command;
- a city's **actor network**: the members of the city's coalitions (an actor in no coalition
  is in no city's network, as ``--city`` cuts it), linked when they share a coalition or have
  an explicit tie (direction ignored; co-membership + ties as
  :func:`~coalitions.analysis.network.actor_network` builds it);
- a coalition's **member network**: its members, linked when they are related *apart from
  this coalition* — an explicit tie (either direction) or another coalition they share.
  (Within the co-membership network every pair of members is linked by the coalition
  itself, which would make every density 1.)
"""

from __future__ import annotations

from typing import Any

import igraph as ig
import numpy as np
import pandas as pd
import scipy.sparse as sp

from coalitions.analysis.brokerage import brokerage_roles
from coalitions.analysis.centrality import actor_betweenness, betweenness, degree
from coalitions.analysis.clusters import (
    city_government_members,
    composition,
    involves_city_government,
)
from coalitions.analysis.definitions import attach
from coalitions.analysis.network import actor_network, affiliation, coalition_network
from coalitions.analysis.pivots import coalition_pivots
from coalitions.errors import UsageError
from coalitions.graph.model import GOVERNMENT_FUNCTIONS, GraphData
from coalitions.loaders.taxonomy import COMPOSITIONS, ROLES, THEMES

__all__ = [
    "COMPARE_BY",
    "case_table",
    "city_profiles",
    "compare",
    "degree_centralisation",
    "member_network",
]

COMPARE_BY = ("government", "theme", "role", "actors")
WITH_GOVERNMENT = "with city government"
WITHOUT_GOVERNMENT = "without city government"
_ROLE_LABEL = {r.code: r.label for r in ROLES}


def degree_centralisation(g: ig.Graph) -> float:
    """Freeman's degree centralisation of a graph, normalised to [0, 1].

    ``C = Σ_i (d_max − d_i) / ((n − 1)(n − 2))``: the summed differences between the largest
    degree and every degree, divided by the largest value that sum can take in a simple
    undirected graph on ``n`` vertices (reached by the star). 1 for a star, 0 when every
    vertex has the same degree. The graph is read as simple and undirected (direction,
    loops and parallel edges are dropped). Undefined (NaN) for fewer than three vertices.
    This is igraph's ``centralization_degree(mode="all", loops=False, normalized=True)``
    on the simple undirected graph.

    References
    ----------
    Freeman, L. C. (1978). Centrality in social networks conceptual clarification.
    *Social Networks*, 1(3), 215–239. https://doi.org/10.1016/0378-8733(78)90021-7
    """
    n = g.vcount()
    if n < 3:
        return float("nan")
    h = g.as_undirected(mode="collapse") if g.is_directed() else g.copy()
    h.simplify(multiple=True, loops=True)
    deg = np.asarray(h.degree(), dtype=float)
    return float((deg.max() - deg).sum() / ((n - 1) * (n - 2)))


def member_network(data: GraphData, coalition: str) -> ig.Graph:
    """The member network of one coalition: its members, related apart from the coalition.

    Two members are linked when an explicit tie joins them (either direction) or when they
    share at least one *other* coalition. Undirected and simple; vertices in
    ``data.actors`` order with attributes ``name`` (id), ``label``, ``kind``, ``sector``,
    ``function``, ``city``; edge attributes ``shared_other`` (other coalitions shared) and
    ``tie`` (an explicit tie exists).

    Raises
    ------
    UsageError
        No coalition with that id in ``data``.
    """
    ctx = _Context(data)
    if coalition not in ctx.column:
        raise UsageError(f"No coalition with id {coalition!r} in scope.")
    return ctx.member_graph(coalition)


def city_profiles(data: GraphData) -> pd.DataFrame:
    """One row per city: coalitions, government involvement, the in-between space.

    Columns:

    - ``city``, ``n_coalitions``, ``n_actors`` (members of the city's coalitions);
    - ``n_with_government``, ``share_with_government``: coalitions with city government
      (:func:`~coalitions.analysis.clusters.involves_city_government`);
    - ``n_inbetween``, ``inbetween``: the officials and politicians who sit in two or more
      of the city's coalitions (names, "; "-separated, most coalitions first);
    - ``inbetween_brokerage``: their Gould–Fernandez brokerage summed — the ``total`` of
      :func:`~coalitions.analysis.brokerage.actor_brokerage` on the city's actor network
      grouped by sector, undirected reading; ``inbetween_brokerage_between_sectors`` the
      same without the coordinator role (paths that stay inside one sector);
    - ``n_edges``: links of the city's actor network (on ``n_actors`` vertices);
    - ``density``: edges / possible edges of the city's actor network;
    - ``centralisation``: its Freeman degree centralisation (:func:`degree_centralisation`).

    Density and centralisation are left empty (NaN) for a city with **one coalition**: its
    members are all linked by that coalition, so density would be 1 and centralisation 0
    whatever the city looks like — not comparable with cities of several coalitions. Read
    them with ``n_coalitions`` and ``n_actors`` beside them.

    Rows are sorted by city name. Coalitions without a city are left out.
    """
    co = data.coalitions
    gov = involves_city_government(data)
    rows = []
    for city in sorted(co["city"].dropna().unique(), key=str.lower):
        ids = co.loc[co["city"] == city, "id"].tolist()
        sub = _subset(data, ids)
        g = actor_network(sub, include_ties=True)
        n_gov = int(sum(gov[i] for i in ids))
        spans = _city_actor_spans(sub)
        inbetween = spans[spans >= 2]
        brokerage_total = brokerage_between = 0
        if len(inbetween) and g.ecount():
            sel = _brokerage_of(g, list(inbetween.index))
            brokerage_total = int(sel["total"].sum())
            brokerage_between = int((sel["total"] - sel["coordinator"]).sum())
        names = _names(sub)
        several = len(ids) > 1
        rows.append({
            "city": city,
            "n_coalitions": len(ids),
            "n_actors": g.vcount(),
            "n_with_government": n_gov,
            "share_with_government": n_gov / len(ids),
            "n_inbetween": len(inbetween),
            "inbetween": "; ".join(names[a] for a in inbetween.index),
            "inbetween_brokerage": brokerage_total,
            "inbetween_brokerage_between_sectors": brokerage_between,
            "n_edges": g.ecount(),
            "density": g.density() if several and g.vcount() > 1 else float("nan"),
            "centralisation": degree_centralisation(g) if several else float("nan"),
        })
    df = pd.DataFrame(rows, columns=[
        "city", "n_coalitions", "n_actors", "n_with_government", "share_with_government",
        "n_inbetween", "inbetween", "inbetween_brokerage",
        "inbetween_brokerage_between_sectors", "n_edges", "density", "centralisation"])
    df.attrs["network"] = ("per city: members of the city's coalitions, linked by shared "
                           "coalitions and explicit ties, undirected")
    df.attrs["city_actors"] = "persons whose function is " + " or ".join(GOVERNMENT_FUNCTIONS)
    df.attrs["warnings"] = composition(data).attrs["warnings"]
    return attach(df, {"n_with_government": "government", "share_with_government": "government",
                       "density": "city_density", "centralisation": "city_centralisation"},
                  scope="per city: the members of its coalitions in scope, linked by shared "
                        "coalitions and explicit ties")


def case_table(data: GraphData, coalition: str) -> dict[str, Any]:
    """The analysis table of one coalition (the study's "analysetabel per case").

    Parameters
    ----------
    data : GraphData
    coalition : str
        Coalition id, or its name when that is unique (case-insensitive).

    Returns
    -------
    dict
        - ``coalition``: dict of its attributes (``id``, ``name``, ``city``, ``themes``,
          ``theme_clusters``, ``role``, ``role_label``, ``relation``, ``origin``,
          ``founded_year``, ``composition`` (from the members), ``composition_source``,
          ``declared_composition`` (the inventory's), ``n_members``);
        - ``members``: DataFrame — ``id``, ``name``, ``kind``, ``sector``, ``function``,
          ``role`` (membership roles, "; "), ``n_coalitions`` (in the data),
          ``n_city_coalitions`` (in this city), ``member_degree`` (links in the member
          network, a count — not the normalised ``degree`` of ``pivots``),
          ``betweenness`` (normalised, in the city's actor network);
        - ``by_sector``: DataFrame — ``sector``, ``count``, ``share``;
        - ``government``: dict — ``relation``, ``origin``, ``with_government``
          (:func:`~coalitions.analysis.clusters.involves_city_government`), ``members``
          (names of city-government members), ``n``, ``share``;
        - ``pivots``: dict — ``declared`` (names), ``structural`` (names, all tied at the
          top; empty when the top betweenness is 0), ``structural_betweenness``,
          ``agree`` (None when nothing is declared or no member brokers), ``explanation``
          and ``declared_explanation`` (sentences), ``method`` — from
          :func:`~coalitions.analysis.pivots.coalition_pivots`;
        - ``member_density``, ``member_centralisation``: of the member network
          (:func:`member_network`: links *apart from* this coalition) — not the city's
          density of ``city_profiles``;
        - ``warnings``: the composition warning for this coalition, if its members and the
          inventory disagree;
        - ``position``: DataFrame of the city's coalitions — ``id``, ``name``,
          ``shared_members`` (members also in another coalition of the city),
          ``linked_coalitions`` (coalitions sharing a member), ``betweenness``
          (normalised, city coalition network), ``rank`` (by shared members, then linked
          coalitions, then betweenness), ``this``; and ``rank`` / ``n_city_coalitions``.

    Raises
    ------
    UsageError
        No coalition or more than one with that name.
    """
    row = _find(data, coalition)
    cid, city = row["id"], row["city"]
    city_ids = data.coalitions.loc[data.coalitions["city"] == city, "id"].tolist() \
        if isinstance(city, str) else [cid]
    city_data = _subset(data, city_ids)
    mem = data.memberships[data.memberships["coalition"] == cid]
    member_ids = list(dict.fromkeys(mem["actor"]))
    actors = data.actors.set_index("id")
    names = _names(data)

    all_counts = data.memberships.drop_duplicates(["actor", "coalition"]) \
        .groupby("actor")["coalition"].nunique()
    city_counts = city_data.memberships.drop_duplicates(["actor", "coalition"]) \
        .groupby("actor")["coalition"].nunique()
    mnet = member_network(data, cid) if member_ids else ig.Graph()
    mdeg = dict(zip(mnet.vs["name"], mnet.degree(), strict=True)) if member_ids else {}
    city_g = actor_network(city_data, include_ties=True)
    city_btw = actor_betweenness(city_data, graph=city_g)
    roles = mem.groupby("actor")["role"].agg(lambda s: "; ".join(dict.fromkeys(s)))
    members = pd.DataFrame({
        "id": member_ids,
        "name": [names.get(a, a) for a in member_ids],
        "kind": [_none(actors.at[a, "kind"]) if a in actors.index else None
                 for a in member_ids],
        "sector": [_none(actors.at[a, "sector"]) if a in actors.index else None
                   for a in member_ids],
        "function": [_none(actors.at[a, "function"]) if a in actors.index else None
                     for a in member_ids],
        "role": [roles.get(a) for a in member_ids],
        "n_coalitions": [int(all_counts.get(a, 0)) for a in member_ids],
        "n_city_coalitions": [int(city_counts.get(a, 0)) for a in member_ids],
        "member_degree": [int(mdeg.get(a, 0)) for a in member_ids],
        "betweenness": [float(city_btw.get(a, 0.0)) for a in member_ids],
    })
    members = members.sort_values(["sector", "name"], na_position="last", ignore_index=True)
    attach(members, {"betweenness": "betweenness"},
           scope=f"the actor network of {city}: members of its coalitions and their ties"
           if isinstance(city, str) else "the coalition's members")
    by_sector = (members["sector"].fillna("(unknown)").value_counts()
                 .rename_axis("sector").reset_index(name="count"))
    by_sector["share"] = by_sector["count"] / max(len(members), 1)

    gov_mask = _government_members(data, member_ids)
    gov_names = [names.get(a, a) for a, is_gov in zip(member_ids, gov_mask, strict=True)
                 if is_gov]
    comp_all = composition(data)
    comp = comp_all.set_index("id")
    government = {
        "relation": _none(row["relation"]),
        "origin": _none(row["origin"]),
        "with_government": bool(comp.at[cid, "government"]),
        "members": gov_names,
        "n": len(gov_names),
        "share": len(gov_names) / len(member_ids) if member_ids else float("nan"),
    }
    info = {
        "id": cid, "name": row["name"], "city": _none(city),
        "themes": list(row["themes"] or []), "theme_clusters": list(row["theme_clusters"] or []),
        "role": _none(row["role"]), "role_label": _ROLE_LABEL.get(row["role"]),
        "relation": _none(row["relation"]), "origin": _none(row["origin"]),
        "founded_year": None if pd.isna(row["founded_year"]) else int(row["founded_year"]),
        "composition": comp.at[cid, "label"],
        "composition_source": comp.at[cid, "source"],
        "declared_composition": comp.at[cid, "declared_label"],
        "n_members": len(member_ids),
    }
    warnings = [w for w in comp_all.attrs["warnings"] if f"({cid})" in w]
    position = _position(city_data, cid)
    return {
        "coalition": info,
        "members": members,
        "by_sector": by_sector,
        "government": government,
        "pivots": _pivots(data, cid, city_btw),
        "member_density": mnet.density() if mnet.vcount() > 1 else float("nan"),
        "member_centralisation": degree_centralisation(mnet),
        "position": position,
        "rank": int(position.loc[position["this"], "rank"].iloc[0]),
        "n_city_coalitions": len(position),
        "warnings": warnings,
    }


def compare(data: GraphData, by: str = "government") -> pd.DataFrame:
    """The study's follow-up grid (Vervolgspoor 1): per type of coalition, three questions.

    Types: ``by="government"`` — coalitions with vs without city government (the contrast
    the study draws); ``"theme"`` — theme cluster (a coalition with two counts under both);
    ``"role"`` — primary role; ``"actors"`` — actor composition.

    For the coalitions of each type:

    - **role of the city actors**: ``n_city_actors`` (officials and politicians among the
      members), their mean ``city_actor_degree`` (degree centrality, ``degree / (n − 1)``)
      and mean ``city_actor_betweenness`` (normalised, ``(n − 1)(n − 2) / 2``) in the actor
      network of these coalitions (co-membership + ties), and their mean
      ``city_actor_brokerage`` (Gould–Fernandez total, sectors as groups, undirected
      reading, same network);
    - **government presence**: ``share_with_government`` (coalitions with city government)
      and ``government_share_of_members`` (mean over coalitions of the share of members
      that are city-government members);
    - **relations between actors**: ``mean_member_density`` and
      ``mean_member_centralisation`` of the coalitions' member networks
      (:func:`member_network`, links apart from the coalition; density needs two members,
      centralisation three).

    Means are NaN where nothing is there to average (e.g. no city actors).

    Returns
    -------
    pandas.DataFrame
        ``type``, ``n_coalitions``, ``n_members``, ``share_with_government``,
        ``government_share_of_members``, ``n_city_actors``, ``city_actor_degree``,
        ``city_actor_betweenness``, ``city_actor_brokerage``, ``mean_member_density``,
        ``mean_member_centralisation``. ``attrs["by"]`` says the typing.
    """
    if by not in COMPARE_BY:
        raise UsageError(f"Cannot compare coalitions by {by!r}.",
                         hint="Use one of: " + ", ".join(COMPARE_BY) + ".")
    types = _types(data, by)
    gov = involves_city_government(data)
    per_coalition = _coalition_relations(data)
    rows = []
    for label, ids in types.items():
        sub = _subset(data, ids)
        g = actor_network(sub, include_ties=True)
        city_actors = [a for a, f in zip(sub.actors["id"], sub.actors["function"],
                                         strict=True) if f in GOVERNMENT_FUNCTIONS]
        deg = btw = brok = float("nan")
        if city_actors:
            deg = float(degree(g).loc[city_actors].mean())
            btw = float(actor_betweenness(sub, graph=g).loc[city_actors].mean())
            brok = float(_brokerage_of(g, city_actors)["total"].mean()) if g.ecount() else 0.0
        rel = per_coalition.loc[per_coalition.index.intersection(ids)]
        rows.append({
            "type": label,
            "n_coalitions": len(ids),
            "n_members": len(sub.actors),
            "share_with_government": float(np.mean([gov[i] for i in ids])) if ids
            else float("nan"),
            "government_share_of_members": _mean(rel["government_share"]),
            "n_city_actors": len(city_actors),
            "city_actor_degree": deg,
            "city_actor_betweenness": btw,
            "city_actor_brokerage": brok,
            "mean_member_density": _mean(rel["density"]),
            "mean_member_centralisation": _mean(rel["centralisation"]),
        })
    df = pd.DataFrame(rows, columns=[
        "type", "n_coalitions", "n_members", "share_with_government",
        "government_share_of_members", "n_city_actors", "city_actor_degree",
        "city_actor_betweenness", "city_actor_brokerage", "mean_member_density",
        "mean_member_centralisation"])
    df.attrs["by"] = by
    df.attrs["city_actors"] = "persons whose function is " + " or ".join(GOVERNMENT_FUNCTIONS)
    df.attrs["warnings"] = composition(data).attrs["warnings"]
    return attach(df, {"share_with_government": "government",
                       "mean_member_density": "member_density",
                       "mean_member_centralisation": "member_centralisation"},
                  scope="city actors' degree, betweenness and brokerage: per type, the actor "
                        "network of the coalitions of that type (all cities in scope); "
                        "member density and centralisation: per coalition, averaged")


# helpers


def _none(value: object) -> Any:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    return value


def _mean(values: pd.Series) -> float:
    values = pd.to_numeric(values, errors="coerce").dropna()
    return float(values.mean()) if len(values) else float("nan")


def _names(data: GraphData) -> dict[str, str]:
    return {a: (str(n) if _none(n) is not None else a)
            for a, n in zip(data.actors["id"], data.actors["name"], strict=True)}


class _Context:
    """The affiliation matrix and tie adjacency of ``data``, built once for many coalitions."""

    def __init__(self, data: GraphData) -> None:
        self.aff = affiliation(data)
        self.column = {c: j for j, c in enumerate(self.aff.coalition_ids)}
        self.members_by = self.aff.matrix.tocsc()
        n = len(self.aff.actor_ids)
        index = pd.Index(self.aff.actor_ids)
        src = index.get_indexer(data.ties["source"].astype(str))
        dst = index.get_indexer(data.ties["target"].astype(str))
        ok = (src >= 0) & (dst >= 0) & (src != dst)
        r = np.concatenate([src[ok], dst[ok]])
        c = np.concatenate([dst[ok], src[ok]])
        self.ties = sp.csr_matrix((np.ones(len(r), dtype=np.int32), (r, c)), shape=(n, n))
        self.actors = data.actors.reset_index(drop=True)

    def members(self, coalition: str) -> np.ndarray:
        return np.sort(self.members_by[:, self.column[coalition]].nonzero()[0])

    def member_links(self, members: np.ndarray) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        """Upper-triangular (other coalitions shared, tie) matrices among ``members``."""
        sub = self.aff.matrix[members]
        shared = sp.triu(sub @ sub.T, k=1).tocsr()  # every pair shares this coalition: −1
        shared.data -= 1
        shared.eliminate_zeros()
        tie = sp.triu(self.ties[members][:, members], k=1).tocsr()
        return shared, tie

    def member_graph(self, coalition: str) -> ig.Graph:
        members = self.members(coalition)
        shared, tie = self.member_links(members)
        sc, tc = shared.tocoo(), tie.tocoo()
        other = {(int(i), int(j)): int(v) for i, j, v in
                 zip(sc.row, sc.col, sc.data, strict=True)}
        tied = set(zip(tc.row.tolist(), tc.col.tolist(), strict=True))
        pairs = sorted(set(other) | tied)
        g = ig.Graph(n=len(members), edges=pairs)
        rows = self.actors.iloc[members]
        g.vs["name"] = [self.aff.actor_ids[m] for m in members]
        g.vs["label"] = [_none(v) for v in rows["name"]]
        for attr in ("kind", "sector", "function", "city"):
            g.vs[attr] = [_none(v) for v in rows[attr]]
        g.es["shared_other"] = [other.get(p, 0) for p in pairs]
        g.es["tie"] = [p in tied for p in pairs]
        return g


def _subset(data: GraphData, coalition_ids: list[str]) -> GraphData:
    """The coalitions named, their memberships, their member actors, ties among those."""
    ids = set(coalition_ids)
    co = data.coalitions[data.coalitions["id"].isin(ids)]
    mem = data.memberships[data.memberships["coalition"].isin(ids)]
    actor_ids = set(mem["actor"])
    actors = data.actors[data.actors["id"].isin(actor_ids)]
    ties = data.ties[data.ties["source"].isin(actor_ids) & data.ties["target"].isin(actor_ids)]
    return GraphData(coalitions=co.copy(), actors=actors.copy(), memberships=mem.copy(),
                     ties=ties.copy())


def _government_members(data: GraphData, actor_ids: list[str]) -> list[bool]:
    gov = city_government_members(data)
    return [str(i) in gov for i in actor_ids]


def _brokerage_of(g: ig.Graph, actor_ids: list[str]) -> pd.DataFrame:
    """Gould–Fernandez roles of some actors of an undirected actor network, sectors as groups."""
    position = {a: i for i, a in enumerate(g.vs["name"])}
    return brokerage_roles(g, "sector", vertices=[position[a] for a in actor_ids])


def _city_actor_spans(data: GraphData) -> pd.Series:
    """Officials and politicians → number of coalitions of ``data`` they sit in (desc)."""
    city_actors = data.actors.loc[data.actors["function"].isin(GOVERNMENT_FUNCTIONS), "id"]
    mem = data.memberships[data.memberships["actor"].isin(set(city_actors))]
    spans = mem.drop_duplicates(["actor", "coalition"]).groupby("actor")["coalition"].nunique()
    names = _names(data)
    order = sorted(spans.index, key=lambda a: (-spans[a], names.get(a, a)))
    return spans.loc[order] if len(order) else spans


def _find(data: GraphData, coalition: str) -> pd.Series:
    co = data.coalitions
    hit = co[co["id"] == coalition]
    if hit.empty:
        hit = co[co["name"].astype(str).str.lower() == str(coalition).lower()]
    if hit.empty:
        raise UsageError(f"No coalition with id or name {coalition!r}.",
                         hint="`coalitions clusters --by theme` lists coalitions by name.")
    if len(hit) > 1:
        raise UsageError(f"The name {coalition!r} is not unique ({', '.join(hit['id'])}).",
                         hint="Pass the coalition id instead.")
    return hit.iloc[0]


def _position(city_data: GraphData, cid: str) -> pd.DataFrame:
    cg = coalition_network(city_data)
    aff = affiliation(city_data)
    spans = np.asarray(aff.matrix.sum(axis=1)).ravel()
    multi = aff.matrix[spans >= 2]
    shared_members = np.asarray(multi.sum(axis=0)).ravel().astype(int)
    btw = betweenness(cg) if cg.vcount() else pd.Series(dtype=float)
    df = pd.DataFrame({
        "id": cg.vs["name"],
        "name": cg.vs["label"],
        "shared_members": shared_members,
        "linked_coalitions": cg.degree(),
        "betweenness": btw.to_numpy(dtype=float),
    })
    df = df.sort_values(["shared_members", "linked_coalitions", "betweenness", "id"],
                        ascending=[False, False, False, True], ignore_index=True)
    df["rank"] = np.arange(1, len(df) + 1)
    df["this"] = df["id"] == cid
    return df


def _pivots(data: GraphData, cid: str, city_btw: pd.Series) -> dict[str, Any]:
    """Declared vs structural pivot, from :func:`~coalitions.analysis.pivots.coalition_pivots`.

    The betweenness already computed on the coalition's city network is handed over, so the
    other cities' networks are not computed for nothing (their rows are not used).
    """
    measures = pd.DataFrame({"id": city_btw.index.astype(str),
                             "betweenness": city_btw.to_numpy(dtype=float)})
    table = coalition_pivots(data, measures=measures)
    row = table[table["id"] == cid].iloc[0]
    mismatch = row["mismatch"]
    agree = None if mismatch is None or pd.isna(mismatch) else not bool(mismatch)
    return {
        "declared": list(row["declared_pivot_names"] or []),
        "structural": list(row["structural_pivot_names"] or []),
        "structural_betweenness": _none(row["structural_betweenness"]),
        "agree": agree,
        "explanation": row["structural_explanation"],
        "declared_explanation": row["declared_explanation"],
        "method": "members with the highest betweenness in the city's actor network, all "
                  "named when tied, none when it is 0 (coalitions.analysis.pivots)",
    }


def _types(data: GraphData, by: str) -> dict[str, list[str]]:
    co = data.coalitions
    out: dict[str, list[str]] = {}
    if by == "government":
        gov = involves_city_government(data)
        out[WITH_GOVERNMENT] = [c for c in co["id"] if gov[c]]
        out[WITHOUT_GOVERNMENT] = [c for c in co["id"] if not gov[c]]
    elif by == "theme":
        for cluster in dict.fromkeys(t.cluster for t in THEMES):
            out[cluster] = []
        for cid, clusters in zip(co["id"], co["theme_clusters"], strict=True):
            values = [c for c in (list(clusters) if isinstance(clusters, list | tuple |
                                                              np.ndarray) else []) if c]
            for c in dict.fromkeys(values or ["(no known theme)"]):
                out.setdefault(c, []).append(cid)
    elif by == "role":
        for r in ROLES:
            out[r.label] = []
        for cid, role in zip(co["id"], co["role"], strict=True):
            out.setdefault(_ROLE_LABEL.get(role, "(no role given)"), []).append(cid)
    else:
        for _key, label, _count in COMPOSITIONS:
            out[label] = []
        comp = composition(data)
        for cid, label in zip(comp["id"], comp["label"], strict=True):
            out.setdefault(label, []).append(cid)
    return {k: v for k, v in out.items() if v}


def _coalition_relations(data: GraphData) -> pd.DataFrame:
    """Per coalition: density, centralisation of its member network, government share.

    Two members of a coalition are related apart from it exactly when they share at least
    two coalitions or have a tie, which does not depend on the coalition: with ``R`` that
    actor–actor relation and ``A`` the affiliation matrix, the degree of member i in the
    member network of c is ``(R·A)[i, c]``. All coalitions at once, no loop.
    """
    ctx = _Context(data)
    a = ctx.aff.matrix.astype(np.int64)
    shared = (a @ a.T).tocsr()
    shared.setdiag(0)
    shared.data = (shared.data >= 2).astype(np.int64)
    related = ((shared + ctx.ties) > 0).astype(np.int64)
    deg = (related @ a).multiply(a).tocsc()  # members' degrees, per coalition column
    k = np.asarray(a.sum(axis=0)).ravel().astype(float)
    total = np.asarray(deg.sum(axis=0)).ravel().astype(float)
    top = deg.max(axis=0).toarray().ravel().astype(float)
    is_gov = np.array(_government_members(data, ctx.aff.actor_ids), dtype=float)
    gov = np.asarray(a.T @ is_gov).ravel()
    with np.errstate(divide="ignore", invalid="ignore"):
        density = np.where(k > 1, total / (k * (k - 1)), np.nan)
        # Freeman, as degree_centralisation (the member network is simple)
        central = np.where(k > 2, (k * top - total) / ((k - 1) * (k - 2)), np.nan)
        share = np.where(k > 0, gov / k, np.nan)
    return pd.DataFrame({"density": density, "centralisation": central,
                         "government_share": share},
                        index=pd.Index(ctx.aff.coalition_ids, name="id"))
