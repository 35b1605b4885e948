"""What a table was made from: the command, the software, the seed, the wave, the inputs.

Every table output (:func:`coalitions.output.render`) carries this record, so that a CSV
file, a JSON file or a LaTeX table found months later still says how it was made:

- ``command``: the command line that made it, rebuilt from the options the command
  received (:func:`command_line`; defaults included, so it reruns the same way even if a
  default changes). Absent when a table is rendered from Python.
- ``generated``: the time, UTC, ISO 8601.
- ``seed``: the random seed, when the command has one.
- ``wave``: the wave of the data, when the table records one (``frame.attrs["facts"]["wave"]``).
- ``inputs``: the input files and their SHA-256, from ``frame.attrs["facts"]["inputs"]``
  (a list of ``{"path", "sha256"}``). The store records the files each wave was loaded from
  (:mod:`coalitions.graph.waves`), and every table read from a wave carries them
  (:meth:`coalitions.graph.store.Store.wave_facts`). ``path`` is then the **file name only**:
  tables get shared (a CSV beside a paper, a LaTeX table in it), and the folder a file was
  loaded from may name a user's home folder; the name and the checksum identify the file.
  (The store keeps the path as given, for the store's user: ``Store.wave_inputs``.) :data:`NOT_RECORDED` — said, not guessed — for a wave loaded before
  the store recorded its files, or loaded from Python without them, and for a table that
  records no wave.
- ``versions``: coalitions, Python and the libraries that compute the numbers.

Kept apart from :mod:`coalitions.output` so that the HTML report
(:func:`coalitions.viz.report.provenance`) lists versions the same way.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import platform
import shlex
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = ["LIBRARIES", "NOT_RECORDED", "command_line", "inputs_of", "table_provenance",
           "versions"]

NOT_RECORDED = "not recorded"
# (label, distribution name): what computes or stores the numbers of a table.
LIBRARIES: tuple[tuple[str, str], ...] = (
    ("coalitions", "coalitions"), ("pandas", "pandas"), ("numpy", "numpy"),
    ("igraph", "igraph"), ("networkx", "networkx"), ("ladybug", "ladybug"), ("neo4j", "neo4j"))


def versions(libraries: Iterable[tuple[str, str]] = LIBRARIES) -> dict[str, str]:
    """Python's version and each library's installed version (``"not installed"`` if absent),
    as :func:`importlib.metadata.version` reports it."""
    found = {"python": platform.python_version()}
    for label, dist in libraries:
        names = (dist, "python-igraph") if dist == "igraph" else (dist,)
        for name in names:
            try:
                found[label] = importlib.metadata.version(name)
                break
            except importlib.metadata.PackageNotFoundError:
                found[label] = "not installed"
    return found


def command_line(command: str, arguments: Sequence[Any] = (),
                 options: Sequence[tuple[str, Any]] = ()) -> str:
    """``coalitions COMMAND ARG… --option value…`` as a shell would read it back.

    ``options`` are ``(flag, value)`` pairs: ``True`` writes the bare flag, ``None`` and
    ``False`` leave the option out, a list repeats it. Each word is quoted with
    :func:`shlex.quote`, so a value holding spaces or quotes reruns as the same value.
    """
    words = ["coalitions", *command.split()]
    words += [str(a) for a in arguments if a is not None]
    for flag, value in options:
        if value is None or value is False:
            continue
        if value is True:
            words.append(flag)
            continue
        for item in value if isinstance(value, list | tuple) else [value]:
            words += [flag, str(getattr(item, "value", item))]
    return shlex.join(words)


def inputs_of(facts: Mapping[str, Any]) -> list[dict[str, str]] | str:
    """The input files a table records (``facts["inputs"]``: ``{"path", "sha256"}`` each, or
    ``(path, sha256)`` pairs; or a sentence saying where they are), else
    :data:`NOT_RECORDED`.

    The store fills ``frame.attrs["facts"]["inputs"]`` with the files of the wave a table
    was computed on (:meth:`coalitions.graph.store.Store.wave_facts`), and every output
    lists them.
    """
    given = facts.get("inputs")
    if not given:
        return NOT_RECORDED
    if isinstance(given, str):  # a sentence saying where they are (the waves table)
        return given
    rows = []
    for item in given:
        if isinstance(item, Mapping):
            rows.append({"path": str(item.get("path")), "sha256": str(item.get("sha256"))})
        else:
            path, digest = item
            rows.append({"path": str(path), "sha256": str(digest)})
    return rows


def table_provenance(facts: Mapping[str, Any] | None = None,
                     run: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The record above: ``run`` gives ``command`` and ``seed`` (from the command line),
    ``facts`` (a frame's ``attrs["facts"]``) the wave and the inputs."""
    facts = facts or {}
    run = run or {}
    record: dict[str, Any] = {}
    if run.get("command"):
        record["command"] = run["command"]
    record["generated"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if run.get("seed") is not None:
        record["seed"] = run["seed"]
    for key in ("wave", "from_wave", "to_wave"):  # (the last two: a comparison of waves)
        if facts.get(key) is not None:
            record[key] = facts[key]
    record["inputs"] = inputs_of(facts)
    record["versions"] = versions()
    return record
