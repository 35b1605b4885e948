"""The Neo4j store, through the official driver.

A load runs in one explicit transaction (UNWIND batches inside it), so a load that fails or
whose process dies leaves the previous state: the server rolls back a transaction whose
connection is gone. Loads are serialised: each transaction first takes an exclusive lock (a
write to the one ``(:_LoadLock {id: 1})`` node) and only then reads what the store holds and
plans its writes, so a second load waits until the first has committed and plans from its
result. Reads for `query` run in READ access mode, where the server refuses writes
(``Neo.ClientError.Statement.AccessMode``). Credentials never appear in messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import neo4j
import numpy as np
import pandas as pd
from neo4j import exceptions as nex

from coalitions.errors import QueryError, ReadOnlyError, ServerError, StoreError
from coalitions.graph.model import GraphData
from coalitions.graph.schema import neo4j_ddl
from coalitions.graph.store import LoadPlan, LoadSummary, Progress, Store, _one_per_key, plan_load
from coalitions.graph.tables import (
    KEY,
    NODE_KEYS,
    NODE_PROPERTIES,
    REL_ENDPOINTS,
    REL_PROPERTIES,
    WAVE,
    Tables,
    by_endpoints,
    iter_node_tables,
    rel_owners,
    rel_tables,
    wave_keys,
)
from coalitions.graph.waves import (
    READ_WAVE,
    SET_INPUTS,
    TOUCH_WAVE,
    check_wave,
    inputs_after,
    now,
)

__all__ = ["Neo4jStore"]

_BATCH = 10_000

# The load lock: Community edition has no advisory locks, so a load writes to one node and
# holds that node's exclusive lock until it commits or rolls back. The uniqueness constraint
# makes MERGE safe when two loads race to create the node (the second waits on the first's
# index entry instead of creating a second node). Setting a property takes the lock even when
# the value is unchanged, so the node stays as it is.
_LOCK_DDL = ("CREATE CONSTRAINT _loadlock_id IF NOT EXISTS "
             "FOR (n:_LoadLock) REQUIRE n.id IS UNIQUE")
_LOCK = "MERGE (l:_LoadLock {id: 1}) SET l.held = true"
_AGAIN = "Run the load again: it will start from what the other load left."


def _plain_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    out = frame.astype(object)
    out = out.where(pd.notna(out), None)
    return out.to_dict("records")


def _public_uri(uri: str) -> str:
    parts = urlsplit(uri)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def _value(v: Any) -> Any:
    if isinstance(v, neo4j.graph.Node | neo4j.graph.Relationship):
        return {k: _value(x) for k, x in dict(v).items()}
    if isinstance(v, neo4j.graph.Path):
        return [_value(n) for n in v.nodes]
    if isinstance(v, list):
        return [_value(x) for x in v]
    if isinstance(v, dict):
        return {k: _value(x) for k, x in v.items()}
    return v


class Neo4jStore(Store):
    engine = "neo4j"

    def __init__(self, uri: str, *, user: str = "neo4j", password: str = "",
                 database: str | None = None, read_only: bool = False) -> None:
        self.uri = _public_uri(uri)
        self.database = database
        self.read_only = read_only
        self.user = user
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri, auth=(user, password), connection_acquisition_timeout=30, notifications_min_severity="OFF",
                max_transaction_retry_time=60)
            self._driver.verify_connectivity()
        except nex.AuthError:
            raise ServerError(
                f"Neo4j at {self.uri} refused the credentials of user {user!r}.",
                hint="Check NEO4J_USERNAME and NEO4J_PASSWORD.") from None
        except (nex.ServiceUnavailable, OSError, ValueError, nex.ConfigurationError) as exc:
            # The driver's text may quote the URI as given, credentials included.
            detail = (str(exc).splitlines() or [type(exc).__name__])[0].replace(uri, self.uri)
            detail = re.sub(r"//[^/@\s]*@", "//", detail).rstrip(".:")
            raise ServerError(
                f"Cannot reach Neo4j at {self.uri}: {detail}.",
                hint="Is the server running (`scripts/neo4j-local start` or "
                     "`docker compose up -d`) and is NEO4J_URI right?") from None
        if not read_only:
            with self._session() as s:
                for stmt in [*neo4j_ddl(), _LOCK_DDL]:
                    s.run(stmt).consume()

    @property
    def location(self) -> str:
        return self.uri

    def _session(self, read: bool = False) -> neo4j.Session:
        mode = neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS
        return self._driver.session(database=self.database, default_access_mode=mode)

    def close(self) -> None:
        drv = getattr(self, "_driver", None)
        if drv is not None:
            drv.close()
            self._driver = None

    def _read(self, cypher: str, params: Mapping[str, Any] | None = None,
              tx: neo4j.ManagedTransaction | None = None) -> pd.DataFrame:
        """Rows of a read, in its own READ transaction or, given ``tx``, inside that one."""
        def work(tx: neo4j.ManagedTransaction) -> tuple[list[str], list[list[Any]]]:
            result = tx.run(cypher, dict(params or {}))
            keys = list(result.keys())
            return keys, [[_value(v) for v in rec.values()] for rec in result]

        if tx is not None:
            keys, rows = work(tx)
            return pd.DataFrame(rows, columns=keys)
        try:
            with self._session(read=True) as s:
                keys, rows = s.execute_read(work)
        except nex.ServiceUnavailable as exc:
            raise ServerError(f"Lost the connection to Neo4j at {self.uri}: {exc}") from None
        return pd.DataFrame(rows, columns=keys)

    def _read_nodes(self, label: str, wave: str,
                    tx: neo4j.ManagedTransaction | None = None) -> pd.DataFrame:
        props = NODE_PROPERTIES[label]
        ret = ", ".join(f"n.{p} AS {p}" for p in props)
        frame = self._read(f"MATCH (n:{label}) WHERE n.{WAVE} = $wave RETURN {ret}",
                           {"wave": wave}, tx=tx)
        return frame if len(frame.columns) else pd.DataFrame(columns=props)

    def _read_rels(self, rel: str, wave: str,
                   tx: neo4j.ManagedTransaction | None = None) -> pd.DataFrame:
        props = REL_PROPERTIES[rel]
        frames = []
        for a, b in REL_ENDPOINTS[rel]:
            ret = ", ".join([f"'{a}' AS src_label", f"a.{NODE_KEYS[a]} AS src",
                             f"'{b}' AS dst_label", f"b.{NODE_KEYS[b]} AS dst",
                             *(f"r.{p} AS {p}" for p in props)])
            frames.append(self._read(f"MATCH (a:{a})-[r:{rel}]->(b:{b}) "
                                     f"WHERE r.{WAVE} = $wave RETURN {ret}", {"wave": wave},
                                     tx=tx))
        return pd.concat(frames, ignore_index=True)

    def _count(self, label: str | None = None, rel: str | None = None,
               wave: str | None = None, tx: neo4j.ManagedTransaction | None = None) -> int:
        where = f" WHERE x.{WAVE} = $wave" if wave is not None else ""
        q = (f"MATCH (x:{label}){where} RETURN count(x)" if label
             else f"MATCH ()-[x:{rel}]->(){where} RETURN count(x)")
        return int(self._read(q, {"wave": wave}, tx=tx).iloc[0, 0])

    # The version before waves left nodes without a key; a store that has Wave nodes was
    # made by this one. Only a store without them is searched (one node is enough).
    def _legacy(self, tx: neo4j.ManagedTransaction | None = None) -> bool:
        if len(self._read("MATCH (w:Wave) RETURN w.name LIMIT 1", tx=tx)):
            return False
        found = self._read("MATCH (n) WHERE (n:City OR n:Coalition OR n:Organisation OR "
                           f"n:Person OR n:Theme) AND n.{KEY} IS NULL RETURN 1 LIMIT 1", tx=tx)
        return bool(len(found))

    def query(self, cypher: str, params: Mapping[str, Any] | None = None, *,
              write: bool = False) -> pd.DataFrame:
        if write and self.read_only:
            raise ReadOnlyError("This store was opened read-only.", hint="Pass --write.")
        try:
            if not write:
                return self._read(cypher, params)
            with self._session() as s:
                result = s.run(cypher, dict(params or {}))
                keys = list(result.keys())
                rows = [[_value(v) for v in rec.values()] for rec in result]
            return pd.DataFrame(rows, columns=keys)
        except nex.ClientError as exc:
            if exc.code and "AccessMode" in exc.code:
                raise ReadOnlyError(
                    "The query tries to write, and it ran in read-only mode.",
                    hint="Pass --write to allow changes.") from None
            hint = None
            if "Couldn't load the external resource" in (exc.message or ""):
                # (LOAD CSV: file:/// names a file in the server's import folder)
                hint = ("LOAD CSV FROM 'file:///name.csv' reads name.csv from the Neo4j "
                        "server's import folder (server.directories.import), not from this "
                        "machine's paths; copy the file there, or give an http(s) URL.")
            raise QueryError(f"The query failed on Neo4j: {exc.message}", hint=hint) from None

    def load(self, data: GraphData, *, wave: str | None = None, replace: bool = False,
             progress: Progress | None = None,
             inputs: Sequence[Mapping[str, Any]] | None = None) -> LoadSummary:
        """Load a validated graph (see :meth:`Store.load`), serialised with other loads.

        The decision :meth:`Store.load` makes before its transaction (is the store empty?
        what does it hold?) is made here inside the load's transaction, after the load lock
        is held: a load that waited for another plans from what that one committed.
        """
        if self.read_only:
            raise ReadOnlyError("This store was opened read-only; it cannot be loaded.")
        wave = check_wave(wave)
        self._load_files = None if inputs is None else [dict(f) for f in inputs]
        if not replace:  # (a replacing load removes the earlier version's data: see _write_plan)
            self._check_current()
        # What depends only on the input is made before the lock is taken.
        nodes = {label: _one_per_key(label, frame) for label, frame in iter_node_tables(data)}
        rels = rel_tables(data)
        owners: list[dict[str, tuple[str, set[str]]]] = []  # made once, if a plan needs it

        def plan(tx: neo4j.ManagedTransaction) -> LoadPlan:
            # A fresh store has nothing to compare with: counting is cheaper than reading.
            if replace or all(self._count(label=label, wave=wave, tx=tx) == 0
                              for label in NODE_KEYS):
                plan = LoadPlan.all_new(nodes, rels, replace, wave)
                # (a new wave gets its Wave node even when the input is empty)
                plan.new_wave = not len(self._read("MATCH (w:Wave {name: $wave}) RETURN 1",
                                                   {"wave": wave}, tx=tx))
                return plan
            if not owners:
                owners.append(rel_owners(data))
            existing_nodes = {label: self._read_nodes(label, wave, tx) for label in NODE_KEYS}
            existing_rels = {rel: self._read_rels(rel, wave, tx) for rel in REL_ENDPOINTS}
            plan = plan_load(Tables(nodes, rels, owners[0]), existing_nodes, existing_rels)
            plan.wave = wave
            return plan

        return self._write(plan, progress)

    def _apply(self, plan: LoadPlan, progress: Progress | None) -> None:
        if self.read_only:
            raise ReadOnlyError("This store was opened read-only; it cannot be loaded.")
        self._write(lambda tx: plan, progress)

    def _write(self, make_plan: Callable[[neo4j.ManagedTransaction], LoadPlan],
               progress: Progress | None) -> LoadSummary:
        """Run one load transaction: take the load lock, make the plan (``make_plan`` may
        read the store through the transaction it is given), write it, commit."""

        files = self._load_files

        def work(tx: neo4j.ManagedTransaction) -> tuple[LoadSummary, int]:
            # One transaction for the whole load. The driver may run this function again
            # after a lost connection, a server restart or a deadlock (execute_write
            # retries); that is safe because an aborted transaction left nothing behind,
            # and the plan is made again from what the store then holds.
            tx.run(_LOCK).consume()  # first: a second load waits here until this commits
            plan = make_plan(tx)
            summary = plan.summary()
            if not (summary.changed or plan.replace or plan.new_wave):
                return summary, 0
            # The record of the wave's input files: read and rewritten under the load lock,
            # in the load's transaction (all or nothing, and no load appends in between).
            at = now()
            before = [r.data() for r in tx.run(READ_WAVE, wave=plan.wave)]
            tx.run(TOUCH_WAVE, wave=plan.wave, now=at).consume()
            tx.run(SET_INPUTS, wave=plan.wave, inputs=inputs_after(
                before, files, replace=plan.replace, loaded_at=at)).consume()
            return summary, _write_plan(tx, plan, progress)

        try:
            with self._session() as s:
                summary, total = s.execute_write(work)
        except (nex.ServiceUnavailable, nex.SessionExpired) as exc:
            raise ServerError(
                f"Lost the connection to Neo4j at {self.uri} during the load, and retrying "
                "did not help; nothing was written.",
                hint=f"Check that the server is up and load again ({type(exc).__name__}).",
            ) from None
        except nex.ConstraintError:
            # Loads take the lock, so only a writer that does not (a `query --write`, or an
            # older version of this tool) can have created the same key meanwhile.
            raise StoreError(
                f"Neo4j at {self.uri} refused the load: another load or write ran at the same "
                "time and created a node with the same key first; nothing was written.",
                hint=_AGAIN) from None
        except nex.TransientError as exc:
            if exc.code and ("Lock" in exc.code or "Deadlock" in exc.code):
                raise StoreError(
                    f"Neo4j at {self.uri} gave up the load while waiting for another load or "
                    f"write that ran at the same time ({exc.code}); nothing was written.",
                    hint=_AGAIN) from None
            raise ServerError(
                f"Neo4j at {self.uri} could not complete the load ({exc.code}); nothing was "
                "written.", hint="Check the server log (memory, disk) and load again.") from None
        if progress and total:
            progress("done", total, total)
        return summary

    def write_properties(self, label: str, frame: pd.DataFrame, wave: str | None = None) -> int:
        key = NODE_KEYS[label]
        props = [c for c in frame.columns if c != key]
        if not len(frame) or not props:
            return 0
        wave = self.resolve_wave(wave) or ""
        frame = frame.drop(columns=[key]).assign(**{KEY: wave_keys(wave, frame[key])})
        sets = ", ".join(f"n.{p} = row.{p}" for p in props)
        q = f"UNWIND $rows AS row MATCH (n:{label} {{{KEY}: row.{KEY}}}) SET {sets}"
        with self._session() as s, s.begin_transaction() as tx:
            # Behind any running load, as a load would be: one order of locks, no deadlock
            # between a load and measures written back.
            tx.run(_LOCK).consume()
            for chunk in _chunks(frame):
                tx.run(q, rows=chunk).consume()
            tx.commit()
        return len(frame)


def _write_plan(tx: neo4j.ManagedTransaction, plan: LoadPlan,
                progress: Progress | None) -> int:
    """Write ``plan`` in ``tx``: deletions, then nodes, then relationships, in UNWIND
    batches; returns the number of rows written (the progress total)."""
    wave = plan.wave
    batches: list[tuple[str, str, dict[str, Any], int]] = []
    for rel, frame in plan.delete_rels.items():
        for a, b, part in by_endpoints(rel, frame):
            cols = ["src", "dst", *(["type"] if rel == "TIE" else [])]
            extra = " WHERE r.type = c2[i]" if rel == "TIE" else ""
            part = part.assign(src=wave_keys(wave, part["src"]), dst=wave_keys(wave, part["dst"]))
            for with_, params, n in _column_batches(part, cols):
                q = (f"WITH {with_} UNWIND range(0, size(c0) - 1) AS i "
                     f"MATCH (a:{a} {{{KEY}: c0[i]}})-[r:{rel}]->"
                     f"(b:{b} {{{KEY}: c1[i]}}){extra} DELETE r")
                batches.append((f"removing {rel}", q, params, n))
    # The plan knows which nodes are new: CREATE them (MERGE would first look each one
    # up) and MATCH the changed ones. The key constraints still guard uniqueness. Each
    # batch returns the ids of its nodes, so that relationships find their ends by id
    # instead of by two index seeks per row (a quarter of a national load's time).
    # Internal ids (`id()`, deprecated in Neo4j 5 but without a replacement) rather than
    # element ids: the server reuses an id only once every transaction that was open when
    # its node was deleted has closed, so within this one they are stable; integers spare
    # the server parsing two strings per row (national load 60-65 -> 54-59 s here).
    node_batches: list[tuple[str, str, dict[str, Any], np.ndarray]] = []
    for verb, nodes in (("CREATE", plan.new_nodes), ("MATCH", plan.changed_nodes)):
        for label, frame in nodes.items():
            props = [KEY, *NODE_PROPERTIES[label]]
            sets = ", ".join([*(f"n.{p} = c{j}[i]" for j, p in enumerate(props) if j),
                              f"n.{WAVE} = $wave"])
            frame = frame.assign(**{KEY: wave_keys(wave, frame[NODE_KEYS[label]])})
            keys = frame[KEY].to_numpy(dtype=object)
            start = 0
            for with_, params, n in _column_batches(frame, props):
                params["wave"] = wave
                q = (f"WITH {with_} UNWIND range(0, size(c0) - 1) AS i "
                     f"{verb} (n:{label} {{{KEY}: c0[i]}})"
                     + f" SET {sets}"
                     + " RETURN collect(i) AS i, collect(id(n)) AS e")
                node_batches.append((label, q, params, keys[start:start + n]))
                start += n
    rel_parts = [(rel, a, b, part.assign(src=wave_keys(wave, part["src"]),
                                         dst=wave_keys(wave, part["dst"])))
                 for rel, frame in plan.create_rels.items()
                 for a, b, part in by_endpoints(rel, frame)]
    total = (sum(n for *_, n in batches) + sum(len(k) for *_, k in node_batches)
             + sum(len(p) for *_, p in rel_parts)) or 1

    done = 0
    if plan.replace:
        # The wave, and any node without a key that the version before waves left (so that
        # `load --replace` is the way from such a store to this version).
        tx.run(f"MATCH (n) WHERE (n:City OR n:Coalition OR n:Organisation OR n:Person "
               f"OR n:Theme) AND (n.{WAVE} = $wave OR n.{KEY} IS NULL) DETACH DELETE n",
               wave=wave).consume()
    for desc, q, params, n in batches:
        if progress:
            progress(desc, done, total)
        tx.run(q, params).consume()
        done += n
    found: dict[str, list[tuple[np.ndarray, list[int]]]] = {}
    for label, q, params, keys in node_batches:
        if progress:
            progress(f"writing {label}", done, total)
        record = tx.run(q, params).single()
        rows = np.asarray(record["i"], dtype=np.int64)
        found.setdefault(label, []).append((keys[rows], record["e"]))
        done += len(keys)
    ids = {label: _id_index(parts) for label, parts in found.items()}
    for rel, a, b, part in rel_parts:
        if progress:
            progress(f"adding {rel}", done, total)
        src = _node_ids(tx, a, part["src"].to_numpy(dtype=object), ids)
        dst = _node_ids(tx, b, part["dst"].to_numpy(dtype=object), ids)
        ends = part.assign(src=src, dst=dst)
        ends = ends[(src >= 0) & (dst >= 0)]  # an end not in the store: no tie
        props = REL_PROPERTIES[rel]
        body = ", ".join([*(f"{p}: c{j + 2}[i]" for j, p in enumerate(props)),
                          f"{WAVE}: $wave"])
        for with_, params, _ in _column_batches(ends, ["src", "dst", *props]):
            params["wave"] = wave
            tx.run(f"WITH {with_} UNWIND range(0, size(c0) - 1) AS i "
                   f"MATCH (a:{a}) WHERE id(a) = c0[i] "
                   f"MATCH (b:{b}) WHERE id(b) = c1[i] "
                   f"CREATE (a)-[:{rel} {{{body}}}]->(b)", params).consume()
        done += len(part)
    if progress:
        progress("committing", done, total)
    return total


# Joins the cells of a text column into one parameter that the server splits again: the
# driver packs a 10 MB string in one step but a list item by item in Python (most of the
# client's time in a million-row load). Used only where no cell holds the separator.
_SEP = "\x1f"  # ASCII unit separator


def _column_batches(frame: pd.DataFrame,
                    cols: list[str]) -> list[tuple[str, dict[str, Any], int]]:
    """Batches of ``frame`` as parallel columns ``c0, c1, …`` (one per ``cols``): the
    ``WITH`` items that bind them, the parameters, the number of rows.

    Parallel lists instead of a list of maps (``UNWIND $rows AS row``): no keys repeated per
    row, and text columns without missing cells travel as one joined string.
    """
    out = []
    for start in range(0, len(frame), _BATCH):
        chunk = frame.iloc[start:start + _BATCH]
        params: dict[str, Any] = {"sep": _SEP}
        items = []
        for j, col in enumerate(cols):
            values = chunk[col].to_numpy()
            joined = _joined(values)
            if joined is not None:
                params[f"c{j}"] = joined
                items.append(f"split($c{j}, $sep) AS c{j}")
            else:
                params[f"c{j}"] = values.tolist()  # Python ints, floats, str, lists, None
                items.append(f"$c{j} AS c{j}")
        out.append((", ".join(items), params, len(chunk)))
    return out


def _id_index(parts: list[tuple[np.ndarray, list[int]]]) -> pd.Series:
    """Node id by node key, from the batches that wrote the nodes."""
    keys = np.concatenate([k for k, _ in parts]) if parts else np.empty(0, dtype=object)
    values = [e for _, ids in parts for e in ids]
    return pd.Series(np.asarray(values, dtype=np.int64), index=pd.Index(keys, dtype=object))


def _node_ids(tx: neo4j.ManagedTransaction, label: str, keys: np.ndarray,
              ids: dict[str, pd.Series]) -> np.ndarray:
    """The id of the ``label`` node with each key (-1 where there is none): written in
    this load, or else looked up in the store."""
    known = ids.get(label, _id_index([]))
    where = known.index.get_indexer(keys)
    out = np.full(len(keys), -1, dtype=np.int64)
    out[where >= 0] = known.to_numpy()[where[where >= 0]]
    missing = pd.unique(keys[where < 0])
    if len(missing):
        looked: list[tuple[np.ndarray, list[int]]] = []
        key = KEY  # (the ends are keys already)
        for start in range(0, len(missing), _BATCH):
            chunk = missing[start:start + _BATCH]
            record = tx.run(f"UNWIND $k AS k MATCH (n:{label} {{{key}: k}}) "
                            "RETURN collect(k) AS k, collect(id(n)) AS e",
                            k=chunk.tolist()).single()
            looked.append((np.asarray(record["k"], dtype=object), record["e"]))
        more = _id_index(looked)
        ids[label] = pd.concat([known, more])
        where = more.index.get_indexer(keys)  # (only keys that were not known)
        out[where >= 0] = more.to_numpy()[where[where >= 0]]
    return out


def _joined(values: np.ndarray) -> str | None:
    if values.dtype != object or pd.api.types.infer_dtype(values, skipna=False) != "string":
        return None  # numbers, lists or missing cells
    joined = _SEP.join(values)
    return None if joined.count(_SEP) != len(values) - 1 else joined


def _chunks(frame: pd.DataFrame) -> list[list[dict[str, Any]]]:
    rows = _plain_rows(frame.drop(columns=[c for c in ("src_label", "dst_label")
                                           if c in frame.columns]))
    return [rows[i:i + _BATCH] for i in range(0, len(rows), _BATCH)]
