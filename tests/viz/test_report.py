"""City reports and the index page as files."""

from __future__ import annotations

import base64
import importlib.metadata

import pytest

from coalitions.errors import UsageError
from coalitions.viz.figures import centrality_histogram, sector_composition
from coalitions.viz.report import city_slug, provenance, render_index, render_report
from tests.viz.conftest import HOSTILE, HOSTILE_CITY, small_graph


def test_report_escapes_every_name_and_lists_its_inputs(tmp_path):
    out = render_report(small_graph(), "aalst", tmp_path / "r.html",
                        inputs=[("in.xlsx", "f" * 64)], params={"city": HOSTILE_CITY})
    text = out.read_text(encoding="utf-8")
    assert "<img src=x" not in text and "<b onmouseover" not in text
    assert "&lt;img src=x" in text  # the hostile coalition, shown as text in the table
    assert "f" * 64 in text and "in.xlsx" in text
    assert "<title>Coalitions in Aalst</title>" in text  # canonical spelling of the city
    assert 'sandbox="allow-scripts"' in text and "srcdoc=" in text


def test_report_of_unknown_city_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="No city named 'Atlantis'"):
        render_report(small_graph(), "Atlantis", tmp_path / "r.html")


def test_provenance_names_the_installed_versions():
    p = provenance([("a.csv", "0" * 64)], {"size_by": "betweenness"})
    versions = dict(p["versions"])
    assert versions["pandas"] == importlib.metadata.version("pandas")
    assert versions["networkx"] == importlib.metadata.version("networkx")
    assert versions["vis-network"] == "9.1.2"
    assert p["inputs"] == [("a.csv", "0" * 64)]
    assert p["params"] == [("size_by", "betweenness")]
    assert p["seed"] is None and p["wave"] is None  # not given, not shown


def test_the_report_footer_shows_the_seed_and_the_wave_when_given(tmp_path):
    params = {"command": "report", "seed": 7, "wave": "2024 <b>"}
    text = render_report(small_graph(), "aalst", tmp_path / "r.html",
                         params=params).read_text(encoding="utf-8")
    footer = text[text.index('<footer id="provenance">'):]
    assert "Random seed: 7." in footer
    assert "Wave: 2024 &lt;b&gt;." in footer  # escaped like every value from the data
    plain = render_report(small_graph(), "aalst", tmp_path / "s.html").read_text(encoding="utf-8")
    assert "Random seed" not in plain and "Wave:" not in plain


def test_the_report_says_when_its_waves_files_were_not_recorded(tmp_path):
    """A wave without recorded inputs is said to be so, not left blank; given inputs are
    listed instead; a page of no wave (the index) says nothing about files."""
    params = {"command": "report", "wave": "1"}
    unrecorded = render_report(small_graph(), "aalst", tmp_path / "u.html",
                               params=params).read_text(encoding="utf-8")
    assert "Input files: not recorded in the store for this wave." in unrecorded
    recorded = render_report(small_graph(), "aalst", tmp_path / "r.html", params=params,
                             inputs=[("actors.csv", "ab" * 32)]).read_text(encoding="utf-8")
    assert "not recorded" not in recorded and "ab" * 32 in recorded
    plain = render_report(small_graph(), "aalst", tmp_path / "p.html").read_text("utf-8")
    assert "Input files" not in plain


def test_figures_are_svg_data_uris_with_text_as_paths():
    data = small_graph()
    import pandas as pd

    measures = pd.DataFrame({"id": data.actors["id"], "betweenness": range(len(data.actors))})
    for uri in (sector_composition(data), centrality_histogram(measures)):
        assert uri.startswith("data:image/svg+xml;base64,")
        svg = base64.b64decode(uri.split(",", 1)[1]).decode("utf-8")
        assert "<svg" in svg and "<text" not in svg  # names drawn as paths, not markup
        assert "onerror" not in svg


def test_index_links_only_pages_that_exist(tmp_path):
    (tmp_path / f"report-{city_slug('Sint-Niklaas')}.html").write_text("x")
    (tmp_path / "map-region.html").write_text("x")
    text = render_index(tmp_path, ["Sint-Niklaas", "Gent"]).read_text(encoding="utf-8")
    assert 'href="report-sint-niklaas.html"' in text
    assert 'href="map-region.html"' in text
    assert "report-gent.html" not in text and "map-sint-niklaas.html" not in text
    assert city_slug("Brussel / Bruxelles") == "brussel-bruxelles"
    assert HOSTILE not in text


def test_report_glossary_defines_every_measure_its_tables_show(tmp_path):
    import html
    import re

    from coalitions.analysis.definitions import DEFINITIONS

    text = render_report(small_graph(), "aalst", tmp_path / "r.html",
                         size_by="eigenvector").read_text(encoding="utf-8")
    glossary = text[text.index('<section id="definitions">'):]
    keys = re.findall(r'<dt id="def-([a-z_]+)"', glossary)
    # The "central actors" table shows coalitions, degree and the size measure at least.
    assert {"coalitions", "degree", "eigenvector"} <= set(keys)
    assert len(keys) == len(set(keys))
    for key in keys:  # the same words as `coalitions explain`
        assert DEFINITIONS[key].en in html.unescape(glossary)


def test_histogram_of_scores_equal_up_to_rounding_is_drawn():
    import pandas as pd

    # eigenvector scores of a symmetric graph differ in the 17th digit; numpy cannot bin
    # a range of 1e-17 and the report used to fail on it.
    uri = centrality_histogram(pd.DataFrame({"eigenvector": [0.5, 0.5 + 1e-17, 0.5]}),
                               "eigenvector")
    assert uri.startswith("data:image/svg+xml")
# --- the report's sentences agree with its own tables (bundled sample) ---------------------

@pytest.fixture(scope="module")
def sample():
    from coalitions.loaders import load_inputs
    from tests.conftest import SAMPLE

    return load_inputs([SAMPLE]).data


@pytest.mark.parametrize("city", ["Gent", "Brussel", "Mechelen", "Roeselare"])
def test_report_sentences_agree_with_its_tables(sample, city):
    import re

    from coalitions.analysis.cities import city_profiles
    from coalitions.graph.scope import Scope
    from coalitions.viz.report import _clusters, _pivots, _profile

    part = Scope(city=city).apply(sample)
    profile = dict(_profile(part))
    composition = _clusters(part, "actors")
    group = composition["columns"].index("group")
    count = composition["columns"].index("count")
    with_gov = sum(int(r[count]) for r in composition["rows"] if r[group] == "with city government")
    n = len(part.coalitions)
    assert profile["coalitions with city government taking part"].startswith(f"{with_gov} of {n}")
    assert city_profiles(part).at[0, "n_with_government"] == with_gov

    n_actors = len(part.actors)  # the city's scope: members of its coalitions
    density_label = next(k for k in profile if k.startswith("density"))
    assert f"on {n_actors} actors and " in density_label

    pivots = _pivots(part)
    for row in pivots.itertuples(index=False):
        names, text = row.structural_pivot_names, row.structural_explanation
        if not names:
            assert "highest betweenness 0" in text and row.mismatch is None
            continue
        assert f"betweenness {row.structural_betweenness:.3f}" in text
        assert text.startswith(f"{len(names)} members tied") == (len(names) > 1)
        if len(names) > 1:  # every tied member named in the sentence, no "only link" claim
            assert all(name in text for name in names)
            assert "only link" not in text
        ranks = {int(r) for r in re.findall(r"rank (\d+) of", text)}
        sizes = {int(s) for s in re.findall(r"of (\d+) actors", text)}
        assert len(ranks) == 1 and sizes == {n_actors}
        # a mismatch only when every declared pivot ranks strictly lower
        if row.declared_pivot_names:
            assert row.mismatch == (row.declared_betweenness < row.structural_betweenness - 1e-12)


# --- the fields of the study over time (tests/data/five_cases) ------------------------------

def test_report_shows_each_coalitions_recorded_fields_escaped(tmp_path):
    import csv
    from pathlib import Path

    from markupsafe import escape

    from coalitions.loaders import load_inputs

    five = Path(__file__).resolve().parents[1] / "data" / "five_cases"
    data = load_inputs([five]).data
    # A hostile text in a qualitative field is shown as text, never run.
    data.coalitions.loc[data.coalitions["name"] == "Solied", "evaluation"] = HOSTILE
    text = render_report(data, "Sint-Niklaas", tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<img src=x" not in text and str(escape(HOSTILE)) in text
    with open(five / "coalities.csv", encoding="utf-8", newline="") as f:
        cells = [r for r in csv.DictReader(f) if r["Stad"] == "Sint-Niklaas"]
    section = text[text.index('id="qualitative"'):text.index('id="map"')]
    for cell in cells:
        for column in ("tussenruimte", "autonomie", "afhankelijkheid"):
            if cell[column]:
                assert str(escape(cell[column])) in section, column
    assert "Gestopt na het einde van de projectsubsidie." in section  # Klimopjegevel
    table = text[text.index('id="coalitions"'):text.index('id="qualitative"')]
    # Klimopjegevel: einde 2016, status gestopt, rol public_space;sensitising,
    # relatie complementary in 2011 (coalities.csv)
    assert "<td>2016</td><td>stopped</td><td>public_space, sensitising</td>" in table
    assert "<td>complementary (2011)</td>" in table
