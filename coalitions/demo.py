"""`coalitions demo`: the bundled sample loaded, analysed and drawn in one go."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from coalitions.fileio import make_folder
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
    an index page into ``out_dir``, all loading one shared ``vis-network.min.js``."""
    from coalitions.analysis.centrality import actor_measures
    from coalitions.loaders import load_inputs
    from coalitions.viz.maps import VIS_JS_NAME, render_map, write_vis_js

    say = step or (lambda _msg: None)
    # Before loading: a bad --out should not leave the sample in the store.
    out_dir = make_folder(out_dir)
    say("loading the sample")
    loaded = load_inputs([SAMPLE_DIR])
    store.load(loaded.data)
    data = store.read_graph()

    result = DemoResult(pivots=pd.DataFrame())
    rows = []
    for city in data.coalitions["city"].dropna().drop_duplicates().sort_values():
        say(f"analysing {city}")
        part = Scope(city=city).apply(data)
        measures = actor_measures(part)
        best = measures.sort_values(["betweenness", "coalitions"], ascending=False).head(top)
        for rank, row in enumerate(best.itertuples(index=False), start=1):
            rows.append({"city": city, "rank": rank, "name": row.name,
                         "sector": row.sector, "coalitions": row.coalitions,
                         "betweenness": row.betweenness})
    say("drawing the region")
    # Every page of the folder loads this one copy of vis-network instead of inlining its
    # 470 kB: 30 pages would otherwise hold 30 copies. The city maps are written by the
    # reports that embed them (_reports).
    result.files.append(write_vis_js(out_dir))
    info = render_map(data, out_dir / "map-region.html",
                      title="Coalitions in the 13 centre cities and Brussels",
                      vis_src=VIS_JS_NAME)
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
        say(f"writing the report for {city}")
        files.append(render_report(data, city, out_dir / f"report-{slug(city)}.html",
                                   inputs=inputs, params={"command": "demo", "city": city},
                                   shared_assets=True))
        files.append(out_dir / f"map-{slug(city)}.html")  # written by render_report
    files.append(render_index(
        out_dir, cities, title="Coalitions demo: city reports and maps",
        description=f"Made by `coalitions demo` from the bundled sample: {len(cities)} "
                    f"cities, {len(data.coalitions)} coalitions, {len(data.actors)} actors."))
    return files
