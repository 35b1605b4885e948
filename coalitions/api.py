"""A small facade for notebooks: one object over a store that hands out pandas tables,
igraph/networkx graphs, query results and exports for any scope.

>>> from coalitions.api import Coalitions, SAMPLE        # doctest: +SKIP
>>> db = Coalitions.open("study.db")                      # doctest: +SKIP
>>> db.load(SAMPLE)                                       # doctest: +SKIP
>>> db.frames(city="Gent")["actors"].head()               # doctest: +SKIP

Scopes are given as keyword arguments (``city``, ``coalition``, ``theme``, ``sector``,
``since``, ``until`` — see :class:`coalitions.graph.scope.Scope`) or as a ``Scope``.
The graph is read from the store once and kept; :meth:`Coalitions.load` and writing queries
refresh it.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

import igraph as ig
import networkx as nx
import pandas as pd

from coalitions.graph.model import GraphData
from coalitions.graph.scope import Scope
from coalitions.graph.store import LoadSummary, Store, open_store

__all__ = ["SAMPLE", "Coalitions"]

SAMPLE = Path(str(files("coalitions") / "data" / "sample"))
"""The bundled illustrative dataset (a folder of CSV files)."""


class Coalitions:
    """A store, seen from a notebook. Use :meth:`open`, or wrap an open :class:`Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._data: dict[str, GraphData] = {}  # by the wave asked for ("": the latest)

    @classmethod
    def open(cls, path: str | Path | None = None, *, neo4j: str | None = None,
             read_only: bool = False) -> Coalitions:
        """Open the embedded store at ``path`` or the Neo4j server at ``neo4j`` (same rules as
        :func:`coalitions.graph.store.open_store`)."""
        return cls(open_store(path, neo4j=neo4j, read_only=read_only))

    def __enter__(self) -> Coalitions:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    # data in -----------------------------------------------------------------------------

    def load(self, *paths: str | Path, replace: bool = False,
             wave: str | None = None) -> LoadSummary:
        """Read and check workbooks/CSV folders and load them as inventory wave ``wave``
        (default: wave ``"1"``; see :mod:`coalitions.graph.waves`); an
        :class:`~coalitions.errors.InputError` lists every problem and nothing is written."""
        from coalitions.loaders import load_inputs

        result = load_inputs([Path(p) for p in paths])
        summary = self.store.load(result.data, wave=wave, replace=replace)
        self._data = {}
        return summary

    def waves(self) -> pd.DataFrame:
        """The inventory waves in the store, in the order they were loaded (the last is the
        one every method reads unless given ``wave=``)."""
        return self.store.waves()

    def changes(self, from_wave: str, to_wave: str | None = None, *,
                seed: int = 42) -> dict[str, pd.DataFrame]:
        """What changed between two waves (default ``to_wave``: the latest), as the tables
        of :func:`coalitions.analysis.changes.changes`."""
        from coalitions.analysis.changes import changes

        a, b = self.store.resolve_wave(from_wave), self.store.resolve_wave(to_wave)
        return changes(self.graph(wave=a), self.graph(wave=b), from_wave=a or "",
                       to_wave=b or "", seed=seed)

    # tables ------------------------------------------------------------------------------

    def graph(self, scope: Scope | None = None, **scope_fields: Any) -> GraphData:
        """The graph (or the part a scope selects) as a :class:`GraphData`. ``wave=`` (here
        and in every method that takes scope keywords) reads that inventory wave instead of
        the latest."""
        wave = scope_fields.pop("wave", None)
        key = "" if wave is None else str(wave)  # (cached as asked: "" is "the latest")
        if key not in self._data:
            self._data[key] = self.store.read_graph(wave)
        return _scope(scope, scope_fields).apply(self._data[key])

    def frames(self, scope: Scope | None = None, **scope_fields: Any) -> dict[str, pd.DataFrame]:
        """pandas tables: ``coalitions``, ``actors``, ``memberships``, ``ties`` (the tables of
        :class:`GraphData`), plus ``nodes`` and ``edges`` (see :meth:`nodes`, :meth:`edges`)."""
        data = self.graph(scope, **scope_fields)
        return {"coalitions": data.coalitions, "actors": data.actors,
                "memberships": data.memberships, "ties": data.ties,
                "nodes": _nodes(data), "edges": _edges(data)}

    def nodes(self, scope: Scope | None = None, **scope_fields: Any) -> pd.DataFrame:
        """One row per actor and coalition: ``id``, ``name``, ``mode`` (actor|coalition),
        ``kind``, ``sector``, ``function``, ``city``."""
        return _nodes(self.graph(scope, **scope_fields))

    def edges(self, scope: Scope | None = None, **scope_fields: Any) -> pd.DataFrame:
        """Memberships and ties as one edge table: ``source``, ``target``, ``relation``
        (membership|tie), ``role``, ``since`` (memberships), ``type``, ``weight`` (ties)."""
        return _edges(self.graph(scope, **scope_fields))

    def memberships(self, scope: Scope | None = None, **scope_fields: Any) -> pd.DataFrame:
        """Memberships with the actor's and coalition's names, sector, function and city."""
        data = self.graph(scope, **scope_fields)
        actors = data.actors.rename(columns={"id": "actor", "name": "actor_name",
                                             "city": "actor_city"})
        co = data.coalitions[["id", "name", "city"]].rename(
            columns={"id": "coalition", "name": "coalition_name"})
        return (data.memberships
                .merge(actors[["actor", "actor_name", "kind", "sector", "function",
                               "actor_city"]], on="actor", how="left")
                .merge(co, on="coalition", how="left"))

    # graphs ------------------------------------------------------------------------------

    def igraph(self, scope: Scope | None = None, *, projection: str | None = None,
               **scope_fields: Any) -> ig.Graph:
        """The two-mode network (``projection=None``), or the ``"actors"`` / ``"coalitions"``
        projection, or ``"ties"`` (explicit ties), as built by
        :mod:`coalitions.analysis.network`."""
        from coalitions.analysis import network

        data = self.graph(scope, **scope_fields)
        builders = {None: network.two_mode_network, "actors": network.actor_network,
                    "coalitions": network.coalition_network, "ties": network.tie_network}
        if projection not in builders:
            from coalitions.errors import UsageError

            raise UsageError(f"Unknown projection {projection!r}.",
                             hint="Use None, 'actors', 'coalitions' or 'ties'.")
        return builders[projection](data)

    def networkx(self, scope: Scope | None = None, *, projection: str | None = None,
                 **scope_fields: Any) -> nx.Graph:
        """As :meth:`igraph`, as a networkx graph keyed by id."""
        from coalitions.analysis.network import to_networkx

        return to_networkx(self.igraph(scope, projection=projection, **scope_fields))

    # queries and exports -----------------------------------------------------------------

    def query(self, cypher: str, *, write: bool = False, **params: Any) -> pd.DataFrame:
        """Run Cypher with ``params`` (read-only unless ``write``)."""
        frame = self.store.query(cypher, params, write=write)
        if write:
            self._data = {}
        return frame

    def named(self, name: str, **params: Any) -> pd.DataFrame:
        """Run a named query (:func:`coalitions.queries.list_queries` lists them)."""
        from coalitions.queries import named_query

        return named_query(self.store, name, params)

    def export(self, fmt: str, out: str | Path, scope: Scope | None = None, *,
               projection: str | None = None, measures: pd.DataFrame | None = None,
               pseudonymise: bool = False, **scope_fields: Any) -> Path:
        """Write the network of a scope for Gephi, visone, Pajek, UCINET or pandas
        (:func:`coalitions.export.export`); pseudonyms use this store's salt."""
        from coalitions.export import export

        return export(self.graph(scope, **scope_fields), fmt, Path(out),  # type: ignore[arg-type]
                      projection=projection, measures=measures,  # type: ignore[arg-type]
                      pseudonymise=pseudonymise, salt=self.store if pseudonymise else None)


# helpers

def _scope(scope: Scope | None, fields: dict[str, Any]) -> Scope:
    if scope is not None and fields:
        from coalitions.errors import UsageError

        raise UsageError("Give a Scope or scope keywords, not both.")
    return scope if scope is not None else Scope(**fields)


def _nodes(data: GraphData) -> pd.DataFrame:
    actors = data.actors[["id", "name", "kind", "sector", "function", "city"]].assign(
        mode="actor")
    co = data.coalitions[["id", "name", "city"]].assign(mode="coalition", kind=None,
                                                        sector=None, function=None)
    cols = ["id", "name", "mode", "kind", "sector", "function", "city"]
    return pd.concat([actors[cols], co[cols]], ignore_index=True)


def _edges(data: GraphData) -> pd.DataFrame:
    m = data.memberships.rename(columns={"actor": "source", "coalition": "target"}).assign(
        relation="membership", type=None, weight=1.0)
    t = data.ties.assign(relation="tie", role=None, since=None)
    cols = ["source", "target", "relation", "role", "since", "type", "weight"]
    parts = [df[cols] for df in (m, t) if len(df)]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=cols)
