"""The schema both engines hold: node tables with primary keys, relationship tables,
uniqueness constraints and indexes, and the measure properties `coalitions analyse` writes."""

from __future__ import annotations

from coalitions.graph.tables import (
    INT_PROPERTIES,
    LIST_PROPERTIES,
    NODE_KEYS,
    NODE_PROPERTIES,
    REL_ENDPOINTS,
    REL_PROPERTIES,
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


def ladybug_ddl() -> list[str]:
    stmts = []
    for label, props in NODE_PROPERTIES.items():
        cols = [f"{p} {_type(p)}" for p in props]
        cols += [f"{p} {t}" for p, t in MEASURE_PROPERTIES.get(label, {}).items()]
        stmts.append(f"CREATE NODE TABLE IF NOT EXISTS {label}({', '.join(cols)}, "
                     f"PRIMARY KEY({NODE_KEYS[label]}))")
    for rel, pairs in REL_ENDPOINTS.items():
        ends = ", ".join(f"FROM {a} TO {b}" for a, b in pairs)
        props = "".join(f", {p} {REL_TYPES[p]}" for p in REL_PROPERTIES[rel])
        stmts.append(f"CREATE REL TABLE IF NOT EXISTS {rel}({ends}{props})")
    # A store made by an earlier release lacks the properties added since (CREATE … IF NOT
    # EXISTS leaves an existing table as it is): they are added, empty, so it still loads.
    for label, props in ADDED_PROPERTIES.items():
        kinds = REL_TYPES if label in REL_ENDPOINTS else {p: _type(p) for p in props}
        stmts += [f"ALTER TABLE {label} ADD IF NOT EXISTS {p} {kinds[p]}" for p in props]
    return stmts


def neo4j_ddl() -> list[str]:
    stmts = [
        f"CREATE CONSTRAINT {label.lower()}_{key} IF NOT EXISTS "
        f"FOR (n:{label}) REQUIRE n.{key} IS UNIQUE"
        for label, key in NODE_KEYS.items()
    ]
    stmts += [
        f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
        for label, prop in INDEXES
    ]
    return stmts
