"""Two loads into one Neo4j database at the same time (issue 21, item 1).

Each race is staged so that the overlap is certain, not hoped for: load A is held inside its
write transaction, with part of its rows written and not committed, until load B has got as
far as it can while A is open — B's transaction shows on the server as blocked by another,
B is writing rows inside its own transaction, or B has already returned. Only then is A let
go. Whatever B did, it did while A's uncommitted writes were there.
"""

from __future__ import annotations

import threading
import time
from collections import Counter

import pandas as pd
import pytest

from coalitions.errors import StoreError
from coalitions.graph.model import GraphData
from coalitions.graph.neo4j_store import Neo4jStore
from coalitions.graph.tables import DEFAULT_WAVE
from tests.conftest import neo4j_settings
from tests.graph.test_processes import synthetic
from tests.graph.test_store import canonical

pytestmark = pytest.mark.neo4j

ROLES = ["member", "pivot", "coordinator", "funder", "partner", "advisor"]
BLOCKED = "B blocked by A's transaction"
WAIT = 120.0  # seconds; a bound for a stuck test, never reached when things work


def _with_roles(data: GraphData, shift: int) -> GraphData:
    """The same memberships, each with a role of its own; two shifts give every membership
    a different role."""
    mem = data.memberships.copy()
    mem["role"] = [ROLES[(i + shift) % len(ROLES)] for i in range(len(mem))]
    return GraphData(data.coalitions, data.actors, mem)


def _open() -> Neo4jStore:
    s = neo4j_settings()
    return Neo4jStore(s["uri"], user=s["user"], password=s["password"], database=s["database"])


def _blocked_transactions(store: Neo4jStore) -> list[str]:
    # The server's own account of lock waits (Neo4j 5: status "Blocked by: [...]").
    status = store.query("SHOW TRANSACTIONS YIELD status RETURN status")["status"]
    return [s for s in status if str(s).startswith("Blocked by")]


def _race(data_a: GraphData, data_b: GraphData) -> tuple[dict[str, object], str]:
    """Run ``load(data_a)`` and ``load(data_b)`` on two connections, overlapping as the
    module docstring says. Returns each load's outcome (its summary, or the exception it
    raised) and how B was seen to overlap A."""
    # Opened before the race: opening runs the schema statements.
    stores = {"A": _open(), "B": _open()}
    watcher = _open()
    a_inside, release_a, b_writing = threading.Event(), threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def progress_a(desc: str, done: int, total: int) -> None:
        if done > 0 and not a_inside.is_set():
            a_inside.set()  # rows written, transaction open
            release_a.wait(WAIT)

    def progress_b(desc: str, done: int, total: int) -> None:
        if done > 0:
            b_writing.set()

    def run(name: str, data: GraphData, progress) -> None:
        try:
            outcome[name] = stores[name].load(data, progress=progress)
        except BaseException as exc:  # noqa: BLE001 - the test inspects what was raised
            outcome[name] = exc

    ta = threading.Thread(target=run, args=("A", data_a, progress_a))
    tb = threading.Thread(target=run, args=("B", data_b, progress_b))
    seen = ""
    try:
        ta.start()
        assert a_inside.wait(WAIT), f"load A never wrote a row: {outcome.get('A')!r}"
        tb.start()
        deadline = time.monotonic() + WAIT
        while not seen and time.monotonic() < deadline:
            if _blocked_transactions(watcher):
                seen = BLOCKED
            elif b_writing.is_set():
                seen = "B writing inside its transaction"
            elif not tb.is_alive():
                seen = "B returned"
            else:
                time.sleep(0.05)  # polling the server, not standing in for a readiness check
        assert a_inside.is_set() and not release_a.is_set() and ta.is_alive()
    finally:
        release_a.set()
        ta.join(WAIT)
        tb.join(WAIT)
        for st in (*stores.values(), watcher):
            st.close()
    assert seen, "load B neither blocked, wrote, nor returned while load A was open"
    assert not ta.is_alive() and not tb.is_alive()
    return outcome, seen


def _memberships(store: Neo4jStore) -> pd.DataFrame:
    return store.query("MATCH (a)-[m:MEMBER_OF]->(c:Coalition) "
                       "RETURN a.id AS actor, c.id AS coalition, m.role AS role")


def _check_outcomes(outcome: dict[str, object]) -> None:
    for name, result in outcome.items():
        # Either a summary, or one clean StoreError (never a driver exception).
        if isinstance(result, BaseException):
            assert isinstance(result, StoreError), f"load {name} raised {result!r}"
            assert "another load" in str(result) and "load again" in str(result)
    assert not all(isinstance(r, BaseException) for r in outcome.values())


@pytest.mark.parametrize("start", ["empty", "loaded"])
def test_two_loads_with_different_roles_at_once_leave_exactly_one_of_them(neo4j_store, start):
    base = synthetic(n_coalitions=100, n_actors=1500, seed=7)
    inputs = {"A": _with_roles(base, 1), "B": _with_roles(base, 2)}
    if start == "loaded":  # a third set of roles already stored: both loads replace it
        neo4j_store.load(_with_roles(base, 0))
    outcome, seen = _race(inputs["A"], inputs["B"])
    _check_outcomes(outcome)

    mem = _memberships(neo4j_store)
    n_input = len(base.memberships)
    assert n_input > 5000
    assert len(mem) == n_input
    pairs = Counter(zip(mem["actor"], mem["coalition"], strict=True))
    assert max(pairs.values()) == 1, "a membership stored twice"
    stored = dict(zip(zip(mem["actor"], mem["coalition"], strict=True), mem["role"],
                      strict=True))
    wanted = {name: dict(zip(zip(d.memberships["actor"], d.memberships["coalition"],
                                 strict=True), d.memberships["role"], strict=True))
              for name, d in inputs.items()}
    winners = [name for name, w in wanted.items() if w == stored]
    assert len(winners) == 1, f"roles from both inputs ({seen})"
    assert not isinstance(outcome[winners[0]], BaseException)
    if seen == BLOCKED and not any(isinstance(r, BaseException) for r in outcome.values()):
        # B waited for A's transaction, so B committed last: its input is what stays.
        assert winners == ["B"]
    assert canonical(neo4j_store.read_graph()) == canonical(inputs[winners[0]])


def test_two_identical_loads_at_once_give_the_input_and_no_traceback(neo4j_store):
    data = _with_roles(synthetic(n_coalitions=100, n_actors=1500, seed=8), 0)
    outcome, seen = _race(data, data)
    _check_outcomes(outcome)
    assert canonical(neo4j_store.read_graph()) == canonical(data)
    n = neo4j_store.query("MATCH ()-[m:MEMBER_OF]->() RETURN count(m) AS n")["n"][0]
    assert n == len(data.memberships)
    # Whichever committed second found the first's nodes and memberships and wrote nothing.
    summaries = [r for r in outcome.values() if not isinstance(r, BaseException)]
    if len(summaries) == 2:
        assert sorted(s.changed for s in summaries) == [False, True]


def test_a_key_written_meanwhile_by_another_writer_gives_a_clean_message(neo4j_store):
    """A writer that does not take the load lock (here a transaction of the driver's own,
    as `query --write` or another tool would be) creates an organisation the load also
    creates: the load reports it in one message, writes nothing, and a rerun succeeds."""
    import neo4j

    data = _with_roles(synthetic(n_coalitions=50, n_actors=500, seed=9), 0)
    org = data.actors.loc[data.actors["kind"] != "person", "id"].iloc[0]
    s = neo4j_settings()
    driver = neo4j.GraphDatabase.driver(s["uri"], auth=(s["user"], s["password"]))
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["load"] = neo4j_store.load(data)
        except BaseException as exc:  # noqa: BLE001 - the test inspects what was raised
            outcome["load"] = exc

    loader = threading.Thread(target=run)
    watcher = _open()
    try:
        with driver.session(database=s["database"]) as session:
            tx = session.begin_transaction()
            # (with the key a load of the default wave gives it: see graph.tables.wave_keys)
            tx.run("CREATE (:Organisation {key: $key, id: $id, wave: $wave, "
                   "name: 'written meanwhile'})", key=f"{DEFAULT_WAVE}\x1f{org}", id=org,
                   wave=DEFAULT_WAVE).consume()
            loader.start()
            deadline = time.monotonic() + WAIT
            while loader.is_alive() and not _blocked_transactions(watcher):
                assert time.monotonic() < deadline, "the load never waited for the writer"
                time.sleep(0.05)  # polling the server, not standing in for a readiness check
            assert loader.is_alive(), f"the load ended before the writer committed: {outcome}"
            tx.commit()
        loader.join(WAIT)
    finally:
        watcher.close()
        driver.close()
    err = outcome["load"]
    assert isinstance(err, StoreError), f"the load gave {err!r}"
    assert "another load or write ran at the same time" in str(err)
    assert "nothing was written" in str(err) and "Run the load again" in str(err)
    # (counted directly: `stats` reads a wave, and the failed load recorded none)
    left = neo4j_store.query("MATCH (n) WHERE NOT n:_LoadLock RETURN labels(n) AS l, "
                             "count(n) AS n")
    assert [(r.l, r.n) for r in left.itertuples()] == [(["Organisation"], 1)]
    neo4j_store.load(data)  # as the message says
    assert canonical(neo4j_store.read_graph()) == canonical(data)
