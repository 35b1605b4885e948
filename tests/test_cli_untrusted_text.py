"""Names from the data on the command line: rich markup, emoji codes, escape sequences and
bidi overrides are shown as text, CSV cells that a spreadsheet would run are neutralised,
JSON is strict JSON, and query parameters stay text unless typed. No traceback anywhere."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import subprocess
import sys

import pandas as pd
import pytest
from typer.testing import CliRunner

from coalitions.cli import app
from tests.conftest import csv_body, neo4j_settings

runner = CliRunner()

FORMULA = '=HYPERLINK("http://evil","x")'
LINKED = "[link=http://evil]click[/link] :x:"
ESCAPED = "Jan \x1b[31mred\x1b[0m \u202eevil"          # as stored
SHOWN = "Jan \\x1b[31mred\\x1b[0m \\u202eevil"          # as it must be shown


def run(*args: str):
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def ok(*args: str):
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result


def strict_json(text: str):
    def refuse(name):
        raise ValueError(f"{name} is not JSON")

    body = json.loads(text, parse_constant=refuse)
    # A table's rows (its provenance beside them); other answers (a case) as they are.
    return body["rows"] if isinstance(body, dict) and set(body) == {"metadata", "rows"} else body


@pytest.fixture(scope="module", params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp("untrusted")
    inp = folder / "in"
    inp.mkdir()
    pd.DataFrame({"id": ["gent-a", "gent-link"], "Stad": ["Gent", "Gent"],
                  "Naam": ["a [/] b", LINKED], "Thema": ["Energie", "Energie"]}
                 ).to_csv(inp / "coalitions.csv", index=False)
    pd.DataFrame({"id": ["007", "per-esc", "per-minus"],
                  "name": [FORMULA, "Jan", "-2+3"],
                  "kind": ["organisation", "person", "person"],
                  "sector": ["nonprofit"] * 3}).to_csv(inp / "actors.csv", index=False)
    pd.DataFrame({"actor": ["007", "per-esc", "per-minus", "per-esc"],
                  "coalition": ["gent-a", "gent-a", "gent-link", "gent-link"],
                  "role": ["member", "pivot", "member", "member"]}
                 ).to_csv(inp / "memberships.csv", index=False)
    if request.param == "embedded":
        args = ["--store", str(folder / "s.db")]
    else:
        from coalitions.graph.neo4j_store import Neo4jStore

        s = neo4j_settings()
        with Neo4jStore(s["uri"], user=s["user"], password=s["password"],
                        database=s["database"]) as st:
            st.query("MATCH (n) DETACH DELETE n", write=True)
        args = ["--neo4j", s["uri"]]
    ok(*args, "load", str(inp))
    # The escape sequence and the override are written with Cypher, so that this test does
    # not depend on what the loader accepts of them.
    ok(*args, "query", "--write", "MATCH (p:Person {id: 'per-esc'}) SET p.name = $name",
       "-p", f"name={ESCAPED}")
    return args


def test_case_of_a_coalition_named_with_a_closing_tag_prints_its_table(store):
    # was: rich.errors.MarkupError: closing tag '[/]' at position 2 has nothing to close
    result = ok(*store, "case", "a [/] b")
    assert result.stdout.splitlines()[0].strip() == "a [/] b (Gent)"
    assert re.search(r"│ name +│ a \[/\] b +│", result.stdout)


def test_link_markup_and_emoji_codes_in_a_name_are_shown_as_typed(store):
    result = ok(*store, "case", "gent-link")
    assert result.stdout.splitlines()[0].strip() == f"{LINKED} (Gent)"
    assert re.search(r"│ name +│ " + re.escape(LINKED) + " +│", result.stdout)
    assert "❌" not in result.stdout


def test_escape_sequences_and_bidi_overrides_in_names_are_shown_not_sent(store):
    # Markdown escapes each backslash; rendered, it reads as the table does.
    for fmt, shown in (("table", SHOWN), ("markdown", SHOWN.replace("\\", "\\\\"))):
        result = ok(*store, "query", "MATCH (p:Person) RETURN p.name AS name ORDER BY p.id",
                    "-f", fmt)
        assert shown in result.stdout
        assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    members = ok(*store, "case", "gent-a").stdout
    assert SHOWN in members and "\x1b" not in members


def test_json_keeps_the_name_and_escapes_what_a_terminal_would_run(store):
    result = ok(*store, "query", "MATCH (p:Person {id: 'per-esc'}) RETURN p.name AS name",
                "-f", "json")
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert strict_json(result.stdout) == [{"name": ESCAPED}]


def test_messages_show_paths_as_typed_without_markup_or_escapes(tmp_path):
    out = tmp_path / "[red]t\x1b[2J.xlsx"
    result = ok("template", "--out", str(out))
    assert result.stderr == f"Wrote {tmp_path}/[red]t\\x1b[2J.xlsx\n"


def test_query_csv_puts_a_quote_before_formulas_and_leaves_numbers(store):
    result = ok(*store, "query", "MATCH (a) WHERE a.id IN ['007', 'per-minus'] "
                "RETURN a.id AS id, a.name AS name, -0.5 AS x ORDER BY id", "-f", "csv")
    assert csv_body(result.stdout).splitlines() == [
        "id,name,x",
        "007,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",-0.5",
        "per-minus,'-2+3,-0.5",
    ]
    back = pd.read_csv(io.StringIO(csv_body(result.stdout)), dtype={"id": str})
    assert back["name"].tolist() == ["'" + FORMULA, "'-2+3"] and back["x"].tolist() == [-0.5] * 2


def test_export_csv_puts_a_quote_before_formulas(store, tmp_path):
    ok(*store, "export", "--format", "csv", "--out", str(tmp_path / "csv"))
    nodes = pd.read_csv(tmp_path / "csv" / "nodes.csv", dtype=str, keep_default_na=False)
    labels = dict(zip(nodes["id"], nodes["label"], strict=True))
    assert labels["007"] == "'" + FORMULA and labels["per-minus"] == "'-2+3"
    assert labels["gent-a"] == "a [/] b"


def test_a_parameter_that_looks_like_a_number_stays_text(store):
    # was: 007 became the integer 7, and the lookup by id failed
    result = ok(*store, "query", "MATCH (a:Organisation {id: $id}) RETURN a.name AS name",
                "-p", "id=007", "-f", "json")
    assert strict_json(result.stdout) == [{"name": FORMULA}]


def test_typed_parameters_are_typed(store):
    result = ok(*store, "query", "RETURN $k + 1 AS k, $x * 2 AS x, $b AS b, $s AS s",
                "-p", "k:int=41", "-p", "x:float=-0.25", "-p", "b:bool=true",
                "-p", "s:json=\"007\"", "-f", "json")
    assert strict_json(result.stdout) == [{"k": 42, "x": -0.5, "b": True, "s": "007"}]
    help_text = ok("query", "--help").stdout
    assert "name:TYPE=value" in help_text and "-p k:int=2" in help_text


def test_a_bad_typed_parameter_is_one_clean_error(store):
    result = run(*store, "query", "RETURN $k AS k", "-p", "k:int=seven")
    assert result.exit_code == 1
    assert result.stderr == "Error: --param 'k:int=seven': 'seven' is not an integer.\n"
    result = run(*store, "query", "RETURN $k AS k", "-p", "k:integer=7")
    assert result.exit_code == 1
    assert result.stderr == ("Error: --param 'k:integer=7': unknown type 'integer'.\n"
                             "  Hint: Types: str, int, float, bool, json (e.g. -p k:int=2).\n")


def test_a_list_parameter_of_mixed_types_is_one_clean_error(store):
    # LadybugDB's driver raised a bare ValueError while converting the list (Neo4j takes it)
    if "--neo4j" in store:
        assert strict_json(ok(*store, "query", "RETURN $l AS l", "-p", 'l:json=[1, "a"]',
                              "-f", "json").stdout) == [{"l": [1, "a"]}]
        return
    result = run(*store, "query", "RETURN $l AS l", "-p", 'l:json=[1, "a"]')
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: LadybugDB cannot take the query's parameters: invalid literal for int() with "
        "base 10: 'a'\n  Hint: A list parameter must hold values of one type.\n")


def test_json_writes_null_for_infinity_and_nan(store):
    result = ok(*store, "query", "RETURN 1.0/0.0 AS inf, -1.0/0.0 AS ninf, 0.0/0.0 AS nan, "
                "[1.0/0.0, 2.5] AS l", "-f", "json")
    assert "Infinity" not in result.stdout and "NaN" not in result.stdout
    assert strict_json(result.stdout) == [{"inf": None, "ninf": None, "nan": None,
                                           "l": [None, 2.5]}]
    case = ok(*store, "case", "gent-link", "-f", "json").stdout
    assert strict_json(case)["coalition"]["name"] == LINKED


def in_a_terminal(*args: str) -> bytes:
    """Run the command with its standard output on a pseudo-terminal, as a person sees it."""
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "200"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen([sys.executable, "-m", "coalitions.cli", *args], stdout=follower,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=120) == 0, proc.stderr.read().decode()
    assert b"Traceback" not in proc.stderr.read()
    return b"".join(chunks)


def test_on_a_terminal_no_hyperlink_and_no_escape_sequence_from_the_data_is_sent(store):
    table = in_a_terminal(*store, "query", "MATCH (c:Coalition) RETURN c.name AS name "
                          "UNION MATCH (p:Person) RETURN p.name AS name")
    assert b"\x1b]8;" not in table  # OSC 8, a terminal hyperlink
    assert LINKED.encode() in table and SHOWN.encode() in table
    assert "\u202e".encode() not in table and b"\x1b[31mred" not in table
    # CSV on a terminal: rich is not involved, so no escape character at all
    csv = in_a_terminal(*store, "query", "MATCH (p:Person) RETURN p.name AS name", "-f", "csv")
    assert b"\x1b" not in csv and SHOWN.encode() in csv
