"""The timeline map: every inventory wave in one interactive, offline page
(``coalitions map --timeline``).

The page draws the **union** of the waves' networks — every actor, coalition, membership
and tie that exists in at least one wave — laid out once (the layout of
:func:`coalitions.viz._data.layout` on the union), so a node keeps its place from wave to
wave and a reader sees change as things appearing and fading rather than as the picture
moving. Each node and edge carries the waves it exists in (``waves``, wave names in wave
order). A wave control (radio buttons labelled with the wave names, in the order of
``coalitions waves``; the arrow keys step through them) shows one wave at a time:

- what exists in the wave is drawn as on a map of that wave alone;
- what is new since the previous wave (absent from it, present now) is outlined with a
  magenta halo, new links are drawn magenta;
- what left since the previous wave (present in it, absent now) is drawn faded, gone
  links faded and dashed; what is absent from both is hidden. The legend says so.

Under the control a caption per wave gives the wave's size and, from the second wave on,
the counts of :func:`coalitions.analysis.changes.turnover` between the wave and the one
before it — coalitions founded and stopped, members joined and left — the very tables
``coalitions changes --from A --to B`` prints, computed on the same scope, so the map and
``changes`` cannot disagree. (``changes`` does not list the members of a founded or stopped
coalition as joined or left; the map outlines their links as new or fades them as gone.)

Everything else is the interactive map of :mod:`coalitions.viz.maps`, reused: its node and
edge styles, tooltips, legend, search, filters and the ``--pseudonymise`` treatment (names
and ids of persons replaced across all waves at once, so one person keeps one pseudonym).
The attributes a node shows (name, sector, …) are those of the latest wave it exists in, as
in the dynamic GEXF (:mod:`coalitions.timeline`); actors are sized by their measure in the
latest wave they exist in. Every user-visible string of the page's own is in
:data:`STRINGS`, for translation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from coalitions.errors import UsageError
from coalitions.fileio import write_text
from coalitions.graph.model import GraphData
from coalitions.viz import _data
from coalitions.viz._data import ACTOR, COALITION
from coalitions.viz.escape import json_for_script
from coalitions.viz.maps import (
    _asset,
    _Builder,
    _hide_persons,
    _reduce,
    _template,
    _vis_js,
)

__all__ = ["STRINGS", "page_strings", "TimelineInfo", "check_timeline_out", "coalition_label", "read_waves",
           "render_timeline", "timeline_document", "wave_union"]

# Every text of the timeline page that is not data (names) and not the shared legend of
# coalitions.viz.maps: one place to translate. Placeholders in braces are filled in by
# Python (str.format) or, for the "js_" strings, by timeline.js.
STRINGS: dict[str, str] = {
    "lang": "en",
    "search": "Search",
    "search_placeholder": "Name of an actor or coalition",
    "search_label": "Search by name",
    "fit": "Show whole network",
    "filter": "Filter",
    "legend": "Legend",
    "details": "Details",
    "organisation": "organisation",
    "person": "person",
    "coalition": "coalition",
    "pivot": "declared pivot or coordinator",
    "member_of": "member of",
    "pivot_of": "pivot / coordinator of",
    "tie": "direct tie",
    "coalition_colour": "Coalition colour: theme cluster",
    "size": "Size",
    "wave": "Wave",
    "wave_help": "Arrow keys step through the waves.",
    "legend_waves": "Between waves",
    "legend_new": "new since the previous wave (magenta halo)",
    "legend_left": "left since the previous wave: shown faded (what left earlier is hidden)",
    "legend_new_link": "link new since the previous wave",
    "legend_left_link": "link gone since the previous wave (faded)",
    "title_suffix": " · waves {first} to {last}",
    "counts": ("{waves} waves · {actors} actors · {coalitions} coalitions · {links} links "
               "over all waves"),
    "caption_first": "Wave {wave}, the first: coalitions {coalitions}, actors {actors}.",
    "caption": ("Wave {wave}: coalitions {coalitions}, actors {actors}. Since wave "
                "{previous} (coalitions changes --from {previous} --to {wave}): coalitions "
                "founded {founded}, stopped {stopped}; members joined {joined}, left {left}."),
    "fact_waves": "in waves",
    "list_actor": "Member of {n} coalition(s) in one wave or more:",
    "list_coalition": "{n} member(s) in one wave or more:",
    "size_context": "in the latest wave it is in",
    "list_in_wave": "{name} (wave {waves})",
    "list_in_waves": "{name} (waves {waves})",
    "js_shown": "{shown} of the {present} nodes of this wave shown",
    "js_left": "; {left} that left shown faded",
}

def page_strings(lang: str | None = None) -> dict[str, str]:
    """:data:`STRINGS` in ``lang`` (default :func:`coalitions.i18n.language`): each text
    through the catalogue (:mod:`coalitions.locale_nl`), ``lang`` the page's language."""
    from coalitions.i18n import language, translator

    lang = language() if lang is None else lang
    tr = translator(lang)
    return {k: lang if k == "lang" else tr(v) for k, v in STRINGS.items()}


# The look of new and departed nodes and links (timeline.js applies them).
STYLE = {"new": "#E6007E", "faded_fill": "#E9ECEF", "faded_border": "#C4CCD4",
         "faded_text": "#A0A8B0", "text": "#1F2328"}


@dataclass(frozen=True)
class TimelineInfo:
    """What :func:`render_timeline` drew: the file, the waves (in order), node and edge
    counts of the union, whether (and why) only part of it is shown, and per wave the
    counts its caption states."""

    path: Path
    waves: tuple[str, ...]
    n_nodes: int
    n_edges: int
    reduced: bool
    note: str
    captions: tuple[dict[str, Any], ...]


def check_timeline_out(out: Path | str) -> None:
    """:class:`UsageError` unless ``out`` names an HTML file: the timeline is interactive,
    a static figure cannot switch waves."""
    from coalitions.viz.static import FIGURE_FORMATS

    suffix = Path(out).suffix.lower()
    if suffix in FIGURE_FORMATS:
        raise UsageError(f"A timeline map cannot be a static figure ({suffix}): it switches "
                         "between waves in the browser.",
                         hint="Name the file .html, or draw one wave as a figure: "
                              f"coalitions map --wave W --out FILE{suffix}")
    if suffix not in (".html", ".htm"):
        raise UsageError(f"Cannot write a timeline map as {suffix or 'a file without suffix'}.",
                         hint="Name the file .html.")


def read_waves(store: Any, scope: Any = None) -> list[tuple[str, GraphData]]:
    """Every wave of ``store`` in wave order, as ``(name, graph)``, each cut to ``scope``
    (a :class:`~coalitions.graph.scope.Scope`; ``coalition`` is best left to
    :func:`render_timeline`, which sizes a coalition's members on their city's network).

    A city or coalition missing from some waves gives an empty graph for those; missing
    from every wave, the scope's own :class:`UsageError`. Fewer than two waves:
    :class:`UsageError` saying how to add one.
    """
    listed = store.waves()
    names = [str(w) for w in listed["wave"]]
    _need_two(names)
    waves = [(w, store.read_graph(w)) for w in names]
    return scoped(waves, scope)


def scoped(waves: Sequence[tuple[str, GraphData]], scope: Any) -> list[tuple[str, GraphData]]:
    """``waves`` each cut to ``scope`` (see :func:`read_waves`)."""
    if scope is None or scope.is_everything():
        return list(waves)
    out, error = [], None
    for name, data in waves:
        try:
            out.append((name, scope.apply(data)))
        except UsageError as e:  # (that city or coalition is not in this wave)
            error = e
            out.append((name, GraphData()))
    if error is not None and all(d.is_empty() for _, d in out):
        raise error
    return out


def coalition_label(waves: Sequence[tuple[str, GraphData]], coalition: str) -> str:
    """"Name (City)" of ``coalition`` (id or unique name) in the latest wave that holds it,
    for a title; the scope's :class:`UsageError` when no wave does."""
    from coalitions.graph.scope import Scope

    for _, part in reversed(scoped(waves, Scope(coalition=coalition))):
        if len(part.coalitions):
            row = part.coalitions.iloc[0]
            return f"{row['name']} ({row['city']})"
    raise UsageError(f"No coalition with id or name {coalition!r}.")


def _need_two(names: Sequence[str]) -> None:
    if len(names) < 2:
        held = f"one wave ({names[0]})" if names else "no wave"
        raise UsageError(f"A timeline needs two waves or more; the store holds {held}.",
                         hint="Load the next inventory as a new wave (coalitions load FILE "
                              "--wave NAME), or draw the one wave: coalitions map without "
                              "--timeline.")


def wave_union(waves: Sequence[tuple[str, GraphData]]
               ) -> tuple[GraphData, dict[str, list[list[str]]]]:
    """The union of the waves' graphs and, per table, the waves each of its rows exists in.

    Rows are matched by id: coalitions and actors by ``id``, memberships by (actor,
    coalition), ties by (source, target, type). A row's attributes are those of the latest
    wave that holds it.

    Returns
    -------
    union : GraphData
    present : dict
        ``{"coalitions" | "actors" | "memberships" | "ties": [waves of row 0, …]}``, each
        list aligned with the rows of that table of ``union``; waves as names, in the order
        of ``waves``.
    """
    keys = {"coalitions": ["id"], "actors": ["id"], "memberships": ["actor", "coalition"],
            "ties": ["source", "target", "type"]}
    tables, present = {}, {}
    for table, cols in keys.items():
        frames, seen = [], {}
        for name, data in waves:
            frame = getattr(data, table)
            key = _keys(frame, cols)
            frames.append(frame.assign(_key=key))
            for k in dict.fromkeys(key):
                seen.setdefault(k, []).append(name)
        # (Empty tables left out of the concatenation: their column types would count.)
        frames = [f for f in frames if len(f)] or frames[:1]
        merged = pd.concat(frames, ignore_index=True)
        # The latest wave's row wins, as in the dynamic GEXF.
        merged = merged.drop_duplicates("_key", keep="last")
        present[table] = [seen[k] for k in merged["_key"]]
        tables[table] = merged.drop(columns="_key")
    return GraphData(**tables), present


def _keys(frame: pd.DataFrame, cols: list[str]) -> list[tuple]:
    """Hashable row keys; a missing value is "" (NaN is not equal to itself)."""
    parts = [[("" if _missing(v) else str(v)) for v in frame[c]] for c in cols]
    return list(zip(*parts, strict=True)) if parts and len(frame) else []


def _missing(value: Any) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def render_timeline(
    waves: Sequence[tuple[str, GraphData]],
    out: Path | str,
    *,
    title: str,
    coalition: str | None = None,
    size_by: str = "betweenness",
    color_by: str = "sector",
    exact_seconds: float | None = None,
    budget_seconds: float | None = None,
    max_nodes: int = 2500,
    pseudonymise: bool | Callable[[dict], str] = False,
    salt: Any = None,
    vis_src: str | None = None,
    lang: str | None = None,
) -> TimelineInfo:
    """Write the timeline map of ``waves`` to ``out`` (one offline HTML file).

    Parameters
    ----------
    waves
        ``(name, graph)`` per wave, in wave order (:func:`read_waves`), already cut to the
        scope (city, theme, …).
    out
        The ``.html`` file to write (a static figure suffix is refused, see
        :func:`check_timeline_out`).
    title
        Page heading; " · waves FIRST to LAST" is added.
    coalition
        Draw this coalition (id or unique name) in every wave it exists in, with its
        members sized by their measure on the network of its city in that wave
        (:func:`coalitions.viz.maps.context_measures`): inside one coalition betweenness
        is 0 for all.
    size_by, color_by, exact_seconds, budget_seconds, max_nodes, pseudonymise, salt, vis_src
        As in :func:`coalitions.viz.maps.render_map`; measures are computed per wave and
        each actor is sized by its value in the latest wave it exists in; communities
        (``color_by="community"``) are those of the union; ``max_nodes`` counts the
        union's nodes.

    Returns
    -------
    TimelineInfo

    Raises
    ------
    UsageError
        Fewer than two waves, ``out`` not .html, or an option :func:`render_map` refuses.
    """
    check_timeline_out(out)
    document, info = timeline_document(
        waves, title=title, coalition=coalition, size_by=size_by, color_by=color_by,
        exact_seconds=exact_seconds, budget_seconds=budget_seconds, max_nodes=max_nodes,
        pseudonymise=pseudonymise, salt=salt, vis_src=vis_src, lang=lang)
    return TimelineInfo(path=write_text(Path(out), document), **info)


def timeline_document(
    waves: Sequence[tuple[str, GraphData]],
    *,
    title: str,
    coalition: str | None = None,
    size_by: str = "betweenness",
    color_by: str = "sector",
    exact_seconds: float | None = None,
    budget_seconds: float | None = None,
    max_nodes: int = 2500,
    pseudonymise: bool | Callable[[dict], str] = False,
    salt: Any = None,
    vis_src: str | None = None,
    lang: str | None = None,
) -> tuple[str, dict[str, Any]]:
    """The timeline page as a string and the counts of :class:`TimelineInfo` (without
    ``path``). See :func:`render_timeline` for the parameters."""
    from coalitions.i18n import language, translate

    lang = language() if lang is None else lang
    t = page_strings(lang)
    from coalitions.analysis.changes import turnover
    from coalitions.viz.maps import COLOR_BY

    names = [w for w, _ in waves]
    _need_two(names)
    if color_by not in COLOR_BY:
        raise UsageError(f"Cannot colour the map by {color_by!r}.",
                         hint="Use one of: " + ", ".join(COLOR_BY) + ".")
    if max_nodes < 1:
        raise UsageError(f"--max-nodes must be at least 1 (got {max_nodes}).")
    size_context = t["size_context"]
    if coalition is not None:
        from coalitions.graph.scope import Scope

        parts, per_wave = [], []
        for name, part in scoped(waves, Scope(coalition=coalition)):
            wide = dict(waves)[name]
            if len(part.coalitions):
                from coalitions.viz.maps import context_measures

                measures, context = context_measures(wide, part)
                size_context = f"{translate(context, lang)}, {size_context}"
            else:
                measures = None
            parts.append((name, part))
            per_wave.append(measures)
        waves = parts
    else:
        per_wave = [None] * len(waves)
    per_wave = [m if m is not None else (
        _data.actor_measures(d, exact_seconds=exact_seconds, budget_seconds=budget_seconds)
        if len(d.actors) else None) for m, (_, d) in zip(per_wave, waves, strict=True)]
    tables = [m for m in per_wave if m is not None]
    measures = (pd.concat(tables, ignore_index=True).drop_duplicates("id", keep="last")
                if tables else pd.DataFrame({"id": pd.Series([], dtype=str),
                                             size_by: pd.Series([], dtype=float)}))

    union, present = wave_union(waves)
    if union.is_empty():
        raise UsageError("Nothing to draw: no wave holds a coalition or actor in this scope.",
                         hint="`coalitions waves` lists the waves; widen the scope.")
    hidden = union
    if pseudonymise:
        hidden, measures = _hide_persons(union, measures, pseudonymise, salt)
    measure_cols = [c for c in measures.columns if c != "id"
                    and pd.api.types.is_numeric_dtype(measures[c])]
    if size_by not in measure_cols:
        raise UsageError(f"Cannot size the map by {size_by!r}: no such actor measure.",
                         hint="Use one of: " + ", ".join(measure_cols) + ".")
    measures = measures.assign(id=measures["id"].astype(str)).drop_duplicates("id")
    measures = measures.set_index("id")[measure_cols]

    shown, note, hint = _reduce(hidden, measures, size_by, max_nodes)
    note = translate(note, lang)
    builder = _Builder(shown, measures, size_by, color_by, size_context=size_context,
                       lang=lang)
    page = builder.page()
    _mark_waves(page, builder, hidden, present, t, names)

    captions = []
    for i, (name, data) in enumerate(waves):
        counts = {"wave": name, "coalitions": len(data.coalitions), "actors": len(data.actors)}
        if i:
            previous = waves[i - 1]
            got = turnover(previous[1], data)
            counts.update(previous=previous[0],
                          founded=len(got["coalitions_founded"]),
                          stopped=len(got["coalitions_stopped"]),
                          joined=len(got["members_joined"]), left=len(got["members_left"]))
            text = t["caption"].format(**counts)
        else:
            text = t["caption_first"].format(**counts)
        captions.append({**counts, "caption": text})
    page["timeline"] = {
        "waves": captions, "style": STYLE,
        "strings": {k: v for k, v in t.items() if k.startswith("js_")},
    }
    counts_text = t["counts"].format(waves=len(waves), actors=len(shown.actors),
                                           coalitions=len(shown.coalitions),
                                           links=len(page["edges"]))
    document = _template("timeline.html.j2").render(
        title=title + t["title_suffix"].format(first=names[0], last=names[-1]),
        counts=counts_text, note=note, hint=hint, t=t, waves=captions, style=STYLE,
        css=_asset("map.css") + _asset("timeline.css"),
        vis_js=None if vis_src else _vis_js(), vis_src=vis_src, map_js=_asset("map.js"),
        timeline_js=_asset("timeline.js"), data_json=json_for_script(page),
        **builder.legend(),
    )
    info = {"waves": tuple(names), "n_nodes": len(page["nodes"]),
            "n_edges": len(page["edges"]), "reduced": bool(note),
            "note": note + (" " + hint if hint else ""), "captions": tuple(captions)}
    return document, info


def _mark_waves(page: dict[str, Any], builder: _Builder, hidden: GraphData,
                present: dict[str, list[list[str]]], t: dict[str, str] = STRINGS,
                names: Sequence[str] = ()) -> None:
    """Give every node and edge of ``page`` the waves it exists in (``waves``), an ``id``
    for every edge (timeline.js restyles edges by id), and say so in the tooltips: the
    waves of the node, and beside each membership it lists the waves it held in, unless it
    held in all of ``names`` (the waves, in order).

    ``hidden`` is the union after pseudonymisation, whose rows are in the order of the
    union's (``_hide_persons`` renames in place), so ``present`` still lines up with them.
    """
    node_waves = {ACTOR + str(a): w for a, w in zip(hidden.actors["id"], present["actors"],
                                                    strict=True)}
    node_waves.update({COALITION + str(c): w for c, w in zip(
        hidden.coalitions["id"], present["coalitions"], strict=True)})
    m_waves = dict(zip(_keys(hidden.memberships, ["actor", "coalition"]),
                       present["memberships"], strict=True))
    every = list(names)
    # A tooltip lists the memberships of every wave; one that did not hold in every wave
    # says in which (a member who left after wave 1 is not a member in wave 2).
    lists: dict[str, list[str]] = {}
    for actor, coalition in _keys(builder.memberships, ["actor", "coalition"]):
        waves = m_waves.get((actor, coalition), every)
        for node_id, name in ((ACTOR + actor, builder.coalition_names[coalition]),
                              (COALITION + coalition, builder.names[actor])):
            if list(waves) != every:
                key = "list_in_wave" if len(waves) == 1 else "list_in_waves"
                name = t[key].format(name=name, waves=", ".join(waves))
            lists.setdefault(node_id, []).append(name)
    for node in page["nodes"]:
        node["waves"] = node_waves[node["id"]]
        info = node["info"]
        info["facts"] = [*info["facts"], [t["fact_waves"], ", ".join(node["waves"])]]
        if node["kind"] == "coalition":
            info["list"] = sorted(lists.get(node["id"], []), key=str.lower)
        else:
            info["list"] = lists.get(node["id"], [])
        key = "list_coalition" if node["kind"] == "coalition" else "list_actor"
        info["list_title"] = t[key].format(n=len(info["list"]))
    t_waves = dict(zip(_keys(hidden.ties, ["source", "target", "type"]), present["ties"],
                       strict=True))
    # The edges of _Builder.page: one per row of builder.memberships, then one per tie
    # between actors shown, in the order of the tables (the same filter as there).
    m = builder.memberships
    ties = shown_ties(builder)
    edges = page["edges"]
    if len(edges) != len(m) + len(ties):
        raise AssertionError("timeline: the map's edges do not match its tables")
    for edge, key in zip(edges, [*_keys(m, ["actor", "coalition"]),
                                 *_keys(ties, ["source", "target", "type"])], strict=True):
        edge["waves"] = m_waves[key] if edge["to"].startswith(COALITION) else t_waves[key]
    for i, edge in enumerate(edges):
        edge["id"] = f"e{i}"


def shown_ties(builder: _Builder) -> pd.DataFrame:
    """The ties :meth:`_Builder.page` draws: those between actors shown, in table order."""
    t = builder.data.ties
    t = t.assign(source=t["source"].astype(str), target=t["target"].astype(str))
    return t[t["source"].isin(builder.names) & t["target"].isin(builder.names)]

