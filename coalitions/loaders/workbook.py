"""The public entry: input files in, a checked :class:`~coalitions.graph.model.GraphData` out.

:func:`load_inputs` reads workbooks, CSV files and folders of CSVs (:mod:`.readers`), turns
the template's free text into values (:mod:`.parse`) and checks everything
(:mod:`.validate`). It either returns the whole graph with its warnings, or raises one
:class:`~coalitions.errors.InputError` that lists every problem found, so that nothing is
ever written from an input with errors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from coalitions.errors import InputError, Problem
from coalitions.graph.model import GraphData
from coalitions.loaders.readers import SourceFile, read_inputs
from coalitions.loaders.validate import build_graph

__all__ = ["LoadResult", "SourceFile", "load_inputs"]


@dataclass
class LoadResult:
    """A loaded input: the graph, the warnings met, and the files read (with their hashes)."""

    data: GraphData
    warnings: list[Problem] = field(default_factory=list)
    sources: list[SourceFile] = field(default_factory=list)

    def inputs(self) -> list[dict[str, Any]]:
        """The files read, as the store records them on the wave they are loaded into
        (:mod:`coalitions.graph.waves`): ``path`` (as given), ``name`` (the file name),
        ``size`` (bytes), ``sha256`` (of the bytes read), ``kind`` (xlsx|csv) and ``sheets``
        (``table``, ``sheet`` — None for a CSV file — and the ``rows`` read)."""
        return [{"path": s.path, "name": Path(s.path).name, "size": s.size,
                 "sha256": s.sha256, "kind": s.kind,
                 "sheets": [{"table": t, "sheet": sh, "rows": n} for t, sh, n in s.rows]}
                for s in self.sources]


def load_inputs(paths: Sequence[str | Path], encoding: str | None = None) -> LoadResult:
    """Read and check coalition inventories and actor networks.

    Parameters
    ----------
    paths
        ``.xlsx`` workbooks (sheets ``coalitions``, ``actors``, ``memberships``, ``ties``,
        or their Dutch names), CSV files (a file named after a table holds that table; any
        other name holds coalitions) and folders of such CSV files. Tables of the same kind
        from several paths are combined. Any table may be absent.
    encoding
        Text encoding of the CSV files. By default UTF-8 (with or without BOM) is tried and
        other encodings are detected; pass this when detection is unsure.

    Returns
    -------
    LoadResult
        ``data`` (every table in :data:`~coalitions.graph.model.COLUMNS` layout),
        ``warnings`` (unknown themes, free text that could not be read, ignored columns) and
        ``sources`` (path, SHA-256 and kind of each file read).

    Raises
    ------
    InputError
        When the input has at least one error. ``problems`` lists every error and warning,
        each with file, sheet, row (header = row 1) and column.
    """
    tables, sources, problems = read_inputs(list(paths), encoding)
    data, found = build_graph(tables)
    problems.extend(found)
    if not tables and not any(p.level == "error" for p in problems):
        problems.append(Problem(", ".join(str(p) for p in paths), None, None, None,
                                "no coalitions, actors, memberships or ties table was found"))
    problems = _ordered(problems, [str(p) for p in paths])
    if any(p.level == "error" for p in problems):
        raise InputError(problems)
    counted: dict[str, list[tuple[str, str | None, int]]] = {}
    for t in tables:
        counted.setdefault(t.file, []).append((t.kind, t.sheet, len(t.frame)))
    sources = [replace(s, rows=tuple(counted.get(s.path, ()))) for s in sources]
    return LoadResult(data=data, warnings=problems, sources=sources)


def _ordered(problems: list[Problem], paths: list[str]) -> list[Problem]:
    """Problems by file and sheet (in the order met), then row; checks' order within a row."""
    places: dict[tuple[str, str | None], tuple[int, int]] = {}
    files: dict[str, int] = {}
    for p in problems:
        files.setdefault(p.file, len(files))
        places.setdefault((p.file, p.sheet), (files[p.file], len(places)))
    return sorted(problems, key=lambda p: (*places[(p.file, p.sheet)],
                                           -1 if p.row is None else p.row))
