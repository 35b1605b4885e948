"""Files to raw tables: which file or sheet holds which table, its bytes decoded, its cells.

A reader knows nothing of what the cells mean. It finds the tables (``coalitions``,
``actors``, ``memberships``, ``ties``) in an ``.xlsx`` workbook, a folder of CSVs or single
CSV files; decodes text (UTF-8 with or without BOM, otherwise a detected encoding); sniffs
the separator; and hands back every cell as a stripped string (``None`` when empty) with the
row number a spreadsheet user sees. Headers are mapped to canonical column names here, since
that decides which table a sheet is and which columns it lacks; what the values mean is
:mod:`coalitions.loaders.validate`'s concern.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from coalitions.errors import Problem
from coalitions.loaders.taxonomy import normalise_text

__all__ = [
    "HEADERS",
    "MAX_CELL_CHARS",
    "RawTable",
    "SourceFile",
    "TABLE_NAMES",
    "read_inputs",
]

# The four tables, in the order they are built and reported.
TABLES = ("coalitions", "actors", "memberships", "ties")

# Sheet or file names (normalised) that hold each table; Dutch beside English.
TABLE_NAMES: dict[str, tuple[str, ...]] = {
    "coalitions": ("coalitions", "coalition", "coalities", "coalitie", "inventaris", "inventory"),
    "actors": ("actors", "actor", "actoren"),
    "memberships": ("memberships", "membership", "lidmaatschappen", "lidmaatschap", "leden"),
    "ties": ("ties", "tie", "banden", "band"),
}
# Sheets a workbook may carry beside the tables (the template's own explanation sheet).
_IGNORED_SHEETS = ("toelichting", "readme", "uitleg", "lijsten", "lists")

# Accepted headers per table: canonical column -> normalised header spellings. The first
# Dutch and the first English spelling are what messages offer as "accepted headers".
HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "coalitions": {
        "id": ("id", "code", "coalitie_id", "coalition_id"),
        "name": ("naam", "name", "coalitie", "coalition"),
        "city": ("stad", "city", "gemeente"),
        "theme": ("thema", "theme", "themes", "themas", "thema s", "thema's"),
        "goals": ("doel", "goals", "doelen", "goal"),
        "actions": ("acties", "actions", "actie", "action"),
        "founded": ("leeftijd", "founded", "opgericht", "oprichting", "founded_year", "age"),
        "size": ("omvang", "size"),
        "actors": ("actoren", "actors"),
        "role": ("rol", "role", "rollen", "roles"),
        "relation": ("relatie", "relation", "relatie met overheid", "relatie met stad",
                     "relation to government"),
        "relation_year": ("relatie_jaar", "relation_year", "relatiejaar", "jaar relatie"),
        "origin": ("oorsprong", "origin", "ontstaan"),
        "sectors": ("sectoren", "sectors", "sector"),
        "n_organisations": ("aantal organisaties", "n_organisations", "n_organizations"),
        "n_volunteers": ("aantal vrijwilligers", "n_volunteers"),
        "end": ("einde", "end", "end_year", "eindjaar", "gestopt in", "ended"),
        "status": ("status", "toestand"),
        "in_between": ("tussenruimte", "in_between", "in between space"),
        "autonomy": ("autonomie", "autonomy", "onafhankelijkheid", "independence"),
        "resource_dependence": ("afhankelijkheid", "resource_dependence",
                                "afhankelijkheid van middelen", "middelenafhankelijkheid",
                                "resource dependence"),
        "evaluation": ("evaluatie", "evaluation"),
    },
    "actors": {
        "id": ("id", "code", "actor_id"),
        "name": ("naam", "name"),
        "kind": ("soort", "kind", "type"),
        "sector": ("sector",),
        "function": ("functie", "function"),
        "organisation": ("organisatie", "organisation", "organization"),
        "city": ("stad", "city", "gemeente"),
    },
    "memberships": {
        "actor": ("actor", "actor_id", "actoren"),
        "coalition": ("coalitie", "coalition", "coalition_id", "coalitie_id"),
        "role": ("rol", "role"),
        "since": ("sinds", "since", "van", "from"),
        "until": ("tot", "until", "tot en met", "to"),
    },
    "ties": {
        "source": ("bron", "source", "van", "from"),
        "target": ("doel", "target", "naar", "to"),
        "type": ("type", "soort"),
        "weight": ("gewicht", "weight"),
    },
}

# Columns whose values repeat by their nature (a few thousand coalitions for a million
# memberships, a handful of roles and kinds): read as Arrow dictionaries, each distinct cell
# becomes one Python string and the column comes with its factorisation.
_REPEATING = {
    "memberships": {"coalition", "role", "since", "until"},
    "actors": {"kind", "sector", "function", "organisation", "city"},
    "ties": {"type"},
}

# Excel refuses more than 32,767 characters in a cell; the template is an Excel workbook, so
# a longer cell is a mistake (a pasted file, a runaway formula) rather than an inventory text.
MAX_CELL_CHARS = 32_767

_CSV_SUFFIXES = (".csv", ".txt", ".tsv")
_XLSX_SUFFIXES = (".xlsx", ".xlsm")
# Western single-byte encodings charset-normalizer proposes for short Dutch/French text; the
# bytes are then almost always cp1252, which Excel on Windows writes in Belgium.
_LATIN_GUESSES = {
    "cp1252", "cp1250", "cp1257", "cp775", "cp850", "cp852", "cp858", "latin_1", "iso8859_1",
    "iso8859_15", "iso8859_2", "mac_latin2", "mac_iceland", "mac_roman", "ascii",
}


@dataclass(frozen=True)
class SourceFile:
    """A file that was read: its path as given, the SHA-256 of its bytes, and its kind."""

    path: str
    sha256: str
    kind: str  # "xlsx" or "csv"


@dataclass
class RawTable:
    """One table as read from one file or sheet.

    ``frame`` has one column per recognised header (canonical names, object dtype, stripped
    strings or ``None``), beside it ``?name`` (bool: the cell has a value), and ``_row``: the
    row number a spreadsheet user sees (header = 1).
    ``headers`` maps each canonical column to the header as the user wrote it.
    ``codes`` holds, for some columns, what ``pd.factorize`` of the column returns (codes
    with -1 for ``None``, and the distinct values), where the reader found it on the way;
    ``arrow`` some columns as Arrow read them (the same cells, "" where ``None``), which
    Arrow looks up faster than pandas does Python strings.
    """

    kind: str
    file: str
    sheet: str | None
    frame: pd.DataFrame
    headers: dict[str, str] = field(default_factory=dict)
    codes: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    arrow: dict[str, pa.Array] = field(default_factory=dict)


def read_inputs(
    paths: Sequence[str | Path], encoding: str | None = None
) -> tuple[list[RawTable], list[SourceFile], list[Problem]]:
    """Read every table found in ``paths`` (workbooks, CSV files, folders of CSVs).

    Returns the tables, the files read, and the problems met (errors and warnings). Never
    raises for a user's mistake: an unreadable file is a problem, and reading goes on.
    """
    tables: list[RawTable] = []
    sources: list[SourceFile] = []
    problems: list[Problem] = []
    if not paths:
        problems.append(Problem("(no input)", None, None, None, "no input files were given"))
    for raw_path in paths:
        path = Path(raw_path)
        name = str(raw_path)
        if path.is_dir():
            _read_folder(path, encoding, tables, sources, problems)
        elif not path.exists():
            problems.append(Problem(name, None, None, None, "file or folder not found"))
        else:
            _read_file(path, name, encoding, tables, sources, problems, in_folder=False)
    return tables, sources, problems


# helpers


def _read_folder(folder: Path, encoding, tables, sources, problems) -> None:
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    found = False
    for p in files:
        suffix = p.suffix.lower()
        if suffix in _CSV_SUFFIXES and _table_for_name(p.stem):
            found = True
            _read_file(p, str(p), encoding, tables, sources, problems, in_folder=True)
        elif suffix in _CSV_SUFFIXES + _XLSX_SUFFIXES:
            problems.append(Problem(
                str(p), None, None, None,
                "ignored: a CSV file in a folder must be named coalitions, actors, memberships "
                "or ties (Dutch: coalities, actoren, lidmaatschappen, banden); pass a workbook "
                "as its own argument",
                "warning",
            ))
    if not found:
        problems.append(Problem(
            str(folder), None, None, None,
            "no coalitions.csv, actors.csv, memberships.csv or ties.csv in this folder "
            "(Dutch names coalities, actoren, lidmaatschappen, banden are accepted too)",
        ))


def _read_file(path: Path, name: str, encoding, tables, sources, problems, in_folder) -> None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(name, None, None, None, f"cannot be read: {exc.strerror or exc}"))
        return
    suffix = path.suffix.lower()
    if not data or data.isspace():  # (as `not data.strip()`, without copying the file)
        problems.append(Problem(name, None, None, None, "file is empty"))
        return
    if suffix in _XLSX_SUFFIXES:
        sources.append(SourceFile(name, hashlib.sha256(data).hexdigest(), "xlsx"))
        _read_workbook(data, name, tables, problems)
    elif suffix in _CSV_SUFFIXES:
        sources.append(SourceFile(name, hashlib.sha256(data).hexdigest(), "csv"))
        kind = _table_for_name(path.stem) or "coalitions"
        _read_csv(data, name, kind, encoding, tables, problems)
    elif suffix in (".xls", ".ods", ".numbers"):
        problems.append(Problem(
            name, None, None, None,
            f"{suffix} files cannot be read; save the workbook as .xlsx (Excel workbook) or "
            "export each sheet as CSV",
        ))
    else:
        problems.append(Problem(
            name, None, None, None,
            f"unsupported file type {suffix or '(no extension)'}; expected .xlsx, .csv or a "
            "folder of CSV files",
        ))


def _table_for_name(name: str) -> str | None:
    key = normalise_text(name)
    for kind, names in TABLE_NAMES.items():
        if key in names:
            return kind
    return None


# --- CSV ---------------------------------------------------------------------------------


def _decode(data: bytes, name: str, encoding: str | None, problems) -> str | None:
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError:
            problems.append(Problem(name, None, None, None,
                                    f"unknown encoding {encoding!r}; try utf-8 or cp1252"))
            return None
        except UnicodeDecodeError as exc:
            problems.append(Problem(
                name, None, None, None,
                f"cannot be decoded as {encoding} (byte 0x{data[exc.start]:02x} at position "
                f"{exc.start}); pass the file's real encoding with --encoding",
            ))
            return None
    if data.startswith(b"PK\x03\x04"):
        problems.append(Problem(
            name, None, None, None,
            "not a text/CSV file: it is a zip archive, probably an Excel workbook; give it the "
            ".xlsx extension",
        ))
        return None
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"),
                       (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                problems.append(Problem(
                    name, None, None, None,
                    f"starts with a {codec} byte-order mark but is not valid {codec}; save it "
                    "again as CSV UTF-8 or pass --encoding",
                ))
                return None
    if _looks_binary(data):
        problems.append(Problem(
            name, None, None, None,
            "not a text/CSV file (it contains binary data); export the sheet as CSV UTF-8",
        ))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(data, name, problems)


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    # Text has few C0 control characters besides tab, newline and carriage return.
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13, 12))
    return controls > max(2, len(sample) // 100)


def _detect(data: bytes, name: str, problems) -> str | None:
    import charset_normalizer

    results = charset_normalizer.from_bytes(data[:262144])
    best = results.best()
    if best is None:
        problems.append(Problem(
            name, None, None, None,
            "not a text/CSV file (no text encoding fits its bytes); export the sheet as CSV "
            "UTF-8",
        ))
        return None
    guess = best.encoding
    chosen = None
    if guess in _LATIN_GUESSES or any(r.encoding == "cp1252" for r in results):
        chosen = "cp1252"
    elif best.chaos <= 0.1 and best.coherence >= 0.3:
        chosen = guess
    if chosen is not None:
        try:
            text = data.decode(chosen)
        except UnicodeDecodeError:
            text = None
        if text is not None:
            problems.append(Problem(
                name, None, None, None,
                f"not UTF-8; read as {chosen}. If accented letters look wrong, pass the right "
                "encoding with --encoding, or save the file as CSV UTF-8",
                "warning",
            ))
            return text
    problems.append(Problem(
        name, None, None, None,
        f"could not tell the text encoding: the file is not UTF-8 and the best guess, {guess}, "
        "is uncertain; pass --encoding (for example --encoding cp1252) or save the file as "
        "CSV UTF-8",
    ))
    return None


def _padded(data: bytes, sep: str) -> bool:
    """Whether any cell may start or end with blanks.

    Looked for in the raw bytes with numpy (one pass, no Python loop): separators, quotes,
    blanks and line breaks are single ASCII bytes in every encoding read here except
    UTF-16/32, which are always stripped.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4096]:
        return True
    if b"\xa0" in data:  # a no-break space (Latin-1 byte or part of the UTF-8 pair C2 A0)
        return True
    if b" " not in data and b"\t" not in data:
        return False
    raw = np.frombuffer(data.lstrip(b"\xef\xbb\xbf"), dtype=np.uint8)
    blanks = np.flatnonzero((raw == 32) | (raw == 9))  # (few: only their neighbours matter)
    if not len(blanks):
        return False
    if blanks[0] == 0 or blanks[-1] == len(raw) - 1:
        return True
    edge = np.zeros(256, dtype=bool)
    edge[[ord(sep), 34, 10, 13]] = True
    return bool(edge[raw[blanks - 1]].any() or edge[raw[blanks + 1]].any())


def _may_hold_long_cells(data: bytes) -> bool:
    """Whether a cell could exceed :data:`MAX_CELL_CHARS` (else measuring cells is skipped).

    Without quotes a cell lies within one line, so lines no longer than the limit (in bytes,
    which are never fewer than characters) settle it.
    """
    if len(data) <= MAX_CELL_CHARS:
        return False
    if b'"' in data:
        return True
    breaks = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10)
    edges = np.concatenate(([-1], breaks, [len(data)]))
    return bool(np.diff(edges).max() > MAX_CELL_CHARS)


def _sniff_separator(text: str) -> str:
    first = next((line for line in text[:65536].splitlines() if line.strip()), "")
    counts = {sep: first.count(sep) for sep in (";", ",", "\t")}
    sep = max(counts, key=lambda s: (counts[s], s == ","))
    return sep if counts[sep] else ","


def _read_csv(data: bytes, name: str, kind: str, encoding, tables, problems) -> None:
    text = _decode(data, name, encoding, problems)
    if text is None:
        return
    lines_before = start = 0
    # Blank lines before the header would shift pandas' row count away from the user's.
    # (Found by position: cutting the text line by line would copy it once per line.)
    while (end := text.find("\n", start)) >= 0 and not text[start:end].strip():
        start, lines_before = end + 1, lines_before + 1
    text = text[start:] if start else text
    if not text or text.isspace():
        problems.append(Problem(name, None, None, None, "file is empty"))
        return
    sep = _sniff_separator(text)
    first = 2 + lines_before
    # Stripping a million cells costs seconds; only cells next to a separator, quote or line
    # break can carry surrounding blanks, and one C-level search finds whether any does.
    strip = _padded(data, sep)
    fast = _read_plain_csv(text, sep)
    if fast is not None:  # (Arrow measures every cell anyway)
        header = [_cell_text(v) for v in fast.slice(0, 1).to_pylist()[0].values()]
        body = fast.slice(1)
        _make_table(kind, name, None, header, body.columns, pd.RangeIndex(first, first + len(body)),
                    tables, problems, strip=strip)
        return
    measure = _may_hold_long_cells(data)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", pd.errors.ParserWarning)
            frame = pd.read_csv(
                io.StringIO(text), sep=sep, header=None, dtype=object, keep_default_na=False,
                na_filter=False, skip_blank_lines=False, engine="c", quoting=csv.QUOTE_MINIMAL,
                on_bad_lines="warn",
            )
    except pd.errors.ParserError as exc:
        msg = str(exc).strip()
        line = re.search(r"line (\d+)", msg)
        row = int(line.group(1)) + lines_before if line else None
        detail = re.sub(r"^Error tokenizing data\. C error: ", "", msg)
        problems.append(Problem(
            name, None, row, None,
            f"not a well-formed CSV file ({detail}); check quotes and separators "
            f"(separator used: {sep!r})",
        ))
        return
    except (pd.errors.EmptyDataError, ValueError, UnicodeError) as exc:
        problems.append(Problem(name, None, None, None, f"not a readable CSV file ({exc})"))
        return
    # pandas skips rows with more cells than the header and says so in a warning that
    # counts records as a spreadsheet does (header = 1); each is reported, the rest is read.
    skipped: set[int] = set()
    for warning in caught:
        for line, expected, saw in re.findall(r"line (\d+): expected (\d+) fields?, saw (\d+)",
                                              str(warning.message)):
            row = int(line) + lines_before
            skipped.add(row)
            problems.append(Problem(
                name, None, row, None,
                f"row has {saw} cells but the header has {expected}; a cell that contains the "
                f"separator {sep!r} must be in double quotes",
            ))
    header = [_cell_text(v) for v in frame.iloc[0].tolist()]
    body = frame.iloc[1:]
    if skipped:
        numbers = [r for r in range(first, first + len(body) + len(skipped)) if r not in skipped]
        rows = pd.Index(numbers[: len(body)], dtype="int64")
    else:
        rows = pd.RangeIndex(first, first + len(body))
    _make_table(kind, name, None, header, _columns(body), rows, tables, problems, strip=strip,
                measure=measure)


def _read_plain_csv(text: str, sep: str) -> pa.Table | None:
    """The rows of a CSV text without quotes, every cell as text, when all rows are as wide
    as the first; else None (and the pandas reader, which reports ragged rows, takes over).

    Without quote characters a CSV file is lines split at the separator, which Arrow's
    reader does in C++ on both cores, about ten times faster than pandas'. Files with quotes
    keep to pandas: its treatment of odd quoting is what the messages describe.
    """
    if '"' in text:
        return None
    width = text[: text.find("\n") if "\n" in text else len(text)].count(sep) + 1
    names = [f"c{i}" for i in range(width)]
    try:
        return pa_csv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            read_options=pa_csv.ReadOptions(column_names=names, block_size=1 << 24),
            parse_options=pa_csv.ParseOptions(delimiter=sep, quote_char=False,
                                              ignore_empty_lines=False),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False),
        )
    except (pa.ArrowException, ValueError):
        return None


# --- xlsx --------------------------------------------------------------------------------


def _read_workbook(data: bytes, name: str, tables, problems) -> None:
    import openpyxl

    try:
        # data_only: formulas are never evaluated; their cached values are read.
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # zip, XML and openpyxl errors all mean "not a workbook"
        problems.append(Problem(
            name, None, None, None,
            f"not a readable Excel workbook (.xlsx): {type(exc).__name__}: {exc}",
        ))
        return
    try:
        found: list[tuple[str, str]] = []
        other: list[str] = []
        seen: dict[str, str] = {}
        for sheet_name in book.sheetnames:
            kind = _table_for_name(sheet_name)
            if kind is None:
                if normalise_text(sheet_name) not in _IGNORED_SHEETS:
                    other.append(sheet_name)
                continue
            if kind in seen:
                problems.append(Problem(
                    name, sheet_name, None, None,
                    f"two sheets hold the {kind} table ({seen[kind]} and {sheet_name}); keep one",
                ))
                continue
            seen[kind] = sheet_name
            found.append((kind, sheet_name))
        if not found:
            problems.append(Problem(
                name, None, None, None,
                "no sheet named coalitions, actors, memberships or ties (Dutch: coalities, "
                "actoren, lidmaatschappen, banden); sheets found: "
                + ", ".join(book.sheetnames),
            ))
            return
        for sheet_name in other:
            problems.append(Problem(
                name, sheet_name, None, None,
                "sheet ignored: not one of coalitions, actors, memberships, ties", "warning",
            ))
        for kind, sheet_name in found:
            try:
                _read_sheet(book[sheet_name], kind, name, sheet_name, tables, problems)
            except Exception as exc:  # a damaged sheet part inside an otherwise valid zip
                problems.append(Problem(
                    name, sheet_name, None, None,
                    f"sheet cannot be read: {type(exc).__name__}: {exc}",
                ))
    finally:
        book.close()


def _read_sheet(ws, kind: str, name: str, sheet: str, tables, problems) -> None:
    header: list[str | None] | None = None
    header_row = 0
    body: list[list[str | None]] = []
    rows: list[int] = []
    # Files not written by Excel often declare wrong dimensions; read what is really there.
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()
    for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
        cells = [_cell_text(v) for v in values]
        if header is None:
            if any(c is not None for c in cells):
                header, header_row = cells, number
            continue
        if any(c is not None for c in cells):
            body.append(cells)
            rows.append(number)
    if header is None:
        return  # an empty sheet is an absent table
    width = max([len(header), *(len(r) for r in body)])
    frame = pd.DataFrame([[c if c is not None else "" for c in r] + [""] * (width - len(r))
                          for r in body],
                         columns=range(width), dtype=object)
    header = header + [None] * (width - len(header))
    _make_table(kind, name, sheet, header, _columns(frame), pd.Index(rows, dtype="int64"),
                tables, problems, header_row=header_row)


def _cell_text(value) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        value = value.isoformat()
    text = str(value).strip()
    return text or None


# --- shared ------------------------------------------------------------------------------


def _columns(frame: pd.DataFrame) -> list[pd.Series]:
    return [frame.iloc[:, i] for i in range(frame.shape[1])]


def _make_table(kind, file, sheet, header, body: Sequence[pd.Series | pa.ChunkedArray],
                rows: pd.Index, tables, problems, header_row: int = 1, strip: bool = False,
                measure: bool = True) -> None:
    """``body`` holds the columns below the header, by position."""
    aliases = {_header_key(alias): canon for canon, names in HEADERS[kind].items()
               for alias in names}
    chosen: dict[str, int] = {}
    headers: dict[str, str] = {}
    for position, raw in enumerate(header):
        if raw is None:
            continue
        canon = aliases.get(_header_key(raw.lstrip("\ufeff")))
        if canon is None:
            problems.append(Problem(
                file, sheet, header_row, raw,
                f"unknown column ignored; the {kind} columns are: "
                + ", ".join(_accepted(kind, c) for c in HEADERS[kind]),
                "warning",
            ))
            continue
        if canon in chosen:
            problems.append(Problem(
                file, sheet, header_row, raw,
                f'columns "{headers[canon]}" and "{raw}" both give the {canon}; keep one',
            ))
            continue
        chosen[canon] = position
        headers[canon] = raw
    row_numbers = rows.to_numpy()
    frame = pd.DataFrame(index=range(len(rows)))
    codes: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    arrow: dict[str, pa.Array] = {}
    for canon, position in chosen.items():
        column = body[position]
        if isinstance(column, pa.ChunkedArray) and canon in _REPEATING.get(kind, ()):
            values, lengths, present, codes[canon] = _clean_repeating(column, strip)
        else:
            values, lengths, present = _clean(column, strip, measure)
            if isinstance(column, pa.ChunkedArray) and not strip:
                arrow[canon] = column.combine_chunks()
        too_long = [] if lengths is None else np.flatnonzero(lengths > MAX_CELL_CHARS)
        for i in too_long:
            problems.append(Problem(
                file, sheet, int(row_numbers[i]), headers[canon],
                f"cell has {int(lengths[i])} characters; at most {MAX_CELL_CHARS} are accepted "
                "(Excel's own limit for a cell)",
            ))
        frame[canon] = values
        frame["?" + canon] = present
    frame["_row"] = row_numbers
    # Rows with nothing in any recognised column are blank lines, not records.
    flags = ["?" + c for c in chosen]
    record = frame[flags].any(axis=1).to_numpy() if flags else np.zeros(len(frame), bool)
    if not record.all():
        frame = frame[record]
        codes = {c: (k[record], u) for c, (k, u) in codes.items()}
        arrow = {c: a.filter(pa.array(record)) for c, a in arrow.items()}
    tables.append(RawTable(kind, file, sheet, frame.reset_index(drop=True), headers, codes,
                           arrow))


def _clean_repeating(column: pa.ChunkedArray, strip: bool
                     ) -> tuple[pd.Series, np.ndarray, np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """:func:`_clean` of a column with few distinct cells, and its factorisation.

    Arrow finds the distinct cells; only those are stripped and measured, and the rows
    share one Python string per distinct cell.
    """
    encoded = column.combine_chunks().dictionary_encode()
    indices = encoded.indices.to_numpy(zero_copy_only=False)
    words = encoded.dictionary.to_numpy(zero_copy_only=False).astype(object)
    if strip and len(words):  # (str.strip, as _clean strips)
        words = np.array([w.strip() for w in words], dtype=object)
    word_lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    words[word_lengths == 0] = None
    # (stripping may make two distinct cells one; factorising the words merges them)
    word_codes, uniques = pd.factorize(words)
    codes = word_codes[indices].astype(np.int64)
    values = np.append(uniques.astype(object), None)[codes]  # code -1 takes the None
    return (pd.Series(values, dtype=object), word_lengths[indices], codes >= 0,
            (codes, uniques.astype(object)))


def _clean(column: pd.Series | pa.ChunkedArray, strip: bool,
           measure: bool = True) -> tuple[pd.Series, np.ndarray | None, np.ndarray]:
    """Cells as ``str`` or ``None`` (blank → ``None``), their lengths, and which have a value.

    Cells read by Arrow without padding are measured by Arrow; others are stripped (only
    where a cell may be padded) and measured in one pass each. Without ``strip`` and
    ``measure`` (no cell can be padded or too long) the cells are only compared with "" and
    no lengths are returned.
    """
    if isinstance(column, pa.ChunkedArray):
        if not strip:  # Arrow's own lengths; the cells turn into Python strings once
            values = column.to_numpy(zero_copy_only=False)
            if not values.flags.writeable:
                values = values.copy()
            lengths = pc.utf8_length(column).to_numpy(zero_copy_only=False)
            blank = lengths == 0
            values[blank] = None
            return pd.Series(values, dtype=object), lengths, ~blank
        column = pd.Series(column.to_numpy(zero_copy_only=False), dtype=object)
    values = column.to_numpy(dtype=object, copy=True)
    if not strip and not measure:
        blank = pd.isna(values) | (values == "")
        values[blank] = None
        return pd.Series(values, dtype=object), None, ~blank
    # Readers give "" for an empty cell and NaN for a cell a short row lacks; never None.
    missing = pd.isna(values)
    if missing.any():
        values[missing] = ""
    if strip and len(values):
        # str.strip hands back the cell itself when it has nothing to strip: cheaper than
        # numpy's string functions, which copy every text twice to get at it.
        values = np.array([v.strip() for v in values], dtype=object)
    lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    blank = lengths == 0
    values[blank] = None
    return pd.Series(values, dtype=object), lengths, ~blank


def _header_key(text: str) -> str:
    """Headers compare without case, accents, punctuation, and with ``_`` as a space."""
    return normalise_text(text).replace("_", " ")


def _accepted(kind: str, canon: str) -> str:
    names = HEADERS[kind][canon]
    return names[0] if len(names) == 1 else f"{names[0]}/{names[1]}"
