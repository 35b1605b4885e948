"""Tables as people and scripts read them: a terminal table, CSV, JSON or Markdown.

JSON is an array of row objects keyed by column name; numbers stay numbers, missing values
are null, lists stay lists.
"""

from __future__ import annotations

import io
import json
import math
from typing import Any

import numpy as np
import pandas as pd

from coalitions.formats import Format

__all__ = ["Format", "render", "to_records"]


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
    if fmt is Format.json:
        return json.dumps(to_records(frame), ensure_ascii=False, indent=2, default=str)
    if fmt is Format.csv:
        buf = io.StringIO()
        frame.map(_cell).to_csv(buf, index=False, lineterminator="\n") if len(frame) else \
            frame.to_csv(buf, index=False, lineterminator="\n")
        return buf.getvalue().rstrip("\n")
    if fmt is Format.markdown:
        cols = [str(c) for c in frame.columns]
        lines = ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
        for row in frame.itertuples(index=False):
            lines.append("| " + " | ".join(_cell(v).replace("|", "\\|").replace("\n", " ")
                                           for v in row) + " |")
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
    (console or Console()).print(table)
    return None
