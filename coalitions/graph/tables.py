"""GraphData ⇄ the node and relationship tables both stores hold.

Both engines write the same tables, so the translation lives here once: node tables keyed by
their primary key, relationship tables with their endpoints' labels and keys. The stores only
move these tables in and out in bulk.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.dtypes import StringDType

from coalitions.graph.model import QUALITATIVE_FIELDS, SECTORS, GraphData

__all__ = [
    "DEFAULT_WAVE",
    "KEY",
    "NODE_KEYS",
    "NODE_PROPERTIES",
    "REL_ENDPOINTS",
    "REL_KEYS",
    "REL_PROPERTIES",
    "WAVE",
    "Tables",
    "by_endpoints",
    "endpoint_masks",
    "from_tables",
    "note_positions",
    "plain",
    "positions",
    "to_tables",
    "wave_keys",
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
        "raw_size", "raw_actors", "roles", "end_year", "status", "merged_into", "relation_year",
        *QUALITATIVE_FIELDS,
    ],
    "Organisation": ["id", "name", "sector", "city"],
    "Person": ["id", "name", "function", "sector", "city"],
    "Theme": ["name", "cluster"],
}
INT_PROPERTIES = {"founded_year", "n_organisations", "n_volunteers", "since", "until",
                  "end_year", "relation_year"}
LIST_PROPERTIES = {"sectors", "roles"}

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
    "IN_CITY": [], "ADDRESSES": [], "MEMBER_OF": ["role", "since", "until"],
    "AFFILIATED_WITH": [],
    "TIE": ["type", "weight", "directed"],
}
# What identifies one relationship of a type (a TIE of another type between the same actors
# is another tie).
REL_KEYS: dict[str, list[str]] = {
    "IN_CITY": ["src", "dst"], "ADDRESSES": ["src", "dst"], "MEMBER_OF": ["src", "dst"],
    "AFFILIATED_WITH": ["src", "dst"], "TIE": ["src", "dst", "type"],
}


# Waves (issue 20): every inventory wave is a complete snapshot in the same store. Each node
# and relationship carries the wave it belongs to (property WAVE), and a node's primary key in
# the store is KEY = "<wave>\x1f<id>" (:func:`wave_keys`), so the same coalition or actor can
# exist once per wave. The id (or name) stays a plain property, so Cypher users write
# ``MATCH (c:Coalition {id: 'x', wave: '2026'})``. The unit separator cannot occur in a
# wave's name (see ``coalitions.graph.waves.check_wave``), so no two (wave, id) pairs share a
# key. The tables below (NODE_PROPERTIES, REL_PROPERTIES) stay what the input describes; the
# stores add KEY and WAVE when they write and filter on WAVE when they read.
KEY = "key"
WAVE = "wave"
KEY_SEP = "\x1f"
# The wave a load without a label goes to: a store holding one inventory never needs to
# name it.
DEFAULT_WAVE = "1"


def wave_keys(wave: str, ids: pd.Series | np.ndarray) -> np.ndarray:
    """The store keys (``"<wave>\\x1f<id>"``) of ``ids`` in ``wave``; missing ids stay None."""
    values = np.asarray(ids, dtype=object)
    out = np.empty(len(values), dtype=object)
    present = np.fromiter((isinstance(v, str) for v in values), dtype=bool, count=len(values))
    prefix = wave + KEY_SEP
    # (object arrays add elementwise in C: a million keys in about 0.1 s)
    out[present] = prefix + values[present].astype(object)
    out[~present] = None
    return out


@dataclass
class Tables:
    """Node tables by label (columns = NODE_PROPERTIES) and relationship tables by type
    (columns src_label, src, dst_label, dst, then REL_PROPERTIES; one row per REL_KEYS),
    in the column types of :func:`plain`."""

    nodes: dict[str, pd.DataFrame]
    rels: dict[str, pd.DataFrame]
    # Per relationship type, the (label, keys) whose relationships of that type the input
    # describes completely: a load replaces exactly those (see Store.load).
    owners: dict[str, tuple[str, set[str]]]


def plain(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with columns as both engines take them in bulk, index reset.

    Text and lists as ``object`` with ``None`` where missing; whole numbers as ``int64`` and
    other numbers as ``float64`` when none is missing, else ``object`` holding Python numbers
    and ``None``. (LadybugDB's COPY FROM crashes on pandas' nullable ``Int64`` and stores NaN
    rather than NULL; numpy columns are its fast path.) Each column is converted once, here,
    and the stores hand these frames over unchanged.
    """
    return _frame({c: _plain_column(df[c]) for c in df.columns}, len(df))


def _frame(columns: dict[str, np.ndarray], n: int) -> pd.DataFrame:
    # Each array keeps its dtype: from a bare object array pandas 3 would infer its "str"
    # dtype, a copy of every string that the engines then get back as objects anyway. And
    # each stays its own block (copy=False): stacking them into one would copy them all.
    return pd.DataFrame({c: pd.Series(v, dtype=v.dtype, copy=False) for c, v in columns.items()},
                        index=pd.RangeIndex(n), copy=False)


def _plain_column(s: pd.Series) -> np.ndarray:
    dtype = s.dtype
    # (every array returned is the frame's own: _frame does not copy them again)
    if dtype.kind in "iu" and not isinstance(dtype, pd.api.extensions.ExtensionDtype):
        return s.to_numpy(dtype=np.int64, copy=True)
    if dtype.kind == "f" and not isinstance(dtype, pd.api.extensions.ExtensionDtype):
        values = s.to_numpy(dtype=np.float64, copy=True)
        missing = np.isnan(values)
        if not missing.any():
            return values
        out = values.astype(object)
        out[missing] = None
        return out
    missing = s.isna().to_numpy()
    if dtype.kind in "iuf" and not missing.any():  # nullable numbers, all present
        return s.to_numpy(dtype=np.int64 if dtype.kind in "iu" else np.float64, copy=True)
    out = s.to_numpy(dtype=object, copy=True)
    if missing.any():
        out[missing] = None
    return out


class _Plain(np.ndarray):
    """An object array :func:`_rel` takes as it is (see :func:`_found_keys`)."""


def _rel(src_label, src, dst_label, dst, **props) -> pd.DataFrame:
    """A relationship table in :func:`plain` column types; a label may be one string."""
    n = len(src)
    columns = {"src_label": src_label, "src": src, "dst_label": dst_label, "dst": dst, **props}
    # The labels are made by to_tables (a string, or objects with None): plain already.
    return _frame({c: (_constant(v, n) if isinstance(v, str) else v)
                   if c in ("src_label", "dst_label")
                   else v.view(np.ndarray) if isinstance(v, _Plain)
                   else _plain_column(_series(v, n))
                   for c, v in columns.items()}, n)


def _found_keys(values: pd.Series, pos: np.ndarray) -> _Plain:
    """A key column in :func:`plain` types, knowing where each key was found (``pos``, as
    :func:`positions` answers): a found key is text, so only the others are tested for
    missing values. (``isna`` touches every one of a million strings; this a few.)"""
    out = values.to_numpy(dtype=object, copy=True)
    unknown = np.flatnonzero(pos < 0)
    if len(unknown):
        out[unknown[pd.isna(out[unknown])]] = None
    return out.view(_Plain)


def _series(v: str | pd.Series | np.ndarray | pd.api.extensions.ExtensionArray,
            n: int) -> pd.Series:
    if isinstance(v, str):
        return pd.Series(_constant(v, n), dtype=object)
    if isinstance(v, pd.Series):
        return v.reset_index(drop=True)
    if isinstance(v, np.ndarray):
        return pd.Series(v, dtype=v.dtype, copy=False)  # an object array stays object
    return pd.Series(v)


def _constant(value: str, n: int) -> np.ndarray:
    """``n`` times the same string object (``np.full`` would make a million copies of it)."""
    out = np.empty(n, dtype=object)
    out.fill(value)
    return out


def endpoint_masks(rel: str, frame: pd.DataFrame) -> list[tuple[str, str, np.ndarray]]:
    """Which rows of a relationship table belong to each (from label, to label) pair, in
    schema order, for the pairs that have any; rows whose endpoint has no label (an unknown
    actor) are in none. (Comparing with each label is much cheaper than grouping a million
    strings.)"""
    masks = []
    src, dst = frame["src_label"].to_numpy(), frame["dst_label"].to_numpy()
    for a, b in REL_ENDPOINTS[rel]:
        mask = (src == a) & (dst == b)
        if mask.any():
            masks.append((a, b, mask))
    return masks


def by_endpoints(rel: str, frame: pd.DataFrame) -> list[tuple[str, str, pd.DataFrame]]:
    """The rows of a relationship table per (from label, to label) pair (see
    :func:`endpoint_masks`)."""
    return [(a, b, frame if mask.all() else frame[mask])
            for a, b, mask in endpoint_masks(rel, frame)]


def positions(values: pd.Series | np.ndarray, keys: pd.Series | np.ndarray) -> np.ndarray:
    """Position in ``keys`` of each of ``values`` (the last, if a key repeats), -1 if absent.

    ``pd.Index(keys).get_indexer(values)`` or ``values.map(dict)`` answer the same; one
    factorisation of both together is about twice as fast on a million strings.
    """
    keys = np.asarray(keys, dtype=object)
    codes, uniques = pd.factorize(np.concatenate([keys, np.asarray(values, dtype=object)]))
    where = np.full(len(uniques) + 1, -1, dtype=np.int64)  # the last slot answers code -1
    key_codes = codes[: len(keys)]
    where[key_codes] = np.arange(len(keys))
    where[-1] = -1  # a missing key (code -1) is no position of a missing value
    return where[codes[len(keys):]]


# The attribute of a GraphData under which note_positions keeps what it was told.
_NOTED = "_noted_positions"


def note_positions(data: GraphData, table: str, column: str, pool: str, pool_column: str,
                   found: np.ndarray) -> None:
    """Tell :func:`to_tables` that ``data.<table>[column]`` lies at ``found`` in
    ``data.<pool>[pool_column]`` (as :func:`positions` would answer), so that it need not
    look a million ids up again.

    A copy of both columns is kept beside the positions and compared before they are used
    (object arrays of the same strings compare in milliseconds), so a table changed or
    replaced after this call is looked up afresh, never answered wrongly.
    """
    noted = data.__dict__.setdefault(_NOTED, {})
    values = getattr(data, table)[column].to_numpy(dtype=object, copy=True)
    keys = getattr(data, pool)[pool_column].to_numpy(dtype=object, copy=True)
    if len(found) == len(values):
        noted[(table, column, pool, pool_column)] = (values, keys, np.asarray(found))


def _positions_in(data: GraphData, table: str, column: str, pool: str,
                  pool_column: str) -> np.ndarray:
    """:func:`positions` of a column of ``data`` in another, reusing what was noted."""
    values = getattr(data, table)[column].to_numpy(dtype=object)
    keys = getattr(data, pool)[pool_column].to_numpy(dtype=object)
    note = data.__dict__.get(_NOTED, {}).get((table, column, pool, pool_column))
    if note is not None and _same(values, note[0]) and _same(keys, note[1]):
        return note[2]
    return positions(values, keys)


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    # (None == None holds elementwise; NaN != NaN only makes a lookup run again)
    return len(a) == len(b) and bool((a == b).all())


def to_tables(data: GraphData) -> Tables:
    """The graph as the stores' node and relationship tables (see :class:`Tables`)."""
    return Tables(nodes=node_tables(data), rels=rel_tables(data), owners=rel_owners(data))


def node_tables(data: GraphData) -> dict[str, pd.DataFrame]:
    """The node tables of :func:`to_tables`."""
    return dict(iter_node_tables(data))


def iter_node_tables(data: GraphData) -> Iterator[tuple[str, pd.DataFrame]]:
    """The node tables of :func:`to_tables` one at a time, each made when it is asked for
    (so that a store can write one while the next is being made)."""
    co = data.coalitions
    actors = data.actors
    yield "City", pd.DataFrame({"name": sorted(set(co["city"].dropna())
                                               | set(actors["city"].dropna()))}, dtype=object)
    coalitions = plain(co[NODE_PROPERTIES["Coalition"]])
    for column in LIST_PROPERTIES:
        coalitions[column] = [list(s) if isinstance(s, list | tuple | np.ndarray) else []
                              for s in co[column]]
    yield "Coalition", coalitions
    yield "Organisation", plain(actors.loc[actors["kind"] != "person",
                                           NODE_PROPERTIES["Organisation"]])
    yield "Person", plain(actors.loc[actors["kind"] == "person", NODE_PROPERTIES["Person"]])
    yield "Theme", plain(data.themes[["name", "cluster"]])


def rel_tables(data: GraphData) -> dict[str, pd.DataFrame]:
    """The relationship tables of :func:`to_tables`: one row per key, the last one of the
    input winning."""
    co = data.coalitions
    actors = data.actors
    ids = actors["id"].to_numpy(dtype=object)
    # Label of each actor as a code into these names; the last answers "not an actor" (-1).
    names = np.array(["Organisation", "Person", None], dtype=object)
    label = np.append((actors["kind"].to_numpy() == "person").astype(np.int64), 2)

    def label_of(pos: np.ndarray) -> np.ndarray:
        return names[label[pos]]

    in_city = co.dropna(subset=["city"])
    addr = co[["id", "themes"]].explode("themes").dropna(subset=["themes"])
    mem = data.memberships
    persons = actors[(actors["kind"] == "person") & actors["organisation"].notna()]
    ties = data.ties
    src_pos = _positions_in(data, "memberships", "actor", "actors", "id")
    dst_pos = _positions_in(data, "memberships", "coalition", "coalitions", "id")
    source_pos = _positions_in(data, "ties", "source", "actors", "id")
    target_pos = _positions_in(data, "ties", "target", "actors", "id")
    rels = {
        "IN_CITY": _rel("Coalition", in_city["id"], "City", in_city["city"]),
        "ADDRESSES": _rel("Coalition", addr["id"], "Theme", addr["themes"]),
        "MEMBER_OF": _rel(label_of(src_pos), _found_keys(mem["actor"], src_pos), "Coalition",
                          _found_keys(mem["coalition"], dst_pos), role=mem["role"].to_numpy(),
                          since=mem["since"].array, until=mem["until"].array),
        "AFFILIATED_WITH": _rel("Person", persons["id"], "Organisation",
                                persons["organisation"]),
        "TIE": _rel(label_of(source_pos), _found_keys(ties["source"], source_pos),
                    label_of(target_pos), _found_keys(ties["target"], target_pos),
                    type=ties["type"].to_numpy(), weight=ties["weight"].array,
                    directed=ties["directed"].to_numpy(dtype=object)),
    }
    # One relationship per key, the last one winning (as loading the rows in order would).
    # Memberships compare as integer pairs: their ends' positions are known already.
    for k, v in rels.items():
        if k == "MEMBER_OF":
            src = _numbered(src_pos, v["src"].to_numpy(), len(ids))
            dst = _numbered(dst_pos, v["dst"].to_numpy(), len(co))
            pair = src * (len(v) + len(co) + 1) + dst
            unique = ~pd.Series(pair).duplicated(keep="last").to_numpy()
        else:
            unique = ~v.duplicated(subset=REL_KEYS[k], keep="last").to_numpy()
        if not unique.all():
            rels[k] = v[unique].reset_index(drop=True)
    return rels


def rel_owners(data: GraphData) -> dict[str, tuple[str, set[str]]]:
    """:attr:`Tables.owners`: per relationship type, the nodes whose relationships of that
    type the input describes completely."""
    co, actors, mem, ties = data.coalitions, data.actors, data.memberships, data.ties
    dst_pos = _positions_in(data, "memberships", "coalition", "coalitions", "id")
    persons_ids = actors.loc[actors["kind"] == "person", "id"]
    # (sets built from numpy arrays: iterating a Series boxes every value, 0.5 s a million)
    known = dst_pos >= 0
    used = np.bincount(dst_pos[known], minlength=len(co)) > 0  # (np.unique sorts a million)
    member_coalitions = set(co["id"].to_numpy()[used])
    member_coalitions.update(mem["coalition"].to_numpy()[~known])
    owners = {
        "IN_CITY": ("Coalition", set(co["id"].to_numpy())),
        "ADDRESSES": ("Coalition", set(co["id"].to_numpy())),
        "MEMBER_OF": ("Coalition", member_coalitions),
        "AFFILIATED_WITH": ("Person", set(persons_ids.to_numpy())),
        "TIE": ("Actor", set(ties["source"].to_numpy())),
    }
    return owners


def _numbered(pos: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Positions, with values found nowhere numbered after the ``n`` known ones (missing
    values stay -1): an integer per distinct value."""
    pos = pos.copy()
    unknown = pos < 0
    if unknown.any():
        codes = pd.factorize(values[unknown])[0]
        pos[unknown] = np.where(codes >= 0, n + codes, -1)
    return pos


_SECTOR_ORDER = {s: i for i, s in enumerate(SECTORS)}


def _ints(s: pd.Series) -> pd.Series:
    return pd.to_numeric(s, errors="coerce").round().astype("Int64")


def from_tables(nodes: dict[str, pd.DataFrame], rels: dict[str, pd.DataFrame]) -> GraphData:
    """Rebuild GraphData from tables read back from a store (the inverse of to_tables)."""
    co = nodes["Coalition"].copy()
    themes = nodes["Theme"].set_index("name")["cluster"].to_dict() if len(nodes["Theme"]) else {}
    addr = _sorted(rels["ADDRESSES"], ["src", "dst"])
    by_coalition: dict[str, list[str]] = {}
    for cid, theme in zip(addr["src"].to_numpy(), addr["dst"].to_numpy(), strict=True):
        by_coalition.setdefault(cid, []).append(theme)  # (groupby().agg(list): 3 s a 40k)
    co["themes"] = [by_coalition.get(i, []) for i in co["id"]]
    co["theme_clusters"] = [[themes.get(t) for t in ts] for ts in co["themes"]]
    # (in SECTORS order, as the loaders give them; the engines may return any order)
    co["sectors"] = [sorted(s, key=lambda x: (_SECTOR_ORDER.get(x, len(SECTORS)), x))
                     if isinstance(s, list | tuple | np.ndarray) else [] for s in co["sectors"]]
    # (roles keep their order: the first is the primary role)
    co["roles"] = [list(r) if isinstance(r, list | tuple | np.ndarray) else []
                   for r in co["roles"]]
    for c in ("founded_year", "n_organisations", "n_volunteers", "end_year", "relation_year"):
        co[c] = _ints(co[c])

    orgs = nodes["Organisation"].assign(kind="organisation", function=None)
    persons = nodes["Person"].assign(kind="person")
    aff = rels["AFFILIATED_WITH"].drop_duplicates("src").set_index("src")["dst"]
    persons["organisation"] = persons["id"].map(aff)
    actors = pd.concat([orgs, persons], ignore_index=True)
    actors["organisation"] = actors.get("organisation")

    mem = rels["MEMBER_OF"][["src", "dst", "role", "since", "until"]].rename(
        columns={"src": "actor", "dst": "coalition"})
    mem["since"] = _ints(mem["since"])
    mem["until"] = _ints(mem["until"])
    ties = rels["TIE"][["src", "dst", "type", "weight", "directed"]].rename(
        columns={"src": "source", "dst": "target"})
    ties["weight"] = pd.to_numeric(ties["weight"], errors="coerce").astype(float)
    data = GraphData(
        coalitions=_sorted(co, ["id"]),
        actors=_sorted(plain(actors), ["id"]),
        memberships=_sorted(mem, ["coalition", "actor"]),
        ties=_sorted(ties, ["source", "target", "type"]),
    )
    for name in ("coalitions",):
        df = getattr(data, name)
        for col in ("goals", "actions", "role", "relation", "origin", "raw_theme",
                    "raw_founded", "raw_size", "raw_actors", "name", "city", "status",
                    "merged_into",
                    *QUALITATIVE_FIELDS):
            df[col] = df[col].astype(object).where(df[col].notna(), None)
    return data


def _sorted(df: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """``df.sort_values(by, ignore_index=True)`` (missing values last), faster: each column
    is factorised and only its distinct values are sorted, text as numpy's ``StringDType``
    (sorted in C; Python objects compare one pair at a time)."""
    keys = []
    for column in reversed(by):
        codes, uniques = pd.factorize(df[column].to_numpy(dtype=object))
        keys.append(_ranks(uniques)[codes])  # code -1 (missing) takes the last slot
    order = np.lexsort(keys) if keys else np.arange(len(df))
    return df.take(order).reset_index(drop=True)


def _ranks(uniques: np.ndarray) -> np.ndarray:
    """Rank of each distinct value in sort order, then one more slot for missing values."""
    if pd.api.types.infer_dtype(uniques, skipna=False) == "string":
        order = np.argsort(uniques.astype(StringDType()), kind="stable")
    else:
        order = pd.Index(uniques).argsort()
    ranks = np.empty(len(uniques) + 1, dtype=np.int64)
    ranks[order] = np.arange(len(uniques))
    ranks[-1] = len(uniques)
    return ranks
