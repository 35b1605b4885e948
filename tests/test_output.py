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
import shutil
import subprocess

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rich.console import Console

from coalitions.analysis.definitions import attach
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


# LaTeX ---------------------------------------------------------------------------------------

# What LaTeX reads as a command, a group, math, a comment, an alignment tab, a parameter or a
# ligature; plus quotes, line breaks, controls, bidi, and a name that tries to read a file.
LATEX_HOSTILE = pd.DataFrame({
    "name & #1": ["#$%&_{}~^\\", "\\input{injected}", "a\nb\r\nc\x1b[2J", "rlo\u202eabc",
                  "\"quoted\" 'single' `back`", "Zoë -- Łódź ,, é", "\\end{tabular}}",
                  "%comment", "\\\\ & \\\\"],
    "score_%": [0.123456789, -0.5, 1e-9, 12.0, float("nan"), float("inf"), -3.25, 0.0, 2.5],
    "n": [1, 2, 3, 4, 5, 6, 7, 8, 9],
})


def _pdflatex_compiles(body: str, folder, document: str | None = None
                       ) -> subprocess.CompletedProcess:
    """Wrap ``body`` in a minimal article and run pdflatex on it (no shell escape)."""
    document = document or LATEX_DOCUMENT
    (folder / "doc.tex").write_text(document.replace("BODY", body), encoding="utf-8")
    # If the escaping failed, \input{injected} would read this file and stop the run.
    (folder / "injected.tex").write_text("\\errmessage{INJECTED}\n", encoding="utf-8")
    return subprocess.run(["pdflatex", "-halt-on-error", "-interaction=nonstopmode",
                           "-no-shell-escape", "doc.tex"], cwd=folder, capture_output=True,
                          text=True, timeout=120, check=False)


LATEX_DOCUMENT = ("\\documentclass{article}\n\\usepackage[T1]{fontenc}\n"
                  "\\usepackage[utf8]{inputenc}\n\\usepackage{booktabs}\n"
                  "\\begin{document}\nBODY\n\\end{document}\n")
# LaTeX's defaults: OT1 fonts, UTF-8 input; booktabs the only package.
BARE_DOCUMENT = ("\\documentclass{article}\n\\usepackage{booktabs}\n"
                 "\\begin{document}\nBODY\n\\end{document}\n")


def latex_rows(text: str) -> list[str]:
    """The rows of the tabular: the lines between \\midrule and \\bottomrule."""
    lines = text.split("\n")
    return lines[lines.index("\\midrule") + 1:lines.index("\\bottomrule")]


def unescaped(char: str, line: str) -> int:
    """How often ``char`` appears in ``line`` not preceded by a backslash command escape."""
    return len(re.findall(r"(?<!\\)" + re.escape(char), line))


def test_latex_is_a_booktabs_table_with_every_special_character_escaped():
    text = render(LATEX_HOSTILE, "latex", title="Scores & ranks: 100% #1 {x}")
    lines = text.split("\n")
    assert "\\begin{tabular}{lrr}" in lines  # text left, numbers right
    for rule in ("\\toprule", "\\midrule", "\\bottomrule"):
        assert lines.count(rule) == 1
    assert lines.index("\\toprule") < lines.index("\\midrule") < lines.index("\\bottomrule")
    assert "\\caption{Scores \\& ranks: 100\\% \\#1 \\{x\\}}" in lines
    rows = latex_rows(text)
    assert len(rows) == len(LATEX_HOSTILE)
    for row in rows:
        # every row has its three cells: no & from the data splits one, no \\ ends one early
        assert unescaped("&", row) == 2, row
        assert row.endswith(" \\\\") and row.count("\\\\") == 1, row
        for char in "#$%_^~":
            # a bare one would be a parameter, math, a comment, a subscript, …
            assert unescaped(char, row.replace("$-$", "").replace("$\\infty$", "")) == 0, row
        assert "\n" not in row and "\x1b" not in row and "\u202e" not in row
    assert rows[1].startswith("\\textbackslash{}input\\{injected\\}")
    # numbers: one precision per column (4 significant digits of the largest), real minus
    assert [r.split(" & ")[1] for r in rows] == [
        "0.12", "$-$0.50", "0.00", "12.00", "", "$\\infty$", "$-$3.25", "0.00", "2.50"]
    assert [r.split(" & ")[2].rstrip(" \\") for r in rows] == [str(i) for i in range(1, 10)]


@pytest.mark.skipif(shutil.which("pdflatex") is None,
                    reason="pdflatex not installed (scripts/test installs texlive)")
def test_latex_with_hostile_text_compiles_with_pdflatex_and_runs_nothing(tmp_path):
    frame = attach(LATEX_HOSTILE.rename(columns={"score_%": "betweenness"}), ["betweenness"])
    frame.attrs["facts"] = {"wave": "2024 #1 & 50%", "inputs": [("in/a b_%.xlsx", "ab12")]}
    body = render(frame, "latex", title="\\input{injected} & $x$ 100%",
                  run={"command": "coalitions pivots --city 'a&b%' --seed 7", "seed": 7})
    for document in (BARE_DOCUMENT, LATEX_DOCUMENT):
        done = _pdflatex_compiles(body, tmp_path, document)
        assert done.returncode == 0, done.stdout[-2000:]
        assert "INJECTED" not in done.stdout
        assert (tmp_path / "doc.pdf").stat().st_size > 0
    if shutil.which("pdftotext"):  # the T1 document, whose glyphs are the ASCII ones
        # what a reader sees: the hostile text as typed (poppler's text extraction)
        shown = subprocess.run(["pdftotext", "-enc", "UTF-8", "doc.pdf", "-"], cwd=tmp_path,
                               capture_output=True, text=True, check=True).stdout
        # (Ł and ź come out of pdftotext as other characters: the font's, not the table's)
        for text in ("#$%&_{}~^\\", "\\input{injected}", "%comment", "Zoë -- ",
                     "\"quoted\" 'single' `back`", "\\\\ & \\\\"):
            assert text in shown, text


def test_latex_carries_the_provenance_as_comments_and_the_definitions_as_a_note():
    frame = attach(pd.DataFrame({"id": ["a"], "betweenness": [0.5]}), ["betweenness"],
                   betweenness="exact")
    text = render(frame, "latex", run={"command": "coalitions pivots --seed 7", "seed": 7})
    comments = [line for line in text.split("\n") if line.startswith("% ")]
    assert "% made by: coalitions pivots --seed 7" in comments and "% seed: 7" in comments
    assert "% inputs: not recorded" in comments
    # the definitions are typeset under the table (Brandes is betweenness' reference)
    note = text[text.index("\\end{tabular}"):]
    assert "\\footnotesize" in note and "Brandes" in note


# CSV at full precision, provenance, and reading it back -------------------------------------

def test_csv_floats_read_back_as_the_same_float64_as_json():
    values = [0.1 + 0.2, 1 / 3, 2 / 3 * 1e-12, 123456789.123456789, -0.5, 5e-324, 1e300]
    frame = pd.DataFrame({"x": values})
    back = read_ours(io.StringIO(render(frame, "csv")))
    assert back["x"].tolist() == values == [r["x"] for r in json_rows(render(frame, "json"))]


def test_read_csv_skips_only_the_leading_provenance_lines_and_keeps_cells_with_hash():
    frame = pd.DataFrame({"#id": ["#1", "a # b", "c"], "n": [1, 2, 3]})
    text = render(frame, "csv", run={"command": "coalitions x", "seed": None})
    assert text.startswith("# made by: coalitions x\n")
    back = read_ours(io.StringIO(text), dtype=str, keep_default_na=False)
    assert back.to_dict("list") == {"#id": ["#1", "a # b", "c"], "n": ["1", "2", "3"]}
    # pandas' own comment="#" skips the provenance too, and keeps the (quoted) # cells
    plain = pd.read_csv(io.StringIO(text), comment="#", dtype=str)
    assert plain.to_dict("list") == back.to_dict("list")


def test_read_csv_reads_a_file_path(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(render(pd.DataFrame({"a": [1.5]}), "csv"), encoding="utf-8")
    assert read_ours(path)["a"].tolist() == [1.5]


def test_every_format_names_the_wave_and_inputs_a_frame_records():
    frame = pd.DataFrame({"a": [1]})
    frame.attrs["facts"] = {"wave": "2024", "inputs": [{"path": "in/x.xlsx", "sha256": "ab"}]}
    meta = strict_json(render(frame, "json"))["metadata"]
    assert meta["wave"] == "2024"
    assert meta["inputs"] == [{"path": "in/x.xlsx", "sha256": "ab"}]
    assert "# wave: 2024" in render(frame, "csv").split("\n")
    assert "% inputs: in/x.xlsx (SHA-256 ab)" in render(frame, "latex").split("\n")
    assert "- wave: 2024" in render(frame, "markdown").split("\n")
    text, _ = terminal(frame)
    # the terminal: a short footer, naming the files without their checksums (issue 20)
    assert "wave 2024, inputs in/x.xlsx;" in text and "SHA-256" not in text


def test_without_recorded_inputs_every_format_says_so_instead_of_guessing():
    frame = pd.DataFrame({"a": [1]})
    assert strict_json(render(frame, "json"))["metadata"]["inputs"] == "not recorded"
    assert "# inputs: not recorded" in render(frame, "csv").split("\n")
    assert "wave" not in strict_json(render(frame, "json"))["metadata"]


def test_a_provenance_value_with_line_breaks_stays_inside_its_comment_line():
    frame = pd.DataFrame({"a": [1]})
    frame.attrs["facts"] = {"wave": "w\nx,y\r\nz"}
    text = render(frame, "csv", run={"command": "coalitions query 'MATCH\n(n)'"})
    assert read_csv(text).to_dict("list") == {"a": ["1"]}
    assert all(line.startswith("#") for line in text.split("\n")[:-2])
    latex = render(frame, "latex")
    assert "% wave: w x,y\\x0d z" in latex.split("\n")
