"""Every command answers per wave: `--wave` selects the inventory wave (default: the
latest), the output names it, and a wave read from a store of two waves gives what a store
holding only that wave gives."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from coalitions.cli import app
from tests.conftest import SAMPLE, csv_body, json_rows

WAVE2 = SAMPLE / "wave2"
runner = CliRunner()

# Every command that reads the graph, with the arguments it needs.
COMMANDS = [
    ["pivots", "-n", "5"], ["pivots", "--per-coalition", "--city", "Genk"],
    ["embeddedness", "-n", "5"], ["brokers", "--city", "Genk"], ["communities"],
    ["clusters", "--by", "theme"], ["shortlist", "3"], ["cities"],
    ["case", "genk-welzijnsnetwerk-genk-noord"], ["compare", "--by", "government"],
    ["stats"],
]


def run(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def two_waves(store_args):
    assert run(*store_args, "load", str(SAMPLE)).exit_code == 0  # the default wave, "1"
    assert run(*store_args, "load", str(WAVE2), "--wave", "2").exit_code == 0
    return store_args


def test_pivots_of_a_wave_equal_pivots_of_a_store_holding_only_that_wave(two_waves, tmp_path,
                                                                         monkeypatch):
    got = run(*two_waves, "pivots", "--wave", "1", "-n", "0", "-f", "csv").stdout
    monkeypatch.delenv("NEO4J_URI", raising=False)
    alone = ["--store", str(tmp_path / "alone.db")]
    run(*alone, "load", str(SAMPLE))
    want = run(*alone, "pivots", "-n", "0", "-f", "csv").stdout
    # the same rows (the provenance lines above them name the store, the time and --wave)
    assert csv_body(got) == csv_body(want)
    assert "# wave: 1" in got
    latest = run(*two_waves, "pivots", "-n", "0", "-f", "csv").stdout
    assert latest != got and "# wave: 2" in latest


def test_stats_answers_per_wave(two_waves):
    for wave, path in (("1", SAMPLE), ("2", WAVE2)):
        body = json.loads(run(*two_waves, "stats", "--wave", wave, "-f", "json").stdout)
        assert body["metadata"]["facts"]["wave"] == wave
        counts = {r["name"]: r["count"] for r in body["rows"]}
        assert counts["Coalition"] == len(pd.read_csv(path / "coalitions.csv"))
    latest = json.loads(run(*two_waves, "stats", "-f", "json").stdout)
    assert latest["metadata"]["facts"]["wave"] == "2"


def test_every_command_reads_the_wave_it_is_given_and_names_it(two_waves):
    # (one store for all commands: loading two waves is most of the time)
    for args in COMMANDS:
        for wave in ("1", "2"):
            result = run(*two_waves, *args, "--wave", wave, "-f", "csv")
            assert result.exit_code == 0, (args, result.stderr)
            assert f"# wave: {wave}" in result.stdout, args
        bad = run(*two_waves, *args, "--wave", "3")
        assert bad.exit_code == 1, args
        assert "No wave '3'" in bad.stderr and "Traceback" not in bad.output


def test_case_json_names_the_wave(two_waves):
    body = json.loads(run(*two_waves, "case", "genk-welzijnsnetwerk-genk-noord", "--wave", "1",
                          "-f", "json").stdout)
    assert body["wave"] == "1"


def test_cities_differ_between_the_waves_as_the_files_do(two_waves):
    def n_coalitions(*extra):
        rows = json_rows(run(*two_waves, "cities", *extra, "-f", "json").stdout)
        return {r["city"]: r["n_coalitions"] for r in rows}

    one, two, latest = n_coalitions("--wave", "1"), n_coalitions("--wave", "2"), n_coalitions()
    assert latest == two
    assert (one["Genk"], two["Genk"]) == (3, 2)  # Samen Tuinieren Waterschei stopped
    assert (one["Leuven"], two["Leuven"]) == (4, 5)


def test_waves_lists_the_waves_in_order(two_waves):
    rows = json_rows(run(*two_waves, "waves", "-f", "json").stdout)
    assert [(r["wave"], r["number"], r["latest"]) for r in rows] == [("1", 1, False),
                                                                     ("2", 2, True)]


def test_analyse_writes_the_measures_of_the_wave_it_is_given(two_waves):
    assert run(*two_waves, "analyse", "--wave", "1").exit_code == 0
    q = ("MATCH (c:Coalition) WHERE c.n_members IS NOT NULL RETURN c.wave AS wave, "
         "count(c) AS n ORDER BY wave")
    rows = json_rows(run(*two_waves, "query", q, "-f", "json").stdout)
    assert rows == [{"wave": "1", "n": 51}]
    top = json_rows(run(*two_waves, "query", "--name", "top_coalitions", "-p",
                        "measure=n_members", "-p", "wave=1", "-f", "json").stdout)
    assert len(top) == 20


def test_maps_and_reports_name_the_wave_they_draw(tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    args = ["--store", str(tmp_path / "w.db")]
    run(*args, "load", str(SAMPLE))
    run(*args, "load", str(WAVE2), "--wave", "2")
    one = tmp_path / "genk-1.html"
    assert run(*args, "map", "--city", "Genk", "--wave", "1", "--out", str(one)).exit_code == 0
    assert "<title>Coalitions in Genk · wave 1</title>" in one.read_text(encoding="utf-8")
    latest = tmp_path / "genk.html"
    run(*args, "map", "--city", "Genk", "--out", str(latest))
    text = latest.read_text(encoding="utf-8")
    assert "· wave 2</title>" in text
    # Samen Tuinieren Waterschei stopped before wave 2: only wave 1's map has it.
    assert "Samen Tuinieren Waterschei" in one.read_text(encoding="utf-8")
    assert "Samen Tuinieren Waterschei" not in text
    report = tmp_path / "r.html"
    assert run(*args, "report", "--city", "Genk", "--wave", "1", "--out",
               str(report)).exit_code == 0
    html = report.read_text(encoding="utf-8")
    assert "<td>wave</td><td>1</td>" in html
    # its provenance lists wave 1's files with their SHA-256 (computed here), not wave 2's
    for p in _files(SAMPLE):
        assert f"<td>{p.name}</td><td><code>{_sha256(p)}</code></td>" in html
    assert _sha256(WAVE2 / "coalitions.csv") not in html and str(SAMPLE) not in html


def _sha256(path):
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()  # computed here, independently


def _files(folder):
    return sorted(p for p in folder.iterdir() if p.suffix == ".csv")


def test_a_tables_provenance_names_the_files_of_its_wave_and_their_checksums(two_waves):
    for wave, folder in (("1", SAMPLE), ("2", WAVE2)):
        want = [{"path": p.name, "sha256": _sha256(p)} for p in _files(folder)]
        body = json.loads(run(*two_waves, "pivots", "--wave", wave, "-n", "3",
                              "-f", "json").stdout)
        assert body["metadata"]["inputs"] == want
        lines = run(*two_waves, "pivots", "--wave", wave, "-n", "3", "-f", "csv").stdout
        line = next(x for x in lines.split("\n") if x.startswith("# inputs: "))
        assert line == "# inputs: " + "; ".join(f"{p.name} (SHA-256 {_sha256(p)})"
                                                for p in _files(folder))
        # the file name only: not the folder they were loaded from
        assert str(folder) not in lines
        table = run(*two_waves, "stats", "--wave", wave).stdout
        assert "inputs " + " + ".join(p.name for p in _files(folder)) in table


def test_changes_names_the_files_of_both_waves(two_waves):
    body = json.loads(run(*two_waves, "changes", "--from", "1", "-f", "json").stdout)
    for wave, folder in (("1", SAMPLE), ("2", WAVE2)):
        assert body["inputs"][wave] == [{"path": p.name, "sha256": _sha256(p)}
                                        for p in _files(folder)]
    lines = run(*two_waves, "changes", "--from", "1", "-f", "csv").stdout
    line = next(x for x in lines.split("\n") if x.startswith("# inputs: "))
    assert f"wave 1: actors.csv (SHA-256 {_sha256(SAMPLE / 'actors.csv')})" in line
    assert f"wave 2: actors.csv (SHA-256 {_sha256(WAVE2 / 'actors.csv')})" in line


def test_waves_shows_each_waves_files_with_checksums_short_on_the_terminal(two_waves):
    rows = json_rows(run(*two_waves, "waves", "-f", "json").stdout)
    csv = pd.read_csv(io.StringIO(csv_body(run(*two_waves, "waves", "-f", "csv").stdout)))
    table = run(*two_waves, "waves").stdout
    for row, (_, line), folder in zip(rows, csv.iterrows(), (SAMPLE, WAVE2), strict=True):
        want = [_sha256(p) for p in _files(folder)]
        assert row["files"] == line["files"] == "; ".join(p.name for p in _files(folder))
        assert row["sha256"] == line["sha256"] == "; ".join(want)
        for digest in want:
            assert digest[:12] + "…" in table and digest not in table


def test_the_waves_table_says_its_files_are_in_its_columns_not_unrecorded(two_waves):
    """A table of every wave has no single wave's files; its provenance points at the
    columns that list them instead of calling them "not recorded"."""
    text = run(*two_waves, "waves", "-f", "csv").stdout
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert "# inputs: each wave's, in its files and sha256 columns" in comments
    assert json.loads(run(*two_waves, "waves", "-f", "json").stdout)["metadata"]["inputs"] \
        == "each wave's, in its files and sha256 columns"
