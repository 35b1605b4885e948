"""The `coalitions` command: a thin typer layer over the library.

Each command parses options, calls the library and prints. Errors a user can cause arrive as
:class:`coalitions.errors.CoalitionsError` and are printed as one message with exit code 1.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import pandas as pd
import typer
from rich.console import Console

from coalitions.errors import CoalitionsError, InputError, UsageError
from coalitions.output import Format, render

app = typer.Typer(
    name="coalitions",
    help="Coalitions of actors in cities as a property graph: load inventories, find pivot "
         "figures and brokers, draw offline network maps, query in Cypher.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])

StoreOpt = Annotated[
    Path | None,
    typer.Option("--store", help="Embedded store path (default ./coalitions.db; env "
                 "COALITIONS_STORE).", show_default=False),
]
Neo4jOpt = Annotated[
    str | None,
    typer.Option("--neo4j", help="Use the Neo4j server at this URI (credentials from "
                 "NEO4J_USERNAME / NEO4J_PASSWORD; database NEO4J_DATABASE). NEO4J_URI set "
                 "in the environment has the same effect unless --store is given.",
                 show_default=False),
]
FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]

_global: dict[str, Any] = {"store": None, "neo4j": None}


def _handle(fn: F) -> F:
    """Turn the package's errors into one clean message and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            for p in exc.problems:
                if p.level == "warning":
                    err.print(f"warning: {p}", markup=False)
            err.print(f"Error: {exc}", markup=False)
            raise typer.Exit(1) from None
        except CoalitionsError as exc:
            err.print(f"Error: {exc}", markup=False)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def _open(store: Path | None, neo4j: str | None, *, read_only: bool = False,
          must_exist: bool = False):
    from coalitions.graph.store import open_store

    return open_store(store or _global["store"], neo4j=neo4j or _global["neo4j"],
                      read_only=read_only, must_exist=must_exist)


def _print(frame: pd.DataFrame, fmt: Format, title: str | None = None) -> None:
    text = render(frame, fmt, title=title, console=out)
    if text is not None:
        sys.stdout.write(text + "\n")


def _warnings(problems: list) -> None:
    for p in problems:
        err.print(f"warning: {p}", markup=False)


class _LazyProgress:
    """A progress bar that appears only when the work takes longer than a second."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.start = time.monotonic()
        self.bar = None
        self.task = None

    def __call__(self, desc: str, done: int, total: int) -> None:
        if self.bar is None:
            if time.monotonic() - self.start < 1.0 or not err.is_terminal and not _force_bar():
                return
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(),
                                TextColumn("{task.completed:,}/{task.total:,}"),
                                TimeElapsedColumn(), console=err, transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        self.bar.update(self.task, description=f"{self.label}: {desc}", completed=done,
                        total=total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _force_bar() -> bool:
    import os

    return os.environ.get("COALITIONS_PROGRESS") == "1"


@app.callback()
def _main(store: StoreOpt = None, neo4j: Neo4jOpt = None) -> None:
    """Coalitions of actors in cities as a property graph."""
    _global["store"] = store
    _global["neo4j"] = neo4j


# --- foundation ---------------------------------------------------------------------------

PathsArg = Annotated[list[Path], typer.Argument(help="Workbook (.xlsx), folder of CSVs, or CSV files.",
                                                show_default=False)]
EncodingOpt = Annotated[str | None, typer.Option("--encoding", help="Text encoding of CSV files "
                                                 "(default: detect; e.g. cp1252).")]


@app.command()
@_handle
def validate(paths: PathsArg, encoding: EncodingOpt = None,
             fmt: FormatOpt = Format.table) -> None:
    """Check input files and report every problem; writes nothing."""
    from coalitions.loaders import load_inputs

    result = load_inputs(paths, encoding=encoding)
    _warnings(result.warnings)
    d = result.data
    summary = pd.DataFrame([
        {"table": "coalitions", "rows": len(d.coalitions)},
        {"table": "actors", "rows": len(d.actors)},
        {"table": "memberships", "rows": len(d.memberships)},
        {"table": "ties", "rows": len(d.ties)},
    ])
    _print(summary, fmt, title="Input is valid")


@app.command()
@_handle
def load(paths: PathsArg, encoding: EncodingOpt = None,
         replace: Annotated[bool, typer.Option("--replace", help="Empty the store first.")] = False,
         store: StoreOpt = None, neo4j: Neo4jOpt = None, fmt: FormatOpt = Format.table) -> None:
    """Validate input files and load them into the store (idempotent, all or nothing)."""
    from coalitions.loaders import load_inputs

    result = load_inputs(paths, encoding=encoding)
    _warnings(result.warnings)
    progress = _LazyProgress("loading")
    try:
        with _open(store, neo4j) as st:
            summary = st.load(result.data, replace=replace, progress=progress)
            where = f"{st.engine} store {st.location}"
    finally:
        progress.close()
    _print(pd.DataFrame(summary.rows()), fmt,
           title=f"Loaded into {where}" if summary.changed else f"Nothing changed in {where}")


@app.command()
@_handle
def stats(store: StoreOpt = None, neo4j: Neo4jOpt = None, fmt: FormatOpt = Format.table) -> None:
    """Nodes per label and relationships per type, in a stable order."""
    with _open(store, neo4j, read_only=True) as st:
        frame = st.stats()
    _print(frame, fmt)


def _parse_params(items: list[str] | None) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for item in items or []:
        if "=" not in item:
            raise UsageError(f"--param {item!r} is not of the form name=value.")
        k, v = item.split("=", 1)
        params[k.strip()] = _typed(v)
    return params


def _typed(v: str) -> Any:
    for cast in (int, float):
        try:
            return cast(v)
        except ValueError:
            pass
    if v.lower() in ("true", "false"):
        return v.lower() == "true"
    return v


@app.command()
@_handle
def query(
    cypher: Annotated[str | None, typer.Argument(help="A Cypher query.", show_default=False)] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="Query parameter "
                                                      "name=value (repeatable).")] = None,
    write: Annotated[bool, typer.Option("--write", help="Allow the query to change the "
                                        "store (read-only otherwise, enforced by the engine).")] = False,
    name: Annotated[str | None, typer.Option("--name", help="Run a named query "
                                             "(see --list).")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
    store: StoreOpt = None, neo4j: Neo4jOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """Run Cypher on the store: read-only unless --write is given."""
    params = _parse_params(param)
    if list_ or name:
        from coalitions.queries import list_queries, named_query

        if list_:
            _print(list_queries(), fmt)
            return
        with _open(store, neo4j, read_only=not write, must_exist=True) as st:
            frame = named_query(st, name, params)
        _print(frame, fmt)
        return
    if not cypher:
        raise UsageError("Give a Cypher query, or --name NAME, or --list.")
    with _open(store, neo4j, read_only=not write, must_exist=True) as st:
        frame = st.query(cypher, params, write=write)
    _print(frame, fmt)


@app.command()
@_handle
def template(out_path: Annotated[Path, typer.Option("--out", help="Where to write the "
                                                     "workbook (.xlsx).")] = Path("coalitions-template.xlsx")) -> None:
    """Write the blank workbook a city fills in (Dutch headers, drop-down lists, an example row)."""
    from coalitions.loaders import write_template

    write_template(out_path)
    err.print(f"Wrote {out_path}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
