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

The Wave node also records **the input files of the wave** (property ``inputs``, one JSON
text, the same on both engines): a list of the loads that wrote to the wave, each
``{"loaded_at", "replace", "files"}``, where ``files`` lists every file read (the workbook,
or each CSV of a folder) as :meth:`coalitions.loaders.LoadResult.inputs` gives it — path as
given, file name, size in bytes, SHA-256 of its bytes, and rows read per sheet. A replacing
load starts the list again; a load that adds to (or corrects) a wave appends to it, since
the wave is then made of both. ``files`` is null for a load given no files (a
:class:`~coalitions.graph.model.GraphData` loaded from Python), and a wave loaded before
this was recorded starts with such an entry: its files are then "not recorded"
(:func:`wave_files`) until it is loaded again with ``--replace``. It is written in the load's
own transaction, so a failed load leaves it as it was; a load that changes nothing writes
nothing, this record included.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from coalitions.errors import UsageError
from coalitions.graph.tables import DEFAULT_WAVE, KEY_SEP

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["LEGACY_HINT", "READ_WAVE", "SET_INPUTS", "TOUCH_WAVE", "check_wave",
           "inputs_after", "loads_of", "now", "short_checksums", "wave_files"]

# Creates the Wave node on first load (numbered after the others, under the load's lock or
# transaction, so two loads cannot take one number) and records when it was last loaded.
# Runs alike on both engines.
TOUCH_WAVE = (
    "OPTIONAL MATCH (x:Wave) WITH coalesce(max(x.number), 0) + 1 AS next "
    "MERGE (w:Wave {name: $wave}) "
    "ON CREATE SET w.number = next, w.loaded_at = $now "
    "ON MATCH SET w.loaded_at = $now"
)

# What a load reads of its wave before TOUCH_WAVE (in the same transaction, after the load
# lock: see inputs_after), and how it then writes the record of the wave's inputs.
READ_WAVE = ("MATCH (w:Wave {name: $wave}) RETURN w.loaded_at AS loaded_at, "
             "w.inputs AS inputs")
SET_INPUTS = "MATCH (w:Wave {name: $wave}) SET w.inputs = $inputs"

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


def inputs_after(before: Sequence[Mapping[str, Any]], files: Sequence[Mapping[str, Any]] | None,
                 *, replace: bool, loaded_at: str) -> str:
    """The wave's ``inputs`` record (JSON text) after a load of ``files`` at ``loaded_at``.

    ``before`` is what :data:`READ_WAVE` returned (no row: the wave is new). A replacing load
    (or the first) starts the list; any other appends, and a wave that exists without a
    record (loaded by an earlier version) keeps an entry saying its earlier files are not
    recorded.
    """
    entry = {"loaded_at": loaded_at, "replace": bool(replace),
             "files": None if files is None else [dict(f) for f in files]}
    loads: list[dict[str, Any]] = []
    if before and not replace:
        row = before[0]
        loads = loads_of(row.get("inputs"))
        if not loads:
            loads = [{"loaded_at": _text(row.get("loaded_at")), "replace": None,
                      "files": None}]
    return json.dumps([*loads, entry], ensure_ascii=False, sort_keys=True)


def loads_of(record: Any) -> list[dict[str, Any]]:
    """The loads of a wave's ``inputs`` record (JSON text, or the list it holds); [] when
    there is none."""
    if isinstance(record, list):
        return record
    if record is None or record != record or not str(record).strip():  # (None, NaN, "")
        return []
    loads = json.loads(str(record))
    return loads if isinstance(loads, list) else []


def _text(value: Any) -> str | None:
    return None if value is None or value != value else str(value)


def wave_files(record: Any) -> list[dict[str, Any]] | None:
    """The files a wave is made of, from its ``inputs`` record (as :func:`loads_of` takes
    it): each file once (by name and
    SHA-256, in the order first loaded), with ``name``, ``path``, ``size``, ``sha256``,
    ``sheets``; None when they are not all recorded (no record: a wave loaded before the
    files were recorded; or a load of the wave that was given no files)."""
    loads = loads_of(record)
    if not loads or any(load.get("files") is None for load in loads):
        return None
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for load in loads:
        for f in load["files"]:
            seen.setdefault((str(f.get("name")), str(f.get("sha256"))), dict(f))
    return list(seen.values())


SHORT_CHECKSUM = 12  # hex digits of a SHA-256 shown on the terminal (48 bits: enough to tell
# files apart by eye; the full checksum is in --format csv and json)


def short_checksums(frame: pd.DataFrame) -> pd.DataFrame:
    """:meth:`Store.waves <coalitions.graph.store.Store.waves>` for the terminal: each
    SHA-256 of the ``sha256`` column cut to its first :data:`SHORT_CHECKSUM` hex digits."""
    if "sha256" not in frame.columns:
        return frame
    cut = [v if not isinstance(v, str) else
           "; ".join(h[:SHORT_CHECKSUM] + "…" for h in v.split("; ")) for v in frame["sha256"]]
    return frame.assign(sha256=cut)
