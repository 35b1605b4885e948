"""Stable pseudonyms for persons, for outputs that leave the research team.

A person's pseudonym is ``"Person XXXX-XXXX"``: the first 40 bits of
``HMAC-SHA256(salt, person id)`` in Crockford's base32. The same person gets the same
pseudonym in every map, report and export made from one store, and nobody without the salt
can go from a pseudonym back to a person — not even by guessing names and deriving ids from
them, which is why the key is a random secret rather than anything computable from the data.
Person *ids* (``per-an-peeters``) usually spell the name too, so :func:`pseudonymise`
replaces them as well (``person-xxxxxxxx``), in every table that refers to them.
Organisations keep their names and ids: they act in public.

Where the salt lives
--------------------
In the store itself, as one node ``(:CoalitionsMeta {key: 'pseudonym_salt', value})``
(LadybugDB: a small ``CoalitionsMeta`` node table created on first use). It is made once,
from :func:`secrets.token_hex`, the first time a store is asked for it, and then travels with
the store: a copy or backup of the store pseudonymises the same way, a different store gets
different pseudonyms, and the data loads (``replace`` included) never touch it. Deriving the
salt from the store's contents was rejected: anyone holding the same inputs could recompute
it. Keeping it in a file beside the store was rejected because a Neo4j store has no "beside"
and a copied store would lose its file.

Forty bits keep accidental collisions negligible: for 200,000 persons the expected number of
colliding pairs is about n²/2⁴¹ ≈ 0.02. :func:`pseudonymise` still checks and refuses a
collision rather than merge two persons silently.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from coalitions.errors import QueryError, StoreError
from coalitions.graph.model import GraphData

__all__ = ["pseudonym", "pseudonym_id", "pseudonymise", "pseudonymiser", "resolve_salt", "store_salt"]

SALT_KEY = "pseudonym_salt"
_B32 = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "0123456789ABCDEFGHJKMNPQRSTVWXYZ")


def store_salt(store: Any, *, create: bool = True) -> str:
    """The store's secret pseudonym salt, made (once) if it has none and ``create`` is set.

    Raises
    ------
    StoreError
        The store has no salt yet and is open read-only (or ``create`` is False).
    """
    salt = _read_salt(store)
    if salt:
        return salt
    if not create or getattr(store, "read_only", False):
        raise StoreError(
            "This store has no pseudonym key yet, and it is open read-only.",
            hint="Run the command once without read-only access (the key is made on first "
                 "use and kept in the store).")
    if getattr(store, "engine", "") == "ladybug":
        store.query("CREATE NODE TABLE IF NOT EXISTS CoalitionsMeta(key STRING, value STRING, "
                    "PRIMARY KEY(key))", write=True)
    else:
        # The constraint makes MERGE safe against two processes creating the key at once.
        store.query("CREATE CONSTRAINT coalitionsmeta_key IF NOT EXISTS "
                    "FOR (m:CoalitionsMeta) REQUIRE m.key IS UNIQUE", write=True)
    frame = store.query(
        "MERGE (m:CoalitionsMeta {key: $key}) ON CREATE SET m.value = $value "
        "RETURN m.value AS value", {"key": SALT_KEY, "value": secrets.token_hex(32)},
        write=True)
    return str(frame["value"].iloc[0])


def pseudonym(person_id: str, salt: str | bytes) -> str:
    """The pseudonym of the person with id ``person_id`` under ``salt``: ``Person XXXX-XXXX``."""
    code = _code(person_id, salt)
    return f"Person {code[:4]}-{code[4:]}"


def pseudonym_id(person_id: str, salt: str | bytes) -> str:
    """The id that replaces ``person_id`` in pseudonymised outputs: ``person-xxxxxxxx``."""
    return f"person-{_code(person_id, salt).lower()}"


def pseudonymiser(store_or_salt: Any) -> Callable[[Mapping[str, Any]], str]:
    """A function giving the name to show for an actor row (a mapping with ``id``, ``kind``
    and ``name``): the pseudonym for a person, the name itself for an organisation.

    ``store_or_salt`` is a store (its salt is read, or made on first use) or the salt itself.
    """
    salt = resolve_salt(store_or_salt)

    def name_of(row: Mapping[str, Any]) -> str:
        if row.get("kind") == "person":
            return pseudonym(str(row["id"]), salt)
        name = row.get("name")
        return "" if name is None else str(name)

    return name_of


def pseudonymise(data: GraphData, salt: Any) -> GraphData:
    """``data`` with every person's name and id replaced by their pseudonym.

    Person names become :func:`pseudonym`, person ids :func:`pseudonym_id` — in ``actors``,
    ``memberships.actor`` and ``ties.source``/``target``. Organisations, coalitions and
    everything else are unchanged; free-text coalition fields (goals, actions, raw_*) are
    not scanned for names. ``salt`` is the salt or a store (see :func:`pseudonymiser`).

    Raises
    ------
    StoreError
        Two persons would share a pseudonym (vanishingly rare; see the module docstring).
    """
    salt = resolve_salt(salt)
    actors = data.actors.copy()
    persons = actors["kind"] == "person"
    ids = actors.loc[persons, "id"].astype(str)
    new_ids = ids.map(lambda i: pseudonym_id(i, salt))
    if new_ids.duplicated().any():
        raise StoreError("Two persons would get the same pseudonym.",
                         hint="Report this; it should practically never happen.")
    mapping = dict(zip(ids, new_ids, strict=True))
    actors.loc[persons, "name"] = ids.map(lambda i: pseudonym(i, salt))
    actors.loc[persons, "id"] = new_ids
    memberships = data.memberships.copy()
    memberships["actor"] = _replace(memberships["actor"], mapping)
    ties = data.ties.copy()
    ties["source"] = _replace(ties["source"], mapping)
    ties["target"] = _replace(ties["target"], mapping)
    return GraphData(coalitions=data.coalitions.copy(), actors=actors,
                     memberships=memberships, ties=ties)


# helpers

def _code(person_id: str, salt: str | bytes) -> str:
    key = salt.encode("utf-8") if isinstance(salt, str) else bytes(salt)
    digest = hmac.new(key, str(person_id).encode("utf-8"), hashlib.sha256).digest()
    # 5 bytes = 40 bits = 8 base32 characters exactly, no padding.
    return base64.b32encode(digest[:5]).decode("ascii").translate(_B32)


def resolve_salt(store_or_salt: Any) -> str | bytes:
    if isinstance(store_or_salt, str | bytes):
        if not store_or_salt:
            raise StoreError("An empty pseudonym salt would make pseudonyms guessable.")
        return store_or_salt
    return store_salt(store_or_salt)


def _read_salt(store: Any) -> str | None:
    try:
        frame = store.query("MATCH (m:CoalitionsMeta) WHERE m.key = $key RETURN m.value AS value",
                            {"key": SALT_KEY})
    except QueryError:
        # LadybugDB: the CoalitionsMeta table does not exist until the first salt is made.
        return None
    if not len(frame) or pd.isna(frame["value"].iloc[0]):
        return None
    return str(frame["value"].iloc[0])


def _replace(column: pd.Series, mapping: Mapping[str, str]) -> pd.Series:
    return column.map(lambda v: mapping.get(v, v) if isinstance(v, str) else v)
