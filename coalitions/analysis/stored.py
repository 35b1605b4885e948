"""Measures written back to the store (`coalitions analyse`), to be queried in Cypher.

Writing is one bulk update per label; the property names are those declared in
:data:`coalitions.graph.schema.MEASURE_PROPERTIES`, so both engines hold the same ones.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from coalitions.graph.schema import MEASURE_PROPERTIES
from coalitions.graph.store import Store

__all__ = ["measure_tables", "write_measures"]


def measure_tables(data, *, seed: int = 42,
                   directed: bool | None = None) -> dict[str, pd.DataFrame]:
    """Per label, a frame with ``id`` and the measure properties of every node.

    Actors: the one-mode measures of :func:`~coalitions.analysis.centrality.actor_measures`
    (``coalitions`` stored as ``n_coalitions``), embeddedness (constraint, effective size,
    clustering, sector diversity), the Leiden community and the Gould–Fernandez total with
    sectors as groups (``brokerage``, as ``coalitions brokers`` counts it; ``directed`` says
    how ties are read, see :func:`~coalitions.analysis.brokerage.actor_brokerage`). Coalitions: degree, betweenness and closeness on the
    coalition network, members, overlap, members active elsewhere, government presence,
    community (the most common community of their members) and data-driven cluster.
    """
    from coalitions.analysis.brokerage import actor_brokerage
    from coalitions.analysis.centrality import actor_measures, betweenness, closeness, degree
    from coalitions.analysis.clusters import data_clusters, k_bounds
    from coalitions.analysis.communities import communities
    from coalitions.analysis.embeddedness import actor_embeddedness, coalition_embeddedness
    from coalitions.analysis.network import coalition_network

    actors = actor_measures(data, seed=seed).rename(columns={"coalitions": "n_coalitions"})
    emb = actor_embeddedness(data)[["id", "constraint", "effective_size", "clustering",
                                    "sector_diversity"]]
    membership, _summary = communities(data, seed=seed)
    broker = actor_brokerage(data, group_by="sector", directed=directed)[["id", "total"]].rename(
        columns={"total": "brokerage"})
    frame = (actors.merge(emb, on="id", how="left")
             .merge(membership[["id", "community"]], on="id", how="left")
             .merge(broker, on="id", how="left"))
    wanted = ["id", *MEASURE_PROPERTIES["Person"]]
    kinds = data.actors.set_index("id")["kind"]
    frame["label"] = frame["id"].map(kinds).map(
        {"person": "Person"}).fillna("Organisation")

    tables = {label: frame.loc[frame["label"] == label, wanted].reset_index(drop=True)
              for label in ("Organisation", "Person")}

    g = coalition_network(data)
    co = pd.DataFrame({"id": g.vs["name"], "degree": degree(g).to_numpy(),
                       "betweenness": betweenness(g).to_numpy(),
                       "closeness": closeness(g).to_numpy()})
    ce = coalition_embeddedness(data)[["id", "n_members", "overlap", "share_active_elsewhere",
                                       "government_presence"]]
    co = co.merge(ce, on="id", how="left")
    mem = data.memberships.merge(membership[["id", "community"]], left_on="actor",
                                 right_on="id", how="inner")
    if len(mem):
        common = mem.groupby("coalition")["community"].agg(lambda s: int(s.mode().min()))
        co["community"] = co["id"].map(common)
    else:
        co["community"] = np.nan
    low, high = k_bounds(len(data.coalitions))
    if high >= low:  # enough coalitions to choose k (data_clusters refuses otherwise)
        assignments, _info = data_clusters(data)
        co["data_cluster"] = co["id"].map(assignments.set_index("id")["cluster"])
    else:
        co["data_cluster"] = np.nan
    tables["Coalition"] = co[["id", *MEASURE_PROPERTIES["Coalition"]]]
    for label, table in tables.items():
        for col, kind in MEASURE_PROPERTIES[label].items():
            if kind == "INT64":
                table[col] = pd.to_numeric(table[col], errors="coerce").round().astype("Int64")
    return tables


def write_measures(store: Store, *, seed: int = 42, wave: str | None = None,
                   directed: bool | None = None) -> pd.DataFrame:
    """Compute :func:`measure_tables` on one wave of the graph in ``store`` (default: the
    latest) and write them as properties of that wave's nodes. Returns one row per label:
    ``label``, ``nodes``, ``properties``; ``attrs["facts"]`` names the wave and its input
    files (:meth:`Store.wave_facts`)."""
    wave = store.resolve_wave(wave)
    data = store.read_graph(wave)
    rows = []
    for label, table in measure_tables(data, seed=seed, directed=directed).items():
        n = store.write_properties(label, table, wave)
        rows.append({"label": label, "nodes": n,
                     "properties": ", ".join(c for c in table.columns if c != "id")})
    frame = pd.DataFrame(rows)
    if wave is not None:
        frame.attrs["facts"] = store.wave_facts(wave)
    return frame
