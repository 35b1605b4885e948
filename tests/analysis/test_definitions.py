"""The one registry of measure definitions, and that every output format carries it."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from rich.console import Console
from typer.testing import CliRunner

from coalitions.analysis.centrality import MEASURE_COLUMNS, actor_measures
from coalitions.analysis.definitions import DEFINITIONS, NETWORKS, attach, explain, used
from coalitions.cli import app
from coalitions.output import render

runner = CliRunner()


def test_every_definition_names_a_known_network_a_reference_and_both_languages():
    for key, d in DEFINITIONS.items():
        assert d.key == key
        assert d.network in NETWORKS
        assert d.en and d.nl and d.en != d.nl, key
        assert d.reference and d.normalisation, key


def test_attach_refuses_a_measure_without_a_definition():
    frame = pd.DataFrame({"mystery": [1.0]})
    with pytest.raises(KeyError, match="mystery"):
        attach(frame, ["mystery"])


def test_actor_measures_name_the_definition_of_every_measure_column(graph):
    frame = actor_measures(graph)
    assert set(used(frame)) == set(MEASURE_COLUMNS)
    # The facts say how betweenness was computed on this (small) network.
    assert frame.attrs["facts"]["betweenness"].startswith("exact")


def test_definitions_survive_sorting_head_and_column_selection(graph):
    frame = actor_measures(graph).sort_values("degree").head(2)[["id", "degree"]]
    assert list(used(frame)) == ["degree"]


def _measured() -> pd.DataFrame:
    frame = pd.DataFrame({"id": ["a", "b"], "betweenness": [0.5, 0.123456789012]})
    return attach(frame, ["betweenness"], betweenness="exact")


def test_csv_carries_the_definitions_as_comments_that_pandas_skips():
    text = render(_measured(), "csv")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("Brandes" in line for line in header)
    back = pd.read_csv(io.StringIO(text), comment="#")
    assert list(back.columns) == ["id", "betweenness"]
    assert len(back) == 2


def test_json_carries_the_definitions_as_metadata_beside_the_rows():
    body = json.loads(render(_measured(), "json"))
    assert body["rows"][0] == {"id": "a", "betweenness": 0.5}
    d = body["metadata"]["definitions"]["betweenness"]
    assert d["normalisation"] == DEFINITIONS["betweenness"].normalisation
    assert body["metadata"]["facts"] == {"betweenness": "exact"}


def test_a_table_without_measures_carries_provenance_but_no_definitions_in_json():
    # Changed with issue 22: every table's JSON is {"metadata", "rows"} (it used to be a
    # bare array when no column had a definition).
    body = json.loads(render(pd.DataFrame({"n": [1]}), "json"))
    assert body["rows"] == [{"n": 1}]
    assert "definitions" not in body["metadata"] and "versions" in body["metadata"]


def test_terminal_and_markdown_tables_end_with_the_definitions():
    console = Console(record=True, width=200)
    render(_measured(), "table", console=console)
    shown = console.export_text()
    assert "betweenness: Betweenness on the one-mode actor network" in shown
    assert "coalitions explain" in shown
    md = render(_measured(), "markdown")
    assert "- betweenness: Betweenness:" in md


def test_explain_gives_dutch_and_english_for_every_measure():
    en, nl = explain(), explain(lang="nl")
    assert list(en["measure"]) == list(nl["measure"]) == list(DEFINITIONS)
    assert (en["definition"] != nl["definition"]).all()


def test_explain_command_answers_in_dutch_and_refuses_unknown_measures():
    result = runner.invoke(app, ["explain", "betweenness", "--lang", "nl", "-f", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)["rows"]
    assert rows[0]["name"] == "Tussenpositie (betweenness)"
    bad = runner.invoke(app, ["explain", "fame"])
    assert bad.exit_code == 1
    assert "No measure called 'fame'." in bad.stderr
    assert "Traceback" not in bad.output
