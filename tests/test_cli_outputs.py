"""map, report and export through the CLI: files written, formats read back, pseudonyms
stable across outputs of one store."""

from __future__ import annotations

import re

import networkx as nx
import pytest
from typer.testing import CliRunner

from coalitions.cli import app
from tests.conftest import SAMPLE

runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    args = ["--store", str(tmp_path_factory.mktemp("out") / "s.db")]
    assert runner.invoke(app, [*args, "load", str(SAMPLE)]).exit_code == 0
    return args


def ok(*args):
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_export_reads_back_with_the_scoped_nodes(store, tmp_path, fmt):
    out = tmp_path / f"gent.{fmt}"
    ok(*store, "export", "--format", fmt, "--out", str(out), "--city", "Gent")
    g = (nx.read_gexf if fmt == "gexf" else nx.read_graphml)(out)
    coalitions = [n for n, d in g.nodes(data=True) if d.get("mode") == "coalition"]
    assert len(coalitions) == 6  # Gent has six coalitions in the sample
    assert all(d.get("city") in ("Gent", "", None) or d.get("mode") == "actor"
               for _, d in g.nodes(data=True))


def test_pseudonyms_are_the_same_in_map_and_export_and_hide_real_names(store, tmp_path):
    ok(*store, "export", "--format", "csv", "--out", str(tmp_path / "csv"), "--city", "Gent",
       "--pseudonymise")
    ok(*store, "map", "--city", "Gent", "--out", str(tmp_path / "gent.html"), "--pseudonymise")
    nodes = (tmp_path / "csv" / "nodes.csv").read_text(encoding="utf-8")
    page = (tmp_path / "gent.html").read_text(encoding="utf-8")
    in_export = set(re.findall(r"Person [0-9A-Z]{4}-[0-9A-Z]{4}", nodes))
    in_map = set(re.findall(r"Person [0-9A-Z]{4}-[0-9A-Z]{4}", page))
    assert in_export and in_export == in_map
    # a fictional person of the sample who sits in Gent's coalitions
    assert "Griet D’Hondt" not in nodes and "Griet D’Hondt" not in page
    assert "Stad Gent" in nodes  # organisations keep their names


def test_map_needs_a_scope_and_report_writes_a_page(store, tmp_path):
    result = runner.invoke(app, [*store, "map", "--out", str(tmp_path / "x.html")])
    assert result.exit_code == 1
    assert result.stderr.strip() == ("Error: Say what to draw: --city NAME, --coalition ID or "
                                     "--region.")
    ok(*store, "report", "--city", "Turnhout", "--out", str(tmp_path / "t.html"))
    assert "De Koep" in (tmp_path / "t.html").read_text(encoding="utf-8")
