"""Read-only queries on the embedded store change nothing outside the store either (issue 21,
item 12): statements that write files, download or load extensions, or open other databases
need --write. Real engine, real files, a real (local) extension server."""

from __future__ import annotations

import http.server
import os
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalitions.cli import app
from tests.conftest import SAMPLE, json_rows
from tests.graph.test_processes import _pending

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    where = str(tmp_path_factory.mktemp("statements") / "s.db")
    assert run("--store", where, "load", str(SAMPLE)).exit_code == 0
    return where


def refused(statement: str, what: str, reason: str) -> list[str]:
    return [f"Error: The query's {what} statement {reason}; without --write a query may "
            "only read the store.",
            "  Hint: Run it again with --write if that is what you mean."]


COPY_REASON = "copies data between the store and files (COPY … TO writes a file)"


@pytest.mark.parametrize("text", [
    "COPY (MATCH (c:Coalition) RETURN c.id) TO '{out}'",
    "copy (MATCH (c:Coalition) RETURN c.id) to '{out}'",
    "  \n\t CoPy (MATCH (c:Coalition) RETURN c.id) TO '{out}'",
    "/* x */ copy (MATCH (c:Coalition) RETURN c.id) TO '{out}'",
    "// a comment\nCOPY (MATCH (c:Coalition) RETURN c.id) TO '{out}'",
    "MATCH (c:Coalition) RETURN count(c); COPY (MATCH (c:Coalition) RETURN c.id) TO '{out}'",
    "RETURN 'a;b' AS x ; /* ; */ COPY (RETURN 1) TO '{out}';",
    "PROFILE COPY (MATCH (c:Coalition) RETURN c.id) TO '{out}'",
])
def test_copy_to_without_write_is_refused_and_writes_no_file(store, tmp_path, text):
    out = tmp_path / "x.csv"
    result = run("--store", store, "query", text.format(out=out))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == refused(text, "COPY", COPY_REASON)
    assert not out.exists()


def test_copy_to_with_write_writes_the_file(store, tmp_path):
    # (the control: the statement refused above does write a file when allowed to)
    out = tmp_path / "x.csv"
    result = run("--store", store, "query", "--write",
                 f"COPY (MATCH (c:Coalition) RETURN c.id AS id ORDER BY id) TO '{out}'")
    assert result.exit_code == 0, result.stderr
    ids = json_rows(run("--store", store, "query", "MATCH (c:Coalition) RETURN c.id AS id",
                         "--format", "json").stdout)
    assert out.read_text().splitlines() == sorted(r["id"] for r in ids)
    assert len(ids) == 51  # the sample's coalitions


@pytest.fixture
def extension_server():
    """A local HTTP server standing in for LadybugDB's extension repository; it records
    every request it gets and answers 404."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", hits
    finally:
        server.shutdown()
        server.server_close()


def test_install_without_write_is_refused_before_any_download(store, extension_server):
    url, hits = extension_server
    result = run("--store", store, "query", f"install httpfs FROM '{url}'")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == refused("", "INSTALL",
                                                 "downloads and installs an extension")
    assert hits == []
    # the control: allowed to, the engine does ask the server (which has nothing to give)
    allowed = run("--store", store, "query", "--write", f"INSTALL httpfs FROM '{url}'")
    assert allowed.exit_code == 1
    assert "Failed to download extension" in allowed.stderr
    assert len(hits) == 1 and hits[0].endswith("/httpfs/libhttpfs.lbug_extension")


@pytest.mark.parametrize(("text", "what", "reason"), [
    ("EXPORT DATABASE '{tmp}/export'", "EXPORT", "writes the database to files"),
    ("IMPORT DATABASE '{tmp}/export'", "IMPORT", "reads a database from files into the store"),
    ("LOAD EXTENSION httpfs", "LOAD EXTENSION", "loads an extension's code into the program"),
    ("load httpfs", "LOAD EXTENSION", "loads an extension's code into the program"),
    ("FORCE INSTALL httpfs", "FORCE INSTALL", "downloads and installs an extension"),
    ("UPDATE httpfs", "UPDATE", "downloads a new version of an extension"),
    ("UNINSTALL httpfs", "UNINSTALL", "removes an installed extension"),
    ("ATTACH '{tmp}/other.db' AS other (dbtype lbug)", "ATTACH", "opens another database"),
    ("DETACH other", "DETACH", "closes an attached database"),
    ("USE other", "USE", "switches to an attached database"),
    ("ANALYZE", "ANALYZE", "recomputes the store's statistics (maintenance, which the engine "
                           "lets a read-only connection start)"),
])
def test_statements_that_reach_outside_the_store_need_write(store, tmp_path, text, what, reason):
    result = run("--store", store, "query", text.format(tmp=tmp_path))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == refused(text, what, reason)
    assert list(tmp_path.iterdir()) == []


def test_checkpoint_without_write_is_refused_and_leaves_the_store_readable(tmp_path):
    # On a read-only connection ladybug 0.22.0 runs CHECKPOINT, fails half-way and leaves
    # the store refusing read-only opens until a read-write open recovers it. (A store of
    # its own: on today's code this test breaks the store it runs on.)
    store = str(tmp_path / "checkpoint.db")
    assert run("--store", store, "load", str(SAMPLE)).exit_code == 0
    result = run("--store", store, "query", "CHECKPOINT")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == refused(
        "", "CHECKPOINT", "writes the store's files (and on a read-only connection leaves "
                          "the store needing recovery)")
    assert not _pending(store)


@pytest.mark.parametrize(("text", "expected"), [
    # the words inside strings, comments and names are not statements
    ("RETURN 'COPY (x) TO y; INSTALL z' AS s", [{"s": "COPY (x) TO y; INSTALL z"}]),
    ('RETURN "it\\"s; COPY" AS s', [{"s": 'it"s; COPY'}]),
    ("MATCH (c:Coalition) // ; COPY (RETURN 1) TO 'x'\nRETURN count(c) AS n", [{"n": 51}]),
    ("/* INSTALL httpfs; */ MATCH (c:Coalition) RETURN count(c) AS `copy`", [{"copy": 51}]),
    # several statements: the rows of the last one
    ("MATCH (c:Coalition) RETURN count(c) AS n; RETURN 2 AS b", [{"b": 2}]),
    ("explain MATCH (c:City) RETURN c.name AS name", None),
])
def test_reading_statements_still_run_without_write(store, text, expected):
    result = run("--store", store, "query", text, "--format", "json")
    assert result.exit_code == 0, result.stderr
    if expected is not None:
        assert json_rows(result.stdout) == expected


def test_load_from_a_file_only_reads_and_runs_without_write(store, tmp_path):
    # Like Neo4j's LOAD CSV in a READ transaction: reading a file changes nothing.
    source = tmp_path / "names.csv"
    source.write_text("name\nGent\nAalst\n")
    result = run("--store", store, "query", f"LOAD FROM '{source}' (header=true) "
                 "RETURN name ORDER BY name", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json_rows(result.stdout) == [{"name": "Aalst"}, {"name": "Gent"}]
    assert source.read_text() == "name\nGent\nAalst\n"


# --- Neo4j: its READ access mode already covers what reaches outside ----------------------
# Neo4j Community 5 has no COPY, EXPORT, INSTALL or ATTACH statements. LOAD CSV only reads
# (files from the server's import directory, or URLs), and its write clauses are refused in a
# READ transaction like any other; procedures declare a mode, and none of the Community
# procedures writes files (APOC, which could, is not part of Community and is not installed).

@pytest.mark.neo4j
def test_neo4j_load_csv_reads_in_read_mode_and_cannot_write(neo4j_store, tmp_path):
    uri = os.environ["NEO4J_URI"]
    refused_write = run("--neo4j", uri, "query",
                        "LOAD CSV FROM 'file:///names.csv' AS row CREATE (:City {name: row[0]})")
    assert refused_write.exit_code == 1
    assert refused_write.stderr.splitlines()[0] == (
        "Error: The query tries to write, and it ran in read-only mode.")
    assert neo4j_store.query("MATCH (n) RETURN count(n) AS n")["n"].tolist() == [0]
    # Reading a file changes nothing. The server reads file:/// URLs from its import folder
    # only (scripts/neo4j-local exports it as NEO4J_IMPORT_DIR; server.directories.import).
    imports = os.environ.get("NEO4J_IMPORT_DIR")
    if not imports:
        pytest.fail("NEO4J_IMPORT_DIR is not set: start the server with scripts/neo4j-local "
                    "(or export the import folder of the server NEO4J_URI names)")
    source = Path(imports) / f"names-{tmp_path.name}.csv"
    source.write_text("Gent\nAalst\n")
    try:
        result = run("--neo4j", uri, "query", f"LOAD CSV FROM 'file:///{source.name}' AS row "
                     "RETURN row[0] AS name ORDER BY name", "--format", "json")
        assert result.exit_code == 0, result.stderr
        assert json_rows(result.stdout) == [{"name": "Aalst"}, {"name": "Gent"}]
        assert source.read_text() == "Gent\nAalst\n"
    finally:
        source.unlink()
    # A file outside the import folder, named by its absolute path, is not read: the URL is
    # taken inside the folder, where no such file is.
    outside = tmp_path / "secret.csv"
    outside.write_text("not for the server\n")
    outside.chmod(0o644)
    outside_read = run("--neo4j", uri, "query", f"LOAD CSV FROM 'file://{outside}' AS row "
                  "RETURN row[0] AS line", "--format", "json")
    assert outside_read.exit_code == 1
    assert "not for the server" not in outside_read.output
    assert "Traceback" not in outside_read.output
    assert "server's import folder" in outside_read.stderr
    assert neo4j_store.query("MATCH (n) RETURN count(n) AS n")["n"].tolist() == [0]
