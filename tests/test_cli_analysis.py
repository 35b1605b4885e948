"""Every analysis command on the sample, on both engines, with the same answers."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from coalitions.cli import app
from tests.conftest import SAMPLE, json_rows, neo4j_settings

runner = CliRunner()

COMMANDS = [
    ["pivots", "--top", "10"],
    ["pivots", "--by", "degree", "--city", "Gent"],
    ["pivots", "--two-mode", "--city", "Leuven"],
    ["pivots", "--per-coalition", "--city", "Turnhout"],
    ["embeddedness", "--city", "Aalst"],
    ["embeddedness", "--coalitions"],
    ["brokers", "--group-by", "sector", "--top", "15"],
    ["brokers", "--group-by", "city"],
    ["communities"],
    ["clusters", "--by", "theme"],
    ["clusters", "--by", "role"],
    ["clusters", "--by", "actors"],
    ["clusters", "--by", "data"],
    ["shortlist", "5"],
    ["cities"],
    ["case", "De Koep"],
    ["compare", "--by", "government"],
    ["compare", "--by", "actors"],
]

PIVOT_KEYS = {"id", "name", "kind", "sector", "city", "mode", "degree", "strength",
              "betweenness", "closeness", "eigenvector", "pagerank", "coreness", "coalitions"}


def invoke(*args: str):
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """The sample loaded into an embedded store and into the Neo4j server."""
    embedded = ["--store", str(tmp_path_factory.mktemp("cli") / "sample.db")]
    invoke(*embedded, "load", str(SAMPLE))
    stores = {"embedded": embedded}
    try:
        s = neo4j_settings()
    except pytest.skip.Exception:
        return stores
    from coalitions.graph.neo4j_store import Neo4jStore

    with Neo4jStore(s["uri"], user=s["user"], password=s["password"],
                    database=s["database"]) as st:
        st.query("MATCH (n) DETACH DELETE n", write=True)
    stores["neo4j"] = ["--neo4j", s["uri"]]
    invoke(*stores["neo4j"], "load", str(SAMPLE))
    return stores


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_command_gives_json_rows_on_the_embedded_store(loaded, command):
    rows = json_rows(invoke(*loaded["embedded"], *command, "--format", "json").stdout)
    assert rows, "no rows"
    if command[0] == "pivots" and "--per-coalition" not in command:
        # two-mode rows also say how many members a coalition has
        extra = {"members"} if "--two-mode" in command else set()
        assert set(rows[0]) == PIVOT_KEYS | extra
        by = command[command.index("--by") + 1] if "--by" in command else "betweenness"
        values = [r[by] for r in rows]
        assert values == sorted(values, reverse=True)


@pytest.mark.neo4j
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_command_answers_the_same_on_neo4j(loaded, command):
    if "neo4j" not in loaded:
        neo4j_settings()  # fails under COALITIONS_REQUIRE_NEO4J=1, skips otherwise
    a = invoke(*loaded["embedded"], *command, "--format", "json").stdout
    b = invoke(*loaded["neo4j"], *command, "--format", "json").stdout
    # Same data, same answers — up to floating-point summation order (eigenvector and
    # PageRank iterate to ~1e-13), so floats are compared to 9 significant digits and
    # values below 1e-10 count as zero.
    assert rounded(json.loads(a)) == rounded(json.loads(b))


def rounded(value):
    if isinstance(value, float):
        return 0.0 if abs(value) < 1e-10 else float(f"{value:.9g}")
    if isinstance(value, list):
        return [rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    return value


def test_clusters_reproduce_the_seed_tables(loaded):
    from coalitions.loaders.taxonomy import COMPOSITIONS, ROLES, THEMES

    theme = json_rows(invoke(*loaded["embedded"], "clusters", "--by", "theme", "-f", "json").stdout)
    assert {r["cluster"]: r["count"] for r in theme} == {t.name: t.study_count for t in THEMES}
    role = json_rows(invoke(*loaded["embedded"], "clusters", "--by", "role", "-f", "json").stdout)
    assert sorted(r["count"] for r in role) == sorted(r.study_count for r in ROLES)
    actors = json_rows(invoke(*loaded["embedded"], "clusters", "--by", "actors", "-f", "json").stdout)
    assert {r["cluster"]: r["count"] for r in actors} == {label: n for _, label, n in COMPOSITIONS}


def test_analyse_writes_measures_that_cypher_can_rank(loaded, tmp_path):
    store = ["--store", str(tmp_path / "analysed.db")]
    invoke(*store, "load", str(SAMPLE))
    invoke(*store, "analyse")
    top = json.loads(invoke(*store, "query", "MATCH (a:Person) RETURN a.id AS id, "
                            "a.betweenness AS b ORDER BY b DESC, id LIMIT 3", "-f", "json").stdout)
    pivots = json_rows(invoke(*store, "pivots", "--top", "50", "-f", "json").stdout)
    people = [p for p in pivots if p["kind"] == "person"][:3]
    assert [r["id"] for r in top] == sorted([p["id"] for p in people],
                                            key=lambda i: (-next(p["betweenness"] for p in people
                                                                 if p["id"] == i), i))
    assert top[0]["b"] == pytest.approx(people[0]["betweenness"])


def test_an_unknown_city_is_a_clear_error(loaded):
    result = runner.invoke(app, [*loaded["embedded"], "pivots", "--city", "Atlantis"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: No city named 'Atlantis' in the store.")


@pytest.mark.parametrize("args, by", [
    (["embeddedness"], "coreness"),
    (["embeddedness", "--by", "effective_size"], "effective_size"),
    (["embeddedness", "--coalitions"], "overlap"),
])
def test_embeddedness_top_rows_are_the_highest_scores(loaded, args, by):
    top = json_rows(invoke(*loaded["embedded"], *args, "--top", "12", "-f", "json").stdout)
    every = json_rows(invoke(*loaded["embedded"], *args, "-f", "json").stdout)
    assert len(top) == 12 < len(every)
    # undefined scores (effective size of an isolate: null) come last
    best = sorted((r[by] for r in every), key=lambda v: (v is None, -(v or 0)))[:12]
    assert [r[by] for r in top] == best


def test_embeddedness_refuses_to_rank_by_something_it_does_not_show(loaded):
    result = runner.invoke(app, [*loaded["embedded"], "embeddedness", "--by", "fame"])
    assert result.exit_code == 1
    assert "Cannot rank by 'fame'." in result.stderr
