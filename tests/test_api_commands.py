"""Every analysis command has a Python API call that gives the same table as the command's
``--format json`` (same numbers, same definitions)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from coalitions.api import SAMPLE, Coalitions
from coalitions.cli import app
from coalitions.output import render, to_json
from tests.conftest import json_rows
from tests.test_cli_analysis import measures, rounded

runner = CliRunner()

# (command line, API call on an open Coalitions). pivots and brokers show 20 rows on the
# command line unless --top says otherwise; the API gives every row unless top= says.
CALLS = [
    (["stats"], lambda db: db.stats()),
    (["pivots", "--top", "15"], lambda db: db.pivots(top=15)),
    (["pivots", "--by", "degree", "--city", "Gent"], lambda db: db.pivots(by="degree",
                                                                           city="Gent", top=20)),
    (["pivots", "--two-mode", "--city", "Leuven"], lambda db: db.pivots(two_mode=True,
                                                                         city="Leuven", top=20)),
    (["pivots", "--per-coalition", "--city", "Turnhout"],
     lambda db: db.pivots(per_coalition=True, city="Turnhout")),
    (["embeddedness", "--city", "Aalst"], lambda db: db.embeddedness(city="Aalst")),
    (["embeddedness", "--coalitions", "--top", "5"],
     lambda db: db.embeddedness(coalitions=True, top=5)),
    (["brokers", "--group-by", "city"], lambda db: db.brokers(group_by="city", top=20)),
    (["brokers", "--directed", "--city", "Gent"],
     lambda db: db.brokers(directed=True, city="Gent", top=20)),
    (["communities"], lambda db: db.communities()),
    (["communities", "--members", "--city", "Gent"],
     lambda db: db.communities(members=True, city="Gent")),
    (["clusters", "--by", "role"], lambda db: db.clusters(by="role")),
    (["clusters", "--by", "data"], lambda db: db.clusters(by="data")),
    (["shortlist", "4"], lambda db: db.shortlist(4)),
    (["cities"], lambda db: db.cities()),
    (["cities", "--undirected"], lambda db: db.cities(directed=False)),
    (["compare", "--by", "government"], lambda db: db.compare(by="government")),
    (["explain", "--lang", "nl"], lambda db: db.explain(lang="nl")),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "sample.db"
    with Coalitions.open(path) as db:
        db.load(SAMPLE)
    return path


@pytest.mark.parametrize("args, call", CALLS, ids=[" ".join(a) for a, _ in CALLS])
def test_api_call_equals_the_commands_json(store, args, call):
    result = runner.invoke(app, ["--store", str(store), *args, "-f", "json"])
    assert result.exit_code == 0, result.output
    with Coalitions.open(store, read_only=True) as db:
        frame = call(db)
    # igraph's eigenvector solver (ARPACK) starts from a random vector: floats agree to 9
    # significant digits from run to run, as the engines' do (see test_cli_analysis).
    assert rounded(json_rows(render(frame, "json"))) == rounded(json_rows(result.stdout))
    # the same definitions and facts; the rest of the metadata says when and how it ran (and
    # the command names the wave it read, which an API caller chose with wave=)
    assert rounded(without_wave(measures(render(frame, "json")))) == rounded(without_wave(
        measures(result.stdout)))


def without_wave(meta: dict) -> dict:
    facts = {k: v for k, v in (meta.get("facts") or {}).items() if k != "wave"}
    return {**meta, "facts": facts or None}


def test_api_case_equals_the_commands_json(store):
    result = runner.invoke(app, ["--store", str(store), "case", "EGEB", "-f", "json"])
    assert result.exit_code == 0, result.output
    with Coalitions.open(store, read_only=True) as db:
        table = db.case("EGEB")
    cli = json.loads(result.stdout)
    assert cli["wave"] == table["wave"] == "1"
    assert [f["path"] for f in cli["inputs"]] == [
        "actors.csv", "coalitions.csv", "memberships.csv", "ties.csv"]
    assert rounded(json.loads(to_json(table))) == rounded(cli)


def test_api_case_reads_the_wave_asked_for(tmp_path):
    """The sample's README documents two members who left Welzijnsnetwerk Genk-Noord in
    wave 2; the case of each wave lists that wave's members, as `case --wave` does."""
    import coalitions

    path = tmp_path / "waves.db"
    with coalitions.Coalitions.open(path) as db:  # (the package exports the API lazily)
        db.load(SAMPLE, wave="1")
        db.load(SAMPLE / "wave2", wave="2")
    name = "genk-welzijnsnetwerk-genk-noord"
    with Coalitions.open(path, read_only=True) as db:
        first, latest = db.case(name, wave="1"), db.case(name)
    assert (first["wave"], latest["wave"]) == ("1", "2")
    left = set(first["members"]["id"]) - set(latest["members"]["id"])
    assert left == {"per-pieterjan-luyten", "org-okra-genk"}
    cli = json.loads(runner.invoke(app, ["--store", str(path), "case", name, "--wave", "1",
                                         "-f", "json"]).stdout)
    assert len(cli["members"]["rows"]) == len(first["members"])


def test_every_analysis_command_has_an_api_method():
    commands = {c.name or c.callback.__name__ for c in app.registered_commands}
    # Commands that are not analyses of a store, or that the API offers under another name.
    elsewhere = {"validate": "load", "load": "load", "template": None, "demo": None}
    missing = [c for c in commands - set(elsewhere) if not hasattr(Coalitions, c)]
    assert not missing


def test_api_writes_the_maps_reports_and_figures_the_commands_write(store, tmp_path):
    with Coalitions.open(store) as db:
        assert db.map(tmp_path / "g.html", city="Gent").read_text(encoding="utf-8").startswith(
            "<!DOCTYPE html>")
        assert db.map(tmp_path / "g.png", city="Gent").read_bytes()[:4] == b"\x89PNG"
        assert db.report("Gent", tmp_path / "g.pdf").read_bytes()[:5] == b"%PDF-"
        assert db.figure("cities", tmp_path / "c.svg").read_bytes()[:5] == b"<?xml"
        ego = db.figure("ego", tmp_path / "e.png", actor="Jens Janssens", pseudonymise=True)
        assert ego.read_bytes()[:4] == b"\x89PNG"
