"""The pages in a real browser: headless Chromium (Debian's) driven by Playwright.

Each kind of page is loaded from ``file://`` and must make no request other than ``file:`` /
``data:`` / ``about:``, log no console error, draw its nodes, show its legend, stop moving
within 10 s, and leave hostile names inert when hovered and clicked.

Chromium comes from Debian (``apt-get install chromium chromium-driver``); Playwright's own
browser download is never used. Without ``/usr/bin/chromium`` these tests skip locally and
fail when ``CI`` is set.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from coalitions.graph.scope import Scope
from coalitions.viz.maps import render_map
from tests.viz.conftest import HOSTILE, HOSTILE_CITY, HOSTILE_SECTOR, small_graph

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
SETTLE_LIMIT_S = 10.0
# map.js marks the body when the network has drawn. Waiting on a selector, not on
# wait_for_function: that one evaluates its string with eval() inside the page whenever the
# first check is false, which the pages' Content-Security-Policy (no 'unsafe-eval') refuses,
# so a map slower than the first check failed the wait on a loaded machine.
READY = "body[data-ready='1']"
LOCAL_SCHEMES = ("file:", "data:", "about:")


# (the browser fixture is in tests/conftest.py: one Playwright for the whole session, which
# the demo's browser tests share; a second one started beside it fails)


@pytest.fixture(scope="session")
def sample():
    import coalitions
    from coalitions.loaders import load_inputs

    return load_inputs([Path(coalitions.__file__).parent / "data" / "sample"]).data


@pytest.fixture(scope="session")
def maps(tmp_path_factory, sample) -> dict[str, tuple[Path, object]]:
    """One file per kind of map page, with what render_map said about it."""
    out = tmp_path_factory.mktemp("maps")
    data = small_graph()
    pages = {
        "city": render_map(Scope(city="Aalst").apply(data), out / "city.html",
                           title=HOSTILE_CITY),
        "coalition": render_map(Scope(coalition="c2").apply(data), out / "coalition.html",
                                title=HOSTILE + " coalition map", color_by="theme"),
        "two-cities": render_map(data, out / "two-cities.html", title="Aalst and Gent",
                                 color_by="community"),
        "region": render_map(sample, out / "region.html", title="All cities of the sample"),
        "reduced": render_map(sample, out / "reduced.html", title="Sample, reduced",
                              max_nodes=120),
    }
    return {k: (v.path, v) for k, v in pages.items()}


class Loaded:
    """A page opened in the browser, with every request and console error it caused."""

    def __init__(self, browser, path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text)
                     if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri())
        self.frame = self.page.main_frame

    def wait_ready(self, frame=None) -> float:
        """Seconds from now until the map has drawn its first frame (polled, not slept)."""
        frame = frame or self.frame
        start = time.monotonic()
        frame.wait_for_selector(READY, state="attached",
                                timeout=SETTLE_LIMIT_S * 1000)
        return time.monotonic() - start

    def external(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(LOCAL_SCHEMES)]

    def pwned(self, frame=None) -> object:
        return (frame or self.frame).evaluate("window.__pwned")

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def open_page(browser):
    opened: list[Loaded] = []

    def _open(path: Path) -> Loaded:
        loaded = Loaded(browser, path)
        opened.append(loaded)
        return loaded

    yield _open
    for loaded in opened:
        loaded.close()


MAP_KINDS = ["city", "coalition", "two-cities", "region", "reduced"]

# JavaScript: nodes in the vis DataSet, and canvas pixels that are not transparent/white.
COUNT_NODES = "window.coalitionsMap.nodes.length"
INKED_PIXELS = """(frameSel) => {
  const canvas = document.querySelector('#network canvas');
  const ctx = canvas.getContext('2d');
  const img = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  let inked = 0;
  for (let i = 0; i < img.length; i += 4) {
    if (img[i + 3] > 0 && (img[i] < 235 || img[i + 1] < 235 || img[i + 2] < 235)) inked++;
  }
  return inked;
}"""
POSITIONS = "JSON.stringify(window.coalitionsMap.network.getPositions())"
FRAMES = """(n) => new Promise(resolve => {
  let left = n;
  const tick = () => { if (--left <= 0) resolve(true); else requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})"""


def settle(loaded: Loaded, frame=None) -> tuple[float, bool]:
    """Time until the map is drawn, and whether positions stayed put over 30 frames after."""
    frame = frame or loaded.frame
    took = loaded.wait_ready(frame)
    before = frame.evaluate(POSITIONS)
    frame.evaluate(FRAMES, 30)
    after = frame.evaluate(POSITIONS)
    return took, before == after


@pytest.mark.parametrize("kind", MAP_KINDS)
def test_map_page_requests_nothing_but_itself(open_page, maps, kind):
    path, _info = maps[kind]
    loaded = open_page(path)
    loaded.wait_ready()
    loaded.frame.evaluate(FRAMES, 5)
    assert loaded.requests, "the page itself should have been requested"
    assert loaded.external() == []


@pytest.mark.parametrize("kind", MAP_KINDS)
def test_map_page_logs_no_console_error(open_page, maps, kind):
    path, _info = maps[kind]
    loaded = open_page(path)
    loaded.wait_ready()
    loaded.frame.evaluate(FRAMES, 5)
    assert loaded.errors == []


@pytest.mark.parametrize("kind", MAP_KINDS)
def test_map_draws_every_node_it_reports(open_page, maps, kind):
    path, info = maps[kind]
    loaded = open_page(path)
    loaded.wait_ready()
    assert loaded.frame.evaluate(COUNT_NODES) == info.n_nodes > 0
    assert loaded.frame.evaluate("window.coalitionsMap.edges.length") == info.n_edges
    # Ink on the canvas: well above what an empty canvas (0) or a lone dot would leave.
    assert loaded.frame.evaluate(INKED_PIXELS) > 2000


@pytest.mark.parametrize("kind", MAP_KINDS)
def test_map_shows_a_legend_of_shapes_colours_and_size(open_page, maps, kind):
    path, _info = maps[kind]
    loaded = open_page(path)
    legend = loaded.page.locator("#legend")
    assert legend.is_visible()
    text = legend.inner_text()
    for words in ("organisation", "person", "coalition", "declared pivot", "area ∝"):
        assert words in text
    assert loaded.page.locator("#legend .swatch").count() >= 2


@pytest.mark.parametrize("kind", MAP_KINDS)
def test_map_stops_moving_within_ten_seconds(open_page, maps, kind):
    path, _info = maps[kind]
    loaded = open_page(path)
    took, still = settle(loaded)
    print(f"{kind} map drawn and still after {took:.2f} s")
    assert took < SETTLE_LIMIT_S
    assert still


def test_region_map_of_the_sample_settles_within_ten_seconds_from_navigation(browser, maps):
    path, info = maps["region"]
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        start = time.monotonic()
        page.goto(path.as_uri())
        page.wait_for_selector(READY, state="attached",
                               timeout=SETTLE_LIMIT_S * 1000)
        before = page.evaluate(POSITIONS)
        page.evaluate(FRAMES, 30)
        took = time.monotonic() - start
        assert page.evaluate(POSITIONS) == before
        print(f"region map: {info.n_nodes} nodes, settled {took:.2f} s after navigation")
        assert took < SETTLE_LIMIT_S
        assert info.n_nodes > 600  # the sample's ~600 actors and 51 coalitions, not a subset
    finally:
        page.close()


def _hover_and_click(loaded: Loaded, node_id: str) -> None:
    frame = loaded.frame
    point = frame.evaluate("""(id) => {
      const net = window.coalitionsMap.network;
      net.focus(id, {scale: 1.5});
      const dom = net.canvasToDOM(net.getPositions([id])[id]);
      const box = document.querySelector('#network').getBoundingClientRect();
      return {x: box.left + dom.x, y: box.top + dom.y};
    }""", node_id)
    loaded.page.mouse.move(point["x"] - 30, point["y"] - 30)
    loaded.page.mouse.move(point["x"], point["y"], steps=5)
    loaded.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    loaded.page.mouse.click(point["x"], point["y"])


def test_hostile_actor_name_is_shown_as_text_and_never_runs(open_page, maps):
    path, _info = maps["city"]
    loaded = open_page(path)
    loaded.wait_ready()
    _hover_and_click(loaded, "a:a2")
    tooltip = loaded.page.locator("div.vis-tooltip").inner_text()
    assert HOSTILE in tooltip
    assert HOSTILE in loaded.page.locator("#details").inner_text()
    loaded.page.fill("#search", "onerror")
    hit = loaded.page.locator(".search-hit").first
    assert hit.inner_text() == HOSTILE
    hit.click()
    assert loaded.page.locator("h1").inner_text() == HOSTILE_CITY
    assert loaded.page.title() == HOSTILE_CITY
    assert loaded.pwned() is None
    assert loaded.errors == []


def test_hostile_coalition_name_theme_and_sector_are_inert(open_page, maps):
    path, _info = maps["two-cities"]
    loaded = open_page(path)
    loaded.wait_ready()
    _hover_and_click(loaded, "c:c2")
    details = loaded.page.locator("#details").inner_text()
    assert HOSTILE + " coalition" in details
    assert HOSTILE in details.split("themes:")[1]
    _hover_and_click(loaded, "a:a9")
    assert HOSTILE_SECTOR in loaded.page.locator("#details").inner_text()
    assert HOSTILE_SECTOR in loaded.page.locator("#filter-sector").inner_text()
    # Unticking the hostile sector's filter hides exactly its one actor.
    loaded.page.locator("#filter-sector label", has_text=HOSTILE_SECTOR).locator(
        "input").uncheck()
    hidden = loaded.frame.evaluate(
        "window.coalitionsMap.nodes.get({filter: n => n.hidden}).map(n => n.id)")
    assert hidden == ["a:a9"]
    assert loaded.pwned() is None
    assert loaded.errors == []


def test_sector_and_kind_filters_hide_nodes_in_the_browser(open_page, maps):
    path, _info = maps["region"]
    loaded = open_page(path)
    loaded.wait_ready()
    visible = "window.coalitionsMap.nodes.get({filter: n => !n.hidden}).length"
    total = loaded.frame.evaluate(COUNT_NODES)
    assert loaded.frame.evaluate(visible) == total
    loaded.page.locator('#filter-kind input[value="coalition"]').uncheck()
    assert loaded.frame.evaluate(visible) == total - 51
    loaded.page.locator('#filter-kind input[value="coalition"]').check()
    loaded.page.locator('#filter-sector input[value="nonprofit"]').uncheck()
    nonprofit = int(loaded.page.locator('#filter-sector label', has_text="nonprofit")
                    .locator(".muted").inner_text().strip("()"))
    assert loaded.frame.evaluate(visible) == total - nonprofit


def test_reduced_map_says_what_was_left_out_and_how_to_see_it(open_page, maps):
    path, info = maps["reduced"]
    loaded = open_page(path)
    loaded.wait_ready()
    assert info.reduced and info.n_nodes <= 120
    note = loaded.page.locator("#map-note")
    assert note.is_visible()
    text = note.inner_text()
    assert "Reduced view" in text and "left out" in text
    assert "--max-nodes" in text and "--city" in text
    assert loaded.frame.evaluate(COUNT_NODES) == info.n_nodes


# the timeline map (map --timeline) -------------------------------------------------------


@pytest.fixture(scope="session")
def timeline(tmp_path_factory, sample):
    """The sample's two waves (the folder and its wave2 folder, as the demo loads them)."""
    from coalitions.loaders import load_inputs
    from coalitions.viz.timeline import render_timeline
    from tests.conftest import SAMPLE

    wave2 = load_inputs([SAMPLE / "wave2"]).data
    return render_timeline([("1", sample), ("2", wave2)],
                           tmp_path_factory.mktemp("timeline") / "timeline.html",
                           title="The sample's two waves")


def _csv_node_ids(folder: Path) -> set[str]:
    import pandas as pd

    read = lambda name: pd.read_csv(folder / f"{name}.csv", dtype=str)  # noqa: E731
    return {"a:" + i for i in read("actors")["id"]} | {"c:" + i for i in read("coalitions")["id"]}


def test_timeline_map_switches_waves_by_keyboard_and_shows_each_waves_nodes(
        open_page, timeline, tmp_path):
    from tests.conftest import SAMPLE

    one, two = _csv_node_ids(SAMPLE), _csv_node_ids(SAMPLE / "wave2")
    loaded = open_page(timeline.path)
    loaded.wait_ready()
    frame = loaded.frame
    visible = "window.coalitionsMap.nodes.get({filter: n => !n.hidden}).length"
    faded = ("window.coalitionsMap.nodes.get({filter: n => !n.hidden && n.color.background "
             "=== '#E9ECEF'}).map(n => n.id)")
    haloed = ("window.coalitionsMap.nodes.get({filter: n => !n.hidden && n.shadow && "
              "n.shadow.enabled}).map(n => n.id)")
    radio = 'input[name="wave"]'

    def check(ids_now: set[str], ids_before: set[str], wave: str) -> None:
        assert loaded.page.locator(f'{radio}[value="{int(wave) - 1}"]').is_checked()
        left, new = ids_before - ids_now, ids_now - ids_before if ids_before else set()
        assert frame.evaluate(visible) == len(ids_now) + len(left)
        assert set(frame.evaluate(faded)) == left
        assert set(frame.evaluate(haloed)) == new
        assert loaded.page.locator("#wave-caption").inner_text().startswith(f"Wave {wave}")
        assert loaded.page.locator("#shown-count").inner_text().startswith(
            f"{len(ids_now)} of the {len(ids_now)} nodes")

    # The latest wave first; the stopped coalition faded, the new ones haloed.
    check(two, one, "2")
    assert (len(one - two), len(two - one)) == (1, 3)  # (so the checks above can fail)
    loaded.page.focus(f"{radio}:checked")
    loaded.page.keyboard.press("ArrowLeft")
    check(one, set(), "1")
    # search finds only what the wave shown holds: a coalition founded in wave 2 is not
    # found in wave 1, and is in wave 2
    import pandas as pd

    founded = pd.read_csv(SAMPLE / "wave2" / "coalitions.csv", dtype=str)
    name = founded.set_index("id").loc[sorted(i[2:] for i in two - one
                                              if i.startswith("c:"))[0], "Naam"]
    hits = "#search-results button.search-hit"
    loaded.page.fill("#search", name)
    assert name not in loaded.page.locator(hits).all_inner_texts()
    loaded.page.fill("#search", "")
    loaded.page.focus(f"{radio}:checked")
    loaded.page.keyboard.press("ArrowRight")
    check(two, one, "2")
    loaded.page.fill("#search", name)
    assert name in loaded.page.locator(hits).all_inner_texts()
    loaded.page.fill("#search", "")
    loaded.page.screenshot(path=str(tmp_path / "timeline.png"))
    assert loaded.external() == []
    assert loaded.errors == []


# reports and index ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def site(tmp_path_factory, sample) -> dict[str, Path]:
    from coalitions.viz.report import city_slug, render_index, render_report

    out = tmp_path_factory.mktemp("site")
    data = small_graph()
    inputs = [("hostile.xlsx", "ab" * 32)]
    pages = {
        "hostile": render_report(data, "Aalst", out / "report-aalst.html", inputs=inputs,
                                 params={"city": HOSTILE_CITY}),
        "sample": render_report(sample, "Gent", out / f"report-{city_slug('Gent')}.html",
                                inputs=[("sample/actors.csv", "cd" * 32)],
                                params={"command": "report", "city": "Gent"}),
    }
    render_map(data, out / "map-aalst.html", title="Aalst")
    pages["index"] = render_index(out, ["Aalst", "Gent", HOSTILE_CITY])
    return pages


def _map_frame(loaded: Loaded):
    frames = [f for f in loaded.page.frames if f is not loaded.page.main_frame]
    assert len(frames) == 1, "the report embeds exactly one map"
    # Chromium pauses animation frames in cross-origin iframes outside the viewport (the
    # sandboxed map is one): bring it into view as a reader scrolling to it would.
    loaded.page.locator("iframe.map").scroll_into_view_if_needed()
    return frames[0]


@pytest.mark.parametrize("which", ["hostile", "sample"])
def test_report_is_self_contained_and_error_free(open_page, site, which):
    loaded = open_page(site[which])
    frame = _map_frame(loaded)
    took, still = settle(loaded, frame)
    assert took < SETTLE_LIMIT_S and still
    assert frame.evaluate(COUNT_NODES) > 5
    assert frame.evaluate(INKED_PIXELS) > 2000
    # Both figures are inline images that decoded to a real size.
    sizes = loaded.page.evaluate(
        "[...document.querySelectorAll('#figures img')].map(i => [i.src.slice(0, 5), "
        "i.naturalWidth])")
    assert len(sizes) == 2 and all(s == "data:" and w > 100 for s, w in sizes)
    assert loaded.external() == []
    assert loaded.errors == []


def test_report_shows_profile_and_provenance(open_page, site):
    loaded = open_page(site["sample"])
    profile = loaded.page.locator("#profile").inner_text()
    assert "coalitions with city government taking part" in profile
    footer = loaded.page.locator("#provenance").inner_text()
    assert "cd" * 32 in footer and "sample/actors.csv" in footer
    for library in ("python", "igraph", "networkx", "pandas", "pyvis", "ladybug", "neo4j"):
        assert library in footer
    assert loaded.page.locator("#map h2").inner_text() == "Network map"


def test_hostile_names_in_a_report_are_text(open_page, site):
    loaded = open_page(site["hostile"])
    frame = _map_frame(loaded)
    loaded.wait_ready(frame)
    assert HOSTILE in loaded.page.locator("#coalitions").inner_text()
    assert HOSTILE_CITY in loaded.page.locator("#provenance").inner_text()
    # Hover and click the hostile actor inside the embedded map.
    box = loaded.page.locator("iframe.map").bounding_box()
    point = frame.evaluate("""(id) => {
      const net = window.coalitionsMap.network;
      net.focus(id, {scale: 1.5});
      const dom = net.canvasToDOM(net.getPositions([id])[id]);
      const r = document.querySelector('#network').getBoundingClientRect();
      return {x: r.left + dom.x, y: r.top + dom.y};
    }""", "a:a2")
    x, y = box["x"] + point["x"], box["y"] + point["y"]
    loaded.page.mouse.move(x - 30, y - 30)
    loaded.page.mouse.move(x, y, steps=5)
    frame.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    loaded.page.mouse.click(x, y)
    assert HOSTILE in frame.locator("#details").inner_text()
    assert loaded.pwned() is None and loaded.pwned(frame) is None
    assert loaded.errors == []


def test_index_links_every_written_page_and_nothing_else(open_page, site):
    loaded = open_page(site["index"])
    hrefs = loaded.page.evaluate("[...document.querySelectorAll('a')].map(a => a.href)")
    names = sorted(h.rsplit("/", 1)[1] for h in hrefs)
    assert names == ["map-aalst.html", "report-aalst.html", "report-gent.html"]
    assert all((site["index"].parent / n).exists() for n in names)
    assert HOSTILE_CITY in loaded.page.locator("#cities").inner_text()
    loaded.page.locator("a", has_text="report").first.click()
    loaded.page.wait_for_load_state()
    assert loaded.page.url.endswith("report-aalst.html")
    assert loaded.pwned() is None
    assert loaded.external() == []
    assert loaded.errors == []


# --- the pages in Dutch (coalitions.i18n) ----------------------------------------------

@pytest.fixture(scope="module")
def dutch_pages(tmp_path_factory, sample):
    from coalitions.viz.report import render_report

    out = tmp_path_factory.mktemp("nl")
    gent = Scope(city="Gent").apply(sample)
    map_info = render_map(gent, out / "map-gent.html", title="Coalities in Gent", lang="nl")
    report = render_report(sample, "Gent", out / "report-gent.html", lang="nl")
    return {"map": map_info.path, "report": report, "data": gent}


def test_dutch_map_filters_search_and_legend_speak_dutch(open_page, dutch_pages):
    loaded = open_page(dutch_pages["map"])
    loaded.wait_ready()
    page = loaded.page
    assert page.evaluate("document.documentElement.lang") == "nl"
    actors = dutch_pages["data"].actors
    persons = int((actors["kind"] == "person").sum())
    total = len(actors) + len(dutch_pages["data"].coalitions)
    # Unchecking "personen" hides every person: the count line is map.js's, in Dutch.
    page.locator("label.check", has_text="personen").locator("input").uncheck()
    assert page.inner_text("#shown-count") == f"{total - persons} van {total} knopen getoond"
    page.fill("#search", "zzzz-no-such-name")
    assert page.inner_text("#search-results") == "Geen knoop gevonden."
    assert page.text_content("#legend h2 >> nth=0") == "Legende"
    shot = Path(dutch_pages["map"]).with_suffix(".png")
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000  # a drawn page, not a blank one
    assert not loaded.errors


def test_dutch_report_shows_dutch_headings_and_a_dutch_map(open_page, dutch_pages):
    loaded = open_page(dutch_pages["report"])
    page = loaded.page
    assert page.evaluate("document.documentElement.lang") == "nl"
    headings = page.locator("main h2").all_inner_texts()
    assert headings[:4] == ["Profiel", "Coalities", "Wat het onderzoek over elke coalitie vastlegt",
                            "Netwerkkaart"]
    frame = page.frame_locator("iframe.map")
    assert frame.locator("#search").get_attribute("placeholder") == (
        "Naam van een actor of coalitie")
    shot = Path(dutch_pages["report"]).with_suffix(".png")
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    assert not loaded.errors
