"""Static network figures for papers: SVG, PNG (300 dpi) or PDF, drawn with matplotlib.

The figure shows what the interactive map shows — the same vertices (the reduced view above
``max_nodes``), the same layout (:func:`coalitions.viz._data.layout`, seeded), the same
colour-blind-safe colours and the same names or pseudonyms (both from the map's own builder)
— so a paper's figure and the HTML map a reader opens agree.

Labels: only the ``label_top`` actors highest on ``size_by`` and (when there are at most
``label_coalitions``) the coalitions are labelled. Each label is tried at eight positions
around its vertex, most important first; a label that would overlap one already placed, or
leave the drawing, is left out rather than drawn over another (the figure's ``labels`` lists
the boxes drawn and ``unlabelled`` those left out). matplotlib has no label placement of its
own and the placement libraries on PyPI (adjustText) move labels until they stop overlapping
without a guarantee; the greedy candidate search here guarantees it, which the tests check.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from coalitions.errors import UsageError
from coalitions.fileio import atomic_path
from coalitions.graph.model import GraphData
from coalitions.viz import _data

__all__ = ["FIGURE_FORMATS", "NetworkFigure", "city_profiles_figure", "ego_network_figure",
           "network_figure", "write_network_figure"]

# File suffix -> matplotlib format.
FIGURE_FORMATS = {".svg": "svg", ".png": "png", ".pdf": "pdf"}
DPI = 300
_OFFSETS = [(1, 1), (1, -1), (-1, 1), (-1, -1), (1, 0), (-1, 0), (0, 1), (0, -1)]
_DISTANCES = (1, 6, 12)  # points between a marker's edge and its label: near first


@dataclass
class NetworkFigure:
    """A drawn network: the matplotlib figure, the label boxes placed (display pixels,
    ``(x0, y0, x1, y1)``, with their text), the labels left out, and what was shown."""

    figure: Any
    labels: list[tuple[str, tuple[float, float, float, float]]] = field(default_factory=list)
    unlabelled: list[str] = field(default_factory=list)
    n_nodes: int = 0
    n_edges: int = 0
    note: str = ""


def network_figure(data: GraphData, *, title: str, size_by: str = "betweenness",
                   exact_seconds: float | None = None, budget_seconds: float | None = None,
                   measures: pd.DataFrame | None = None, label_top: int = 12,
                   label_coalitions: int = 25, max_nodes: int = 2500,
                   pseudonymise: bool | Callable[[dict], str] = False,
                   width: float = 7.0, height: float = 6.0,
                   label_first: tuple[str, ...] = (),
                   lang: str | None = None) -> NetworkFigure:
    """Draw the two-mode network of ``data`` (actors, coalitions, memberships and ties).

    Actors are circles (organisations) and triangles (persons) coloured by sector, their
    area proportional to ``size_by``; coalitions are squares coloured by theme cluster;
    memberships grey, explicit ties dark. ``width`` and ``height`` are inches (7 in is a
    journal's full text width). ``exact_seconds`` and ``budget_seconds``: as in
    :func:`~coalitions.viz.maps.render_map`, when ``measures`` is computed here. ``lang``:
    the language of the legend (default :func:`coalitions.i18n.language`).
    """
    from coalitions.i18n import language
    from coalitions.viz.maps import (
        OTHER_THEME,
        THEME_COLOURS,
        UNKNOWN_COLOUR,
        _Builder,
        _reduce,
    )

    if measures is None:
        measures = _data.actor_measures(data, exact_seconds=exact_seconds,
                                        budget_seconds=budget_seconds)
    cols = [c for c in measures.columns if c != "id" and pd.api.types.is_numeric_dtype(
        measures[c])]
    if size_by not in cols:
        raise UsageError(f"Cannot size the figure by {size_by!r}: no such actor measure.",
                         hint="Use one of: " + ", ".join(cols) + ".")
    measures = measures.assign(id=measures["id"].astype(str)).drop_duplicates("id")
    measures = measures.set_index("id")[cols]
    shown, note, _hint = _reduce(data, measures, size_by, max_nodes)
    lang = language() if lang is None else lang
    builder = _Builder(shown, measures, size_by, "sector", pseudonymise, lang=lang)
    graph = _data.two_mode(shown)
    pos = _data.layout(graph)
    pos[:, 1] *= -1  # vis-network's y grows downwards, matplotlib's upwards
    names = graph.vs["name"]
    index = {n: i for i, n in enumerate(names)}

    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(width, height), layout="constrained")
    ax.set_axis_off()
    ax.set_title(title, loc="left", fontsize=11)
    for e in graph.es:
        (i, j), tie = e.tuple, e["kind"] == "tie"
        ax.plot(pos[[i, j], 0], pos[[i, j], 1], lw=0.9 if tie else 0.4,
                color="#333333" if tie else "#B8BEC4", zorder=1, solid_capstyle="round")

    values = measures[size_by].reindex([str(a) for a in shown.actors["id"]]).astype(float)
    top = float(values.max(skipna=True)) if values.notna().any() else 0.0
    top = top if math.isfinite(top) and top > 0 else 1.0
    actor_rows = shown.actors.assign(id=shown.actors["id"].astype(str))
    area = np.full(len(pos), 46.0)  # marker area in points², per vertex (coalitions: 46)
    for marker, kind in (("o", "organisation"), ("^", "person")):
        part = actor_rows[actor_rows["kind"] == kind]
        if not len(part):
            continue
        idx = [index[_data.ACTOR + a] for a in part["id"]]
        v = values.reindex(part["id"]).fillna(0).clip(lower=0).to_numpy()
        area[idx] = 12 + 110 * v / top
        ax.scatter(pos[idx, 0], pos[idx, 1], s=area[idx], marker=marker,
                   c=[builder.actor_colour.get(a, UNKNOWN_COLOUR) for a in part["id"]],
                   edgecolors="white", linewidths=0.4, zorder=3)
    co_ids = [str(c) for c in shown.coalitions["id"]]
    if co_ids:
        idx = [index[_data.COALITION + c] for c in co_ids]
        ax.scatter(pos[idx, 0], pos[idx, 1], s=46, marker="s",
                   c=[THEME_COLOURS.get(builder.clusters[c], UNKNOWN_COLOUR) for c in co_ids],
                   edgecolors="#222222", linewidths=0.5, zorder=2)
    _legend(ax, builder, shown, THEME_COLOURS, OTHER_THEME, UNKNOWN_COLOUR, lang)
    if len(pos):
        pad = 0.08 * max(np.ptp(pos[:, 0]), np.ptp(pos[:, 1]), 1.0)
        ax.set_xlim(pos[:, 0].min() - pad, pos[:, 0].max() + pad)
        ax.set_ylim(pos[:, 1].min() - pad, pos[:, 1].max() + pad)

    # Who gets a label first: the three highest actors, the coalitions, then the other
    # top actors (the figure is about pivots, but a coalition unnamed is hard to read).
    ranked = values.sort_values(ascending=False, kind="stable")
    ranked = ranked[ranked > 0] if (ranked > 0).any() else ranked
    actors = [(builder.names[a], index[_data.ACTOR + a], "normal")
              for a in ranked.index[:label_top]]
    coalitions = [(builder.coalition_names[c], index[_data.COALITION + c], "bold")
                  for c in co_ids] if len(co_ids) <= label_coalitions else []
    first = [(builder.names[a], index[_data.ACTOR + a], "bold") for a in label_first
             if a in builder.names and _data.ACTOR + a in index]
    seen: set[int] = set()
    wanted = [w for w in first + actors[:3] + coalitions + actors[3:]
              if not (w[1] in seen or seen.add(w[1]))]  # each vertex once, first place wins
    drawn = NetworkFigure(fig, n_nodes=graph.vcount(), n_edges=graph.ecount(), note=note)
    _place_labels(fig, ax, pos, np.sqrt(area) / 2, wanted, drawn)
    return drawn


# The city measures drawn side by side, with how each reads (cities.city_profiles).
PROFILE_PANELS = ("share_with_government", "n_inbetween", "inbetween_brokerage_normalised",
                  "density", "centralisation")


_PANEL_TITLES = {"n_inbetween": "Officials and politicians in 2+ coalitions"}


def city_profiles_figure(profiles: pd.DataFrame, *,
                         panels: tuple[str, ...] = PROFILE_PANELS,
                         lang: str | None = None) -> NetworkFigure:
    """The city profiles (:func:`coalitions.analysis.cities.city_profiles`) side by side: one
    panel per measure, one bar per city, the number of coalitions beside each city's name.
    A measure undefined for a city (e.g. density of a city with one coalition) is marked
    "n/a", not drawn as 0. ``lang``: the language of the titles (default
    :func:`coalitions.i18n.language`); the wave, when the profiles record one, ends the title.
    """
    from coalitions.analysis.definitions import used
    from coalitions.i18n import translator

    tr = translator(lang)
    plt = _pyplot()
    panels = tuple(p for p in panels if p in profiles.columns)
    if not panels or not len(profiles):
        raise UsageError("Nothing to draw: no city profile in scope.")
    rows = profiles.sort_values("city", key=lambda s: s.str.lower(), ascending=False)
    labels = [f"{c} ({n})" for c, n in zip(rows["city"], rows["n_coalitions"], strict=True)]
    defs = used(profiles)
    fig, axes = plt.subplots(1, len(panels), figsize=(2.0 * len(panels) + 1.2,
                                                     0.28 * len(rows) + 1.3),
                             sharey=True, layout="constrained")
    axes = np.atleast_1d(axes)
    y = np.arange(len(rows))
    for ax, col in zip(axes, panels, strict=True):
        values = pd.to_numeric(rows[col], errors="coerce").to_numpy(dtype=float)
        ax.barh(y, np.nan_to_num(values), color="#0072B2", height=0.7)
        for yi, v in zip(y, values, strict=True):
            if np.isnan(v):
                ax.text(0, yi, " n/a", va="center", fontsize=6.5, color="#777777")
        title = (defs[col].as_dict(tr.lang)["name"] if col in defs
                 else tr(_PANEL_TITLES.get(col, col.replace("_", " "))))
        ax.set_title(_fill(title, 22), fontsize=7.5, loc="left")
        ax.tick_params(labelsize=6.5)
        ax.spines[["top", "right"]].set_visible(False)
    axes[0].set_yticks(y, labels)
    title = tr("City profiles (coalitions in scope in brackets)")
    wave = profiles.attrs.get("facts", {}).get("wave")
    if wave is not None:
        title += tr(" · wave {wave}", wave=wave)
    fig.suptitle(title, x=0.01, ha="left", fontsize=10)
    return NetworkFigure(fig, n_nodes=len(rows))


def ego_network_figure(data: GraphData, actor: str, *, size_by: str = "betweenness",
                       pseudonymise: bool | Callable[[dict], str] = False,
                       wave: str | None = None, lang: str | None = None) -> NetworkFigure:
    """The ego network of one actor: the coalitions it sits in, their members and their
    ties, drawn as :func:`network_figure` draws a city (the measures are those of this
    smaller network), every member labelled where there is room, the ego first. ``wave``,
    when given, ends the title; ``lang`` is the language of the title and legend."""
    from coalitions.i18n import translator

    tr = translator(lang)
    ids = data.actors["id"].astype(str)
    match = data.actors[(ids == actor) | (data.actors["name"].astype(str).str.lower()
                                          == actor.lower())]
    if len(match) != 1:
        raise UsageError(f"No single actor with id or name {actor!r}.",
                         hint="`coalitions pivots -f csv` lists the actors' ids.")
    ego = str(match["id"].iloc[0])
    m = data.memberships
    coalitions = set(m.loc[m["actor"].astype(str) == ego, "coalition"].astype(str))
    tied = data.ties[(data.ties["source"].astype(str) == ego)
                     | (data.ties["target"].astype(str) == ego)]
    keep = set(m.loc[m["coalition"].astype(str).isin(coalitions), "actor"].astype(str))
    keep |= {ego} | set(tied["source"].astype(str)) | set(tied["target"].astype(str))
    part = GraphData(
        coalitions=data.coalitions[data.coalitions["id"].astype(str).isin(coalitions)],
        actors=data.actors[ids.isin(keep)],
        memberships=m[m["coalition"].astype(str).isin(coalitions)
                      & m["actor"].astype(str).isin(keep)],
        ties=data.ties[data.ties["source"].astype(str).isin(keep)
                       & data.ties["target"].astype(str).isin(keep)])
    name = str(match["name"].iloc[0]) if not pseudonymise else tr("the actor")
    title = tr("Ego network of {name}: {k} coalitions, {n} others", name=name,
               k=len(coalitions), n=len(keep) - 1)
    if wave is not None:
        title += tr(" · wave {wave}", wave=wave)
    return network_figure(part, title=title, size_by=size_by, label_top=40,
                          pseudonymise=pseudonymise, label_first=(ego,), lang=tr.lang)


def write_network_figure(drawn: NetworkFigure, out: str | Path) -> Path:
    """Save ``drawn`` as SVG, PNG (300 dpi) or PDF, chosen by the suffix of ``out``."""
    out = Path(out)
    fmt = FIGURE_FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise UsageError(f"Cannot write a figure as {out.suffix or 'a file without suffix'}.",
                         hint="Name the file .svg, .png or .pdf.")
    out.parent.mkdir(parents=True, exist_ok=True)
    # Fixed metadata: the same figure gives the same bytes (no creation date in SVG/PDF).
    meta = {"svg": {"Date": None}, "pdf": {"CreationDate": None}, "png": {}}[fmt]
    # Written to a temporary file and renamed: a full disk never leaves a torn figure.
    with atomic_path(out) as tmp:
        drawn.figure.savefig(tmp, format=fmt, dpi=DPI, metadata=meta)
    _pyplot().close(drawn.figure)
    return out


# helpers

def _fill(text: str, width: int) -> str:
    import textwrap

    return textwrap.fill(text, width)


def _pyplot():
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "coalitions"
    plt.rcParams["svg.fonttype"] = "none"  # text stays text in SVG (searchable, editable)
    return plt


def _legend(ax, builder, shown: GraphData, theme_colours: dict, other: str,
            unknown: str, lang: str = "en") -> None:
    from matplotlib.lines import Line2D

    from coalitions.i18n import translator

    tr = translator(lang)
    handles = [Line2D([], [], ls="", marker="o", color=e["colour"], label=e["label"])
               for e in builder.colours]
    used = {builder.clusters[str(c)] for c in shown.coalitions["id"]}
    handles += [Line2D([], [], ls="", marker="s", color=theme_colours.get(c, unknown),
                       markeredgecolor="#222222", label=tr("coalition: {cluster}", cluster=tr(c)))
                for c in (*theme_colours, other) if c in used]
    handles += [Line2D([], [], ls="", marker="o", color="#777777", label=tr("organisation")),
                Line2D([], [], ls="", marker="^", color="#777777", label=tr("person"))]
    if len(shown.ties):
        handles.append(Line2D([], [], color="#333333", lw=0.9, label=tr("explicit tie")))
    # Below the drawing, so the network keeps the figure's whole width.
    fig_legend = ax.get_figure().legend(handles=handles, loc="outside lower center", ncols=3,
                                        fontsize=6.5, frameon=False)
    fig_legend.set_in_layout(True)


def _place_labels(fig, ax, pos: np.ndarray, radius: np.ndarray,
                  wanted: list[tuple[str, int, str]], drawn: NetworkFigure) -> None:
    """Greedy placement: each label at the first of sixteen offsets around its vertex where
    it overlaps no placed label and no vertex and stays inside the axes; otherwise it is
    left out."""
    fig.canvas.draw()  # fixes the constrained layout, so boxes measured now stay true
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    placed: list[tuple[float, float, float, float]] = []
    # Every vertex is an obstacle too (the square around its marker), so that a label never
    # hides a vertex. ``radius`` is each marker's in points.
    points = ax.transData.transform(pos) if len(pos) else np.zeros((0, 2))
    px = radius * fig.dpi / 72
    vertices = [(x - r, y - r, x + r, y + r) for (x, y), r in zip(points, px, strict=True)]
    # A light box behind each label keeps it readable over edges; (a stroked halo would
    # turn the text into outlines, and a paper's SVG or PDF should keep searchable text).
    pad_pt = 0.8
    margin = pad_pt * fig.dpi / 72 + 1
    backing = {"boxstyle": f"square,pad={pad_pt / 6.5:.3f}", "fc": "white", "ec": "none",
               "alpha": 0.75}
    for text, vertex, weight in wanted:
        label = text if len(text) <= 28 else text[:27] + "…"
        ok = False
        for dist, (dx, dy) in itertools.product(_DISTANCES, _OFFSETS):
            step = dist + radius[vertex]
            t = ax.annotate(label, xy=tuple(pos[vertex]), xytext=(step * dx, step * dy),
                            textcoords="offset points", fontsize=6.5, fontweight=weight,
                            ha={1: "left", -1: "right", 0: "center"}[dx],
                            va={1: "bottom", -1: "top", 0: "center"}[dy], zorder=4,
                            annotation_clip=False, bbox=backing)
            b = t.get_window_extent(renderer)
            box = (b.x0 - margin, b.y0 - margin, b.x1 + margin, b.y1 + margin)
            inside = (box[0] >= frame.x0 and box[2] <= frame.x1 and box[1] >= frame.y0
                      and box[3] <= frame.y1)
            if inside and not any(_overlap(box, p) for p in placed) and not any(
                    _overlap(box, v) for v in vertices):
                placed.append(box)
                drawn.labels.append((label, box))
                ok = True
                break
            t.remove()
        if not ok:
            drawn.unlabelled.append(text)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
