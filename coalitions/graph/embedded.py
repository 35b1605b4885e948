"""The embedded store: LadybugDB in a local folder/file, no server.

LadybugDB notes that shape this module (ladybug 0.22.0):
- ``COPY Table FROM df`` is the fast path; ``UNWIND … CREATE`` of relationships is orders of
  magnitude slower, so new rows are copied and only changed rows go through UNWIND.
- COPY reads Arrow tables fastest (a million memberships in about half the time it takes
  from pandas' object columns), so the frames are handed over as Arrow tables in the
  store's column types (:func:`_arrow`); Arrow's nullable integers carry missing years as
  NULL.
- A COPY that meets an existing primary key has crashed the process, so :func:`plan_load`
  splits new from existing keys and deduplicates before any COPY (a load into an empty
  store deduplicates its node tables the same way, see ``Store.load``).
- pandas' nullable ``Int64`` columns crash the pandas scanner (the process aborts): never
  COPY from them; Arrow ``int64`` columns with nulls load fine.
- Only one process may open the store for writing; others get a lock error, translated into
  :class:`StoreInUseError`. ``read_only=True`` opens alongside a writer and the engine refuses
  writes.
- A read-only open is refused while a checkpoint is pending: while a writer commits a large
  load, and after one was killed or met a full disk while committing. Only a read-write open
  finishes the checkpoint, so read-only opens do that themselves when no writer holds the
  store, and otherwise wait for the writer (:meth:`EmbeddedStore._open_read_only`).
- The read-only mode guards the store only: ``COPY … TO``, ``INSTALL`` and the like still
  run, so read-only queries are checked first (:mod:`coalitions.graph.statements`).
  ``CHECKPOINT`` on a read-only connection fails half-way and leaves the store needing
  recovery.
"""

from __future__ import annotations

import os
import queue
import re
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ladybug
import numpy as np
import pandas as pd
import pyarrow as pa

from coalitions.errors import (
    QueryError,
    ReadOnlyError,
    StoreError,
    StoreInUseError,
    UsageError,
)
from coalitions.graph.model import GraphData
from coalitions.graph.schema import REL_TYPES, ladybug_ddl
from coalitions.graph.statements import refuse_outside_effects
from coalitions.graph.store import LoadPlan, LoadSummary, Progress, Store
from coalitions.graph.tables import (
    INT_PROPERTIES,
    KEY,
    LIST_PROPERTIES,
    NODE_KEYS,
    NODE_PROPERTIES,
    REL_ENDPOINTS,
    REL_PROPERTIES,
    WAVE,
    by_endpoints,
    endpoint_masks,
    plain,
    wave_keys,
)
from coalitions.graph.waves import READ_WAVE, SET_INPUTS, TOUCH_WAVE, inputs_after, now

__all__ = ["EmbeddedStore"]

_BATCH = 20_000

# The engine's words for a store whose last checkpoint has not finished (lower case).
_PENDING = "checkpoint recovery is pending"
DEFAULT_READ_WAIT = 60.0
_WAIT_VARIABLE = "COALITIONS_READ_WAIT"


_RECOVERY_HINT = ("Free disk space if the disk is full, then run the command again. Do not "
                  "delete the files next to the store (.wal, .shadow): they may hold "
                  "committed data.")


def read_wait_seconds() -> float:
    """How long a read-only open waits for a writer that is committing a load: the
    environment variable ``COALITIONS_READ_WAIT`` (seconds), default 60."""
    raw = os.environ.get(_WAIT_VARIABLE, "").strip()
    if not raw:
        return DEFAULT_READ_WAIT
    try:
        value = float(raw)
    except ValueError:
        raise UsageError(f"{_WAIT_VARIABLE} must be a number of seconds, not {raw!r}."
                         ) from None
    if not value >= 0:
        raise UsageError(f"{_WAIT_VARIABLE} must be a number of seconds, not {raw!r}.")
    return value


def _torn_log(text: str) -> bool:
    """Whether an engine error says that the store's log ends in a partial or damaged
    record (a write cut off by a full disk gives either, with ladybug 0.22.0)."""
    return (("Reading past the end of the file" in text and ".wal" in text)
            or "the WAL file is corrupted" in text)


def _note_on_stderr(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.astype(object)
    return out.where(pd.notna(out), None)


def _rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return _plain(frame).to_dict("records")


def _by_offset(offsets: pd.Series, keys: pd.Series) -> np.ndarray:
    """Keys placed at their nodes' offsets (None where a node was deleted)."""
    at = offsets.to_numpy(dtype=np.int64)
    out = np.full(at.max(initial=-1) + 1, None, dtype=object)
    out[at] = keys.to_numpy(dtype=object)
    return out


def _clean_value(v: Any) -> Any:
    # Nodes and relationships come back as dicts carrying engine-internal ids and labels;
    # researchers (and the cross-engine comparison) want their properties.
    if isinstance(v, dict) and ("_id" in v or "_ID" in v or "_label" in v or "_LABEL" in v):
        return {k: _clean_value(x) for k, x in v.items()
                if not k.startswith("_") and x is not None}
    if isinstance(v, list):
        return [_clean_value(x) for x in v]
    return v


def reading_pool_size(path: Path) -> int:
    """Bytes of buffer pool for reading a whole store: 1 GiB, or eight times the store
    file when that is more.

    Reading the graph streams each table through the pool; the national benchmark's store
    (70 MB, a million memberships) reads with a pool of 64 MB as with the default. Ad-hoc
    queries (joins, paths) may need far more, so ``query`` keeps the engine's default.
    """
    try:
        size = Path(path).stat().st_size
    except OSError:
        size = 0
    return max(1 << 30, 8 * size)


def _disk_failure(text: str) -> bool:
    """Whether an engine error is the disk refusing a write (full, quota, file size limit)."""
    return any(s in text for s in ("No space left on device", "Disk quota exceeded",
                                   "File too large", "IO exception"))


def _disk_reason(text: str) -> str:
    if "No space left on device" in text:
        return "the disk is full"
    if "Disk quota exceeded" in text:
        return "the disk quota is exceeded"
    if "File too large" in text:
        return "the file size limit was reached"
    return "the disk refused a write"


class EmbeddedStore(Store):
    engine = "ladybug"
    _intended: tuple[LoadSummary, bool] | None = None  # what the running load should give
    _in_write = False  # inside _apply's transaction (reads then join it)
    _offset_keys: dict[str, np.ndarray] | None = None  # inside read_graph's snapshot

    def __init__(self, path: Path, *, read_only: bool = False, must_exist: bool = False,
                 graph_reads_only: bool = False, note: Callable[[str], None] | None = None,
                 wait: float | None = None) -> None:
        """``graph_reads_only``: the store is opened read-only to read the graph
        (:meth:`read_graph`, :meth:`stats`), not for ad-hoc queries, so its buffer pool is
        sized to the store file (see :func:`reading_pool_size`) instead of the engine's
        default of 80 % of memory, which takes 30-50 ms longer to set up and tear down.

        A read-only open of a store whose last checkpoint did not finish recovers it first
        (see :meth:`_open_read_only`); ``note`` receives the one-line notes about that
        (default: standard error), and ``wait`` is how many seconds to wait for a writer
        that is committing (default :func:`read_wait_seconds`)."""
        self.path = Path(path)
        self.read_only = read_only or graph_reads_only
        try:
            if (self.read_only or must_exist) and not self.path.exists():
                raise StoreError(f"No store at {self.path}.",
                                 hint="Load data first (`coalitions load FILE`) or pass "
                                      "--store.")
            if not self.read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            # a parent that is a file, a name too long, no permission
            from coalitions.fileio import os_reason

            raise StoreError(f"Cannot open the store {self.path}: {os_reason(exc)}.",
                             hint="Pass another path with --store.") from None
        options = {"buffer_pool_size": reading_pool_size(self.path)} if graph_reads_only else {}
        self._note = note or _note_on_stderr
        self._wait = wait
        try:
            if self.read_only:
                self._db = self._open_read_only(options)
            else:
                self._db = ladybug.Database(str(self.path), **options)
        except RuntimeError as exc:
            raise self._open_error(str(exc)) from None
        self._conn = ladybug.Connection(self._db)
        if not self.read_only:
            # (ladybug_ddl also adds, empty, the properties a store made by an earlier
            # release lacks; reads of a store opened read-only treat them as missing, see
            # _read_rels)
            for stmt in ladybug_ddl():
                self._conn.execute(stmt)

    def _open_read_only(self, options: dict[str, Any]) -> ladybug.Database:
        """The store opened read-only, recovering an unfinished checkpoint first.

        LadybugDB refuses a read-only open while a checkpoint is pending ("checkpoint
        recovery is pending"): while a writer commits a large load (the commit checkpoints),
        and after a writer was killed or failed (a full disk) in the middle of one. Only a
        read-write open finishes it. So: if no process holds the store, open it read-write
        once (the engine replays the committed pages), close it, and open read-only again;
        if a writer holds it, check again (every 50 ms, then up to every 0.5 s) until it has
        finished or ``wait`` seconds have passed (``self._wait``, or
        :func:`read_wait_seconds`).
        """
        started = time.monotonic()
        wait: float | None = self._wait
        pause = 0.05
        said_waiting = recovered = False
        while True:
            try:
                db = ladybug.Database(str(self.path), read_only=True, **options)
            except RuntimeError as exc:
                text = str(exc)
                if _torn_log(text):
                    return self._open_before_torn_log(options)
                if _PENDING not in text.lower():
                    raise
            else:
                if recovered:
                    self._note(f"note: recovered the store {self.path}: a load had stopped "
                               "while committing (the process ended or the disk was full).")
                return db
            holder = self._finish_checkpoint()
            if holder is None:
                if recovered:  # a read-write open did not finish it either (a full disk)
                    raise StoreError(
                        f"Cannot open the store {self.path}: a load stopped while committing "
                        "(the process ended or the disk was full), and finishing that failed "
                        "(is the disk full?).",
                        hint=_RECOVERY_HINT)
                recovered = True
                continue
            if wait is None:  # (only now: a bad value must not stop opens that never wait)
                wait = read_wait_seconds()
            left = started + wait - time.monotonic()
            if left <= 0:
                who = f" (process {holder})" if holder else ""
                raise StoreInUseError(
                    f"A load into the store {self.path} is being committed by another "
                    f"process{who}; it did not finish within {wait:g} s.",
                    hint="Try again when that load has finished (read-only commands wait "
                         f"for it up to {_WAIT_VARIABLE} seconds, default "
                         f"{DEFAULT_READ_WAIT:g}).")
            if not said_waiting:
                self._note(f"note: waiting for a load into {self.path} to finish committing"
                           f" (up to {wait:g} s)…")
                said_waiting = True
            time.sleep(min(pause, left))
            pause = min(pause * 2, 0.5)

    def _open_before_torn_log(self, options: dict[str, Any]) -> ladybug.Database:
        """The store read-only as of its last complete log record.

        A write that stopped half-way through a log record (the disk was full) leaves the
        log (``<store>.wal``) ending in a partial record, and LadybugDB then refuses every
        open ("Reading past the end of the file …wal", or "Checksum verification failed,
        the WAL file is corrupted"). Committed transactions lie before that record, so a
        reader replays the log up to it (``throw_on_wal_replay_failure=False``, which
        changes no file) and says so. The damaged log stays for a writer to deal with.
        """
        try:
            db = ladybug.Database(str(self.path), read_only=True,
                                  throw_on_wal_replay_failure=False, **options)
        except RuntimeError as exc:
            raise self._open_error(str(exc)) from None
        self._note(f"note: the log of the store {self.path} ends in an incomplete write "
                   "(a load that stopped: the process ended or the disk was full); reading "
                   "what was committed before it.")
        return db

    def _finish_checkpoint(self) -> str | None:
        """Open the store read-write once so the engine finishes its pending checkpoint.

        Returns None when that worked, or the process id (``""`` if unknown) of the writer
        that holds the store. The schema is not touched: this is the engine's recovery only.
        """
        try:
            ladybug.Database(str(self.path)).close()
        except RuntimeError as exc:
            text = str(exc)
            if "lock" not in text.lower():
                raise StoreError(
                    f"Cannot open the store {self.path}: a load stopped while committing "
                    "(the process ended or the disk was full), and finishing that failed: "
                    f"{text.splitlines()[0]}",
                    hint=_RECOVERY_HINT) from None
            held = re.search(r"Lock is held by PID (\d+)", text)
            return held.group(1) if held else ""
        return None

    def _open_error(self, text: str) -> StoreError:
        held = re.search(r"Lock is held by PID (\d+)", text)
        if "lock" in text.lower():
            who = f" (process {held.group(1)})" if held else ""
            return StoreInUseError(
                f"The store {self.path} is in use by another process{who}.",
                hint="Wait until that command has finished, or use another store with "
                     "--store PATH. Read-only commands such as `query` can run alongside.")
        return StoreError(f"Cannot open the store {self.path}: {text.splitlines()[0]}",
                          hint="Is it a coalitions store? Pass another path with --store.")

    @property
    def location(self) -> str:
        return str(self.path)

    def close(self) -> None:
        conn, db = getattr(self, "_conn", None), getattr(self, "_db", None)
        if conn is not None:
            conn.close()
            self._conn = None
        if db is not None:
            db.close()
            self._db = None

    # reading ---------------------------------------------------------------------------

    def _exec(self, cypher: str, params: Mapping[str, Any] | None = None) -> pd.DataFrame:
        """The rows of ``cypher``; of its last statement when it holds several (``;``)."""
        results = self._conn.execute(cypher, dict(params or {}))
        if not isinstance(results, list):
            results = [results]
        try:
            cols = results[-1].get_column_names()
            rows = results[-1].get_all()
        finally:
            for result in results:
                result.close()
        return pd.DataFrame(rows, columns=cols)

    def _has_schema(self) -> bool:
        tables = self._exec("CALL show_tables() RETURN name")
        return "Coalition" in set(tables["name"])

    def _rel_columns(self, rel: str) -> set[str]:
        """The properties the store's ``rel`` table has (an older store may lack some)."""
        if not self.read_only:
            return set(REL_PROPERTIES[rel])
        return set(self._exec(f"CALL table_info('{rel}') RETURN name")["name"])

    def _frame(self, cypher: str, columns: list[str],
               params: Mapping[str, Any] | None = None) -> pd.DataFrame:
        """A bulk read as plain columns (see :func:`~coalitions.graph.tables.plain`).

        ``get_as_df`` converts the whole result in C++; reading rows one by one with
        ``get_all`` takes about four times as long on a million relationships.
        """
        result = self._conn.execute(cypher, dict(params or {}))
        try:
            frame = result.get_as_df()
        finally:
            result.close()
        return plain(frame) if len(frame) else pd.DataFrame(columns=columns, dtype=object)

    def _legacy(self) -> bool:
        # The version before waves made node tables keyed by the plain id, without `key`.
        if not self._has_schema():
            return False
        columns = self._exec("CALL table_info('Coalition') RETURN name")
        return KEY not in set(columns["name"])

    def _legacy_advice(self) -> str:
        return (f"Load your inventory into a new store (--store NEW.db), or remove {self.path} "
                "and load it again (add --wave NAME to label it).")

    def _wave_rows(self) -> pd.DataFrame:
        if not self._has_schema() or "Wave" not in set(
                self._exec("CALL show_tables() RETURN name")["name"]):
            return pd.DataFrame(columns=["wave", "number", "loaded_at", "inputs"])
        if self.read_only and "inputs" not in set(
                self._exec("CALL table_info('Wave') RETURN name")["name"]):
            # (a store made before the files were recorded, opened read-only: it cannot
            # take the property, see __init__, and has no record)
            return self.query("MATCH (w:Wave) RETURN w.name AS wave, w.number AS number, "
                              "w.loaded_at AS loaded_at, NULL AS inputs ORDER BY number")
        return super()._wave_rows()

    def read_graph(self, wave: str | int | None = None) -> GraphData:
        """One wave of the graph, read in one read-only transaction (one snapshot), in which
        each label's keys by node offset are read once for all relationship types."""
        if self.read_only and not self._has_schema():
            return GraphData()  # (nothing to read)
        in_transaction = not self._in_write
        if in_transaction:
            self._conn.execute("BEGIN TRANSACTION READ ONLY")
        self._offset_keys = {}
        try:
            return super().read_graph(wave)
        finally:
            self._offset_keys = None
            if in_transaction:
                self._conn.execute("COMMIT")

    def _read_nodes(self, label: str, wave: str) -> pd.DataFrame:
        props = NODE_PROPERTIES[label]
        if self._offset_keys is None and self.read_only and not self._has_schema():
            return pd.DataFrame(columns=props)
        ret = ", ".join(f"n.{p} AS {p}" for p in props)
        where = {"wave": wave}
        if self._offset_keys is None:
            return self._frame(f"MATCH (n:{label}) WHERE n.{WAVE} = $wave RETURN {ret}", props,
                               where)
        # Within read_graph the offsets come along, for the relationships' ends.
        frame = self._frame(f"MATCH (n:{label}) WHERE n.{WAVE} = $wave "
                            f"RETURN offset(ID(n)) AS _o, {ret}", ["_o", *props], where)
        self._offset_keys[label] = _by_offset(frame["_o"], frame[NODE_KEYS[label]])
        return frame.drop(columns="_o")

    def _read_rels(self, rel: str, wave: str) -> pd.DataFrame:
        props = REL_PROPERTIES[rel]
        cols = ["src_label", "src", "dst_label", "dst", *props]
        if self._offset_keys is None and self.read_only and not self._has_schema():
            return pd.DataFrame(columns=cols)
        frames = []
        # Endpoints come back as node offsets (integers) and are turned into keys here:
        # returning the key strings of a million endpoints costs the engine three times as
        # much. One read-only transaction keeps the offsets and the keys of one snapshot.
        in_transaction = not self._in_write and self._offset_keys is None
        if in_transaction:
            self._conn.execute("BEGIN TRANSACTION READ ONLY")
        try:
            keys = {label: self._keys_by_offset(label, wave)
                    for label in {x for pair in REL_ENDPOINTS[rel] for x in pair}}
            have = self._rel_columns(rel)
            for a, b in REL_ENDPOINTS[rel]:
                ret = ", ".join(["offset(ID(a)) AS src", "offset(ID(b)) AS dst",
                                 *(f"r.{p} AS {p}" if p in have
                                   else f"CAST(NULL AS {REL_TYPES[p]}) AS {p}"
                                   for p in props)])
                frame = self._frame(f"MATCH (a:{a})-[r:{rel}]->(b:{b}) WHERE r.{WAVE} = $wave "
                                    f"RETURN {ret}", ["src", "dst", *props], {"wave": wave})
                # (object Series: from a bare array pandas 3 would build its Arrow-backed
                # "str" column, a copy of a million keys that plain() turns back)
                for end, label in (("src", a), ("dst", b)):
                    found = keys[label][frame[end].to_numpy(dtype=np.int64)]
                    frame[end] = pd.Series(found, index=frame.index, dtype=object)
                # constants, not sent a million times (object, as plain() hands them over)
                frame.insert(0, "src_label", pd.Series(a, index=frame.index, dtype=object))
                frame.insert(2, "dst_label", pd.Series(b, index=frame.index, dtype=object))
                frames.append(frame)
        finally:
            if in_transaction:
                self._conn.execute("COMMIT")
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=cols)

    def _keys_by_offset(self, label: str, wave: str) -> np.ndarray:
        """The id of each node of ``label`` in ``wave`` at its offset (None where a node was
        deleted or is of another wave)."""
        if self._offset_keys is not None and label in self._offset_keys:
            return self._offset_keys[label]
        frame = self._frame(f"MATCH (n:{label}) WHERE n.{WAVE} = $wave RETURN offset(ID(n)) "
                            f"AS o, n.{NODE_KEYS[label]} AS k", ["o", "k"], {"wave": wave})
        return _by_offset(frame["o"], frame["k"])

    def _count(self, label: str | None = None, rel: str | None = None,
               wave: str | None = None) -> int:
        if self.read_only and not self._has_schema():
            return 0
        where = f" WHERE x.{WAVE} = $wave" if wave is not None else ""
        q = (f"MATCH (x:{label}){where} RETURN count(x)" if label
             else f"MATCH ()-[x:{rel}]->(){where} RETURN count(x)")
        return int(self._exec(q, {"wave": wave} if wave is not None else None).iloc[0, 0])

    def query(self, cypher: str, params: Mapping[str, Any] | None = None, *,
              write: bool = False) -> pd.DataFrame:
        if write and self.read_only:
            raise ReadOnlyError("This store was opened read-only.", hint="Pass --write.")
        if not write:
            # The engine's read-only mode guards the store, not files or extensions.
            refuse_outside_effects(cypher)
        try:
            frame = self._exec(cypher, params)
        except RuntimeError as exc:
            text = str(exc).strip()
            if "read-only" in text.lower() or "read only" in text.lower():
                raise ReadOnlyError(
                    "The query tries to write, and the store is open read-only.",
                    hint="Pass --write to allow changes.") from None
            raise QueryError(f"The query failed on LadybugDB: {text.splitlines()[0]}") from None
        except (TypeError, ValueError) as exc:
            # The driver converts the parameters before the engine sees the query; a list
            # that mixes types (e.g. -p ids:json='[1, "a"]') fails there.
            raise QueryError(f"LadybugDB cannot take the query's parameters: {exc}",
                             hint="A list parameter must hold values of one type.") from None
        return frame.map(_clean_value) if len(frame) else frame

    # writing ---------------------------------------------------------------------------

    def load(self, data: GraphData, *, wave: str | None = None, replace: bool = False,
             progress: Progress | None = None,
             inputs: Sequence[Mapping[str, Any]] | None = None) -> LoadSummary:
        """Load as :meth:`Store.load` does; a disk that fills up during the load is reported
        as a :class:`StoreError` that says what the store holds afterwards.

        LadybugDB 0.22 may answer a full disk with "Transaction committed successfully, but
        the post-commit checkpoint failed. The committed data is durable and will be
        recovered on restart", and yet hold, once reopened, neither the old data nor the
        new (seen: a replacing load reopened empty; an adding one lost a relationship of the
        old data). So the message is not taken at its word: the store is reopened and its
        counts compared with those before the load and those the load would give.
        """
        from coalitions.graph.waves import check_wave

        # (counted within the wave the load writes: a replacing load empties only that one)
        self._load_wave = check_wave(wave)
        try:
            before = self._counts() if not self.read_only else None
        except RuntimeError:  # a store made before waves: Store.load says so, clearly
            before = None
        self._intended = None
        try:
            return super().load(data, wave=wave, replace=replace, progress=progress,
                                inputs=inputs)
        except RuntimeError as exc:
            if before is None or not _disk_failure(str(exc)):
                raise
            raise self._after_disk_failure(str(exc), before) from None

    def _counts(self) -> dict[str, int]:
        wave = getattr(self, "_load_wave", None)
        if self.read_only and not self._has_schema():
            return {k: 0 for k in [*NODE_KEYS, *REL_ENDPOINTS]}
        counts = {label: self._count(label=label, wave=wave) for label in NODE_KEYS}
        counts |= {rel: self._count(rel=rel, wave=wave) for rel in REL_ENDPOINTS}
        return counts

    def _after_disk_failure(self, text: str, before: dict[str, int]) -> StoreError:
        reason = _disk_reason(text)
        self.close()
        try:
            self._db = ladybug.Database(str(self.path))
            self._conn = ladybug.Connection(self._db)
            after = self._counts()
        except RuntimeError as exc:
            return StoreError(
                f"The load failed: {reason} while writing the store {self.path}, and the "
                f"store cannot be reopened to see what it holds "
                f"({str(exc).strip().splitlines()[0]}).",
                hint="Free some space, then check the store with `coalitions stats`; load "
                     "again with --replace if it is not as expected.")
        summary, replace = self._intended or (None, False)
        expected = None
        if summary is not None:
            expected = {k: (0 if replace else before[k]) + summary.created.get(k, 0)
                        - summary.deleted.get(k, 0) for k in before}
        held = ", ".join(f"{k} {v}" for k, v in after.items() if v)
        held = f"it holds {held}" if held else "it is empty"
        if after == before and after != expected:
            return StoreError(
                f"The load failed: {reason} while writing the store {self.path}. Nothing was "
                f"loaded: the store has the same nodes and relationships as before "
                f"(reopened and counted).",
                hint="Free some space and load again (loading twice is harmless).")
        if after == expected and after != before:
            return StoreError(
                f"The load may be incomplete: {reason} while writing the store {self.path}. "
                f"Reopened, the store has the numbers of nodes and relationships the load "
                f"should give ({held}), but the engine could not finish writing it.",
                hint="Free some space and load again (loading twice is harmless).")
        return StoreError(
            f"The load failed: {reason} while writing the store {self.path}, and the store "
            f"was left neither as it was nor as loaded: reopened, {held}.",
            hint="Free some space, then load all the inputs again with --replace (or "
                 "restore the store from a backup).")

    def _apply(self, plan: LoadPlan, progress: Progress | None) -> None:
        self._intended = (plan.summary(), plan.replace)
        steps = _steps(plan)
        total = sum(n for _, n, _ in steps) or 1
        with self._write_transaction():  # (emptying first for `replace`: see _apply_new)
            self._touch_wave(plan.wave, plan.replace)
            self._run(steps, 0, total, progress)
        if progress:
            progress("done", total, total)

    def _apply_new(self, nodes: Iterable[tuple[str, pd.DataFrame]],
                   rels: Callable[[], dict[str, pd.DataFrame]], replace: bool,
                   progress: Progress | None, wave: str = "1") -> LoadSummary:
        # The engine copies each node table on a second thread (COPY releases the GIL) while
        # this one makes the next table and then the relationship tables, in Arrow: at a
        # million memberships about a second of Python overlaps with the engine's work. Still
        # one transaction: all or nothing.
        made: dict[str, pd.DataFrame] = {}
        handed: queue.SimpleQueue = queue.SimpleQueue()
        failed: list[BaseException] = []

        def copy_nodes() -> None:
            try:
                while (item := handed.get()) is not None:
                    if len(item[1]):
                        self._copy_nodes(*item, wave)
            except BaseException as exc:  # raised again on the calling thread
                failed.append(exc)

        with self._write_transaction():
            if replace:
                self._delete_wave(wave)
            self._touch_wave(wave, replace)
            writer = threading.Thread(target=copy_nodes, name="coalitions-copy-nodes")
            writer.start()
            try:
                for label, frame in nodes:
                    made[label] = frame
                    handed.put((label, frame))
                    if failed:
                        break
                handed.put(None)
                if progress:
                    progress("adding nodes", 0, sum(len(f) for f in made.values()) or 1)
                created = rels() if not failed else {}
                # (and in Arrow, ready to COPY, while the engine may still be copying nodes)
                parts = {rel: _rel_parts(rel, frame, wave) for rel, frame in created.items()
                         if len(frame)} if not failed else {}
            finally:
                handed.put(None)  # (again, if making a table raised: the writer must stop)
                writer.join()  # the connection is this thread's again only after the COPY
            if failed:
                raise failed[0]
            node_rows = sum(len(f) for f in made.values())
            steps = _steps(LoadPlan.all_new({}, created, wave=wave), parts)
            total = (node_rows + sum(n for _, n, _ in steps)) or 1
            self._intended = (LoadPlan.all_new(made, created, replace).summary(), replace)
            self._run(steps, node_rows, total, progress)
        if progress:
            progress("done", total, total)
        return LoadPlan.all_new(made, created, replace, wave).summary()

    @contextmanager
    def _write_transaction(self) -> Iterator[None]:
        """One write transaction: committed when the block ends, rolled back if it raises."""
        if self.read_only:
            raise ReadOnlyError("This store was opened read-only; it cannot be loaded.")
        self._conn.execute("BEGIN TRANSACTION")
        self._in_write = True
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        finally:
            self._in_write = False

    def _run(self, steps: list[tuple[str, int, Any]], done: int, total: int,
             progress: Progress | None) -> None:
        for desc, n, fn in steps:
            if progress:
                progress(desc, done, total)
            fn(self)
            done += n
        if progress:
            progress("committing", done, total)

    def _delete_wave(self, wave: str) -> None:
        """Empty one wave (``replace``); its Wave node stays, and with it its place in the
        order of waves."""
        for rel in REL_ENDPOINTS:
            self._conn.execute(f"MATCH ()-[r:{rel}]->() WHERE r.{WAVE} = $wave DELETE r",
                               {"wave": wave})
        for label in NODE_KEYS:
            self._conn.execute(f"MATCH (n:{label}) WHERE n.{WAVE} = $wave DELETE n",
                               {"wave": wave})

    def _touch_wave(self, wave: str, replace: bool) -> None:
        # Inside the load's write transaction (LadybugDB runs one at a time): the record of
        # the wave's input files is read and rewritten with the load, all or nothing.
        at = now()
        before = self._exec(READ_WAVE, {"wave": wave})
        self._conn.execute(TOUCH_WAVE, {"wave": wave, "now": at})
        record = inputs_after(before.to_dict("records"), self._load_files,
                              replace=replace, loaded_at=at)
        self._conn.execute(SET_INPUTS, {"wave": wave, "inputs": record})

    def _rollback(self) -> None:
        # A statement that fails inside a transaction has already rolled it back.
        try:
            self._conn.execute("ROLLBACK")
        except RuntimeError as exc:
            if "no active transaction" not in str(exc).lower():
                raise

    def _delete_rels(self, rel: str, frame: pd.DataFrame, wave: str) -> None:
        for a, b, part in by_endpoints(rel, frame):
            ka, kb = KEY, KEY
            extra = " AND r.type = row.type" if rel == "TIE" else ""
            part = part.assign(src=wave_keys(wave, part["src"]), dst=wave_keys(wave, part["dst"]))
            for start in range(0, len(part), _BATCH):
                rows = _rows(part.iloc[start:start + _BATCH][["src", "dst", *(
                    ["type"] if rel == "TIE" else [])]])
                self._conn.execute(
                    f"UNWIND $rows AS row MATCH (a:{a} {{{ka}: row.src}})-[r:{rel}]->"
                    f"(b:{b} {{{kb}: row.dst}}) WHERE true{extra} DELETE r", {"rows": rows})

    def _copy_nodes(self, label: str, frame: pd.DataFrame, wave: str) -> None:
        columns = [KEY, *NODE_PROPERTIES[label], WAVE]
        stored = frame.assign(**{KEY: wave_keys(wave, frame[NODE_KEYS[label]]), WAVE: wave})
        df = _arrow(stored, columns)  # noqa: F841 - read by COPY
        self._conn.execute(f"COPY {label}({', '.join(columns)}) FROM df")

    def _update_nodes(self, label: str, frame: pd.DataFrame, wave: str) -> None:
        key = NODE_KEYS[label]
        sets = ", ".join(f"n.{p} = {_cast(p)}" for p in NODE_PROPERTIES[label] if p != key)
        frame = frame.assign(**{KEY: wave_keys(wave, frame[key])})
        for start in range(0, len(frame), _BATCH):
            self._conn.execute(
                f"UNWIND $rows AS row MATCH (n:{label} {{{KEY}: row.{KEY}}}) SET {sets}",
                {"rows": _rows(frame.iloc[start:start + _BATCH])})

    def _copy_rels(self, rel: str, parts: list[tuple[str, str, pa.Table]]) -> None:
        # The columns named: a store whose table gained a property by ALTER (after the
        # wave column) holds them in another order than the Arrow table lists them.
        columns = ", ".join([*REL_PROPERTIES[rel], WAVE])
        for a, b, df in parts:  # noqa: B007 - df is read by COPY
            self._conn.execute(f"COPY {rel}({columns}) FROM df (from='{a}', to='{b}')")

    def write_properties(self, label: str, frame: pd.DataFrame, wave: str | None = None) -> int:
        key = NODE_KEYS[label]
        props = [c for c in frame.columns if c != key]
        if not len(frame) or not props:
            return 0
        wave = self.resolve_wave(wave) or ""
        frame = frame.drop(columns=[key]).assign(**{KEY: wave_keys(wave, frame[key])})
        key = KEY
        sets = ", ".join(f"n.{p} = {_cast(p, label)}" for p in props)
        self._conn.execute("BEGIN TRANSACTION")
        try:
            for start in range(0, len(frame), _BATCH):
                self._conn.execute(
                    f"UNWIND $rows AS row MATCH (n:{label} {{{key}: row.{key}}}) SET {sets}",
                    {"rows": _rows(frame.iloc[start:start + _BATCH])})
            self._conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        return len(frame)


def _rel_parts(rel: str, frame: pd.DataFrame, wave: str) -> list[tuple[str, str, pa.Table]]:
    """A relationship table as Arrow tables to COPY, one per (from, to) pair of labels, its
    ends as the store's keys in ``wave``.

    The columns turn into Arrow once; each pair is a filter of that table.
    """
    stored = frame.assign(src=wave_keys(wave, frame["src"]), dst=wave_keys(wave, frame["dst"]),
                          **{WAVE: wave})
    table = _arrow(stored, ["src", "dst", *REL_PROPERTIES[rel], WAVE])
    return [(a, b, table if mask.all() else table.filter(mask))
            for a, b, mask in endpoint_masks(rel, frame)]


def _arrow_type(column: str) -> pa.DataType:
    if column in INT_PROPERTIES:
        return pa.int64()
    if column in LIST_PROPERTIES:
        return pa.list_(pa.string())
    if column == "weight":
        return pa.float64()
    if column == "directed":
        return pa.bool_()
    return pa.string()


def _arrow(frame: pd.DataFrame, columns: list[str]) -> pa.Table:
    """``frame``'s ``columns`` as an Arrow table in the store's column types.

    Arrow is COPY FROM's fastest source (a million memberships copy in about half the time
    they take from pandas objects), and its nullable integers carry missing years as NULL,
    which pandas' ``Int64`` could not without crashing the engine. Types are given, not
    inferred: a column of nothing but missing values would otherwise arrive as Arrow's
    ``null`` type.
    """
    return pa.Table.from_arrays([_arrow_column(frame[c].to_numpy(), _arrow_type(c))
                                 for c in columns], names=columns)


def _arrow_column(values: np.ndarray, kind: pa.DataType) -> pa.Array:
    try:
        return pa.array(values, type=kind, from_pandas=True)
    except (pa.ArrowTypeError, pa.ArrowInvalid):
        if kind != pa.string():
            raise
        # Numbers in a text column (a GraphData built in Python, not read from files) are
        # stored as their text, as the engine itself did with them.
        return pa.array([None if v is None or (isinstance(v, float) and v != v) else str(v)
                         for v in values], type=kind)


def _cast(prop: str, label: str | None = None) -> str:
    """``row.prop`` cast to the column's type: UNWIND infers STRING for a column of nulls."""
    from coalitions.graph.schema import MEASURE_PROPERTIES

    if prop in INT_PROPERTIES:
        kind = "INT64"
    elif prop in LIST_PROPERTIES:
        kind = "STRING[]"
    elif label and prop in MEASURE_PROPERTIES.get(label, {}):
        kind = MEASURE_PROPERTIES[label][prop]
    else:
        kind = "STRING"
    return f"CAST(row.{prop} AS {kind})"


def _steps(plan: LoadPlan, rel_parts: Mapping[str, list[tuple[str, str, pa.Table]]] | None = None
           ) -> list[tuple[str, int, Any]]:
    """(description, rows, action) in an order that keeps every reference valid.
    ``rel_parts``: relationship tables already in Arrow (:func:`_rel_parts`), by type."""
    steps: list[tuple[str, int, Any]] = []
    for rel, frame in plan.delete_rels.items():
        if len(frame):
            steps.append((f"removing {rel}", len(frame),
                          lambda s, r=rel, f=frame: s._delete_rels(r, f, plan.wave)))
    for label, frame in plan.new_nodes.items():
        if len(frame):
            steps.append((f"adding {label}", len(frame),
                          lambda s, lab=label, f=frame: s._copy_nodes(lab, f, plan.wave)))
    for label, frame in plan.changed_nodes.items():
        if len(frame):
            steps.append((f"updating {label}", len(frame),
                          lambda s, lab=label, f=frame: s._update_nodes(lab, f, plan.wave)))
    for rel, frame in plan.create_rels.items():
        if len(frame):
            ready = (rel_parts or {}).get(rel)
            steps.append((f"adding {rel}", len(frame),
                          lambda s, r=rel, f=frame, p=ready: s._copy_rels(
                              r, p if p is not None else _rel_parts(r, f, plan.wave))))
    return steps
