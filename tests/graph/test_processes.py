"""Real processes: a load killed with SIGKILL half-way, and two processes on one store."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import textwrap

import numpy as np
import pandas as pd
import pytest

from coalitions.graph.model import GraphData
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
