"""Property: any workbook or CSV, however odd, either loads or raises InputError — never
another exception (a traceback would be a bug)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coalitions.errors import InputError
from coalitions.graph.model import COLUMNS
from coalitions.loaders import LoadResult, load_inputs
from coalitions.loaders.readers import HEADERS, TABLE_NAMES
from tests.loaders.workbooks import write_xlsx

LIST_COLUMNS = ("themes", "theme_clusters", "sectors")
KNOWN_HEADERS = sorted({h for table in HEADERS.values() for names in table.values()
                        for h in names} | {"Stad", "NAAM", "Thema", "Leeftijd", "Omvang"})
TABLE_WORDS = sorted({n for names in TABLE_NAMES.values() for n in names} | {"Blad1", "x"})
VALUES = ["a1", "a2", "c1", "Gent", "Casa del Mundo", "organisation", "person", "pivot",
          "°1994", "16 vzw’s (+ 100 vrijwilligers)", "-1", "1,5", "2999", "nan", "inf",
          "Stad, vzw's", "OS, Noord-Zuid", "=1+1", '"', ";", ",", "\n", " ",
          "99999999999999999999999 vzw", "1e30", "x" * 40_000]

text = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t"),
               max_size=30)
cell = st.one_of(st.none(), st.sampled_from(VALUES), text,
                 st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True))
header = st.one_of(st.sampled_from(KNOWN_HEADERS), text)


@st.composite
def table(draw):
    headers = draw(st.lists(header, min_size=0, max_size=7))
    width = max(len(headers), 1)
    rows = draw(st.lists(st.lists(cell, min_size=0, max_size=width + 1), max_size=8))
    return [list(headers), *rows]


def check(paths, encoding=None):
    try:
        result = load_inputs(paths, encoding=encoding)
    except InputError as exc:
        assert exc.problems, "an InputError must list its problems"
        assert all(p.level in ("error", "warning") for p in exc.problems)
        assert any(p.level == "error" for p in exc.problems)
        return
    assert isinstance(result, LoadResult)
    for name, columns in COLUMNS.items():
        frame = getattr(result.data, name)
        assert list(frame.columns) == columns
        for column in columns:
            if frame[column].dtype == object and column not in LIST_COLUMNS:
                # Missing text is None, never NaN or the string "nan".
                assert all(v is None or (isinstance(v, str) and v) for v in frame[column])
            elif column in LIST_COLUMNS:
                assert all(isinstance(v, list) for v in frame[column])
    for key, frame in (("id", result.data.coalitions), ("id", result.data.actors)):
        assert not frame[key].duplicated().any()
    assert not result.data.memberships.duplicated(["actor", "coalition"]).any()


def _csv_bytes(rows, sep, encoding):
    def fmt(v):
        if v is None:
            return ""
        s = str(v)
        return '"' + s.replace('"', '""') + '"' if any(ch in s for ch in f'{sep}"\n\r') else s
    text_ = "\n".join(sep.join(fmt(v) for v in r) for r in rows)
    return text_.encode(encoding, errors="replace")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables=st.lists(st.tuples(st.sampled_from(TABLE_WORDS), table()), min_size=1,
                       max_size=4),
       sep=st.sampled_from([",", ";", "\t"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]),
       pass_encoding=st.booleans(), as_folder=st.booleans())
def test_random_csv_inputs_load_or_raise_input_error(tables, sep, encoding, pass_encoding,
                                                     as_folder):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        paths = []
        for i, (name, rows) in enumerate(tables):
            path = folder / (f"{name}.csv" if as_folder else f"{name}{i}.csv")
            path.write_bytes(_csv_bytes(rows, sep, encoding))
            paths.append(path)
        check([folder] if as_folder else paths, encoding if pass_encoding else None)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sheets=st.dictionaries(st.sampled_from(TABLE_WORDS + ["Coalities", "ACTORS"]), table(),
                              min_size=1, max_size=5))
def test_random_workbooks_load_or_raise_input_error(sheets):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "w.xlsx"
        write_xlsx(path, sheets)
        check([path])


@settings(max_examples=40, deadline=None)
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_random_bytes_load_or_raise_input_error(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"coalitions{suffix}"
        path.write_bytes(data)
        check([path])
