"""Every page of `coalitions demo`'s folder in headless Chromium, opened from ``file://``.

The pages share one ``vis-network.min.js`` (tests/test_demo.py); here each must actually
load it: the map draws its nodes, no console error, no request but to the folder's own files.
Reuses the browser fixture and page wrapper of tests/viz/test_browser.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_demo import demo  # noqa: F401 (fixture)
from tests.viz.test_browser import INKED_PIXELS, Loaded

pytestmark = pytest.mark.browser

# The map marks itself ready on <body> (assets/map.js). Waiting for that attribute needs no
# script evaluation in the page, which the pages' Content-Security-Policy (no 'unsafe-eval')
# refuses for a frame that is a document of its own.
READY = 'body[data-ready="1"]'


def _open(browser, path: Path) -> Loaded:  # noqa: F811
    return Loaded(browser, path)


def _map_frame(loaded: Loaded):
    if loaded.page.locator("iframe.map").count() == 0:
        return loaded.page.main_frame
    # Chromium pauses animation frames of iframes outside the viewport: scroll to it.
    loaded.page.locator("iframe.map").scroll_into_view_if_needed()
    frames = [f for f in loaded.page.frames if f is not loaded.page.main_frame]
    assert len(frames) == 1
    return frames[0]


def test_every_demo_page_draws_its_map_without_error(browser, demo):  # noqa: F811
    out, _store = demo
    pages = sorted(p for p in out.glob("*.html") if p.name != "index.html")
    assert len(pages) == 29  # 14 reports, 14 city maps, the region map
    for page in pages:
        loaded = _open(browser, page)
        try:
            frame = _map_frame(loaded)
            frame.wait_for_selector(READY, state="attached", timeout=10_000)
            assert frame.evaluate("window.coalitionsMap.nodes.length") > 5, page.name
            assert frame.evaluate(INKED_PIXELS) > 2000, page.name
            assert loaded.errors == [], page.name
            assert loaded.external() == [], page.name
            fetched = {u.rsplit("/", 1)[1] for u in loaded.requests}
            assert "vis-network.min.js" in fetched, page.name
        finally:
            loaded.close()


def test_demo_index_opens_without_error_and_its_links_lead_to_working_pages(browser, demo):  # noqa: F811
    out, _store = demo
    loaded = _open(browser, out / "index.html")
    try:
        assert loaded.errors == []
        assert loaded.page.locator("#cities a").count() == 29
        loaded.page.locator("a", has_text="Map of all cities").click()
        loaded.page.wait_for_selector(READY, state="attached", timeout=10_000)
        assert loaded.page.url.endswith("map-region.html")
        assert loaded.page.evaluate("window.coalitionsMap.nodes.length") > 600
        assert loaded.errors == []
    finally:
        loaded.close()
