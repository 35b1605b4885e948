"""Every table format with hostile text in it: CSV reads back (formulas neutralised, numbers
untouched), JSON parses with a strict parser, Markdown keeps its columns, the terminal table
shows markup, emoji codes and control characters as inert text.

The rules are checked against independent readers: pandas' CSV parser, :func:`json.loads`
refusing ``NaN``/``Infinity``, a cell splitter written here from the GFM table rule, and
rich's own recorded output.
"""

from __future__ import annotations

import io
import json
import math
import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rich.console import Console

from coalitions.output import csv_safe, render, to_json
from coalitions.output import read_csv as read_ours
from coalitions.terminal import safe_text

# OWASP, "CSV Injection": the first characters that make a spreadsheet evaluate a cell.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# What no terminal rendering may contain: C0 controls but tab and newline, DEL, C1, the
# bidirectional embeddings/overrides/isolates.
TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def neutralised(text: str) -> str:
    """The CSV cell OWASP's advice makes of a text cell (written here, not imported)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def strict_json(text: str):
    def refuse(name):
        raise ValueError(f"{name} is not JSON")

    return json.loads(text, parse_constant=refuse)


def read_csv(text: str) -> pd.DataFrame:
    """The cells as text, past the provenance lines (every CSV starts with them)."""
    return read_ours(io.StringIO(text), dtype=str, keep_default_na=False)


def json_rows(text: str) -> list:
    body = strict_json(text)
    assert set(body) == {"metadata", "rows"}  # every table carries its provenance
    return body["rows"]


def markdown_table(text: str) -> list[str]:
    """The table lines of a Markdown output (the provenance notes follow a blank line)."""
    return text.split("\n\n")[0].split("\n")


def gfm_cells(line: str) -> int:
    """Cells in a Markdown table line as GitHub splits it (cmark-gfm: a backslash escapes
    the next character, a bare ``|`` separates cells), less the outer pipes."""
    pipes = [m for m in re.findall(r"\\.|\|", line) if m == "|"]
    return len(pipes) - 1


def markdown_it_cells(line: str) -> int:
    """Cells as markdown-it splits a row (``escapedSplit``: a pipe right after a backslash is
    escaped, however many backslashes came before)."""
    return len(re.findall(r"(?<!\\)\|", line)) - 1


def terminal(frame: pd.DataFrame, title: str | None = None) -> tuple[str, str]:
    """The table as rich renders it: its plain text and its HTML (to look for links)."""
    console = Console(record=True, width=2000, file=io.StringIO(), color_system="truecolor")
    render(frame, "table", title=title, console=console)
    return console.export_text(clear=False), console.export_html(inline_styles=True)


HOSTILE = pd.DataFrame({
    "name": ["=HYPERLINK(\"http://evil\",\"x\")", "=cmd|' /C calc'!A0", "+32 9 123 45 67",
             "-2+3", "@SUM(A1:A9)", "\tindent", "\rreturn", "plain", "a=b", "'quoted'"],
    "score": [-0.5, 1.0, -3.0, 0.25, 2.0, -1e-3, 7.0, 0.0, -12.0, 3.5],
})


def test_csv_puts_a_quote_before_text_that_starts_a_formula_and_leaves_numbers_alone():
    text = render(HOSTILE, "csv")
    back = read_csv(text)
    assert list(back["name"]) == [neutralised(n) for n in HOSTILE["name"]]
    assert back["name"][0] == "'=HYPERLINK(\"http://evil\",\"x\")"
    assert back["name"][7:].tolist() == ["plain", "a=b", "'quoted'"]  # nothing else changes
    # numbers are written as numbers: no quote in front of -0.5, and they read back as floats
    assert back["score"][0] == "-0.5"
    assert pd.to_numeric(back["score"]).tolist() == HOSTILE["score"].tolist()


def test_csv_neutralises_text_inside_lists_and_column_names():
    frame = pd.DataFrame({"=x": [["-a", "b"]], "n": [-1]})
    back = read_csv(render(frame, "csv"))
    assert list(back.columns) == ["'=x", "n"]
    assert back.iloc[0].tolist() == ["'-a, b", "-1"]


def test_csv_safe_changes_text_only():
    assert csv_safe("=1+1") == "'=1+1"
    assert csv_safe(-0.5) == -0.5 and csv_safe(None) is None and csv_safe(True) is True


def test_a_csv_cell_with_a_bare_carriage_return_reads_back_as_one_cell():
    frame = pd.DataFrame({"name": ["a\rb", "c"], "id": ["x", "y"]})
    back = read_csv(render(frame, "csv"))
    assert back.to_dict("list") == {"name": ["a\rb", "c"], "id": ["x", "y"]}


def test_json_writes_null_for_nan_and_infinity_and_parses_strictly():
    frame = pd.DataFrame({"x": [float("inf"), float("-inf"), float("nan"), 1.5],
                          "l": [[float("inf"), 1], [], None, [float("nan")]]})
    rows = json_rows(render(frame, "json"))
    assert [r["x"] for r in rows] == [None, None, None, 1.5]
    assert [r["l"] for r in rows] == [[None, 1], [], None, [None]]


def test_to_json_turns_nested_frames_into_rows():
    out = strict_json(to_json({"facts": {"density": float("nan")},
                               "members": pd.DataFrame({"id": ["a"], "w": [math.inf]})}))
    assert out == {"facts": {"density": None}, "members": [{"id": "a", "w": None}]}


def test_json_escapes_terminal_controls_and_still_parses_to_the_same_strings():
    names = ["esc\x1b[2J", "csi\x9b2J", "rlo\u202eabc", "ls\u2028ps\u2029", "del\x7f"]
    text = render(pd.DataFrame({"name": names}), "json")
    assert not TERMINAL_UNSAFE.search(text) and "\u2028" not in text and "\u2029" not in text
    assert [r["name"] for r in json_rows(text)] == names


def test_markdown_escapes_pipes_and_backslashes_so_every_row_keeps_its_cells():
    frame = pd.DataFrame({"a|b": ["x | y", "ends in \\", "\\|", "two\nlines\r"], "c": [1, 2, 3, 4]})
    lines = markdown_table(render(frame, "markdown"))
    assert len(lines) == 2 + len(frame)
    for line in lines:
        assert gfm_cells(line) == 2 and markdown_it_cells(line) == 2, line
    assert lines[0] == "| a\\|b | c |"
    assert lines[3] == "| ends in \\\\ | 2 |"


def test_the_terminal_table_shows_markup_emoji_codes_and_escapes_as_text():
    frame = pd.DataFrame({"name": ["a [/] b", "[link=http://evil]click[/link]", ":x: :smile:",
                                   "\x1b[31mred\x1b[0m", "abc\u202edcba"]})
    text, html = terminal(frame, title="[bold]a [/] b[/bold] :x:")
    assert "[bold]a [/] b[/bold] :x:" in text  # the title too
    for shown in ("a [/] b", "[link=http://evil]click[/link]", ":x: :smile:",
                  "\\x1b[31mred\\x1b[0m", "abc\\u202edcba"):
        assert shown in text
    assert "❌" not in text and "<a href" not in html
    assert not TERMINAL_UNSAFE.search(text)


# the property: any text, through a real store, into every format ---------------------------

# Characters and fragments that have broken outputs before: controls, bidi, rich markup and
# emoji codes, formula starts, quotes and separators.
SPECIAL = ["\x1b", "\x1b[31m", "\x9b", "\x07", "\x00", "\x7f", "\r", "\n", "\t", "\r\n",
           "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
           "\u2069", "\u2028", "\u2029", "\ufeff", "[", "]", "[/]", "[bold]", "[link=http://x]",
           ":x:", ":smile:", "=", "+", "-", "@", "=cmd|' /C calc'!A0", "'", '"', "|", "\\",
           ",", ";", " ", "é", "中", "👍"]
hostile_text = st.lists(st.one_of(st.sampled_from(SPECIAL), st.characters(codec="utf-8")),
                        max_size=8).map("".join)
scores = st.one_of(st.floats(allow_nan=True, allow_infinity=True, width=64),
                   st.sampled_from([-0.5, -1.0, 0.0]))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from coalitions.graph.embedded import EmbeddedStore

    s = EmbeddedStore(tmp_path_factory.mktemp("props") / "s.db")
    yield s
    s.close()


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(hostile_text, hostile_text, scores), min_size=1, max_size=4),
       header=st.lists(hostile_text.filter(bool), min_size=1, max_size=3, unique=True))
def test_every_format_reads_back_or_renders_inert(store, rows, header):
    # Through the engine: the strings the outputs get are the ones a query returns.
    frame = store.query("UNWIND $rows AS r RETURN r.name AS name, r.id AS id, r.score AS score",
                        {"rows": [{"name": n, "id": i, "score": s} for n, i, s in rows]})
    assert len(frame) == len(rows)
    # Column names from the data too (a query's aliases), after a fixed first column: a BOM
    # at the very start of a file is the file's, not the header's.
    frame = pd.concat([frame, pd.DataFrame([{h: h for h in header}] * len(frame))], axis=1)
    frame = frame.loc[:, ~frame.columns.duplicated()]
    assume(len({neutralised(c) for c in frame.columns}) == len(frame.columns))
    texts = [c for c in frame.columns if c != "score"]

    back = read_csv(render(frame, "csv"))
    assert list(back.columns) == [neutralised(str(c)) for c in frame.columns]
    for c in texts:
        assert back[neutralised(c)].tolist() == [neutralised(v) for v in frame[c]]
    for got, want in zip(back["score"], frame["score"], strict=True):
        assert not got.startswith("'")
        if math.isnan(want):
            assert got == ""
        else:
            assert float(got) == want  # in full: the same float64

    records = json_rows(render(frame, "json"))
    assert [r["name"] for r in records] == frame["name"].tolist()
    assert [r["score"] for r in records] == [s if math.isfinite(s) else None
                                             for s in frame["score"]]

    lines = markdown_table(render(frame, "markdown"))
    assert len(lines) == 2 + len(frame)
    for line in lines:
        assert gfm_cells(line) == markdown_it_cells(line) == len(frame.columns), line
        assert not TERMINAL_UNSAFE.search(line)

    text, html = terminal(frame, title=rows[0][0])
    assert not TERMINAL_UNSAFE.search(text) and "<a href" not in html
    # Every word of every value is there as safe_text shows it (rich breaks cells at line
    # breaks and expands tabs, so words are what survives unchanged).
    for value in [*frame["name"], *frame["id"], rows[0][0]]:
        for word in safe_text(value).split():
            assert word in text, word
