"""The schema both engines hold: node tables with primary keys, relationship tables,
uniqueness constraints and indexes, and the measure properties `coalitions analyse` writes."""

from __future__ import annotations

from coalitions.graph.tables import (
    INT_PROPERTIES,
    KEY,
    LIST_PROPERTIES,
    NODE_KEYS,
    NODE_PROPERTIES,
    REL_ENDPOINTS,
    REL_PROPERTIES,
    WAVE,
)

__all__ = ["MEASURE_PROPERTIES", "ladybug_ddl", "neo4j_ddl"]

# Properties `coalitions analyse` writes back, per label, with their LadybugDB types
# (LadybugDB needs them declared; Neo4j takes them as they come).
_ACTOR_MEASURES = {
    "degree": "DOUBLE", "strength": "DOUBLE", "betweenness": "DOUBLE", "closeness": "DOUBLE",
    "eigenvector": "DOUBLE", "pagerank": "DOUBLE", "coreness": "INT64", "n_coalitions": "INT64",
    "constraint": "DOUBLE", "effective_size": "DOUBLE", "clustering": "DOUBLE",
    "sector_diversity": "DOUBLE", "community": "INT64", "brokerage": "DOUBLE",
}
MEASURE_PROPERTIES: dict[str, dict[str, str]] = {
    "Organisation": _ACTOR_MEASURES,
    "Person": _ACTOR_MEASURES,
    "Coalition": {
        "degree": "DOUBLE", "betweenness": "DOUBLE", "closeness": "DOUBLE",
        "n_members": "INT64", "overlap": "INT64", "share_active_elsewhere": "DOUBLE",
        "government_presence": "INT64", "community": "INT64", "data_cluster": "INT64",
    },
}
REL_TYPES = {"role": "STRING", "since": "INT64", "until": "INT64", "type": "STRING",
             "weight": "DOUBLE", "directed": "BOOLEAN"}

# Properties added after the first release, per table (see ladybug_ddl).
ADDED_PROPERTIES: dict[str, list[str]] = {
    "Coalition": ["roles", "end_year", "status", "merged_into", "relation_year", "in_between",
                  "autonomy", "resource_dependence", "evaluation"],
    "MEMBER_OF": ["until"],
    "TIE": ["directed"],
    "Wave": ["inputs"],  # the wave's input files (JSON text; see coalitions.graph.waves)
}

# Indexes beyond the primary keys (Neo4j; LadybugDB indexes primary keys only).
INDEXES = [("Coalition", "city"), ("Coalition", "name"), ("Organisation", "sector"),
           ("Person", "function"), ("Organisation", "name"), ("Person", "name")]


def _type(prop: str) -> str:
    if prop in INT_PROPERTIES:
        return "INT64"
    if prop in LIST_PROPERTIES:
        return "STRING[]"
    return "STRING"


def stored_node_columns(label: str) -> list[str]:
    """The columns a node table holds in the store: the wave-qualified key, the properties
    the input describes, the wave (see :mod:`coalitions.graph.waves`)."""
    return [KEY, *NODE_PROPERTIES[label], WAVE]


def ladybug_ddl() -> list[str]:
    stmts = []
    for label in NODE_PROPERTIES:
        cols = [f"{p} {_type(p)}" for p in stored_node_columns(label)]
        cols += [f"{p} {t}" for p, t in MEASURE_PROPERTIES.get(label, {}).items()]
        stmts.append(f"CREATE NODE TABLE IF NOT EXISTS {label}({', '.join(cols)}, "
                     f"PRIMARY KEY({KEY}))")
    for rel, pairs in REL_ENDPOINTS.items():
        ends = ", ".join(f"FROM {a} TO {b}" for a, b in pairs)
        props = "".join(f", {p} {REL_TYPES[p]}" for p in REL_PROPERTIES[rel])
        stmts.append(f"CREATE REL TABLE IF NOT EXISTS {rel}({ends}{props}, {WAVE} STRING)")
    stmts.append("CREATE NODE TABLE IF NOT EXISTS Wave(name STRING, number INT64, "
                 "loaded_at STRING, inputs STRING, PRIMARY KEY(name))")
    # A store made by an earlier release lacks the properties added since (CREATE … IF NOT
    # EXISTS leaves an existing table as it is): they are added, empty, so it still loads.
    for label, props in ADDED_PROPERTIES.items():
        kinds = REL_TYPES if label in REL_ENDPOINTS else {p: _type(p) for p in props}
        stmts += [f"ALTER TABLE {label} ADD IF NOT EXISTS {p} {kinds[p]}" for p in props]
    return stmts


def neo4j_ddl() -> list[str]:
    # The unique constraints on the plain ids of the version before waves would refuse the
    # same id in a second wave: dropped (the key constraint replaces them, and a plain index
    # keeps look-ups by id fast).
    stmts = [f"DROP CONSTRAINT {label.lower()}_{key} IF EXISTS"
             for label, key in NODE_KEYS.items()]
    stmts += [
        f"CREATE CONSTRAINT {label.lower()}_{KEY} IF NOT EXISTS "
        f"FOR (n:{label}) REQUIRE n.{KEY} IS UNIQUE"
        for label in NODE_KEYS
    ]
    stmts.append("CREATE CONSTRAINT wave_name IF NOT EXISTS "
                 "FOR (w:Wave) REQUIRE w.name IS UNIQUE")
    stmts += [
        f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
        for label, prop in dict.fromkeys([*INDEXES, *((label, WAVE) for label in NODE_KEYS),
                                          *NODE_KEYS.items()])
    ]
    return stmts
