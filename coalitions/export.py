r"""Networks out to the tools researchers already use: Gephi, visone/yEd, Pajek, UCINET, pandas.

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

Any text, written so that it reads back
----------------------------------------
Names and ids come from spreadsheets and may hold anything. What each format cannot hold is
replaced, never written raw (a file that its reader rejects helps nobody):

- GEXF, GraphML: XML 1.0 forbids the control characters U+0000–U+001F other than tab, line
  feed and carriage return, lone surrogates, U+FFFE and U+FFFF — even as character
  references. Each is replaced by U+FFFD (�) in ids and attribute values; ``<``, ``&``,
  quotes and the rest are escaped by the XML writer. A carriage return becomes a line feed,
  as every XML parser would turn it into one in element text anyway (line-end
  normalisation), so that ids and values read back the same in both formats.
- Pajek: each vertex label is written in double quotes, which Pajek's format cannot escape:
  ``"`` becomes ``'``, ``\\`` becomes ``/`` (readers such as networkx treat it as an escape),
  and control characters and line or paragraph separators (which would end the line)
  become U+FFFD.
- DL: labels are separated by spaces, commas, ``=`` or line ends and may be quoted (UCINET's
  DL language reference); a label holding any of these, a quote, a colon or nothing is
  written in double quotes, ``"`` becomes ``'`` and control characters and separators
  become U+FFFD.

Where that makes two ids equal (``a"q`` and ``a'q`` in Pajek), or, in DL, equal but for case
(UCINET may upper-case labels), the ids that needed no change keep theirs and the others get
``~2``, ``~3``, … so that every node keeps a label of its own and the counts stay right.
CSV holds any text as it is.

Files are written whole or not at all (:mod:`coalitions.fileio`): a failure leaves any
previous file as it was.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd

from coalitions.errors import UsageError
from coalitions.fileio import atomic_path, atomic_paths, make_folder, write_text
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
        The file to write (its parent folders are made; written whole or not at all); for
        ``csv`` the folder that receives ``nodes.csv`` and ``edges.csv``.
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
    OutputError
        ``out`` cannot be written (a folder, name too long, no permission, disk full).
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
        make_folder(out)
        nodes = pd.DataFrame([{"id": n, **a} for n, a in g.nodes(data=True)])
        edges = pd.DataFrame([{"source": u, "target": v, **a} for u, v, a in g.edges(data=True)],
                             columns=["source", "target", "weight"])
        # Text cells that a spreadsheet would run as a formula get a leading "'"; the pair is
        # written to temporary files and renamed together (fileio.atomic_paths).
        with atomic_paths([out / "nodes.csv", out / "edges.csv"], name=out) as (
                nodes_tmp, edges_tmp):
            nodes_tmp.write_text(csv_text(nodes), encoding="utf-8")
            edges_tmp.write_text(csv_text(edges), encoding="utf-8")
        return out
    if fmt in ("gexf", "graphml"):
        g = _xml_safe(g)
        with atomic_path(out) as tmp:
            if fmt == "gexf":
                nx.write_gexf(g, tmp, encoding="utf-8")
            else:
                nx.write_graphml(g, tmp, encoding="utf-8")
    elif fmt == "pajek":
        write_text(out, _pajek_text(g))
    elif fmt == "dl":
        write_text(out, _dl_text(g, two_mode=two_mode))
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


# Characters no text format here can hold inside a label or an XML document.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"
# Unicode categories Cc (exactly U+0000-U+001F and U+007F-U+009F), Zl (U+2028), Zp (U+2029)
# and Cs (surrogates), as one class: a regular expression is ~20x faster than asking
# unicodedata.category of each character of 200,000 ids.
_LINE_BREAKING = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _xml_text(text: str) -> str:
    return _XML_FORBIDDEN.sub(REPLACEMENT, text.replace("\r\n", "\n").replace("\r", "\n"))


def _line_text(text: str) -> str:
    """``text`` without the characters that end or break a line or are invisible controls:
    every Unicode control (Cc: C0, DEL, C1) and line or paragraph separator (Zl, Zp)
    becomes U+FFFD, as do lone surrogates (they cannot be encoded as UTF-8)."""
    return _LINE_BREAKING.sub(REPLACEMENT, text)


def _unique_labels(nodes: Iterable[Any], clean: Callable[[str], str], *,
                   fold: Callable[[str], str] = lambda s: s) -> dict[Any, str]:
    """A label per node: ``clean(str(node))``, made unique under ``fold``. Nodes whose id
    needed no cleaning keep it; the others get ``~2``, ``~3``, … where theirs is taken."""
    nodes = list(nodes)
    cleaned = {n: clean(str(n)) for n in nodes}
    labels: dict[Any, str] = {}
    taken: set[str] = set()
    for n in nodes:  # untouched ids first, so that they keep their label
        if cleaned[n] == str(n) and fold(cleaned[n]) not in taken:
            labels[n] = cleaned[n]
            taken.add(fold(cleaned[n]))
    for n in nodes:
        if n in labels:
            continue
        label, k = cleaned[n], 1
        while fold(label) in taken:
            k += 1
            label = f"{cleaned[n]}~{k}"
        labels[n] = label
        taken.add(fold(label))
    return labels


def _xml_safe(g: nx.Graph) -> nx.Graph:
    """``g`` with ids and text attributes that XML 1.0 can hold (see the module docstring)."""
    def clean(attrs: Mapping[str, Any]) -> dict[str, Any]:
        return {_xml_text(str(k)): _xml_text(v) if isinstance(v, str) else v
                for k, v in attrs.items()}

    ids = _unique_labels(g.nodes, _xml_text)
    out = nx.Graph()
    out.graph.update(clean(g.graph))
    out.add_nodes_from((ids[n], clean(a)) for n, a in g.nodes(data=True))
    out.add_edges_from((ids[u], ids[v], clean(a)) for u, v, a in g.edges(data=True))
    return out


def _pajek_label(text: str) -> str:
    return _line_text(text).replace('"', "'").replace("\\", "/")


def _pajek_text(g: nx.Graph) -> str:
    """Pajek ``.net``: vertices numbered from 1 with their id as quoted label, edges with
    their weight as value. Written here rather than with ``networkx.write_pajek``, which
    quotes a label only when it holds a space, so that ``a'q`` or ``a"q`` break its own
    reader (``shlex``) and a line feed breaks every reader."""
    labels = _unique_labels(g.nodes, _pajek_label)
    number = {n: i for i, n in enumerate(g.nodes, 1)}
    lines = [f"*Vertices {g.number_of_nodes()}"]
    lines += [f'{number[n]} "{labels[n]}"' for n in g.nodes]
    lines.append("*Arcs" if g.is_directed() else "*Edges")
    lines += [f"{number[u]} {number[v]} {_dl_value(a.get('weight', 1.0))}"
              for u, v, a in g.edges(data=True)]
    return "\n".join(lines) + "\n"


# A DL label may stand bare if it holds none of DL's separators (space, comma, '=', line end),
# no quote and no colon (``data:`` ends the labels), and is not empty.
_DL_BARE = re.compile(r"[^\s,=\"':]+")


def _dl_clean(label: str) -> str:
    return _line_text(label).replace('"', "'")


def _dl_label(label: str) -> str:
    return label if _DL_BARE.fullmatch(label) else f'"{label}"'


def _dl_labels(nodes: Iterable[Any]) -> dict[Any, str]:
    # UCINET's DL reference: labels "are automatically converted to uppercase", so two that
    # differ only in case would be one.
    return _unique_labels(nodes, _dl_clean, fold=str.casefold)


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
        label = _dl_labels([*rows, *cols])
        lines += [f"DL nr={len(rows)}, nc={len(cols)}", "format = edgelist2", "row labels:"]
        lines += [_dl_label(label[n]) for n in rows]
        lines += ["column labels:"]
        lines += [_dl_label(label[n]) for n in cols]
        lines += ["data:"]
        for u, v, a in g.edges(data=True):
            if u in c_index:
                u, v = v, u
            lines.append(f"{r_index[u]} {c_index[v]} {_dl_value(a.get('weight', 1.0))}")
    else:
        nodes = list(g.nodes)
        index = {n: i for i, n in enumerate(nodes, 1)}
        label = _dl_labels(nodes)
        lines += [f"DL n={len(nodes)}", "format = edgelist1", "labels:"]
        lines += [_dl_label(label[n]) for n in nodes]
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
