"""One small interface over both engines, opened by :func:`open_store`.

A store holds the graph model of :mod:`coalitions.graph.model`. Loads follow one plan for
both engines (:func:`plan_load`), so they agree on what a load does:

- **idempotent**: nodes are upserted by their key; loading the same input twice changes
  nothing (the second load finds nothing to write);
- **authoritative for what it describes**: the relationships the input describes completely
  are replaced — memberships of the coalitions in the input's memberships, themes and city of
  the input's coalitions, affiliations of the input's persons, ties of the sources in the
  input's ties — so a corrected workbook loaded again corrects the store; nothing else is
  touched (``replace=True`` empties the store first);
- **atomic**: the whole load runs in one transaction; a load that fails or is killed half-way
  leaves the previous state;
- **bulk**: COPY FROM (LadybugDB) or UNWIND batches (Neo4j), never a round trip per row.

All of this holds **per wave** (:mod:`coalitions.graph.waves`): a load names its wave (default
:data:`~coalitions.graph.tables.DEFAULT_WAVE`), compares with and writes to that wave only, and
``replace=True`` empties that wave first; the other waves are never touched. Reads
(:meth:`Store.read_graph`, :meth:`Store.stats`) answer for one wave, the latest by default.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from coalitions.errors import StoreError, UsageError
from coalitions.graph.model import GraphData
from coalitions.graph.tables import (
    DEFAULT_WAVE,
    INT_PROPERTIES,
    LIST_PROPERTIES,
    NODE_KEYS,
    NODE_PROPERTIES,
    REL_ENDPOINTS,
    REL_PROPERTIES,
    Tables,
    from_tables,
    iter_node_tables,
    positions,
    rel_tables,
    to_tables,
)

__all__ = ["DEFAULT_STORE", "LoadSummary", "Store", "open_store", "plan_load"]

DEFAULT_STORE = "coalitions.db"

Progress = Callable[[str, int, int], None]  # (step description, done, total)


@dataclass
class LoadSummary:
    """What a load changed: per label/type, rows created, updated, deleted."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(self.created.values()) or any(self.updated.values()) or any(
            self.deleted.values())

    def rows(self) -> list[dict[str, Any]]:
        names = list(NODE_KEYS) + list(REL_ENDPOINTS)
        return [{"table": n, "created": self.created.get(n, 0), "updated": self.updated.get(n, 0),
                 "deleted": self.deleted.get(n, 0)} for n in names]


@dataclass
class LoadPlan:
    new_nodes: dict[str, pd.DataFrame]
    changed_nodes: dict[str, pd.DataFrame]
    delete_rels: dict[str, pd.DataFrame]
    create_rels: dict[str, pd.DataFrame]
    replace: bool = False
    # The wave the plan writes to: the frames hold plain ids, which the engines qualify with
    # this wave as they write (keys, see coalitions.graph.tables.wave_keys).
    wave: str = DEFAULT_WAVE
    # Whether the wave has no Wave node yet (it is written even when nothing else is).
    new_wave: bool = False

    @classmethod
    def all_new(cls, nodes: dict[str, pd.DataFrame], rels: dict[str, pd.DataFrame],
                replace: bool = False, wave: str = DEFAULT_WAVE) -> LoadPlan:
        """Every row new: a load into an empty wave, or one that ``replace`` empties."""
        return cls(nodes, {k: v.iloc[0:0] for k, v in nodes.items()},
                   {k: v.iloc[0:0] for k, v in rels.items()}, rels, replace, wave)

    def summary(self) -> LoadSummary:
        s = LoadSummary()
        for k, v in self.new_nodes.items():
            s.created[k] = len(v)
        for k, v in self.changed_nodes.items():
            s.updated[k] = len(v)
        for k, v in self.create_rels.items():
            s.created[k] = len(v)
        for k, v in self.delete_rels.items():
            s.deleted[k] = len(v)
        return s


# helpers for comparing what is stored with what is loaded ------------------------------

# Properties compared as numbers: a year read back as 1994.0 equals the 1994 that was loaded.
_NUMERIC = INT_PROPERTIES | {"weight"}


def _comparable(values: pd.Series, column: str) -> np.ndarray:
    """One column prepared for factorising: numbers as float64 (NaN when missing), lists as
    tuples, text as objects; every kind of missing value factorises alike."""
    if column in _NUMERIC:
        return pd.to_numeric(values, errors="coerce").to_numpy(dtype=np.float64,
                                                                 na_value=np.nan)
    if column in LIST_PROPERTIES:
        return _tuples(values)
    return values.to_numpy(dtype=object)


def _tuples(values: pd.Series | np.ndarray) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = [tuple(v) if isinstance(v, list | tuple | np.ndarray) else None for v in values]
    return out


def _row_keys(frames: list[pd.DataFrame], cols: list[str]) -> list[np.ndarray]:
    """One integer per row of each frame, equal exactly when the rows hold the same values
    in ``cols`` (missing equals missing; 2 equals 2.0). Exact, no hashing of whole rows:
    each column is factorised over all frames together and the codes are combined."""
    sizes = [len(f) for f in frames]
    keys = np.zeros(sum(sizes), dtype=np.int64)
    for c in cols:
        parts = [_comparable(f[c], c) if c in f.columns else np.full(len(f), None, dtype=object)
                 for f in frames]
        values = np.concatenate(parts) if parts else np.empty(0, dtype=object)
        try:
            codes, uniques = pd.factorize(values)
        except TypeError:  # a list in a column not declared as one
            codes, uniques = pd.factorize(_tuples(values))
        # Both factors stay below the row count, so the product fits in 64 bits.
        keys = pd.factorize(keys * (len(uniques) + 1) + (codes + 1))[0].astype(np.int64)
    return np.split(keys, np.cumsum(sizes)[:-1])


def _known(values: pd.Series, pool: set | pd.Series) -> np.ndarray:
    """``values.isin(pool)`` through one factorisation (faster on a million strings)."""
    pool = np.fromiter(pool, dtype=object, count=len(pool)) if isinstance(pool, set) else pool
    return positions(values, pool) >= 0


def _one_per_key(label: str, frame: pd.DataFrame) -> pd.DataFrame:
    """A node table with one row per key, the last one of the input winning."""
    return frame.drop_duplicates(subset=[NODE_KEYS[label]], keep="last")


def plan_load(tables: Tables, existing_nodes: Mapping[str, pd.DataFrame],
              existing_rels: Mapping[str, pd.DataFrame]) -> LoadPlan:
    """Work out the smallest set of writes that brings the store to the loaded state.

    ``existing_*`` hold what the store has now in the wave being loaded (same columns as
    ``tables``, plain ids: within one wave an id is as unique as its key). Rows are
    compared as integer row keys (:func:`_row_keys`), so a million unchanged relationships
    compare in about a second. (A load into an empty store needs no plan: everything is new,
    see :meth:`LoadPlan.all_new`.)
    """
    new_nodes, changed_nodes, delete_rels, create_rels = {}, {}, {}, {}
    for label, frame in tables.nodes.items():
        key = NODE_KEYS[label]
        frame = _one_per_key(label, frame)
        old = existing_nodes.get(label)
        if old is None or not len(old):
            new_nodes[label] = frame
            changed_nodes[label] = frame.iloc[0:0]
            continue
        known = _known(frame[key], old[key])
        new_nodes[label] = frame[~known]
        candidates = frame[known]
        stored, loaded = _row_keys([old, candidates], NODE_PROPERTIES[label])
        changed_nodes[label] = candidates[~np.isin(loaded, stored)]
    for rel, frame in tables.rels.items():  # (one row per key already: see Tables)
        old = existing_rels.get(rel)
        if old is None or not len(old):
            create_rels[rel] = frame
            delete_rels[rel] = frame.iloc[0:0]
            continue
        owner_label, owner_keys = tables.owners[rel]
        side = "dst" if owner_label == "Coalition" and rel == "MEMBER_OF" else "src"
        owned = old[_known(old[side], owner_keys)]
        new_keys, old_keys = _row_keys([frame, owned], ["src", "dst", *REL_PROPERTIES[rel]])
        delete_rels[rel] = owned[~np.isin(old_keys, new_keys)]
        create_rels[rel] = frame[~np.isin(new_keys, old_keys)]
    return LoadPlan(new_nodes, changed_nodes, delete_rels, create_rels)


class Store(ABC):
    """A graph store. Use as a context manager; all engines behave alike."""

    engine: str = "?"
    read_only: bool = False
    # The files of the running load (see load), for the record on its Wave node.
    _load_files: list[dict[str, Any]] | None = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    @abstractmethod
    def location(self) -> str:
        """Where the store is (a path, or a URI without credentials)."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def query(self, cypher: str, params: Mapping[str, Any] | None = None, *,
              write: bool = False) -> pd.DataFrame:
        """Run Cypher and return the rows. Reads run in the engine's read-only mode."""

    @abstractmethod
    def _read_nodes(self, label: str, wave: str) -> pd.DataFrame:
        """The nodes of ``label`` in ``wave``, columns NODE_PROPERTIES (plain ids)."""

    @abstractmethod
    def _read_rels(self, rel: str, wave: str) -> pd.DataFrame:
        """The relationships of ``rel`` in ``wave``, their ends as plain ids."""

    @abstractmethod
    def _apply(self, plan: LoadPlan, progress: Progress | None) -> None: ...

    @abstractmethod
    def _count(self, label: str | None = None, rel: str | None = None,
               wave: str | None = None) -> int:
        """Nodes of ``label`` or relationships of ``rel`` in ``wave`` (None: every wave)."""

    @abstractmethod
    def _legacy(self) -> bool:
        """Whether the store was made by the version before waves (see
        :meth:`_check_current`)."""

    @abstractmethod
    def write_properties(self, label: str, frame: pd.DataFrame, wave: str | None = None) -> int:
        """Set properties on existing nodes of ``label`` in ``wave`` (default: the latest);
        ``frame`` has the id (or name) column first. Returns the number of nodes updated."""

    # shared behaviour -------------------------------------------------------------------

    def load(self, data: GraphData, *, wave: str | None = None, replace: bool = False,
             progress: Progress | None = None,
             inputs: Sequence[Mapping[str, Any]] | None = None) -> LoadSummary:
        """Load a validated graph as inventory wave ``wave`` (default
        :data:`~coalitions.graph.tables.DEFAULT_WAVE`); see the module docstring for the
        semantics, which hold within the wave. ``inputs`` are the files the graph was read
        from (:meth:`coalitions.loaders.LoadResult.inputs`), recorded on the wave in the
        same transaction (:mod:`coalitions.graph.waves`); None records a load of unknown
        files."""
        from coalitions.graph.waves import check_wave

        wave = check_wave(wave)
        # (read by the engine where it touches the Wave node, inside the load's transaction)
        self._load_files = None if inputs is None else [dict(f) for f in inputs]
        self._check_current()
        # A fresh wave has nothing to compare with: counting is cheaper than reading nothing.
        if replace or all(self._count(label=label, wave=wave) == 0 for label in NODE_KEYS):
            nodes = ((label, _one_per_key(label, frame))
                     for label, frame in iter_node_tables(data))
            return self._apply_new(nodes, lambda: rel_tables(data), replace, progress, wave)
        tables = to_tables(data)
        existing_nodes = {label: self._read_nodes(label, wave) for label in NODE_KEYS}
        existing_rels = {rel: self._read_rels(rel, wave) for rel in REL_ENDPOINTS}
        plan = plan_load(tables, existing_nodes, existing_rels)
        plan.wave = wave
        summary = plan.summary()
        if summary.changed:
            self._apply(plan, progress)
        return summary

    def _apply_new(self, nodes: Iterable[tuple[str, pd.DataFrame]],
                   rels: Callable[[], dict[str, pd.DataFrame]], replace: bool,
                   progress: Progress | None, wave: str = DEFAULT_WAVE) -> LoadSummary:
        """Write a graph into an empty wave (or one that ``replace`` empties first): every
        row is new. ``nodes`` gives the node tables as ``(label, frame)``, one row per key,
        each made when asked for; ``rels()`` builds the relationship tables (an engine may
        write nodes while the next table or the relationships are being made)."""
        plan = LoadPlan.all_new(dict(nodes), rels(), replace, wave)
        summary = plan.summary()
        if summary.changed or replace or wave not in self._wave_names():
            self._apply(plan, progress)
        return summary

    def _check_current(self) -> None:
        """A clear :class:`StoreError` for a store made before waves: its nodes have no
        wave and no wave-qualified key, so no wave can be read from it or loaded into it
        beside them. (Not migrated silently: which wave the old data is, only its owner
        knows.)"""
        if self._legacy():
            from coalitions.graph.waves import LEGACY_HINT

            raise StoreError(f"The store {self.location} cannot be used as it is. {LEGACY_HINT}",
                             hint=self._legacy_advice())

    def _legacy_advice(self) -> str:
        return ("Load your inventory again with --replace, which removes the earlier "
                "version's data (add --wave NAME to label it).")

    def _wave_rows(self) -> pd.DataFrame:
        """The Wave nodes: name, number, loaded_at, inputs (JSON text or None), by number."""
        return self.query("MATCH (w:Wave) RETURN w.name AS wave, w.number AS number, "
                          "w.loaded_at AS loaded_at, w.inputs AS inputs ORDER BY number")

    def _wave_names(self) -> list[str]:
        return [str(w) for w in self._wave_rows()["wave"]] if not self._legacy() else []

    def waves(self) -> pd.DataFrame:
        """The waves in the store, in the order they were first loaded: ``wave``,
        ``number``, ``loaded_at`` (UTC, last load that wrote to it), ``latest`` (the wave
        commands read by default), its ``coalitions``, ``actors``, ``memberships``, and
        its input files (:mod:`coalitions.graph.waves`): ``files`` (file names, ``"; "``
        between them; "not recorded" for a wave loaded before files were recorded) and
        ``sha256`` (their SHA-256 checksums, in the same order)."""
        from coalitions.graph.waves import wave_files
        from coalitions.provenance import NOT_RECORDED

        self._check_current()
        rows = self._wave_rows()
        cols = ["wave", "number", "loaded_at", "latest", "coalitions", "actors", "memberships",
                "files", "sha256"]
        if not len(rows):
            return pd.DataFrame(columns=cols)
        out = rows.copy()
        listed = [wave_files(r) for r in out["inputs"]]
        out["files"] = [NOT_RECORDED if f is None else "; ".join(str(x["name"]) for x in f)
                        for f in listed]
        out["sha256"] = [None if f is None else "; ".join(str(x["sha256"]) for x in f)
                         for f in listed]
        out["wave"] = out["wave"].astype(str)
        out["number"] = pd.to_numeric(out["number"]).astype(int)
        out["latest"] = out["number"] == out["number"].max()
        for name, labels, rel in (("coalitions", ["Coalition"], None),
                                  ("actors", ["Organisation", "Person"], None),
                                  ("memberships", [], "MEMBER_OF")):
            counts: dict[str, int] = {}
            pattern = [f"MATCH (n:{label}) RETURN n.wave AS wave, count(n) AS n"
                       for label in labels]
            if rel:
                pattern.append(f"MATCH ()-[n:{rel}]->() RETURN n.wave AS wave, count(n) AS n")
            for q in pattern:
                for w, n in self.query(q).itertuples(index=False):
                    counts[str(w)] = counts.get(str(w), 0) + int(n)
            out[name] = [counts.get(w, 0) for w in out["wave"]]
        out = out[cols].reset_index(drop=True)
        # (a table of every wave has no one wave's files to name: they are its columns)
        out.attrs["facts"] = {"inputs": "each wave's, in its files and sha256 columns"}
        return out

    def wave_inputs(self, wave: str | int | None = None) -> list[dict[str, Any]] | None:
        """The record of the input files of ``wave`` (default: the latest): the loads that
        wrote to it, each ``{"loaded_at", "replace", "files"}`` (see
        :mod:`coalitions.graph.waves`); None when the wave has no record (loaded before
        files were recorded) or the store holds no wave."""
        from coalitions.graph.waves import loads_of

        name = self.resolve_wave(wave)
        if name is None:
            return None
        rows = self._wave_rows()
        record = rows.loc[rows["wave"].astype(str) == name, "inputs"]
        return (loads_of(record.iloc[0]) or None) if len(record) else None

    def wave_facts(self, wave: str | None) -> dict[str, Any]:
        """What a table computed on ``wave`` records of it (``frame.attrs["facts"]``): the
        ``wave``, and ``inputs`` — each file of the wave as ``{"path": file name, "sha256"}``
        — when they are recorded (:func:`coalitions.provenance.inputs_of` says "not
        recorded" otherwise). Only the file name goes into a table's provenance, not the
        path the files were loaded from, which may name a user's home folder."""
        from coalitions.graph.waves import wave_files

        if wave is None:
            return {}
        facts: dict[str, Any] = {"wave": wave}
        files = wave_files(self.wave_inputs(wave))
        if files:
            facts["inputs"] = [{"path": str(f.get("name")), "sha256": str(f.get("sha256"))}
                               for f in files]
        return facts

    def latest_wave(self) -> str | None:
        """The wave commands read by default: the one added last (None in an empty store)."""
        self._check_current()
        rows = self._wave_rows()
        return str(rows["wave"].iloc[-1]) if len(rows) else None

    def resolve_wave(self, wave: str | int | None = None) -> str | None:
        """``wave`` checked against the store (a :class:`UsageError` naming the waves there
        when it is not one of them), or the latest wave when None (None if the store has
        no wave yet)."""
        self._check_current()
        if wave is None:
            return self.latest_wave()
        name = str(wave).strip()
        names = self._wave_names()
        if name not in names:
            raise UsageError(f"No wave {name!r} in the store {self.location}.",
                             hint=("Waves there: " + ", ".join(names)) if names
                             else "The store holds no wave yet: load one first.")
        return name

    def read_graph(self, wave: str | int | None = None) -> GraphData:
        """One wave of the graph as a :class:`GraphData` (default: the latest wave)."""
        name = self.resolve_wave(wave)
        if name is None:
            return GraphData()
        nodes = {label: self._read_nodes(label, name) for label in NODE_KEYS}
        rels = {rel: self._read_rels(rel, name) for rel in REL_ENDPOINTS}
        return from_tables(nodes, rels)

    def stats(self, wave: str | int | None = None) -> pd.DataFrame:
        """Nodes per label and relationships per type in one wave (default: the latest),
        in a fixed order; ``frame.attrs["facts"]["wave"]`` names the wave (every output prints
        its facts)."""
        name = self.resolve_wave(wave)
        if name is None:
            rows = [{"kind": "node", "name": label, "count": 0} for label in NODE_KEYS]
            rows += [{"kind": "relationship", "name": rel, "count": 0} for rel in REL_ENDPOINTS]
        else:
            rows = [{"kind": "node", "name": label, "count": self._count(label=label, wave=name)}
                    for label in NODE_KEYS]
            rows += [{"kind": "relationship", "name": rel,
                      "count": self._count(rel=rel, wave=name)} for rel in REL_ENDPOINTS]
        frame = pd.DataFrame(rows, columns=["kind", "name", "count"])
        if name is not None:
            frame.attrs["facts"] = self.wave_facts(name)
        return frame


def open_store(store: str | Path | None = None, *, neo4j: str | None = None,
               read_only: bool = False, must_exist: bool = False,
               graph_reads_only: bool = False,
               note: Callable[[str], None] | None = None) -> Store:
    """Open the embedded store at ``store`` or the Neo4j server at ``neo4j``.

    Which engine, in order: ``neo4j`` given → Neo4j; ``store`` given → embedded at that path;
    environment ``NEO4J_URI`` set → Neo4j (with ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``,
    ``NEO4J_DATABASE``); otherwise embedded at ``COALITIONS_STORE`` or ``./coalitions.db``.
    ``read_only`` opens a connection on which the engine itself refuses writes.
    ``graph_reads_only`` (implies ``read_only``) says the store is opened only to read the
    graph, not for ad-hoc queries: the embedded store then sizes its memory to the store
    (see :class:`~coalitions.graph.embedded.EmbeddedStore`). A read-only open of an embedded
    store that a stopped load left mid-checkpoint recovers it, or waits for the load that is
    committing; ``note`` receives the one-line notes saying so (default: standard error).
    """
    if neo4j is None and store is None:
        neo4j = os.environ.get("NEO4J_URI") or None
    if neo4j:
        from coalitions.graph.neo4j_store import Neo4jStore

        return Neo4jStore(
            neo4j,
            user=os.environ.get("NEO4J_USERNAME", "neo4j"),
            password=os.environ.get("NEO4J_PASSWORD", ""),
            database=os.environ.get("NEO4J_DATABASE") or None,
            read_only=read_only or graph_reads_only,
        )
    from coalitions.graph.embedded import EmbeddedStore

    path = Path(store or os.environ.get("COALITIONS_STORE") or DEFAULT_STORE)
    return EmbeddedStore(path, read_only=read_only, must_exist=must_exist,
                         graph_reads_only=graph_reads_only, note=note)
