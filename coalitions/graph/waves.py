"""Inventory waves: several complete snapshots of the study in one store.

Inventories are repeated (a city fills in the template again a year or two later). A load
may be labelled as a wave (``coalitions load --wave 2026``); the store keeps every wave, each
a **complete snapshot**: its own coalitions, actors, memberships and ties, even where they are
the same as in the previous wave. Why snapshots rather than one graph with validity periods:

- every analysis runs on one wave exactly as it ran on a store holding one inventory (the
  same GraphData, the same definitions), so ``pivots --wave 1`` in a store of two waves
  equals ``pivots`` in a store holding wave 1 only — nothing about a measure changes;
- an inventory describes the state at the time it was filled in, not the history: a member
  missing from the next wave has left, a coalition missing has stopped, and that is exactly
  what ``coalitions changes`` reports by comparing two snapshots;
- all the load semantics (idempotent, atomic, authoritative for what it describes, bulk)
  hold per wave unchanged: a load of wave W compares with and writes to W only.

In the store every node and relationship carries ``wave``, node keys are wave-qualified
(:func:`coalitions.graph.tables.wave_keys`), and one ``Wave {name, number, loaded_at}`` node
per wave records the order in which waves were first loaded: the **latest** wave, which every
command reads unless ``--wave`` says otherwise, is the one added last (highest ``number``);
loading a wave again keeps its number. A load without ``--wave`` goes to the wave named
:data:`~coalitions.graph.tables.DEFAULT_WAVE` (``"1"``), so a single-inventory user never
names a wave.
"""

from __future__ import annotations

import datetime as _dt

from coalitions.errors import UsageError
from coalitions.graph.tables import DEFAULT_WAVE, KEY_SEP

__all__ = ["LEGACY_HINT", "TOUCH_WAVE", "check_wave", "now"]

# Creates the Wave node on first load (numbered after the others, under the load's lock or
# transaction, so two loads cannot take one number) and records when it was last loaded.
# Runs alike on both engines.
TOUCH_WAVE = (
    "OPTIONAL MATCH (x:Wave) WITH coalesce(max(x.number), 0) + 1 AS next "
    "MERGE (w:Wave {name: $wave}) "
    "ON CREATE SET w.number = next, w.loaded_at = $now "
    "ON MATCH SET w.loaded_at = $now"
)

LEGACY_HINT = ("It was made by an earlier version of coalitions, before inventory waves "
               "(nodes without a wave).")

_MAX_LENGTH = 64


def check_wave(wave: str | int | None) -> str:
    """The wave label to use: ``wave`` as text, or the default wave when None.

    A label is any short text without control characters (``2026``, ``2026-spring``);
    :class:`UsageError` otherwise.
    """
    if wave is None:
        return DEFAULT_WAVE
    name = str(wave).strip()
    if not name:
        raise UsageError("A wave needs a name.", hint="E.g. --wave 2026.")
    if len(name) > _MAX_LENGTH:
        raise UsageError(f"The wave name {name[:20]!r}… is longer than {_MAX_LENGTH} "
                         "characters.", hint="Use a short label such as 2026.")
    if KEY_SEP in name or any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise UsageError(f"The wave name {name!r} contains a control character.",
                         hint="Use letters, digits, '-' or '_', e.g. 2026.")
    return name


def now() -> str:
    """The time a wave is recorded as loaded: UTC, ISO 8601, to the second."""
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()
