"""Static figures for the reports, drawn with matplotlib and returned as ``data:`` URIs.

SVG with text drawn as paths (``svg.fonttype = "path"``): the figure carries no text nodes a
name could break out of, looks the same without the fonts installed, and embeds in an
``<img>`` (where an SVG cannot run scripts in any case). Names pass through
:func:`_plain` so matplotlib does not read ``$…$`` in a name as mathematics.
"""

from __future__ import annotations

import base64
import io
import re

import numpy as np
import pandas as pd

from coalitions.graph.model import SECTORS, GraphData

__all__ = ["centrality_histogram", "sector_composition"]

_SECTOR_COLOURS = {
    "city_government": "#D55E00", "other_government": "#E69F00", "nonprofit": "#0072B2",
    "private": "#009E73", "citizens": "#CC79A7", "knowledge": "#56B4E9",
}
_SECTOR_LABELS = {
    "city_government": "city government", "other_government": "other government",
    "nonprofit": "nonprofit", "private": "private", "citizens": "citizens",
    "knowledge": "knowledge institution",
}


def sector_composition(data: GraphData, lang: str | None = None) -> str:
    """Stacked horizontal bars: members of each coalition by sector, as an SVG data URI.

    One bar per coalition (largest at the top); actors whose sector is not one of
    :data:`coalitions.graph.model.SECTORS` are counted as "other or unknown". ``lang``:
    language of the title, axis and legend (default :func:`coalitions.i18n.language`).
    """
    from coalitions.i18n import translator

    tr = translator(lang)
    plt = _pyplot()
    m = data.memberships[["actor", "coalition"]].astype(str).drop_duplicates()
    sector = dict(zip(data.actors["id"].astype(str), data.actors["sector"], strict=True))
    m = m.assign(sector=[s if s in _SECTOR_COLOURS else "other" for s in
                         m["actor"].map(sector)])
    names = dict(zip(data.coalitions["id"].astype(str), data.coalitions["name"], strict=True))
    table = pd.crosstab(m["coalition"], m["sector"]).reindex(
        columns=[*SECTORS, "other"], fill_value=0)
    table = table.loc[:, table.sum() > 0]
    table = table.reindex(table.sum(axis=1).sort_values().index)
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * max(len(table), 2) + 1.4))
    left = np.zeros(len(table))
    for s in table.columns:
        ax.barh(range(len(table)), table[s], left=left,
                color=_SECTOR_COLOURS.get(s, "#9AA4AE"),
                label=tr(_SECTOR_LABELS.get(s, "other or unknown")))
        left += table[s].to_numpy()
    ax.set_yticks(range(len(table)),
                  [_plain(_short(str(names.get(c, c)))) for c in table.index])
    ax.set_xlabel(tr("members"))
    ax.set_title(tr("Members of each coalition by sector"), loc="left", fontsize=11)
    if len(table.columns):
        ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _uri(fig)


def centrality_histogram(measures: pd.DataFrame, column: str = "betweenness",
                         lang: str | None = None) -> str:
    """Histogram of one actor measure (``measures[column]``), as an SVG data URI, labelled
    in ``lang`` (default :func:`coalitions.i18n.language`)."""
    from coalitions.i18n import translator

    tr = translator(lang)
    plt = _pyplot()
    values = pd.to_numeric(measures[column], errors="coerce").dropna().to_numpy(dtype=float)
    fig, ax = plt.subplots(figsize=(7.5, 3.2))
    # Scores equal up to rounding (e.g. eigenvector 0.5 and 0.5 + 1e-17) are one value: a
    # range of 1e-17 cannot be cut into finite bins, and numpy refuses to try.
    values = np.round(values, 12)
    if len(values):
        ax.hist(values, bins=min(30, max(5, len(values) // 3)), color="#1f3a5f")
    ax.set_xlabel(_plain(tr(column)))
    ax.set_ylabel(tr("actors"))
    ax.set_title(tr("Distribution of {measure} over {n} actors", measure=_plain(tr(column)),
                    n=len(values)), loc="left", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    return _uri(fig)


# helpers


def _pyplot():
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    return plt


def _plain(text: str) -> str:
    return text.replace("$", r"\$")


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _uri(fig) -> str:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    with plt.rc_context({"svg.fonttype": "path", "svg.hashsalt": "coalitions"}):
        fig.tight_layout()
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(fig)
    # matplotlib repeats each text as an XML comment (escaped so it cannot end the comment);
    # dropped, so the names exist only as drawn paths.
    svg = re.sub(rb"<!--.*?-->", b"", buffer.getvalue(), flags=re.S)
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
