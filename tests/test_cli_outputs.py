"""map, report and export through the CLI: files written, formats read back, pseudonyms
stable across outputs of one store."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import networkx as nx
import pandas as pd
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
    if fmt == "gexf":
        # networkx refuses a GEXF with directed ties among undirected memberships: the XML
        from tests.test_export import read_gexf_xml

        g = nx.Graph()
        g.add_nodes_from(read_gexf_xml(out)[0].items())
    else:
        g = nx.read_graphml(out)
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


# --pseudonymise: no name, no id, no part of a name in any output --------------------------

DISTINCTIVE = Path(__file__).resolve().parent / "data" / "cli" / "distinctive_persons"
PSEUDONYMISED_OUTPUTS = [
    ("map", "m-city.html", ["--city", "Gent"]),
    ("map", "m-region.html", ["--region"]),
    ("map", "m-coalition.html", ["--coalition", "gent-energie"]),
    ("report", "r.html", ["--city", "Gent"]),
    *[("export", f"x-{proj or 'two'}.{fmt}", ["--format", fmt]
       + (["--projection", proj] if proj else []))
      for fmt in ("gexf", "graphml", "pajek", "dl", "csv")
      for proj in (None, "actors", "coalitions")],
]


@pytest.fixture(scope="module")
def persons_store(tmp_path_factory):
    args = ["--store", str(tmp_path_factory.mktemp("persons") / "s.db")]
    assert runner.invoke(app, [*args, "load", str(DISTINCTIVE)]).exit_code == 0
    return args


def _name_tokens() -> set[str]:
    """Every person's name and id, and the lowercase parts of each longer than 3 letters."""
    actors = pd.read_csv(DISTINCTIVE / "actors.csv")
    persons = actors[actors["kind"] == "person"]
    tokens = set(persons["name"].str.lower()) | set(persons["id"].str.lower())
    for text in [*persons["name"], *persons["id"]]:
        tokens |= {p for p in re.split(r"[\W_]+", text.lower()) if len(p) > 3}
    tokens -= {"person"}  # the id prefix "per" is shorter; no name holds this word
    assert {"annelies", "decoster", "quackelbeen"} <= tokens
    return tokens


def _structure(path: Path, command: str) -> tuple[int, int]:
    """Node and edge counts of one output, read back independently of the package."""
    if command in ("map", "report"):
        text = path.read_text(encoding="utf-8")
        if command == "report":  # the map sits in an iframe's srcdoc, HTML-escaped
            text = html.unescape(text)
        raw = re.search(r'<script type="application/json" id="map-data">(.*?)</script>',
                        text, re.S).group(1)
        page = json.loads(raw)
        ids = {n["id"] for n in page["nodes"]}
        assert all(e["from"] in ids and e["to"] in ids for e in page["edges"])  # connected
        return len(page["nodes"]), len(page["edges"])
    suffix = path.suffix.lstrip(".")
    if suffix == "csv":
        nodes = pd.read_csv(path / "nodes.csv", dtype=str, keep_default_na=False)
        edges = pd.read_csv(path / "edges.csv", dtype=str, keep_default_na=False)
        assert set(edges["source"]) | set(edges["target"]) <= set(nodes["id"])
        return len(nodes), len(edges)
    if suffix == "dl":
        head = path.read_text(encoding="utf-8").split("\ndata:\n")
        numbers = [int(x) for x in re.findall(r"n[rc]?=(\d+)", head[0].splitlines()[0])]
        return sum(numbers), len(head[1].splitlines())
    if suffix == "gexf":  # the XML itself: networkx refuses directed ties among memberships
        from tests.test_export import read_gexf_xml

        nodes, edges = read_gexf_xml(path)
        return len(nodes), len(edges)
    read = {"graphml": nx.read_graphml, "pajek": nx.read_pajek}[suffix]
    g = read(path)
    return g.number_of_nodes(), g.number_of_edges()


def test_every_pseudonymised_output_holds_no_name_no_id_and_no_name_part(persons_store,
                                                                         tmp_path):
    tokens = _name_tokens()
    for plain in (True, False):
        folder = tmp_path / ("plain" if plain else "hidden")
        for command, name, args in PSEUDONYMISED_OUTPUTS:
            ok(*persons_store, command, *args, "--out", str(folder / name),
               *([] if plain else ["--pseudonymise"]))
    leaks = {}
    for command, name, _ in PSEUDONYMISED_OUTPUTS:
        path = tmp_path / "hidden" / name
        files = sorted(path.iterdir()) if path.is_dir() else [path]
        text = b"".join(f.read_bytes() for f in files).decode("utf-8").lower()
        found = sorted(t for t in tokens if t in text)
        if found:
            leaks[name] = found
        # the same graph, only renamed
        assert _structure(path, command) == _structure(tmp_path / "plain" / name, command), name
    assert leaks == {}
    # without --pseudonymise the names are there: the search above can find them
    assert "annelies decoster" in (tmp_path / "plain" / "m-city.html").read_text(
        encoding="utf-8").lower()
    page = (tmp_path / "hidden" / "m-city.html").read_text(encoding="utf-8")
    assert len(set(re.findall(r"a:person-[0-9a-z]{8}", page))) == 3  # the three persons
