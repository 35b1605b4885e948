"""Networks out to the tools researchers already use: Gephi, visone/yEd, Pajek, UCINET, pandas.

:func:`export` writes one network in one format. By default the network is the **two-mode**
actor × coalition network (one edge per affiliation, weight 1); ``projection="actors"`` gives
the actor–actor network (weight = shared coalitions + explicit tie weights) and
``projection="coalitions"`` the coalition–coalition network (weight = shared actors), both as
built by :mod:`coalitions.analysis.network`.

Every format holds the same nodes and the same edges with the same weights; what differs is
how much else a format can carry:

=========  ===============================  ============================================
format     file                             node attributes
=========  ===============================  ============================================
gexf       one ``.gexf`` (Gephi)            all (label, mode, kind, sector, function,
                                            city, role, themes, counts, measures)
graphml    one ``.graphml`` (visone, yEd)   all, as for gexf
pajek      one ``.net``                     none: vertices are named by id
dl         one ``.dl`` (UCINET DL)          none: labels are the ids
csv        a folder: nodes.csv, edges.csv   all
=========  ===============================  ============================================

In ``csv``, text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
``'`` in front, so that a spreadsheet opening the file shows it instead of running it as a
formula (:func:`coalitions.output.csv_safe`); numbers are written as they are.

Nodes are identified by the store's ids (actor and coalition ids are distinct); the display
name is the ``label`` attribute. Missing text attributes are written as ``""`` (the networkx
writers cannot write ``None``); a missing number is left out on that node. Undirected edges
appear once in every format except DL, where ``edgelist1`` lists ordered pairs and so each
undirected edge is written in both directions (UCINET then builds a symmetric matrix).

With ``pseudonymise=True`` person names and ids are replaced by stable pseudonyms first
(:mod:`coalitions.pseudonyms`), so no person's name or name-derived id reaches the file.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd

from coalitions.errors import UsageError
from coalitions.graph.model import GraphData
from coalitions.output import csv_text

__all__ = ["FORMATS", "PROJECTIONS", "export", "export_network", "network"]

FORMATS = ("gexf", "graphml", "pajek", "dl", "csv")
PROJECTIONS = ("actors", "coalitions")
SUFFIX = {"gexf": ".gexf", "graphml": ".graphml", "pajek": ".net", "dl": ".dl", "csv": ""}

# Vertex attributes of coalitions.analysis.network that are not exported as such.
_SKIP = {"name", "type"}


def export(data: GraphData, fmt: Literal["gexf", "graphml", "pajek", "dl", "csv"], out: Path,
           *, projection: Literal["actors", "coalitions"] | None = None,
           measures: pd.DataFrame | None = None, pseudonymise: bool = False,
           salt: Any = None) -> Path:
    """Write the network of ``data`` to ``out`` in format ``fmt``; return the path written.

    Parameters
    ----------
    data : GraphData
        The graph, already restricted to a scope if wanted (``Scope.apply``).
    fmt : {"gexf", "graphml", "pajek", "dl", "csv"}
    out : Path
        The file to write (its parent folders are made); for ``csv`` the folder that receives
        ``nodes.csv`` and ``edges.csv``.
    projection : {None, "actors", "coalitions"}
        None for the two-mode network, else the weighted one-mode projection.
    measures : DataFrame, optional
        Per-node measures keyed by an ``id`` column (e.g. ``centrality.actor_measures``); its
        numeric columns become node attributes.
    pseudonymise : bool
        Replace person names and ids by pseudonyms; needs ``salt``.
    salt : str or Store
        The pseudonym salt, or the store whose salt to use (see
        :func:`coalitions.pseudonyms.pseudonymiser`).

    Raises
    ------
    UsageError
        Unknown format or projection, or ``pseudonymise`` without ``salt``.
    """
    fmt = str(fmt).lower()  # type: ignore[assignment]
    if fmt not in FORMATS:
        raise UsageError(f"Unknown export format {fmt!r}.", hint="Formats: " + ", ".join(FORMATS))
    if projection is not None and projection not in PROJECTIONS:
        raise UsageError(f"Unknown projection {projection!r}.",
                         hint="Leave it out for the two-mode network, or use: "
                              + ", ".join(PROJECTIONS))
    if pseudonymise:
        data, measures = _pseudonymised(data, measures, salt)
    g = network(data, projection=projection, measures=measures)
    return export_network(g, fmt, Path(out), two_mode=projection is None)


def network(data: GraphData, *, projection: str | None = None,
            measures: pd.DataFrame | None = None) -> nx.Graph:
    """The network :func:`export` writes, as a networkx graph keyed by id, attributes
    cleaned for the writers (no None, no lists, plain Python numbers)."""
    from coalitions.analysis.network import (
        actor_network,
        coalition_network,
        to_networkx,
        two_mode_network,
    )

    if projection is None:
        ig_graph: ig.Graph = two_mode_network(data)
        ig_graph.es["weight"] = [1.0] * ig_graph.ecount()
    elif projection == "actors":
        ig_graph = actor_network(data)
        ig_graph.vs["mode"] = ["actor"] * ig_graph.vcount()
    else:
        ig_graph = coalition_network(data)
        ig_graph.vs["mode"] = ["coalition"] * ig_graph.vcount()
    g = to_networkx(ig_graph)
    by_id = _measures_by_id(measures)
    node_numbers = _numeric_keys(a for _, a in g.nodes(data=True))
    edge_numbers = _numeric_keys(a for _, _, a in g.edges(data=True))
    clean = nx.Graph()
    clean.add_nodes_from((n, _clean_attrs(attrs, _SKIP, node_numbers) | by_id.get(str(n), {}))
                         for n, attrs in g.nodes(data=True))
    clean.add_edges_from((u, v, _clean_attrs(attrs, set(), edge_numbers))
                         for u, v, attrs in g.edges(data=True))
    return clean


def export_network(g: nx.Graph, fmt: str, out: Path, *, two_mode: bool = False) -> Path:
    """Write a graph made by :func:`network` to ``out`` in ``fmt`` (see :func:`export`)."""
    if fmt == "csv":
        out.mkdir(parents=True, exist_ok=True)
        nodes = pd.DataFrame([{"id": n, **a} for n, a in g.nodes(data=True)])
        edges = pd.DataFrame([{"source": u, "target": v, **a} for u, v, a in g.edges(data=True)],
                             columns=["source", "target", "weight"])
        # Text cells that a spreadsheet would run as a formula get a leading "'".
        (out / "nodes.csv").write_text(csv_text(nodes), encoding="utf-8")
        (out / "edges.csv").write_text(csv_text(edges), encoding="utf-8")
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "gexf":
        nx.write_gexf(g, out, encoding="utf-8")
    elif fmt == "graphml":
        nx.write_graphml(g, out, encoding="utf-8")
    elif fmt == "pajek":
        # Pajek vertex lines take coordinates and shapes, not arbitrary attributes: write the
        # bare graph (vertices named by id, edge values = weights).
        bare = nx.Graph()
        bare.add_nodes_from(g.nodes)
        bare.add_edges_from((u, v, {"weight": a.get("weight", 1.0)})
                            for u, v, a in g.edges(data=True))
        nx.write_pajek(bare, out, encoding="utf-8")
    elif fmt == "dl":
        out.write_text(_dl_text(g, two_mode=two_mode), encoding="utf-8")
    return out


# helpers

def _pseudonymised(data: GraphData, measures: pd.DataFrame | None,
                   salt: Any) -> tuple[GraphData, pd.DataFrame | None]:
    from coalitions.pseudonyms import pseudonym_id, pseudonymise, resolve_salt

    if salt is None:
        raise UsageError("Pseudonymising needs the store's pseudonym salt (pass salt=store).")
    key = resolve_salt(salt)
    persons = data.actors.loc[data.actors["kind"] == "person", "id"].astype(str)
    out = pseudonymise(data, key)
    if measures is not None and "id" in measures.columns:
        mapping = {i: pseudonym_id(i, key) for i in persons}
        measures = measures.copy()
        measures["id"] = measures["id"].map(lambda i: mapping.get(i, i))
        # A name column beside the measures would bring the real names back.
        measures = measures.drop(columns=[c for c in ("name", "label") if c in measures.columns])
    return out, measures


def _measures_by_id(measures: pd.DataFrame | None) -> dict[str, dict[str, Any]]:
    if measures is None or not len(measures):
        return {}
    if "id" not in measures.columns:
        raise UsageError("The measures table has no 'id' column to match nodes by.")
    numeric = [c for c in measures.columns
               if c != "id" and pd.api.types.is_numeric_dtype(measures[c])
               and not pd.api.types.is_bool_dtype(measures[c])]
    out: dict[str, dict[str, Any]] = {}
    for row in measures[["id", *numeric]].itertuples(index=False):
        values = {c: _number(v) for c, v in zip(numeric, row[1:], strict=True)}
        out[str(row[0])] = {c: v for c, v in values.items() if v is not None}
    return out


def _numeric_keys(rows: Any) -> set[str]:
    keys: set[str] = set()
    for attrs in rows:
        keys.update(k for k, v in attrs.items() if isinstance(v, int | float | np.integer |
                                                               np.floating)
                    and not isinstance(v, bool | np.bool_))
    return keys


def _clean_attrs(attrs: Mapping[str, Any], skip: set[str], numeric: set[str]) -> dict[str, Any]:
    """Attributes the writers accept: text, or plain int/float; lists joined with '; '.

    A missing value of a ``numeric`` attribute is left out rather than written as "": GEXF
    and GraphML declare one type per attribute, and "" is no number.
    """
    out: dict[str, Any] = {}
    for k, v in attrs.items():
        if k in skip or (k in numeric and (v is None or v is pd.NA)):
            continue
        if isinstance(v, list | tuple | np.ndarray):
            out[k] = "; ".join("" if x is None else str(x) for x in v)
        elif isinstance(v, bool | np.bool_):
            out[k] = str(bool(v)).lower()
        elif isinstance(v, int | float | np.integer | np.floating):
            n = _number(v)
            if n is not None:
                out[k] = n
        elif v is None or v is pd.NA:
            out[k] = ""
        else:
            out[k] = str(v)
    return out


def _number(v: Any) -> int | float | None:
    if v is None or v is pd.NA:
        return None
    if isinstance(v, np.integer | int) and not isinstance(v, bool):
        return int(v)
    f = float(v)
    return None if math.isnan(f) else f


def _dl_label(label: str) -> str:
    # UCINET separates labels by spaces, commas, '=' or line ends; quote anything else.
    if any(ch in label for ch in ' ,="\t'):
        return '"' + label.replace('"', "'") + '"'
    return label


def _dl_text(g: nx.Graph, *, two_mode: bool) -> str:
    """UCINET DL: ``edgelist2`` with row/column labels for two-mode, ``edgelist1`` with labels
    for one-mode; node numbers in the data, so isolates keep their place (an embedded-label
    edge list cannot list a node without edges)."""
    lines: list[str] = []
    if two_mode:
        rows = [n for n, a in g.nodes(data=True) if a.get("mode") == "actor"]
        cols = [n for n, a in g.nodes(data=True) if a.get("mode") == "coalition"]
        r_index = {n: i for i, n in enumerate(rows, 1)}
        c_index = {n: i for i, n in enumerate(cols, 1)}
        lines += [f"DL nr={len(rows)}, nc={len(cols)}", "format = edgelist2", "row labels:"]
        lines += [_dl_label(str(n)) for n in rows]
        lines += ["column labels:"]
        lines += [_dl_label(str(n)) for n in cols]
        lines += ["data:"]
        for u, v, a in g.edges(data=True):
            if u in c_index:
                u, v = v, u
            lines.append(f"{r_index[u]} {c_index[v]} {_dl_value(a.get('weight', 1.0))}")
    else:
        nodes = list(g.nodes)
        index = {n: i for i, n in enumerate(nodes, 1)}
        lines += [f"DL n={len(nodes)}", "format = edgelist1", "labels:"]
        lines += [_dl_label(str(n)) for n in nodes]
        lines += ["data:"]
        for u, v, a in g.edges(data=True):
            w = _dl_value(a.get("weight", 1.0))
            lines.append(f"{index[u]} {index[v]} {w}")
            if not g.is_directed() and u != v:
                lines.append(f"{index[v]} {index[u]} {w}")
    return "\n".join(lines) + "\n"


def _dl_value(w: Any) -> str:
    f = float(w)
    return str(int(f)) if f.is_integer() else repr(f)
