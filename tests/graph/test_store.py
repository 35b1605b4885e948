"""The store interface on both engines: round trip, idempotency, replacement, atomicity,
read-only queries."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from coalitions.errors import QueryError, ReadOnlyError
from coalitions.graph.model import GraphData


def canonical(data: GraphData) -> dict[str, list[tuple]]:
    """Every table as a sorted list of plain tuples (lists as tuples, NaN/NA as None)."""

    def plain(v):
        if isinstance(v, list | tuple):
            return tuple(plain(x) for x in v)
        if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
            return None
        if hasattr(v, "item"):
            return v.item()
        return v

    out = {}
    for name in ("coalitions", "actors", "memberships", "ties"):
        df = getattr(data, name)
        rows = [tuple(plain(v) for v in row) for row in df.itertuples(index=False)]
        out[name] = sorted(rows, key=repr)
    return out


def test_load_then_read_gives_back_the_same_graph(fresh_store, graph):
    fresh_store.load(graph)
    assert canonical(fresh_store.read_graph()) == canonical(graph)


def test_stats_count_every_label_and_type_in_fixed_order(fresh_store, graph):
    fresh_store.load(graph)
    stats = fresh_store.stats()
    assert list(stats["name"]) == ["City", "Coalition", "Organisation", "Person", "Theme",
                                   "IN_CITY", "ADDRESSES", "MEMBER_OF", "AFFILIATED_WITH", "TIE"]
    # 1 city, 2 coalitions, 1 organisation, 2 persons, 3 themes; 2 IN_CITY, 3 ADDRESSES,
    # 4 memberships, 1 affiliation, 1 tie — counted by hand from small_graph().
    assert list(stats["count"]) == [1, 2, 1, 2, 3, 2, 3, 4, 1, 1]


def test_loading_the_same_input_twice_changes_nothing(fresh_store, graph):
    first = fresh_store.load(graph)
    before = fresh_store.stats()
    second = fresh_store.load(graph)
    assert first.changed and not second.changed
    assert fresh_store.stats().equals(before)
    assert canonical(fresh_store.read_graph()) == canonical(graph)


def test_reloading_a_corrected_input_replaces_what_it_describes(fresh_store, graph):
    fresh_store.load(graph)
    fixed = GraphData(
        graph.coalitions.assign(name=["Energent vzw", "Torekes"]),
        graph.actors,
        graph.memberships[graph.memberships["actor"] != "per-bram"],  # a wrong row removed
        graph.ties.assign(weight=[4.0]),
    )
    summary = fresh_store.load(fixed)
    assert summary.updated["Coalition"] == 1
    assert summary.deleted["MEMBER_OF"] == 1
    assert canonical(fresh_store.read_graph()) == canonical(fixed)


def test_columns_with_every_value_missing_load_as_nulls(fresh_store, graph):
    # Every year, goal, function and 'since' missing: columns of nothing but nulls (which
    # Arrow would type as "null" unless told the store's types).
    empty = GraphData(
        graph.coalitions.assign(goals=None, founded_year=pd.array([None, None], dtype="Int64"),
                                sectors=[[], []]),
        graph.actors.assign(function=None),
        graph.memberships.assign(since=pd.array([None] * 4, dtype="Int64")),
        graph.ties,
    )
    fresh_store.load(empty)
    assert canonical(fresh_store.read_graph()) == canonical(empty)
    rows = fresh_store.query("MATCH ()-[m:MEMBER_OF]->() RETURN m.since AS s")
    assert len(rows) == 4 and rows["s"].isna().all()


# The record of input files a load writes on its wave (coalitions.graph.waves): made up
# here, since these graphs are not read from files.
FILES = [{"path": "a.xlsx", "name": "a.xlsx", "size": 3, "sha256": "0" * 64, "kind": "xlsx",
          "sheets": [{"table": "coalitions", "sheet": "coalitions", "rows": 2}]}]
OTHER = [{**FILES[0], "sha256": "1" * 64}]


def test_a_load_that_fails_half_way_leaves_the_previous_state(fresh_store, graph):
    fresh_store.load(graph, inputs=FILES)
    before = canonical(fresh_store.read_graph())
    record = fresh_store.wave_inputs()
    assert record[0]["files"] == FILES
    bigger = GraphData(graph.coalitions.assign(name=["X", "Y"]), graph.actors,
                       graph.memberships, graph.ties)

    def explode(desc, done, total):
        if done > 0:
            raise RuntimeError("simulated failure half-way")

    with pytest.raises(RuntimeError, match="half-way"):
        fresh_store.load(bigger, progress=explode, inputs=OTHER)
    assert canonical(fresh_store.read_graph()) == before
    assert fresh_store.wave_inputs() == record  # the wave's input files too


def test_replace_empties_the_store_first(fresh_store, graph):
    fresh_store.load(graph)
    only_one = GraphData(graph.coalitions.iloc[:1], graph.actors.iloc[:0],
                         graph.memberships.iloc[:0], graph.ties.iloc[:0])
    fresh_store.load(only_one, replace=True)
    counts = dict(zip(fresh_store.stats()["name"], fresh_store.stats()["count"], strict=True))
    assert counts["Coalition"] == 1 and counts["Person"] == 0 and counts["MEMBER_OF"] == 0


def test_query_returns_rows_with_parameters(fresh_store, graph):
    fresh_store.load(graph)
    rows = fresh_store.query(
        "MATCH (p:Person)-[m:MEMBER_OF]->(c:Coalition) WHERE c.id = $c "
        "RETURN p.name AS name, m.role AS role ORDER BY name", {"c": "gent-energent"})
    assert rows.to_dict("records") == [{"name": "An Peeters", "role": "pivot"}]


def test_read_only_connection_refuses_writes(fresh_store, graph, tmp_path):
    fresh_store.load(graph)
    if fresh_store.engine == "ladybug":
        from coalitions.graph.embedded import EmbeddedStore

        fresh_store.close()
        reader = EmbeddedStore(fresh_store.path, read_only=True)
    else:
        from coalitions.graph.neo4j_store import Neo4jStore
        from tests.conftest import neo4j_settings

        s = neo4j_settings()
        reader = Neo4jStore(s["uri"], user=s["user"], password=s["password"],
                            database=s["database"], read_only=True)
    with reader, pytest.raises(ReadOnlyError, match="--write"):
        reader.query("CREATE (:City {name: 'Nergenshuizen'})")
    if fresh_store.engine == "neo4j":
        # the engine refused it; the name-matching of strings played no part
        assert fresh_store.query("MATCH (c:City {name: 'Nergenshuizen'}) RETURN count(c) AS n"
                                 ).iloc[0, 0] == 0


def test_a_syntax_error_is_a_query_error(fresh_store):
    with pytest.raises(QueryError, match="query failed"):
        fresh_store.query("MATCH (n RETURN n")


def test_write_properties_sets_measures_queryable_in_cypher(fresh_store, graph):
    fresh_store.load(graph)
    n = fresh_store.write_properties("Person", pd.DataFrame(
        {"id": ["per-an", "per-bram"], "betweenness": [0.5, 0.0], "coreness": [2, 1]}))
    assert n == 2
    rows = fresh_store.query("MATCH (p:Person) WHERE p.betweenness > 0.1 RETURN p.id AS id")
    assert list(rows["id"]) == ["per-an"]


def test_numbers_in_a_text_column_are_stored_as_their_text(embedded_store, graph):
    # A GraphData built in Python may hold numbers where text belongs; Arrow refuses them as
    # strings, so the embedded store writes their text (as its pandas path used to).
    goals = pd.Series([12, None], dtype=object)
    odd = GraphData(graph.coalitions.assign(goals=goals), graph.actors, graph.memberships,
                    graph.ties)
    embedded_store.load(odd)
    rows = embedded_store.query("MATCH (c:Coalition) RETURN c.id AS id, c.goals AS goals "
                                "ORDER BY c.id")
    assert rows["goals"][0] == "12" and pd.isna(rows["goals"][1])


def test_a_read_only_reader_reads_one_snapshot_after_nodes_were_deleted(embedded_store, graph):
    # read_graph reads each label's keys by node offset once, with the nodes, for every
    # relationship type; deleted nodes leave offsets with no key, which no end may take.
    from coalitions.graph.embedded import EmbeddedStore

    embedded_store.load(graph)
    keep = graph.actors["id"] != "per-bram"
    smaller = GraphData(graph.coalitions, graph.actors[keep],
                        graph.memberships[graph.memberships["actor"] != "per-bram"],
                        graph.ties.iloc[:0])
    embedded_store.load(smaller, replace=True)
    embedded_store.close()
    with EmbeddedStore(embedded_store.path, read_only=True) as reader:
        assert canonical(reader.read_graph()) == canonical(smaller)
        # and again, now that the snapshot is over: the store reads as before
        assert canonical(reader.read_graph()) == canonical(smaller)
        assert reader.query("MATCH (p:Person) RETURN count(p) AS n").iloc[0, 0] == 1


def test_a_store_opened_for_graph_reads_reads_the_same_graph_and_refuses_writes(
        embedded_store, graph):
    # Analysis commands open the store only to read the graph, with a buffer pool sized to
    # the store file (LadybugDB's default reserves 80 % of memory, which is slower to set
    # up); `query` keeps the default, since an ad-hoc join may need far more.
    from coalitions.graph.embedded import reading_pool_size
    from coalitions.graph.store import open_store

    embedded_store.load(graph)
    embedded_store.close()
    with open_store(embedded_store.path, graph_reads_only=True) as reader:
        assert reader.read_only
        assert reader._db.buffer_pool_size == reading_pool_size(embedded_store.path) == 1 << 30
        assert canonical(reader.read_graph()) == canonical(graph)
        assert reader.stats()["count"].sum() > 0
        with pytest.raises(ReadOnlyError):
            reader.query("CREATE (:City {name: 'Nergenshuizen'})", write=True)
    with open_store(embedded_store.path, read_only=True) as reader:
        assert reader._db.buffer_pool_size == 0  # (0: the engine's default)


def test_the_reading_pool_grows_with_a_store_beyond_128_mib(tmp_path):
    from coalitions.graph.embedded import reading_pool_size

    big = tmp_path / "big.db"
    with open(big, "wb") as f:
        f.truncate(200 << 20)  # a sparse file: its size is what counts
    assert reading_pool_size(big) == 8 * (200 << 20)
    assert reading_pool_size(tmp_path / "missing.db") == 1 << 30


def test_a_first_load_that_fails_while_building_relationships_leaves_the_store_empty(
        fresh_store, graph, monkeypatch):
    # On an empty store the embedded engine copies the nodes on a second thread while the
    # relationship tables are built; a failure there must still undo the nodes.
    import coalitions.graph.store as store_module

    def broken(data):
        raise RuntimeError("simulated failure building relationships")

    monkeypatch.setattr(store_module, "rel_tables", broken)
    # (The Neo4j store builds them itself, before taking its load lock.)
    monkeypatch.setattr("coalitions.graph.neo4j_store.rel_tables", broken)
    with pytest.raises(RuntimeError, match="building relationships"):
        fresh_store.load(graph)
    assert fresh_store.stats()["count"].sum() == 0
    monkeypatch.undo()
    fresh_store.load(graph)  # the store is usable, and nothing was left behind to clash with
    assert canonical(fresh_store.read_graph()) == canonical(graph)


def test_a_node_copy_that_fails_on_its_thread_is_raised_and_undone(embedded_store, graph,
                                                                    monkeypatch):
    from coalitions.graph.embedded import EmbeddedStore

    copy = EmbeddedStore._copy_nodes
    seen = []

    def failing(self, label, frame, wave):
        seen.append(label)
        if label == "Person":  # City, Coalition and Organisation are in by then
            raise RuntimeError("simulated failure copying Person")
        copy(self, label, frame, wave)

    monkeypatch.setattr(EmbeddedStore, "_copy_nodes", failing)
    with pytest.raises(RuntimeError, match="copying Person"):
        embedded_store.load(graph)
    assert seen == ["City", "Coalition", "Organisation", "Person"]
    assert embedded_store.stats()["count"].sum() == 0


def test_a_first_load_that_fails_while_making_a_node_table_leaves_the_store_empty(
        fresh_store, graph, monkeypatch):
    # The embedded engine copies each node table while the next one is made: a failure
    # making Organisation comes after City and Coalition were copied, and undoes them.
    import coalitions.graph.store as store_module

    made = store_module.iter_node_tables

    def failing(data):
        for label, frame in made(data):
            if label == "Organisation":
                raise RuntimeError("simulated failure making Organisation")
            yield label, frame

    monkeypatch.setattr(store_module, "iter_node_tables", failing)
    # (The Neo4j store makes them itself, before taking its load lock.)
    monkeypatch.setattr("coalitions.graph.neo4j_store.iter_node_tables", failing)
    with pytest.raises(RuntimeError, match="making Organisation"):
        fresh_store.load(graph)
    assert fresh_store.stats()["count"].sum() == 0
    monkeypatch.undo()
    fresh_store.load(graph)
    assert canonical(fresh_store.read_graph()) == canonical(graph)


def test_a_first_load_copies_relationships_from_tables_made_while_nodes_were_copied(
        embedded_store, graph, monkeypatch):
    # The relationship tables are turned into Arrow while the engine copies the nodes; the
    # COPY steps use those, and nothing is converted a second time.
    from coalitions.graph import embedded as module

    events = []
    rel_parts, copy_rels = module._rel_parts, module.EmbeddedStore._copy_rels
    monkeypatch.setattr(module, "_rel_parts",
                        lambda rel, frame, wave: events.append(("made", rel))
                            or rel_parts(rel, frame, wave))
    monkeypatch.setattr(module.EmbeddedStore, "_copy_rels",
                        lambda self, rel, parts: events.append(("copied", rel))
                        or copy_rels(self, rel, parts))
    embedded_store.load(graph)
    made = [rel for what, rel in events if what == "made"]
    assert sorted(made) == ["ADDRESSES", "AFFILIATED_WITH", "IN_CITY", "MEMBER_OF", "TIE"]
    # every table was made before the first COPY of relationships, none again by its step
    assert events[:len(made)] == [("made", rel) for rel in made]
    assert sorted(rel for what, rel in events if what == "copied") == sorted(made)
    assert canonical(embedded_store.read_graph()) == canonical(graph)


def test_a_replacing_load_that_fails_keeps_the_previous_graph(fresh_store, graph, monkeypatch):
    import coalitions.graph.store as store_module

    fresh_store.load(graph, inputs=FILES)
    before = canonical(fresh_store.read_graph())
    record = fresh_store.wave_inputs()

    def broken(data):
        raise RuntimeError("simulated failure building relationships")

    monkeypatch.setattr(store_module, "rel_tables", broken)
    # (The Neo4j store builds them itself, before taking its load lock.)
    monkeypatch.setattr("coalitions.graph.neo4j_store.rel_tables", broken)
    with pytest.raises(RuntimeError, match="building relationships"):
        fresh_store.load(graph, replace=True, inputs=OTHER)
    assert canonical(fresh_store.read_graph()) == before
    assert fresh_store.wave_inputs() == record and record[0]["files"] == FILES


def _with_directions(graph: GraphData, directions: list) -> GraphData:
    ties = pd.DataFrame({"source": ["per-an", "per-bram", "org-stad-gent"],
                         "target": ["per-bram", "org-stad-gent", "per-an"],
                         "type": ["advises", "knows", "mentors"], "weight": [2.5, 1.0, 1.0],
                         "directed": directions})
    return GraphData(graph.coalitions, graph.actors, graph.memberships, ties)


def test_tie_direction_round_trips(fresh_store, graph):
    data = _with_directions(graph, [True, False, None])
    fresh_store.load(data)
    back = fresh_store.read_graph().ties.set_index("type")["directed"]
    assert back.to_dict() == {"advises": True, "knows": False, "mentors": None}
    assert canonical(fresh_store.read_graph()) == canonical(data)


def test_changing_only_a_ties_direction_is_a_change(fresh_store, graph):
    fresh_store.load(_with_directions(graph, [True, False, None]))
    flipped = _with_directions(graph, [False, True, None])
    assert fresh_store.load(flipped).changed
    assert canonical(fresh_store.read_graph()) == canonical(flipped)


def test_a_store_made_before_tie_direction_still_reads_and_gains_it(tmp_path, graph):
    from coalitions.graph.embedded import EmbeddedStore

    path = tmp_path / "old.db"
    with EmbeddedStore(path) as store:
        store.load(graph)
        # what a store written by an earlier version holds: TIE without the property
        store._conn.execute("ALTER TABLE TIE DROP directed")
    with EmbeddedStore(path, read_only=True) as store:
        ties = store.read_graph().ties
        assert len(ties) == 1 and ties["directed"].tolist() == [None]
    with EmbeddedStore(path) as store:  # opened for writing: the property is added
        data = _with_directions(graph, [True, False, None])
        store.load(data)
        assert canonical(store.read_graph()) == canonical(data)
