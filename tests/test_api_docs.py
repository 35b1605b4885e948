"""The Python API page runs as written, and the facade gives what the page promises."""

from __future__ import annotations

import re
from pathlib import Path

import igraph as ig
import networkx as nx
import pandas as pd
import pytest

from coalitions.api import Coalitions
from coalitions.errors import UsageError
from tests.conftest import small_graph

DOC = Path(__file__).resolve().parents[1] / "docs" / "python-api.md"


def code_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)


@pytest.fixture(scope="module")
def doc_namespace(tmp_path_factory) -> dict:
    """Run every python block of the page in order, in one namespace, in a fresh folder."""
    import os

    folder = tmp_path_factory.mktemp("notebook")
    here = Path.cwd()
    os.chdir(folder)
    namespace: dict = {"__name__": "__notebook__"}
    try:
        blocks = code_blocks(DOC.read_text(encoding="utf-8"))
        for i, block in enumerate(blocks):
            exec(compile(block, f"{DOC.name}[block {i}]", "exec"), namespace)  # noqa: S102
    finally:
        os.chdir(here)
    namespace["_folder"] = folder
    return namespace


def test_the_page_has_the_examples_the_issue_asks_for():
    blocks = "\n".join(code_blocks(DOC.read_text(encoding="utf-8")))
    for call in ("Coalitions.open(", ".frames(", ".memberships(", ".igraph(", ".networkx(",
                 ".query(", ".named(", ".export("):
        assert call in blocks, call


def test_every_block_runs_and_gives_tables_and_graphs(doc_namespace):
    ns = doc_namespace
    assert isinstance(ns["actors"], pd.DataFrame) and len(ns["actors"]) > 0
    assert isinstance(ns["g"], ig.Graph) and ns["g"].ecount() > 0
    assert isinstance(ns["two_mode"], nx.Graph)
    assert nx.is_bipartite(ns["two_mode"])
    assert len(ns["brokers"]) == 5
    assert (ns["_folder"] / "gent.gexf").exists()
    assert (ns["_folder"] / "study.db").exists()


def test_scoped_frames_hold_only_the_scope(doc_namespace):
    frames = doc_namespace["frames"]
    assert set(frames["coalitions"]["city"]) == {"Gent"}
    members = set(frames["memberships"]["actor"])
    assert members <= set(frames["actors"]["id"])
    assert set(frames["nodes"]["mode"]) == {"actor", "coalition"}


def test_nodes_and_edges_tables_cover_actors_coalitions_memberships_and_ties(tmp_path):
    data = small_graph()
    with Coalitions.open(tmp_path / "s.db") as db:
        db.store.load(data)
        nodes, edges = db.nodes(), db.edges()
        assert sorted(nodes["id"]) == sorted([*data.actors["id"], *data.coalitions["id"]])
        assert (edges["relation"] == "membership").sum() == len(data.memberships)
        tie = edges[edges["relation"] == "tie"].iloc[0]
        assert (tie["source"], tie["target"], tie["type"], tie["weight"]) == (
            "per-an", "per-bram", "advises", 2.5)
        m = db.memberships(coalition="Torekes")
        assert set(m["actor"]) == {"per-an", "per-bram"}
        assert set(m["coalition_name"]) == {"Torekes"}


def test_a_load_refreshes_the_cached_graph(tmp_path):
    with Coalitions.open(tmp_path / "s.db") as db:
        assert len(db.frames()["actors"]) == 0
        db.store.load(small_graph())
        assert len(db.frames()["actors"]) == 0  # cached until told
        db.query("MATCH (n:Person {id: 'per-an'}) SET n.name = 'A. P.'", write=True)
        assert "A. P." in set(db.frames()["actors"]["name"])


def test_unknown_projection_and_mixed_scope_arguments_are_usage_errors(tmp_path):
    from coalitions.graph.scope import Scope

    with Coalitions.open(tmp_path / "s.db") as db:
        db.store.load(small_graph())
        with pytest.raises(UsageError, match="Unknown projection 'people'"):
            db.igraph(projection="people")
        with pytest.raises(UsageError, match="not both"):
            db.frames(Scope(city="Gent"), city="Gent")


def test_page_ranks_pivots_with_their_definitions(doc_namespace):
    pivots = doc_namespace["pivots"]
    assert len(pivots) == 10
    assert list(pivots["betweenness"]) == sorted(pivots["betweenness"], reverse=True)
    assert pivots.attrs["definitions"]["betweenness"] == "betweenness"
    assert doc_namespace["definitions"]["name"].str.len().gt(0).all()


def test_the_waves_example_reads_both_waves_and_compares_them(doc_namespace):
    ns = doc_namespace
    # Wave 1 (the sample) has Samen Tuinieren Waterschei in Genk; wave 2 does not (see the
    # sample's README); the latest wave is what the other methods read.
    assert "genk-samen-tuinieren-waterschei" not in set(ns["gent_before"]["coalitions"]["id"])
    assert set(ns["what_changed"]["coalitions_founded"]["id"]) == {
        "leuven-klimaatburen-kessel-lo", "hasselt-voedselteam-runkst"}
    assert set(ns["what_changed"]["coalitions_stopped"]["id"]) == {
        "genk-samen-tuinieren-waterschei"}
    assert list(ns["waves"]["wave"]) == ["1", "2"]
    assert list(ns["waves"]["latest"]) == [False, True]
