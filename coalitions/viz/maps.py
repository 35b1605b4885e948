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

from coalitions.errors import UsageError
from coalitions.graph.model import PIVOT_ROLES, SECTORS, GraphData
from coalitions.i18n import language, translate, translator
from coalitions.loaders.taxonomy import THEMES
from coalitions.viz import _data
from coalitions.viz._data import ACTOR, COALITION
from coalitions.viz.escape import json_for_script

__all__ = [
    "COLOR_BY",
    "SECTOR_COLOURS",
    "MapInfo",
    "map_document",
    "render_map",
]

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
    color_by: str = "sector",
    measures: pd.DataFrame | None = None,
    max_nodes: int = 2500,
    pseudonymise: bool | Callable[[dict], str] = False,
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
        3``); a callable receives each actor as a dict and returns the name to show.

    Returns
    -------
    MapInfo

    Raises
    ------
    UsageError
        ``size_by`` is not a measure, ``color_by`` unknown, or ``max_nodes`` < 1.
    """
    document, info = map_document(data, title=title, size_by=size_by, color_by=color_by, lang=lang,
                                  measures=measures, max_nodes=max_nodes,
                                  pseudonymise=pseudonymise)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(document, encoding="utf-8")
    return MapInfo(path=out, **info)


def map_document(
    data: GraphData,
    *,
    title: str,
    size_by: str = "betweenness",
    color_by: str = "sector",
    measures: pd.DataFrame | None = None,
    max_nodes: int = 2500,
    pseudonymise: bool | Callable[[dict], str] = False,
    lang: str | None = None,
) -> tuple[str, dict[str, Any]]:
    """The map page as a string, and its counts (``n_nodes``, ``n_edges``, ``reduced``,
    ``note``). See :func:`render_map` for the parameters."""
    if color_by not in COLOR_BY:
        raise UsageError(f"Cannot colour the map by {color_by!r}.",
                         hint="Use one of: " + ", ".join(COLOR_BY) + ".")
    if max_nodes < 1:
        raise UsageError(f"--max-nodes must be at least 1 (got {max_nodes}).")
    if measures is None:
        measures = _data.actor_measures(data)
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
    builder = _Builder(shown, measures, size_by, color_by, pseudonymise, lang=lang)
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
        vis_js=_vis_js(), map_js=_asset("map.js"), data_json=json_for_script(page),
        **builder.legend(),
    )
    info = {"n_nodes": len(page["nodes"]), "n_edges": len(page["edges"]),
            "reduced": bool(note), "note": note + (" " + hint if hint else "")}
    return document, info


# helpers


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
                 pseudonymise: bool | Callable[[dict], str], lang: str = "en") -> None:
        self.tr = translator(lang)
        self.data = data
        self.measures = measures
        self.size_by = size_by
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
        org_names = self.names
        for row in data.actors.to_dict("records"):
            aid = str(row["id"])
            v = _clean(values.get(aid))
            v = max(float(v), 0.0) if v is not None else 0.0
            size = 7 + 23 * math.sqrt(v / top)
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
            for key in ("role", "relation", "origin"):
                if _text(row.get(key)):
                    facts.append([self.tr(key), _text(row[key])])
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
        top = getattr(self, "size_top", None)
        size_text = tr("actor area ∝ {label} (largest {top}); coalition area ∝ number of "
                       "members", label=label, top=_fmt(top))
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
