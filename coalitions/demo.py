"""`coalitions demo`: the bundled sample loaded, analysed and drawn in one go."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from coalitions.graph.scope import Scope
from coalitions.graph.store import Store

__all__ = ["SAMPLE_DIR", "DemoResult", "run_demo", "slug"]

SAMPLE_DIR = Path(__file__).resolve().parent / "data" / "sample"


def slug(text: str) -> str:
    """ASCII, lower case, hyphens: a file name for a city or coalition."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


@dataclass
class DemoResult:
    pivots: pd.DataFrame  # top actors per city
    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def run_demo(store: Store, out_dir: Path, *, top: int = 3,
             step: Callable[[str], None] | None = None) -> DemoResult:
    """Load the sample into ``store``; return the top pivot actors per city (by betweenness on
    the city's actor network) and write a map per city, a region map, a report per city and
    an index page into ``out_dir``."""
    from coalitions.analysis.centrality import actor_measures
    from coalitions.i18n import _
    from coalitions.loaders import load_inputs
    from coalitions.viz.maps import render_map

    say = step or (lambda _msg: None)
    say(_("loading the sample"))
    loaded = load_inputs([SAMPLE_DIR])
    store.load(loaded.data)
    data = store.read_graph()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)

    result = DemoResult(pivots=pd.DataFrame())
    rows = []
    for city in data.coalitions["city"].dropna().drop_duplicates().sort_values():
        say(_("analysing {city}", city=city))
        part = Scope(city=city).apply(data)
        measures = actor_measures(part)
        best = measures.sort_values(["betweenness", "coalitions"], ascending=False).head(top)
        for rank, row in enumerate(best.itertuples(index=False), start=1):
            rows.append({"city": city, "rank": rank, "name": row.name,
                         "sector": row.sector, "coalitions": row.coalitions,
                         "betweenness": row.betweenness})
        info = render_map(part, out_dir / f"map-{slug(city)}.html", title=_("Coalitions in {city}", city=city),
                          measures=measures)
        result.files.append(info.path)
    say(_("drawing the region"))
    info = render_map(data, out_dir / "map-region.html",
                      title=_("Coalitions in the 13 centre cities and Brussels"))
    result.files.append(info.path)
    if info.reduced:
        result.notes.append(info.note)
    result.files += _reports(data, out_dir, loaded, say)
    result.pivots = pd.DataFrame(rows)
    return result


def _reports(data, out_dir: Path, loaded, say) -> list[Path]:
    try:
        from coalitions.viz.report import render_index, render_report
    except ImportError:  # the report module is optional until it lands
        return []
    files = []
    inputs = [(s.path, s.sha256) for s in loaded.sources]
    cities = sorted(data.coalitions["city"].dropna().unique())
    for city in cities:
        from coalitions.i18n import _

        say(_("writing the report for {city}", city=city))
        files.append(render_report(data, city, out_dir / f"report-{slug(city)}.html",
                                   inputs=inputs, params={"command": "demo", "city": city}))
    files.append(render_index(out_dir, cities))
    return files
