"""Files to raw tables: which file or sheet holds which table, its bytes decoded, its cells.

A reader knows nothing of what the cells mean. It finds the tables (``coalitions``,
``actors``, ``memberships``, ``ties``) in an ``.xlsx`` workbook, a folder of CSVs or single
CSV files; decodes text (UTF-8 with or without BOM, otherwise a detected encoding); sniffs
the separator; and hands back every cell as a stripped string (``None`` when empty) with the
row number a spreadsheet user sees. Headers are mapped to canonical column names here, since
that decides which table a sheet is and which columns it lacks; what the values mean is
:mod:`coalitions.loaders.validate`'s concern.

What no cell may be is a reader's concern too: a workbook is measured against
:data:`XLSX_LIMITS` before it is parsed; a UTF-8 file with stray bytes that are no UTF-8 is
refused at those cells rather than read as another encoding; every cell is put in Unicode
normal form C, and control characters (bidirectional overrides and isolates among them) are
refused where they are. Hidden sheets are read, with a warning.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import os
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from coalitions.errors import Problem, UsageError
from coalitions.loaders.taxonomy import normalise_text

__all__ = [
    "HEADERS",
    "MAX_CELL_CHARS",
    "RawTable",
    "SourceFile",
    "TABLE_NAMES",
    "XLSX_LIMITS",
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
        "directed": ("directed", "gericht", "richting", "direction"),
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

# An .xlsx is a zip of XML parts, and XML unpacks: a 400 KB workbook can hold a 400 MB cell
# and a 1.5 MB one five million rows. Before openpyxl parses anything the archive is measured
# against these limits (each raised by the environment variable beside it). The defaults are
# far above what a real inventory needs: Excel itself stops at 1,048,576 rows per sheet, and
# a sheet of a million memberships unpacks to about 220 MB at a ratio of 10-16:1, while
# a bomb is compressed hundreds to a thousand times.
XLSX_LIMITS: dict[str, tuple[str, int]] = {
    # limit: (environment variable, default)
    "unpacked_mb": ("COALITIONS_XLSX_MAX_MB", 1024),
    "ratio": ("COALITIONS_XLSX_MAX_RATIO", 100),
    "rows": ("COALITIONS_XLSX_MAX_ROWS", 1_048_576),
}
# Parts smaller than this are never called bombs whatever their ratio (tiny XML compresses
# oddly, and cannot hurt).
_RATIO_FLOOR = 1 << 20
# Text between two XML tags longer than this is a cell no spreadsheet can hold: 32,767
# characters take at most 6 bytes each as XML writes them (4 in UTF-8, 6 as &quot;).
_MAX_TEXT_BYTES = 1 << 20

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
    """A file that was read: its path as given, the SHA-256 of its bytes, its kind, its
    size in bytes, and the rows read from it per table (``(table, sheet, rows)``: sheet None
    for a CSV file; rows below the header that hold something)."""

    path: str
    sha256: str
    kind: str  # "xlsx" or "csv"
    size: int = 0
    rows: tuple[tuple[str, str | None, int], ...] = ()


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
        # (hashed from the bytes that are parsed, not read again: the checksum is of exactly
        # what was loaded, even if the file changes meanwhile)
        sources.append(SourceFile(name, hashlib.sha256(data).hexdigest(), "xlsx", len(data)))
        _read_workbook(data, name, tables, problems)
    elif suffix in _CSV_SUFFIXES:
        sources.append(SourceFile(name, hashlib.sha256(data).hexdigest(), "csv", len(data)))
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
                if codec == "utf-8-sig":  # (Excel's "CSV UTF-8" starts with this mark)
                    return _Marked(data[len(bom):].decode("utf-8", errors=_MARK_ERRORS))
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
    text = data.decode("utf-8", errors=_MARK_ERRORS)
    bad = len(_MARKS.findall(text))
    non_ascii = int(np.count_nonzero(np.frombuffer(data, dtype=np.uint8) >= 0x80))
    if non_ascii - bad > bad:
        # Mostly UTF-8: more of its non-ASCII bytes make UTF-8 letters than not. Read as
        # another encoding, every one of those letters would change ("Café" -> "CafÃ©")
        # to fit the few that are not; the reader instead marks these and each cell that
        # holds one is reported (see _report_marks).
        return _Marked(text)
    return _detect(data, name, problems)


class _Marked(str):
    """A text decoded as UTF-8 whose invalid bytes are marked (see :data:`_MARKS`)."""


def _mark_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start:error.end]
    return "".join(chr(_MARK_BASE + b) for b in bad), error.end


# Bytes that are no UTF-8 become characters of the last private-use plane, U+10FF00 + byte:
# they survive the CSV readers as part of their cell, which tells the row and column.
_MARK_BASE = 0x10FF00
_MARK_ERRORS = "coalitions-mark-bytes"
codecs.register_error(_MARK_ERRORS, _mark_bytes)
_MARKS = re.compile("[\U0010FF80-\U0010FFFF]")


def _report_marks(table: RawTable, text: str, problems) -> None:
    """One problem per cell of ``table`` that holds a byte marked by :func:`_decode`."""
    advice = ("correct the cell and save the file as CSV UTF-8, or, if the whole file is "
              "in the Windows encoding, pass --encoding cp1252")
    found = False
    for canon, header in table.headers.items():
        cells = table.frame[canon]
        marked = cells.map(lambda v: v is not None and _MARKS.search(v) is not None)
        for i in np.flatnonzero(marked.to_numpy(dtype=bool)):
            found = True
            cell = cells.iat[i]
            byte = ord(_MARKS.search(cell).group()) - _MARK_BASE
            shown = _MARKS.sub("\ufffd", " ".join(cell.split()))
            shown = f"{shown[:57]}…" if len(shown) > 60 else shown
            problems.append(Problem(
                table.file, table.sheet, int(table.frame["_row"].iat[i]), header,
                f'byte 0x{byte:02X} in "{shown}" is not UTF-8, though the rest of the file '
                f"is; {advice}"))
    if not found:  # (in a header, or a column that is ignored)
        where = _MARKS.search(text)
        byte = ord(where.group()) - _MARK_BASE
        line = text.count("\n", 0, where.start()) + 1
        problems.append(Problem(
            table.file, table.sheet, None, None,
            f"byte 0x{byte:02X} on line {line} is not UTF-8, though the rest of the file is; "
            f"{advice}"))


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
    read = len(tables)
    _read_text(text, data, name, kind, tables, problems)
    if isinstance(text, _Marked):
        if len(tables) > read:
            _report_marks(tables[-1], text, problems)
        elif not any(p.file == name and p.level == "error" for p in problems):
            _report_marks(RawTable(kind, name, None, pd.DataFrame({"_row": []})), text,
                          problems)


def _read_text(text: str, data: bytes, name: str, kind: str, tables, problems) -> None:
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


def xlsx_limit(key: str) -> int:
    """The limit ``key`` of :data:`XLSX_LIMITS`, from its environment variable if set."""
    variable, default = XLSX_LIMITS[key]
    raw = os.environ.get(variable)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip().replace("_", ""))
    except ValueError:
        value = 0
    if value <= 0:
        raise UsageError(f"{variable}={raw!r} is not a positive whole number",
                         hint=f"unset it to use the default, {default:,}")
    return value


def _check_archive(data: bytes, name: str, problems) -> bool:
    """Whether the workbook's zip is within :data:`XLSX_LIMITS`; else say why, per sheet.

    Every part is unpacked once, in 1 MB pieces that are counted and dropped, so a bomb
    costs time in proportion to the limit and no memory: the sizes a zip declares may lie,
    the bytes it unpacks to do not. Rows are counted as ``<row`` tags and the longest text
    between two tags is measured, which stands for the longest cell (openpyxl would hold
    either whole). A file that is no zip passes here and openpyxl says what is wrong.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return True
    max_bytes = xlsx_limit("unpacked_mb") << 20
    max_ratio = xlsx_limit("ratio")
    max_rows = xlsx_limit("rows")
    sheets = _sheet_parts(archive)
    found: list[Problem] = []
    limit_note = {
        "unpacked_mb": (f"at most {max_bytes >> 20:,} MB are accepted (set "
                        f"{XLSX_LIMITS['unpacked_mb'][0]} to raise the limit)"),
        "ratio": (f"at most {max_ratio}:1 is accepted (set {XLSX_LIMITS['ratio'][0]} to "
                  "raise the limit)"),
        "rows": (f"at most {max_rows:,} rows per sheet are accepted (Excel's own limit; set "
                 f"{XLSX_LIMITS['rows'][0]} to raise it, or give the table as a CSV file)"),
    }
    total = 0
    for info in infos:
        sheet = sheets.get(info.filename)
        if info.file_size > _RATIO_FLOOR and info.file_size > max_ratio * max(
                info.compress_size, 1):
            found.append(Problem(
                name, sheet, None, None,
                f"refused: the part {info.filename} unpacks {info.compress_size:,} bytes into "
                f"{info.file_size:,} (compressed {info.file_size // max(info.compress_size, 1)}"
                f":1, as a decompression bomb is); {limit_note['ratio']}"))
            continue
        try:
            size, rows, longest = _measure_part(archive, info, max_bytes - total,
                                                count_rows=sheet is not None
                                                or info.filename.startswith("xl/worksheets/"))
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError,
                NotImplementedError):
            return not found  # (a damaged part: openpyxl reports it)
        total += size
        if total > max_bytes:
            found.append(Problem(name, None, None, None,
                                 f"refused: the workbook unpacks to more than "
                                 f"{max_bytes >> 20:,} MB; {limit_note['unpacked_mb']}"))
            break
        if rows > max_rows:
            found.append(Problem(name, sheet or info.filename, None, None,
                                 f"refused: the sheet has more than {max_rows:,} rows "
                                 f"({rows:,}); {limit_note['rows']}"))
        if longest > _MAX_TEXT_BYTES:
            part = "" if sheet else f" (in the part {info.filename})"
            found.append(Problem(name, sheet, None, None,
                                 f"refused: a cell{part} holds more than "
                                 f"{_MAX_TEXT_BYTES >> 20} MB of text; at most {MAX_CELL_CHARS} "
                                 "characters are accepted (Excel's own limit for a cell)"))
    problems.extend(found)
    return not found


_ROW_TAG = re.compile(rb"<[A-Za-z_][\w.-]*:row[\s/>]")  # (prefixed: <x:row …>)


def _measure_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int,
                  count_rows: bool) -> tuple[int, int, int]:
    """Bytes a part really unpacks to (stopping past ``budget``), its ``<row`` tags, and its
    longest run of bytes between two ``<``."""
    size = rows = longest = 0
    run = 0  # bytes since the last "<" (carried over from the previous piece)
    tail = b""  # the end of the previous piece, where a row tag may start
    with archive.open(info) as part:
        while piece := part.read(1 << 20):
            size += len(piece)
            if size > budget:
                break
            where = np.flatnonzero(np.frombuffer(piece, dtype=np.uint8) == 60)
            if len(where):
                longest = max(longest, run + int(where[0]),
                              int(np.diff(where).max()) if len(where) > 1 else 0)
                run = len(piece) - int(where[-1])
            else:
                run += len(piece)
            longest = max(longest, run)
            if count_rows:
                text = tail + piece
                # a tag the end of the piece may cut is counted with the next piece
                cut = text.rfind(b"<", max(0, len(text) - 64))
                cut = len(text) if cut < 0 else cut
                rows += _row_tags(text[:cut])
                tail = text[cut:]
    if count_rows and tail:
        rows += _row_tags(tail)
    return size, rows, longest


def _row_tags(text: bytes) -> int:
    """``<row`` tags in a piece of sheet XML (with a namespace prefix too).

    ``bytes.count`` runs at memory speed where a regular expression takes ten times as long;
    it also counts the one ``<rowBreaks`` a sheet may have, which is no matter at a limit of a
    million. (No ``<`` stands in text, so each is a tag.)
    """
    count = text.count(b"<row")
    if b":row" in text:
        count += len(_ROW_TAG.findall(text))
    return count


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Zip part -> sheet name, from the workbook's own index (empty if it cannot be read).

    Only small index parts are parsed; the sheets themselves are not.
    """
    from xml.etree import ElementTree

    try:
        book_info = archive.getinfo("xl/workbook.xml")
        rels_info = archive.getinfo("xl/_rels/workbook.xml.rels")
        if max(book_info.file_size, rels_info.file_size) > (4 << 20):
            return {}
        book = ElementTree.fromstring(archive.read(book_info))
        rels = ElementTree.fromstring(archive.read(rels_info))
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, OSError, ValueError,
            EOFError, RuntimeError, NotImplementedError):
        return {}
    targets = {}
    for rel in rels:
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else "xl/" + target
        targets[rel.get("Id")] = target
    parts = {}
    for element in book.iter():
        if element.tag.endswith("}sheet") or element.tag == "sheet":
            rid = next((v for k, v in element.attrib.items() if k.endswith("}id")), None)
            if rid in targets and element.get("name"):
                parts[targets[rid]] = element.get("name")
    return parts


def _read_workbook(data: bytes, name: str, tables, problems) -> None:
    import openpyxl

    if not _check_archive(data, name, problems):
        return
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
            state = getattr(book[sheet_name], "sheet_state", "visible")
            if state in ("hidden", "veryHidden"):
                # Decision: loaded like any other sheet (hiding a sheet does not make its
                # rows less meant), but said, since whoever checks the workbook in Excel
                # does not see them ("very hidden" sheets not even in Unhide).
                how = "very hidden (only a macro can show it)" if state == "veryHidden" else (
                    "hidden (Excel: right-click a sheet tab, Unhide)")
                problems.append(Problem(
                    name, sheet_name, None, None,
                    f"the sheet is {how}; its {kind} are loaded like those of a visible "
                    "sheet", "warning"))
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
    max_rows = xlsx_limit("rows")
    for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
        if number > max_rows:
            # (the archive check counted row tags; a row numbered past the limit, which
            # openpyxl reaches by yielding every empty row before it, is caught here)
            variable = XLSX_LIMITS["rows"][0]
            problems.append(Problem(
                name, sheet, None, None,
                f"refused: the sheet has more than {max_rows:,} rows; at most {max_rows:,} "
                f"rows per sheet are accepted (Excel's own limit; set {variable} to raise "
                "it, or give the table as a CSV file)"))
            return
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
        if isinstance(column, pa.ChunkedArray) and not pc.all(pc.string_is_ascii(column)).as_py():
            column = pc.utf8_normalize(column, form="NFC")
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
        for i, char, at in _controls(values, column):
            problems.append(Problem(
                file, sheet, int(row_numbers[i]), headers[canon],
                f"the cell holds the invisible control character U+{ord(char):04X} "
                f"({unicodedata.name(char, 'a control character')}) at character {at + 1}; "
                "such characters make text show differently from what it holds (or not at "
                "all): remove it"))
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
    words = _nfc(words)
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
        return pd.Series(_nfc(values), dtype=object), None, ~blank
    # Readers give "" for an empty cell and NaN for a cell a short row lacks; never None.
    missing = pd.isna(values)
    if missing.any():
        values[missing] = ""
    if strip and len(values):
        # str.strip hands back the cell itself when it has nothing to strip: cheaper than
        # numpy's string functions, which copy every text twice to get at it.
        values = np.array([v.strip() for v in values], dtype=object)
    values = _nfc(values)
    lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    blank = lengths == 0
    values[blank] = None
    return pd.Series(values, dtype=object), lengths, ~blank


def _nfc(values: np.ndarray) -> np.ndarray:
    """Text cells in Unicode normal form C (others as they are).

    ``café`` typed on a Mac (e + combining accent, NFD) and on Windows (é, NFC) look the
    same and must be the same id, name or city. One C-level pass over all cells joined
    finds whether any cell needs it (almost never: ASCII, or already NFC).
    """
    joined = "\n".join(values[pd.notna(values)].tolist())
    if joined.isascii() or unicodedata.is_normalized("NFC", joined):
        return values
    out = values.copy()
    for i, v in enumerate(values):
        if isinstance(v, str) and not v.isascii():
            out[i] = unicodedata.normalize("NFC", v)
    return out


# Characters that are refused in any cell: C0 and C1 controls (tab and line breaks are
# text), and the bidirectional embeddings, overrides and isolates, which make a cell show
# its characters in another order than they are stored ("Trojan Source").
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# The same characters as UTF-8 bytes: a C0 control or DEL is one byte below 0x20 (but tab,
# line feed, carriage return) or 0x7F; the others start with 0xC2 or 0xE2.
_CONTROL_BYTES = np.zeros(256, dtype=bool)
_CONTROL_BYTES[[*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]] = True
_CONTROL_SEQUENCES = re.compile(rb"\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")


def _may_hold_controls(data: np.ndarray) -> bool:
    """Whether UTF-8 bytes may hold a character of :data:`_CONTROLS` (numpy over the bytes:
    Python's or Arrow's regular expressions take ten times as long on a million cells)."""
    if _CONTROL_BYTES[data].any():
        return True
    if not ((data == 0xC2) | (data == 0xE2)).any():
        return False
    return _CONTROL_SEQUENCES.search(data.tobytes()) is not None


def _controls(values: pd.Series, column: pd.Series | pa.ChunkedArray
              ) -> list[tuple[int, str, int]]:
    """(position, character, index in the cell) of the first refused character of each cell
    of ``values`` that holds one. ``column`` is the same cells as read: an Arrow column's
    bytes are looked at where they lie; other cells are joined and encoded once."""
    if isinstance(column, pa.ChunkedArray):
        # (a chunk's data buffer may hold bytes beyond its slice, such as the header row:
        # a false alarm there only costs the search below)
        suspect = any(_may_hold_controls(np.frombuffer(chunk.buffers()[2], dtype=np.uint8))
                      for chunk in column.chunks if chunk.buffers()[2] is not None)
    else:
        cells = values.to_numpy(dtype=object)
        text = "\n".join(cells[pd.notna(cells)].tolist()).encode("utf-8", "surrogatepass")
        suspect = _may_hold_controls(np.frombuffer(text, dtype=np.uint8))
    if not suspect:
        return []
    found = []
    for i, v in enumerate(values.to_numpy(dtype=object)):
        if isinstance(v, str) and (hit := _CONTROLS.search(v)):
            found.append((i, hit.group(), hit.start()))
    return found


def _header_key(text: str) -> str:
    """Headers compare without case, accents, punctuation, and with ``_`` as a space."""
    return normalise_text(text).replace("_", " ")


def _accepted(kind: str, canon: str) -> str:
    names = HEADERS[kind][canon]
    return names[0] if len(names) == 1 else f"{names[0]}/{names[1]}"
