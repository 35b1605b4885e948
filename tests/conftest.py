"""Shared fixtures: fresh stores on both engines, small graphs.

Neo4j tests take the server from NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD (see TESTING.md).
Without NEO4J_URI they are skipped, except when COALITIONS_REQUIRE_NEO4J=1 (as in CI): then a
Neo4j test that cannot reach its server fails.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from coalitions.graph.model import GraphData

REQUIRE_NEO4J = os.environ.get("COALITIONS_REQUIRE_NEO4J") == "1"
SAMPLE = Path(__file__).resolve().parents[1] / "coalitions" / "data" / "sample"


def neo4j_settings() -> dict[str, str]:
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        if REQUIRE_NEO4J:
            pytest.fail("COALITIONS_REQUIRE_NEO4J=1 but NEO4J_URI is not set "
                        "(start one with: eval \"$(scripts/neo4j-local start)\")")
        pytest.skip("no Neo4j server (set NEO4J_URI, see TESTING.md)")
    return {"uri": uri, "user": os.environ.get("NEO4J_USERNAME", "neo4j"),
            "password": os.environ.get("NEO4J_PASSWORD", ""),
            "database": os.environ.get("NEO4J_DATABASE", "") or None}


def _wipe_neo4j(store) -> None:
    store.query("MATCH (n) DETACH DELETE n", write=True)


@pytest.fixture
def neo4j_store():
    from coalitions.graph.neo4j_store import Neo4jStore

    s = neo4j_settings()
    store = Neo4jStore(s["uri"], user=s["user"], password=s["password"], database=s["database"])
    _wipe_neo4j(store)
    yield store
    store.close()


@pytest.fixture
def embedded_store(tmp_path):
    from coalitions.graph.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "store.db")
    yield store
    store.close()


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def fresh_store(request):
    """An empty store, once per engine."""
    return request.getfixturevalue(f"{request.param}_store")


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store_args(request, tmp_path, monkeypatch):
    """CLI arguments selecting an empty store, once per engine."""
    if request.param == "embedded":
        monkeypatch.delenv("NEO4J_URI", raising=False)
        return ["--store", str(tmp_path / "cli.db")]
    s = neo4j_settings()
    from coalitions.graph.neo4j_store import Neo4jStore

    with Neo4jStore(s["uri"], user=s["user"], password=s["password"],
                    database=s["database"]) as st:
        _wipe_neo4j(st)
    return ["--neo4j", s["uri"]]


def small_graph() -> GraphData:
    """Two coalitions in Gent, three actors, one tie: every table and relationship type."""
    co = pd.DataFrame({
        "id": ["gent-energent", "gent-torekes"], "name": ["Energent", "Torekes"],
        "city": ["Gent", "Gent"],
        "themes": [["Energie"], ["Duurzame economie", "Sociale cohesie"]],
        "theme_clusters": [["Milieu en ecologie"],
                           ["Milieu en ecologie",
                            "Buurtontwikkeling, publieke ruimte en sociale cohesie"]],
        "goals": ["Energie besparen", None], "actions": [None, "Complementaire munt"],
        "founded_year": pd.array([2011, None], dtype="Int64"),
        "n_organisations": pd.array([5, None], dtype="Int64"),
        "n_volunteers": pd.array([None, 40], dtype="Int64"),
        "role": ["services", "innovation"], "relation": ["complementary", None],
        "origin": ["bottom-up", "top-down"],
        "sectors": [["city_government", "nonprofit"], ["nonprofit"]],
        "raw_theme": ["Energie", "Duurzame economie; Sociale cohesie"],
        "raw_founded": ["°2011", None], "raw_size": ["5 vzw's", "40 vrijwilligers"],
        "raw_actors": ["Stad, vzw's", "vzw's"],
    })
    actors = pd.DataFrame({
        "id": ["org-stad-gent", "per-an", "per-bram"],
        "name": ["Stad Gent – Milieudienst", "An Peeters", "Bram D’Hondt"],
        "kind": ["organisation", "person", "person"],
        "sector": ["city_government", "city_government", "nonprofit"],
        "function": [None, "official", "volunteer"],
        "organisation": [None, "org-stad-gent", None],
        "city": ["Gent", "Gent", "Gent"],
    })
    members = pd.DataFrame({
        "actor": ["org-stad-gent", "per-an", "per-an", "per-bram"],
        "coalition": ["gent-energent", "gent-energent", "gent-torekes", "gent-torekes"],
        "role": ["member", "pivot", "member", "coordinator"],
        "since": pd.array([2011, 2012, None, 2015], dtype="Int64"),
    })
    ties = pd.DataFrame({"source": ["per-an"], "target": ["per-bram"], "type": ["advises"],
                         "weight": [2.5]})
    return GraphData(co, actors, members, ties)


@pytest.fixture
def graph() -> GraphData:
    return small_graph()


def csv_body(text: str) -> str:
    """A command's ``--format csv`` output without the ``#`` provenance lines above the
    header (they name the time and the store, so they differ from run to run)."""
    lines = text.split("\n")
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return "\n".join(lines)


def json_rows(text: str) -> list[dict]:
    """The rows of a command's ``--format json`` output: a bare array, or for tables whose
    measures carry definitions the ``rows`` of ``{"metadata": ..., "rows": [...]}``."""
    import json

    body = json.loads(text)
    return body["rows"] if isinstance(body, dict) and "metadata" in body else body


BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium (Debian's) through Playwright, one for the whole session."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        message = f"{chromium} is missing: apt-get install -y chromium chromium-driver"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(chromium), args=BROWSER_ARGS)
        yield b
        b.close()
