"""The Neo4j server the tests use is real: Bolt, version 5.26, authentication, read access mode.

Runs against the server NEO4J_URI points at (``eval "$(scripts/neo4j-local start)"`` or the
docker-compose service, see TESTING.md); skipped without it unless COALITIONS_REQUIRE_NEO4J=1.
The last test drives ``scripts/neo4j-local`` itself in a private state directory.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import uuid
from pathlib import Path

import neo4j
import pytest
from neo4j.exceptions import AuthError, ClientError

from tests.conftest import REQUIRE_NEO4J, neo4j_settings

pytestmark = pytest.mark.neo4j

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "neo4j-local"


@pytest.fixture(scope="module")
def server() -> dict[str, str]:
    return neo4j_settings()


@pytest.fixture(scope="module")
def driver(server):
    with neo4j.GraphDatabase.driver(server["uri"], auth=(server["user"], server["password"])) as d:
        yield d


def test_bolt_connects_and_answers_a_query(driver, server):
    driver.verify_connectivity()
    records, _, _ = driver.execute_query("RETURN 1 AS one", database_=server["database"])
    assert [r["one"] for r in records] == [1]


def test_server_is_neo4j_5_26(driver):
    # The LTS line DESIGN.md and the compose file name; dbms.components() reports the kernel.
    records, _, _ = driver.execute_query(
        "CALL dbms.components() YIELD name, versions RETURN name, versions", database_="system"
    )
    kernel = {r["name"]: r["versions"] for r in records}["Neo4j Kernel"]
    assert kernel[0].startswith("5.26."), kernel


def test_wrong_password_is_an_auth_error(server):
    wrong = server["password"] + "-not-it"
    with (
        neo4j.GraphDatabase.driver(server["uri"], auth=(server["user"], wrong)) as d,
        pytest.raises(AuthError) as info,
    ):
        d.verify_connectivity()
    assert info.value.code == "Neo.ClientError.Security.Unauthorized"


def test_write_in_read_access_mode_is_refused_by_the_server(driver, server):
    label = f"ReadModeProbe_{uuid.uuid4().hex}"
    with (
        driver.session(database=server["database"], default_access_mode=neo4j.READ_ACCESS) as s,
        pytest.raises(ClientError) as info,
    ):
        s.run(f"CREATE (:{label})").consume()
    assert info.value.code == "Neo.ClientError.Statement.AccessMode"
    # Refused means nothing was written, not merely an error after the fact.
    records, _, _ = driver.execute_query(
        f"MATCH (n:{label}) RETURN count(n) AS n", database_=server["database"]
    )
    assert records[0]["n"] == 0


# -- the script ----------------------------------------------------------------------------------


def _run_script(command: str, state: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEO4J_LOCAL_DIR": str(state)}
    return subprocess.run(
        [str(SCRIPT), command], env=env, capture_output=True, text=True, timeout=600
    )


def _exports(stdout: str) -> dict[str, str]:
    """Parse the ``export K=V`` lines as the shell's eval would."""
    out = {}
    for line in stdout.splitlines():
        words = shlex.split(line)
        assert words[0] == "export", line
        key, _, value = words[1].partition("=")
        out[key] = value
    return out


def _count_marker(env: dict[str, str], marker: str) -> int:
    with neo4j.GraphDatabase.driver(
        env["NEO4J_URI"], auth=(env["NEO4J_USERNAME"], env["NEO4J_PASSWORD"])
    ) as d:
        records, _, _ = d.execute_query(
            "MATCH (m:LocalScriptMarker {id: $id}) RETURN count(m) AS n",
            id=marker, database_=env["NEO4J_DATABASE"],
        )
    return records[0]["n"]


@pytest.mark.slow
def test_script_restart_keeps_port_password_and_data_and_stop_removes_them(tmp_path):
    neo4j_settings()  # same skip/fail rule as every Neo4j test
    if not (shutil.which("java") and shutil.which("mvn")) and not REQUIRE_NEO4J:
        pytest.skip("scripts/neo4j-local needs Java 17 and Maven")
    state = tmp_path / "neo4j-local"
    try:
        started = _run_script("start", state)
        assert started.returncode == 0, started.stderr
        env = _exports(started.stdout)
        assert set(env) == {"NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE",
                            "NEO4J_IMPORT_DIR"}
        # LOAD CSV's only folder (server.directories.import), inside the server's state
        assert Path(env["NEO4J_IMPORT_DIR"]).is_dir()
        assert Path(env["NEO4J_IMPORT_DIR"]).resolve().is_relative_to(state.resolve())
        assert env["NEO4J_URI"].startswith("bolt://127.0.0.1:")
        assert len(env["NEO4J_PASSWORD"]) >= 16
        # The password must not leak into the diagnostics.
        assert env["NEO4J_PASSWORD"] not in started.stderr

        marker = uuid.uuid4().hex
        with neo4j.GraphDatabase.driver(
            env["NEO4J_URI"], auth=(env["NEO4J_USERNAME"], env["NEO4J_PASSWORD"])
        ) as d:
            d.execute_query("CREATE (:LocalScriptMarker {id: $id})", id=marker,
                            database_=env["NEO4J_DATABASE"])

        again = _run_script("start", state)
        assert again.returncode == 0, again.stderr
        assert _exports(again.stdout) == env

        restarted = _run_script("restart", state)
        assert restarted.returncode == 0, restarted.stderr
        assert _exports(restarted.stdout) == env
        assert _count_marker(env, marker) == 1

        stopped = _run_script("stop", state)
        assert stopped.returncode == 0, stopped.stderr
        status = _run_script("status", state)
        assert (status.returncode, status.stdout.strip()) == (3, "not running")
        assert not (state / "home").exists()
        with pytest.raises(neo4j.exceptions.ServiceUnavailable):
            _count_marker(env, marker)
    finally:
        _run_script("stop", state)
