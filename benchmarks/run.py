"""Time and measure the tool on synthetic networks, and write ``BENCHMARKS.md``.

Every step runs in a fresh Python process; the parent reads that child's wall time, CPU time
(user + system) and peak resident memory (``ru_maxrss`` from ``os.wait4``), and the load
average of the machine before and after. The machine is shared: CPU time is reported beside
wall time because it is much less sensitive to other processes than wall time is.

    python -m benchmarks.run                         # all scales, embedded store only
    python -m benchmarks.run --neo4j bolt://...      # also the Neo4j loads (NEO4J_* env)
    python -m benchmarks.run --scales region --steps pivots,approximation
    python -m benchmarks.run --scales none --steps whole --reps 9   # the 20k side-by-side

A single step (what the parent runs in its children):

    python -m benchmarks.run --step pivots --scale national
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import pickle
import platform
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

# Every row is stamped with the definitions it measured: rows of the steps issue 19 redefined
# without the stamp are reported stale.
from benchmarks.report import DEFINITIONS

REPO = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("COALITIONS_BENCH_DIR", "/tmp/coalitions-bench"))
PYTHON = sys.executable
COALITIONS = str(Path(PYTHON).parent / "coalitions")


# 20k memberships: the side-by-side comparison of the CLI, the raw kernel and pandas+networkx.
COMPARE = "compare20k"

STEPS_PER_SCALE = ["read_csv", "bare_copy", "load_embedded", "reload_embedded", "load_neo4j",
                   "cli_load", "cli_reload", "pivots", "cli_pivots", "embeddedness", "brokers", "map"]
EXTRA_STEPS = ["approximation", "per_source", "compare_cli", "compare_kernel",
               "compare_networkx", "compare_inprocess", "whole"]
# The side-by-side compares like with like: exact one-mode betweenness in all three programs.
# `coalitions pivots` chooses exact or estimate by a timed prediction that follows the
# machine's load (at 20k memberships exact is predicted at ~13 s idle, 60-100 s under a load
# of 8), so it is told to compute exactly; its default choice is recorded by compare_cli.
CLI_EXACT = ["--exact-seconds", "inf"]
# Sources of the like-for-like comparison of the estimate (per_source): the package's first
# two batches (32 + 64), the same 96 for igraph, and fewer for networkx (seconds each).
PER_SOURCE = 96
PER_SOURCE_NETWORKX = 8
# Exact networkx at 20k memberships takes some 10 min of cpu (4,000 Python searches of a
# 300k-edge graph), beyond the few minutes a step may take on the shared machine: the
# in-process networkx step searches from this many sources, and the report scales its
# search time up to all n sources (labelled a projection, never a measurement).
NETWORKX_SOURCES = 64
# The load targets are judged at national scale on the median of several runs of each of
# these, interleaved: on this shared machine the same load took 5.4 s and 13.4 s within ten
# minutes, so one run says more about the neighbours than about the code.
REPEATED_STEPS = ["read_csv", "bare_copy", "load_embedded", "cli_load", "load_neo4j"]
REPEATED_SCALE = "national"


# --- the steps (each runs in its own process) -----------------------------------------------

def _scale(name: str):
    from benchmarks.generate import SCALES, Scale

    if name == COMPARE:
        return Scale(COMPARE, cities=14, coalitions=800, actors=4_000, memberships=20_000,
                     ties=1_000)
    return SCALES[name]


def ensure_data(scale: str) -> Path:
    """The CSV folder and pickled GraphData of ``scale``, generated once (seed 1)."""
    from benchmarks.generate import generate, graph_data, write_csv

    folder = DATA / scale
    pkl = folder / "graph.pkl"
    if not pkl.exists():
        syn = generate(_scale(scale), seed=1)
        write_csv(syn, folder)
        with open(pkl, "wb") as fh:
            pickle.dump(graph_data(syn), fh, protocol=pickle.HIGHEST_PROTOCOL)
    return folder


def _graph(scale: str):
    with open(DATA / scale / "graph.pkl", "rb") as fh:
        return pickle.load(fh)


def _clock():
    import resource

    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter(), time.process_time() + kids.ru_utime + kids.ru_stime


def _since(start) -> dict[str, float]:
    # CPU of this process plus its finished children (the CLI steps run `coalitions`).
    w, c = _clock()
    return {"wall": round(w - start[0], 3), "cpu": round(c - start[1], 3)}


def step_read_csv(scale: str) -> dict:
    import pandas as pd

    folder = DATA / scale
    t = _clock()
    rows = {n: len(pd.read_csv(folder / f"{n}.csv", dtype=str, keep_default_na=False))
            for n in ("coalitions", "actors", "memberships", "ties")}
    return {"timed": _since(t), "rows": rows}


def step_bare_copy(scale: str) -> dict:
    """LadybugDB's own COPY FROM of the same node and relationship tables: the floor."""
    import ladybug
    import pandas as pd

    from coalitions.graph.schema import ladybug_ddl

    folder = DATA / scale
    a = pd.read_csv(folder / "actors.csv", dtype=str)
    m = pd.read_csv(folder / "memberships.csv", dtype={"actor": str, "coalition": str,
                                                        "role": str, "since": "int64"})
    co = pd.read_csv(folder / "coalitions.csv", dtype=str)
    ti = pd.read_csv(folder / "ties.csv", dtype={"source": str, "target": str, "type": str,
                                                  "weight": "float64"})
    kind = a.set_index("id")["kind"]
    path = _fresh(f"/tmp/coalitions-bench-bare-{scale}.db")
    db = ladybug.Database(path)
    conn = ladybug.Connection(db)
    for stmt in ladybug_ddl():
        conn.execute(stmt)
    cities = pd.DataFrame({"name": sorted(set(co["Stad"]) | set(a["city"].dropna()))})
    nodes = {
        "City": cities,
        "Coalition": co[["id", "Naam", "Stad"]].set_axis(["id", "name", "city"], axis=1),
        "Organisation": a.loc[a["kind"] == "organisation", ["id", "name", "sector", "city"]],
        "Person": a.loc[a["kind"] == "person", ["id", "name", "function", "sector", "city"]],
    }
    m_kind = m["actor"].map(kind)
    t_src, t_dst = ti["source"].map(kind), ti["target"].map(kind)
    label = {"organisation": "Organisation", "person": "Person"}
    rels = [("IN_CITY", "Coalition", "City", co[["id", "Stad"]])]
    for k in ("organisation", "person"):
        rels.append(("MEMBER_OF", label[k], "Coalition", m[m_kind == k]))
    persons = a[(a["kind"] == "person") & a["organisation"].notna()]
    rels.append(("AFFILIATED_WITH", "Person", "Organisation", persons[["id", "organisation"]]))
    for ks in ("organisation", "person"):
        for kd in ("organisation", "person"):
            rels.append(("TIE", label[ks], label[kd], ti[(t_src == ks) & (t_dst == kd)]))
    t = _clock()
    conn.execute("BEGIN TRANSACTION")
    for name, df in nodes.items():  # noqa: B007 - df is read by COPY
        conn.execute(f"COPY {name}({', '.join(df.columns)}) FROM df")
    for rel, src, dst, df in rels:  # noqa: B007
        if len(df):
            conn.execute(f"COPY {rel} FROM df (from='{src}', to='{dst}')")
    conn.execute("COMMIT")
    timed = _since(t)
    conn.close()
    db.close()
    return {"timed": timed, "memberships": len(m)}


def step_load_embedded(scale: str) -> dict:
    from coalitions.graph.store import open_store
    from coalitions.loaders import load_inputs

    path = _fresh(f"/tmp/coalitions-bench-{scale}.db")
    t = _clock()
    data = load_inputs([DATA / scale]).data
    read = _since(t)
    t2 = _clock()
    with open_store(path) as st:
        st.load(data)
    stored = _since(t2)
    return {"timed": _since(t), "parts": {"load_inputs": read, "store.load": stored},
            "memberships": len(data.memberships)}


def step_reload_embedded(scale: str) -> dict:
    """The same data loaded again into the store `load_embedded` made: nothing changes."""
    from coalitions.graph.store import open_store
    from coalitions.loaders import load_inputs

    path = f"/tmp/coalitions-bench-{scale}.db"
    if not Path(path).exists():
        step_load_embedded(scale)
    t = _clock()
    data = load_inputs([DATA / scale]).data
    read = _since(t)
    t2 = _clock()
    with open_store(path) as st:
        summary = st.load(data)
    stored = _since(t2)
    changed = getattr(summary, "changed", None)
    return {"timed": _since(t), "parts": {"load_inputs": read, "store.load": stored},
            "memberships": len(data.memberships),
            "changed": changed() if callable(changed) else changed}


def step_load_neo4j(scale: str) -> dict:
    from coalitions.graph.store import open_store
    from coalitions.loaders import load_inputs

    uri = os.environ["NEO4J_URI"]
    t = _clock()
    data = load_inputs([DATA / scale]).data
    read = _since(t)
    with open_store(None, neo4j=uri) as st:
        version = st.query("CALL dbms.components() YIELD versions RETURN versions[0] AS v")
        # The server's memory is part of the result: one transaction holds the whole load.
        conf = st.query("CALL dbms.listConfig() YIELD name, value WHERE name IN "
                        "['server.memory.pagecache.size', 'db.memory.transaction.total.max'] "
                        "RETURN name, value")
        jvm = st.query("CALL dbms.queryJmx('java.lang:type=Runtime') YIELD attributes "
                       "RETURN attributes.InputArguments.value AS args")
        # Start from an empty database, emptied outside the timed load: `replace=True` would
        # delete the previous scale's graph inside the load's own transaction.
        st.query("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
                 write=True)
        t2 = _clock()
        st.load(data)
        stored = _since(t2)
    n = len(data.memberships)
    return {"timed": _since(t), "parts": {"load_inputs": read, "store.load": stored},
            "memberships": n, "neo4j": str(version.iloc[0, 0]),
            "server": "; ".join([f"{r['name']} {r['value']}" for _, r in conf.iterrows()]
                                + [a for a in (jvm.iloc[0, 0] if len(jvm) else [])
                                   if a.startswith(("-Xm", "-XX:+Use", "-XX:-Use", "-XX:Tiered",
                                                    "-XX:MaxTenuring", "-XX:+AlwaysPreTouch"))]),
            "memberships_per_s": round(n / stored["wall"]),
            "memberships_per_s_end_to_end": round(n / _since(t)["wall"])}


def step_cli_load(scale: str) -> dict:
    path = _fresh(f"/tmp/coalitions-bench-cli-{scale}.db")
    cmd = [COALITIONS, "--store", path, "load", str(DATA / scale)]
    t = _clock()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return {"timed": _since(t), "command": _cmd(cmd)}


def step_cli_reload(scale: str) -> dict:
    """`coalitions --store X load DIR` again on the store `cli_load` made: nothing changes."""
    path = f"/tmp/coalitions-bench-cli-{scale}.db"
    if not Path(path).exists():
        step_cli_load(scale)
    cmd = [COALITIONS, "--store", path, "load", str(DATA / scale)]
    t = _clock()
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return {"timed": _since(t), "command": _cmd(cmd),
            "output": " ".join(done.stdout.split())[-200:]}


def step_cli_pivots(scale: str) -> dict:
    path = f"/tmp/coalitions-bench-cli-{scale}.db"
    if not Path(path).exists():
        step_cli_load(scale)
    cmd = [COALITIONS, "--store", path, "pivots"]
    t = _clock()
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr else "failed",
                "command": _cmd(cmd)}
    # (the note after the table says how betweenness came out: exact or estimated, and why)
    said = [x.split(":", 1)[1].strip() for x in (done.stdout + done.stderr).splitlines()
            if x.startswith("betweenness, as computed here:")]
    return {"timed": _since(t), "command": _cmd(cmd), "method": said[0] if said else None}


def step_pivots(scale: str) -> dict:
    from coalitions.analysis.centrality import actor_measures

    data = _graph(scale)
    t = _clock()
    df = actor_measures(data)
    return {"timed": _since(t), "method": df.attrs.get("betweenness_method")}


def step_per_source(scale: str) -> dict:
    """The estimate's work compared like with like: the cost of one sampled source on the
    one-mode actor network, in the package's estimator (``sampled_centrality``, its first
    two batches), in igraph (subset betweenness from the same number of sources) and in
    networkx (``betweenness_centrality(k=...)``, fewer sources: seconds each). Each one's
    graph building is timed apart from its searches."""
    import random

    import networkx as nx

    from coalitions.analysis.centrality import _pattern_graph, sampled_centrality
    from coalitions.analysis.network import actor_projection

    data = _graph(scale)
    t = _clock()
    proj = actor_projection(data)
    projection = _since(t)
    w = proj.matrix
    n = w.shape[0]
    t = _clock()
    est = sampled_centrality(w, seed=42, max_sources=PER_SOURCE, budget_seconds=float("inf"),
                             rel_error=0.0)
    package = _since(t)
    used = est.attrs["sources"]
    t = _clock()
    g = _pattern_graph(w, proj.actor_ids)
    igraph_build = _since(t)
    sources = sorted(random.Random(42).sample(range(n), used))
    t = _clock()
    g.betweenness(directed=False, sources=sources)
    igraph = _since(t)
    t = _clock()
    coo = w.tocoo()
    keep = coo.row < coo.col
    h = nx.Graph()
    h.add_nodes_from(range(n))
    h.add_edges_from(zip(coo.row[keep].tolist(), coo.col[keep].tolist(), strict=True))
    networkx_build = _since(t)
    del coo, keep
    t = _clock()
    nx.betweenness_centrality(h, k=PER_SOURCE_NETWORKX, seed=42)
    networkx = _since(t)

    def per(x: dict, k: int) -> dict:
        return {"wall_ms": round(1000 * x["wall"] / k, 1), "cpu_ms": round(1000 * x["cpu"] / k, 1)}

    return {"timed": package, "actors": n, "edges": int(w.nnz // 2), "sources": used,
            "networkx_sources": PER_SOURCE_NETWORKX,
            "parts": {"projection": projection, "sampled_centrality": package,
                      "igraph graph build": igraph_build, "igraph subset betweenness": igraph,
                      "networkx graph build": networkx_build,
                      "networkx betweenness_centrality(k)": networkx},
            "per_source": {"package": per(package, used), "igraph": per(igraph, used),
                           "networkx": per(networkx, PER_SOURCE_NETWORKX)}}


def step_embeddedness(scale: str) -> dict:
    from coalitions.analysis.embeddedness import actor_embeddedness

    data = _graph(scale)
    t = _clock()
    actor_embeddedness(data)
    return {"timed": _since(t)}


def step_brokers(scale: str) -> dict:
    from coalitions.analysis.brokerage import actor_brokerage

    data = _graph(scale)
    t = _clock()
    df = actor_brokerage(data, group_by="sector")
    return {"timed": _since(t), "network": df.attrs.get("network")}


def step_map(scale: str) -> dict:
    from coalitions.viz.maps import render_map

    data = _graph(scale)
    out = Path(f"/tmp/coalitions-bench-map-{scale}.html")
    t = _clock()
    info = render_map(data, out, title=f"Synthetic {scale}")
    return {"timed": _since(t), "bytes": out.stat().st_size,
            "info": {k: v for k, v in vars(info).items() if isinstance(v, int | bool | str)}}


def step_approximation(scale: str) -> dict:
    """Sampled actor betweenness (as actor_measures computes it) against exact betweenness."""
    import numpy as np
    from scipy.stats import spearmanr

    from coalitions.analysis.centrality import actor_betweenness, betweenness
    from coalitions.analysis.network import actor_network

    data = _graph(scale)
    t = _clock()
    sampled = actor_betweenness(data)
    sampled_time = _since(t)
    t = _clock()
    exact = betweenness(actor_network(data))
    exact_time = _since(t)
    exact = exact.reindex(sampled.index)
    top_s = set(sampled.sort_values(ascending=False).index[:20])
    top_e = set(exact.sort_values(ascending=False).index[:20])
    rho = spearmanr(sampled.to_numpy(), exact.to_numpy()).statistic
    broker = exact > 0
    rho_brokers = spearmanr(sampled[broker].to_numpy(), exact[broker].to_numpy()).statistic
    top100 = exact.sort_values(ascending=False).index[:100]
    rho_top = spearmanr(sampled[top100].to_numpy(), exact[top100].to_numpy()).statistic
    return {"timed": exact_time, "sampled_time": sampled_time,
            "method": sampled.attrs.get("method"),
            # (the adaptive estimate reports its sources; the old fixed one its samples)
            "samples": sampled.attrs.get("sources", sampled.attrs.get("samples")),
            "stopped": sampled.attrs.get("stopped"),
            "achieved_rel_error": sampled.attrs.get("achieved_rel_error"),
            "graph": sampled.attrs.get("graph"),
            "top20_overlap": len(top_s & top_e), "spearman_all": round(float(rho), 4),
            "spearman_nonzero": round(float(rho_brokers), 4),
            "spearman_top100": round(float(rho_top), 4),
            "actors": int(len(exact)), "nonzero": int(broker.sum()),
            "max_rel_error_top20": round(float(np.max(np.abs(
                sampled[list(top_e)] - exact[list(top_e)]) / exact[list(top_e)])), 4)}


def step_compare_cli(scale: str) -> dict:
    out = step_cli_pivots(scale)
    if "error" in out:  # `coalitions pivots` not there yet: the library call instead
        lib = step_pivots(scale)
        lib["note"] = f"`coalitions pivots` failed ({out['error']}); actor_measures timed instead"
        return lib
    return out


def step_compare_kernel(scale: str) -> dict:
    """The raw kernel (scipy sparse projection + igraph betweenness), timed in-process:
    the program of ``benchmarks.pipelines`` with its libraries imported before the clock."""
    import igraph  # noqa: F401
    import numpy  # noqa: F401
    import pandas  # noqa: F401
    import scipy.sparse  # noqa: F401

    from benchmarks.pipelines import kernel

    details: dict = {}
    t = _clock()
    kernel(DATA / scale, details)
    return {"timed": _since(t), **details}


def step_compare_networkx(scale: str) -> dict:
    """The same pipeline in pandas + networkx (ids as Python strings, its faster form),
    timed in-process like the kernel, from NETWORKX_SOURCES sampled sources: the report
    projects exact from its search time."""
    import networkx  # noqa: F401
    import pandas  # noqa: F401

    from benchmarks.pipelines import networkx as nx_pipeline

    details: dict = {}
    t = _clock()
    nx_pipeline(DATA / scale, details, text="object", sources=NETWORKX_SOURCES)
    return {"timed": _since(t), "sources": NETWORKX_SOURCES, **details}


def step_compare_inprocess(scale: str) -> dict:
    """What `coalitions pivots` computes, timed in-process after the imports: store read +
    actor_measures (the second view of the side-by-side; start-up excluded)."""
    from coalitions.analysis.centrality import actor_measures
    from coalitions.graph.store import open_store

    path = f"/tmp/coalitions-bench-cli-{scale}.db"
    if not Path(path).exists():  # (the side-by-side makes it; this step may run first)
        step_cli_load(scale)
    t = _clock()
    with open_store(path, read_only=True, must_exist=True) as st:
        data = st.read_graph()
    read = _since(t)
    t2 = _clock()
    df = actor_measures(data, seed=42, exact_seconds=float("inf"))  # as whole_cli: exact
    return {"timed": _since(t), "parts": {"read_graph": read, "actor_measures": _since(t2)},
            "method": df.attrs.get("betweenness_method")}


def _fresh(path: str) -> str:
    p = Path(path)
    if p.is_dir():
        shutil.rmtree(p)
    elif p.exists():
        p.unlink()
    for extra in p.parent.glob(p.name + ".*"):  # LadybugDB's WAL and lock files
        extra.unlink()
    return str(p)


def _cmd(cmd: list[str]) -> str:
    return " ".join(Path(c).name if c == COALITIONS else c for c in cmd)


# --- the parent: run steps in children, collect, write the report ---------------------------

def run_step_measured(step: str, scale: str, timeout: float) -> dict:
    """One child, with its peak RSS and CPU read by wait4 (exact per child)."""
    cmd = [PYTHON, "-m", "benchmarks.run", "--step", step, "--scale", scale]
    load_before = os.getloadavg()[0]
    t = time.perf_counter()
    with open(f"/tmp/coalitions-bench-{step}-{scale}.out", "w+") as out, \
            open(f"/tmp/coalitions-bench-{step}-{scale}.err", "w+") as err:
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=out, stderr=err,
                                env={**os.environ, "PYTHONPATH": str(REPO)})
        deadline = t + timeout
        status, usage = 0, None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                return {"step": step, "scale": scale,
                        "error": f"timed out after {timeout:.0f} s"}
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    row: dict[str, Any] = {
        "step": step, "scale": scale,
        "process_wall": round(time.perf_counter() - t, 2),
        # ru_maxrss of a child includes its own children's peak only if larger (the CLI
        # steps run `coalitions` as a grandchild; wait4 reports the largest).
        "peak_mib": round(usage.ru_maxrss / 1024),
        "process_cpu": round(usage.ru_utime + usage.ru_stime, 2),
        "load_before": round(load_before, 2),
        "load_after": round(os.getloadavg()[0], 2),
        "commit": _commit(),
        "cpu": cpu_model(),
        "definitions": DEFINITIONS,
    }
    if proc.returncode:
        # The exception line (and the package's hint after it, if any), not just the hint.
        lines = stderr.strip().splitlines() or ["failed"]
        at = max((i for i, x in enumerate(lines) if x.split(":", 1)[0].endswith(
            ("Error", "Exception"))), default=len(lines) - 1)
        row["error"] = " ".join(x.strip() for x in lines[at:])[:500]
        return row
    row.update(json.loads(stdout.strip().splitlines()[-1]))
    return row


def _judged_wall(row: dict) -> float:
    """The time a target judges: a Neo4j load's rate comes from its ``store.load`` alone."""
    if row["step"] == "load_neo4j" and "store.load" in row.get("parts", {}):
        return row["parts"]["store.load"]["wall"]
    return row["timed"]["wall"]


def median_row(runs: list[dict]) -> dict:
    """One row for several runs of a step: the run with the median judged time (the lower
    middle one of an even number), whole, so that its parts and rates belong together; plus
    every run's times in run order (``reps``), the largest peak and the range of the load.
    A run that failed makes the row that failure: a target is not met by the runs that
    happened to complete."""
    failed = [r for r in runs if "timed" not in r]
    if failed:
        return {**failed[0], "note": f"{len(failed)} of {len(runs)} runs failed"}
    ordered = sorted(runs, key=_judged_wall)
    row = dict(ordered[(len(ordered) - 1) // 2])
    row["reps"] = [{"wall": r["timed"]["wall"], "cpu": r["timed"]["cpu"],
                    "judged": _judged_wall(r), "load_before": r["load_before"]} for r in runs]
    row["peak_mib"] = max(r["peak_mib"] for r in runs)
    row["load_range"] = [min(r["load_before"] for r in runs),
                         max(r["load_before"] for r in runs)]
    return row


def whole_commands(scale: str = COMPARE) -> dict[str, list[str]]:
    """The programs of the side-by-side, each timed as a whole fresh process."""
    folder = str(DATA / scale)
    return {
        "whole_cli": [COALITIONS, "--store", f"/tmp/coalitions-bench-cli-{scale}.db", "pivots",
                      *CLI_EXACT],
        "whole_kernel": [PYTHON, "-m", "benchmarks.pipelines", "kernel", folder],
        "whole_networkx": [PYTHON, "-m", "benchmarks.pipelines", "networkx", folder],
        "whole_networkx_objects": [PYTHON, "-m", "benchmarks.pipelines", "networkx_objects",
                                   folder],
    }


def run_process(cmd: list[str]) -> dict[str, Any]:
    """One whole process: wall from spawn to exit, cpu and peak RSS from wait4."""
    load_before = os.getloadavg()[0]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status):
        raise RuntimeError(f"{_cmd(cmd)} failed: {stderr.strip()[-300:]}")
    return {"wall": round(wall, 3), "cpu": round(usage.ru_utime + usage.ru_stime, 3),
            "peak_mib": round(usage.ru_maxrss / 1024), "load_before": round(load_before, 2)}


def compare_processes(reps: int, scale: str = COMPARE,
                      programs: list[str] | None = None) -> list[dict[str, Any]]:
    """Each of the programs (``programs``: names of :func:`whole_commands`, default all)
    ``reps`` times, interleaved (so that the other work on the machine falls on all alike),
    and the median of each."""
    import statistics

    store = f"/tmp/coalitions-bench-cli-{scale}.db"
    if not Path(store).exists():
        subprocess.run([COALITIONS, "--store", store, "load", str(DATA / scale)], check=True,
                       stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(REPO)})
    cmds = {k: v for k, v in whole_commands(scale).items() if programs is None or k in programs}
    runs: dict[str, list[dict]] = {k: [] for k in cmds}
    for _ in range(reps):
        for k, cmd in cmds.items():
            runs[k].append(run_process(cmd))
    rows = []
    for k, rs in runs.items():
        rows.append({
            "step": k, "scale": scale, "reps": rs, "command": _cmd(cmds[k]),
            "timed": {"wall": statistics.median(r["wall"] for r in rs),
                      "cpu": statistics.median(r["cpu"] for r in rs)},
            "peak_mib": max(r["peak_mib"] for r in rs),
            "load_before": statistics.median(r["load_before"] for r in rs),
            "load_range": [min(r["load_before"] for r in rs), max(r["load_before"] for r in rs)],
            "commit": _commit(),
            "cpu": cpu_model(),
            "definitions": DEFINITIONS,
        })
    return rows


def _commit() -> str:
    # A run from a snapshot of a commit (`git archive`) names that commit in the environment.
    return os.environ.get("COALITIONS_BENCH_COMMIT") or subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
        text=True).stdout.strip()


@functools.cache
def cpu_model() -> str:
    """The processor's model name. Each row records it: the machine behind this checkout
    has changed between sessions (an AMD EPYC until 2026-12-02, an Intel Xeon after), and
    rows kept from an earlier run must say where they ran. (Read once per run.)"""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return "?"


def machine() -> dict[str, Any]:
    import importlib.metadata as md

    cpu = cpu_model()
    mem = "?"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    versions = {}
    for pkg in ("ladybug", "python-igraph", "pandas", "numpy", "scipy", "networkx", "neo4j"):
        try:
            versions[pkg] = md.version(pkg)
        except md.PackageNotFoundError:
            versions[pkg] = "-"
    commit = _commit()
    return {"nproc": os.cpu_count(), "memory": mem, "cpu": cpu,
            "python": platform.python_version(), "platform": platform.platform(),
            "versions": versions, "commit": commit,
            "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}


def _run_and_show(step: str, scale: str, timeout: float, what: str = "") -> dict:
    print(f"{scale:>10} {step:<16} ...", end="", flush=True, file=sys.stderr)
    ensure_data(scale)
    row = run_step_measured(step, scale, timeout)
    shown = row.get("error") or (f"{row['timed']['wall']:.2f} s wall, "
                                 f"{row['timed']['cpu']:.2f} s cpu, "
                                 f"{row['peak_mib']} MiB, load {row['load_before']}")
    print(f" {shown}{what}", file=sys.stderr)
    return row


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--step", help="run one step in this process and print JSON")
    parser.add_argument("--scale", default="sample")
    parser.add_argument("--scales", default="sample,region,national")
    parser.add_argument("--steps", default=",".join(STEPS_PER_SCALE + EXTRA_STEPS))
    parser.add_argument("--neo4j", default=os.environ.get("NEO4J_URI"),
                        help="Neo4j URI for the load_neo4j step (credentials from NEO4J_*)")
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--reps", type=int, default=9,
                        help="repetitions of each whole-process run in the side-by-side")
    parser.add_argument("--whole-programs", default=None,
                        help="only these programs of the side-by-side (comma-separated: "
                             "whole_cli, whole_kernel, whole_networkx, whole_networkx_objects); "
                             "the others' rows are kept from --results")
    parser.add_argument("--load-reps", type=int, default=3,
                        help="runs of each national load step (interleaved); the row is the "
                             "median run")
    parser.add_argument("--results", type=Path, default=REPO / "benchmarks" / "results.json")
    parser.add_argument("--out", type=Path, default=REPO / "BENCHMARKS.md")
    parser.add_argument("--report-only", action="store_true",
                        help="rewrite BENCHMARKS.md from --results without running anything")
    args = parser.parse_args(argv)

    if args.step:
        ensure_data(args.scale)
        result = globals()[f"step_{args.step}"](args.scale)
        print(json.dumps(result, default=str))
        return

    from benchmarks.report import write_report

    if args.report_only:
        write_report(json.loads(args.results.read_text()), args.out)
        return
    steps = args.steps.split(",")
    # Byte-code as an installed package has it: an editable install writes none until the
    # first run, and this machine sets PYTHONDONTWRITEBYTECODE, so every timed process would
    # otherwise compile the package's modules again.
    import compileall

    compileall.compile_dir(Path(__file__).resolve().parents[1] / "coalitions", quiet=1)
    if args.neo4j:
        os.environ["NEO4J_URI"] = args.neo4j
    results = json.loads(args.results.read_text()) if args.results.exists() else {}
    results["machine"] = machine()
    rows = {(r["step"], r["scale"]): r for r in results.get("rows", [])}
    plan = [(s, sc) for sc in args.scales.split(",") for s in STEPS_PER_SCALE if s in steps]
    if "approximation" in steps:
        plan.append(("approximation", "region"))
    if "per_source" in steps:
        plan.append(("per_source", "region"))
    plan += [(s, COMPARE) for s in ("compare_cli", "compare_kernel", "compare_networkx",
                                    "compare_inprocess") if s in steps]
    plan = [(s, sc) for s, sc in plan if s != "load_neo4j" or args.neo4j]
    repeated = [(s, sc) for s, sc in plan if sc == REPEATED_SCALE and s in REPEATED_STEPS]
    runs: dict[tuple[str, str], list[dict]] = {k: [] for k in repeated}
    for step, scale in plan:
        if (step, scale) in runs:
            if (step, scale) != repeated[0]:
                continue
            # The repeated steps run here, in rounds: each round runs every one of them once.
            for rep in range(args.load_reps):
                for key in repeated:
                    runs[key].append(_run_and_show(*key, args.timeout,
                                                   f" (run {rep + 1}/{args.load_reps})"))
            for key in repeated:
                rows[key] = median_row(runs[key])
        else:
            rows[(step, scale)] = _run_and_show(step, scale, args.timeout)
        results["rows"] = list(rows.values())
        args.results.write_text(json.dumps(results, indent=1, default=str))
    if "whole" in steps:
        print(f"{COMPARE:>10} whole processes x{args.reps} ...", end="", flush=True,
              file=sys.stderr)
        ensure_data(COMPARE)
        programs = args.whole_programs.split(",") if args.whole_programs else None
        for row in compare_processes(args.reps, programs=programs):
            rows[(row["step"], row["scale"])] = row
        print(" " + ", ".join(f"{r['step']} {r['timed']['wall']:.2f} s"
                              for r in rows.values() if r["step"].startswith("whole_")),
              file=sys.stderr)
        results["rows"] = list(rows.values())
        args.results.write_text(json.dumps(results, indent=1, default=str))
    write_report(results, args.out)


if __name__ == "__main__":
    main()
