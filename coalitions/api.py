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

from coalitions.errors import UsageError
from coalitions.graph.model import GraphData
from coalitions.graph.scope import Scope
from coalitions.graph.store import LoadSummary, Store, open_store

__all__ = ["SAMPLE", "Coalitions"]

SAMPLE = Path(str(files("coalitions") / "data" / "sample"))
"""The bundled illustrative dataset (a folder of CSV files)."""


def _of_wave(method):
    """Stamp a table an analysis method returns with the wave it was computed on and that
    wave's input files (``attrs["facts"]``), as the command line does: a table made in a
    notebook names its data like one made at the terminal (:mod:`coalitions.provenance`)."""
    import functools

    @functools.wraps(method)
    def stamped(self, *args, **kwargs):
        frame = method(self, *args, **kwargs)
        if isinstance(frame, pd.DataFrame):
            wave = self.store.resolve_wave(kwargs.get("wave"))
            frame.attrs["facts"] = {**self.store.wave_facts(wave),
                                    **frame.attrs.get("facts", {})}
        return frame

    return stamped


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
        summary = self.store.load(result.data, wave=wave, replace=replace,
                                  inputs=result.inputs())
        self._data = {}
        return summary

    def waves(self) -> pd.DataFrame:
        """The inventory waves in the store, in the order they were loaded (the last is the
        one every method reads unless given ``wave=``), with each wave's input files and
        their SHA-256 (``coalitions waves``; see :meth:`Store.waves`). The full record of a
        wave's loads: ``self.store.wave_inputs(wave)``."""
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
        (membership|tie), ``role``, ``since`` (memberships), ``type``, ``weight``,
        ``directed`` (ties: read source → target, as brokerage reads them by default)."""
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

    # analyses: one method per command, the same tables as its --format json -----------

    def stats(self) -> pd.DataFrame:
        """Nodes per label and relationships per type (``coalitions stats``)."""
        return self.store.stats()

    @_of_wave
    def pivots(self, scope: Scope | None = None, *, by: str = "betweenness",
               two_mode: bool = False, per_coalition: bool = False, top: int | None = None,
               seed: int = 42, exact_seconds: float | None = None,
               budget_seconds: float | None = None, **scope_fields: Any) -> pd.DataFrame:
        """Centrality of every actor ranked by ``by`` (``coalitions pivots``); with
        ``two_mode`` on the actor × coalition network, with ``per_coalition`` the structural
        beside the declared pivot of each coalition. ``exact_seconds`` and
        ``budget_seconds`` (``--exact-seconds``, ``--budget-seconds``; None: the package's
        60 s each) trade time for exactness of the actor network's betweenness and
        closeness, as in :func:`~coalitions.analysis.centrality.actor_measures`: exact when
        predicted under ``exact_seconds`` (0 always estimates), else estimated within
        about ``budget_seconds``."""
        from coalitions.analysis.centrality import actor_measures, check_seconds
        from coalitions.analysis.definitions import rank
        from coalitions.analysis.pivots import coalition_pivots
        from coalitions.analysis.twomode import two_mode_measures

        timing = {k: v for k, v in (("exact_seconds", exact_seconds),
                                    ("budget_seconds", budget_seconds)) if v is not None}
        check_seconds(**timing)
        if two_mode and timing:
            raise UsageError("exact_seconds and budget_seconds apply to the actor network.",
                             hint="two_mode uses its own fixed sample above 3,000 nodes.")
        data = self.graph(scope, **scope_fields)
        if per_coalition:
            return _head(coalition_pivots(data, seed=seed, **timing), top)
        frame = (two_mode_measures(data, seed=seed) if two_mode
                 else actor_measures(data, seed=seed, **timing))
        return _head(rank(frame, by), top)

    @_of_wave
    def embeddedness(self, scope: Scope | None = None, *, coalitions: bool = False,
                     by: str | None = None, top: int | None = None,
                     **scope_fields: Any) -> pd.DataFrame:
        """Coreness, Burt's constraint and effective size, clustering and sector diversity
        of every actor, or with ``coalitions`` how embedded each coalition is
        (``coalitions embeddedness``), ranked by ``by``."""
        from coalitions.analysis.definitions import rank
        from coalitions.analysis.embeddedness import actor_embeddedness, coalition_embeddedness

        data = self.graph(scope, **scope_fields)
        frame = coalition_embeddedness(data) if coalitions else actor_embeddedness(data)
        return _head(rank(frame, by or ("overlap" if coalitions else "coreness")), top)

    @_of_wave
    def brokers(self, scope: Scope | None = None, *, group_by: str = "sector",
                directed: bool | None = None, top: int | None = None,
                **scope_fields: Any) -> pd.DataFrame:
        """Gould & Fernandez brokerage roles of every actor (``coalitions brokers``); ties
        read as recorded, or with ``directed`` all one way (True) or both ways (False)."""
        from coalitions.analysis.brokerage import actor_brokerage

        return _head(actor_brokerage(self.graph(scope, **scope_fields), group_by=group_by,
                                     directed=directed), top)

    @_of_wave
    def communities(self, scope: Scope | None = None, *, members: bool = False,
                    resolution: float = 1.0, seed: int = 42,
                    **scope_fields: Any) -> pd.DataFrame:
        """Leiden communities: the summary, or with ``members`` every actor's community
        (``coalitions communities``)."""
        from coalitions.analysis.communities import communities

        membership, summary = communities(self.graph(scope, **scope_fields),
                                          resolution=resolution, seed=seed)
        return membership if members else summary

    @_of_wave
    def clusters(self, scope: Scope | None = None, *, by: str = "theme", k: int | None = None,
                 **scope_fields: Any) -> pd.DataFrame:
        """The study's clusterings as count tables, or ``by="data"`` the data-driven
        clustering of coalitions (``coalitions clusters``)."""
        from coalitions.analysis.clusters import cluster_table, data_clusters

        data = self.graph(scope, **scope_fields)
        if by == "data":
            return data_clusters(data, k=k)[0]
        if by not in ("theme", "role", "actors"):
            from coalitions.errors import UsageError

            raise UsageError(f"Cannot cluster by {by!r}.",
                             hint="Use theme, role, actors or data.")
        return cluster_table(data, by=by)

    @_of_wave
    def shortlist(self, n: int = 5, scope: Scope | None = None,
                  **scope_fields: Any) -> pd.DataFrame:
        """N case studies covering the variation over the three clusterings."""
        from coalitions.analysis.clusters import shortlist

        return shortlist(self.graph(scope, **scope_fields), n)

    @_of_wave
    def cities(self, scope: Scope | None = None, *, directed: bool | None = None,
               **scope_fields: Any) -> pd.DataFrame:
        """Per city: coalitions, government involvement, officials and politicians in
        between and their brokerage (``coalitions cities``)."""
        from coalitions.analysis.cities import city_profiles

        return city_profiles(self.graph(scope, **scope_fields), directed=directed)

    def case(self, name: str, *, wave: str | int | None = None) -> dict[str, Any]:
        """The analysis table of one coalition, by id or name (``coalitions case``): a dict
        of facts and tables, with the ``wave`` it was read from (default: the latest) and
        that wave's ``inputs``, as ``case --format json`` gives them."""
        from coalitions.analysis.cities import case_table
        from coalitions.provenance import inputs_of

        table = case_table(self.graph(wave=wave), name)
        facts = self.store.wave_facts(self.store.resolve_wave(wave))
        return {"wave": facts.get("wave"), "inputs": inputs_of(facts), **table}

    @_of_wave
    def compare(self, scope: Scope | None = None, *, by: str = "government",
                **scope_fields: Any) -> pd.DataFrame:
        """The study's follow-up grid per type of coalition (``coalitions compare``)."""
        from coalitions.analysis.cities import compare

        return compare(self.graph(scope, **scope_fields), by=by)

    def analyse(self, *, seed: int = 42, directed: bool | None = None) -> pd.DataFrame:
        """Write every measure to the store as node properties (``coalitions analyse``)."""
        from coalitions.analysis.stored import write_measures

        frame = write_measures(self.store, seed=seed, directed=directed)
        self._data = None
        return frame

    @staticmethod
    def explain(measure: str | None = None, *, lang: str = "en") -> pd.DataFrame:
        """The definition of every measure, or one (``coalitions explain``)."""
        from coalitions.analysis.definitions import explain

        return explain(measure, lang=lang)

    # maps, reports and figures -----------------------------------------------------------

    def map(self, out: str | Path, scope: Scope | None = None, *,
            size_by: str = "betweenness", color_by: str = "sector", max_nodes: int = 2500,
            pseudonymise: bool = False, title: str | None = None, timeline: bool = False,
            **scope_fields: Any) -> Path:
        """The network map of a scope (``coalitions map``): interactive HTML, or a static
        figure when ``out`` ends in .svg, .png or .pdf. ``timeline=True``: every wave in one
        page (``map --timeline``, :mod:`coalitions.viz.timeline`; HTML only, no ``wave=``)."""
        from coalitions.viz.maps import render_map
        from coalitions.viz.static import FIGURE_FORMATS, network_figure, write_network_figure

        if timeline:
            return self._timeline_map(out, scope, size_by=size_by, color_by=color_by,
                                      max_nodes=max_nodes, pseudonymise=pseudonymise,
                                      title=title, **scope_fields)
        data = self.graph(scope, **scope_fields)
        names = self._pseudonyms() if pseudonymise else False
        title = title or "Coalitions"
        if Path(out).suffix.lower() in FIGURE_FORMATS:
            return write_network_figure(network_figure(
                data, title=title, size_by=size_by, max_nodes=max_nodes, pseudonymise=names),
                out)
        from coalitions.pseudonyms import store_salt

        return render_map(data, Path(out), title=title, size_by=size_by, color_by=color_by,
                          max_nodes=max_nodes, pseudonymise=names,
                          salt=store_salt(self.store) if pseudonymise else None).path

    def _timeline_map(self, out: str | Path, scope: Scope | None, *, size_by: str,
                      color_by: str, max_nodes: int, pseudonymise: bool, title: str | None,
                      **scope_fields: Any) -> Path:
        from dataclasses import replace

        from coalitions.pseudonyms import store_salt
        from coalitions.viz.timeline import (
            check_timeline_out,
            coalition_label,
            read_waves,
            render_timeline,
        )

        if scope_fields.get("wave") is not None:
            raise UsageError("A timeline shows every wave; wave= picks one.",
                             hint="Leave out wave=, or leave out timeline=True to draw that wave.")
        scope_fields.pop("wave", None)
        check_timeline_out(out)
        scope = _scope(scope, scope_fields)
        coalition = scope.coalition
        waves = read_waves(self.store, replace(scope, coalition=None))
        title = title or (coalition_label(waves, coalition) if coalition else "Coalitions")
        return render_timeline(waves, Path(out), title=title, coalition=coalition,
                               size_by=size_by, color_by=color_by, max_nodes=max_nodes,
                               pseudonymise=self._pseudonyms() if pseudonymise else False,
                               salt=store_salt(self.store) if pseudonymise else None).path

    def report(self, city: str, out: str | Path, *, size_by: str = "betweenness",
               directed: bool | None = None, pseudonymise: bool = False) -> Path:
        """The report of one city (``coalitions report``): HTML, or A4 pages when ``out``
        ends in .pdf."""
        from coalitions.viz.report import render_report
        from coalitions.viz.report_pdf import render_report_pdf

        data = self.graph()
        if pseudonymise:
            from coalitions.pseudonyms import pseudonymise as hide
            from coalitions.pseudonyms import store_salt

            data = hide(data, store_salt(self.store))
        write = render_report_pdf if Path(out).suffix.lower() == ".pdf" else render_report
        facts = self.store.wave_facts(self.store.latest_wave())
        return write(data, city, Path(out), size_by=size_by, directed=directed,
                     params={"size_by": size_by},
                     inputs=[(i["path"], i["sha256"]) for i in facts.get("inputs", ())])

    def figure(self, kind: str, out: str | Path, scope: Scope | None = None, *,
               actor: str | None = None, size_by: str = "betweenness",
               directed: bool | None = None, pseudonymise: bool = False,
               **scope_fields: Any) -> Path:
        """A static figure (``coalitions figure``): ``"cities"`` (the city profiles side by
        side) or ``"ego"`` (the ego network of ``actor``)."""
        from coalitions.viz.static import (
            city_profiles_figure,
            ego_network_figure,
            write_network_figure,
        )

        data = self.graph(scope, **scope_fields)
        if kind == "cities":
            from coalitions.analysis.cities import city_profiles

            drawn = city_profiles_figure(city_profiles(data, directed=directed))
        elif kind == "ego" and actor:
            drawn = ego_network_figure(data, actor, size_by=size_by,
                                       pseudonymise=self._pseudonyms() if pseudonymise
                                       else False)
        else:
            from coalitions.errors import UsageError

            raise UsageError(f"No figure {kind!r} (with actor {actor!r}).",
                             hint="Use 'cities', or 'ego' with actor=ID.")
        return write_network_figure(drawn, out)

    def _pseudonyms(self):
        from coalitions.pseudonyms import pseudonymiser, store_salt

        return pseudonymiser(store_salt(self.store))

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
               pseudonymise: bool = False, layout: bool | None = None,
               **scope_fields: Any) -> Path:
        """Write the network of a scope for Gephi, visone, Pajek, UCINET or pandas
        (:func:`coalitions.export.export`); pseudonyms use this store's salt. What the format
        or projection leaves out is issued as a :class:`UserWarning`."""
        from coalitions.export import export

        return export(self.graph(scope, **scope_fields), fmt, Path(out),  # type: ignore[arg-type]
                      projection=projection, measures=measures,  # type: ignore[arg-type]
                      pseudonymise=pseudonymise, salt=self.store if pseudonymise else None,
                      layout=layout)


# helpers

def _head(frame: pd.DataFrame, top: int | None) -> pd.DataFrame:
    return frame.head(top) if top else frame


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
    from coalitions.analysis.network import tie_directions

    m = data.memberships.rename(columns={"actor": "source", "coalition": "target"}).assign(
        relation="membership", type=None, weight=1.0, directed=None)
    t = data.ties.assign(relation="tie", role=None, since=None,
                         directed=tie_directions(data).tolist())
    cols = ["source", "target", "relation", "role", "since", "type", "weight", "directed"]
    parts = [df[cols] for df in (m, t) if len(df)]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=cols)
