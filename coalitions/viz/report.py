"""City reports: one self-contained HTML page per city, and an index page linking them.

A report holds the city's profile (coalitions, share with city government, officials and
politicians spanning coalitions), its coalitions (roles, period and status, relation to city
government and the year it held), what the study records about each one (tussenruimte,
autonomy, resource dependence, evaluation), declared and structural pivots with their
explanations, brokers, the study's three clusterings, the interactive city map (inline, in a
sandboxed ``<iframe srcdoc>``; or, with ``shared_assets``, as ``map-<city>.html`` beside the
report, loading the folder's one ``vis-network.min.js``), two matplotlib figures as ``data:``
URIs, and a provenance
footer: input files with their SHA-256, parameters, and the versions of coalitions and the
libraries that computed and drew it. Nothing is fetched when the page is opened.

Every value from the data goes through Jinja's autoescaping (``html.escape`` rules); tables
are built from plain strings, never from ``DataFrame.to_html``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from coalitions.fileio import make_folder, write_text
from coalitions.graph.model import (
    GOVERNMENT_FUNCTIONS,
    PIVOT_ROLES,
    QUALITATIVE_FIELDS,
    GraphData,
)
from coalitions.graph.scope import Scope
from coalitions.i18n import column_label, language, translate, translator
from coalitions.viz import _data, figures
from coalitions.viz.escape import srcdoc
from coalitions.viz.maps import (
    VIS_JS_NAME,
    _asset,
    _template,
    _vis_js,
    map_document,
    write_vis_js,
)

__all__ = ["city_slug", "provenance", "render_index", "render_report"]

# Distributions whose versions the provenance footer lists: (label, distribution name).
_LIBRARIES = (("coalitions", "coalitions"), ("igraph", "igraph"), ("networkx", "networkx"),
              ("pandas", "pandas"), ("numpy", "numpy"), ("pyvis", "pyvis"),
              ("matplotlib", "matplotlib"), ("ladybug", "ladybug"), ("neo4j", "neo4j"))


def city_slug(city: str) -> str:
    """ASCII, lower case, hyphens: the file-name part for a city (``report-<slug>.html``)."""
    text = unicodedata.normalize("NFKD", city).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def render_report(data: GraphData, city: str, out: Path, *,
                  inputs: Sequence[tuple[str | Path, str]] = (),
                  exact_seconds: float | None = None,
                  budget_seconds: float | None = None,
                  params: dict[str, Any] | None = None,
                  size_by: str = "betweenness",
                  directed: bool | None = None,
                  shared_assets: bool = False, lang: str | None = None) -> Path:
    """Write the report of one city to ``out`` and return its path.

    Parameters
    ----------
    data
        The whole graph; the report scopes it to ``city`` (see :class:`Scope`).
    city
        City name, any case.
    out
        HTML file to write; its folder is created if needed.
    inputs
        ``(path, sha256)`` of every input file, for the provenance footer.
    exact_seconds, budget_seconds
        Betweenness and closeness (the map's sizes, the pivots) exact when predicted to
        take under ``exact_seconds``, else estimated within about ``budget_seconds``
        (:func:`~coalitions.analysis.centrality.actor_measures`; None: its 60 s each).
    params
        The parameters the report was made with (command, options), listed in the footer.
    size_by
        Actor measure that sizes the map's nodes and whose distribution is drawn.
    directed
        How brokerage reads the ties (see
        :func:`~coalitions.analysis.brokerage.actor_brokerage`); None: as recorded.
    shared_assets
        False (default): one self-contained page, the map inlined in an ``<iframe srcdoc>``.
        True, for a folder of pages (the demo): the map is written beside the report as
        ``map-<slug>.html`` (see :func:`city_slug`) and embedded with ``<iframe src>``; it
        loads vis-network from the folder's shared ``vis-network.min.js``, written once.
        (A relative ``<script src>`` inside a sandboxed ``srcdoc`` frame cannot be relied on
        to resolve against the report's folder, so the map gets a file of its own.) That
        frame's sandbox adds ``allow-same-origin``: Chromium refuses ``file://`` scripts to
        a frame with an opaque origin ("Not allowed to load local resource"). The map is
        the package's own page with every text escaped; the sandbox still blocks popups,
        forms and navigating the report away.
    lang
        ``"en"`` or ``"nl"``: the language of the page (headings, captions, column
        headers, the map's legend); default :func:`coalitions.i18n.language`.

    Raises
    ------
    UsageError
        No such city in ``data``.
    """
    lang = language() if lang is None else lang
    tr = translator(lang)
    part = Scope(city=city).apply(data)
    city = _canonical_city(data, city)
    timing = _data.timing(exact_seconds, budget_seconds)
    measures = _data.actor_measures(part, **timing)
    map_title = tr("Coalitions in {city}", city=city)
    map_file = None
    if shared_assets:
        folder = make_folder(Path(out).parent)
        write_vis_js(folder)
        map_html, map_info = map_document(part, title=map_title, size_by=size_by,
                                          measures=measures, vis_src=VIS_JS_NAME, lang=lang)
        map_file = f"map-{city_slug(city)}.html"
        write_text(folder / map_file, map_html)
    else:
        map_html, map_info = map_document(part, title=map_title, size_by=size_by,
                                          measures=measures, lang=lang)
    names = dict(zip(part.actors["id"].astype(str), part.actors["name"], strict=True))
    sections = {
        "pivots": _table_or_note(lambda: _pivots(part, timing), lang),
        "brokers": _table_or_note(lambda: _brokers(part, directed, lang), lang),
        "clusterings": [(tr(title), _table_or_note(lambda by=by: _clusters(part, by, lang), lang))
                        for title, by in (("By theme", "theme"), ("By role", "role"),
                                          ("By actor composition", "actors"))],
    }
    top = measures.assign(id=measures["id"].astype(str))
    top = top.assign(name=top["id"].map(names)).sort_values(size_by, ascending=False).head(10)
    central = _rows(top[[c for c in dict.fromkeys(("name", "coalitions", "degree", size_by))
                         if c in top.columns]], lang)
    document = _template("report.html.j2").render(
        _=tr, lang=lang,
        title=tr("Coalitions in {city}", city=city),
        city=city,
        css=_asset("report.css"),
        profile=_profile(part, directed, lang),
        spanning=_spanning(part),
        coalitions=_coalition_rows(part, names, lang),
        qualitative=_qualitative(part, lang),
        central=central,
        glossary=_glossary(central, *sections.values(), lang=lang),
        size_by=size_by,
        map_srcdoc=None if map_file else srcdoc(map_html),
        map_file=map_file,
        map_note=map_info["note"],
        figure_sectors=figures.sector_composition(part, lang=lang),
        figure_centrality=figures.centrality_histogram(measures, size_by, lang=lang),
        provenance=provenance(inputs, params or {}),
        **sections,
    )
    return write_text(out, document)


def render_index(out_dir: Path, cities: Iterable[str], *,
                 title: str | None = None, description: str | None = None,
                 lang: str | None = None) -> Path:
    """Write ``out_dir/index.html`` linking each city's report and map, and the region map.

    ``description`` (escaped like every text) says above the list what the pages were made
    from, e.g. which data set.

    Links point at ``report-<slug>.html`` and ``map-<slug>.html`` (see :func:`city_slug`)
    and are shown only for files that exist in ``out_dir``.
    """
    lang = language() if lang is None else lang
    tr = translator(lang)
    title = tr("Coalitions: city reports and maps") if title is None else title
    out_dir = Path(out_dir)
    rows = []
    for city in sorted(set(cities), key=str.lower):
        slug = city_slug(city)
        report, city_map = f"report-{slug}.html", f"map-{slug}.html"
        rows.append({"city": city,
                     "report": report if (out_dir / report).exists() else None,
                     "map": city_map if (out_dir / city_map).exists() else None})
    region = "map-region.html" if (out_dir / "map-region.html").exists() else None
    document = _template("index.html.j2").render(
        _=tr, lang=lang, title=title, description=description, css=_asset("report.css"),
        rows=rows, region=region,
        provenance=provenance((), {}),
    )
    make_folder(out_dir)
    return write_text(out_dir / "index.html", document)


def provenance(inputs: Sequence[tuple[str | Path, str]], params: dict[str, Any]) -> dict:
    """What a page was made from: input files and hashes, parameters, the random seed and
    the wave (when ``params`` give them), software versions."""
    from coalitions.provenance import versions as installed

    versions = list(installed(_LIBRARIES).items())
    vis = re.search(r"@version\s+(\S+)", _vis_js()[:2000])
    versions.append(("vis-network", vis.group(1) if vis else "unknown"))
    return {
        "inputs": [(str(p), str(h)) for p, h in inputs],
        "params": [(str(k), _cell(v)) for k, v in params.items()],
        "seed": None if params.get("seed") is None else _cell(params["seed"]),
        "wave": None if params.get("wave") is None else _cell(params["wave"]),
        "versions": versions,
        "generated": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


# helpers


def _canonical_city(data: GraphData, city: str) -> str:
    for c in data.cities:
        if c.lower() == city.lower():
            return c
    return city


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple | set):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        return f"{value:.3g}" if not value.is_integer() else str(int(value))
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def _rows(frame: pd.DataFrame, lang: str = "en") -> dict[str, list]:
    """A table as header and rows of plain strings (escaped later by the template), with
    the definitions of its measure columns (keys of the report's glossary)."""
    from coalitions.analysis.definitions import used
    from coalitions.i18n import translate_cell

    columns = [str(c) for c in frame.columns]
    return {"columns": [column_label(c, lang).replace("_", " ") for c in columns],
            "rows": [[_cell(translate_cell(c, v, lang)) for c, v in zip(columns, row, strict=True)]
                     for row in frame.itertuples(index=False)],
            "definitions": [d.key for d in used(frame).values()]}


def _glossary(*tables: Any, lang: str = "en") -> list[dict[str, str]]:
    """Every definition used by the report's tables, once, in the registry's order: the
    page's own glossary, so a number on it can be read without the command line."""
    from coalitions.analysis.definitions import DEFINITIONS

    keys: set[str] = set()
    for t in tables:
        for part in t if isinstance(t, list) else [t]:
            part = part[1] if isinstance(part, tuple) else part
            keys.update(part.get("definitions", ()) if isinstance(part, dict) else ())
    return [DEFINITIONS[k].as_dict(lang) for k in DEFINITIONS if k in keys]


def _table_or_note(make, lang: str = "en") -> dict:
    """The table ``make()`` returns, or a note when that analysis is not available."""
    tr = translator(lang)
    try:
        result = make()
    except ImportError as exc:
        return {"note": tr("Not available in this installation ({name}).", name=exc.name)}
    if isinstance(result, dict):
        return result
    if result is None or len(result) == 0:
        return {"note": tr("Nothing to show for this city.")}
    return _rows(result, lang)


def _pivots(part: GraphData, timing: dict[str, float] | None = None) -> pd.DataFrame:
    from coalitions.analysis.pivots import coalition_pivots

    table = coalition_pivots(part, **(timing or {}))
    # Ids and the city are noise on a city's page; the names beside them stay.
    hidden = {"id", "city", "structural_pivots", "declared_pivots"}
    return table[[c for c in table.columns if c not in hidden]]


def _brokers(part: GraphData, directed: bool | None = None,
             lang: str = "en") -> pd.DataFrame:
    from coalitions.analysis.brokerage import actor_brokerage

    roles = actor_brokerage(part, group_by="sector", directed=directed)
    cols = [c for c in ("name", "group", "coordinator", "itinerant", "representative",
                        "gatekeeper", "liaison", "total", "normalised", "z_total")
            if c in roles.columns]
    roles = roles[roles["total"] > 0] if "total" in roles.columns else roles
    table = _rows(roles[cols].head(15), lang)
    network = roles.attrs.get("network")
    if network:
        table["caption"] = translator(lang)("Gould & Fernandez roles between sectors; network "
                                            "read: {network}.",
                                            network=translate(network, lang))
    return table


def _clusters(part: GraphData, by: str, lang: str = "en") -> pd.DataFrame | dict:
    from coalitions.analysis.clusters import cluster_table

    table = cluster_table(part, by=by)
    warnings = table.attrs.get("warnings", [])
    if "count" in table.columns:  # the study's categories this city has none of
        table = table[pd.to_numeric(table["count"], errors="coerce").fillna(0) > 0]
    table = table[[c for c in table.columns if not c.startswith("study")]] \
        if len(table.columns) > 2 else table
    if by != "actors" or not len(table):
        return table
    tr = translator(lang)
    rows = _rows(table, lang)
    rows["caption"] = (tr("Composition read from the members' sectors (citizens and knowledge "
                          "institutions count as nonprofit; officials and politicians as city "
                          "government).") + ("" if not warnings else tr(
                              " Where the inventory declares otherwise: {warnings}.",
                              warnings="; ".join(warnings))))
    return rows


def _government_members(part: GraphData) -> pd.DataFrame:
    """Memberships joined with the actors' sector and function."""
    m = part.memberships.astype({"actor": str, "coalition": str})
    actors = part.actors.assign(id=part.actors["id"].astype(str))
    return m.merge(actors[["id", "name", "sector", "function", "kind"]], left_on="actor",
                   right_on="id", how="left")


def _profile(part: GraphData, directed: bool | None = None,
             lang: str = "en") -> list[tuple[str, str]]:
    from coalitions.analysis.clusters import involves_city_government

    joined = _government_members(part)
    n_co = len(part.coalitions)
    # the one definition every command uses (members' composition)
    with_gov = [c for c, yes in involves_city_government(part).items() if yes]
    spanning = _spanning(part)
    pivots = joined[joined["role"].isin(PIVOT_ROLES)]
    tr = translator(lang)
    rows = [
        (tr("coalitions"), str(n_co)),
        (tr("actors in them"), str(joined["actor"].nunique())),
        (tr("memberships"), str(len(joined))),
        (tr("coalitions with city government taking part"),
         tr("{k} of {n} ({share})", k=len(with_gov), n=n_co,
            share=f"{len(with_gov) / n_co:.0%}") if n_co else "–"),
        (tr("coalitions with a declared pivot"),
         tr("{k} of {n}", k=pivots["coalition"].nunique(), n=n_co) if n_co else "–"),
        (tr("officials and politicians in two or more coalitions"), str(len(spanning))),
    ]
    try:
        from coalitions.analysis.cities import city_profiles
    except ImportError:
        return rows
    profile = city_profiles(part, directed=directed)
    if len(profile) == 1:
        # The counts above already say what city_profiles counts; add what it measures.
        row = profile.iloc[0]
        for key, label in _PROFILE_MEASURES.items():
            if key not in profile.columns:
                continue
            label = tr(label)
            if key in _NETWORK_MEASURES:
                label += tr(", on {n} actors and {m} links", n=row["n_actors"], m=row["n_edges"])
                if pd.isna(row[key]):
                    rows.append((label, tr("not defined for a city with one coalition "
                                           "(its members are all linked by it)")))
                    continue
            rows.append((label, _cell(row[key])))
    return rows


# measures of the city's whole actor network: their n is stated, and they are undefined
# for one coalition (cities.city_profiles)
_NETWORK_MEASURES = ("density", "centralisation")


_PROFILE_MEASURES = {
    "inbetween_brokerage": "brokerage by those officials and politicians (Gould–Fernandez "
                           "total, sectors as groups)",
    "inbetween_brokerage_normalised": "… normalised: mean share of their two-paths they "
                                      "broker",
    "inbetween_brokerage_between_sectors": "… of which between different sectors",
    "density": "density of the city's actor network",
    "centralisation": "degree centralisation of the city's actor network (Freeman)",
}


def _spanning(part: GraphData) -> list[dict[str, str]]:
    """Officials and politicians who sit in two or more coalitions (the "tussenruimte")."""
    joined = _government_members(part)
    gov = joined[joined["function"].isin(GOVERNMENT_FUNCTIONS)]
    names = dict(zip(part.coalitions["id"].astype(str), part.coalitions["name"], strict=True))
    out = []
    for actor, rows in gov.groupby("actor"):
        coalitions = sorted({names.get(c, c) for c in rows["coalition"]}, key=str.lower)
        if len(coalitions) >= 2:
            first = rows.iloc[0]
            out.append({"name": _cell(first["name"]) or actor,
                        "function": _cell(first["function"]),
                        "coalitions": ", ".join(coalitions), "n": len(coalitions)})
    return sorted(out, key=lambda r: (-r["n"], r["name"].lower()))


def _coalition_rows(part: GraphData, names: dict[str, str],
                    lang: str = "en") -> dict[str, list]:
    m = part.memberships.astype({"actor": str, "coalition": str})
    members = m.groupby("coalition").size()
    pivots = m[m["role"].isin(PIVOT_ROLES)].groupby("coalition")["actor"].apply(
        lambda a: ", ".join(sorted(_cell(names.get(x, x)) for x in a)))
    co = part.coalitions.assign(id=part.coalitions["id"].astype(str))
    frame = pd.DataFrame({
        "name": co["name"],
        "themes": co["themes"],
        "founded": co["founded_year"],
        "ended": co["end_year"],
        "status": [f"{_cell(s)} into {_cell(m)}" if _cell(m) else _cell(s)
                   for s, m in zip(co["status"], co["merged_into"], strict=True)],
        "roles": [_cell(r) if isinstance(r, list | tuple) and len(r) else _cell(p)
                  for r, p in zip(co["roles"], co["role"], strict=True)],
        "relation": [f"{_cell(r)} ({_cell(y)})" if _cell(r) and _cell(y) else _cell(r)
                     for r, y in zip(co["relation"], co["relation_year"], strict=True)],
        "origin": co["origin"],
        "members": co["id"].map(members).fillna(0).astype(int),
        "declared pivot": co["id"].map(pivots),
    }).sort_values("name", key=lambda s: s.astype(str).str.lower())
    table = _rows(frame, lang)
    table["caption"] = translator(lang)(
        "Roles: the primary role first. Relation to city government (complementary, "
        "supplementary, adversarial; Young 2000) with the year it was recorded for.")
    return table


def _qualitative(part: GraphData, lang: str = "en") -> list[dict[str, Any]]:
    """Per coalition with any of the study's qualitative fields filled: its name and the
    (label, text) of each filled field, in the order of QUALITATIVE_FIELDS; the label in
    ``lang`` with the other language's word beside it."""
    co = part.coalitions.sort_values("name", key=lambda s: s.astype(str).str.lower())
    out = []
    for _, row in co.iterrows():
        fields = [(f"{en} ({nl.lower()})" if lang == "en" else f"{nl} ({en.lower()})",
                   _cell(row[prop]))
                  for prop, (nl, en) in QUALITATIVE_FIELDS.items() if _cell(row[prop])]
        if fields:
            out.append({"name": _cell(row["name"]), "fields": fields})
    return out
