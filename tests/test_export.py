"""Exports: every format read back with an independent reader holds the nodes and weighted
edges computed here from the tables with pandas, and the attributes the format allows."""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest

from coalitions.errors import UsageError
from coalitions.export import FORMATS, export, export_network
from coalitions.graph.model import GraphData
from coalitions.loaders import load_inputs
from tests.conftest import SAMPLE, small_graph

Edge = frozenset


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> GraphData:
    """The sample inventory as the store holds it (the exports read the store's tables)."""
    from coalitions.graph.embedded import EmbeddedStore

    with EmbeddedStore(tmp_path_factory.mktemp("sample") / "s.db") as store:
        store.load(load_inputs([SAMPLE]).data)
        return store.read_graph()


# the expected networks, straight from the tables -------------------------------------------

def expected(data: GraphData, projection: str | None) -> tuple[set[str], dict[Edge, float]]:
    """Nodes and undirected weighted edges, computed with pandas only."""
    actors, coalitions = set(data.actors["id"]), set(data.coalitions["id"])
    m = data.memberships[data.memberships["actor"].isin(actors)
                         & data.memberships["coalition"].isin(coalitions)]
    if projection is None:
        # one edge per membership row (weight 1) and per tie row between actors (its weight,
        # 1 when missing); callers check first that no pair has two (else use two_mode_edges)
        edges = {Edge(p): 1.0 for p in zip(m["actor"], m["coalition"], strict=True)}
        t = data.ties[data.ties["source"].isin(actors) & data.ties["target"].isin(actors)]
        for a, b, w in zip(t["source"], t["target"], t["weight"], strict=True):
            edges[Edge((a, b))] = 1.0 if pd.isna(w) else float(w)
        assert len(edges) == len(m) + len(t), "parallel edges: use two_mode_edges"
        return actors | coalitions, edges
    m = m.drop_duplicates(["actor", "coalition"])
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
        if current != "data" and len(line) > 1 and line[0] == line[-1] == '"':
            line = line[1:-1]  # a quoted label (the DL reference: labels with spaces)
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

def names_of(data: GraphData) -> dict[str, str]:
    ids = [*data.actors["id"], *data.coalitions["id"]]
    return dict(zip(ids, [*data.actors["name"], *data.coalitions["name"]], strict=True))


@pytest.mark.parametrize("projection", ["actors", "coalitions"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_reads_back_with_the_same_nodes_and_weighted_edges(sample, tmp_path, fmt,
                                                                         projection):
    path = export(sample, fmt, tmp_path / f"net.{fmt}", projection=projection)
    nodes, edges = read_back(path, fmt)
    want_nodes, want_edges = expected(sample, projection)
    if fmt in ("pajek", "dl"):
        # Pajek and DL label nodes with their names (all distinct in the sample)
        name = names_of(sample)
        assert len(set(name.values())) == len(name)
        want_nodes = {name[n] for n in want_nodes}
        want_edges = {Edge(name[x] for x in e): w for e, w in want_edges.items()}
    assert nodes == want_nodes
    assert edges.keys() == want_edges.keys()
    assert edges == pytest.approx(want_edges)


# the two-mode network: every membership and every tie ----------------------------------------

def two_mode_edges(data: GraphData, key=lambda n: n) -> Counter:
    """(unordered pair, type, weight) of every membership row and tie row, from the tables."""
    actors, coalitions = set(data.actors["id"]), set(data.coalitions["id"])
    m = data.memberships[data.memberships["actor"].isin(actors)
                         & data.memberships["coalition"].isin(coalitions)]
    t = data.ties[data.ties["source"].isin(actors) & data.ties["target"].isin(actors)]
    out = Counter((Edge((key(a), key(c))), "membership", 1.0)
                  for a, c in zip(m["actor"], m["coalition"], strict=True))
    out.update((Edge((key(a), key(b))), "tie", 1.0 if pd.isna(w) else float(w))
               for a, b, w in zip(t["source"], t["target"], t["weight"], strict=True))
    return out


GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"


def read_gexf_xml(path: Path) -> tuple[dict[str, dict], list[dict]]:
    """Nodes (id → {title: value, label, position}) and edges, straight from the XML."""
    import xml.etree.ElementTree as ElementTree

    graph = ElementTree.parse(path).getroot().find(f"{GEXF}graph")
    titles = {cls: {a.get("id"): a.get("title") for a in block.iter(f"{GEXF}attribute")}
              for block in graph.iter(f"{GEXF}attributes") for cls in [block.get("class")]}

    def values(element, cls):
        return {titles[cls][v.get("for")]: v.get("value")
                for v in element.iter(f"{GEXF}attvalue")}

    nodes = {}
    for node in graph.find(f"{GEXF}nodes"):
        pos = node.find(f"{VIZ}position")
        nodes[node.get("id")] = {**values(node, "node"), "label": node.get("label"),
                                 "position": None if pos is None else
                                 (float(pos.get("x")), float(pos.get("y")))}
    # (the XML attribute type, directed or not, as "gexf_type": "type" is the attribute)
    edges = [{**values(edge, "edge"), "gexf_type": edge.get("type"),
              **{k: edge.get(k) for k in ("source", "target", "weight", "kind")}}
             for edge in graph.find(f"{GEXF}edges")]
    return nodes, edges


def test_two_mode_gexf_holds_every_membership_and_tie_with_their_attributes(sample, tmp_path):
    from coalitions.analysis.network import tie_directions

    assert len(sample.ties) > 100 and len(sample.memberships) > 700  # the sample has both
    nodes, edges = read_gexf_xml(export(sample, "gexf", tmp_path / "two.gexf"))
    got = Counter((Edge((e["source"], e["target"])), e["type"], float(e["weight"]))
                  for e in edges)
    assert got == two_mode_edges(sample)
    # memberships keep role and since, as in the table
    m = sample.memberships
    want = Counter(zip(m["actor"], m["coalition"], m["role"],
                       ["" if pd.isna(x) else str(int(x)) for x in m["since"]], strict=True))
    assert Counter((e["source"], e["target"], e["role"], e.get("since", ""))
                   for e in edges if e["type"] == "membership") == want
    # ties keep source → target, type, and direction: GEXF type="directed" exactly where
    # the tie is read as directed
    t = sample.ties
    directed = tie_directions(sample)
    assert 0 < directed.sum() < len(t)
    want = Counter(zip(t["source"], t["target"], t["type"],
                       ["directed" if d else None for d in directed], strict=True))
    assert Counter((e["source"], e["target"], e["tie_type"], e["gexf_type"])
                   for e in edges if e["type"] == "tie") == want
    assert all(e["gexf_type"] is None for e in edges if e["type"] == "membership")
    # Every GEXF edge is undirected unless typed directed; source-target-kind is unique
    root = __import__("xml.etree.ElementTree", fromlist=["x"]).parse(tmp_path / "two.gexf")
    assert root.getroot().find(f"{GEXF}graph").get("defaultedgetype") == "undirected"
    kinds = Counter((Edge((e["source"], e["target"])), e["kind"]) for e in edges)
    assert max(kinds.values()) == 1


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "csv"])
def test_two_mode_exports_carry_every_column_of_the_actors_and_coalitions(sample, tmp_path,
                                                                          fmt):
    path = export(sample, fmt, tmp_path / f"two.{fmt}")
    if fmt == "gexf":
        nodes, _ = read_gexf_xml(path)
    elif fmt == "graphml":  # typed values: compared as the text they stand for
        nodes = {n: {k: str(v) for k, v in a.items()}
                 for n, a in nx.read_graphml(path).nodes(data=True)}
    else:
        table = pd.read_csv(path / "nodes.csv", dtype=str, keep_default_na=False)
        nodes = {r["id"]: {k: v for k, v in r.items() if v != ""}
                 for r in table.to_dict("records")}
        for attrs in nodes.values():  # pandas writes the integer columns as floats
            for k in ("founded_year", "n_organisations", "n_volunteers", "n_members",
                      "n_coalitions"):
                if k in attrs:
                    attrs[k] = str(int(float(attrs[k])))
    assert len(nodes) == len(sample.actors) + len(sample.coalitions)

    def text(v):
        if isinstance(v, list | tuple) or hasattr(v, "tolist"):
            return "; ".join(str(x) for x in v)
        return None if v is None or pd.isna(v) else str(v)

    for table, mode in ((sample.coalitions, "coalition"), (sample.actors, "actor")):
        for row in table.to_dict("records"):
            node = nodes[row["id"]]
            assert node["mode"] == mode and node["label"] == row["name"]
            for column, value in row.items():
                if column in ("id", "name"):
                    continue
                want = text(value)
                assert node.get(column, None if want is None else "") in (want, "") if \
                    want is None else node[column] == want, (row["id"], column)
    casa = nodes["aalst-casa-del-mundo"]
    assert (casa["founded_year"], casa["relation"], casa["origin"], casa["n_volunteers"]) == (
        "1994", "complementary", "bottom-up", "100")


def test_two_mode_gexf_validates_against_gephis_gexf_1_3_schemas(sample, hostile, tmp_path):
    """The GEXF 1.3 specification (github.com/gephi/gexf, specs/1.3, CC BY 4.0; copies in
    tests/data/gexf): its RELAX NG grammar, the translation of the normative .rnc, accepts
    the whole file. The XSD translation declares position/color/size in the GEXF
    namespace instead of the viz namespace that the .rnc, the primer and Gephi use, so it
    is given the file without its <viz:position>s — and those are its only complaint."""
    import xml.etree.ElementTree as ElementTree

    import xmlschema
    from lxml import etree

    schemas = Path(__file__).parent / "data" / "gexf"
    rng = etree.RelaxNG(etree.parse(str(schemas / "gexf.rng")))
    xsd = xmlschema.XMLSchema(str(schemas / "gexf.xsd"))
    for data, projection in ((sample, None), (sample, "actors"), (hostile, None)):
        path = export(data, "gexf", tmp_path / "v.gexf", projection=projection)
        assert rng.validate(etree.parse(str(path))), rng.error_log
        tree = ElementTree.parse(path)
        errors = list(xsd.iter_errors(tree))
        assert errors and all(f"'{VIZ}position'" in e.reason for e in errors)
        for node in tree.getroot().iter(f"{GEXF}node"):
            for pos in node.findall(f"{VIZ}position"):
                node.remove(pos)
        xsd.validate(tree)


def test_two_mode_graphml_and_csv_hold_every_membership_and_tie(sample, tmp_path):
    g = nx.read_graphml(export(sample, "graphml", tmp_path / "two.graphml"),
                        force_multigraph=True)
    assert not g.is_directed()
    got = Counter((Edge((u, v)), a["type"], float(a["weight"])) for u, v, a in g.edges(data=True))
    assert got == two_mode_edges(sample)
    assert sum(a["directed"] for *_, a in g.edges(data=True)) == sum(
        __import__("coalitions.analysis.network", fromlist=["x"]).tie_directions(sample))
    ig_graph = ig.Graph.Read_GraphML(str(tmp_path / "two.graphml"))
    assert ig_graph.ecount() == len(sample.memberships) + len(sample.ties)
    assert Counter(ig_graph.es["type"]) == {"membership": len(sample.memberships),
                                            "tie": len(sample.ties)}
    edges = pd.read_csv(export(sample, "csv", tmp_path / "csv") / "edges.csv")
    got = Counter((Edge((s, t)), k, float(w)) for s, t, k, w in
                  zip(edges["source"], edges["target"], edges["type"], edges["weight"],
                      strict=True))
    assert got == two_mode_edges(sample)
    assert {"role", "since", "tie_type", "directed"} <= set(edges.columns)


def test_two_mode_pajek_labels_names_and_keeps_edges_and_arcs(sample, tmp_path):
    from coalitions.analysis.network import tie_directions

    path = export(sample, "pajek", tmp_path / "two.net")
    name = names_of(sample)
    # networkx reads every line after the first section header as that section's (*Edges)
    g = nx.read_pajek(path)
    assert set(g.nodes) == set(name.values())
    got = Counter((Edge((u, v)), float(a["weight"])) for u, v, a in g.edges(data=True))
    want = Counter()
    for (pair, _kind, w), k in two_mode_edges(sample, key=name.get).items():
        want[(pair, w)] += k
    assert got == want
    # the directed ties, and only they, are listed under *Arcs, source first
    text = path.read_text(encoding="utf-8")
    arcs = [line.split()[:2] for line in text.split("*Arcs\n")[1].splitlines()]
    labels = dict(re.findall(r'^(\d+) "([^"]*)"', text, flags=re.M))
    t = sample.ties[tie_directions(sample)]
    assert Counter((labels[a], labels[b]) for a, b in arcs) == Counter(
        (name[a], name[b]) for a, b in zip(t["source"], t["target"], strict=True))


def test_two_mode_dl_labels_names_and_holds_the_memberships(sample, tmp_path):
    nodes, edges, sections = read_dl(export(sample, "dl", tmp_path / "two.dl"))
    assert set(sections["row labels"]) == set(sample.actors["name"])
    assert set(sections["column labels"]) == set(sample.coalitions["name"])
    name = names_of(sample)
    m = sample.memberships
    assert set(edges) == {Edge((name[a], name[c])) for a, c in zip(m["actor"], m["coalition"],
                                                                   strict=True)}


def test_coordinates_are_the_maps_layout_in_every_format(sample, tmp_path):
    nodes, _ = read_gexf_xml(export(sample, "gexf", tmp_path / "two.gexf"))
    xy = np.array([n["position"] for n in nodes.values()])
    assert len({tuple(p) for p in xy.round(3)}) > 0.9 * len(xy)  # spread, not all at 0
    g = nx.read_graphml(export(sample, "graphml", tmp_path / "two.graphml"))
    assert all(g.nodes[n]["x"] == pytest.approx(nodes[n]["position"][0]) and
               g.nodes[n]["y"] == pytest.approx(nodes[n]["position"][1]) for n in nodes)
    # Pajek: the same coordinates scaled to 0..1 (min-max per axis)
    p = nx.read_pajek(export(sample, "pajek", tmp_path / "two.net"))
    name = names_of(sample)
    for axis, col in (("x", 0), ("y", 1)):
        lo, hi = xy[:, col].min(), xy[:, col].max()
        for n, (x, y) in zip(nodes, xy, strict=True):
            want = ((x, y)[col] - lo) / (hi - lo)
            assert float(p.nodes[name[n]][axis]) == pytest.approx(want, abs=2e-6)
    # without --layout nothing is made up
    nodes, _ = read_gexf_xml(export(sample, "gexf", tmp_path / "n.gexf", layout=False))
    assert all(n["position"] is None for n in nodes.values())


def test_a_projection_that_leaves_ties_out_warns_and_names_what_keeps_them(tmp_path):
    from typer.testing import CliRunner

    from coalitions.cli import app

    data = small_graph()
    data.memberships = data.memberships.iloc[0:0]  # ties only
    with pytest.warns(UserWarning, match="leaves out the 1 explicit ties"):
        export(data, "gexf", tmp_path / "c.gexf", projection="coalitions")
    # the default two-mode export keeps the tie
    _, edges = read_gexf_xml(export(data, "gexf", tmp_path / "t.gexf"))
    assert [(e["source"], e["target"], e["type"]) for e in edges] == [
        ("per-an", "per-bram", "tie")]
    # through the CLI: exit 0, the warning on stderr
    from coalitions.graph.embedded import EmbeddedStore

    with EmbeddedStore(tmp_path / "s.db") as store:
        store.load(data)
    runner = CliRunner()
    result = runner.invoke(app, ["--store", str(tmp_path / "s.db"), "export", "--format",
                                 "gexf", "--out", str(tmp_path / "cli.gexf"),
                                 "--projection", "coalitions"])
    assert result.exit_code == 0, result.stderr
    assert "warning: The coalition projection leaves out the 1 explicit ties" in result.stderr
    assert "has no edges" in result.stderr
    result = runner.invoke(app, ["--store", str(tmp_path / "s.db"), "export", "--format",
                                 "dl", "--out", str(tmp_path / "cli.dl")])
    assert result.exit_code == 0 and "DL file is an actor × coalition matrix" in result.stderr
    result = runner.invoke(app, ["--store", str(tmp_path / "s.db"), "export", "--format",
                                 "gexf", "--out", str(tmp_path / "ok.gexf")])
    assert result.exit_code == 0 and "warning" not in result.stderr


def test_one_mode_dl_reads_back_with_igraph(sample, tmp_path):
    # igraph's DL reader splits a quoted label at its spaces: names without spaces here
    sample = GraphData(sample.coalitions.assign(name=sample.coalitions["name"].str.replace(
        " ", "_")), sample.actors, sample.memberships, sample.ties)
    path = export(sample, "dl", tmp_path / "actors.dl", projection="coalitions")
    g = ig.Graph.Read_DL(str(path), directed=True)
    got = {Edge((g.vs[e.source]["name"], g.vs[e.target]["name"])): e["weight"] for e in g.es}
    nodes, edges = expected(sample, "coalitions")
    name = names_of(sample)  # DL labels are the names
    assert set(g.vs["name"]) == {name[n] for n in nodes}
    assert got == pytest.approx({Edge(name[x] for x in e): w for e, w in edges.items()})


def test_two_mode_dl_puts_actors_in_rows_and_coalitions_in_columns(sample, tmp_path):
    path = export(sample, "dl", tmp_path / "two.dl")
    _, _, sections = read_dl(path)
    assert set(sections["row labels"]) == set(sample.actors["name"])
    assert set(sections["column labels"]) == set(sample.coalitions["name"])
    assert path.read_text(encoding="utf-8").startswith(
        f"DL nr={len(sample.actors)}, nc={len(sample.coalitions)}\nformat = edgelist2\n")


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_xml_formats_carry_node_attributes_and_measures(tmp_path, fmt):
    data = small_graph()
    measures = pd.DataFrame({"id": ["per-an", "per-bram", "org-stad-gent"],
                             "name": ["An Peeters", "Bram D’Hondt", "Stad Gent"],
                             "betweenness": [0.5, 0.0, 0.25], "coreness": [2, 1, 1]})
    path = export(data, fmt, tmp_path / f"n.{fmt}", measures=measures)
    # (networkx refuses GEXF with directed and undirected edges: the XML is read directly)
    g = nx.Graph()
    g.add_nodes_from(read_gexf_xml(path)[0].items()) if fmt == "gexf" else None
    g = g if fmt == "gexf" else nx.read_graphml(path)
    an = g.nodes["per-an"]
    assert an["label"] == "An Peeters"
    assert (an["kind"], an["sector"], an["function"], an["city"], an["mode"]) == (
        "person", "city_government", "official", "Gent", "actor")
    assert float(an["betweenness"]) == 0.5 and int(an["coreness"]) == 2
    energent = g.nodes["gent-energent"]
    assert (energent["mode"], energent["role"], energent["themes"]) == (
        "coalition", "services", "Energie")
    assert "betweenness" not in energent
    # An organisation has no function: written as "" or left out (GraphML).
    assert g.nodes["org-stad-gent"].get("function", "") == ""


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
        nodes = read_gexf_xml(path)[0] if fmt == "gexf" else nx.read_graphml(path).nodes
        assert nodes["per-bram"]["label"] == 'Bram <b>"D&H"</b>, Gent'
    nodes = pd.read_csv(export(data, "csv", tmp_path / "c") / "nodes.csv")
    assert 'Bram <b>"D&H"</b>, Gent' in set(nodes["label"])


def test_a_scope_exports_only_its_part(sample, tmp_path):
    from coalitions.graph.scope import Scope

    part = Scope(city="Gent").apply(sample)
    nodes, edges = read_gexf_xml(export(part, "gexf", tmp_path / "gent.gexf"))
    assert set(nodes) == set(part.actors["id"]) | set(part.coalitions["id"])
    assert Counter((Edge((e["source"], e["target"])), e["type"], float(e["weight"]))
                   for e in edges) == two_mode_edges(part)
    assert set(part.coalitions["city"]) == {"Gent"}
    assert len(nodes) < len(sample.actors) + len(sample.coalitions)


def test_unknown_format_or_projection_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="Unknown export format 'xlsx'"):
        export(small_graph(), "xlsx", tmp_path / "x")  # type: ignore[arg-type]
    with pytest.raises(UsageError, match="Unknown projection 'persons'"):
        export(small_graph(), "gexf", tmp_path / "x", projection="persons")  # type: ignore[arg-type]
    with pytest.raises(UsageError, match="salt"):
        export(small_graph(), "gexf", tmp_path / "x", pseudonymise=True)


def test_csv_export_neutralises_formulas_in_text_and_keeps_numbers(tmp_path):
    # OWASP "CSV Injection": a cell starting with = + - @ TAB or CR is prefixed with "'".
    g = nx.Graph()
    g.add_node("=cmd|' /C calc'!A0", label="=HYPERLINK(\"http://evil\",\"x\")", mode="actor",
               score=-0.5, city="@SUM(A1)")
    g.add_node("-org", label="+32 9 123", mode="coalition", score=2.0, city="Gent")
    g.add_edge("=cmd|' /C calc'!A0", "-org", weight=-1.5)
    path = export_network(g, "csv", tmp_path / "csv")
    nodes = pd.read_csv(path / "nodes.csv", dtype=str, keep_default_na=False)
    edges = pd.read_csv(path / "edges.csv", dtype=str, keep_default_na=False)
    assert nodes.to_dict("list") == {
        "id": ["'=cmd|' /C calc'!A0", "'-org"],
        "label": ["'=HYPERLINK(\"http://evil\",\"x\")", "'+32 9 123"],
        "mode": ["actor", "coalition"], "score": ["-0.5", "2.0"],
        "city": ["'@SUM(A1)", "Gent"]}
    assert edges.to_dict("list") == {"source": ["'=cmd|' /C calc'!A0"], "target": ["'-org"],
                                     "weight": ["-1.5"]}


# any text: control characters, quotes, line breaks, markup, bidi ----------------------------

# Ids chosen to break each format: quotes of both kinds (Pajek/DL collide "a\"q" with "a'q"),
# a case twin (DL labels may be upper-cased), line ends of every kind, C0/C1 controls and NUL
# (forbidden in XML 1.0 even as references), U+FFFE, markup, a right-to-left override, DL's
# separators and its "data:" keyword, a backslash (an escape for shlex-based Pajek readers),
# and "nul\ufffdx", which XML-cleaning "nul\x00x" would turn into.
HOSTILE_IDS = ['a"q', "a'q", "A'Q", "line\nbreak", "cr\rx", "crlf\r\nx", "nul\x00x",
               "nul\ufffdx", "bell\x07", "tab\tx", "<&>", "rtl\u202eevil", "sep\u2028x",
               "back\\", " spaced id ", "data:", "x,y=z", "nel\x85", "del\x7f", "ä ü",
               "fffe\ufffe", "plain-id"]
HOSTILE_COALITIONS = ['c"1', "c\n2", "c\x0b3"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> GraphData:
    """A graph whose ids and names hold HOSTILE_IDS, through a real embedded store."""
    from coalitions.graph.embedded import EmbeddedStore

    n = len(HOSTILE_IDS)
    co = pd.DataFrame({"id": HOSTILE_COALITIONS,
                       "name": ["C <1> & \"x\"", "C\x0b2", "C\r\n3\u202e"],
                       "city": ["G\x01ent"] * 3, "themes": [["Energie"]] * 3,
                       "theme_clusters": [["Milieu en ecologie"]] * 3})
    actors = pd.DataFrame({"id": HOSTILE_IDS, "name": [f"N {i}\x02" for i in HOSTILE_IDS],
                           "kind": ["organisation"] * n, "sector": ["nonprofit"] * n,
                           "function": [None] * n, "organisation": [None] * n,
                           "city": ["G\x01ent"] * n})
    # every actor in one coalition, a staggered few in the others: unequal degrees
    members = [(a, HOSTILE_COALITIONS[0]) for a in HOSTILE_IDS]
    members += [(a, HOSTILE_COALITIONS[1]) for a in HOSTILE_IDS[::2]]
    members += [(a, HOSTILE_COALITIONS[2]) for a in HOSTILE_IDS[::3]]
    m = pd.DataFrame(members, columns=["actor", "coalition"]).assign(role="member", since=None)
    ties = pd.DataFrame({"source": ['a"q', "nul\x00x"], "target": ["a'q", "back\\"],
                         "type": ["knows\x03", "knows"], "weight": [2.0, 1.0]})
    with EmbeddedStore(tmp_path_factory.mktemp("hostile") / "s.db") as store:
        store.load(GraphData(co, actors, m, ties))
        data = store.read_graph()
    assert sorted(data.actors["id"]) == sorted(HOSTILE_IDS)  # the store kept them as given
    return data


def xml_clean(text: str) -> str:
    """XML 1.0 (Fifth Edition) production [2] Char: #x9 | #xA | #xD | [#x20-#xD7FF] |
    [#xE000-#xFFFD] | [#x10000-#x10FFFF]; anything else as U+FFFD, and CR as LF (section
    2.11, end-of-line handling)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return re.sub("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]", "\ufffd", text)


def line_clean(text: str, *, backslash: bool) -> str:
    """The documented rule for Pajek and DL labels: controls and line/paragraph separators
    as U+FFFD, '"' as "'", and for Pajek '\\' as '/'."""
    import unicodedata

    out = "".join("\ufffd" if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c
                  for c in text).replace('"', "'")
    return out.replace("\\", "/") if backslash else out


def check_relabelled(got_nodes: list[str], got_edges: list[tuple[str, str]],
                     data: GraphData, projection: str | None, clean,
                     fold=lambda s: s, text=None, memberships_only=False) -> None:
    """The network read back is the expected one with each id replaced by
    ``clean(text[id])`` (``text`` default: the id itself), or that with ``~k`` where
    cleaning made two equal (under ``fold``)."""
    want_nodes, want_edges = expected(data if not memberships_only else GraphData(
        data.coalitions, data.actors, data.memberships), projection)
    if text is not None:
        want_nodes = {text[n] for n in want_nodes}
        want_edges = {Edge(text[x] for x in e): w for e, w in want_edges.items()}
    assert len(got_nodes) == len(want_nodes)
    assert len({fold(n) for n in got_nodes}) == len(got_nodes), "labels not unique"
    cleaned = Counter(fold(clean(n)) for n in want_nodes)
    unique = {n: clean(n) for n in want_nodes if cleaned[fold(clean(n))] == 1}
    assert set(unique.values()) <= set(got_nodes)
    # the others carry their cleaned id, with a ~k where it was taken
    base = Counter(fold(re.sub(r"~\d+$", "", n)) for n in set(got_nodes) - set(unique.values()))
    assert base == Counter({k: v for k, v in cleaned.items() if v > 1})
    assert len(got_edges) == len(want_edges)
    between_unique = {Edge((unique[a], unique[b])) for a, b in map(tuple, want_edges)
                      if a in unique and b in unique}
    assert {Edge(e) for e in got_edges if set(e) <= set(unique.values())} == between_unique
    degree = Counter(x for e in got_edges for x in e)
    want_degree = Counter(x for e in want_edges for x in e)
    assert sorted(degree.values()) == sorted(want_degree.values())


@pytest.mark.parametrize("projection", [None, "actors", "coalitions"])
@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_xml_exports_of_any_text_are_well_formed_and_read_back(hostile, tmp_path, fmt,
                                                                projection):
    import xml.etree.ElementTree as ET

    path = export(hostile, fmt, tmp_path / f"h.{fmt}", projection=projection)
    ET.parse(path)  # well-formed, or ParseError
    g = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    check_relabelled(list(g.nodes), list(g.edges), hostile, projection, xml_clean)
    labels = {a["label"] for _, a in g.nodes(data=True)}
    names = [*hostile.actors["name"], *hostile.coalitions["name"]] if projection is None else \
        list(hostile.actors["name"] if projection == "actors" else hostile.coalitions["name"])
    assert labels == {xml_clean(x) for x in names}
    if fmt == "graphml":
        ig_graph = ig.Graph.Read_GraphML(str(path))
        assert (ig_graph.vcount(), ig_graph.ecount()) == (g.number_of_nodes(),
                                                          g.number_of_edges())
        # igraph 1.0 (libxml2's SAX reader) hands back the entity "&amp;" inside an
        # attribute as the character reference "&#38;"; the document says "&" (ElementTree
        # and networkx read it so), hence the unescape.
        assert {html.unescape(i) for i in ig_graph.vs["id"]} == set(g.nodes)


@pytest.mark.parametrize("projection", [None, "actors", "coalitions"])
def test_pajek_export_of_any_text_reads_back_with_networkx(hostile, tmp_path, projection):
    path = export(hostile, "pajek", tmp_path / "h.net", projection=projection)
    g = nx.read_pajek(path)
    assert not any(isinstance(n, bytes) for n in g.nodes)
    check_relabelled(list(g.nodes), [(u, v) for u, v, _ in g.edges(keys=True)], hostile,
                     projection, lambda s: line_clean(s, backslash=True),
                     text=names_of(hostile))
    assert path.read_text(encoding="utf-8").count("\n") == 2 + g.number_of_nodes() + \
        g.number_of_edges()  # one line per vertex and edge: no label broke a line


def dl_labels_by_spec(text: str) -> list[str]:
    """Labels as UCINET's DL language reference defines them: "separated by spaces, carriage
    returns, equal signs or commas"; a label with embedded spaces is "surrounded in quotes"
    (analytictech.com/ucinet/help/hs5000.htm)."""
    labels, i = [], 0
    while i < len(text):
        if text[i] in " \t\r\n,=":
            i += 1
        elif text[i] == '"':
            j = text.index('"', i + 1)
            labels.append(text[i + 1:j])
            i = j + 1
        else:
            j = i
            while j < len(text) and text[j] not in ' \t\r\n,="':
                j += 1
            labels.append(text[i:j])
            i = j
    return labels


@pytest.mark.parametrize("projection", [None, "actors", "coalitions"])
def test_dl_export_of_any_text_counts_and_separates_its_labels(hostile, tmp_path, projection):
    path = export(hostile, "dl", tmp_path / "h.dl", projection=projection)
    text = path.read_text(encoding="utf-8")
    head, data = text.split("\ndata:\n")
    lines = [line.split() for line in data.splitlines()]
    if projection is None:
        nr, nc = (int(x) for x in re.findall(r"n[rc]=(\d+)", head.splitlines()[0]))
        rows_part, cols_part = head.split("\nrow labels:\n")[1].split("\ncolumn labels:\n")
        rows, cols = dl_labels_by_spec(rows_part), dl_labels_by_spec(cols_part)
        assert (len(rows), len(cols)) == (nr, nc)
        nodes = rows + cols
        edges = [(rows[int(i) - 1], cols[int(j) - 1]) for i, j, _ in lines]
    else:
        n = int(re.search(r"n=(\d+)", head).group(1))
        nodes = dl_labels_by_spec(head.split("\nlabels:\n")[1])
        assert len(nodes) == n
        pairs = [(nodes[int(i) - 1], nodes[int(j) - 1]) for i, j, _ in lines]
        assert Counter(map(Edge, pairs)) == Counter({Edge(p): 2 for p in pairs})  # both ways
        edges = list({Edge(p): p for p in pairs}.values())
    check_relabelled(nodes, edges, hostile, projection,
                     lambda s: line_clean(s, backslash=False), fold=str.casefold,
                     text=names_of(hostile), memberships_only=projection is None)


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_coalitions_carry_their_period_status_roles_and_relation(tmp_path, fmt):
    from pathlib import Path

    from coalitions.loaders import load_inputs

    five = Path(__file__).resolve().parent / "data" / "five_cases"
    path = export(load_inputs([five]).data, fmt, tmp_path / f"n.{fmt}")
    # (the two-mode GEXF mixes directed ties and undirected memberships, which networkx's
    # reader refuses: it is read as XML)
    nodes = read_gexf_xml(path)[0] if fmt == "gexf" else dict(nx.read_graphml(path).nodes)
    node = nodes["sint-niklaas-klimopjegevel"]
    # coalities.csv, Klimopjegevel: °2011, einde 2016, gestopt, public_space;sensitising,
    # complementary 2011
    assert (int(node["founded_year"]), int(node["end_year"]), node["status"]) == (
        2011, 2016, "stopped")
    assert (node["roles"], node["relation"], int(node["relation_year"])) == (
        "public_space; sensitising", "complementary", 2011)
    assert "end_year" not in nodes["sint-niklaas-solied"]  # a missing number is left out


def test_an_export_without_edges_says_why(tmp_path):
    from coalitions.export import left_out

    data = small_graph()
    bare = GraphData(data.coalitions, data.actors)  # no memberships, no ties
    for projection in (None, "actors", "coalitions"):
        messages = left_out(bare, "gexf", projection)
        assert len(messages) == 1 and "no memberships and no ties" in messages[0]
    # memberships in separate coalitions: the coalition projection is empty, and says so
    one_each = GraphData(data.coalitions, data.actors,
                         data.memberships[data.memberships["actor"] != "per-an"])
    messages = left_out(one_each, "csv", "coalitions")
    assert messages == [m for m in messages if "no actor is a member of two coalitions" in m]
    assert len(messages) == 1
    assert left_out(data, "gexf", None) == []  # the two-mode network loses nothing


def test_a_network_too_large_to_lay_out_quickly_says_it_has_no_coordinates(tmp_path,
                                                                          monkeypatch):
    import coalitions.export as export_module

    monkeypatch.setattr(export_module, "LAYOUT_LIMIT", 4)  # small_graph has 5 nodes
    said = []
    path = export(small_graph(), "gexf", tmp_path / "big.gexf", on_warning=said.append)
    assert said == ["No coordinates: laying out 5 nodes would take minutes (more than 4); "
                    "--layout adds them anyway."]
    assert all(n["position"] is None for n in read_gexf_xml(path)[0].values())
    path = export(small_graph(), "gexf", tmp_path / "forced.gexf", layout=True)
    assert all(n["position"] is not None for n in read_gexf_xml(path)[0].values())


def test_gexf_positions_are_where_the_map_of_the_same_data_puts_each_node(sample, tmp_path):
    import json

    from coalitions.graph.scope import Scope
    from coalitions.viz.maps import render_map

    gent = Scope(city="Gent").apply(sample)
    render_map(gent, tmp_path / "gent.html", title="Gent")
    page = (tmp_path / "gent.html").read_text(encoding="utf-8")
    raw = re.search(r'<script type="application/json" id="map-data">(.*?)</script>', page,
                    re.S).group(1)
    on_map = {n["id"].split(":", 1)[1]: (n["x"], n["y"]) for n in json.loads(raw)["nodes"]}
    nodes, _ = read_gexf_xml(export(gent, "gexf", tmp_path / "gent.gexf"))
    assert set(on_map) == set(nodes)
    for n, (x, y) in on_map.items():  # the map rounds to 0.1 pixel
        assert nodes[n]["position"] == pytest.approx((x, y), abs=0.051), n
