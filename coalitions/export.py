r"""Networks out to the tools researchers already use: Gephi, visone/yEd, Pajek, UCINET, pandas.

:func:`export` writes one network in one format. By default the network is the **two-mode**
network, and it keeps everything the store holds about it:

- nodes: every actor and every coalition, with every column of their tables (coalitions:
  city, themes, theme_clusters, goals, actions, founded_year, n_organisations,
  n_volunteers, role, relation, origin, sectors, the raw_* cells; actors: kind, sector,
  function, organisation, city), ``label`` (the name), ``mode`` (actor | coalition),
  ``n_coalitions`` / ``n_members``, and the measures passed in; lists are joined with
  ``"; "``;
- edges, one list told apart by ``type``: one per membership row (``type="membership"``,
  actor → coalition, ``role``, ``since``, weight 1, undirected) and one per explicit tie row
  (``type="tie"``, source → target, ``tie_type``, ``weight``, ``directed`` as recorded,
  :func:`~coalitions.analysis.network.tie_directions`). It is a mixed graph: only directed
  ties have a direction.

``projection="actors"`` gives the actor–actor network (weight = shared coalitions +
explicit tie weights) and ``projection="coalitions"`` the coalition–coalition network
(weight = shared actors; explicit ties have no place in it), both undirected, as built by
:mod:`coalitions.analysis.network`. What a projection or a format leaves out is said, with
the export that keeps it (:func:`left_out`; the CLI prints it as a warning).

Every format holds the same nodes and edges with the same weights, except where the table
says otherwise; what differs is how much else a format can carry:

=========  ===============================  ============================================
format     file                             nodes and edges
=========  ===============================  ============================================
gexf       one ``.gexf``, GEXF 1.3 (Gephi)  every attribute, typed; ``viz:position``;
                                            ``defaultedgetype="undirected"`` and
                                            ``type="directed"`` on directed ties; a
                                            ``kind`` per parallel edge (memberships, ties)
graphml    one ``.graphml`` (visone, yEd)   every attribute, ``x``/``y``; undirected, a
                                            directed tie keeps source → target and
                                            ``directed=true`` as an attribute
pajek      one ``.net``                     labels are the names; coordinates scaled to
                                            0..1; directed ties under ``*Arcs``, the rest
                                            under ``*Edges``. No attributes: the id is
                                            not in the file
dl         one ``.dl`` (UCINET DL)          labels are the names, nothing else (no id);
                                            two-mode: the actor × coalition matrix, so
                                            explicit ties are left out (with a warning)
csv        a folder: nodes.csv, edges.csv   every attribute, ``x``/``y``, ids and names
=========  ===============================  ============================================

Pajek and DL labels are the names (pseudonyms with ``pseudonymise``); two equal names, or
names made equal by the cleaning below, are told apart with ``~2``, ``~3``, …. Coordinates
are the maps' layout of the same network (:func:`coalitions.viz._data.layout`, seeded), so
that Gephi opens the export laid out as the map shows it.

In ``csv``, text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
``'`` in front, so that a spreadsheet opening the file shows it instead of running it as a
formula (:func:`coalitions.output.csv_safe`); numbers are written as they are.

In GEXF, GraphML and CSV nodes are identified by the store's ids (actor and coalition ids are
distinct); the display name is the ``label`` attribute. Missing text attributes are written as ``""`` (the networkx
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

Where that makes two labels equal (``a"q`` and ``a'q`` in Pajek), or, in DL, equal but for
case (UCINET may upper-case labels), the labels that needed no change keep theirs and the
others get ``~2``, ``~3``, … so that every node keeps a label of its own and the counts stay
right (the same rule as for ids in XML).
CSV holds any text as it is.

Files are written whole or not at all (:mod:`coalitions.fileio`): a failure leaves any
previous file as it was.
"""

from __future__ import annotations

import math
import re
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, Literal

import networkx as nx
import numpy as np
import pandas as pd

from coalitions.errors import UsageError
from coalitions.fileio import atomic_path, atomic_paths, make_folder, write_text
from coalitions.graph.model import GraphData
from coalitions.output import csv_text

__all__ = ["FORMATS", "PROJECTIONS", "export", "export_network", "left_out", "network"]

FORMATS = ("gexf", "graphml", "pajek", "dl", "csv")
# Networks up to this many nodes get coordinates unless asked not to (see export's layout).
LAYOUT_LIMIT = 5_000
PROJECTIONS = ("actors", "coalitions")
SUFFIX = {"gexf": ".gexf", "graphml": ".graphml", "pajek": ".net", "dl": ".dl", "csv": ""}

# Vertex attributes of coalitions.analysis.network that are not exported as such.
_SKIP = {"name", "type"}


def export(data: GraphData, fmt: Literal["gexf", "graphml", "pajek", "dl", "csv"], out: Path,
           *, projection: Literal["actors", "coalitions"] | None = None,
           measures: pd.DataFrame | None = None, pseudonymise: bool = False,
           salt: Any = None, layout: bool | None = None, seed: int = 42,
           on_warning: Callable[[str], None] | None = None) -> Path:
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
    layout : bool or None, default None
        Add node coordinates: the maps' layout (:func:`coalitions.viz._data.layout`,
        Fruchterman–Reingold per component from ``seed``) as GEXF ``viz:position``, GraphML and
        CSV ``x``/``y`` and Pajek coordinates scaled to 0..1. ``None``: for networks of up to
        :data:`LAYOUT_LIMIT` nodes (the layout of 5,000 nodes took 25 s here; beyond, the
        export says it has no coordinates); ``True`` always; ``False`` never.
    seed : int, default 42
        Seed of the layout's starting positions (the maps' default).
    on_warning : callable, optional
        Called with each message of :func:`left_out` (what the chosen format or projection
        leaves out, and what keeps it); by default each is issued as a :class:`UserWarning`.

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
    n_nodes = len(data.coalitions) if projection == "coalitions" else len(data.actors) + (
        len(data.coalitions) if projection is None else 0)
    too_big = layout is None and n_nodes > LAYOUT_LIMIT
    g = network(data, projection=projection, measures=measures,
                layout=bool(layout) or (layout is None and not too_big), seed=seed)
    messages = left_out(data, fmt, projection, g)
    if too_big:
        messages.append(f"No coordinates: laying out {n_nodes:,} nodes would take minutes "
                        f"(more than {LAYOUT_LIMIT:,}); --layout adds them anyway.")
    for message in messages:
        if on_warning is None:
            warnings.warn(message, UserWarning, stacklevel=2)
        else:
            on_warning(message)
    return export_network(g, fmt, Path(out), two_mode=projection is None)


def left_out(data: GraphData, fmt: str, projection: str | None,
             g: nx.Graph | None = None) -> list[str]:
    """What an export of ``data`` in ``fmt`` and ``projection`` leaves out, one message each,
    naming the export that keeps it; empty when nothing is lost.

    - the coalition projection has no place for explicit ties between actors;
    - the two-mode DL file (an actor × coalition matrix) holds memberships only;
    - a network without edges, when the data has memberships or ties that another
      projection would show (or has neither).

    ``g`` is the network written (:func:`network`); without it the edge count is computed.
    """
    actors = set(data.actors["id"].astype(str))
    coalitions = set(data.coalitions["id"].astype(str))
    m = data.memberships
    n_members = int((m["actor"].astype(str).isin(actors)
                     & m["coalition"].astype(str).isin(coalitions)).sum())
    t = data.ties
    n_ties = int((t["source"].astype(str).isin(actors)
                  & t["target"].astype(str).isin(actors)).sum())
    if g is None:
        g = network(data, projection=projection, layout=False)
    out: list[str] = []
    if projection == "coalitions" and n_ties:
        out.append(f"The coalition projection leaves out the {n_ties} explicit ties between "
                   "actors (coalitions are joined by shared members only); the two-mode "
                   "export (no --projection) keeps them as edges, --projection actors adds "
                   "them to the weights.")
    if projection is None and fmt == "dl" and n_ties:
        out.append(f"The two-mode DL file is an actor × coalition matrix and leaves out the "
                   f"{n_ties} explicit ties between actors; gexf, graphml, pajek and csv keep "
                   "them as edges, --projection actors adds them to the weights.")
    if g.number_of_edges() == 0:
        what = {None: "two-mode network", "actors": "actor projection",
                "coalitions": "coalition projection"}[projection]
        if n_members == 0 and n_ties == 0:
            out.append(f"The {what} has no edges: the data holds no memberships and no ties.")
        elif projection == "coalitions":
            out.append(f"The coalition projection has no edges: no actor is a member of two "
                       f"coalitions ({n_members} memberships, {n_ties} ties); the two-mode "
                       "export (no --projection) shows every membership and tie.")
        elif projection == "actors":
            out.append(f"The actor projection has no edges: no two actors share a coalition "
                       f"and no tie joins two actors ({n_members} memberships); the two-mode "
                       "export (no --projection) shows every membership.")
    return out


def network(data: GraphData, *, projection: str | None = None,
            measures: pd.DataFrame | None = None, layout: bool = True,
            seed: int = 42) -> nx.Graph:
    r"""The network :func:`export` writes, as a networkx graph keyed by id, attributes
    cleaned for the writers (no None, no lists, plain Python numbers and booleans).

    The two-mode network is a ``MultiDiGraph`` read as a *mixed* graph: one edge per
    membership row (actor → coalition, ``type="membership"``, ``role``, ``since``, weight 1,
    ``directed`` False) and one per explicit tie row (source → target, ``type="tie"``,
    ``tie_type``, ``weight``, ``directed`` as recorded, :func:`~coalitions.analysis.network.
    tie_directions`); only an edge whose ``directed`` is True has a direction. Nodes carry
    every column of the actors and coalitions tables (:data:`~coalitions.graph.model.COLUMNS`,
    lists joined with ``"; "``) plus ``mode``, ``n_coalitions`` / ``n_members``. The
    projections are undirected simple ``Graph``\ s as built by
    :mod:`coalitions.analysis.network`. With ``layout`` every node has ``x`` and ``y``.
    """
    from coalitions.analysis.network import actor_network, coalition_network, to_networkx

    if projection is None:
        g: nx.Graph = _two_mode(data)
        node_numbers = _numeric_keys(a for _, a in g.nodes(data=True))
        edge_numbers = _numeric_keys(a for _, _, a in g.edges(data=True))
        clean: nx.Graph = nx.MultiDiGraph()
        clean.add_nodes_from((n, _clean_attrs(a, set(), node_numbers))
                             for n, a in g.nodes(data=True))
        clean.add_edges_from((u, v, k, _clean_attrs(a, set(), edge_numbers))
                             for u, v, k, a in g.edges(keys=True, data=True))
    else:
        if projection == "actors":
            ig_graph = actor_network(data)
            ig_graph.vs["mode"] = ["actor"] * ig_graph.vcount()
        else:
            ig_graph = coalition_network(data)
            ig_graph.vs["mode"] = ["coalition"] * ig_graph.vcount()
        g = to_networkx(ig_graph)
        node_numbers = _numeric_keys(a for _, a in g.nodes(data=True))
        edge_numbers = _numeric_keys(a for _, _, a in g.edges(data=True))
        clean = nx.Graph()
        clean.add_nodes_from((n, _clean_attrs(attrs, _SKIP, node_numbers))
                             for n, attrs in g.nodes(data=True))
        clean.add_edges_from((u, v, _clean_attrs(attrs, set(), edge_numbers))
                             for u, v, attrs in g.edges(data=True))
    by_id = _measures_by_id(measures)
    for n, attrs in clean.nodes(data=True):
        attrs.update(by_id.get(str(n), {}))
    if layout:
        _add_layout(clean, data, projection, seed)
    return clean


def _two_mode(data: GraphData) -> nx.MultiDiGraph:
    """Actors and coalitions with every attribute; memberships and ties as edges."""
    from coalitions.analysis.network import affiliation, tie_directions

    aff = affiliation(data)
    n_coalitions = np.asarray(aff.matrix.sum(axis=1)).ravel()
    n_members = np.asarray(aff.matrix.sum(axis=0)).ravel()
    g = nx.MultiDiGraph()
    actor_cols = [c for c in data.actors.columns if c not in ("id", "name")]
    for i, row in enumerate(data.actors.to_dict("records")):
        g.add_node(str(row["id"]), label=row["name"], mode="actor",
                   **{c: row[c] for c in actor_cols}, n_coalitions=int(n_coalitions[i]))
    coalition_cols = [c for c in data.coalitions.columns if c not in ("id", "name")]
    for j, row in enumerate(data.coalitions.to_dict("records")):
        g.add_node(str(row["id"]), label=row["name"], mode="coalition",
                   **{c: row[c] for c in coalition_cols}, n_members=int(n_members[j]))
    actors = set(aff.actor_ids)
    coalitions = set(aff.coalition_ids)
    m = data.memberships
    for a, c, role, since in zip(m["actor"].astype(str), m["coalition"].astype(str),
                                 m["role"], m["since"], strict=True):
        if a in actors and c in coalitions:
            g.add_edge(a, c, type="membership", role=role, since=since, weight=1.0,
                       directed=False)
    t = data.ties
    directed = tie_directions(data)
    for i, (s, d, kind, w) in enumerate(zip(t["source"].astype(str), t["target"].astype(str),
                                            t["type"], t["weight"], strict=True)):
        if s in actors and d in actors:
            g.add_edge(s, d, type="tie", tie_type=kind,
                       weight=1.0 if w is None or pd.isna(w) else float(w),
                       directed=bool(directed[i]))
    return g


def _add_layout(g: nx.Graph, data: GraphData, projection: str | None, seed: int) -> None:
    """``x``, ``y`` on every node: the maps' layout of the same network."""
    from coalitions.viz import _data

    if projection is None:
        # The very graph the maps lay out (memberships and ties, ids prefixed), so that the
        # export and the map of the same data put every node in the same place.
        graph = _data.two_mode(data)
        ids = [name.split(":", 1)[1] for name in graph.vs["name"]]
    else:
        import igraph as ig

        nodes = list(g.nodes)
        index = {n: i for i, n in enumerate(nodes)}
        graph = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in g.edges()])
        ids = nodes
    pos = _data.layout(graph, seed=seed)
    for n, (x, y) in zip(ids, pos.tolist(), strict=True):
        if n in g:
            g.nodes[n]["x"], g.nodes[n]["y"] = float(x), float(y)


def export_network(g: nx.Graph, fmt: str, out: Path, *, two_mode: bool = False) -> Path:
    """Write a graph made by :func:`network` to ``out`` in ``fmt`` (see :func:`export`)."""
    if fmt == "csv":
        make_folder(out)
        nodes = pd.DataFrame([{"id": n, **a} for n, a in g.nodes(data=True)])
        rows = [{"source": u, "target": v, **a} for u, v, a in g.edges(data=True)]
        columns = list(dict.fromkeys(["source", "target", "weight",
                                      *(k for r in rows for k in r)]))
        edges = pd.DataFrame(rows, columns=columns)
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
                _gexf_tree(g).write(tmp, encoding="utf-8", xml_declaration=True)
            else:
                _write_graphml(g, tmp)
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
            out[k] = bool(v)
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
                   fold: Callable[[str], str] = lambda s: s,
                   text: Mapping[Any, str] | None = None) -> dict[Any, str]:
    """A label per node: ``clean(text[node])`` (default ``str(node)``), made unique under
    ``fold``. Texts that needed no cleaning keep their label, the first of equal ones
    first; the others get ``~2``, ``~3``, … where theirs is taken."""
    nodes = list(nodes)
    raw = {n: str(n) if text is None else text[n] for n in nodes}
    cleaned = {n: clean(raw[n]) for n in nodes}
    labels: dict[Any, str] = {}
    taken: set[str] = set()
    for n in nodes:  # untouched texts first, so that they keep their label
        if cleaned[n] == raw[n] and fold(cleaned[n]) not in taken:
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
    out = g.__class__()
    out.graph.update(clean(g.graph))
    out.add_nodes_from((ids[n], clean(a)) for n, a in g.nodes(data=True))
    if g.is_multigraph():
        out.add_edges_from((ids[u], ids[v], k, clean(a))
                           for u, v, k, a in g.edges(keys=True, data=True))
    else:
        out.add_edges_from((ids[u], ids[v], clean(a)) for u, v, a in g.edges(data=True))
    return out


def _mixed(g: nx.Graph) -> bool:
    """Whether ``g`` is the two-mode network of :func:`network`: a ``MultiDiGraph`` whose
    edges are undirected except where their ``directed`` attribute is True."""
    return g.is_directed() and g.is_multigraph()


def _edge_directed(g: nx.Graph, attrs: Mapping[str, Any]) -> bool:
    return bool(attrs.get("directed", False)) if _mixed(g) else g.is_directed()


GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
# Attributes that GEXF carries in its own elements rather than as <attvalue>s.
_GEXF_NODE_OWN = {"label", "x", "y"}
_GEXF_EDGE_OWN = {"weight"}


def _gexf_type(values: list[Any]) -> str:
    if all(isinstance(v, bool) for v in values):
        return "boolean"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "long"
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def _gexf_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)
    return str(v)


def _gexf_declare(graph: ET.Element, cls: str, rows: list[Mapping[str, Any]],
                  own: set[str]) -> dict[str, str]:
    """Declare the attributes of a class (node or edge); return title → attribute id."""
    values: dict[str, list[Any]] = {}
    for attrs in rows:
        for k, v in attrs.items():
            if k not in own:
                values.setdefault(k, []).append(v)
    ids: dict[str, str] = {}
    if values:
        block = ET.SubElement(graph, f"{{{GEXF_NS}}}attributes", {"class": cls,
                                                                   "mode": "static"})
        for i, (title, vs) in enumerate(values.items()):
            ids[title] = str(i)
            ET.SubElement(block, f"{{{GEXF_NS}}}attribute",
                          id=str(i), title=title, type=_gexf_type(vs))
    return ids


def _gexf_attvalues(element: ET.Element, attrs: Mapping[str, Any], ids: dict[str, str]) -> None:
    present = [(ids[k], v) for k, v in attrs.items() if k in ids]
    if present:
        block = ET.SubElement(element, f"{{{GEXF_NS}}}attvalues")
        for i, v in present:
            ET.SubElement(block, f"{{{GEXF_NS}}}attvalue", {"for": i, "value": _gexf_value(v)})


def _gexf_tree(g: nx.Graph) -> ET.ElementTree:
    """GEXF 1.3 (gexf.net/1.3, the format Gephi 0.9.3+ reads and writes).

    Written here rather than with ``networkx.write_gexf``, which writes one edge type for
    the whole graph (no mixed graphs), and whose 1.3 output the GEXF 1.3 schema rejects (a
    ``name`` attribute on ``<graph>``, ``xsi:schemaLocation`` in a misspelt namespace).

    - ``defaultedgetype="undirected"``; a tie read as directed has ``type="directed"``
      (undirected simple graphs: all undirected; directed ones: ``"directed"``);
    - every node and edge attribute is declared with its type (``string``, ``long``,
      ``double``, ``boolean``); lists arrive as text joined with ``"; "`` (GEXF 1.3 has
      ``liststring``, but neither its schema nor its primer fixes how a list is written in
      a value, and readers differ);
    - parallel edges (a multigraph) get a ``kind`` — the edge's ``type``, ``membership`` or
      ``tie``, with ``~2``, ``~3``… where a pair of nodes has more than one — so that each
      source–target–kind triplet is unique as the primer asks;
    - ``x``/``y`` become ``<viz:position>``.
    """
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", VIZ_NS)
    root = ET.Element(f"{{{GEXF_NS}}}gexf", version="1.3")
    meta = ET.SubElement(root, f"{{{GEXF_NS}}}meta", lastmodifieddate=date.today().isoformat())
    ET.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "coalitions"
    mixed = _mixed(g)
    default = "directed" if g.is_directed() and not mixed else "undirected"
    graph = ET.SubElement(root, f"{{{GEXF_NS}}}graph", mode="static", defaultedgetype=default)
    node_ids = _gexf_declare(graph, "node", [a for _, a in g.nodes(data=True)], _GEXF_NODE_OWN)
    edge_ids = _gexf_declare(graph, "edge", [a for _, _, a in g.edges(data=True)],
                             _GEXF_EDGE_OWN)
    nodes = ET.SubElement(graph, f"{{{GEXF_NS}}}nodes", count=str(g.number_of_nodes()))
    for n, attrs in g.nodes(data=True):
        node = ET.SubElement(nodes, f"{{{GEXF_NS}}}node", id=str(n),
                             label=str(attrs.get("label", n)))
        _gexf_attvalues(node, attrs, node_ids)
        if "x" in attrs and "y" in attrs:
            ET.SubElement(node, f"{{{VIZ_NS}}}position", x=repr(float(attrs["x"])),
                          y=repr(float(attrs["y"])), z="0.0")
    edges = ET.SubElement(graph, f"{{{GEXF_NS}}}edges", count=str(g.number_of_edges()))
    seen: dict[tuple[frozenset, str], int] = {}
    for i, (u, v, attrs) in enumerate(g.edges(data=True)):
        kw = {"id": str(i), "source": str(u), "target": str(v),
              "weight": repr(float(attrs.get("weight", 1.0)))}
        if mixed and attrs.get("directed"):
            kw["type"] = "directed"
        if g.is_multigraph():
            base = str(attrs.get("type", "edge"))
            k = seen[(frozenset((u, v)), base)] = seen.get((frozenset((u, v)), base), 0) + 1
            kw["kind"] = base if k == 1 else f"{base}~{k}"
        edge = ET.SubElement(edges, f"{{{GEXF_NS}}}edge", kw)
        _gexf_attvalues(edge, attrs, edge_ids)
    ET.indent(root)
    return ET.ElementTree(root)


def _write_graphml(g: nx.Graph, path: Path) -> None:
    """GraphML with networkx's writer; the mixed two-mode network is written as an
    undirected graph whose edges keep their source → target order and a ``directed``
    attribute (GraphML's per-edge ``directed`` would make networkx's reader refuse the
    file, and igraph ignores it)."""
    from networkx.readwrite.graphml import GraphMLWriter

    writer = GraphMLWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph_element(g)
    if _mixed(g):
        for element in writer.xml.iter():
            if "edgedefault" in element.attrib:
                element.set("edgedefault", "undirected")
    with open(path, "wb") as fh:
        writer.dump(fh)


def _pajek_label(text: str) -> str:
    return _line_text(text).replace('"', "'").replace("\\", "/")


def _names(g: nx.Graph) -> dict[Any, str]:
    """The display name of every node: its ``label`` (the actor's or coalition's name, a
    pseudonym where pseudonymised), or its id where it has none."""
    out = {}
    for n, attrs in g.nodes(data=True):
        label = attrs.get("label")
        out[n] = str(label) if label not in (None, "") else str(n)
    return out


def _unit(values: list[float]) -> list[float]:
    lo, hi = min(values), max(values)
    return [0.5] * len(values) if hi <= lo else [(v - lo) / (hi - lo) for v in values]


def _pajek_text(g: nx.Graph) -> str:
    """Pajek ``.net``: vertices numbered from 1 with their name as quoted label and, after a
    layout, their coordinates scaled to 0..1 (x, y, and z = 0.5, Pajek's plane); the
    undirected edges under ``*Edges``, then the directed ones under ``*Arcs``, each with its
    weight as value. Pajek has no vertex attributes: the id is not in the file.

    Written here rather than with ``networkx.write_pajek``, which quotes a label only when
    it holds a space, so that ``a'q`` or ``a"q`` break its own reader (``shlex``) and a
    line feed breaks every reader, and which cannot mix edges and arcs."""
    nodes = list(g.nodes)
    labels = _unique_labels(nodes, _pajek_label, text=_names(g))
    number = {n: i for i, n in enumerate(nodes, 1)}
    coords: dict[Any, str] = {}
    if nodes and all("x" in g.nodes[n] and "y" in g.nodes[n] for n in nodes):
        xs = _unit([float(g.nodes[n]["x"]) for n in nodes])
        ys = _unit([float(g.nodes[n]["y"]) for n in nodes])
        coords = {n: f" {x:.6f} {y:.6f} 0.5" for n, x, y in zip(nodes, xs, ys, strict=True)}
    lines = [f"*Vertices {len(nodes)}"]
    lines += [f'{number[n]} "{labels[n]}"{coords.get(n, "")}' for n in nodes]
    edges, arcs = [], []
    for u, v, a in g.edges(data=True):
        line = f"{number[u]} {number[v]} {_dl_value(a.get('weight', 1.0))}"
        (arcs if _edge_directed(g, a) else edges).append(line)
    if edges or not arcs:
        lines += ["*Edges", *edges]
    if arcs:
        lines += ["*Arcs", *arcs]
    return "\n".join(lines) + "\n"


# A DL label may stand bare if it holds none of DL's separators (space, comma, '=', line end),
# no quote and no colon (``data:`` ends the labels), and is not empty.
_DL_BARE = re.compile(r"[^\s,=\"':]+")


def _dl_clean(label: str) -> str:
    return _line_text(label).replace('"', "'")


def _dl_label(label: str) -> str:
    return label if _DL_BARE.fullmatch(label) else f'"{label}"'


def _dl_labels(nodes: Iterable[Any], names: Mapping[Any, str]) -> dict[Any, str]:
    # UCINET's DL reference: labels "are automatically converted to uppercase", so two that
    # differ only in case would be one.
    return _unique_labels(nodes, _dl_clean, fold=str.casefold, text=names)


def _dl_text(g: nx.Graph, *, two_mode: bool) -> str:
    """UCINET DL: ``edgelist2`` with row/column labels for two-mode, ``edgelist1`` with labels
    for one-mode; node numbers in the data, so isolates keep their place (an embedded-label
    edge list cannot list a node without edges)."""
    lines: list[str] = []
    names = _names(g)
    if two_mode:
        rows = [n for n, a in g.nodes(data=True) if a.get("mode") == "actor"]
        cols = [n for n, a in g.nodes(data=True) if a.get("mode") == "coalition"]
        r_index = {n: i for i, n in enumerate(rows, 1)}
        c_index = {n: i for i, n in enumerate(cols, 1)}
        label = _dl_labels([*rows, *cols], names)
        lines += [f"DL nr={len(rows)}, nc={len(cols)}", "format = edgelist2", "row labels:"]
        lines += [_dl_label(label[n]) for n in rows]
        lines += ["column labels:"]
        lines += [_dl_label(label[n]) for n in cols]
        lines += ["data:"]
        pairs: set[tuple[Any, Any]] = set()
        for u, v, a in g.edges(data=True):
            if u in c_index:
                u, v = v, u
            # The matrix is the incidence matrix: actor–actor ties have no cell in it
            # (left_out says so), and two membership rows of one pair are one affiliation.
            if u not in r_index or v not in c_index or (u, v) in pairs:
                continue
            pairs.add((u, v))
            lines.append(f"{r_index[u]} {c_index[v]} {_dl_value(a.get('weight', 1.0))}")
    else:
        nodes = list(g.nodes)
        index = {n: i for i, n in enumerate(nodes, 1)}
        label = _dl_labels(nodes, names)
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
