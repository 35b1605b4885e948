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


# The sample's two inventory waves, loaded as waves "1" and "2" (see the sample's README).
WAVES = (("1", SAMPLE_DIR), ("2", SAMPLE_DIR / "wave2"))


@dataclass
class DemoResult:
    pivots: pd.DataFrame  # top actors per city, in the latest wave
    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # what changed from wave 1 to wave 2 (coalitions.analysis.changes), and its summary
    changes: dict[str, pd.DataFrame] = field(default_factory=dict)
    change_summary: pd.DataFrame = field(default_factory=pd.DataFrame)


def run_demo(store: Store, out_dir: Path, *, top: int = 3,
             step: Callable[[str], None] | None = None) -> DemoResult:
    """Load the sample's two waves into ``store``; return the top pivot actors per city in
    the latest wave (by betweenness on the city's actor network) and what changed between
    the waves, and write a map per city, a region map, a report per city and an index page
    into ``out_dir``."""
    from coalitions.analysis.centrality import actor_measures
    from coalitions.analysis.changes import changes
    from coalitions.i18n import _
    from coalitions.loaders import load_inputs
    from coalitions.viz.maps import VIS_JS_NAME, render_map, write_vis_js

    say = step or (lambda _msg: None)
    # Before loading: a bad --out should not leave the sample in the store.
    out_dir = make_folder(out_dir)
    say(_("loading the sample's two waves"))
    for wave, path in WAVES:
        loaded = load_inputs([path])
        store.load(loaded.data, wave=wave, inputs=loaded.inputs())
    first, latest = WAVES[0][0], WAVES[-1][0]
    data = store.read_graph(latest)

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
    say(_("drawing the region"))
    # Every page of the folder loads this one copy of vis-network instead of inlining its
    # 470 kB: 30 pages would otherwise hold 30 copies. The city maps are written by the
    # reports that embed them (_reports).
    result.files.append(write_vis_js(out_dir))
    info = render_map(data, out_dir / "map-region.html",
                      title=_("Coalitions in the 13 centre cities and Brussels"),
                      vis_src=VIS_JS_NAME)
    result.files.append(info.path)
    if info.reduced:
        result.notes.append(info.note)
    result.files += _reports(data, out_dir, loaded, say)
    result.pivots = pd.DataFrame(rows)
    result.pivots.attrs["facts"] = store.wave_facts(latest)
    say(_("comparing the waves"))
    result.changes = changes(store.read_graph(first), data, from_wave=first, to_wave=latest)
    result.change_summary = change_summary(result.changes)
    return result


def change_summary(tables: dict[str, pd.DataFrame], *, examples: int = 3) -> pd.DataFrame:
    """One line per table of :func:`coalitions.analysis.changes.changes`: how many rows,
    and the first few, named."""
    def name(table: str, row: pd.Series) -> str:
        if table.startswith("coalitions"):
            return f"{row['name']} ({row['city']})"
        if table in ("members_joined", "members_left"):
            return f"{row['actor_name']} in {row['coalition_name']}"
        if table == "roles_changed":
            return f"{row['actor_name']}: {row['role_before']} → {row['role_after']}"
        if table == "pivots":
            if row["declared_before"] != row["declared_after"]:
                return f"{row['name']}: declared {row['declared_before']} → " \
                       f"{row['declared_after']}"
            return f"{row['name']}: structural {row['structural_before']} → " \
                   f"{row['structural_after']}"
        if table == "actors":
            return f"{row['name']} ({int(row['rank_change']):+d} places)"
        return f"{row['city']} {row['measure']} {row['change']:+g}"

    rows = [{"change": t.replace("_", " "), "n": len(f),
             "examples": "; ".join(name(t, r) for _, r in f.head(examples).iterrows())}
            for t, f in tables.items()]
    frame = pd.DataFrame(rows, columns=["change", "n", "examples"])
    first = next(iter(tables.values()), None)
    if first is not None:
        frame.attrs["facts"] = dict(first.attrs.get("facts", {}))
    return frame


def _reports(data, out_dir: Path, loaded, say) -> list[Path]:
    try:
        from coalitions.viz.report import render_index, render_report
    except ImportError:  # the report module is optional until it lands
        return []
    from coalitions.i18n import _

    files = []
    # (file names, not the paths of the installed package: see Store.wave_facts)
    inputs = [(Path(s.path).name, s.sha256) for s in loaded.sources]
    cities = sorted(data.coalitions["city"].dropna().unique())
    for city in cities:
        say(_("writing the report for {city}", city=city))
        files.append(render_report(data, city, out_dir / f"report-{slug(city)}.html",
                                   inputs=inputs, params={"command": "demo", "city": city},
                                   shared_assets=True))
        files.append(out_dir / f"map-{slug(city)}.html")  # written by render_report
    files.append(render_index(
        out_dir, cities, title=_("Coalitions demo: city reports and maps"),
        description=_("Made by `coalitions demo` from the bundled sample: {cities} cities, "
                      "{coalitions} coalitions, {actors} actors.", cities=len(cities),
                      coalitions=len(data.coalitions), actors=len(data.actors))))
    return files
