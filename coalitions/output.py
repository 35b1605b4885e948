"""Tables as people and scripts read them: a terminal table, CSV, JSON or Markdown.

JSON is an array of row objects keyed by column name; numbers stay numbers, missing values
are null, lists stay lists.

A frame whose measure columns carry definitions (:func:`coalitions.analysis.definitions.attach`)
says so in every format: a footer under the terminal table and the Markdown table, ``#``
comment lines above the CSV header (``pandas.read_csv(path, comment="#")`` skips them), and
for JSON an object ``{"metadata": {...}, "rows": [...]}`` instead of the bare array.
"""

from __future__ import annotations

import io
import json
import math
from typing import Any

import numpy as np
import pandas as pd

from coalitions.formats import Format

__all__ = ["Format", "render", "to_json", "to_records"]


def _plain(v: Any) -> Any:
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, np.floating):
        f = float(v)
        return None if math.isnan(f) else f
    if isinstance(v, np.bool_):
        return bool(v)
    if isinstance(v, np.ndarray | list | tuple):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return v


def to_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain Python dicts (JSON-ready)."""
    return [{str(k): _plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


def to_json(value: Any) -> str:
    """A nest of dicts, tables and values (e.g. a case table) as JSON: each DataFrame as
    :func:`render` would give it, every other value as :func:`to_records` gives cells."""

    def plain(v: Any) -> Any:
        if isinstance(v, pd.DataFrame):
            return json.loads(render(v, Format.json))
        if isinstance(v, dict):
            return {str(k): plain(x) for k, x in v.items()}
        if isinstance(v, list | tuple):
            return [plain(x) for x in v]
        return to_records(pd.DataFrame([{"v": v}]))[0]["v"]

    return json.dumps(plain(value), ensure_ascii=False, indent=2, default=str)


def _cell(v: Any, digits: int = 4) -> str:
    v = _plain(v)
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.{digits}g}" if abs(v) < 1e6 else f"{v:.0f}"
    if isinstance(v, list):
        return ", ".join(_cell(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, default=str)
    return str(v)


def render(frame: pd.DataFrame, fmt: Format | str = Format.table, *, title: str | None = None,
           console: Any = None) -> str | None:
    """Render ``frame``. For ``table`` it prints with rich on ``console`` and returns None;
    otherwise it returns the text."""
    fmt = Format(fmt)
    meta = _metadata(frame)
    if fmt is Format.json:
        rows = to_records(frame)
        body: Any = {"metadata": meta, "rows": rows} if meta else rows
        return json.dumps(body, ensure_ascii=False, indent=2, default=str)
    if fmt is Format.csv:
        buf = io.StringIO()
        for line in _footer(meta):
            buf.write("# " + line.replace("\n", " ") + "\n")
        frame.map(_cell).to_csv(buf, index=False, lineterminator="\n") if len(frame) else \
            frame.to_csv(buf, index=False, lineterminator="\n")
        return buf.getvalue().rstrip("\n")
    if fmt is Format.markdown:
        cols = [str(c) for c in frame.columns]
        lines = ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
        for row in frame.itertuples(index=False):
            lines.append("| " + " | ".join(_cell(v).replace("|", "\\|").replace("\n", " ")
                                           for v in row) + " |")
        notes = _footer(meta)
        if notes:
            lines += ["", *(f"- {n}" for n in notes)]
        return "\n".join(lines)
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for c in frame.columns:
        numeric = pd.api.types.is_numeric_dtype(frame[c])
        table.add_column(escape(str(c)), justify="right" if numeric else "left",
                         overflow="fold")
    for row in frame.itertuples(index=False):
        table.add_row(*(escape(_cell(v)) for v in row))
    console = console or Console()
    console.print(table)
    for line in _footer(meta, short=True):
        console.print(line, style="dim", markup=False, emoji=False)
    return None


def _metadata(frame: pd.DataFrame) -> dict[str, Any]:
    from coalitions.analysis.definitions import provenance

    return provenance(frame)


def _footer(meta: dict[str, Any], *, short: bool = False) -> list[str]:
    """One line per measure column's definition, then the recorded facts."""
    lines = []
    for col, d in meta.get("definitions", {}).items():
        if short:
            lines.append(f"{col}: {d['name']} on the {d['network'].split(':')[0]}; "
                         f"{d['normalisation']}")
        else:
            lines.append(f"{col}: {d['name']}: {d['definition']}. Network: {d['network']}. "
                         f"Normalisation: {d['normalisation']}. Reference: {d['reference']}")
    for key, value in meta.get("facts", {}).items():
        lines.append(f"{key}, as computed here: {value}")
    if short and lines:
        lines.append("Definitions in full: coalitions explain")
    return lines
