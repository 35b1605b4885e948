"""Server faults and misuse: unreachable Neo4j, wrong password, a restart mid-load, readers
during a load, credentials kept out of messages."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalitions.cli import app
from coalitions.errors import ServerError
from coalitions.graph.neo4j_store import Neo4jStore
from tests.conftest import SAMPLE, neo4j_settings
from tests.graph.test_processes import _spawn, _wait_for, synthetic
from tests.graph.test_store import canonical

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_server_gives_one_line_naming_the_uri(monkeypatch):
    port = _free_port()  # nothing listens there
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-Pa55")
    result = runner.invoke(app, ["--neo4j", f"bolt://neo4j:s3cret-Pa55@127.0.0.1:{port}",
                                 "stats"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"Error: Cannot reach Neo4j at bolt://127.0.0.1:{port}: ")
    assert lines[1] == ("  Hint: Is the server running (`scripts/neo4j-local start` or "
                        "`docker compose up -d`) and is NEO4J_URI right?")
    assert "s3cret-Pa55" not in result.output
    assert "Traceback" not in result.output


@pytest.mark.neo4j
def test_a_wrong_password_is_named_without_echoing_it():
    s = neo4j_settings()
    with pytest.raises(ServerError) as info:
        Neo4jStore(s["uri"], user=s["user"], password="definitely-wrong-pw")
    text = str(info.value)
    assert text.splitlines()[0] == (f"Neo4j at {s['uri']} refused the credentials of user "
                                    f"'{s['user']}'.")
    assert "NEO4J_PASSWORD" in text and "definitely-wrong-pw" not in text


@pytest.mark.neo4j
def test_readers_see_the_old_state_while_a_load_runs_and_the_new_one_after(tmp_path, neo4j_store,
                                                                           graph):
    neo4j_store.load(graph)
    before = neo4j_store.stats()
    big = synthetic(n_coalitions=120, n_actors=1500)
    child = _spawn(tmp_path, big, "neo4j", os.environ["NEO4J_URI"])
    try:
        _wait_for(child, "HALFWAY")
        # the load is half-way inside its transaction: a reader sees exactly the old graph
        assert neo4j_store.stats().equals(before)
        child.stdin.write("go on\n")
        child.stdin.close()
        _wait_for(child, "FINISHED")
        assert child.wait(timeout=120) == 0
    finally:
        child.kill()
    after = canonical(neo4j_store.read_graph())
    assert set(canonical(big)["memberships"]) <= set(after["memberships"])
    assert len(after["coalitions"]) == len(big.coalitions) + len(graph.coalitions)


@pytest.mark.neo4j
def test_a_server_restart_mid_load_leaves_no_partial_load(tmp_path, neo4j_store, graph):
    """The load either completes (the driver retried the whole transaction after the restart)
    or fails with a message naming the URI — and never leaves half of it behind."""
    neo4j_settings()
    if os.environ.get("NEO4J_LOCAL_DIR") is None and not (REPO / ".neo4j-local" / "pid").exists():
        pytest.fail("this test restarts the server through scripts/neo4j-local; "
                    "start it with: eval \"$(scripts/neo4j-local start)\"")
    neo4j_store.load(graph)
    before = canonical(neo4j_store.read_graph())
    neo4j_store.close()
    big = synthetic(n_coalitions=120, n_actors=1500)
    child = _spawn(tmp_path, big, "neo4j", os.environ["NEO4J_URI"])
    try:
        _wait_for(child, "HALFWAY")
        restart = subprocess.run([str(REPO / "scripts" / "neo4j-local"), "restart"],
                                 capture_output=True, text=True, timeout=300)
        assert restart.returncode == 0, restart.stderr
        child.stdin.write("go on\n")
        child.stdin.close()
        out = child.stdout.read()
        child.wait(timeout=300)
    finally:
        child.kill()
    s = neo4j_settings()
    with Neo4jStore(s["uri"], user=s["user"], password=s["password"]) as st:
        after = canonical(st.read_graph())
    print(f"load across a restart: exit {child.returncode}; {out.strip().splitlines()[-1]}")
    if child.returncode == 0:
        assert "FINISHED" in out
        assert set(canonical(big)["memberships"]) <= set(after["memberships"])
        assert len(after["coalitions"]) == len(big.coalitions) + len(graph.coalitions)
    else:
        assert after == before
        assert f"Neo4j at {s['uri']}" in out or "Lost the connection" in out


@pytest.mark.neo4j
def test_credentials_stay_out_of_reports_and_messages(tmp_path, neo4j_store):
    s = neo4j_settings()
    args = ["--neo4j", s["uri"]]
    assert runner.invoke(app, [*args, "load", str(SAMPLE)]).exit_code == 0
    out = tmp_path / "report.html"
    result = runner.invoke(app, [*args, "report", "--city", "Genk", "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert s["uri"] in page  # provenance names the server …
    assert s["password"] not in page and s["password"] not in result.output  # … not the secret


def test_docker_compose_has_no_default_password_and_binds_to_loopback():
    text = (REPO / "docker-compose.yml").read_text(encoding="utf-8")
    assert 'NEO4J_AUTH: "neo4j/${NEO4J_PASSWORD:?' in text  # compose refuses to start unset
    ports = [line.strip().strip("-").strip().strip('"') for line in text.splitlines()
             if line.strip().startswith("- ") and ":7" in line]
    assert ports and all(p.startswith("127.0.0.1:") for p in ports)
