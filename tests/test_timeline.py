"""`export --format gexf --timeline`: every wave in one dynamic GEXF whose spells say in which
waves each node and edge exists — checked by reading the XML back and against the sample's
two waves as the CSV files hold them."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pandas as pd
import pytest
from typer.testing import CliRunner

from coalitions.cli import app
from tests.conftest import SAMPLE

WAVE2 = SAMPLE / "wave2"
NS = {"g": "http://www.gexf.net/1.2draft"}
runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)


def csv(path, name):
    return pd.read_csv(path / f"{name}.csv", dtype=str, keep_default_na=False)


def spells(element) -> list[tuple[int, int]]:
    return [(int(s.get("start")), int(s.get("end")))
            for s in element.findall("g:spells/g:spell", NS)]


def expected(ids_1: set, ids_2: set, key) -> list[tuple[int, int]]:
    return [(1, 2)] if key in ids_1 and key in ids_2 else [(1, 1)] if key in ids_1 else [(2, 2)]


@pytest.fixture
def timeline(store_args, tmp_path):
    run(*store_args, "load", str(SAMPLE), "--wave", "2019")
    run(*store_args, "load", str(WAVE2), "--wave", "2023")
    out = tmp_path / "timeline.gexf"
    result = run(*store_args, "export", "--format", "gexf", "--timeline", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    return ET.parse(out).getroot()


def test_the_timeline_is_a_dynamic_gexf_with_integer_time(timeline):
    graph = timeline.find("g:graph", NS)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "integer"
    assert timeline.get("version") == "1.2"


def test_every_node_carries_the_waves_it_exists_in(timeline):
    nodes = {n.get("id"): n for n in timeline.findall("g:graph/g:nodes/g:node", NS)}
    c1, c2 = set(csv(SAMPLE, "coalitions")["id"]), set(csv(WAVE2, "coalitions")["id"])
    a1, a2 = set(csv(SAMPLE, "actors")["id"]), set(csv(WAVE2, "actors")["id"])
    assert set(nodes) == c1 | c2 | a1 | a2
    for cid in c1 | c2:
        assert spells(nodes[cid]) == expected(c1, c2, cid), cid
    assert spells(nodes["genk-samen-tuinieren-waterschei"]) == [(1, 1)]
    assert spells(nodes["leuven-klimaatburen-kessel-lo"]) == [(2, 2)]
    assert spells(nodes["org-vzw-klimaatburen-kessel-lo"]) == [(2, 2)]


def test_every_membership_edge_carries_the_waves_it_exists_in(timeline):
    # (the two-mode export holds the explicit ties too, as edges between two actors)
    def pairs(path):
        m, t = csv(path, "memberships"), csv(path, "ties")
        return {frozenset(p) for p in zip(m["actor"], m["coalition"], strict=True)} | {
            frozenset(p) for p in zip(t["source"], t["target"], strict=True)}

    m1, m2 = pairs(SAMPLE), pairs(WAVE2)
    edges = {frozenset((e.get("source"), e.get("target"))): e
             for e in timeline.findall("g:graph/g:edges/g:edge", NS)}
    assert set(edges) == m1 | m2
    for pair, edge in edges.items():
        assert spells(edge) == expected(m1, m2, pair), pair
    left = edges[frozenset(("per-pieterjan-luyten", "genk-welzijnsnetwerk-genk-noord"))]
    assert spells(left) == [(1, 1)]


def test_timeline_is_refused_outside_gexf(store_args, tmp_path):
    run(*store_args, "load", str(SAMPLE))
    result = run(*store_args, "export", "--format", "csv", "--timeline", "--out",
                 str(tmp_path / "x"))
    assert result.exit_code == 1 and "--timeline" in result.stderr


def test_spells_merge_consecutive_waves_and_split_at_a_gap():
    from coalitions.timeline import _spells

    assert _spells([1, 2, 3]) == [(1, 3)]
    assert _spells([1, 3, 4]) == [(1, 1), (3, 4)]
    assert _spells([2]) == [(2, 2)]


def test_a_pseudonymised_timeline_gives_a_person_one_pseudonym_in_every_wave(tmp_path,
                                                                            monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    args = ["--store", str(tmp_path / "p.db")]
    run(*args, "load", str(SAMPLE))
    run(*args, "load", str(WAVE2), "--wave", "2")
    out = tmp_path / "p.gexf"
    result = run(*args, "export", "--format", "gexf", "--timeline", "--pseudonymise",
                 "--out", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    persons = csv(SAMPLE, "actors")
    persons = persons[persons["kind"] == "person"]
    assert not any(p in text for p in persons["id"])  # no person id reaches the file
    assert not any(f'"{n}"' in text for n in persons["name"])
    root = ET.parse(out).getroot()
    pseudonymous = [n for n in root.findall("g:graph/g:nodes/g:node", NS)
                    if n.get("id").startswith("person-")]
    # Every person of the sample is in both waves (none joins or leaves as a person node).
    later = csv(WAVE2, "actors")
    assert set(later.loc[later["kind"] == "person", "id"]) == set(persons["id"])
    assert len(pseudonymous) == len(persons)
    assert all(spells(n) == [(1, 2)] for n in pseudonymous)
