"""The synthetic generator of benchmarks/: deterministic, well-formed, shaped as promised.

Correctness at small scale only; timings belong to benchmarks/run.py, not to unit tests.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from benchmarks.generate import SCALES, Scale, generate, graph_data, write_csv
from coalitions.loaders import load_inputs

SMALL = Scale("small", cities=6, coalitions=300, actors=1_500, memberships=7_500, ties=400)


@pytest.fixture(scope="module")
def small():
    return generate(SMALL, seed=7)


def test_same_seed_gives_same_tables_and_another_seed_does_not():
    a, b, c = generate(SMALL, seed=3), generate(SMALL, seed=3), generate(SMALL, seed=4)
    for name in ("coalitions", "actors", "memberships", "ties"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))
    assert not a.memberships.equals(c.memberships)


@pytest.mark.parametrize("scale", [SMALL, SCALES["sample"]], ids=["small", "sample"])
def test_tables_have_the_sizes_the_scale_asks_for(scale):
    syn = generate(scale)
    assert len(syn.coalitions) == scale.coalitions
    assert len(syn.actors) == scale.actors
    assert len(syn.memberships) == scale.memberships
    assert len(syn.ties) == scale.ties
    assert syn.coalitions["Stad"].nunique() == scale.cities


def test_sample_scale_matches_the_bundled_sample_counts():
    # Counted from coalitions/data/sample/*.csv (rows below the header).
    from pathlib import Path

    import coalitions

    folder = Path(coalitions.__file__).parent / "data" / "sample"
    counts = {n: len(pd.read_csv(folder / f"{n}.csv"))
              for n in ("coalitions", "actors", "memberships", "ties")}
    s = SCALES["sample"]
    assert counts == {"coalitions": s.coalitions, "actors": s.actors,
                      "memberships": s.memberships, "ties": s.ties}


def test_memberships_and_ties_are_unique_and_reference_known_ids(small):
    m, t = small.memberships, small.ties
    assert not m.duplicated(["actor", "coalition"]).any()
    assert not t.duplicated(["source", "target", "type"]).any()
    assert (t["source"] != t["target"]).all()
    actors = set(small.actors["id"])
    assert set(m["actor"]) <= actors
    assert set(m["coalition"]) <= set(small.coalitions["id"])
    assert set(t["source"]) | set(t["target"]) <= actors
    orgs = set(small.actors.loc[small.actors["kind"] == "organisation", "id"])
    assert set(small.actors["organisation"].dropna()) <= orgs


def test_every_actor_sits_in_a_coalition_and_activity_is_heavy_tailed(small):
    per_actor = small.memberships.groupby("actor").size()
    assert len(per_actor) == len(small.actors)
    assert per_actor.median() <= 4
    # A heavy tail: the most active actor sits in many times the median's coalitions.
    assert per_actor.max() >= 8 * per_actor.median()


def test_officials_and_politicians_span_coalitions_of_their_city(small):
    a = small.actors.set_index("id")
    m = small.memberships.join(a[["function", "city"]], on="actor")
    m = m.join(small.coalitions.set_index("id")["Stad"], on="coalition")
    gov = m[m["function"].isin(["official", "politician"])]
    per_gov = gov.groupby("actor").size()
    per_all = m.groupby("actor").size()
    assert per_gov.mean() > 2 * per_all.mean()
    assert (gov["city"] == gov["Stad"]).all()
    assert (a.loc[per_gov.index, "sector"] == "city_government").all()


def test_only_the_few_actors_without_a_city_cross_cities(small):
    a = small.actors.set_index("id")
    m = small.memberships.join(a["city"], on="actor")
    m = m.join(small.coalitions.set_index("id")["Stad"], on="coalition")
    local = m[m["city"].notna()]
    assert (local["city"] == local["Stad"]).all()
    across = m[m["city"].isna()]
    assert 0 < a["city"].isna().sum() <= 0.02 * len(a)
    assert across.groupby("actor")["Stad"].nunique().max() >= 2


def test_csv_files_load_without_problems_into_the_graph_data_returned_directly(small, tmp_path):
    write_csv(small, tmp_path)
    loaded = load_inputs([tmp_path])
    assert loaded.warnings == []
    direct = graph_data(small)
    for name in ("coalitions", "actors", "memberships", "ties"):
        pd.testing.assert_frame_equal(_missing_as_none(getattr(direct, name)),
                                      _missing_as_none(getattr(loaded.data, name)))


def _missing_as_none(frame: pd.DataFrame) -> pd.DataFrame:
    # Whether an absent text cell reads as None or NaN is the loader's business, not ours.
    out = frame.copy()
    for c in out.columns:
        if out[c].dtype == object:
            out[c] = [None if not isinstance(v, list) and pd.isna(v) else v for v in out[c]]
    return out


def test_declared_sectors_are_those_of_the_members(small):
    direct = graph_data(small)
    sector = small.actors.set_index("id")["sector"]
    m = small.memberships.assign(sector=small.memberships["actor"].map(sector))
    expected = m.groupby("coalition")["sector"].agg(lambda s: sorted(set(s)))
    got = direct.coalitions.set_index("id")["sectors"]
    for cid, secs in expected.items():
        assert sorted(got[cid]) == secs
    assert np.all([len(s) == 0 for cid, s in got.items() if cid not in expected.index])
