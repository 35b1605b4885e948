"""The Dutch map and report as a browser shows them (headless Chromium, see test_browser)."""

from __future__ import annotations

from pathlib import Path

import pytest

from coalitions.graph.scope import Scope
from coalitions.viz.maps import render_map
from coalitions.viz.report import render_report
from tests.viz.test_browser import browser, open_page, sample  # noqa: F401 - fixtures


@pytest.fixture(scope="module")
def dutch_pages(tmp_path_factory, sample):  # noqa: F811
    out = tmp_path_factory.mktemp("nl")
    gent = Scope(city="Gent").apply(sample)
    map_info = render_map(gent, out / "map-gent.html", title="Coalities in Gent", lang="nl")
    report = render_report(sample, "Gent", out / "report-gent.html", lang="nl")
    return {"map": map_info.path, "report": report, "data": gent}


def test_dutch_map_filters_and_details_speak_dutch(open_page, dutch_pages):  # noqa: F811
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


def test_dutch_report_shows_dutch_headings_and_a_dutch_map(open_page, dutch_pages):  # noqa: F811
    loaded = open_page(dutch_pages["report"])
    page = loaded.page
    assert page.evaluate("document.documentElement.lang") == "nl"
    headings = page.locator("main h2").all_inner_texts()
    assert headings[:3] == ["Profiel", "Coalities", "Netwerkkaart"]
    frame = page.frame_locator("iframe.map")
    assert frame.locator("#search").get_attribute("placeholder") == (
        "Naam van een actor of coalitie")
    shot = Path(dutch_pages["report"]).with_suffix(".png")
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    assert not loaded.errors
