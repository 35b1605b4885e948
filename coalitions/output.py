r"""Tables as people and scripts read them: a terminal table, CSV, JSON or Markdown.

The data in these tables comes from workbooks other people filled in, so every format
treats a cell as hostile text:

- **table** (the terminal) and **markdown**: :func:`~coalitions.terminal.safe_text` shows control characters,
  escape sequences and bidirectional overrides as visible escapes (``\x1b``, ``\u202e``); on
  the terminal a cell is plain text, never rich markup (``[link=…]``) or an emoji code
  (``:x:``).
- **CSV**: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
  gets a ``'`` in front (:func:`csv_safe`, OWASP's advice against formula injection), so a
  spreadsheet shows it as text instead of running it; numbers are written as they are.
- **JSON**: an array of row objects keyed by column name; numbers stay numbers, missing
  values are null, lists stay lists. NaN and ±Infinity, which JSON has no literal for, are
  written as ``null`` (:func:`to_json`), and control, bidirectional-override and
  line-separator characters inside strings as ``\uXXXX`` escapes (the same strings, parsed).

A frame whose measure columns carry definitions (:func:`coalitions.analysis.definitions.attach`)
says so in every format: a footer under the terminal table and the Markdown table, ``#``
comment lines above the CSV header (``pandas.read_csv(path, comment="#")`` skips them), and
for JSON an object ``{"metadata": {...}, "rows": [...]}`` instead of the bare array.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from typing import Any

import numpy as np
import pandas as pd

from coalitions.formats import Format
from coalitions.terminal import safe_text

__all__ = ["Format", "csv_safe", "csv_text", "render", "safe_text", "to_json", "to_records"]

# Written as \uXXXX inside JSON strings: what safe_text escapes (C0 controls json.dumps
# escapes itself) and the line and paragraph separators, which end a line in JavaScript.
_JSON_ESCAPE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029"
                          "\ud800-\udfff]")
# First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run as a formula.

    Text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a single
    quote in front (``=HYPERLINK(…)`` → ``'=HYPERLINK(…)``), as OWASP advises against CSV
    (formula) injection. Anything that is not text — numbers such as ``-0.5``, booleans,
    missing values — is returned unchanged.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_text(frame: pd.DataFrame) -> str:
    r"""``frame`` as CSV text (no index, ``\n`` line ends), every text cell and column name
    through :func:`csv_safe`, numbers as they are."""
    safe = frame.map(csv_safe)
    safe.columns = [csv_safe(str(c)) for c in frame.columns]
    return _write_csv(safe)


def _write_csv(frame: pd.DataFrame) -> str:
    """The CSV writer: quotes what it must, and a bare carriage return too.

    Python's csv writer before 3.11.9 / 3.12.3 (CPython gh-67044) leaves a cell with a bare
    ``\r`` unquoted when the line end is ``\n``, and every reader then breaks the row there.
    It cannot be told to quote one cell, so then every cell is quoted.
    """
    has_cr = any("\r" in str(c) for c in frame.columns) or bool(
        frame.map(lambda v: isinstance(v, str) and "\r" in v).to_numpy().any())
    buf = io.StringIO()
    frame.to_csv(buf, index=False, lineterminator="\n",
                 quoting=csv.QUOTE_ALL if has_cr else csv.QUOTE_MINIMAL)
    return buf.getvalue()


def to_json(value: Any) -> str:
    r"""``value`` (a DataFrame, a list of rows, a dict of them) as strict JSON text.

    DataFrames become arrays of row objects (:func:`to_records`), inside
    ``{"metadata": ..., "rows": [...]}`` when their measures carry definitions. Missing
    values, NaN and ±Infinity become ``null``: JSON has no literal for them, and
    ``NaN``/``Infinity`` (what
    :func:`json.dumps` writes by default) are refused by strict parsers. Control,
    bidirectional-override, line-separator characters and lone surrogates inside strings are
    written as ``\uXXXX`` escapes, so the text is safe to print and parses back to the same
    strings. Other objects (dates, …) are written as their ``str``.
    """
    text = json.dumps(_plain(value), ensure_ascii=False, indent=2, default=str,
                      allow_nan=False)
    return _JSON_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _plain(v: Any) -> Any:
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, pd.DataFrame):
        # A table nested in a larger answer (e.g. a case) keeps its definitions, as a
        # table printed on its own does (see render).
        meta = _metadata(v)
        return {"metadata": _plain(meta), "rows": to_records(v)} if meta else to_records(v)
    if isinstance(v, float):
        return v if math.isfinite(v) else None
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, np.floating):
        f = float(v)
        return f if math.isfinite(f) else None
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
    if isinstance(v, float | np.floating) and math.isinf(v):
        return "inf" if v > 0 else "-inf"
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
           console: Any = None, lang: str | None = None) -> str | None:
    """Render ``frame``. For ``table`` it prints with rich on ``console`` and returns None;
    otherwise it returns the text.

    ``lang`` (``"en"``/``"nl"``; default :func:`coalitions.i18n.language`) is the language of
    the column headers and footers a person reads (terminal, Markdown); CSV and JSON keep
    the English column keys and definitions, which scripts read.
    """
    from coalitions.i18n import column_label, language

    fmt = Format(fmt)
    lang = language() if lang is None else lang
    meta = _metadata(frame)
    if fmt not in (Format.csv, Format.json):
        if lang != "en":
            from coalitions.i18n import TEXT_COLUMNS, translate_cell

            meta = _metadata(frame, lang)
            texts = [c for c in frame.columns if c in TEXT_COLUMNS]
            if texts:
                frame = frame.assign(**{c: frame[c].map(lambda v, c=c: translate_cell(c, v, lang))
                                        for c in texts})
        frame = frame.set_axis([column_label(str(c), lang) for c in frame.columns], axis=1)
    if fmt is Format.json:
        rows = to_records(frame)
        return to_json({"metadata": meta, "rows": rows} if meta else rows)
    if fmt is Format.csv:
        # The definitions as # comment lines, then the cells read as on the table (lists
        # joined, floats to 4 significant digits); only text is neutralised, so a number
        # such as -0.5 stays a number.
        comments = "".join("# " + safe_text(line).replace("\n", " ") + "\n"
                           for line in _footer(meta))
        cells = frame.map(lambda v: _cell(v) if _is_number(v) else csv_safe(_cell(v)))
        cells.columns = [csv_safe(str(c)) for c in frame.columns]
        return (comments + _write_csv(cells)).rstrip("\n")
    if fmt is Format.markdown:
        cols = [_md_cell(c) for c in frame.columns]
        lines = ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
        for row in frame.itertuples(index=False):
            lines.append("| " + " | ".join(_md_cell(_cell(v)) for v in row) + " |")
        notes = _footer(meta, lang=lang)
        if notes:
            lines += ["", *(f"- {safe_text(n)}" for n in notes)]
        return "\n".join(lines)
    from rich.console import Console
    from rich.table import Table

    table = Table(title=_terminal_text(title) if title is not None else None,
                  show_lines=False, header_style="bold")
    for i, c in enumerate(frame.columns):
        numeric = pd.api.types.is_numeric_dtype(frame.iloc[:, i])
        table.add_column(_terminal_text(c), justify="right" if numeric else "left",
                         overflow="fold")
    for row in frame.itertuples(index=False):
        table.add_row(*(_terminal_text(_cell(v)) for v in row))
    console = console or Console(emoji=False)
    console.print(table)
    for line in _footer(meta, short=True, lang=lang):
        console.print(_terminal_text(line), style="dim")
    return None


def _metadata(frame: pd.DataFrame, lang: str = "en") -> dict[str, Any]:
    from coalitions.analysis.definitions import provenance

    return provenance(frame, lang=lang)


def _footer(meta: dict[str, Any], *, short: bool = False, lang: str = "en") -> list[str]:
    """One line per measure column's definition, then the recorded facts."""
    from coalitions.i18n import _, column_label

    lines = []
    for col, d in meta.get("definitions", {}).items():
        col = column_label(col, lang)
        if short:
            lines.append(_("{column}: {name} on the {network}; {normalisation}", lang,
                           column=col, name=d["name"], network=d["network"].split(":")[0],
                           normalisation=d["normalisation"]))
        elif lang == "en":
            lines.append(f"{col}: {d['name']}: {d['definition']}. Network: {d['network']}. "
                         f"Normalisation: {d['normalisation']}. Reference: {d['reference']}")
        else:
            lines.append(f"{col}: {d['name']}: {d['definition']}. Netwerk: {d['network']}. "
                         f"Normalisatie: {d['normalisation']}. Bron: {d['reference']}")
    for key, value in meta.get("facts", {}).items():
        lines.append(_("{key}, as computed here: {value}", lang, key=key, value=value))
    if short and lines:
        lines.append(_("Definitions in full: coalitions explain", lang))
    return lines


def _terminal_text(value: Any) -> Any:
    """A table cell for rich: a ``Text``, in which rich reads neither markup nor emoji codes,
    with control characters shown (:func:`safe_text`) and tabs expanded (rich sizes a column
    before it expands tabs, and would fold the cell in the middle of a word)."""
    from rich.text import Text

    return Text(safe_text(value).expandtabs(4))


def _is_number(v: Any) -> bool:
    return (isinstance(v, int | float | np.integer | np.floating)
            and not isinstance(v, bool | np.bool_))


def _md_cell(v: Any) -> str:
    r"""A Markdown table cell: visible control characters, one line, backslashes and pipes
    escaped. Backslashes first: otherwise a cell ending in ``\`` would turn the escaped
    pipe ``\|`` after it into ``\\|``, which GitHub reads as a backslash and a cell break
    and markdown-it as a backslash and a pipe."""
    text = safe_text(v).replace("\\", "\\\\").replace("|", "\\|")
    return re.sub("[\n\u2028\u2029]", " ", text)
