"""Interactive network maps: one self-contained, offline HTML page per network.

The page draws the two-mode network — actors (organisations as dots, persons as triangles)
and the coalitions they belong to (squares) — with vis-network, the library pyvis drives.
It does not use pyvis' own template: that template loads bootstrap, tom-select and
vis-network from CDNs even with ``cdn_resources="in_line"``, renders tooltips as HTML strings,
and ``Network.add_edge`` checks every earlier edge (quadratic on a region). Instead the page
is written from ``templates/map.html.j2`` with everything inlined:

- vis-network's standalone build, read at render time from the copy the pyvis wheel ships
  (``pyvis/lib/vis-9.1.2/vis-network.min.js``, 470 kB) rather than duplicated in this package:
  pyvis is a dependency anyway, and one copy cannot drift from the other;
- ``assets/map.js`` and ``assets/map.css``: search, filters, details panel, tooltips built as
  DOM elements (vis-network renders string titles as HTML), and the legend;
- a Content-Security-Policy that allows nothing but the inline code and ``data:`` images, so
  even a mistake cannot make the page fetch anything.

Pages written together into one folder (the demo, a folder of reports) can instead share one
copy of vis-network: :func:`write_vis_js` writes ``vis-network.min.js`` once into the folder
and ``vis_src="vis-network.min.js"`` makes each page load it with a relative
``<script src>``; their policy then also allows scripts from the page's own folder (``'self'``
and ``file:``, still nothing from a network). A map written on its own keeps the library
inline: one file that can be mailed or archived and still works.

Positions are computed in Python (Fruchterman–Reingold per component, see
:func:`coalitions.viz._data.layout`) and physics is off: the map is still from the first
frame, and the same data always gives the same picture.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from coalitions.errors import StoreError, UsageError
from coalitions.fileio import write_text
from coalitions.graph.model import PIVOT_ROLES, SECTORS, GraphData
from coalitions.i18n import language, translate, translator
from coalitions.loaders.taxonomy import THEMES
from coalitions.viz import _data
from coalitions.viz._data import ACTOR, COALITION
from coalitions.viz.escape import json_for_script

__all__ = [
    "COLOR_BY",
    "SECTOR_COLOURS",
    "VIS_JS_NAME",
    "MapInfo",
    "context_measures",
    "map_document",
    "render_map",
    "write_vis_js",
]

# The shared copy's file name in a folder of pages (see write_vis_js).
VIS_JS_NAME = "vis-network.min.js"

COLOR_BY = ("sector", "community", "theme")

# Okabe & Ito's colour-blind safe palette, one colour per sector.
SECTOR_COLOURS = {
    "city_government": "#D55E00",
    "other_government": "#E69F00",
    "nonprofit": "#0072B2",
    "private": "#009E73",
    "citizens": "#CC79A7",
    "knowledge": "#56B4E9",
}
SECTOR_LABELS = {
    "city_government": "city government",
    "other_government": "other government",
    "nonprofit": "nonprofit",
    "private": "private",
    "citizens": "citizens",
    "knowledge": "knowledge institution",
}
UNKNOWN_COLOUR = "#9AA4AE"
THEME_CLUSTERS = tuple(dict.fromkeys(t.cluster for t in THEMES))
THEME_COLOURS = dict(zip(THEME_CLUSTERS, ("#4E79A7", "#59A14F", "#F28E2B", "#B07AA1", "#76B7B2"),
                         strict=True))
OTHER_THEME = "other or unknown theme"
# Categorical palette for communities (Tableau 10 without grey); the rest share grey.
COMMUNITY_COLOURS = ("#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948",
                     "#B07AA1", "#FF9DA7", "#9C755F", "#2F4B7C", "#A05195", "#665191")
MEASURE_LABELS = {
    "degree": "degree", "strength": "strength", "betweenness": "betweenness",
    "closeness": "closeness", "eigenvector": "eigenvector", "pagerank": "PageRank",
    "coreness": "coreness", "coalitions": "coalitions",
}


@dataclass(frozen=True)
class MapInfo:
    """What :func:`render_map` drew: the file, node and edge counts, and whether (and why)
    only part of the network is shown."""

    path: Path
    n_nodes: int
    n_edges: int
    reduced: bool
    note: str


def render_map(
    data: GraphData,
    out: Path,
    *,
    title: str,
    size_by: str = "betweenness",
    exact_seconds: float | None = None,
    budget_seconds: float | None = None,
    color_by: str = "sector",
    measures: pd.DataFrame | None = None,
    max_nodes: int = 2500,
    pseudonymise: bool | Callable[[dict], str] = False,
    salt: Any = None,
    vis_src: str | None = None,
    size_context: str | None = None,
    lang: str | None = None,
) -> MapInfo:
    """Write an interactive, offline map of the actor × coalition network to ``out``.

    Parameters
    ----------
    data
        The (scoped) graph to draw.
    out
        The HTML file to write; its folder is created if needed.
    title
        Page heading (escaped like every other text).
    size_by
        Actor measure that sets node size: a column of ``measures`` (betweenness, degree,
        closeness, eigenvector, pagerank, coreness, …). Sizes grow with the square root of the
        value, so node *area* is proportional to it.
    exact_seconds, budget_seconds
        When ``measures`` is computed here: betweenness and closeness exact when predicted
        to take under ``exact_seconds``, else estimated within about ``budget_seconds``
        (:func:`~coalitions.analysis.centrality.actor_measures`; None: its 60 s each).
    color_by
        ``sector`` (default), ``community`` (Leiden, seeded) or ``theme`` (the theme cluster
        of most of an actor's coalitions). Coalitions are always coloured by theme cluster.
    measures
        Actor measures with an ``id`` column; computed from ``data`` when omitted. Pass the
        measures of the whole region to size a city map on the region's scale.
    max_nodes
        Above this many nodes the map shows a reduced view — the actors ranked highest by
        ``size_by`` with their coalitions — and says on the page what was left out.
    pseudonymise
        ``True`` replaces the names of persons by their function and a number (``official
        3``), or by their stable pseudonym (:func:`coalitions.pseudonyms.pseudonym`) when
        ``salt`` is given; a callable receives each actor as a dict and returns the name to
        show. Person *ids* are replaced too (they usually spell the name): by
        :func:`coalitions.pseudonyms.pseudonym_id` with ``salt``, else by ``person-N``
        (numbered in id order), in nodes, edges and ``measures`` alike.
    salt
        The pseudonym salt or a store (see :func:`coalitions.pseudonyms.pseudonymiser`):
        with ``pseudonymise=True``, the names and ids are the ones every other
        pseudonymised output of that store uses.
    vis_src
        None (default): vis-network is inlined and the page is one self-contained file.
        A relative URL such as ``"vis-network.min.js"``: the page loads the library from
        there instead; write it with :func:`write_vis_js` into the same folder.
    size_context
        Where ``measures`` were computed when not on ``data`` itself, for the size legend:
        ``"in the network of Gent"`` makes it read "actor area ∝ betweenness in the network
        of Gent". See :func:`context_measures`. When every actor shown has the same value
        of ``size_by`` (betweenness inside a single coalition is 0 for all), all actors are
        drawn the same size and the legend says so instead of quoting a largest value.

    Returns
    -------
    MapInfo

    Raises
    ------
    UsageError
        ``size_by`` is not a measure, ``color_by`` unknown, or ``max_nodes`` < 1.
    """
    document, info = map_document(data, title=title, size_by=size_by, color_by=color_by,
                                  exact_seconds=exact_seconds, budget_seconds=budget_seconds,
                                  lang=lang,
                                  measures=measures, max_nodes=max_nodes,
                                  pseudonymise=pseudonymise, salt=salt, vis_src=vis_src,
                                  size_context=size_context)
    out = write_text(out, document)
    return MapInfo(path=out, **info)


def map_document(
    data: GraphData,
    *,
    title: str,
    size_by: str = "betweenness",
    exact_seconds: float | None = None,
    budget_seconds: float | None = None,
    color_by: str = "sector",
    measures: pd.DataFrame | None = None,
    max_nodes: int = 2500,
    pseudonymise: bool | Callable[[dict], str] = False,
    salt: Any = None,
    vis_src: str | None = None,
    size_context: str | None = None,
    lang: str | None = None,
) -> tuple[str, dict[str, Any]]:
    """The map page as a string, and its counts (``n_nodes``, ``n_edges``, ``reduced``,
    ``note``). See :func:`render_map` for the parameters."""
    if color_by not in COLOR_BY:
        raise UsageError(f"Cannot colour the map by {color_by!r}.",
                         hint="Use one of: " + ", ".join(COLOR_BY) + ".")
    if max_nodes < 1:
        raise UsageError(f"--max-nodes must be at least 1 (got {max_nodes}).")
    if pseudonymise:
        data, measures = _hide_persons(data, measures, pseudonymise, salt)
    if measures is None:
        measures = _data.actor_measures(data, exact_seconds=exact_seconds,
                                        budget_seconds=budget_seconds)
    measure_cols = [c for c in measures.columns if c != "id"
                    and pd.api.types.is_numeric_dtype(measures[c])]
    if size_by not in measure_cols:
        raise UsageError(f"Cannot size the map by {size_by!r}: no such actor measure.",
                         hint="Use one of: " + ", ".join(measure_cols) + ".")
    measures = measures.assign(id=measures["id"].astype(str)).drop_duplicates("id")
    measures = measures.set_index("id")[measure_cols]

    full_actors, full_coalitions = len(data.actors), len(data.coalitions)
    lang = language() if lang is None else lang
    tr = translator(lang)
    shown, note, hint = _reduce(data, measures, size_by, max_nodes)
    note = translate(note, lang)
    builder = _Builder(shown, measures, size_by, color_by,
                       size_context=translate(size_context, lang) if size_context else None,
                       lang=lang)
    page = builder.page()
    counts = tr("{actors} actors · {coalitions} coalitions · {links} links",
                actors=len(shown.actors), coalitions=len(shown.coalitions),
                links=len(page["edges"]))
    if note:
        counts += tr(" (of {actors} actors and {coalitions} coalitions)", actors=full_actors,
                     coalitions=full_coalitions)
    document = _template("map.html.j2").render(
        _=tr, lang=lang,
        title=title, counts=counts, note=note, hint=hint, css=_asset("map.css"),
        vis_js=None if vis_src else _vis_js(), vis_src=vis_src, map_js=_asset("map.js"),
        data_json=json_for_script(page),
        **builder.legend(),
    )
    info = {"n_nodes": len(page["nodes"]), "n_edges": len(page["edges"]),
            "reduced": bool(note), "note": note + (" " + hint if hint else "")}
    return document, info


# helpers


def _hide_persons(data: GraphData, measures: pd.DataFrame | None,
                  pseudonymise: bool | Callable[[dict], str],
                  salt: Any) -> tuple[GraphData, pd.DataFrame | None]:
    """``data`` and ``measures`` with every person's name and id replaced (see
    :func:`render_map`), so that neither the labels nor the node and edge ids of the page
    carry a name: person ids such as ``per-annelies-decoster`` spell it."""
    from coalitions.pseudonyms import pseudonym, pseudonym_id, resolve_salt

    key = resolve_salt(salt) if salt is not None else None
    actors = data.actors.copy()
    is_person = actors["kind"] == "person"
    ids = actors["id"].astype(str)
    id_map: dict[str, str] = {}
    counters: dict[str, int] = {}
    names = []
    others = set(ids[~is_person])
    number = 0
    # In id order, so that "official 3" and "person-3" do not depend on the input's order.
    for row in actors.assign(_id=ids).sort_values("_id").to_dict("records"):
        aid = row.pop("_id")
        if callable(pseudonymise):
            names.append((aid, str(pseudonymise(row))))
        if row.get("kind") != "person":
            continue
        if key is not None:
            id_map[aid] = pseudonym_id(aid, key)
        else:
            number += 1
            while f"person-{number}" in others:  # an organisation may be called so
                number += 1
            id_map[aid] = f"person-{number}"
        if callable(pseudonymise):
            continue
        if key is not None:
            names.append((aid, pseudonym(aid, key)))
        else:
            what = _text(row.get("function")) or "person"
            counters[what] = counters.get(what, 0) + 1
            names.append((aid, f"{what} {counters[what]}"))
    if len(set(id_map.values())) < len(id_map) or others & set(id_map.values()):
        raise StoreError("Two actors would get the same pseudonymous id.",
                         hint="Report this; it should practically never happen.")
    name_map = dict(names)
    actors["name"] = [name_map.get(i, n) for i, n in zip(ids, actors["name"], strict=True)]
    actors.loc[is_person, "id"] = ids[is_person].map(id_map)

    def swap(column: pd.Series) -> pd.Series:
        return column.map(lambda v: id_map.get(v, v) if isinstance(v, str) else v)

    hidden = GraphData(
        coalitions=data.coalitions.copy(), actors=actors,
        memberships=data.memberships.assign(actor=swap(data.memberships["actor"])),
        ties=data.ties.assign(source=swap(data.ties["source"]), target=swap(data.ties["target"])))
    if measures is not None and "id" in measures.columns:
        measures = measures.assign(id=swap(measures["id"].astype(str)))
        # A name column beside the measures would bring the real names back.
        measures = measures.drop(columns=[c for c in ("name", "label")
                                          if c in measures.columns])
    return hidden, measures


def _reduce(data: GraphData, measures: pd.DataFrame, size_by: str,
            max_nodes: int) -> tuple[GraphData, str, str]:
    """The actors ranked highest by ``size_by``, with their coalitions, within ``max_nodes``.

    Actors are taken in rank order while they and the coalitions they bring along fit;
    ties are broken by number of coalitions, then id, so the view is reproducible.
    """
    n_total = len(data.actors) + len(data.coalitions)
    if n_total <= max_nodes:
        return data, "", ""
    actors = data.actors.assign(_id=data.actors["id"].astype(str))
    actors["_score"] = actors["_id"].map(measures[size_by]).fillna(-math.inf).to_numpy()
    m = data.memberships.assign(actor=data.memberships["actor"].astype(str),
                                coalition=data.memberships["coalition"].astype(str))
    by_actor = _lists_by(m["actor"], m["coalition"])
    actors["_n"] = [len(by_actor.get(a, ())) for a in actors["_id"]]
    ranked = actors.sort_values(["_score", "_n", "_id"], ascending=[False, False, True])
    keep_a: list[str] = []
    keep_c: set[str] = set()
    for a in ranked["_id"]:
        new = set(by_actor.get(a, ())) - keep_c
        if len(keep_a) + len(keep_c) + 1 + len(new) > max_nodes:
            continue  # a smaller actor further down may still fit
        keep_a.append(a)
        keep_c |= new
        if len(keep_a) + len(keep_c) >= max_nodes:
            break
    kept_actor_set = set(keep_a)
    co = data.coalitions[data.coalitions["id"].astype(str).isin(keep_c)]
    shown = GraphData(
        coalitions=co,
        actors=data.actors[data.actors["id"].astype(str).isin(kept_actor_set)],
        memberships=data.memberships[m["actor"].isin(kept_actor_set)
                                     & m["coalition"].isin(keep_c)],
        ties=data.ties[data.ties["source"].astype(str).isin(kept_actor_set)
                       & data.ties["target"].astype(str).isin(kept_actor_set)],
    )
    left_a = len(data.actors) - len(keep_a)
    left_c = len(data.coalitions) - len(keep_c)
    label = MEASURE_LABELS.get(size_by, size_by)
    note = (f"Reduced view: the network has {n_total} nodes, more than the limit of "
            f"{max_nodes}. Shown are the {len(keep_a)} actors with the highest {label} and the "
            f"{len(keep_c)} coalitions they belong to; left out are {left_a} actors and "
            f"{left_c} coalitions, and the links to them. To see them, draw one city or "
            f"coalition, or raise the limit:")
    cities = data.cities
    example = cities[0] if cities else "NAME"
    hint = (f"coalitions map --city {_shell_word(example)}   ·   coalitions map --coalition ID"
            f"   ·   coalitions map --region --max-nodes {n_total}")
    return shown, note, hint


def _lists_by(keys: pd.Series, values: pd.Series) -> dict[Any, list]:
    """``values.groupby(keys).apply(list).to_dict()``: each key's values in row order, rows
    without a key left out. One stable sort instead of a Python call per group, which took
    2.3 s for the 20,000 actors of the region benchmark."""
    codes, uniques = pd.factorize(keys.to_numpy(dtype=object))
    order = np.argsort(codes, kind="stable")
    order = order[codes[order] >= 0]
    vals = values.to_numpy(dtype=object)[order]
    ends = np.cumsum(np.bincount(codes[order], minlength=len(uniques)))
    return {k: vals[end - n:end].tolist()
            for k, end, n in zip(uniques, ends, np.diff(ends, prepend=0), strict=True)}


def _shell_word(text: str) -> str:
    return text if text.replace("-", "").isalnum() else "'" + text.replace("'", "'\\''") + "'"


def _short(name: str, limit: int = 32) -> str:
    """A label that fits on the canvas; the tooltip and details show the whole name."""
    return name if len(name) <= limit else name[:limit - 1].rstrip() + "…"


def _fmt(value: Any) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    if isinstance(value, int | bool) or (isinstance(value, float) and value.is_integer()
                                         and abs(value) >= 1):
        return str(int(value))
    return f"{value:.3g}"


def _clean(value: Any) -> Any:
    """Plain Python value, missing values as None (JSON has no NaN)."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def _text(value: Any) -> str | None:
    value = _clean(value)
    return None if value is None else str(value)


class _Builder:
    """Turns the tables into vis-network nodes and edges, tooltips and the legend."""

    def __init__(self, data: GraphData, measures: pd.DataFrame, size_by: str, color_by: str,
                 pseudonymise: bool | Callable[[dict], str] = False,
                 size_context: str | None = None, lang: str = "en") -> None:
        """``pseudonymise`` renames persons here, keeping their ids: for drawings that show
        no id (a static figure). :func:`map_document`, whose page holds ids, replaces names
        and ids before (:func:`_hide_persons`) and passes nothing. ``lang``: the language of
        the tooltips and the legend."""
        self.tr = translator(lang)
        self.data = data
        self.measures = measures
        self.size_by = size_by
        self.size_context = size_context
        self.color_by = color_by
        self.names = self._actor_names(pseudonymise)
        self.coalition_names = {str(c): _text(n) or str(c) for c, n in
                                zip(data.coalitions["id"], data.coalitions["name"], strict=True)}
        m = data.memberships.assign(actor=data.memberships["actor"].astype(str),
                                    coalition=data.memberships["coalition"].astype(str))
        m = m[m["actor"].isin(self.names) & m["coalition"].isin(self.coalition_names)]
        self.memberships = m
        self.clusters = {str(c): self._cluster(cl) for c, cl in
                         zip(data.coalitions["id"], data.coalitions["theme_clusters"],
                             strict=True)}
        self.actor_colour, self.colours = self._actor_colours()
        self.nodes: list[dict] = []
        self.edges: list[dict] = []

    # names -------------------------------------------------------------------------------

    def _actor_names(self, pseudonymise: bool | Callable[[dict], str]) -> dict[str, str]:
        names: dict[str, str] = {}
        counters: dict[str, int] = {}
        for row in self.data.actors.sort_values("id", key=lambda s: s.astype(str)).to_dict(
                "records"):
            aid = str(row["id"])
            name = _text(row["name"]) or aid
            if callable(pseudonymise):
                name = str(pseudonymise(row))
            elif pseudonymise and row.get("kind") == "person":
                what = _text(row.get("function")) or "person"
                counters[what] = counters.get(what, 0) + 1
                name = f"{what} {counters[what]}"
            names[aid] = name
        return names

    @staticmethod
    def _cluster(clusters: Any) -> str:
        for c in clusters if isinstance(clusters, list | tuple) else []:
            if c in THEME_COLOURS:
                return c
        return OTHER_THEME

    # colours -----------------------------------------------------------------------------

    def _actor_colours(self) -> tuple[dict[str, str], list[dict]]:
        actors = self.data.actors
        ids = actors["id"].astype(str)
        if self.color_by == "sector":
            sector = actors["sector"].map(_text)
            colour = {a: SECTOR_COLOURS.get(s, UNKNOWN_COLOUR) for a, s in zip(ids, sector,
                                                                              strict=True)}
            counts = sector.value_counts(dropna=False)
            legend = [{"label": self.tr(SECTOR_LABELS[s]), "colour": SECTOR_COLOURS[s],
                       "count": int(counts.get(s, 0))} for s in SECTORS if counts.get(s, 0)]
            unknown = int(sum(v for k, v in counts.items() if k not in SECTOR_COLOURS))
            if unknown:
                legend.append({"label": self.tr("sector not given"), "colour": UNKNOWN_COLOUR,
                               "count": unknown})
            return colour, legend
        if self.color_by == "theme":
            by_actor = _lists_by(self.memberships["actor"], self.memberships["coalition"])
            colour, tally = {}, {}
            for a in ids:
                clusters = [self.clusters[c] for c in by_actor.get(a, [])]
                top = max(sorted(set(clusters)), key=clusters.count) if clusters else OTHER_THEME
                colour[a] = THEME_COLOURS.get(top, UNKNOWN_COLOUR)
                tally[top] = tally.get(top, 0) + 1
            legend = [{"label": self.tr(c), "colour": THEME_COLOURS.get(c, UNKNOWN_COLOUR),
                       "count": tally[c]} for c in (*THEME_CLUSTERS, OTHER_THEME) if c in tally]
            return colour, legend
        membership = _data.communities(self.data)
        community = dict(zip(membership["id"].astype(str), membership["community"],
                             strict=True))
        sizes = pd.Series([community.get(a) for a in ids]).value_counts()
        rank = {c: i for i, c in enumerate(sizes.index)}
        colour, legend = {}, []
        for a in ids:
            r = rank.get(community.get(a))
            colour[a] = COMMUNITY_COLOURS[r] if r is not None and r < len(
                COMMUNITY_COLOURS) else UNKNOWN_COLOUR
        for c, n in sizes.items():
            if rank[c] < len(COMMUNITY_COLOURS):
                legend.append({"label": self.tr("community {n}", n=rank[c] + 1),
                               "colour": COMMUNITY_COLOURS[rank[c]], "count": int(n)})
        rest = int(sizes.iloc[len(COMMUNITY_COLOURS):].sum())
        if rest:
            legend.append({"label": self.tr("{n} smaller communities",
                                            n=len(sizes) - len(COMMUNITY_COLOURS)),
                           "colour": UNKNOWN_COLOUR, "count": rest})
        return colour, legend

    # page --------------------------------------------------------------------------------

    def page(self) -> dict[str, Any]:
        data = self.data
        graph = _data.two_mode(data)
        pos = dict(zip(graph.vs["name"], _data.layout(graph).tolist(), strict=True))
        m = self.memberships
        pivots = m[m["role"].isin(PIVOT_ROLES)]
        pivot_of = _lists_by(pivots["actor"], pivots["coalition"])
        pivots_in = _lists_by(pivots["coalition"], pivots["actor"])
        coalitions_of = _lists_by(m["actor"], m["coalition"])
        members_of = _lists_by(m["coalition"], m["actor"])

        values = self.measures[self.size_by].reindex(list(self.names)).astype(float)
        top = values.max(skipna=True)
        top = top if math.isfinite(top) and top > 0 else 1.0
        self.size_top = float(values.max(skipna=True)) if values.notna().any() else None
        finite = values[np.isfinite(values)]
        # One value for everyone (betweenness inside one coalition, where every member is
        # linked to every other, is 0 for all): sizes would carry no information, so every
        # actor gets the same middle size and the legend says why.
        self.size_equal = None if finite.nunique() > 1 else (
            float(finite.iloc[0]) if len(finite) else math.nan)
        org_names = self.names
        for row in data.actors.to_dict("records"):
            aid = str(row["id"])
            v = _clean(values.get(aid))
            v = max(float(v), 0.0) if v is not None else 0.0
            size = 7 + 23 * math.sqrt(v / top) if self.size_equal is None else 12.0
            kind = "person" if row["kind"] == "person" else "organisation"
            sector = _text(row["sector"]) or ""
            is_pivot = aid in pivot_of
            memberships = [self.coalition_names[c] for c in coalitions_of.get(aid, [])]
            facts = []
            if _text(row.get("function")):
                facts.append([self.tr("function"), _text(row["function"])])
            org = _text(row.get("organisation"))
            if org:
                facts.append([self.tr("organisation"), org_names.get(org, org)])
            if _text(row.get("city")):
                facts.append([self.tr("city"), _text(row["city"])])
            if is_pivot:
                facts.append([self.tr("declared pivot of"),
                              ", ".join(self.coalition_names[c] for c in pivot_of[aid])])
            measures = []
            if aid in self.measures.index:
                measures = [[self.tr(MEASURE_LABELS.get(k, k)), _fmt(_clean(val))]
                            for k, val in self.measures.loc[aid].items()]
            x, y = pos[ACTOR + aid]
            node = {
                "id": ACTOR + aid, "label": _short(self.names[aid]), "shape":
                    "triangle" if kind == "person" else "dot",
                "size": round(size, 1), "x": round(x, 1), "y": round(y, 1),
                "color": self._colour(self.actor_colour[aid], is_pivot),
                "borderWidth": 4 if is_pivot else 1,
                "font": {"size": 14 if size > 16 or is_pivot else 11},
                "kind": kind, "sector": sector,
                "info": {"name": self.names[aid],
                         "line": " · ".join(p for p in (self.tr(kind), self.tr(SECTOR_LABELS.get(
                             sector, sector or "sector not given"))) if p),
                         "facts": facts, "list_title": self.tr(
                             "Member of {n} coalition:" if len(memberships) == 1 else
                             "Member of {n} coalitions:", n=len(memberships)),
                         "list": memberships, "measures": measures},
            }
            self.nodes.append(node)
        n_members = {c: len(v) for c, v in members_of.items()}
        biggest = max(n_members.values(), default=1)
        for row in data.coalitions.to_dict("records"):
            cid = str(row["id"])
            cluster = self.clusters[cid]
            size = 12 + 14 * math.sqrt(n_members.get(cid, 0) / biggest)
            facts = [[self.tr("city"), _text(row["city"]) or "–"]]
            themes = [str(t) for t in (row["themes"] if isinstance(row["themes"], list) else [])]
            if themes:
                facts.append([self.tr("themes"), ", ".join(themes)])
            if _text(row.get("founded_year")):
                facts.append([self.tr("founded"), _text(row["founded_year"])])
            if _text(row.get("end_year")):
                facts.append([self.tr("ended"), _text(row["end_year"])])
            if _text(row.get("status")):
                into = _text(row.get("merged_into"))
                facts.append([self.tr("status"), self.tr(_text(row["status"]))
                              + (self.tr(" into {name}", name=into) if into else "")])
            roles = [str(r) for r in (row.get("roles") if isinstance(row.get("roles"), list)
                                      else [])]
            if len(roles) > 1:  # the primary role first
                facts.append([self.tr("roles"), ", ".join(roles)])
            elif _text(row.get("role")):
                facts.append([self.tr("role"), _text(row["role"])])
            if _text(row.get("relation")):
                year = _text(row.get("relation_year"))
                facts.append([self.tr("relation"), _text(row["relation"])
                              + (f" ({year})" if year else "")])
            if _text(row.get("origin")):
                facts.append([self.tr("origin"), _text(row["origin"])])
            declared = [self.names[a] for a in pivots_in.get(cid, [])]
            facts.append([self.tr("declared pivot"),
                          ", ".join(declared) if declared else self.tr("none declared")])
            members = sorted((self.names[a] for a in members_of.get(cid, [])), key=str.lower)
            x, y = pos[COALITION + cid]
            self.nodes.append({
                "id": COALITION + cid, "label": _short(self.coalition_names[cid]),
                "shape": "square",
                "size": round(size, 1), "x": round(x, 1), "y": round(y, 1),
                "color": self._colour(THEME_COLOURS.get(cluster, UNKNOWN_COLOUR), False),
                "borderWidth": 1, "font": {"size": 16, "face": "system-ui, sans-serif",
                                           "bold": {"size": 16}},
                "kind": "coalition", "sector": "",
                "info": {"name": self.coalition_names[cid], "line": f"{self.tr('coalition')} · {cluster}",
                         "facts": facts, "list_title": self.tr(
                             "{n} member:" if len(members) == 1 else "{n} members:",
                             n=len(members)), "list": members,
                         "measures": []},
            })
        for row in m.to_dict("records"):
            strong = row["role"] in PIVOT_ROLES
            self.edges.append({
                "from": ACTOR + row["actor"], "to": COALITION + row["coalition"],
                "width": 3 if strong else 1,
                "color": {"color": "#333333" if strong else "#9aa4ae",
                          "opacity": 0.9 if strong else 0.45},
            })
        ties = data.ties.assign(source=data.ties["source"].astype(str),
                                target=data.ties["target"].astype(str))
        ties = ties[ties["source"].isin(self.names) & ties["target"].isin(self.names)]
        self.has_ties = len(ties) > 0
        for row in ties.to_dict("records"):
            self.edges.append({"from": ACTOR + row["source"], "to": ACTOR + row["target"],
                               "dashes": True, "width": 1.5,
                               "color": {"color": "#6f42c1", "opacity": 0.6}})
        tr = self.tr
        # The texts map.js writes itself, in the page's language.
        text = {"click": tr("Click a node to see its details."),
                "nomatch": tr("No node matches."),
                "shown": tr("{shown} of {total} nodes shown"), "more": tr("+ {n} more")}
        return {"nodes": self.nodes, "edges": self.edges, "options": self._options(),
                "text": text}

    @staticmethod
    def _colour(fill: str, pivot: bool) -> dict[str, Any]:
        border = "#111111" if pivot else "#ffffff"
        return {"background": fill, "border": border,
                "highlight": {"background": fill, "border": "#000000"},
                "hover": {"background": fill, "border": "#000000"}}

    def _options(self) -> dict[str, Any]:
        large = len(self.nodes) > 800
        return {
            "autoResize": True,
            "physics": {"enabled": False},
            "layout": {"improvedLayout": False, "randomSeed": 1},
            "nodes": {"font": {"color": "#1f2328", "strokeWidth": 3, "strokeColor": "#ffffff"},
                      # Labels smaller than this on screen are not drawn: the overview shows
                      # coalition names, zooming in reveals the actors'.
                      "scaling": {"label": {"drawThreshold": 9}}},
            "edges": {"smooth": False, "selectionWidth": 2, "hoverWidth": 0},
            "interaction": {"hover": not large, "tooltipDelay": 120, "hideEdgesOnDrag": large,
                            "hideEdgesOnZoom": large, "navigationButtons": False,
                            "keyboard": False, "multiselect": False},
        }

    def legend(self) -> dict[str, Any]:
        actors = self.data.actors
        tr = self.tr
        kinds = [{"value": "organisation", "label": tr("organisations"),
                  "count": int((actors["kind"] != "person").sum())},
                 {"value": "person", "label": tr("persons"),
                  "count": int((actors["kind"] == "person").sum())},
                 {"value": "coalition", "label": tr("coalitions"),
                  "count": len(self.data.coalitions)}]
        sector = actors["sector"].map(_text)
        counts = sector.value_counts()
        sectors = [{"value": s, "label": tr(SECTOR_LABELS[s]), "colour": SECTOR_COLOURS[s],
                    "count": int(counts[s])} for s in SECTORS if s in counts]
        other = [s for s in counts.index if s not in SECTOR_COLOURS]
        sectors += [{"value": s, "label": s, "colour": UNKNOWN_COLOUR, "count": int(counts[s])}
                    for s in other]
        if sector.isna().any():
            sectors.append({"value": "", "label": tr("sector not given"), "colour": UNKNOWN_COLOUR,
                            "count": int(sector.isna().sum())})
        tally = pd.Series(list(self.clusters.values()), dtype=object).value_counts()
        coalition_colours = [{"label": tr(c), "colour": THEME_COLOURS.get(c, UNKNOWN_COLOUR),
                              "count": int(tally[c])}
                             for c in (*THEME_CLUSTERS, OTHER_THEME) if c in tally]
        label = tr(MEASURE_LABELS.get(self.size_by, self.size_by))
        if self.size_context:
            label += f" {self.size_context}"
        top = getattr(self, "size_top", None)
        equal = getattr(self, "size_equal", None)
        if equal is None:
            actor_text = tr("actor area ∝ {label} (largest {top})", label=label, top=_fmt(top))
        elif math.isnan(equal):
            actor_text = tr("actors all the same size: {label} is not known for any of them",
                            label=label)
        else:
            actor_text = tr("actors all the same size: {label} is {value} for every actor "
                            "shown", label=label, value=_fmt(equal))
        size_text = actor_text + tr("; coalition area ∝ number of members")
        titles = {"sector": tr("Actor colour: sector"),
                  "community": tr("Actor colour: community"),
                  "theme": tr("Actor colour: main theme cluster of its coalitions")}
        return {"kinds": kinds, "sectors": sectors, "colours": self.colours,
                "colour_title": titles[self.color_by], "coalition_colours": coalition_colours,
                "size_text": size_text, "has_ties": getattr(self, "has_ties", False)}


@cache
def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
    )


def _template(name: str):
    return _environment().get_template(name)


@cache
def _asset(name: str) -> str:
    return (Path(__file__).parent / "assets" / name).read_text(encoding="utf-8")


def context_measures(wide: GraphData, part: GraphData) -> tuple[pd.DataFrame, str]:
    """Actor measures of ``part``'s actors computed on the network of its cities in
    ``wide``, and the words saying so for the size legend (``"in the network of Gent"``).

    A map of one coalition is the case this is for: inside one coalition every member is
    linked to every other, so betweenness is 0 for everyone and closeness 1. What a reader
    of such a map wants sized is each member's position in the city the coalition works in:
    who links it to the city's other coalitions. ``wide`` should carry the same filters as
    ``part`` apart from the coalition (theme, sector, years).

    Returns
    -------
    measures : pandas.DataFrame
        :func:`coalitions.analysis.centrality.actor_measures` of the cities' network,
        restricted to ``part``'s actors.
    context : str
    """
    from coalitions.graph.scope import Scope

    cities = sorted({str(c) for c in part.coalitions["city"].dropna()}, key=str.lower)
    if len(cities) == 1:
        city_part = Scope(city=cities[0]).apply(wide)
        context = f"in the network of {cities[0]}"  # (Dutch: translated where shown)
    else:  # several or no cities: the whole of ``wide``
        city_part, context = wide, "in the whole network"
    measures = _data.actor_measures(city_part)
    ids = set(part.actors["id"].astype(str))
    return measures[measures["id"].astype(str).isin(ids)].reset_index(drop=True), context


def write_vis_js(folder: Path) -> Path:
    """Write vis-network's standalone build as ``folder/vis-network.min.js`` (atomically,
    and only when the file there differs) for pages made with ``vis_src``; return its path.

    The script is the same file :func:`map_document` would otherwise inline, so a folder of
    pages holds one copy of it (about 470 kB) rather than one per page.
    """
    target = Path(folder) / VIS_JS_NAME
    text = _vis_js()
    try:
        if target.read_text(encoding="utf-8") == text:
            return target
    except (OSError, UnicodeDecodeError):
        pass
    return write_text(target, text)


@cache
def _vis_js() -> str:
    """vis-network's standalone build, from the pyvis installation."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib"
    candidates = sorted(lib.glob("vis-*/vis-network.min.js"),
                        key=lambda p: tuple(int(x) for x in p.parent.name[4:].split(".")
                                            if x.isdigit()))
    if not candidates:
        from coalitions.errors import CoalitionsError

        raise CoalitionsError(f"vis-network is missing from the pyvis installation ({lib}).",
                              hint="Reinstall pyvis: pip install --force-reinstall pyvis")
    text = candidates[-1].read_text(encoding="utf-8")
    # The script is inlined verbatim; it must not be able to end its own <script> element.
    if "</script" in text.lower() or "<!--" in text:
        text = text.replace("</script", "<\\/script").replace("<!--", "<\\!--")
    return text
