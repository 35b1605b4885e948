"""The command line: help on every command, exact error text, both engines alike."""

from __future__ import annotations

import json

import pytest
import typer.main
from typer.testing import CliRunner

from coalitions.cli import app
from tests.conftest import SAMPLE, csv_body, json_rows

runner = CliRunner()
DATA = SAMPLE.parents[2] / "tests" / "data" / "cli"


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_every_command_has_help_text():
    group = typer.main.get_command(app)
    assert group.commands, "no commands registered"
    for name, command in group.commands.items():
        assert command.help and command.help.strip(), f"`coalitions {name}` has no help"
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert "Usage:" in result.stdout


def test_validate_reports_every_problem_with_its_location_and_exits_1():
    result = run("validate", str(DATA / "bad_refs"))
    assert result.exit_code == 1
    where = DATA / "bad_refs" / "memberships.csv"
    assert result.stderr.splitlines() == [
        "Error: 2 problems in the input; nothing was written",
        f'  {where}, row 3, column actor: actor "p9" is not an id in the actors table',
        f'  {where}, row 4, column coalition: coalition "gent-zz" is neither a coalition id '
        "nor the name of a coalition in the coalitions table",
    ]
    assert "Traceback" not in result.output


def test_a_bad_load_leaves_the_store_exactly_as_it_was(store_args):
    assert run(*store_args, "load", str(SAMPLE)).exit_code == 0
    before = csv_body(run(*store_args, "stats", "--format", "csv").stdout)
    result = run(*store_args, "load", str(DATA / "bad_refs"))
    assert result.exit_code == 1
    assert csv_body(run(*store_args, "stats", "--format", "csv").stdout) == before


def test_the_sample_loads_with_identical_stats_on_both_engines(tmp_path, neo4j_store):
    neo4j_store.close()  # the fixture emptied the server's database
    from tests.conftest import neo4j_settings

    embedded = ["--store", str(tmp_path / "e.db")]
    server = ["--neo4j", neo4j_settings()["uri"]]
    for args in (embedded, server):
        assert run(*args, "load", str(SAMPLE)).exit_code == 0
    a = csv_body(run(*embedded, "stats", "--format", "csv").stdout)
    b = csv_body(run(*server, "stats", "--format", "csv").stdout)
    assert a == b
    # (JSON with metadata since waves: every output names the wave it read)
    got = json.loads(run(*embedded, "stats", "-f", "json").stdout)
    assert got["metadata"]["facts"]["wave"] == "1"
    counts = {r["name"]: r["count"] for r in got["rows"]}
    assert counts["Coalition"] == 51 and counts["City"] == 14


def test_loading_twice_reports_nothing_changed(store_args):
    run(*store_args, "load", str(SAMPLE))
    got = json.loads(run(*store_args, "load", str(SAMPLE), "--format", "json").stdout)
    assert got["metadata"]["facts"]["wave"] == "1"
    rows = got["rows"]
    assert rows and all(r["created"] == r["updated"] == r["deleted"] == 0 for r in rows)


def test_query_is_read_only_unless_write_is_given(store_args):
    run(*store_args, "load", str(SAMPLE))
    result = run(*store_args, "query", "CREATE (:City {name: 'Nergenshuizen'})")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "Error: The query tries to write, and the store is open read-only." if "--store" in
        store_args else "Error: The query tries to write, and it ran in read-only mode.")
    # (a node's primary key is its wave-qualified key since waves)
    ok = run(*store_args, "query", "--write",
             "CREATE (:City {key: '1\u001fNergenshuizen', name: 'Nergenshuizen', wave: '1'})")
    assert ok.exit_code == 0
    n = run(*store_args, "query", "MATCH (c:City) RETURN count(c) AS n", "-f", "json").stdout
    assert json_rows(n) == [{"n": 15}]


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown", "table"])
def test_query_prints_every_format(store_args, fmt):
    run(*store_args, "load", str(SAMPLE))
    result = run(*store_args, "query", "MATCH (c:Coalition) WHERE c.city = $city "
                 "RETURN c.name AS name ORDER BY name", "-p", "city=Turnhout", "-f", fmt)
    assert result.exit_code == 0
    assert "De Koep" in result.stdout
    if fmt == "json":
        assert {"name": "De Koep"} in json_rows(result.stdout)
    if fmt == "csv":
        assert csv_body(result.stdout).splitlines()[0] == "name"
    if fmt == "markdown":
        assert result.stdout.splitlines()[:2] == ["| name |", "|---|"]


def test_a_query_on_a_missing_store_says_so(tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    result = run("--store", str(tmp_path / "none.db"), "query", "RETURN 1")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: No store at {tmp_path / 'none.db'}.")


def test_a_bad_param_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    result = run("--store", str(tmp_path / "x.db"), "query", "RETURN 1", "-p", "nonsense")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: --param 'nonsense' is not of the form name=value."


def test_template_writes_a_workbook_that_loads(tmp_path):
    out = tmp_path / "t.xlsx"
    assert run("template", "--out", str(out)).exit_code == 0
    assert run("validate", str(out)).exit_code == 0


def test_demo_loads_the_sample_and_writes_a_page_per_city(tmp_path, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")  # the demo must not go there
    out = tmp_path / "demo"
    result = runner.invoke(app, ["--store", str(tmp_path / "demo.db"), "demo", "--out", str(out),
                                 "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    body = json.loads(result.stdout)
    # The demo loads the sample's two waves and shows the latest, which its output names.
    assert body["metadata"]["facts"]["wave"] == "2"
    rows = body["rows"]
    cities = {r["city"] for r in rows}
    assert len(cities) == 14 and {r["rank"] for r in rows} == {1, 2, 3}
    for city in ("gent", "sint-niklaas", "brussel"):
        assert (out / f"map-{city}.html").exists() and (out / f"report-{city}.html").exists()
    assert (out / "map-region.html").exists() and (out / "index.html").exists()
    assert "Sample loaded into ladybug store" in result.stderr
    from coalitions.graph.store import open_store

    with open_store(tmp_path / "demo.db", read_only=True) as st:
        assert list(st.waves()["wave"]) == ["1", "2"]
