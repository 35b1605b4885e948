"""Named Cypher queries: the questions researchers ask often, ready to run on either engine.

Each query is a file ``<name>.cypher`` in this folder. Its header comment says what it does
and which parameters it takes, one line each::

    // description: Members of a coalition, by sector
    // param: coalition (required) — the coalition's id or name
    // param: k = 2 — the least number of coalitions
    // param: measure: actor_measure (required) — a measure name

A parameter line is ``// param: NAME[: TYPE] ((required) | = DEFAULT) [— help]``. ``DEFAULT``
is a JSON literal (``2``, ``2.5``, ``""``, ``"Gent"``, ``true``); ``TYPE`` is ``str``,
``int``, ``float`` or ``bool`` (taken from the default when left out, ``str`` for a required
parameter), or ``actor_measure`` / ``coalition_measure`` for a measure property name.
Optional text parameters default to ``""`` meaning "any", not ``null``: LadybugDB types a
``null`` parameter as BOOL and then refuses to compare it with a string.

Measure parameters name a property, and neither engine accepts a parameter as a property key.
They are written into the query as ``{{measure}}`` — only after the value is checked against
the fixed list :data:`coalitions.graph.schema.MEASURE_PROPERTIES`, so nothing a user types
reaches the Cypher text.

Where the two engines' dialects differ, ``<name>.<engine>.cypher`` (engine ``ladybug`` or
``neo4j``) replaces ``<name>.cypher`` on that engine only; the header (description and
parameters) is always read from ``<name>.cypher``. Every query orders its rows totally, so a
query gives the same rows in the same order every time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from coalitions.errors import QueryError, UsageError
from coalitions.graph.schema import MEASURE_PROPERTIES

__all__ = ["PARAM_TYPES", "NamedQuery", "Param", "get_query", "list_queries", "named_query",
           "parse_params"]

QUERY_DIR = Path(__file__).resolve().parent
ENGINES = ("ladybug", "neo4j")

# Allowed values of the measure parameter types: property names, never user text.
MEASURE_TYPES: dict[str, tuple[str, ...]] = {
    "actor_measure": tuple(sorted(set(MEASURE_PROPERTIES["Person"])
                                  | set(MEASURE_PROPERTIES["Organisation"]))),
    "coalition_measure": tuple(sorted(MEASURE_PROPERTIES["Coalition"])),
}
_SCALARS = {"str": str, "int": int, "float": float, "bool": bool}

_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s*(?::\s*(?P<type>\w+))?\s*"
    r"(?:\((?P<required>required)\)|=\s*(?P<default>.*?))?\s*"
    r"(?:(?:—|--)\s*(?P<help>.*))?$"
)


@dataclass(frozen=True)
class Param:
    """One parameter of a named query."""

    name: str
    type: str
    default: Any
    required: bool
    help: str = ""

    def coerce(self, value: Any, query: str) -> Any:
        """``value`` as this parameter's type, or a :class:`QueryError` saying what fits."""
        if self.type in MEASURE_TYPES:
            allowed = MEASURE_TYPES[self.type]
            if value not in allowed:
                raise QueryError(
                    f"Unknown measure {value!r} for the named query {query!r}.",
                    hint="Measures: " + ", ".join(allowed) + ". Run `coalitions analyse` "
                         "first to store them.")
            return value
        kind = _SCALARS[self.type]
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        try:
            if kind is bool:
                text = str(value).strip().lower()
                if text not in ("true", "false", "1", "0", "yes", "no"):
                    raise ValueError(text)
                return text in ("true", "1", "yes")
            if kind is int and isinstance(value, float) and not value.is_integer():
                raise ValueError(value)
            return kind(value) if kind is not int else int(float(value))
        except (TypeError, ValueError):
            raise QueryError(
                f"The parameter {self.name!r} of the named query {query!r} must be "
                f"{'an integer' if kind is int else 'a ' + self.type}, not {value!r}.",
                hint=f"Pass it as --param {self.name}=VALUE.") from None


@dataclass(frozen=True)
class NamedQuery:
    """A named query: its header and its Cypher text per engine."""

    name: str
    description: str
    params: tuple[Param, ...]
    cypher: str
    variants: Mapping[str, str]

    def text_for(self, engine: str) -> str:
        """The Cypher this query runs on ``engine`` (its variant file if it has one)."""
        return self.variants.get(engine, self.cypher)

    def bind(self, params: Mapping[str, Any] | None) -> dict[str, Any]:
        """Defaults applied, types checked; unknown or missing parameters are refused."""
        given = dict(params or {})
        known = {p.name for p in self.params}
        unknown = sorted(set(given) - known)
        if unknown:
            raise QueryError(
                f"The named query {self.name!r} has no parameter "
                f"{', '.join(repr(u) for u in unknown)}.", hint=self._usage())
        bound: dict[str, Any] = {}
        for p in self.params:
            if p.name in given and given[p.name] is not None:
                bound[p.name] = p.coerce(given[p.name], self.name)
            elif p.required:
                raise QueryError(f"The named query {self.name!r} needs the parameter "
                                 f"{p.name!r} ({p.help or p.type}).", hint=self._usage())
            else:
                bound[p.name] = p.default
        return bound

    def render(self, engine: str, bound: Mapping[str, Any]) -> str:
        text = self.text_for(engine)
        for p in self.params:
            if p.type in MEASURE_TYPES:
                # Safe: bound[p.name] passed Param.coerce, so it is one of MEASURE_TYPES.
                text = text.replace("{{" + p.name + "}}", bound[p.name])
        return text

    def _usage(self) -> str:
        parts = [f"--param {p.name}=…" + ("" if p.required else f" (default {p.default!r})")
                 for p in self.params]
        return f"Usage: coalitions query --name {self.name} " + " ".join(parts)


def list_queries() -> pd.DataFrame:
    """The named queries: columns ``name``, ``description`` and ``params``.

    ``params`` holds, per query, a list of ``{name, default, required}`` dicts in the order
    the query declares them. Rows are sorted by name.
    """
    rows = [{"name": q.name, "description": q.description,
             "params": [{"name": p.name, "default": p.default, "required": p.required}
                        for p in q.params]}
            for q in _queries().values()]
    return pd.DataFrame(rows, columns=["name", "description", "params"])


def get_query(name: str) -> NamedQuery:
    """The named query ``name``; a :class:`QueryError` listing the names if there is none."""
    queries = _queries()
    if name not in queries:
        raise QueryError(f"There is no named query {name!r}.",
                         hint="Named queries: " + ", ".join(queries) +
                              " (`coalitions query --list` describes them).")
    return queries[name]


def named_query(store: Any, name: str, params: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """Run the named query ``name`` on ``store`` with ``params`` (defaults filled in).

    Parameters
    ----------
    store : coalitions.graph.store.Store
        Either engine; the query's variant for that engine runs if it has one.
    name : str
        A name from :func:`list_queries`.
    params : mapping, optional
        Parameter values; strings are converted to the declared types (``"3"`` → 3). A
        query with a ``wave`` parameter reads that inventory wave, the latest when it is
        left empty; ``frame.attrs["facts"]["wave"]`` names the wave read.

    Returns
    -------
    pandas.DataFrame
        The rows, in the query's (total) order.

    Raises
    ------
    QueryError
        Unknown query name, unknown or missing parameter, a value of the wrong type, or an
        unknown measure; the message lists what is allowed.
    """
    query = get_query(name)
    bound = query.bind(params)
    if "wave" in bound:
        # Every named query reads one inventory wave: the one asked for (checked against
        # the store, so a wrong name is an error rather than no rows), else the latest.
        bound["wave"] = store.resolve_wave(bound["wave"] or None) or ""
    engine = getattr(store, "engine", "neo4j")
    frame = store.query(query.render(engine, bound), bound)
    if bound.get("wave"):
        frame.attrs["facts"] = store.wave_facts(bound["wave"])
    return frame


# helpers

@cache
def _queries() -> dict[str, NamedQuery]:
    base: dict[str, Path] = {}
    variants: dict[str, dict[str, str]] = {}
    for path in sorted(QUERY_DIR.glob("*.cypher")):
        stem = path.name[: -len(".cypher")]
        name, _, engine = stem.partition(".")
        if engine:
            if engine not in ENGINES:
                raise QueryError(f"{path.name}: unknown engine {engine!r} "
                                 f"(expected one of {', '.join(ENGINES)}).")
            variants.setdefault(name, {})[engine] = path.read_text(encoding="utf-8")
        else:
            base[name] = path
    orphans = sorted(set(variants) - set(base))
    if orphans:
        raise QueryError(f"Engine variants without a base query: {', '.join(orphans)}.")
    out = {}
    for name, path in sorted(base.items()):
        text = path.read_text(encoding="utf-8")
        description, params = _parse_header(text, path.name)
        out[name] = NamedQuery(name, description, params, text, variants.get(name, {}))
    return out


def _parse_header(text: str, filename: str) -> tuple[str, tuple[Param, ...]]:
    """The description and parameters declared in a query's leading comment lines."""
    description = ""
    params: list[Param] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            if stripped:
                break
            continue
        body = stripped[2:].strip()
        key, sep, rest = body.partition(":")
        if not sep or key.strip() not in ("description", "param"):
            continue
        rest = rest.strip()
        if key.strip() == "description":
            description = rest
            continue
        m = _PARAM.match(rest)
        if not m:
            raise QueryError(f"{filename}: cannot read the parameter line {line!r}.")
        required = m["required"] is not None
        default = None
        if not required:
            raw = (m["default"] or "").strip()
            if not raw:
                raise QueryError(f"{filename}: the parameter {m['name']!r} needs "
                                 "'(required)' or '= DEFAULT'.")
            try:
                default = json.loads(raw)
            except json.JSONDecodeError:
                raise QueryError(f"{filename}: the default of {m['name']!r} is not a JSON "
                                 f"literal: {raw!r}.") from None
        kind = m["type"] or ("str" if default is None else type(default).__name__)
        if kind not in _SCALARS and kind not in MEASURE_TYPES:
            raise QueryError(f"{filename}: unknown parameter type {kind!r}.")
        params.append(Param(m["name"], kind, default, required, (m["help"] or "").strip()))
    if not description:
        raise QueryError(f"{filename}: the header has no '// description:' line.")
    return description, tuple(params)


# The types a command-line parameter can ask for; without one a value is text.
PARAM_TYPES = ("str", "int", "float", "bool", "json")
_TYPE_WORDS = {"int": "an integer", "float": "a number", "bool": "true or false",
               "json": "a JSON value", "str": "text"}


def parse_params(items: list[str] | None) -> dict[str, Any]:
    """Command-line parameters ``name=value`` or ``name:type=value`` as a dict.

    A value is text unless a type is given: ``-p actor=007`` passes the string ``"007"`` (a
    guess would turn it into the number 7, and a lookup by id would find nothing), and
    ``-p k:int=2`` passes the integer 2. Types: ``str``; ``int``; ``float``; ``bool``
    (``true``/``false``, ``yes``/``no``, ``1``/``0``); ``json``, any JSON value such as
    ``[1, 2]`` or ``{"a": null}`` (``NaN`` and ``Infinity`` are not JSON and are refused).

    Raises
    ------
    UsageError
        An item without ``=``, an unknown type, or a value that is not of its type.
    """
    params: dict[str, Any] = {}
    for item in items or []:
        if "=" not in item:
            raise UsageError(f"--param {item!r} is not of the form name=value.")
        key, value = item.split("=", 1)
        name, _, kind = key.partition(":")
        name, kind = name.strip(), kind.strip() or "str"
        if kind not in PARAM_TYPES:
            raise UsageError(f"--param {item!r}: unknown type {kind!r}.",
                             hint="Types: " + ", ".join(PARAM_TYPES) + " (e.g. -p k:int=2).")
        try:
            params[name] = _typed_value(value, kind)
        except ValueError:
            message = f"--param {item!r}: {value!r} is not {_TYPE_WORDS[kind]}."
            raise UsageError(message) from None
    return params


def _typed_value(value: str, kind: str) -> Any:
    if kind == "str":
        return value
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "bool":
        word = value.strip().lower()
        if word not in ("true", "false", "yes", "no", "1", "0"):
            raise ValueError(value)
        return word in ("true", "yes", "1")

    def no_constant(name: str) -> Any:
        raise ValueError(name)

    return json.loads(value, parse_constant=no_constant)  # JSONDecodeError is a ValueError
