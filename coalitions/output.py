r"""Tables as people, scripts and papers read them: a terminal table, CSV, JSON, Markdown or
LaTeX.

The data in these tables comes from workbooks other people filled in, so every format
treats a cell as hostile text:

- **table** (the terminal) and **markdown**: :func:`~coalitions.terminal.safe_text` shows control characters,
  escape sequences and bidirectional overrides as visible escapes (``\x1b``, ``\u202e``); on
  the terminal a cell is plain text, never rich markup (``[link=…]``) or an emoji code
  (``:x:``).
- **CSV**: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
  gets a ``'`` in front (:func:`csv_safe`, OWASP's advice against formula injection), so a
  spreadsheet shows it as text instead of running it; numbers are written as they are, floats
  in full (Python's shortest repr, which reads back as the same float64, as JSON's does).
- **JSON**: ``{"metadata": {...}, "rows": [...]}``, the rows as objects keyed by column name;
  numbers stay numbers, missing values are null, lists stay lists. NaN and ±Infinity, which
  JSON has no literal for, are written as ``null`` (:func:`to_json`), and control,
  bidirectional-override and line-separator characters inside strings as ``\uXXXX`` escapes
  (the same strings, parsed).
- **latex**: a booktabs table (:mod:`coalitions.latex`) in which every character LaTeX acts on
  is escaped.

Every table carries its provenance (:mod:`coalitions.provenance`: command, time, seed, wave,
inputs, versions) and the definitions of its measure columns
(:func:`coalitions.analysis.definitions.attach`): ``#`` comment lines above the CSV header
(:func:`read_csv` skips them; so does ``pandas.read_csv(path, comment="#")``), ``%`` comment
lines above the LaTeX table (the definitions as a note under it), the ``metadata`` of the
JSON, notes under the Markdown table, and a short footer under the terminal table.
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

__all__ = ["Format", "csv_safe", "csv_text", "read_csv", "render", "safe_text", "to_json",
           "to_records"]

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
    """The CSV writer: quotes what it must, and a bare carriage return and ``#`` too.

    Python's csv writer before 3.11.9 / 3.12.3 (CPython gh-67044) leaves a cell with a bare
    ``\r`` unquoted when the line end is ``\n``, and every reader then breaks the row there.
    A ``#`` must be quoted too: unquoted, ``pandas.read_csv(comment="#")`` cuts the cell
    there, and a header starting with ``#`` would read as one more provenance line. The
    writer cannot be told to quote one cell, so then every cell is quoted.
    """
    def special(v: Any) -> bool:
        return isinstance(v, str) and ("\r" in v or "#" in v)

    quote_all = any(special(str(c)) for c in frame.columns) or bool(
        frame.map(special).to_numpy().any())
    buf = io.StringIO()
    frame.to_csv(buf, index=False, lineterminator="\n",
                 quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
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
        meta = _measures(v)
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


def _cell(v: Any, digits: int | None = 4) -> str:
    """A cell as text: floats to ``digits`` significant digits, or with ``digits=None`` in
    Python's shortest repr that reads back as the same float64 (what JSON writes)."""
    if isinstance(v, float | np.floating) and math.isinf(v):
        return "inf" if v > 0 else "-inf"
    v = _plain(v)
    if v is None:
        return ""
    if isinstance(v, float):
        if digits is None:
            return repr(v)
        return f"{v:.{digits}g}" if abs(v) < 1e6 else f"{v:.0f}"
    if isinstance(v, list):
        return ", ".join(_cell(x, digits) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, default=str)
    return str(v)


def render(frame: pd.DataFrame, fmt: Format | str = Format.table, *, title: str | None = None,
           console: Any = None, run: dict[str, Any] | None = None,
           lang: str | None = None) -> str | None:
    """Render ``frame``. For ``table`` it prints with rich on ``console`` and returns None;
    otherwise it returns the text.

    ``run`` says how the table was made, for its provenance (:mod:`coalitions.provenance`):
    ``command`` (the command line) and ``seed``; the command line passes it, a table
    rendered from Python has none.

    ``lang`` (``"en"``/``"nl"``; default :func:`coalitions.i18n.language`) is the language of
    the column headers, notes and footers a person reads (terminal, Markdown, LaTeX); CSV and
    JSON keep the English column keys, definitions and provenance, which scripts read.
    """
    from coalitions.i18n import column_label, language

    fmt = Format(fmt)
    lang = language() if lang is None else lang
    meta = _metadata(frame, run)
    if fmt not in (Format.csv, Format.json):
        if lang != "en":
            from coalitions.i18n import TEXT_COLUMNS, translate_cell

            meta = _metadata(frame, run, lang)
            texts = [c for c in frame.columns if c in TEXT_COLUMNS]
            if texts:
                frame = frame.assign(**{c: frame[c].map(lambda v, c=c: translate_cell(c, v, lang))
                                        for c in texts})
        frame = frame.set_axis([column_label(str(c), lang) for c in frame.columns], axis=1)
    if fmt is Format.json:
        return to_json({"metadata": meta, "rows": to_records(frame)})
    if fmt is Format.csv:
        # The provenance as # comment lines, then the cells: floats in full (the shortest
        # text that reads back as the same float64, as in JSON), lists joined; only text is
        # neutralised, so a number such as -0.5 stays a number.
        comments = "".join("# " + _one_line(line) + "\n" for line in _footer(meta))
        cells = frame.map(lambda v: _cell(v, None) if _is_number(v)
                          else csv_safe(_cell(v, None)))
        cells.columns = [csv_safe(str(c)) for c in frame.columns]
        return (comments + _write_csv(cells)).rstrip("\n")
    if fmt is Format.latex:
        from coalitions.latex import latex_table

        notes = _footer(meta, provenance=False, lang=lang)
        comments = [_one_line(line) for line in _provenance_lines(meta)]
        return latex_table(frame, title=title, notes=notes, comments=comments)
    if fmt is Format.markdown:
        cols = [_md_cell(c) for c in frame.columns]
        lines = ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
        for row in frame.itertuples(index=False):
            lines.append("| " + " | ".join(_md_cell(_cell(v)) for v in row) + " |")
        notes = _footer(meta, lang=lang)
        if notes:
            lines += ["", *(f"- {_md_note(n)}" for n in notes)]
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


def read_csv(source: Any, **kwargs: Any) -> pd.DataFrame:
    r"""Read a CSV written by :func:`render` (``--format csv``): skip the leading ``#``
    provenance lines, then :func:`pandas.read_csv` the rest.

    Only the lines *before* the header are skipped, so a cell holding ``#`` reads back as
    it is. (``pandas.read_csv(path, comment="#")`` also skips the provenance, and keeps a
    ``#`` inside a quoted cell, which is why such cells are written quoted; but it cuts
    any unquoted field at a ``#``.) Floats are written in full, so pandas reads back the
    same float64 values as the JSON output holds.

    ``source`` is a path or a text buffer; ``kwargs`` go to :func:`pandas.read_csv`.
    """
    if hasattr(source, "read"):
        text = source.read()
    else:
        with open(source, encoding="utf-8", newline="") as fh:
            text = fh.read()
    body = text
    while body.startswith("#"):
        cut = body.find("\n")
        body = "" if cut < 0 else body[cut + 1:]
    return pd.read_csv(io.StringIO(body), **kwargs)


def _metadata(frame: pd.DataFrame, run: dict[str, Any] | None = None,
              lang: str = "en") -> dict[str, Any]:
    """The provenance of a table (how it was made) and its measures' definitions."""
    from coalitions.provenance import table_provenance

    measures = _measures(frame, lang)
    return {**table_provenance(measures.get("facts"), run), **measures}


def _measures(frame: pd.DataFrame, lang: str = "en") -> dict[str, Any]:
    from coalitions.analysis.definitions import provenance

    return provenance(frame, lang=lang)


# Facts shown as provenance lines of their own, not as "as computed here" notes.
_RUN_FACTS = ("wave", "inputs", "from_wave", "to_wave")


def _provenance_lines(meta: dict[str, Any]) -> list[str]:
    lines = []
    if "command" in meta:
        lines.append(f"made by: {meta['command']}")
    lines.append(f"generated: {meta.get('generated')}")
    for key in ("seed", "wave", "from_wave", "to_wave"):
        if key in meta:
            lines.append(f"{key}: {meta[key]}")
    inputs = meta.get("inputs")
    if isinstance(inputs, list):
        lines.append("inputs: " + "; ".join(f"{i['path']} (SHA-256 {i['sha256']})"
                                            for i in inputs))
    elif inputs is not None:
        lines.append(f"inputs: {inputs}")
    if meta.get("versions"):
        lines.append("versions: " + ", ".join(f"{k} {v}" for k, v in meta["versions"].items()))
    return lines


def _footer(meta: dict[str, Any], *, short: bool = False, provenance: bool = True,
            lang: str = "en") -> list[str]:
    """The provenance lines (unless ``short`` or not ``provenance``), one line per measure
    column's definition, then the recorded facts; ``short`` (the terminal) ends with one
    line on the version, seed and wave instead. ``lang`` is the language of the definitions
    and notes; the provenance lines stay English (scripts read them)."""
    from coalitions.i18n import _, column_label, translate

    lines = [] if short or not provenance else _provenance_lines(meta)
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
        if key not in _RUN_FACTS:
            # (the value is the tool's own sentence, or data the catalogue leaves alone)
            shown = translate(value, lang) if isinstance(value, str) else value
            lines.append(_("{key}, as computed here: {value}", lang, key=key, value=shown))
    if short:
        if meta.get("definitions"):
            lines.append(_("Definitions in full: coalitions explain", lang))
        made = [f"coalitions {meta.get('versions', {}).get('coalitions', '?')}"]
        made += [f"{_(key, lang)} {meta[key]}" for key in ("seed", "wave") if key in meta]
        if "from_wave" in meta and "to_wave" in meta:
            made.append(f"{_('waves', lang)} {meta['from_wave']} → {meta['to_wave']}")
        if isinstance(meta.get("inputs"), list):
            made.append(_("inputs", lang) + " " + _short_inputs(meta["inputs"], lang))
        lines.append(", ".join(made) + _("; provenance in full with --format csv, json, "
                                         "latex or markdown", lang))
    return lines


def _short_inputs(inputs: list[dict[str, Any]], lang: str = "en") -> str:
    """The input files by name for the terminal's last line; the files of a comparison
    ("wave 1: actors.csv", ...) grouped by their wave, so the line names each wave once."""
    groups: dict[str, list[str]] = {}
    for item in inputs:
        wave, sep, name = str(item["path"]).partition(": ")
        if sep and wave.startswith("wave "):
            groups.setdefault(wave, []).append(name)
        else:
            groups.setdefault("", []).append(str(item["path"]))
    from coalitions.i18n import _

    return "; ".join((f"{_('wave', lang)} {wave[5:]}: " if wave else "") + " + ".join(names)
                     for wave, names in groups.items())


def _one_line(text: str) -> str:
    """A comment line: control characters shown (:func:`safe_text`) and line breaks as
    spaces, so nothing in it can end the comment and start a line of data."""
    return re.sub("[\n\u2028\u2029\x85]", " ", safe_text(text))


def _md_note(text: str) -> str:
    return re.sub("[\n\u2028\u2029]", " ", safe_text(text))


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
