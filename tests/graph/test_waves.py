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


# --- the input files of each wave (issue 20: provenance names them) ----------------------


def _load(store, path, **kw):
    """Load ``path`` as the CLI and the API do: the graph with the files it was read from."""
    result = load_inputs([path])
    return store.load(result.data, inputs=result.inputs(), **kw)


def _sha256(path):
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()  # computed here, independently


def _csv_files(folder):
    return sorted(p for p in folder.iterdir() if p.suffix == ".csv")


def test_each_wave_records_the_files_it_was_loaded_from_with_their_checksums(fresh_store):
    _load(fresh_store, SAMPLE, wave="2019")
    _load(fresh_store, WAVE2, wave="2023")
    for wave, folder in (("2019", SAMPLE), ("2023", WAVE2)):
        (only,) = fresh_store.wave_inputs(wave)  # one load wrote to the wave
        assert only["replace"] is False and only["loaded_at"]
        files = {f["name"]: f for f in only["files"]}
        assert sorted(files) == [p.name for p in _csv_files(folder)]
        for p in _csv_files(folder):
            f = files[p.name]
            assert f["sha256"] == _sha256(p)
            assert f["size"] == p.stat().st_size
            assert f["path"] == str(p) and f["kind"] == "csv"
            # rows read: the CSV's data rows, counted with pandas
            assert f["sheets"] == [{"table": p.stem, "sheet": None, "rows": len(_csv(folder, p.stem))}]
    waves = fresh_store.waves().set_index("wave")
    for wave, folder in (("2019", SAMPLE), ("2023", WAVE2)):
        names, sums = waves.loc[wave, "files"].split("; "), waves.loc[wave, "sha256"].split("; ")
        assert dict(zip(names, sums, strict=True)) == {p.name: _sha256(p)
                                                       for p in _csv_files(folder)}
    # Every table of a wave names that wave's files in its provenance (file name only).
    facts = fresh_store.stats("2019").attrs["facts"]
    assert facts["wave"] == "2019"
    assert facts["inputs"] == [{"path": p.name, "sha256": _sha256(p)}
                               for p in _csv_files(SAMPLE)]


def test_a_replacing_load_restarts_the_record_and_an_adding_one_appends(fresh_store, tmp_path):
    _load(fresh_store, SAMPLE, wave="w")
    # A correction of one coalition's name, loaded on its own into the same wave: the wave
    # is then made of both loads, so both are listed.
    fixed = tmp_path / "fix"
    fixed.mkdir()
    co = _csv(SAMPLE, "coalitions").head(1).assign(Naam="Renamed")
    co.to_csv(fixed / "coalitions.csv", index=False)
    _load(fresh_store, fixed, wave="w")
    first, second = fresh_store.wave_inputs("w")
    assert [f["name"] for f in first["files"]] == [p.name for p in _csv_files(SAMPLE)]
    assert second["files"][0]["sha256"] == _sha256(fixed / "coalitions.csv")
    assert second["replace"] is False
    files = fresh_store.waves().set_index("wave").loc["w", "sha256"].split("; ")
    assert _sha256(fixed / "coalitions.csv") in files and len(files) == 5
    # Loading the same files again changes nothing, the record included.
    _load(fresh_store, fixed, wave="w")
    assert len(fresh_store.wave_inputs("w")) == 2
    _load(fresh_store, WAVE2, wave="w", replace=True)
    (only,) = fresh_store.wave_inputs("w")
    assert only["replace"] is True
    assert [f["sha256"] for f in only["files"]] == [_sha256(p) for p in _csv_files(WAVE2)]


def test_a_graph_loaded_without_its_files_is_not_recorded(fresh_store):
    from coalitions.provenance import NOT_RECORDED, inputs_of

    _load(fresh_store, SAMPLE, wave="a")
    fresh_store.load(_data(WAVE2), wave="a")  # (from Python: which files, nobody said)
    assert fresh_store.wave_inputs("a")[-1]["files"] is None
    assert fresh_store.waves()["files"].tolist() == [NOT_RECORDED]
    assert inputs_of(fresh_store.stats("a").attrs["facts"]) == NOT_RECORDED


@pytest.mark.neo4j
def test_both_engines_record_the_same_files(embedded_store, neo4j_store):
    for store in (embedded_store, neo4j_store):
        _load(store, SAMPLE, wave="2019")
        _load(store, WAVE2, wave="2023")
    for wave in ("2019", "2023"):
        (a,), (b,) = embedded_store.wave_inputs(wave), neo4j_store.wave_inputs(wave)
        assert a["files"] == b["files"] and a["replace"] == b["replace"]
    columns = ["wave", "files", "sha256"]
    pd.testing.assert_frame_equal(embedded_store.waves()[columns], neo4j_store.waves()[columns])


def _without_inputs(path):
    """A store as the version before the input files were recorded made it: today's schema
    without Wave.inputs, one wave loaded."""
    import ladybug

    from coalitions.graph.embedded import EmbeddedStore
    from coalitions.graph.schema import ladybug_ddl

    db = ladybug.Database(str(path))
    conn = ladybug.Connection(db)
    for stmt in ladybug_ddl():
        if stmt.startswith("ALTER"):
            continue
        conn.execute(stmt.replace(", inputs STRING", ""))
    columns = conn.execute("CALL table_info('Wave') RETURN name").get_as_df()["name"]
    assert "inputs" not in set(columns) and "loaded_at" in set(columns)
    conn.close()
    db.close()
    # (written by today's load code against that schema would add the column: so the old
    # wave is made by hand, as the old version's TOUCH_WAVE made it)
    db = ladybug.Database(str(path))
    conn = ladybug.Connection(db)
    conn.execute("CREATE (:Wave {name: 'old', number: 1, loaded_at: '2025-01-01T00:00:00+00:00'})")
    conn.close()
    db.close()
    return EmbeddedStore


def test_a_store_made_before_the_files_were_recorded_opens_and_says_not_recorded(tmp_path):
    from coalitions.graph.store import open_store
    from coalitions.provenance import NOT_RECORDED

    path = tmp_path / "old.db"
    _without_inputs(path)
    with open_store(path, read_only=True) as st:  # (read-only: cannot add the property)
        waves = st.waves()
        assert waves["wave"].tolist() == ["old"] and waves["files"].tolist() == [NOT_RECORDED]
        assert st.wave_inputs("old") is None
        assert "inputs" not in st.wave_facts("old")
    with open_store(path) as st:  # read-write: the property is added, empty
        assert st.waves()["files"].tolist() == [NOT_RECORDED]
        _load(st, SAMPLE, wave="old")  # adds to the old wave: its earlier files stay unknown
        first, second = st.wave_inputs("old")
        assert first == {"loaded_at": "2025-01-01T00:00:00+00:00", "replace": None,
                         "files": None}
        assert len(second["files"]) == len(_csv_files(SAMPLE))
        assert st.waves()["files"].tolist() == [NOT_RECORDED]
        _load(st, SAMPLE, wave="old", replace=True)  # what the docs advise
        assert st.waves()["sha256"].iloc[0].split("; ") == [_sha256(p)
                                                           for p in _csv_files(SAMPLE)]
