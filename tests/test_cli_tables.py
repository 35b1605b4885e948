"""Tables for a paper (issue 22): every analysis command as LaTeX that pdflatex compiles, CSV
whose floats are the JSON's, and the provenance of every table: the command with its seed,
the software versions (checked against importlib.metadata), the input files of the wave."""

from __future__ import annotations

import importlib.metadata
import io
import json
import math
import platform
import shutil
import subprocess

import pandas as pd
import pytest
from typer.testing import CliRunner

from coalitions.api import SAMPLE, Coalitions
from coalitions.cli import app
from coalitions.output import read_csv, render
from tests.test_output import LATEX_DOCUMENT, latex_rows, unescaped

runner = CliRunner()

ANALYSES = [
    ["stats"],
    ["pivots", "--top", "10"],
    ["pivots", "--two-mode", "--city", "Leuven"],
    ["pivots", "--per-coalition", "--city", "Turnhout"],
    ["embeddedness", "--city", "Aalst"],
    ["brokers", "--group-by", "sector", "--top", "15"],
    ["communities"],
    ["communities", "--members", "--city", "Gent"],
    ["clusters", "--by", "theme"],
    ["clusters", "--by", "data"],
    ["shortlist", "5"],
    ["cities"],
    ["case", "De Koep"],
    ["compare", "--by", "government"],
    ["explain"],
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("tables") / "sample.db"
    with Coalitions.open(path) as db:
        db.load(SAMPLE)
    return ["--store", str(path)]


def invoke(*args: str):
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result


def tables(text: str) -> list[str]:
    """The tables in a command's LaTeX output (``case`` prints several)."""
    return [part for part in text.split("\\end{table}")[:-1]]


@pytest.mark.parametrize("command", ANALYSES, ids=" ".join)
def test_every_analysis_prints_a_booktabs_table_pdflatex_compiles(store, command, tmp_path):
    text = invoke(*store, *command, "-f", "latex").stdout
    found = tables(text)
    assert found
    for table in found:
        lines = table.split("\n")
        assert [r for r in lines if r in ("\\toprule", "\\midrule", "\\bottomrule")] == [
            "\\toprule", "\\midrule", "\\bottomrule"]
        spec = next(line for line in lines if line.startswith("\\begin{tabular}{"))
        columns = len(spec) - len("\\begin{tabular}{}")
        for row in latex_rows(table + "\n"):
            assert unescaped("&", row) == columns - 1, row
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex not installed (scripts/test installs texlive); structure checked")
    (tmp_path / "doc.tex").write_text(LATEX_DOCUMENT.replace("BODY", text), encoding="utf-8")
    done = subprocess.run(["pdflatex", "-halt-on-error", "-interaction=nonstopmode",
                           "-no-shell-escape", "doc.tex"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout[-3000:]


def test_pivots_csv_gives_back_exactly_the_floats_of_the_json(store):
    # One frame, both formats: eigenvector's solver starts from a random vector, so two runs
    # may differ in the last digits (see test_api_commands); the formats must not.
    with Coalitions.open(store[1], read_only=True) as db:
        frame = db.pivots()
    rows = json.loads(render(frame, "json"))["rows"]
    text = render(frame, "csv")
    for back in (read_csv(io.StringIO(text)), pd.read_csv(io.StringIO(text), comment="#")):
        assert len(back) == len(rows) == len(frame)
        compared = 0
        for col in frame.columns:
            if not pd.api.types.is_float_dtype(frame[col]):
                continue
            for got, row in zip(back[col], rows, strict=True):
                want = row[col]
                if want is None:
                    assert math.isnan(got) or math.isinf(got)
                else:
                    assert got == want, (col, got, want)  # exactly, not approximately
                    compared += 1
        assert compared > 5 * len(frame)  # betweenness, closeness, … for every actor


def test_the_command_and_its_seed_are_in_every_table_output(store):
    body = json.loads(invoke(*store, "communities", "--seed", "7", "-f", "json").stdout)
    meta = body["metadata"]
    assert meta["seed"] == 7
    assert meta["command"].startswith("coalitions communities ")
    assert "--seed 7" in meta["command"] and "--format json" in meta["command"]
    # the files the store recorded for the wave, by name (the sample folder's CSV files)
    assert [i["path"] for i in meta["inputs"]] == sorted(p.name for p in SAMPLE.glob("*.csv"))
    csv = invoke(*store, "communities", "--seed", "7", "-f", "csv").stdout.split("\n")
    assert csv[0].startswith("# made by: coalitions communities ") and "# seed: 7" in csv
    latex = invoke(*store, "communities", "--seed", "7", "-f", "latex").stdout.split("\n")
    assert latex[0].startswith("% made by: coalitions communities ") and "% seed: 7" in latex
    md = invoke(*store, "communities", "--seed", "7", "-f", "markdown").stdout.split("\n")
    assert "- seed: 7" in md
    table = invoke(*store, "communities", "--seed", "7").stdout
    assert "seed 7" in table and "made by" not in table  # the terminal: a short footer


def test_the_versions_are_the_installed_ones(store):
    meta = json.loads(invoke(*store, "stats", "-f", "json").stdout)["metadata"]
    assert "seed" not in meta  # stats has no seed
    assert meta["versions"]["python"] == platform.python_version()
    for name in ("coalitions", "pandas", "networkx", "ladybug", "neo4j", "igraph"):
        assert meta["versions"][name] == importlib.metadata.version(name), name


def test_the_command_line_quotes_values_as_a_shell_reads_them(store):
    meta = json.loads(invoke(*store, "pivots", "--city", "Sint-Niklaas", "--theme",
                             "a b'c", "--top", "3", "-f", "json").stdout)["metadata"]
    assert "--city Sint-Niklaas" in meta["command"]
    assert "--theme 'a b'\"'\"'c'" in meta["command"]  # as shlex.quote writes it
    from coalitions.cli import _run  # no click context outside a command: nothing recorded

    assert _run() == {}
