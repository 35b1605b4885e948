"""Inventory waves in one store (issue 20): several complete snapshots side by side, each
loaded, reloaded and read on its own, on the embedded store and a real Neo4j."""

from __future__ import annotations

import pandas as pd
import pytest

from coalitions.errors import StoreError, UsageError
from coalitions.graph.tables import DEFAULT_WAVE
from coalitions.loaders import load_inputs
from tests.conftest import SAMPLE

WAVE2 = SAMPLE / "wave2"


def _data(path):
    return load_inputs([path]).data


def _csv(path, name):
    return pd.read_csv(path / f"{name}.csv", dtype=str, keep_default_na=False)


def _counts(store, wave):
    return dict(zip(store.stats(wave)["name"], store.stats(wave)["count"], strict=True))


def test_two_waves_of_the_sample_live_in_one_store(fresh_store):
    fresh_store.load(_data(SAMPLE), wave="2019")
    fresh_store.load(_data(WAVE2), wave="2023")
    waves = fresh_store.waves()
    assert list(waves["wave"]) == ["2019", "2023"]
    assert list(waves["number"]) == [1, 2]
    assert list(waves["latest"]) == [False, True]
    assert fresh_store.latest_wave() == "2023"
    # Each wave holds exactly its own files' rows (counted here with pandas).
    for wave, path in (("2019", SAMPLE), ("2023", WAVE2)):
        counts = _counts(fresh_store, wave)
        co, actors = _csv(path, "coalitions"), _csv(path, "actors")
        members = _csv(path, "memberships")
        assert counts["Coalition"] == len(co)
        assert counts["Organisation"] + counts["Person"] == len(actors)
        assert counts["Person"] == (actors["kind"] == "person").sum()
        assert counts["MEMBER_OF"] == len(members.drop_duplicates(["actor", "coalition"]))
        row = waves.set_index("wave").loc[wave]
        assert (row["coalitions"], row["actors"], row["memberships"]) == (
            len(co), len(actors), counts["MEMBER_OF"])
    assert fresh_store.stats().attrs["facts"]["wave"] == "2023"


def test_reading_a_wave_gives_what_a_store_of_that_wave_alone_gives(fresh_store, tmp_path):
    from coalitions.graph.embedded import EmbeddedStore

    fresh_store.load(_data(SAMPLE), wave="1")
    fresh_store.load(_data(WAVE2), wave="2")
    with EmbeddedStore(tmp_path / "alone.db") as alone:
        alone.load(_data(SAMPLE))
        want = alone.read_graph()
    got = fresh_store.read_graph("1")
    for table in ("coalitions", "actors", "memberships", "ties"):
        pd.testing.assert_frame_equal(getattr(got, table), getattr(want, table),
                                      check_dtype=False, obj=table)
    assert len(fresh_store.read_graph().coalitions) == len(_csv(WAVE2, "coalitions"))


def test_reloading_a_wave_changes_nothing_and_keeps_its_place(fresh_store):
    fresh_store.load(_data(SAMPLE), wave="a")
    fresh_store.load(_data(WAVE2), wave="b")
    before = {w: _counts(fresh_store, w) for w in ("a", "b")}
    summary = fresh_store.load(_data(SAMPLE), wave="a")
    assert not summary.changed
    assert list(fresh_store.waves()["wave"]) == ["a", "b"]
    assert fresh_store.latest_wave() == "b"  # reloading "a" does not make it the latest
    assert {w: _counts(fresh_store, w) for w in ("a", "b")} == before


def test_a_corrected_wave_changes_that_wave_only(fresh_store):
    fresh_store.load(_data(SAMPLE), wave="a")
    fresh_store.load(_data(WAVE2), wave="b")
    b_before = fresh_store.read_graph("b")
    corrected = _data(SAMPLE)
    gone = corrected.memberships.iloc[:4]
    corrected.memberships = corrected.memberships.iloc[4:].reset_index(drop=True)
    summary = fresh_store.load(corrected, wave="a")
    assert summary.deleted["MEMBER_OF"] == 4 and summary.created["MEMBER_OF"] == 0
    a = fresh_store.read_graph("a").memberships
    assert len(a) == len(_data(SAMPLE).memberships) - 4
    assert not set(zip(gone["actor"], gone["coalition"], strict=True)) & set(
        zip(a["actor"], a["coalition"], strict=True))
    pd.testing.assert_frame_equal(fresh_store.read_graph("b").memberships, b_before.memberships)


def test_replace_empties_only_the_wave_it_loads(fresh_store):
    fresh_store.load(_data(SAMPLE), wave="a")
    fresh_store.load(_data(WAVE2), wave="b")
    b_before = _counts(fresh_store, "b")
    small = _data(SAMPLE)
    keep = small.coalitions["city"] == "Gent"
    small.coalitions = small.coalitions[keep].reset_index(drop=True)
    small.memberships = small.memberships[
        small.memberships["coalition"].isin(small.coalitions["id"])].reset_index(drop=True)
    fresh_store.load(small, wave="a", replace=True)
    assert _counts(fresh_store, "a")["Coalition"] == int(keep.sum())
    assert _counts(fresh_store, "b") == b_before
    assert list(fresh_store.waves()["wave"]) == ["a", "b"]


def test_a_load_without_a_wave_goes_to_the_default_wave(fresh_store):
    fresh_store.load(_data(SAMPLE))
    assert list(fresh_store.waves()["wave"]) == [DEFAULT_WAVE]
    assert _counts(fresh_store, DEFAULT_WAVE)["Coalition"] == len(_csv(SAMPLE, "coalitions"))


def test_an_unknown_wave_is_an_error_that_names_the_waves(fresh_store):
    fresh_store.load(_data(SAMPLE), wave="2019")
    with pytest.raises(UsageError) as exc:
        fresh_store.read_graph("2020")
    assert "No wave '2020'" in str(exc.value) and "2019" in exc.value.hint
    with pytest.raises(UsageError):
        fresh_store.stats("2020")


@pytest.mark.parametrize("name", ["", "   ", "a\x1fb", "line\nbreak", "x" * 65])
def test_a_wave_name_that_could_break_keys_is_refused(embedded_store, name):
    with pytest.raises(UsageError):
        embedded_store.load(_data(SAMPLE), wave=name)
    assert embedded_store.waves().empty


def test_an_embedded_store_made_before_waves_gets_a_clear_error(tmp_path):
    import ladybug

    from coalitions.graph.store import open_store

    path = tmp_path / "old.db"
    # The previous version's schema: node tables keyed by the plain id, no wave.
    db = ladybug.Database(str(path))
    conn = ladybug.Connection(db)
    conn.execute("CREATE NODE TABLE Coalition(id STRING, name STRING, PRIMARY KEY(id))")
    conn.execute("CREATE (:Coalition {id: 'c1', name: 'Old'})")
    conn.close()
    db.close()
    with open_store(path) as st:
        with pytest.raises(StoreError) as exc:
            st.load(_data(SAMPLE))
        assert "earlier version" in str(exc.value) and "--store" in exc.value.hint
    with open_store(path, read_only=True) as st, pytest.raises(StoreError):
        st.read_graph()


@pytest.mark.neo4j
def test_a_neo4j_store_made_before_waves_is_refused_until_replaced(neo4j_store):
    neo4j_store.query("CREATE (:Coalition {id: 'c1', name: 'Old'})", write=True)
    with pytest.raises(StoreError) as exc:
        neo4j_store.load(_data(SAMPLE))
    assert "earlier version" in str(exc.value) and "--replace" in exc.value.hint
    with pytest.raises(StoreError):
        neo4j_store.read_graph()
    neo4j_store.load(_data(SAMPLE), replace=True)
    old = neo4j_store.query("MATCH (c:Coalition) WHERE c.key IS NULL RETURN count(c) AS n")
    assert old["n"].iloc[0] == 0
    assert _counts(neo4j_store, DEFAULT_WAVE)["Coalition"] == len(_csv(SAMPLE, "coalitions"))
