"""Real processes: a load killed with SIGKILL half-way, and two processes on one store."""

from __future__ import annotations

import csv
import io
import os
import pickle
import resource
import signal
import subprocess
import sys
import textwrap

import numpy as np
import pandas as pd
import pytest

from coalitions.graph.model import GraphData
from tests.conftest import csv_body
from tests.graph.test_store import canonical

CHILD = textwrap.dedent("""
    import os, pickle, sys
    from coalitions.graph.store import open_store
    data = pickle.load(open(sys.argv[1], "rb"))
    engine, where = sys.argv[2], sys.argv[3]
    def progress(desc, done, total):
        if done > 0:
            # Inside the open transaction, with part of the rows written: tell the parent,
            # then wait to be killed.
            print("HALFWAY", desc, done, total, flush=True)
            sys.stdin.read()
    store = open_store(where) if engine == "embedded" else open_store(neo4j=where)
    with store:
        print("OPEN", flush=True)
        store.load(data, progress=progress)
    print("FINISHED", flush=True)
""")


def synthetic(n_coalitions: int = 300, n_actors: int = 3000, seed: int = 1) -> GraphData:
    rng = np.random.default_rng(seed)
    co = pd.DataFrame({"id": [f"c{i}" for i in range(n_coalitions)],
                       "name": [f"Coalitie {i}" for i in range(n_coalitions)],
                       "city": rng.choice(["Gent", "Aalst", "Genk"], n_coalitions),
                       "themes": [["Energie"]] * n_coalitions,
                       "theme_clusters": [["Milieu en ecologie"]] * n_coalitions,
                       "sectors": [["nonprofit"]] * n_coalitions})
    kinds = rng.choice(["organisation", "person"], n_actors)
    actors = pd.DataFrame({"id": [f"a{i}" for i in range(n_actors)],
                           "name": [f"Actor {i}" for i in range(n_actors)], "kind": kinds,
                           "sector": "nonprofit",
                           "function": np.where(kinds == "person", "staff", None),
                           "city": "Gent"})
    pairs = {(int(a), int(c)) for a, c in zip(rng.integers(0, n_actors, 20000),
                                               rng.integers(0, n_coalitions, 20000), strict=True)}
    a, c = zip(*sorted(pairs), strict=True)
    mem = pd.DataFrame({"actor": [f"a{i}" for i in a], "coalition": [f"c{i}" for i in c],
                        "role": "member", "since": pd.array([None] * len(a), dtype="Int64")})
    return GraphData(co, actors, mem)


def _spawn(tmp_path, data, engine, where):
    blob = tmp_path / "data.pickle"
    blob.write_bytes(pickle.dumps(data))
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    return subprocess.Popen([sys.executable, str(script), str(blob), engine, where],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)


def _wait_for(proc, word):
    for line in proc.stdout:
        if line.startswith(word):
            return line
    raise AssertionError(f"child ended without saying {word}; exit {proc.wait()}")


@pytest.mark.parametrize("engine", ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def test_a_load_killed_half_way_leaves_the_previous_state(engine, tmp_path, graph, request):
    from coalitions.graph.store import open_store

    if engine == "embedded":
        where = str(tmp_path / "kill.db")
        def opener():
            return open_store(where)
    else:
        request.getfixturevalue("neo4j_store").close()  # wipes the database
        where = os.environ["NEO4J_URI"]
        def opener():
            return open_store(neo4j=where)
    with opener() as st:
        st.load(graph)
        before = canonical(st.read_graph())
    big = synthetic()
    child = _spawn(tmp_path, big, engine, where)
    line = _wait_for(child, "HALFWAY")
    assert int(line.split()[-2]) > 0
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    with opener() as st:
        assert canonical(st.read_graph()) == before
        # a rerun gives exactly the result of a clean load
        st.load(big)
        after = canonical(st.read_graph())
    merged_expect = canonical(big)
    for table in ("memberships",):
        assert set(merged_expect[table]) <= set(after[table])
    assert len(after["coalitions"]) == len(big.coalitions) + len(graph.coalitions)


def test_a_second_process_gets_a_clear_store_in_use_message(tmp_path, graph):
    from coalitions.errors import StoreInUseError
    from coalitions.graph.store import open_store

    where = str(tmp_path / "busy.db")
    child = _spawn(tmp_path, synthetic(), "embedded", where)
    try:
        _wait_for(child, "HALFWAY")
        with pytest.raises(StoreInUseError) as info:
            open_store(where)
        assert str(info.value).startswith(f"The store {where} is in use by another process "
                                          f"(process {child.pid}).")
        # readers may still look at the committed state alongside the writer
        with open_store(where, read_only=True) as reader:
            assert reader.stats()["count"].sum() == 0
    finally:
        child.kill()
        child.wait(timeout=30)
    # the writer died inside its transaction: the store opens cleanly and holds nothing of it
    with open_store(where) as st:
        assert st.stats()["count"].sum() == 0
        st.load(graph)
        assert canonical(st.read_graph()) == canonical(graph)


# --- read-only opens while a load commits, and after one stopped while committing ----------
# (issue 21, item 6). A large commit checkpoints the store; while it does, and after a
# writer stopped in the middle of it, LadybugDB refuses read-only opens ("checkpoint
# recovery is pending") until a read-write open has finished the checkpoint.

COMMITTER = textwrap.dedent("""
    import pickle, sys
    from coalitions.graph.store import Store, open_store
    data = pickle.load(open(sys.argv[1], "rb"))
    def progress(desc, done, total):
        if desc == "committing":
            print("COMMITTING", flush=True)
    try:
        with open_store(sys.argv[2]) as store:
            if sys.argv[3:] == ["engine-only"]:
                # the plain load, without what a store does after a failed one (which may
                # reopen the store and so recover it before any reader comes)
                Store.load(store, data, progress=progress)
            else:
                store.load(data, progress=progress)
    except Exception as exc:
        print("FAILED", exc, flush=True)
    else:
        print("FINISHED", flush=True)
""")


def _disk_full_at(size: int):
    """For ``preexec_fn``: the process cannot write a file beyond ``size`` bytes (writes fail
    as on a full disk, with EFBIG instead of ENOSPC), without filling a real disk."""
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # (a failed write, not a killed process)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, resource.RLIM_INFINITY))
    return limit


def _committer(tmp_path, data, where, disk_full_at: int | None = None):
    blob = tmp_path / "commit.pickle"
    blob.write_bytes(pickle.dumps(data))
    script = tmp_path / "committer.py"
    script.write_text(COMMITTER)
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    return subprocess.Popen([sys.executable, str(script), str(blob), where,
                             *(["engine-only"] if disk_full_at else [])],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True,
                            env=env,
                            preexec_fn=_disk_full_at(disk_full_at) if disk_full_at else None)


def _pending(where) -> bool:
    """Whether the engine itself refuses a read-only open because a checkpoint is pending."""
    import ladybug

    try:
        ladybug.Database(where, read_only=True).close()
    except RuntimeError as exc:
        if "checkpoint recovery is pending" in str(exc):
            return True
        raise
    return False


def _stopped_while_checkpointing(child, where, *, shadow_written: bool = False) -> None:
    """Stop ``child`` (SIGSTOP) at a moment when its commit holds a checkpoint pending.

    While the writer lives, its checkpoint lock alone makes read-only opens fail; a writer
    killed then leaves nothing to recover. ``shadow_written``: stop it only once the
    checkpoint has also written its shadow file (the engine's ``<store>.shadow``), which a
    kill leaves behind for the next open to recover.

    The checkpoint lasts tens of milliseconds, so the child runs freely while this watches
    the files the engine writes for it (``<store>.wal.checkpoint`` while it applies the log,
    a non-empty ``<store>.shadow`` once the new pages are written), which costs a stat call,
    and stops the child the moment they are there; only then does it ask the engine whether
    a checkpoint is pending (an open, far slower). Stopping the child at every step and
    asking the engine each time instead let a loaded machine miss the window altogether.
    """
    checkpoint, shadow = where + ".wal.checkpoint", where + ".shadow"

    def there() -> bool:
        if not os.path.exists(checkpoint):
            return False
        try:
            return not shadow_written or os.path.getsize(shadow) > 0
        except FileNotFoundError:
            return False

    _wait_for(child, "COMMITTING")
    while child.poll() is None:
        if not there():
            continue
        child.send_signal(signal.SIGSTOP)
        if there() and _pending(where):
            return
        child.send_signal(signal.SIGCONT)
    raise AssertionError(f"the commit never left a checkpoint pending (exit {child.returncode})")


def _cli(where, *args, wait=None, **popen):
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    env.pop("NEO4J_URI", None)
    if wait is not None:
        env["COALITIONS_READ_WAIT"] = str(wait)
    return subprocess.Popen([sys.executable, "-m", "coalitions.cli", "--store", where, *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            **popen)


COUNT = "MATCH (c:Coalition) RETURN count(c) AS n"


def _coalitions_counted(command: str, out: str) -> int:
    """The number of coalitions in the CSV that ``query COUNT`` or ``stats`` printed."""
    rows = list(csv.DictReader(io.StringIO(csv_body(out))))
    if command == "stats":
        return int(next(r["count"] for r in rows if r["name"] == "Coalition"))
    return int(rows[0]["n"])


# (where the kill lands decides what the engine left: one more try, reported as a rerun)
@pytest.mark.flaky(reruns=2)
@pytest.mark.parametrize("command", ["query", "stats"])
def test_a_read_only_command_recovers_a_store_left_mid_checkpoint_by_a_killed_load(
        tmp_path, graph, command):
    from coalitions.graph.store import open_store

    where = str(tmp_path / "killed.db")
    with open_store(where) as st:
        st.load(graph)
        before = canonical(st.read_graph())
    big = synthetic(n_coalitions=2000, n_actors=20000)
    child = _committer(tmp_path, big, where)
    _stopped_while_checkpointing(child, where, shadow_written=True)
    child.kill()
    child.wait(timeout=30)
    assert _pending(where)  # what read-only commands met until now

    args = ["query", COUNT] if command == "query" else ["stats"]
    reader = _cli(where, *args, "--format", "csv")
    out, errors = reader.communicate(timeout=120)
    assert reader.returncode == 0, errors
    assert "Is it a coalitions store?" not in errors and "Traceback" not in errors
    assert errors.strip() == (f"note: recovered the store {where}: a load had stopped while "
                              "committing (the process ended or the disk was full).")
    assert not _pending(where)
    # The commit was cut short: the store holds either the state before it or the whole load.
    n = _coalitions_counted(command, out)
    with open_store(where, read_only=True) as st:
        after = canonical(st.read_graph())
    if n == len(graph.coalitions):
        assert after == before
    else:
        assert n == len(graph.coalitions) + len(big.coalitions)
        assert set(canonical(big)["memberships"]) <= set(after["memberships"])


def test_a_read_only_query_waits_for_a_load_that_is_committing(tmp_path):
    where = str(tmp_path / "committing.db")
    big = synthetic(n_coalitions=2000, n_actors=20000)
    child = _committer(tmp_path, big, where)
    try:
        _stopped_while_checkpointing(child, where)
        reader = _cli(where, "query", COUNT, "--format", "csv", wait=120)
        # The reader says it waits (it found the store held and pending), and only then
        # does the writer go on.
        line = reader.stderr.readline()
        assert line.strip() == (f"note: waiting for a load into {where} to finish "
                                "committing (up to 120 s)…")
        child.send_signal(signal.SIGCONT)
        _wait_for(child, "FINISHED")
        out, errors = reader.communicate(timeout=120)
    finally:
        child.kill()
        child.wait(timeout=30)
    assert reader.returncode == 0, errors
    assert "Traceback" not in errors
    assert csv_body(out).split() == ["n", str(len(big.coalitions))]  # the committed load, whole


def test_a_read_only_query_gives_up_on_a_commit_after_the_wait_with_a_clear_message(
        tmp_path):
    where = str(tmp_path / "stuck.db")
    child = _committer(tmp_path, synthetic(n_coalitions=2000, n_actors=20000), where)
    try:
        _stopped_while_checkpointing(child, where)
        reader = _cli(where, "query", COUNT, wait=1)
        out, errors = reader.communicate(timeout=60)
        badly_told = _cli(where, "query", COUNT, wait="soon")
        bad_out, bad_errors = badly_told.communicate(timeout=60)
    finally:
        child.kill()
        child.wait(timeout=30)
    assert reader.returncode == 1
    assert out == ""
    assert errors.splitlines() == [
        f"note: waiting for a load into {where} to finish committing (up to 1 s)…",
        f"Error: A load into the store {where} is being committed by another process "
        f"(process {child.pid}); it did not finish within 1 s.",
        "  Hint: Try again when that load has finished (read-only commands wait for it up "
        "to COALITIONS_READ_WAIT seconds, default 60).",
    ]
    assert badly_told.returncode == 1 and bad_out == ""
    assert bad_errors.splitlines() == [
        "Error: COALITIONS_READ_WAIT must be a number of seconds, not 'soon'."]


# (where the kill lands decides what the engine left: one more try, reported as a rerun)
@pytest.mark.flaky(reruns=2)
def test_a_read_only_query_recovers_a_store_a_full_disk_left_mid_checkpoint(tmp_path, graph):
    from coalitions.graph.store import open_store

    where = str(tmp_path / "full.db")
    with open_store(where) as st:
        st.load(graph)
    big = synthetic(n_coalitions=2000, n_actors=20000)
    # The writer's disk is full 3 MB into the store file: its commit fails while it checkpoints.
    child = _committer(tmp_path, big, where, disk_full_at=3_000_000)
    line = _wait_for(child, "FAILED")
    child.wait(timeout=60)
    assert "checkpoint failed" in line  # (the engine's words: a failure during the checkpoint)
    assert _pending(where)

    reader = _cli(where, "query", COUNT, "--format", "csv")
    out, errors = reader.communicate(timeout=120)
    assert reader.returncode == 0, errors
    assert errors.strip() == (f"note: recovered the store {where}: a load had stopped while "
                              "committing (the process ended or the disk was full).")
    # What the store holds after a full disk is the engine's doing: ladybug 0.22.0 answers
    # the writer "The committed data is durable and will be recovered on restart", yet here
    # the store reopens with the state before the load (and has been seen to lose more). The
    # reader's part is to open it and read one consistent state, the same as the next one.
    with open_store(where, read_only=True) as st:
        assert int(st.stats().set_index("name").loc["Coalition", "count"]) == int(
            csv_body(out).split()[-1])
    assert not _pending(where)


# (where the kill lands decides what the engine left: one more try, reported as a rerun)
@pytest.mark.flaky(reruns=2)
def test_a_reader_that_cannot_finish_the_recovery_says_why_and_the_next_one_can(tmp_path):
    where = str(tmp_path / "stuck.db")
    child = _committer(tmp_path, synthetic(n_coalitions=2000, n_actors=20000), where)
    _stopped_while_checkpointing(child, where, shadow_written=True)
    child.kill()
    child.wait(timeout=30)
    # This reader's disk is full too: the read-write open that would recover cannot write.
    reader = _cli(where, "query", COUNT, preexec_fn=_disk_full_at(4096))
    out, errors = reader.communicate(timeout=120)
    assert reader.returncode == 1
    assert out == ""
    message, hint = errors.splitlines()
    # (then the engine's own words, when it raised: "… File too large")
    assert message.startswith(f"Error: Cannot open the store {where}: a load stopped while "
                              "committing (the process ended or the disk was full), and "
                              "finishing that failed")
    assert "Is it a coalitions store?" not in errors
    assert hint == ("  Hint: Free disk space if the disk is full, then run the command again. "
                    "Do not delete the files next to the store (.wal, .shadow): they may hold "
                    "committed data.")
    # with room on the disk, the next reader recovers the store
    reader = _cli(where, "query", COUNT, "--format", "csv")
    out, errors = reader.communicate(timeout=120)
    assert reader.returncode == 0, errors
    # (whether the failed reader's attempt already finished part of the engine's recovery
    # depends on where its writes stopped: the next reader recovers, or finds nothing left)
    assert errors == "" or errors.startswith(f"note: recovered the store {where}"), errors
    assert not _pending(where)


TORN_WRITER = textwrap.dedent("""
    import sys, ladybug
    conn = ladybug.Connection(ladybug.Database(sys.argv[1]))
    # committed, and small: it stays in the log (no checkpoint)
    # (a City's primary key is its wave-qualified key; any unique text serves here)
    conn.execute("CREATE (:City {key: 'committed', wave: '1', "
                 "name: 'Committed before the disk filled up'})")
    try:  # a large write that the full disk stops in the middle of a log record
        conn.execute("UNWIND range(1, 300000) AS i CREATE (:City {key: 'x' + to_string(i), "
                     "wave: 'x', name: 'c' + to_string(i)})")
        print("FINISHED", flush=True)
    except RuntimeError as exc:
        print("FAILED", exc, flush=True)
""")


def test_a_read_only_query_reads_a_store_whose_log_a_full_disk_cut_off(tmp_path):
    from coalitions.graph.store import open_store

    where = str(tmp_path / "torn.db")
    with open_store(where) as st:
        st.load(synthetic(n_coalitions=50, n_actors=500))
        cities = int(st.query("MATCH (c:City) RETURN count(c) AS n")["n"].iloc[0])
    script = tmp_path / "torn_writer.py"
    script.write_text(TORN_WRITER)
    # The log may not grow beyond 1 MB: the large write fails in the middle of a record.
    writer = subprocess.Popen([sys.executable, str(script), where], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True,
                              preexec_fn=_disk_full_at(1_000_000))
    _wait_for(writer, "FAILED")
    writer.wait(timeout=60)  # (ladybug 0.22.0 then aborts the process as it exits)
    assert os.path.getsize(where + ".wal") == 1_000_000  # the log, cut off
    # What read-only commands met until now (which of the two depends on where the record
    # was cut):
    with pytest.raises(RuntimeError, match="Reading past the end of the file|the WAL file "
                                           "is corrupted"):
        _pending(where)

    reader = _cli(where, "query", "MATCH (c:City) RETURN c.name AS name ORDER BY name",
                  "--format", "csv")
    out, errors = reader.communicate(timeout=120)
    assert reader.returncode == 0, errors
    assert errors.strip() == (
        f"note: the log of the store {where} ends in an incomplete write (a load that "
        "stopped: the process ended or the disk was full); reading what was committed "
        "before it.")
    names = csv_body(out).split("\n", 1)[1].splitlines()
    # what was committed, the small write in the log included; nothing of the cut-off one
    assert len(names) == cities + 1
    assert "Committed before the disk filled up" in names
    assert os.path.getsize(where + ".wal") == 1_000_000  # (reading changed no file)
