"""Static network figures (SVG, PNG, PDF) for papers: the five cases of the study, label
boxes that never overlap, the map's colours, pseudonyms, and the command line."""

from __future__ import annotations

import itertools
import re
import struct

import pytest
from typer.testing import CliRunner

from coalitions.api import SAMPLE
from coalitions.cli import app
from coalitions.graph.scope import Scope
from coalitions.loaders import load_inputs
from coalitions.viz.maps import SECTOR_COLOURS
from coalitions.viz.static import network_figure, write_network_figure

runner = CliRunner()

# The study's five case studies, as ids in the bundled sample.
CASES = ["sint-niklaas-solied", "turnhout-de-koep", "gent-energent",
         "antwerpen-duurzame-haven", "brussel-egeb"]


@pytest.fixture(scope="module")
def sample():
    return load_inputs([SAMPLE]).data


def _disjoint(a, b) -> bool:
    # Written out here rather than imported: the test checks the module's own geometry.
    return a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


@pytest.mark.parametrize("case", CASES)
def test_each_case_gives_a_pdf_and_png_whose_labels_do_not_overlap(sample, case, tmp_path):
    part = Scope(coalition=case).apply(sample)
    drawn = network_figure(part, title=case)
    boxes = [box for _text, box in drawn.labels]
    assert boxes, "no label placed"
    for a, b in itertools.combinations(boxes, 2):
        assert _disjoint(a, b), (a, b)
    # The coalition itself is always labelled (it is what the figure is about).
    name = part.coalitions["name"].iloc[0]
    assert name in [t for t, _ in drawn.labels]
    png = write_network_figure(drawn, tmp_path / f"{case}.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (7 * 300, 6 * 300)  # 7 × 6 inches at 300 dpi
    pdf = write_network_figure(network_figure(part, title=case), tmp_path / f"{case}.pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_labels_avoid_each_other_on_the_largest_city(sample):
    drawn = network_figure(Scope(city="Antwerpen").apply(sample), title="Antwerpen",
                           label_top=30)
    boxes = [box for _text, box in drawn.labels]
    assert len(boxes) >= 10
    assert all(_disjoint(a, b) for a, b in itertools.combinations(boxes, 2))
    # What could not be placed is listed, not drawn over another label.
    assert drawn.unlabelled
    assert not set(drawn.unlabelled) & {t for t, _ in drawn.labels}


def test_svg_uses_the_maps_sector_colours_and_keeps_text_as_text(sample, tmp_path):
    part = Scope(city="Gent").apply(sample)
    drawn = network_figure(part, title="Gent")
    svg = write_network_figure(drawn, tmp_path / "gent.svg").read_text(encoding="utf-8")
    colours = {c.upper() for c in re.findall(r"fill:\s*(#[0-9a-fA-F]{6})", svg)}
    present = {SECTOR_COLOURS[s].upper() for s in part.actors["sector"].dropna().unique()}
    assert present <= colours
    for text, _box in drawn.labels:
        assert text.replace("&", "&amp;").replace("'", "&#x27;") in svg or text in svg


def test_pseudonymised_figure_holds_no_person_name(sample, tmp_path):
    part = Scope(city="Gent").apply(sample)
    svg = write_network_figure(network_figure(part, title="Gent", pseudonymise=True,
                                              label_top=200),
                               tmp_path / "p.svg").read_text(encoding="utf-8")
    persons = part.actors[part.actors["kind"] == "person"]["name"]
    assert len(persons) > 5
    assert not [n for n in persons if n in svg]


def test_map_command_writes_a_figure_by_suffix_and_refuses_unknown_ones(tmp_path):
    store = ["--store", str(tmp_path / "s.db")]
    assert runner.invoke(app, [*store, "load", str(SAMPLE)]).exit_code == 0
    for suffix, magic in ((".png", b"\x89PNG"), (".pdf", b"%PDF"), (".svg", b"<?xml")):
        out = tmp_path / f"gent{suffix}"
        result = runner.invoke(app, [*store, "map", "--city", "Gent", "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert out.read_bytes().startswith(magic)
        assert "labels" in result.stderr
    bad = runner.invoke(app, [*store, "map", "--city", "Gent", "--out", str(tmp_path / "g.jpg")])
    assert bad.exit_code == 1
    assert "Cannot write a map as .jpg." in bad.stderr
    assert not (tmp_path / "g.jpg").exists()


def test_report_as_pdf_holds_the_tables_of_the_html_report(sample, tmp_path):
    from pypdf import PdfReader

    from coalitions.analysis.pivots import coalition_pivots
    from coalitions.viz.report_pdf import render_report_pdf

    path = render_report_pdf(sample, "gent", tmp_path / "gent.pdf",
                             inputs=[("in.csv", "a" * 64)], params={"seed": 7})
    pages = PdfReader(path).pages
    text = "\n".join(p.extract_text() for p in pages)
    assert len(pages) >= 8
    for heading in ("Coalitions in Gent", "Pivots", "Brokers", "Central actors",
                    "Definitions and provenance"):
        assert heading in text
    # every structural pivot the analysis names is in the PDF (from the same facts)
    gent = Scope(city="Gent").apply(sample)
    for names in coalition_pivots(gent)["structural_pivot_names"]:
        for name in names:
            assert name in text
    assert "a" * 64 in text.replace("\n", "")  # the input's checksum, in the provenance


def test_report_command_writes_pdf_and_refuses_other_suffixes(tmp_path):
    store = ["--store", str(tmp_path / "s.db")]
    assert runner.invoke(app, [*store, "load", str(SAMPLE)]).exit_code == 0
    ok = runner.invoke(app, [*store, "report", "--city", "Aalst", "--out",
                             str(tmp_path / "aalst.pdf")])
    assert ok.exit_code == 0, ok.output
    assert (tmp_path / "aalst.pdf").read_bytes().startswith(b"%PDF-")
    bad = runner.invoke(app, [*store, "report", "--city", "Aalst", "--out",
                              str(tmp_path / "aalst.png")])
    assert bad.exit_code == 1
    assert "Cannot write a report as .png." in bad.stderr


def test_city_profiles_figure_draws_every_city_and_marks_undefined_values(sample):
    import math

    from coalitions.analysis.cities import city_profiles
    from coalitions.viz.static import PROFILE_PANELS, city_profiles_figure

    profiles = city_profiles(sample)
    drawn = city_profiles_figure(profiles)
    axes = drawn.figure.axes
    assert len(axes) == len(PROFILE_PANELS)
    for ax, col in zip(axes, PROFILE_PANELS, strict=True):
        widths = sorted(round(p.get_width(), 9) for p in ax.patches)
        values = [v for v in profiles[col].astype(float)]
        assert widths == sorted(round(0.0 if math.isnan(v) else v, 9) for v in values)
        assert sum(t.get_text().strip() == "n/a" for t in ax.texts) == sum(
            math.isnan(v) for v in values)


def test_ego_network_holds_the_actors_coalitions_and_their_members(sample, tmp_path):
    import pandas as pd

    from coalitions.viz.static import ego_network_figure

    m = pd.read_csv(SAMPLE / "memberships.csv")
    actors = pd.read_csv(SAMPLE / "actors.csv")
    ego = actors.loc[actors["name"] == "Jens Janssens", "id"].iloc[0]
    mine = set(m.loc[m["actor"] == ego, "coalition"])
    ties = pd.read_csv(SAMPLE / "ties.csv")
    tied = ties[(ties["source"] == ego) | (ties["target"] == ego)]
    members = set(m.loc[m["coalition"].isin(mine), "actor"]) | set(tied["source"]) | set(
        tied["target"])
    drawn = ego_network_figure(sample, "Jens Janssens")
    assert drawn.n_nodes == len(mine) + len(members)
    assert drawn.labels[0][0] == "Jens Janssens"  # the ego is labelled first
    assert write_network_figure(drawn, tmp_path / "ego.pdf").read_bytes()[:5] == b"%PDF-"
