"""`coalitions demo`'s folder: small, one shared copy of vis-network, an index of every page.

The demo is run once for the module (it takes most of a minute on the shared machine) through
the real CLI and the real embedded store; the browser tests that open its pages are in
``tests/test_demo_browser.py``.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalitions.cli import app
from coalitions.viz.maps import VIS_JS_NAME, _vis_js

runner = CliRunner()
LIMIT_BYTES = 5 * 1024 * 1024  # issue 22: "a demo folder under 5 MB"


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, Path]:
    """The demo's folder and its store."""
    base = tmp_path_factory.mktemp("demo")
    out, store = base / "demo", base / "demo.db"
    result = runner.invoke(app, ["--store", str(store), "demo", "--out", str(out)],
                           catch_exceptions=False, env={"NEO4J_URI": ""})
    assert result.exit_code == 0, result.stderr
    return out, store


def _files(folder: Path) -> list[Path]:
    return [Path(root) / f for root, _dirs, files in os.walk(folder) for f in files]


def test_demo_folder_is_under_five_megabytes(demo):
    out, _store = demo
    total = sum(p.stat().st_size for p in _files(out))
    print(f"demo folder: {total} bytes in {len(_files(out))} files")
    assert 0 < total < LIMIT_BYTES


def test_demo_folder_holds_exactly_one_copy_of_vis_network(demo):
    out, _store = demo
    lib = _vis_js()
    # Three stretches from the start, middle and end of the library's own text: a page that
    # inlined it would contain them, as they are or attribute-escaped (an iframe srcdoc).
    probes = [lib[1000:1200], lib[len(lib) // 2:len(lib) // 2 + 200], lib[-1200:-1000]]
    probes += [html.escape(s, quote=True) for s in probes]
    holders = [p.name for p in _files(out)
               if any(s in p.read_text(encoding="utf-8", errors="replace") for s in probes)]
    assert holders == [VIS_JS_NAME]
    assert (out / VIS_JS_NAME).read_text(encoding="utf-8") == lib


def test_every_demo_map_loads_the_shared_script_by_a_relative_url(demo):
    out, _store = demo
    maps = sorted(out.glob("map-*.html"))
    assert len(maps) == 15  # 14 cities and the region
    for page in maps:
        srcs = re.findall(r'<script src="([^"]*)"', page.read_text(encoding="utf-8"))
        assert srcs == [VIS_JS_NAME], page.name


def test_demo_reports_embed_their_city_map_file(demo):
    out, _store = demo
    reports = sorted(out.glob("report-*.html"))
    assert len(reports) == 14
    for report in reports:
        text = report.read_text(encoding="utf-8")
        city = report.name.removeprefix("report-")
        assert f'src="map-{city}"' in text
        assert "srcdoc=" not in text
        assert (out / f"map-{city}").exists()


def test_demo_index_links_every_report_and_map_and_the_region(demo):
    out, _store = demo
    text = (out / "index.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="([^"]+)"', text))
    pages = {p.name for p in out.glob("*.html")} - {"index.html"}
    assert links == pages
    assert "map-region.html" in links


def test_a_single_map_from_the_cli_is_still_one_self_contained_file(demo, tmp_path):
    _out, store = demo
    target = tmp_path / "alone" / "gent.html"
    result = runner.invoke(app, ["--store", str(store), "map", "--city", "Gent",
                                 "--out", str(target)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert re.findall(r"<script[^>]*\ssrc=", text) == []
    assert _vis_js()[1000:1200] in text
    assert [p.name for p in target.parent.iterdir()] == ["gent.html"]


def test_a_single_report_from_the_cli_is_still_one_self_contained_file(demo, tmp_path):
    _out, store = demo
    target = tmp_path / "alone" / "gent.html"
    result = runner.invoke(app, ["--store", str(store), "report", "--city", "Gent",
                                 "--out", str(target)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert "srcdoc=" in text and not re.findall(r"<iframe[^>]*\ssrc=", text)
    assert [p.name for p in target.parent.iterdir()] == ["gent.html"]


def test_cli_coalition_map_sizes_actors_by_their_city_network(demo, tmp_path):
    _out, store = demo
    target = tmp_path / "casa.html"
    result = runner.invoke(app, ["--store", str(store), "map", "--coalition",
                                 "aalst-casa-del-mundo", "--out", str(target)],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    size = re.search(r"<h2>Size</h2>.*?</svg>(.*?)</div>", target.read_text(encoding="utf-8"),
                     re.S).group(1)
    assert "betweenness in the network of Aalst" in size
    assert "largest 0)" not in size
