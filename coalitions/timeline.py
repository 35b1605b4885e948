"""The study over time as one dynamic GEXF file, which Gephi's timeline plays.

``coalitions export --format gexf --timeline`` writes every inventory wave of the store into
one network: the union of the waves' networks (as :func:`coalitions.export.network` builds
each), where every node and edge carries **spells** — the waves in which it exists. Time is
the wave's number in the order waves were first loaded (``coalitions waves``): wave 1 is
``t = 1``, the next ``t = 2``, and so on, so the file uses GEXF's ``mode="dynamic"`` with
``timeformat="integer"``, and a node present in waves 1 and 2 has the spell ``[1, 2]``
(closed; consecutive waves merge into one spell, a gap starts a new one). The wave names
are kept as the text attribute ``waves`` (e.g. ``"2019;2023"``) on each node and edge.

Other attributes (label, sector, …, measures, weight) are those of the latest wave in
which the node or edge exists: the GEXF attributes stay static, which every Gephi version
reads; a change of weight between waves shows as a spell ending and is listed by
``coalitions changes``. Written by networkx's GEXF writer (GEXF 1.2), whose own choice of
``timeformat`` for integer spells (``long``, a GEXF 1.1 name) is replaced by 1.2's
``integer``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from coalitions.graph.model import GraphData

__all__ = ["timeline_network", "write_timeline_gexf"]


def _spells(numbers: list[int]) -> list[tuple[int, int]]:
    """Closed intervals covering ``numbers`` (sorted, distinct), consecutive ones merged."""
    spells: list[tuple[int, int]] = []
    for n in numbers:
        if spells and spells[-1][1] == n - 1:
            spells[-1] = (spells[-1][0], n)
        else:
            spells.append((n, n))
    return spells


def timeline_network(waves: Sequence[tuple[str, int, GraphData]], *,
                     projection: str | None = None,
                     measures: Sequence[pd.DataFrame | None] | None = None) -> nx.Graph:
    """The union of the waves' networks, each node and edge with its ``spells``.

    Parameters
    ----------
    waves : sequence of (name, number, GraphData)
        The waves, in any order; ``number`` is the wave's place in time (``Store.waves``).
    projection : {None, "actors", "coalitions"}
        As in :func:`coalitions.export.export`.
    measures : sequence of DataFrame or None, optional
        Per wave (same order as ``waves``), node measures keyed by ``id``.
    """
    from coalitions.export import network

    union = nx.Graph()
    seen_nodes: dict[Any, list[tuple[int, str]]] = {}
    seen_edges: dict[tuple[Any, Any], list[tuple[int, str]]] = {}
    order = sorted(range(len(waves)), key=lambda i: waves[i][1])
    for i in order:  # later waves last: their attributes win
        name, number, data = waves[i]
        g = network(data, projection=projection,
                    measures=measures[i] if measures is not None else None)
        for n, attrs in g.nodes(data=True):
            union.add_node(n, **attrs)
            seen_nodes.setdefault(n, []).append((number, name))
        for u, v, attrs in g.edges(data=True):
            key = (u, v) if (u, v) in seen_edges or (v, u) not in seen_edges else (v, u)
            union.add_edge(u, v, **attrs)
            seen_edges.setdefault(key, []).append((number, name))
    for n, present in seen_nodes.items():
        union.nodes[n]["spells"] = _spells([p for p, _ in present])
        union.nodes[n]["waves"] = ";".join(w for _, w in present)
    for (u, v), present in seen_edges.items():
        union.edges[u, v]["spells"] = _spells([p for p, _ in present])
        union.edges[u, v]["waves"] = ";".join(w for _, w in present)
    union.graph["mode"] = "dynamic"
    return union


def write_timeline_gexf(waves: Sequence[tuple[str, int, GraphData]], out: Path, *,
                        projection: str | None = None,
                        measures: Sequence[pd.DataFrame | None] | None = None,
                        pseudonymise: bool = False, salt: Any = None) -> Path:
    """Write :func:`timeline_network` as a dynamic GEXF file (see the module docstring).

    With ``pseudonymise`` each wave is pseudonymised with the store's ``salt`` first, so a
    person has the same pseudonym in every wave. Returns the path written.
    """
    from coalitions.export import _pseudonymised

    if pseudonymise:
        done = [_pseudonymised(data, measures[i] if measures is not None else None, salt)
                for i, (_, _, data) in enumerate(waves)]
        waves = [(name, number, done[i][0]) for i, (name, number, _) in enumerate(waves)]
        measures = [m for _, m in done]
    g = timeline_network(waves, projection=projection, measures=measures)
    writer = nx.readwrite.gexf.GEXFWriter(encoding="utf-8", prettyprint=True,
                                          version="1.2draft")
    writer.add_graph(g)
    writer.graph_element.set("mode", "dynamic")
    writer.graph_element.set("timeformat", "integer")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as fh:
        writer.write(fh)
    return out
