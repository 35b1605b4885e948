"""Exports: every format read back with an independent reader holds the nodes and weighted
edges computed here from the tables with pandas, and the attributes the format allows."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import igraph as ig
import networkx as nx
import pandas as pd
import pytest

from coalitions.errors import UsageError
from coalitions.export import FORMATS, export
from coalitions.graph.model import GraphData
from coalitions.loaders import load_inputs
from tests.conftest import SAMPLE, small_graph

Edge = frozenset


@pytest.fixture(scope="module")
def sample() -> GraphData:
    return load_inputs([SAMPLE]).data


# the expected networks, straight from the tables -------------------------------------------

def expected(data: GraphData, projection: str | None) -> tuple[set[str], dict[Edge, float]]:
    """Nodes and undirected weighted edges, computed with pandas only."""
    actors, coalitions = set(data.actors["id"]), set(data.coalitions["id"])
    m = data.memberships[data.memberships["actor"].isin(actors)
                         & data.memberships["coalition"].isin(coalitions)]
    m = m.drop_duplicates(["actor", "coalition"])
    if projection is None:
        return actors | coalitions, {Edge(p): 1.0 for p in zip(m["actor"], m["coalition"],
                                                                 strict=True)}
    key = "coalition" if projection == "actors" else "actor"
    other = "actor" if projection == "actors" else "coalition"
    pairs = m.merge(m, on=key)
    pairs = pairs[pairs[f"{other}_x"] < pairs[f"{other}_y"]]
    weights = Counter(Edge(p) for p in zip(pairs[f"{other}_x"], pairs[f"{other}_y"],
                                           strict=True))
    edges = {e: float(w) for e, w in weights.items()}
    if projection == "actors":
        # Explicit ties add their weight (1 when missing), direction ignored, loops dropped.
        t = data.ties[data.ties["source"].isin(actors) & data.ties["target"].isin(actors)]
        for s, d, w in zip(t["source"], t["target"], t["weight"], strict=True):
            if s != d:
                e = Edge((s, d))
                edges[e] = edges.get(e, 0.0) + (1.0 if pd.isna(w) else float(w))
        return actors, edges
    return coalitions, edges


# readers ------------------------------------------------------------------------------------

def from_networkx(g: nx.Graph) -> tuple[set[str], dict[Edge, float]]:
    edges: dict[Edge, float] = {}
    for u, v, a in g.edges(data=True):
        e = Edge((str(u), str(v)))
        assert e not in edges, f"edge {set(e)} twice"
        edges[e] = float(a["weight"])
    return {str(n) for n in g.nodes}, edges


def read_dl(path: Path) -> tuple[set[str], dict[Edge, float], dict[str, list[str]]]:
    """A small reader for the DL subset written (edgelist1 / edgelist2 with label lists)."""
    text = path.read_text(encoding="utf-8").splitlines()
    header = text[0]
    assert text[1].startswith("format = ")
    fmt = text[1].split("=")[1].strip()
    sections: dict[str, list[str]] = {}
    current = None
    data: list[str] = []
    for line in text[2:]:
        if line.endswith(":"):
            current = line[:-1]
            continue
        (data if current == "data" else sections.setdefault(current, [])).append(line)
    edges: dict[tuple[str, str], float] = {}
    if fmt == "edgelist2":
        nr, nc = (int(x) for x in re.findall(r"n[rc]=(\d+)", header))
        rows, cols = sections["row labels"], sections["column labels"]
        assert (len(rows), len(cols)) == (nr, nc)
        for line in data:
            i, j, w = line.split()
            edges[(rows[int(i) - 1], cols[int(j) - 1])] = float(w)
        nodes = set(rows) | set(cols)
    else:
        assert fmt == "edgelist1"
        labels = sections["labels"]
        assert len(labels) == int(re.search(r"n=(\d+)", header).group(1))
        for line in data:
            i, j, w = line.split()
            edges[(labels[int(i) - 1], labels[int(j) - 1])] = float(w)
        # One-mode undirected: every pair is written both ways with the same value.
        for (a, b), w in edges.items():
            assert edges[(b, a)] == w
        nodes = set(labels)
    return nodes, {Edge(e): w for e, w in edges.items()}, sections


def read_back(path: Path, fmt: str) -> tuple[set[str], dict[Edge, float]]:
    if fmt == "gexf":
        return from_networkx(nx.read_gexf(path))
    if fmt == "graphml":
        return from_networkx(nx.read_graphml(path))
    if fmt == "pajek":
        return from_networkx(nx.read_pajek(path))
    if fmt == "dl":
        nodes, edges, _ = read_dl(path)
        return nodes, edges
    nodes = pd.read_csv(path / "nodes.csv", dtype={"id": str}, keep_default_na=False)
    edges = pd.read_csv(path / "edges.csv", dtype={"source": str, "target": str})
    got = {}
    for s, t, w in zip(edges["source"], edges["target"], edges["weight"], strict=True):
        assert Edge((s, t)) not in got
        got[Edge((s, t))] = float(w)
    return set(nodes["id"]), got


# tests ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("projection", [None, "actors", "coalitions"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_reads_back_with_the_same_nodes_and_weighted_edges(sample, tmp_path, fmt,
                                                                         projection):
    path = export(sample, fmt, tmp_path / f"net.{fmt}", projection=projection)
    nodes, edges = read_back(path, fmt)
    want_nodes, want_edges = expected(sample, projection)
    assert nodes == want_nodes
    assert edges.keys() == want_edges.keys()
    assert edges == pytest.approx(want_edges)


def test_one_mode_dl_reads_back_with_igraph(sample, tmp_path):
    path = export(sample, "dl", tmp_path / "actors.dl", projection="coalitions")
    g = ig.Graph.Read_DL(str(path), directed=True)
    got = {Edge((g.vs[e.source]["name"], g.vs[e.target]["name"])): e["weight"] for e in g.es}
    nodes, edges = expected(sample, "coalitions")
    assert set(g.vs["name"]) == nodes
    assert got == pytest.approx(edges)


def test_two_mode_dl_puts_actors_in_rows_and_coalitions_in_columns(sample, tmp_path):
    path = export(sample, "dl", tmp_path / "two.dl")
    _, _, sections = read_dl(path)
    assert set(sections["row labels"]) == set(sample.actors["id"])
    assert set(sections["column labels"]) == set(sample.coalitions["id"])
    assert path.read_text(encoding="utf-8").startswith(
        f"DL nr={len(sample.actors)}, nc={len(sample.coalitions)}\nformat = edgelist2\n")


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_xml_formats_carry_node_attributes_and_measures(tmp_path, fmt):
    data = small_graph()
    measures = pd.DataFrame({"id": ["per-an", "per-bram", "org-stad-gent"],
                             "name": ["An Peeters", "Bram D’Hondt", "Stad Gent"],
                             "betweenness": [0.5, 0.0, 0.25], "coreness": [2, 1, 1]})
    path = export(data, fmt, tmp_path / f"n.{fmt}", measures=measures)
    g = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    an = g.nodes["per-an"]
    assert an["label"] == "An Peeters"
    assert (an["kind"], an["sector"], an["function"], an["city"], an["mode"]) == (
        "person", "city_government", "official", "Gent", "actor")
    assert float(an["betweenness"]) == 0.5 and int(an["coreness"]) == 2
    energent = g.nodes["gent-energent"]
    assert (energent["mode"], energent["role"], energent["themes"]) == (
        "coalition", "services", "Energie")
    assert "betweenness" not in energent
    # An organisation has no function: written as "" (the writers cannot write None).
    assert g.nodes["org-stad-gent"]["function"] == ""


def test_csv_nodes_have_every_attribute_column(tmp_path):
    path = export(small_graph(), "csv", tmp_path / "csv", projection="actors")
    nodes = pd.read_csv(path / "nodes.csv", keep_default_na=False)
    assert {"id", "label", "kind", "sector", "function", "city", "mode",
            "n_coalitions"} <= set(nodes.columns)
    row = nodes.set_index("id").loc["per-bram"]
    assert (row["label"], row["sector"], row["function"]) == ("Bram D’Hondt", "nonprofit",
                                                              "volunteer")


def test_names_with_markup_and_quotes_survive_every_text_format(tmp_path):
    data = small_graph()
    data.actors.loc[data.actors["id"] == "per-bram", "name"] = 'Bram <b>"D&H"</b>, Gent'
    for fmt in ("gexf", "graphml"):
        path = export(data, fmt, tmp_path / f"m.{fmt}")
        g = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
        assert g.nodes["per-bram"]["label"] == 'Bram <b>"D&H"</b>, Gent'
    nodes = pd.read_csv(export(data, "csv", tmp_path / "c") / "nodes.csv")
    assert 'Bram <b>"D&H"</b>, Gent' in set(nodes["label"])


def test_a_scope_exports_only_its_part(sample, tmp_path):
    from coalitions.graph.scope import Scope

    part = Scope(city="Gent").apply(sample)
    nodes, edges = read_back(export(part, "gexf", tmp_path / "gent.gexf"), "gexf")
    assert nodes == expected(part, None)[0]
    assert set(part.coalitions["city"]) == {"Gent"}
    assert len(nodes) < len(sample.actors) + len(sample.coalitions)


def test_unknown_format_or_projection_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="Unknown export format 'xlsx'"):
        export(small_graph(), "xlsx", tmp_path / "x")  # type: ignore[arg-type]
    with pytest.raises(UsageError, match="Unknown projection 'persons'"):
        export(small_graph(), "gexf", tmp_path / "x", projection="persons")  # type: ignore[arg-type]
    with pytest.raises(UsageError, match="salt"):
        export(small_graph(), "gexf", tmp_path / "x", pseudonymise=True)


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_coalitions_carry_their_period_status_roles_and_relation(tmp_path, fmt):
    from pathlib import Path

    from coalitions.loaders import load_inputs

    five = Path(__file__).resolve().parent / "data" / "five_cases"
    path = export(load_inputs([five]).data, fmt, tmp_path / f"n.{fmt}")
    g = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    node = g.nodes["sint-niklaas-klimopjegevel"]
    # coalities.csv, Klimopjegevel: °2011, einde 2016, gestopt, public_space;sensitising,
    # complementary 2011
    assert (int(node["founded_year"]), int(node["end_year"]), node["status"]) == (
        2011, 2016, "stopped")
    assert (node["roles"], node["relation"], int(node["relation_year"])) == (
        "public_space; sensitising", "complementary", 2011)
    assert "end_year" not in g.nodes["sint-niklaas-solied"]  # a missing number is left out
