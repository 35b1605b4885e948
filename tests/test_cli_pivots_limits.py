"""`pivots --exact-seconds S --budget-seconds S`: the researcher trades time for exactness.

Betweenness and closeness of the actor network are exact when predicted to take under
``--exact-seconds`` (default 60), else estimated within about ``--budget-seconds`` (default
60). The sample (623 actors) is exact by default; ``--exact-seconds 0`` forces the estimate,
``--budget-seconds 0`` stops it after its first batch of 32 sources, and a very large
``--exact-seconds`` computes exactly, which is checked against networkx's Brandes
betweenness of the same network built here from the memberships and ties (Brandes 2001,
https://doi.org/10.1080/0022250X.2001.9990249).
"""

from __future__ import annotations

import json
import math

import networkx as nx
import pytest
from typer.testing import CliRunner

from coalitions.api import Coalitions
from coalitions.cli import app
from coalitions.errors import UsageError
from tests.conftest import SAMPLE, json_rows

runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("limits") / "sample.db"
    with Coalitions.open(path) as db:
        db.load(SAMPLE)
    return str(path)


def _json(store: str, *args: str) -> dict:
    result = runner.invoke(app, ["--store", store, "pivots", *args, "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _betweenness_line(body: dict) -> str:
    """How betweenness was computed, as the output says it (the facts beside the rows)."""
    return body["metadata"]["facts"]["betweenness"]


def test_exact_seconds_zero_estimates_with_intervals_and_says_so(store):
    body = _json(store, "--exact-seconds", "0", "--top", "0")
    rows = body["rows"]
    assert {"betweenness_low", "betweenness_high"} <= set(rows[0])
    assert all(r["betweenness_low"] <= r["betweenness"] <= r["betweenness_high"] for r in rows)
    assert "estimate of the exact quantity" in _betweenness_line(body)
    default = _json(store, "--top", "1")
    assert "betweenness_low" not in default["rows"][0]  # by default the sample is exact
    assert "estimate" not in _betweenness_line(default)


def test_budget_seconds_zero_stops_the_estimate_after_its_first_batch(store):
    stopped = _betweenness_line(_json(store, "--exact-seconds", "0", "--budget-seconds", "0"))
    assert "32 of 623 source actors" in stopped
    assert "(time budget)" in stopped
    # With the default budget the same estimate goes on past the first batch.
    assert "32 of 623" not in _betweenness_line(_json(store, "--exact-seconds", "0"))


def test_a_large_exact_seconds_gives_networkx_exact_betweenness(store):
    rows = json_rows(runner.invoke(app, ["--store", store, "pivots", "--city", "Gent",
                                         "--exact-seconds", "1e9", "--top", "0", "-f",
                                         "json"]).stdout)
    with Coalitions.open(store, read_only=True) as db:
        data = db.graph(city="Gent")
    # The actor network, built independently: co-members and tied actors linked once.
    g = nx.Graph()
    g.add_nodes_from(data.actors["id"].astype(str))
    for _, members in data.memberships.groupby("coalition")["actor"]:
        ids = sorted(set(members.astype(str)))
        g.add_edges_from((a, b) for i, a in enumerate(ids) for b in ids[i + 1:])
    g.add_edges_from((str(s), str(t)) for s, t in zip(data.ties["source"], data.ties["target"],
                                                       strict=True)
                     if s != t and str(s) in g and str(t) in g)
    expected = nx.betweenness_centrality(g)
    assert len(rows) == g.number_of_nodes()
    assert max(expected.values()) > 0
    for r in rows:
        assert r["betweenness"] == pytest.approx(expected[r["id"]], abs=1e-12)


@pytest.mark.parametrize("args, named", [
    (["--exact-seconds", "-1"], "exact_seconds (--exact-seconds)"),
    (["--budget-seconds", "-5"], "budget_seconds (--budget-seconds)"),
    (["--exact-seconds", "nan"], "exact_seconds (--exact-seconds)"),
])
def test_a_negative_or_nan_limit_is_refused_with_a_clean_message(store, args, named):
    result = runner.invoke(app, ["--store", store, "pivots", *args])
    assert result.exit_code != 0
    assert named in result.output and "≥ 0" in result.output
    assert "Traceback" not in result.output


def test_the_limits_are_refused_with_two_mode_which_has_its_own_sample(store):
    result = runner.invoke(app, ["--store", store, "pivots", "--two-mode",
                                 "--exact-seconds", "0"])
    assert result.exit_code != 0
    assert "--exact-seconds and --budget-seconds apply to the actor network" in result.output


def test_per_coalition_pivots_follow_the_limits(store):
    with Coalitions.open(store, read_only=True) as db:
        est = db.pivots(per_coalition=True, city="Gent", exact_seconds=0, budget_seconds=0)
        exact = db.pivots(per_coalition=True, city="Gent")
    assert [m for m in est.attrs["betweenness_method"].values()] != []
    assert all("source actors" in m for m in est.attrs["betweenness_method"].values())
    assert all(m == "exact" for m in exact.attrs["betweenness_method"].values())


def test_the_api_takes_the_limits_as_the_command_does(store):
    result = runner.invoke(app, ["--store", store, "pivots", "--exact-seconds", "0",
                                 "--budget-seconds", "0", "--top", "15", "-f", "json"])
    with Coalitions.open(store, read_only=True) as db:
        frame = db.pivots(exact_seconds=0, budget_seconds=0, top=15)
        with pytest.raises(UsageError, match="budget_seconds"):
            db.pivots(budget_seconds=-1)
        with pytest.raises(UsageError, match="apply to the actor network"):
            db.pivots(two_mode=True, exact_seconds=math.inf)
    cli = json_rows(result.stdout)
    assert [r["id"] for r in cli] == frame["id"].tolist()
    assert [r["betweenness_high"] for r in cli] == pytest.approx(
        frame["betweenness_high"].tolist(), rel=1e-9)
