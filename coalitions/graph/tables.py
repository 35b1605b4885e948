"""GraphData ⇄ the node and relationship tables both stores hold.

Both engines write the same tables, so the translation lives here once: node tables keyed by
their primary key, relationship tables with their endpoints' labels and keys. The stores only
move these tables in and out in bulk.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from coalitions.graph.model import GraphData

__all__ = [
    "NODE_KEYS",
    "NODE_PROPERTIES",
    "REL_ENDPOINTS",
    "REL_KEYS",
    "REL_PROPERTIES",
    "Tables",
    "from_tables",
    "to_tables",
]

# Label -> primary key property; label -> properties (key first). Order is the stable order
# of `stats` and of the schema.
NODE_KEYS = {
    "City": "name",
    "Coalition": "id",
    "Organisation": "id",
    "Person": "id",
    "Theme": "name",
}
NODE_PROPERTIES: dict[str, list[str]] = {
    "City": ["name"],
    "Coalition": [
        "id", "name", "city", "founded_year", "n_organisations", "n_volunteers", "goals",
        "actions", "role", "relation", "origin", "sectors", "raw_theme", "raw_founded",
        "raw_size", "raw_actors",
    ],
    "Organisation": ["id", "name", "sector", "city"],
    "Person": ["id", "name", "function", "sector", "city"],
    "Theme": ["name", "cluster"],
}
INT_PROPERTIES = {"founded_year", "n_organisations", "n_volunteers", "since"}
LIST_PROPERTIES = {"sectors"}

# Type -> allowed (from label, to label) pairs.
REL_ENDPOINTS: dict[str, list[tuple[str, str]]] = {
    "IN_CITY": [("Coalition", "City")],
    "ADDRESSES": [("Coalition", "Theme")],
    "MEMBER_OF": [("Organisation", "Coalition"), ("Person", "Coalition")],
    "AFFILIATED_WITH": [("Person", "Organisation")],
    "TIE": [("Organisation", "Organisation"), ("Organisation", "Person"),
            ("Person", "Organisation"), ("Person", "Person")],
}
REL_PROPERTIES: dict[str, list[str]] = {
    "IN_CITY": [], "ADDRESSES": [], "MEMBER_OF": ["role", "since"], "AFFILIATED_WITH": [],
    "TIE": ["type", "weight"],
}
# What identifies one relationship of a type (a TIE of another type between the same actors
# is another tie).
REL_KEYS: dict[str, list[str]] = {
    "IN_CITY": ["src", "dst"], "ADDRESSES": ["src", "dst"], "MEMBER_OF": ["src", "dst"],
    "AFFILIATED_WITH": ["src", "dst"], "TIE": ["src", "dst", "type"],
}


@dataclass
class Tables:
    """Node tables by label (columns = NODE_PROPERTIES) and relationship tables by type
    (columns src_label, src, dst_label, dst, then REL_PROPERTIES)."""

    nodes: dict[str, pd.DataFrame]
    rels: dict[str, pd.DataFrame]
    # Per relationship type, the (label, keys) whose relationships of that type the input
    # describes completely: a load replaces exactly those (see Store.load).
    owners: dict[str, tuple[str, set[str]]]


def _none_for_nan(df: pd.DataFrame) -> pd.DataFrame:
    out = df.astype(object)
    return out.where(pd.notna(out), None) if len(out) else out


def _rel(src_label, src, dst_label, dst, **props) -> pd.DataFrame:
    frame = pd.DataFrame({"src_label": src_label, "src": src, "dst_label": dst_label, "dst": dst})
    for k, v in props.items():
        frame[k] = v
    return frame


def to_tables(data: GraphData) -> Tables:
    co = data.coalitions
    actors = data.actors
    label_of = dict(zip(actors["id"], np.where(actors["kind"] == "person", "Person",
                                                "Organisation"), strict=True))

    cities = sorted(set(co["city"].dropna()) | set(actors["city"].dropna()))
    themes = data.themes
    nodes = {
        "City": pd.DataFrame({"name": cities}, dtype=object),
        "Coalition": _none_for_nan(co[NODE_PROPERTIES["Coalition"]]),
        "Organisation": _none_for_nan(actors.loc[actors["kind"] != "person",
                                                 NODE_PROPERTIES["Organisation"]]),
        "Person": _none_for_nan(actors.loc[actors["kind"] == "person", NODE_PROPERTIES["Person"]]),
        "Theme": _none_for_nan(themes[["name", "cluster"]]),
    }
    nodes["Coalition"]["sectors"] = [list(s) if s is not None else [] for s in co["sectors"]]

    in_city = co.dropna(subset=["city"])
    addr = co[["id", "themes"]].explode("themes").dropna(subset=["themes"])
    mem = data.memberships
    persons = actors[(actors["kind"] == "person") & actors["organisation"].notna()]
    ties = data.ties
    rels = {
        "IN_CITY": _rel("Coalition", in_city["id"], "City", in_city["city"]),
        "ADDRESSES": _rel("Coalition", addr["id"], "Theme", addr["themes"]),
        "MEMBER_OF": _rel(mem["actor"].map(label_of), mem["actor"], "Coalition",
                          mem["coalition"], role=mem["role"], since=mem["since"]),
        "AFFILIATED_WITH": _rel("Person", persons["id"], "Organisation",
                                persons["organisation"]),
        "TIE": _rel(ties["source"].map(label_of), ties["source"], ties["target"].map(label_of),
                    ties["target"], type=ties["type"], weight=ties["weight"]),
    }
    rels = {k: _none_for_nan(v.reset_index(drop=True)) for k, v in rels.items()}
    owners = {
        "IN_CITY": ("Coalition", set(co["id"])),
        "ADDRESSES": ("Coalition", set(co["id"])),
        "MEMBER_OF": ("Coalition", set(mem["coalition"])),
        "AFFILIATED_WITH": ("Person", set(actors.loc[actors["kind"] == "person", "id"])),
        "TIE": ("Actor", set(ties["source"])),
    }
    return Tables(nodes=nodes, rels=rels, owners=owners)


def _ints(s: pd.Series) -> pd.Series:
    return pd.to_numeric(s, errors="coerce").round().astype("Int64")


def from_tables(nodes: dict[str, pd.DataFrame], rels: dict[str, pd.DataFrame]) -> GraphData:
    """Rebuild GraphData from tables read back from a store (the inverse of to_tables)."""
    co = nodes["Coalition"].copy()
    themes = nodes["Theme"].set_index("name")["cluster"].to_dict() if len(nodes["Theme"]) else {}
    addr = rels["ADDRESSES"].sort_values(["src", "dst"])
    by_coalition = addr.groupby("src")["dst"].agg(list).to_dict() if len(addr) else {}
    co["themes"] = [by_coalition.get(i, []) for i in co["id"]]
    co["theme_clusters"] = [[themes.get(t) for t in ts] for ts in co["themes"]]
    co["sectors"] = [sorted(s) if isinstance(s, list | tuple | np.ndarray) else []
                     for s in co["sectors"]]
    for c in ("founded_year", "n_organisations", "n_volunteers"):
        co[c] = _ints(co[c])

    orgs = nodes["Organisation"].assign(kind="organisation", function=None)
    persons = nodes["Person"].assign(kind="person")
    aff = rels["AFFILIATED_WITH"].drop_duplicates("src").set_index("src")["dst"]
    persons["organisation"] = persons["id"].map(aff)
    actors = pd.concat([orgs, persons], ignore_index=True)
    actors["organisation"] = actors.get("organisation")

    mem = rels["MEMBER_OF"].rename(columns={"src": "actor", "dst": "coalition"})
    mem["since"] = _ints(mem["since"])
    ties = rels["TIE"].rename(columns={"src": "source", "dst": "target"})
    ties["weight"] = pd.to_numeric(ties["weight"], errors="coerce").astype(float)
    data = GraphData(
        coalitions=co.sort_values("id", ignore_index=True),
        actors=_none_for_nan(actors).sort_values("id", ignore_index=True),
        memberships=mem.sort_values(["coalition", "actor"], ignore_index=True),
        ties=ties.sort_values(["source", "target", "type"], ignore_index=True),
    )
    for name in ("coalitions",):
        df = getattr(data, name)
        for col in ("goals", "actions", "role", "relation", "origin", "raw_theme",
                    "raw_founded", "raw_size", "raw_actors", "name", "city"):
            df[col] = df[col].astype(object).where(df[col].notna(), None)
    return data
