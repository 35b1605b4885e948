"""The map, the static figure and the report take the time limits of betweenness and closeness
(``exact_seconds``, ``budget_seconds``) and pass them to ``actor_measures``.

Only an estimate has interval columns (``betweenness_low`` …), so sizing by one of them works
exactly when the limits reached the measures; a negative limit is refused by the measures
themselves, so its refusal here proves it reached them too.
"""

from __future__ import annotations

import pytest

from coalitions.errors import UsageError
from coalitions.viz.maps import render_map
from coalitions.viz.report import render_report
from coalitions.viz.static import network_figure
from tests.viz.conftest import small_graph


def test_a_map_sized_by_an_interval_bound_needs_the_estimate(tmp_path):
    out = tmp_path / "m.html"
    info = render_map(small_graph(), out, title="t", size_by="betweenness_low",
                      exact_seconds=0, budget_seconds=0)
    assert info.n_nodes > 0 and out.exists()
    with pytest.raises(UsageError, match="betweenness_low"):  # exact: no intervals
        render_map(small_graph(), tmp_path / "n.html", title="t", size_by="betweenness_low")


def test_the_static_figure_takes_the_limits(tmp_path):
    drawn = network_figure(small_graph(), title="t", size_by="betweenness_high",
                           exact_seconds=0)
    assert drawn.n_nodes > 0
    with pytest.raises(UsageError, match="budget_seconds"):
        network_figure(small_graph(), title="t", budget_seconds=-1)


def test_the_report_takes_the_limits_for_its_map_and_pivots(tmp_path):
    out = render_report(small_graph(), "aalst", tmp_path / "r.html",
                        size_by="betweenness_high", exact_seconds=0, budget_seconds=0)
    assert "betweenness_high" in out.read_text(encoding="utf-8")
    with pytest.raises(UsageError, match="exact_seconds"):
        render_report(small_graph(), "aalst", tmp_path / "s.html", exact_seconds=-1)
