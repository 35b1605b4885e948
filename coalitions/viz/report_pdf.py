"""The city report as a PDF for print and papers, drawn with matplotlib.

The pages hold what the HTML report holds — the profile, the network (as the static figure
of :mod:`coalitions.viz.static`), pivots, brokers, central actors, the three clusterings, the
definitions of every measure shown and the provenance — built by the same functions of
:mod:`coalitions.viz.report`, so the PDF and the page never disagree. matplotlib is already a
dependency and writes PDF without system libraries; HTML-to-PDF writers (weasyprint) need
Pango and Cairo from the system, and a browser's print is not a Python dependency.

Long tables run over several pages; a cell longer than :data:`CELL` characters is cut with
"…" (the HTML report and ``--format csv`` keep the whole text); shorter ones wrap.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from coalitions.graph.model import GraphData
from coalitions.graph.scope import Scope

__all__ = ["render_report_pdf"]

CELL = 200  # characters in a table cell before it is cut (the rest wraps)
_WIDE = 40  # a column wider than this many characters shares the page like one of 40
ROWS_PER_PAGE = 28
_A4 = (8.27, 11.69)


def render_report_pdf(data: GraphData, city: str, out: str | Path, *,
                      inputs: Sequence[tuple[str | Path, str]] = (),
                      params: dict[str, Any] | None = None, size_by: str = "betweenness",
                      directed: bool | None = None, lang: str | None = None) -> Path:
    """Write the report of one city as a multi-page A4 PDF to ``out``; return its path.

    Parameters are those of :func:`coalitions.viz.report.render_report` (``lang``: the
    language of the headings, captions, column headers and definitions; the provenance's
    keys stay as the HTML report writes them).
    """
    from matplotlib.backends.backend_pdf import PdfPages

    from coalitions.fileio import atomic_path
    from coalitions.i18n import language, translator
    from coalitions.viz import _data
    from coalitions.viz import report as page
    from coalitions.viz.static import _pyplot, network_figure

    lang = language() if lang is None else lang
    tr = translator(lang)
    part = Scope(city=city).apply(data)
    city = page._canonical_city(data, city)
    measures = _data.actor_measures(part)
    names = dict(zip(part.actors["id"].astype(str), part.actors["name"], strict=True))
    top = measures.assign(id=measures["id"].astype(str))
    top = top.assign(name=top["id"].map(names)).sort_values(size_by, ascending=False).head(10)
    central = page._rows(top[[c for c in dict.fromkeys(("name", "coalitions", "degree",
                                                          size_by)) if c in top.columns]],
                        lang)
    pivots = page._table_or_note(lambda: page._pivots(part), lang)
    brokers = page._table_or_note(lambda: page._brokers(part, directed, lang), lang)
    clusterings = [(tr(title), page._table_or_note(lambda by=by: page._clusters(part, by, lang),
                                                   lang))
                   for title, by in (("By theme", "theme"), ("By role", "role"),
                                     ("By actor composition", "actors"))]
    glossary = page._glossary(central, pivots, brokers, clusterings, lang=lang)
    prov = page.provenance(inputs, params or {})
    plt = _pyplot()

    title = tr("Coalitions in {city}", city=city)
    if prov.get("wave") is not None:
        title += tr(" · wave {wave}", wave=prov["wave"])
    out = Path(out)
    with atomic_path(out) as tmp, PdfPages(tmp, metadata={
            "Title": title, "Creator": "coalitions", "CreationDate": None}) as pdf:
        fig = _page(plt, title, tr("Generated {when}.", when=prov["generated"]))
        _key_values(fig, page._profile(part, directed, lang), top=0.86)
        pdf.savefig(fig)
        plt.close(fig)

        drawn = network_figure(part, title=title, size_by=size_by, measures=measures,
                               width=_A4[0], height=_A4[0] * 1.05, lang=lang)
        pdf.savefig(drawn.figure)
        plt.close(drawn.figure)

        for title, caption, table in [
                (tr("Pivots"), tr("The declared pivot beside the structural pivot (the member "
                                  "with the highest betweenness), with the reason."), pivots),
                (tr("Brokers"), "", brokers),
                (tr("Central actors"), tr("The ten actors with the highest {measure} in this "
                                          "city's network.", measure=size_by), central),
                *[(tr("Clustering: {name}", name=t.lower()), "", c) for t, c in clusterings]]:
            _table_pages(pdf, plt, title, caption, table)

        lines = []
        for d in glossary:
            lines += textwrap.wrap(f"{d['name']} ({d['measure']}): {d['definition']}. "
                                   f"{tr('Network:')} {d['network']}. {tr('Normalisation:')} "
                                   f"{d['normalisation']}. {tr('Reference:')} "
                                   f"{d['reference']}.", 110) + [""]
        lines += [tr("Provenance"), ""]
        lines += [f"input {p}  sha256 {h}" for p, h in prov["inputs"]] or [tr("Input files: not recorded in the store for this wave.")]
        lines += [f"{k}: {v}" for k, v in prov["params"]]
        lines += [f"{k} {v}" for k, v in prov["versions"]]
        for start in range(0, max(len(lines), 1), 60):
            fig = _page(plt, tr("Definitions and provenance"), "")
            fig.text(0.07, 0.9, "\n".join(lines[start:start + 60]), va="top", fontsize=6.5,
                     family="DejaVu Sans")
            pdf.savefig(fig)
            plt.close(fig)
    return out


# helpers

def _page(plt, title: str, subtitle: str, *, landscape: bool = False):
    fig = plt.figure(figsize=_A4[::-1] if landscape else _A4)
    fig.text(0.07, 0.95, title, fontsize=15, weight="bold", va="top")
    if subtitle:
        fig.text(0.07, 0.925, subtitle, fontsize=8, color="#555555", va="top")
    return fig


def _cut(text: Any) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= CELL else text[:CELL - 1] + "…"


def _key_values(fig, rows: list[tuple[str, str]], *, top: float) -> None:
    ax = fig.add_axes((0.07, 0.1, 0.86, top - 0.1))
    ax.set_axis_off()
    cells = [[textwrap.fill(k, 60), textwrap.fill(str(v), 45)] for k, v in rows]
    table = ax.table(cellText=cells, colWidths=[0.6, 0.4], loc="upper left",
                     cellLoc="left")
    table.auto_set_font_size(False)
    table.set_fontsize(8)
    for (r, _c), cell in table.get_celld().items():
        lines = max(cells[r][0].count("\n"), cells[r][1].count("\n")) + 1
        cell.set_height(0.03 * lines)
        cell.set_edgecolor("#DDDDDD")


def _table_pages(pdf, plt, title: str, caption: str, table: dict) -> None:
    """One table over as many pages as it needs: landscape when it is wide, each cell
    wrapped to its column's width, rows never split across pages."""
    if table.get("note"):
        fig = _page(plt, title, table["note"])
        pdf.savefig(fig)
        plt.close(fig)
        return
    columns = [str(c) for c in table["columns"]]
    rows = [[_cut(v) for v in row] for row in table["rows"]]
    caption = " ".join(x for x in (caption, table.get("caption", "")) if x)
    landscape = len(columns) > 5
    line_chars = 175 if landscape else 115  # characters of 6.5 pt text across the page
    natural = [min(_WIDE, max(len(c), *(len(r[i]) for r in rows))) + 1 if rows else len(c) + 1
               for i, c in enumerate(columns)]
    budget = [max(6, int(line_chars * n / sum(natural))) for n in natural]

    def wrapped(cells: list[str]) -> tuple[list[str], int]:
        out = [textwrap.fill(c, b, break_long_words=True) if c else "" for c, b in
               zip(cells, budget, strict=True)]
        return out, max(x.count("\n") + 1 for x in out)

    header, header_lines = wrapped(columns)
    line_height = 0.0125 if landscape else 0.0105  # of the page height, per text line
    pages: list[list[tuple[list[str], int]]] = [[]]
    room = 0.8 - header_lines * line_height
    for row in rows:
        cells, n = wrapped(row)
        used = sum(k for _, k in pages[-1]) * line_height
        if pages[-1] and used + n * line_height > room:
            pages.append([])
        pages[-1].append((cells, n))
    shown = 0
    for chunk in pages:
        more = f" (rows {shown + 1}–{shown + len(chunk)} of {len(rows)})" \
            if len(pages) > 1 else ""
        shown += len(chunk)
        fig = _page(plt, title + more, textwrap.fill(caption, 150 if landscape else 110),
                    landscape=landscape)
        ax = fig.add_axes((0.04, 0.04, 0.92, 0.84))
        ax.set_axis_off()
        if chunk:
            t = ax.table(cellText=[c for c, _ in chunk], colLabels=header, loc="upper center",
                         cellLoc="left", colWidths=[b / sum(budget) for b in budget])
            t.auto_set_font_size(False)
            t.set_fontsize(6.5)
            heights = [header_lines, *(n for _, n in chunk)]
            for (r, _c), cell in t.get_celld().items():
                cell.set_height((heights[r] + 0.6) * line_height / 0.84)
                cell.set_edgecolor("#DDDDDD")
                cell.get_text().set_va("center")
                if r == 0:
                    cell.set_text_props(weight="bold")
        pdf.savefig(fig)
        plt.close(fig)
