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
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console

from coalitions.errors import CoalitionsError, InputError, UsageError
from coalitions.formats import Format
from coalitions.i18n import _ as tr
from coalitions.terminal import safe_text

if TYPE_CHECKING:
    import pandas as pd

# pandas and the rest of the analysis stack are imported by the commands that use them, so
# that `coalitions --help` and usage errors answer at once (about 1 s of imports otherwise).

app = typer.Typer(
    name="coalitions",
    help="Coalitions of actors in cities as a property graph: load inventories, find pivot "
         "figures and brokers, draw offline network maps, query in Cypher.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
# No emoji codes: ":x:" in a coalition's name is text, not ❌ (see coalitions.terminal).
out = Console(highlight=False, soft_wrap=True, emoji=False)
if not out.is_terminal:
    # Piped or redirected tables would be folded to 80 columns; a file can be wider.
    out = Console(highlight=False, soft_wrap=True, emoji=False, width=160)
err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)

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

_global: dict[str, Any] = {"store": None, "neo4j": None, "wave": None, "inputs": None}


def _handle(fn: F) -> F:
    """Turn the package's errors into one clean message and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            for p in exc.problems:
                if p.level == "warning":
                    _say(f"{tr('warning')}: {p}")
            _say(f"{tr('Error')}: {exc}")
            raise typer.Exit(1) from None
        except CoalitionsError as exc:
            _say(f"{tr('Error')}: {exc}")
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def _say(message: object) -> None:
    """A message on stderr. Messages carry names, paths and cell values from the data: they
    are printed as plain text (no rich markup, no emoji codes) with their control characters
    shown, not acted on (:func:`coalitions.terminal.safe_text`)."""
    err.print(safe_text(message), markup=False, emoji=False, highlight=False)


def _open(store: Path | None, neo4j: str | None, *, read_only: bool = False,
          must_exist: bool = False, graph_reads_only: bool = False):
    from coalitions.graph.store import open_store
    from coalitions.i18n import translate

    return open_store(store or _global["store"], neo4j=neo4j or _global["neo4j"],
                      read_only=read_only, must_exist=must_exist,
                      graph_reads_only=graph_reads_only,
                      note=lambda message: err.print(translate(message), markup=False))


def _print(frame: pd.DataFrame, fmt: Format, title: str | None = None,
           table_columns: list[str] | None = None) -> None:
    """Print a table. On the terminal only ``table_columns`` are shown (the rest is one
    ``--format csv|json`` away); scripts get every column."""
    from coalitions.output import render

    if _global.get("wave") is not None and "wave" not in frame.attrs.get("facts", {}):
        # Every output names the wave it was computed on.
        frame.attrs["facts"] = {**frame.attrs.get("facts", {}), "wave": _global["wave"]}
    facts = frame.attrs.get("facts", {})
    if _global.get("inputs") and "inputs" not in facts and facts.get("wave") == _global["wave"]:
        # ... and the files that wave was loaded from (Store.wave_facts).
        frame.attrs["facts"] = {**facts, "inputs": _global["inputs"]}
    if fmt is Format.table and table_columns:
        frame = frame[[c for c in table_columns if c in frame.columns]]
    text = render(frame, fmt, title=title, console=out, run=_run())
    if text is not None:
        if sys.stdout.isatty():
            # CSV keeps the data as it is for the programs that read it; a person reading
            # it on the terminal gets escape sequences shown, not run. (JSON and Markdown
            # are safe to print already.)
            text = safe_text(text)
        sys.stdout.write(text + "\n")


def _run() -> dict[str, Any]:
    """How this table is being made, for its provenance: the command line rebuilt from the
    options the command received (defaults included; a Neo4j URI without its credentials)
    and the random seed, if the command has one."""
    try:  # typer 0.2x carries its own copy of click; older ones use click itself
        from typer._click.globals import get_current_context
    except ImportError:
        from click import get_current_context

    from coalitions.provenance import command_line

    ctx = get_current_context(silent=True)
    if ctx is None:
        return {}
    arguments: list[Any] = []
    options: list[tuple[str, Any]] = []
    for level in (ctx.parent, ctx):
        for param in level.command.params if level is not None else ():
            value = level.params.get(param.name)
            if param.name == "neo4j" and value:
                from urllib.parse import urlsplit, urlunsplit

                parts = urlsplit(value)  # user:password@ stays out of every output
                value = urlunsplit((parts.scheme, parts.hostname or "", parts.path, "", ""))
            if param.param_type_name == "argument":
                arguments += value if isinstance(value, list | tuple) else [value]
            elif getattr(param, "is_flag", False) and param.secondary_opts and value is False:
                options.append((max(param.secondary_opts, key=len), True))
            else:
                options.append((max(param.opts, key=len), value))
    return {"command": command_line(ctx.info_name or "", arguments, options),
            "seed": ctx.params.get("seed")}


def _warnings(problems: list) -> None:
    from coalitions.i18n import translate

    for p in problems:
        _say(f"{tr('warning')}: {translate(str(p))}")


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

            self.bar = Progress(TextColumn("{task.description}", style="bold", markup=False),
                                BarColumn(),
                                TextColumn("{task.completed:,}/{task.total:,}"),
                                TimeElapsedColumn(), console=err, transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        self.bar.update(self.task, description=safe_text(f"{self.label}: {desc}"),
                        completed=done, total=total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _force_bar() -> bool:
    import os

    return os.environ.get("COALITIONS_PROGRESS") == "1"


def _choose_language(ctx: typer.Context, value: str | None) -> str | None:
    """``--lang``: read before anything else (it is eager), so that ``--help`` after it is
    in that language too."""
    from coalitions.i18n import set_command_language, set_language, translate_help

    set_command_language(value)
    if value is not None:
        try:
            set_language(value)
        except CoalitionsError as exc:
            _say(f"{tr('Error')}: {exc}")
            raise typer.Exit(1) from None
        translate_help(ctx.command)
    return value


LangGlobalOpt = Annotated[str | None, typer.Option(
    "--lang", help="Language of what you read: en or nl (default: COALITIONS_LANG, else the "
    "locale).", is_eager=True, callback=_choose_language, show_default=False)]


@app.callback()
def _main(ctx: typer.Context, store: StoreOpt = None, neo4j: Neo4jOpt = None,
          lang: LangGlobalOpt = None) -> None:
    """Coalitions of actors in cities as a property graph."""
    from coalitions.i18n import set_language

    _global["store"] = store
    _global["neo4j"] = neo4j
    _global["wave"] = None  # (set by the command that reads a wave; see _print)
    set_language(lang)
    # Back to the environment's language afterwards, for a caller that goes on in Python.
    ctx.call_on_close(lambda: set_language(None))
    _global["inputs"] = None  # (its input files, when the store recorded them)


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
    import pandas as pd

    from coalitions.loaders import load_inputs

    try:
        result = load_inputs(paths, encoding=encoding)
    except InputError as exc:
        if fmt is Format.table:
            raise
        # scripts get every problem as rows
        rows = pd.DataFrame([{"file": p.file, "sheet": p.sheet, "row": p.row,
                              "column": p.column, "level": p.level, "message": p.message}
                             for p in exc.problems])
        _print(rows, fmt)
        raise typer.Exit(1) from None
    _warnings(result.warnings)
    d = result.data
    summary = pd.DataFrame([
        {"table": "coalitions", "rows": len(d.coalitions)},
        {"table": "actors", "rows": len(d.actors)},
        {"table": "memberships", "rows": len(d.memberships)},
        {"table": "ties", "rows": len(d.ties)},
    ])
    _print(summary, fmt, title=tr("Input is valid"))


@app.command()
@_handle
def load(paths: PathsArg, encoding: EncodingOpt = None,
         replace: Annotated[bool, typer.Option("--replace", help="Empty the wave first (the "
                                               "other waves stay).")] = False,
         wave: Annotated[str | None, typer.Option("--wave", help="Load as this inventory "
                                                  "wave, e.g. 2026 (default: wave 1). Each "
                                                  "wave is a complete snapshot; commands read "
                                                  "the latest unless --wave says otherwise.",
                                                  show_default=False)] = None,
         store: StoreOpt = None, neo4j: Neo4jOpt = None, fmt: FormatOpt = Format.table) -> None:
    """Validate input files and load them into the store as one inventory wave (idempotent,
    all or nothing)."""
    import pandas as pd

    from coalitions.graph.waves import check_wave
    from coalitions.loaders import load_inputs

    result = load_inputs(paths, encoding=encoding)
    _warnings(result.warnings)
    progress = _LazyProgress(tr("loading"))
    try:
        with _open(store, neo4j) as st:
            summary = st.load(result.data, wave=wave, replace=replace, progress=progress,
                              inputs=result.inputs())
            where = tr("{engine} store {location}", engine=st.engine, location=st.location)
            _global["inputs"] = st.wave_facts(check_wave(wave)).get("inputs")
    finally:
        progress.close()
    _global["wave"] = check_wave(wave)
    where = tr("wave {wave} of the {where}", wave=_global["wave"], where=where)
    _print(pd.DataFrame(summary.rows()), fmt,
           title=tr("Loaded into {where}" if summary.changed else "Nothing changed in {where}",
                    where=where))


@app.command()
@_handle
def stats(wave: WaveOpt = None, store: StoreOpt = None, neo4j: Neo4jOpt = None,
          fmt: FormatOpt = Format.table) -> None:
    """Nodes per label and relationships per type in one wave (default: the latest), in a
    stable order."""
    with _open(store, neo4j, graph_reads_only=True) as st:
        frame = st.stats(wave)
    _print(frame, fmt)


@app.command()
@_handle
def waves(store: StoreOpt = None, neo4j: Neo4jOpt = None, fmt: FormatOpt = Format.table) -> None:
    """The inventory waves in the store, in the order they were first loaded, with the files
    each was loaded from; commands read the latest unless --wave says otherwise."""
    from coalitions.graph.waves import short_checksums

    with _open(store, neo4j, graph_reads_only=True) as st:
        frame = st.waves()
    _print(short_checksums(frame) if fmt is Format.table else frame, fmt, title=tr("Waves"))



@app.command()
@_handle
def query(
    cypher: Annotated[str | None, typer.Argument(help="A Cypher query.", show_default=False)] = None,
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", help="Query parameter name=value, repeatable. The value is text; "
        "name:TYPE=value gives it a type: int, float, bool, json or str (-p k:int=2, "
        "-p ids:json='[\"a\", \"b\"]').")] = None,
    write: Annotated[bool, typer.Option("--write", help="Allow the query to change the "
                                        "store, or files and extensions outside it (read-only "
                                        "otherwise).")] = False,
    name: Annotated[str | None, typer.Option("--name", help="Run a named query "
                                             "(see --list).")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
    store: StoreOpt = None, neo4j: Neo4jOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """Run Cypher on the store: read-only unless --write is given."""
    from coalitions.queries import parse_params

    params = parse_params(param)
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
    _say(tr("Wrote {path}", path=out_path))


@app.command()
@_handle
def demo(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the maps and reports.")] = Path("coalitions-demo"),
    store: StoreOpt = None, neo4j: Neo4jOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """Load the bundled sample's two waves, print the top pivot actors per city and what
    changed between the waves, write maps and reports."""
    from rich.text import Text

    from coalitions.demo import run_demo
    from coalitions.fileio import make_folder

    make_folder(out_dir)  # a bad --out is refused before the store is opened or made
    # The demo goes to the embedded store unless --neo4j says otherwise: an exported
    # NEO4J_URI should not fill a shared server with the sample.
    embedded = None if (neo4j or _global["neo4j"]) else Path(_where(store, None))
    with _open(embedded, neo4j) as st:
        with err.status(tr("demo")) as status:
            result = run_demo(st, out_dir,
                              step=lambda m: status.update(Text(safe_text(f"demo: {m}"))))
        where = tr("{engine} store {location}", engine=st.engine, location=st.location)
    _print(result.pivots, fmt, title=tr("Top pivot actors per city (betweenness on the city's "
                                        "actor network)"))
    if fmt is Format.table:
        _print(result.change_summary, fmt, title=tr("What changed from wave 1 to wave 2 "
                                                    "(coalitions changes --from 1)"))
    for note in result.notes:
        _say(note)
    _say(tr("Sample loaded into {where}; {n} pages written to {out}/ (open {index})",
            where=where, n=len(result.files), out=out_dir, index=out_dir / "index.html"))


# --- analysis -------------------------------------------------------------------------------

CityOpt = Annotated[str | None, typer.Option("--city", help="Only this city.", rich_help_panel="Scope")]
CoalitionOpt = Annotated[str | None, typer.Option("--coalition", help="Only this coalition (id or name).",
                                                  rich_help_panel="Scope")]
ThemeOpt = Annotated[str | None, typer.Option("--theme", help="Only coalitions with this sub-theme or "
                                              "theme cluster.", rich_help_panel="Scope")]
SectorOpt = Annotated[str | None, typer.Option("--sector", help="Only actors of this sector.",
                                               rich_help_panel="Scope")]
SinceOpt = Annotated[int | None, typer.Option("--since", help="Only coalitions founded in or after "
                                              "this year.", rich_help_panel="Scope")]
UntilOpt = Annotated[int | None, typer.Option("--until", help="Only coalitions founded in or before "
                                              "this year.", rich_help_panel="Scope")]
TopOpt = Annotated[int | None, typer.Option("--top", "-n", help="Show only the first N rows.")]
DirectedOpt = Annotated[bool | None, typer.Option(
    "--directed/--undirected",
    help="How brokerage reads the ties: --directed every tie source → target, --undirected "
         "every tie both ways. Default: as recorded (symmetric types such as works_with "
         "undirected, directional ones such as funds directed, or the ties sheet's directed "
         "column).")]
WaveOpt = Annotated[str | None, typer.Option("--wave", help="The inventory wave to read "
                                             "(default: the latest; see `coalitions waves`).",
                                             show_default=False)]


def _scoped(store, neo4j, city, coalition, theme, sector, since, until, *,
            with_salt: bool = False, wave: str | None = None):
    """Read one wave of the graph (``--wave``, default the latest) from the store and cut
    it to the scope options. ``with_salt`` also returns the store's pseudonym salt (made on
    first use, which needs write access). The wave read is remembered for :func:`_print`,
    which names it under every table."""
    from coalitions.graph.scope import Scope

    scope = Scope(city=city, coalition=coalition, theme=theme, sector=sector, since=since,
                  until=until)
    salt = None
    with _open(store, neo4j, must_exist=True, graph_reads_only=not with_salt) as st:
        _global["wave"] = st.resolve_wave(wave)
        _global["inputs"] = st.wave_facts(_global["wave"]).get("inputs")
        data = st.read_graph(_global["wave"])
        if with_salt:
            from coalitions.pseudonyms import store_salt

            salt = store_salt(st)
    if data.is_empty():
        raise UsageError("The store is empty.", hint="Load data first: coalitions load FILE "
                         "(or coalitions demo).")
    if with_salt:
        return scope.apply(data), scope, salt
    return scope.apply(data), scope


def _note(text: str | None) -> None:
    from coalitions.i18n import translate

    if text:
        _say(translate(text))


def _head(frame: pd.DataFrame, top: int | None) -> pd.DataFrame:
    return frame.head(top) if top else frame


MEASURES = ("degree", "strength", "betweenness", "closeness", "eigenvector", "pagerank",
            "coreness", "coalitions")


@app.command()
@_handle
def pivots(
    top: TopOpt = 20,
    by: Annotated[str, typer.Option("--by", help="Rank by this measure: " + ", ".join(MEASURES))] = "betweenness",
    two_mode: Annotated[bool, typer.Option("--two-mode", help="Compute on the actor × coalition "
                                           "network (Borgatti & Everett 1997 normalisations); "
                                           "rows for actors and coalitions.")] = False,
    per_coalition: Annotated[bool, typer.Option("--per-coalition", help="Per coalition: the "
                                                "structural pivot beside the declared pivot, "
                                                "with explanations.")] = False,
    seed: Annotated[int, typer.Option("--seed", help="Seed for sampled betweenness on large "
                                      "networks.")] = 42,
    exact_seconds: Annotated[float | None, typer.Option(
        "--exact-seconds", help="Betweenness and closeness exact when predicted to take under "
        "this many seconds, else estimated with intervals (default 60; 0 always estimates, a "
        "large number always computes exactly).")] = None,
    budget_seconds: Annotated[float | None, typer.Option(
        "--budget-seconds", help="Time budget of the estimate: it stops adding sources after "
        "about this many seconds, or earlier when the top 20 are within 10 % (default 60).")
    ] = None,
    city: CityOpt = None, coalition: CoalitionOpt = None, theme: ThemeOpt = None,
    sector: SectorOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    wave: WaveOpt = None, store: StoreOpt = None, neo4j: Neo4jOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """Pivot figures: centrality of every actor, ranked (default: betweenness)."""
    if by not in MEASURES:
        raise UsageError(f"Cannot rank by {by!r}.", hint="Use one of: " + ", ".join(MEASURES))
    timing = {k: v for k, v in (("exact_seconds", exact_seconds),
                                ("budget_seconds", budget_seconds)) if v is not None}
    if two_mode and timing:
        raise UsageError("--exact-seconds and --budget-seconds apply to the actor network.",
                         hint="--two-mode uses its own fixed sample above 3,000 nodes; leave "
                              "them out, or leave out --two-mode.")
    from coalitions.analysis.centrality import actor_measures
    from coalitions.analysis.definitions import rank
    from coalitions.analysis.pivots import coalition_pivots
    from coalitions.analysis.twomode import two_mode_measures

    data, _ = _scoped(store, neo4j, city, coalition, theme, sector, since, until, wave=wave)
    if per_coalition:
        frame = coalition_pivots(data, seed=seed, **timing)
        _print(_head(frame, top), fmt, title=tr("Structural vs declared pivot per coalition"),
               table_columns=["name", "city", "structural_pivot_names",
                              "declared_pivot_names", "mismatch", "structural_explanation"])
        return
    frame = (two_mode_measures(data, seed=seed) if two_mode
             else actor_measures(data, seed=seed, **timing))
    frame = rank(frame, by)
    _print(_head(frame, top), fmt, title=tr("Pivot figures by {by}", by=by),
           table_columns=["name", "mode", "sector", "city", "coalitions", by, *(
               m for m in ("betweenness", "degree", "closeness", "eigenvector", "coreness")
               if m != by)])
    if "definitions" not in frame.attrs:
        _note(frame.attrs.get("betweenness_method"))


LangOpt = Annotated[str | None, typer.Option("--lang", help="Language of the definitions: en or "
                                             "nl (default: the global --lang).",
                                             show_default=False)]


@app.command()
@_handle
def explain(
    measure: Annotated[str | None, typer.Argument(help="One measure (default: all).")] = None,
    lang: LangOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """What each measure means: the network it runs on, its normalisation, its reference and
    what happens on large networks, in plain words (English, or Dutch with --lang nl)."""
    from coalitions.analysis.definitions import explain as definitions
    from coalitions.i18n import language, set_language

    if lang is None:
        lang = language()
    elif lang in ("en", "nl"):
        set_language(lang)  # the title and headers follow the definitions' language
    if lang not in ("en", "nl"):
        raise UsageError(f"No language {lang!r}.", hint="Use --lang en or --lang nl.")
    _print(definitions(measure, lang=lang), fmt,
           title="Definitions" if lang == "en" else "Definities")


@app.command()
@_handle
def embeddedness(
    coalitions: Annotated[bool, typer.Option("--coalitions", help="Per coalition: overlap, "
                                             "government presence, members active elsewhere.")] = False,
    top: TopOpt = None,
    by: Annotated[str | None, typer.Option("--by", help="Rank by this measure, highest first "
                                           "(default: coreness; with --coalitions: overlap).",
                                           show_default=False)] = None,
    city: CityOpt = None, coalition: CoalitionOpt = None, theme: ThemeOpt = None,
    sector: SectorOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    wave: WaveOpt = None, store: StoreOpt = None, neo4j: Neo4jOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """How embedded actors are: coreness, Burt's constraint and effective size, clustering,
    sector diversity of the ego network (or, with --coalitions, how embedded coalitions are)."""
    from coalitions.analysis.definitions import rank
    from coalitions.analysis.embeddedness import actor_embeddedness, coalition_embeddedness

    data, _ = _scoped(store, neo4j, city, coalition, theme, sector, since, until, wave=wave)
    frame = coalition_embeddedness(data) if coalitions else actor_embeddedness(data)
    frame = rank(frame, by or ("overlap" if coalitions else "coreness"))
    _print(_head(frame, top), fmt)


@app.command()
@_handle
def brokers(
    group_by: Annotated[str, typer.Option("--group-by", help="Groups: sector, city, kind or "
                                          "function.")] = "sector",
    top: TopOpt = 20,
    city: CityOpt = None, coalition: CoalitionOpt = None, theme: ThemeOpt = None,
    sector: SectorOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    directed: DirectedOpt = None,
    wave: WaveOpt = None, store: StoreOpt = None, neo4j: Neo4jOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """Gould & Fernandez (1989) brokerage roles per actor, with z-scores as R's sna reports
    and the share of each actor's two-paths it brokers (normalised)."""
    from coalitions.analysis.brokerage import actor_brokerage

    data, _ = _scoped(store, neo4j, city, coalition, theme, sector, since, until, wave=wave)
    frame = actor_brokerage(data, group_by=group_by, directed=directed)
    _print(_head(frame, top), fmt, title=tr("Brokers between groups of {group_by}", group_by=group_by),
           table_columns=["name", "group", "coordinator", "itinerant", "representative",
                          "gatekeeper", "liaison", "total", "normalised", "z_total"])
    _note(frame.attrs.get("network"))


@app.command()
@_handle
def communities(
    members: Annotated[bool, typer.Option("--members", help="List every actor's community "
                                          "instead of the summary.")] = False,
    resolution: Annotated[float, typer.Option("--resolution", help="Leiden resolution.")] = 1.0,
    seed: Annotated[int, typer.Option("--seed", help="Random seed (results are reproducible).")] = 42,
    city: CityOpt = None, coalition: CoalitionOpt = None, theme: ThemeOpt = None,
    sector: SectorOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    wave: WaveOpt = None, store: StoreOpt = None, neo4j: Neo4jOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """Leiden communities of the actor network (seeded), with modularity."""
    from coalitions.analysis.communities import communities as leiden_communities

    data, _ = _scoped(store, neo4j, city, coalition, theme, sector, since, until, wave=wave)
    membership, summary = leiden_communities(data, resolution=resolution, seed=seed)
    _print(membership if members else summary, fmt, title=tr("Communities (Leiden)"))
    attrs = summary.attrs
    if "modularity" in attrs:
        _note(tr("modularity {modularity}; resolution {resolution}; seed {seed}",
                 modularity=f"{attrs['modularity']:.4f}", resolution=resolution, seed=seed))


@app.command()
@_handle
def clusters(
    by: Annotated[str, typer.Option("--by", help="theme, role, actors (the study's three "
                                    "clusterings) or data (data-driven).")] = "theme",
    k: Annotated[int | None, typer.Option("--k", help="Number of clusters for --by data "
                                          "(default: best silhouette for k in 2..min(8, n÷3)).")] = None,
    city: CityOpt = None, coalition: CoalitionOpt = None, theme: ThemeOpt = None,
    sector: SectorOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    wave: WaveOpt = None, store: StoreOpt = None, neo4j: Neo4jOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """The study's clusterings of coalitions (theme, role, actor composition) as count tables."""
    from coalitions.analysis.clusters import cluster_table, data_clusters

    data, _ = _scoped(store, neo4j, city, coalition, theme, sector, since, until, wave=wave)
    if by == "data":
        assignments, info = data_clusters(data, k=k)
        _print(assignments, fmt, title=tr("Data-driven clusters of coalitions"))
        # Each value on its own: a value (k_chosen_by) may itself hold "; ".
        from coalitions.i18n import translate

        _say("; ".join(f"{tr(key)}: {translate(str(value))}" for key, value in info.items()
                       if not isinstance(value, list | dict)))
        return
    if by not in ("theme", "role", "actors"):
        raise UsageError(f"Cannot cluster by {by!r}.", hint="Use theme, role, actors or data.")
    table = cluster_table(data, by=by)
    _warnings(table.attrs.get("warnings", []))
    _print(table, fmt, title=tr("Coalitions by {by}", by=by))


@app.command()
@_handle
def shortlist(
    n: Annotated[int, typer.Argument(help="How many cases to propose.")] = 5,
    city: CityOpt = None, theme: ThemeOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    wave: WaveOpt = None, store: StoreOpt = None, neo4j: Neo4jOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """Propose N case studies that together cover the variation over the three clusterings."""
    from coalitions.analysis.clusters import shortlist as propose

    data, _ = _scoped(store, neo4j, city, None, theme, None, since, until, wave=wave)
    _print(propose(data, n), fmt, title=tr("{n} proposed cases", n=n),
           table_columns=["rank", "name", "city", "composition", "why"])


@app.command()
@_handle
def cities(
    city: CityOpt = None, theme: ThemeOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    directed: DirectedOpt = None,
    wave: WaveOpt = None, store: StoreOpt = None, neo4j: Neo4jOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """Per city: coalitions, government involvement, officials and politicians in between."""
    from coalitions.analysis.cities import city_profiles

    data, _ = _scoped(store, neo4j, city, None, theme, None, since, until, wave=wave)
    profiles = city_profiles(data, directed=directed)
    _warnings(profiles.attrs.get("warnings", []))
    _print(profiles, fmt, title=tr("City profiles"))


@app.command()
@_handle
def case(
    name: Annotated[str, typer.Argument(help="Coalition id or name.")],
    wave: WaveOpt = None, store: StoreOpt = None, neo4j: Neo4jOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """The analysis table of one coalition."""
    import pandas as pd

    from coalitions.analysis.cities import case_table

    data, _ = _scoped(store, neo4j, None, None, None, None, None, None, wave=wave)
    table = case_table(data, name)
    _warnings(table.get("warnings", []))
    if fmt is Format.json:
        from coalitions.output import to_json
        from coalitions.provenance import inputs_of

        sys.stdout.write(to_json({"wave": _global["wave"], "inputs": inputs_of(_global),
                                  **table}) + "\n")
        return
    info = table["coalition"]
    facts = [{"field": k, "value": v} for k, v in info.items()]
    for key in ("member_density", "member_centralisation", "rank", "n_city_coalitions"):
        if key in table:
            facts.append({"field": key, "value": table[key]})
    for key, value in table.get("government", {}).items():
        facts.append({"field": f"government.{key}", "value": value})
    for key, value in table.get("pivots", {}).items():
        facts.append({"field": f"pivots.{key}", "value": value})
    _print(pd.DataFrame(facts), fmt, title=f"{info.get('name')} ({info.get('city')})")
    for key in ("by_sector", "members", "position"):
        if isinstance(table.get(key), pd.DataFrame):
            _print(table[key], fmt, title=tr(key.replace("_", " ")))


@app.command()
@_handle
def compare(
    by: Annotated[str, typer.Option("--by", help="Typology axis: government, theme, role "
                                    "(primary), roles (all), composition, relation, origin or "
                                    "status; several joined by commas cross them "
                                    "(relation,theme).")] = "government",
    per_city: Annotated[bool, typer.Option("--per-city", help="Count the coalitions of each "
                                           "type per city, with their share of the city's "
                                           "coalitions, instead of the grid.")] = False,
    city: CityOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    wave: WaveOpt = None, store: StoreOpt = None, neo4j: Neo4jOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """The study's follow-up grid: per type of coalition, the role of city actors, government
    presence and the relations between actors; or, with --per-city, the counts and shares of
    each type per city."""
    from coalitions.analysis.cities import compare as grid
    from coalitions.analysis.cities import typology

    data, _ = _scoped(store, neo4j, city, None, None, None, since, until, wave=wave)
    if per_city:
        frame = typology(data, by=by)
        _print(frame, fmt, title=tr("Coalitions per city by {by}", by=frame.attrs["by"]))
        return
    frame = grid(data, by=by)
    _warnings(frame.attrs.get("warnings", []))
    _print(frame, fmt, title=tr("Coalitions compared by {by}", by=frame.attrs['by']))


@app.command()
@_handle
def analyse(
    seed: Annotated[int, typer.Option("--seed", help="Seed for sampled measures and Leiden.")] = 42,
    directed: DirectedOpt = None,
    wave: WaveOpt = None,
    store: StoreOpt = None, neo4j: Neo4jOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """Compute the measures on one wave of the graph (default: the latest) and write them to
    its nodes as properties (degree, betweenness, …, constraint, community), to query them in
    Cypher."""
    from coalitions.analysis.stored import write_measures

    with _open(store, neo4j, must_exist=True) as st, err.status(tr("analysing")):
        _global["wave"] = st.resolve_wave(wave)
        _global["inputs"] = st.wave_facts(_global["wave"]).get("inputs")
        frame = write_measures(st, seed=seed, directed=directed, wave=_global["wave"])
    _print(frame, fmt, title=tr("Measures written to the store"))


@app.command()
@_handle
def changes(
    from_wave: Annotated[str, typer.Option("--from", help="The earlier wave.")],
    to_wave: Annotated[str | None, typer.Option("--to", help="The later wave (default: the "
                                                "latest).", show_default=False)] = None,
    top: Annotated[int | None, typer.Option("--top", "-n", help="Show only the first N actors "
                                            "who rose or fell.")] = 20,
    seed: Annotated[int, typer.Option("--seed", help="Seed for sampled betweenness on large "
                                      "networks.")] = 42,
    store: StoreOpt = None, neo4j: Neo4jOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """What changed between two waves: coalitions founded and stopped, members who joined
    and left, role and pivot changes, actors who rose or fell, how each city's measures
    moved."""
    from coalitions.analysis.changes import TABLES
    from coalitions.analysis.changes import changes as compare_waves

    with _open(store, neo4j, must_exist=True, graph_reads_only=True) as st:
        a = st.resolve_wave(from_wave)
        b = st.resolve_wave(to_wave)
        if b is None:
            raise UsageError("The store is empty.", hint="Load two waves first.")
        before, after = st.read_graph(a), st.read_graph(b)
        recorded = {w: st.wave_facts(w).get("inputs") for w in (a, b)}
    tables = compare_waves(before, after, from_wave=a, to_wave=b, seed=seed)
    tables["actors"] = _head(tables["actors"], top)
    if all(recorded.values()):
        # The files of both waves, each named with its wave (provenance lists them).
        both = [{"path": f"wave {w}: {i['path']}", "sha256": i["sha256"]}
                for w in (a, b) for i in recorded[w]]
        for frame in tables.values():
            frame.attrs["facts"] = {**frame.attrs.get("facts", {}), "inputs": both}
    if fmt is Format.json:
        import json

        from coalitions.analysis.definitions import provenance
        from coalitions.output import to_records
        from coalitions.provenance import NOT_RECORDED

        body = {"from_wave": a, "to_wave": b,
                "inputs": {w: recorded[w] or NOT_RECORDED for w in (a, b)},
                **{name: {"metadata": provenance(tables[name]),
                          "rows": to_records(tables[name])} for name in TABLES}}
        sys.stdout.write(json.dumps(body, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    for name in TABLES:
        _print(tables[name], fmt, title=tr("{table} (wave {a} → {b})",
                                           table=tr(name.replace("_", " ")), a=a, b=b))


# --- maps, reports, exports -------------------------------------------------------------------

PseudoOpt = Annotated[bool, typer.Option("--pseudonymise", help="Replace person names by stable "
                                         "pseudonyms (the same person gets the same one in every "
                                         "output of this store).")]


@app.command("map")
@_handle
def map_(
    out_file: Annotated[Path, typer.Option("--out", help="File to write: .html for the "
                                           "interactive map; .svg, .png (300 dpi) or .pdf "
                                           "for a static figure.")],
    city: CityOpt = None, coalition: CoalitionOpt = None,
    region: Annotated[bool, typer.Option("--region", help="The whole region (every city).")] = False,
    theme: ThemeOpt = None, sector: SectorOpt = None, since: SinceOpt = None,
    until: UntilOpt = None,
    size_by: Annotated[str, typer.Option("--size-by", help="Measure that sizes actors.")] = "betweenness",
    color_by: Annotated[str, typer.Option("--color-by", help="sector, community or theme.")] = "sector",
    max_nodes: Annotated[int, typer.Option("--max-nodes", help="Above this many nodes, show a "
                                           "reduced view and say what was left out.")] = 2500,
    pseudonymise: PseudoOpt = False,
    timeline: Annotated[bool, typer.Option("--timeline", help="Every wave in one page: the "
                                           "union laid out once, a control to show one wave "
                                           "at a time, what is new and what left marked.")] = False,
    wave: WaveOpt = None, store: StoreOpt = None, neo4j: Neo4jOpt = None,
) -> None:
    """An interactive, offline network map (one HTML file) of a city, a coalition or the region."""
    from coalitions.i18n import language
    from coalitions.pseudonyms import pseudonymiser
    from coalitions.viz.maps import render_map
    from coalitions.viz.static import FIGURE_FORMATS, network_figure, write_network_figure

    if not (city or coalition or region):
        raise UsageError("Say what to draw: --city NAME, --coalition ID or --region.")
    if timeline:
        return _timeline_map(out_file, city, coalition, theme, sector, since, until, size_by,
                             color_by, max_nodes, pseudonymise, wave, store, neo4j)
    got = _scoped(store, neo4j, city, None, theme, sector, since, until,
                  with_salt=pseudonymise, wave=wave)
    data, measures, size_context = got[0], None, None
    if coalition:
        from coalitions.graph.scope import Scope
        from coalitions.viz.maps import context_measures

        # Inside one coalition betweenness is 0 for everyone: size by the city's network.
        wide, data = data, Scope(coalition=coalition).apply(data)
        measures, size_context = context_measures(wide, data)
    names = pseudonymiser(got[2]) if pseudonymise else False
    title = (tr("Coalition {coalition}", coalition=coalition) if coalition
             else tr("Coalitions in {city}", city=city) if city
             else tr("Coalitions in the region"))
    if coalition:
        title = f"{data.coalitions['name'].iloc[0]} ({data.coalitions['city'].iloc[0]})"
    title += tr(" · wave {wave}", wave=_global["wave"])  # (every output names its wave)
    if out_file.suffix.lower() in FIGURE_FORMATS:
        if color_by != "sector":
            raise UsageError("A static figure is coloured by sector.",
                             hint="Leave out --color-by, or write .html for other colourings.")
        with err.status(tr("drawing")):
            drawn = network_figure(data, title=title, size_by=size_by, max_nodes=max_nodes,
                                   pseudonymise=names, measures=measures)
            path = write_network_figure(drawn, out_file)
        _say(tr("Wrote {path}: {nodes} nodes, {edges} edges, {labels} labels ({unlabelled} "
                "left out where they would overlap).", path=path, nodes=drawn.n_nodes,
                edges=drawn.n_edges, labels=len(drawn.labels),
                unlabelled=len(drawn.unlabelled)))
        _note(drawn.note)
        return
    if out_file.suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"Cannot write a map as {out_file.suffix or 'a file without suffix'}.",
                         hint="Name the file .html (interactive) or .svg, .png, .pdf (static).")
    with err.status(tr("drawing")):
        info = render_map(data, out_file, title=title, size_by=size_by, color_by=color_by,
                          max_nodes=max_nodes, pseudonymise=names,
                          salt=got[2] if pseudonymise else None, measures=measures,
                          size_context=size_context, lang=language())
    _say(tr("Wrote {path}: {nodes} nodes, {edges} edges.", path=info.path, nodes=info.n_nodes,
            edges=info.n_edges))
    if info.reduced:
        _say(info.note)


def _timeline_map(out_file, city, coalition, theme, sector, since, until, size_by, color_by,
                  max_nodes, pseudonymise, wave, store, neo4j) -> None:
    """``map --timeline``: every wave in one page (coalitions.viz.timeline)."""
    from coalitions.graph.scope import Scope
    from coalitions.i18n import language
    from coalitions.pseudonyms import pseudonymiser
    from coalitions.viz.timeline import (
        check_timeline_out,
        coalition_label,
        read_waves,
        render_timeline,
    )

    if wave is not None:
        raise UsageError("--timeline shows every wave; --wave picks one.",
                         hint="Leave out --wave, or leave out --timeline to draw that wave.")
    check_timeline_out(out_file)
    scope = Scope(city=city, theme=theme, sector=sector, since=since, until=until)
    with _open(store, neo4j, must_exist=True, graph_reads_only=not pseudonymise) as st:
        waves = read_waves(st, scope)
        if pseudonymise:
            from coalitions.pseudonyms import store_salt

            salt = store_salt(st)
    title = (coalition_label(waves, coalition) if coalition
             else tr("Coalitions in {city}", city=city) if city
             else tr("Coalitions in the region"))
    with err.status(tr("drawing")):
        info = render_timeline(waves, out_file, title=title, coalition=coalition,
                               size_by=size_by, color_by=color_by, max_nodes=max_nodes,
                               pseudonymise=pseudonymiser(salt) if pseudonymise else False,
                               salt=salt if pseudonymise else None, lang=language())
    _say(tr("Wrote {path}: waves {waves}; {nodes} nodes, {edges} edges over all waves.",
            path=info.path, waves=", ".join(info.waves), nodes=info.n_nodes,
            edges=info.n_edges))
    if info.reduced:
        _say(info.note)


@app.command()
@_handle
def figure(
    kind: Annotated[str, typer.Argument(help="cities (the city profiles side by side) or ego "
                                        "(one actor's coalitions, co-members and ties).")],
    out_file: Annotated[Path, typer.Option("--out", help="Figure to write: .svg, .png "
                                           "(300 dpi) or .pdf.")],
    actor: Annotated[str | None, typer.Option("--actor", help="For ego: the actor's id or "
                                              "name.")] = None,
    size_by: Annotated[str, typer.Option("--size-by", help="For ego: measure that sizes "
                                         "actors.")] = "betweenness",
    pseudonymise: PseudoOpt = False,
    directed: DirectedOpt = None,
    city: CityOpt = None, theme: ThemeOpt = None, since: SinceOpt = None,
    until: UntilOpt = None,
    wave: WaveOpt = None, store: StoreOpt = None, neo4j: Neo4jOpt = None,
) -> None:
    """A static figure for a paper where a table is harder to read: the city profiles side
    by side, or the ego network of one actor (a pivot, a broker)."""
    from coalitions.viz.static import (
        city_profiles_figure,
        ego_network_figure,
        write_network_figure,
    )

    if kind not in ("cities", "ego"):
        raise UsageError(f"No figure called {kind!r}.", hint="Use cities or ego.")
    if kind == "ego" and not actor:
        raise UsageError("Say whose ego network to draw: --actor ID.")
    got = _scoped(store, neo4j, city, None, theme, None, since, until, with_salt=pseudonymise,
                  wave=wave)
    data = got[0]
    with err.status(tr("drawing")):
        if kind == "cities":
            from coalitions.analysis.cities import city_profiles

            profiles = city_profiles(data, directed=directed)
            profiles.attrs.setdefault("facts", {})["wave"] = _global["wave"]
            drawn = city_profiles_figure(profiles)
        else:
            from coalitions.pseudonyms import pseudonymiser

            drawn = ego_network_figure(data, actor or "", size_by=size_by,
                                       pseudonymise=pseudonymiser(got[2]) if pseudonymise
                                       else False, wave=_global["wave"])
        path = write_network_figure(drawn, out_file)
    _say(tr("Wrote {path}", path=path))


@app.command()
@_handle
def report(
    city: Annotated[str, typer.Option("--city", help="The city to report on.")],
    out_file: Annotated[Path, typer.Option("--out", help="File to write: .html (one "
                                           "self-contained page) or .pdf (A4 pages).")],
    size_by: Annotated[str, typer.Option("--size-by", help="Measure that sizes actors.")] = "betweenness",
    pseudonymise: PseudoOpt = False,
    directed: DirectedOpt = None,
    wave: WaveOpt = None, store: StoreOpt = None, neo4j: Neo4jOpt = None,
) -> None:
    """One self-contained HTML report for a city (or a PDF): profile, pivots, brokers,
    clusterings, map, figures, definitions and provenance."""
    from coalitions.i18n import language
    from coalitions.viz.report import render_report
    from coalitions.viz.report_pdf import render_report_pdf

    suffix = out_file.suffix.lower()
    if suffix not in (".html", ".htm", ".pdf"):
        raise UsageError(f"Cannot write a report as {suffix or 'a file without suffix'}.",
                         hint="Name the file .html or .pdf (a figure alone: coalitions map "
                              "--out NAME.svg|png|pdf).")

    got = _scoped(store, neo4j, None, None, None, None, None, None, with_salt=pseudonymise,
                  wave=wave)
    data = got[0]
    if pseudonymise:
        from coalitions.pseudonyms import pseudonymise as hide

        data = hide(data, got[2])
    params = {"command": "report", "city": city, "wave": _global["wave"], "size_by": size_by,
              "pseudonymise": pseudonymise, "store": _where(store, neo4j)}
    if directed is not None:
        params["ties"] = "directed" if directed else "undirected"
    write = render_report_pdf if suffix == ".pdf" else render_report
    with err.status(tr("writing the report")):
        path = write(data, city, out_file, params=params, size_by=size_by, directed=directed,
                     inputs=[(i["path"], i["sha256"]) for i in _global["inputs"] or ()],
                     lang=language())
    _say(tr("Wrote {path}", path=path))


def _where(store, neo4j) -> str:
    import os

    from coalitions.graph.store import DEFAULT_STORE

    if neo4j or _global["neo4j"]:
        from coalitions.graph.neo4j_store import _public_uri

        return _public_uri(neo4j or _global["neo4j"])
    return str(store or _global["store"] or os.environ.get("COALITIONS_STORE") or DEFAULT_STORE)


@app.command()
@_handle
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="gexf (Gephi), graphml (visone, yEd), "
                                     "pajek, dl (UCINET) or csv (a folder with nodes.csv and "
                                     "edges.csv).")],
    out_path: Annotated[Path, typer.Option("--out", help="File (or folder for csv) to write.")],
    projection: Annotated[str | None, typer.Option("--projection", help="actors or coalitions: "
                                                   "a weighted one-mode network instead of the "
                                                   "two-mode one.")] = None,
    measures: Annotated[bool, typer.Option("--measures/--no-measures", help="Add the actors' "
                                           "centrality measures as node attributes.")] = True,
    pseudonymise: PseudoOpt = False,
    layout: Annotated[bool | None, typer.Option("--layout/--no-layout", help="Add the maps' "
                                                "node coordinates (GEXF viz:position, "
                                                "GraphML/CSV x and y, Pajek 0..1); by default "
                                                "for networks of up to 5,000 nodes.")] = None,
    timeline: Annotated[bool, typer.Option("--timeline", help="Every wave in one dynamic GEXF "
                                           "file: nodes and edges carry the waves they exist "
                                           "in as spells, which Gephi's timeline plays.")] = False,
    city: CityOpt = None, coalition: CoalitionOpt = None, theme: ThemeOpt = None,
    sector: SectorOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    wave: WaveOpt = None, store: StoreOpt = None, neo4j: Neo4jOpt = None,
) -> None:
    """Export the network for Gephi, visone/yEd, Pajek, UCINET or pandas (one wave, or with
    --timeline every wave in one dynamic GEXF)."""
    from coalitions.export import export as write

    if fmt not in ("gexf", "graphml", "pajek", "dl", "csv"):
        raise UsageError(f"Unknown export format {fmt!r}.",
                         hint="Use gexf, graphml, pajek, dl or csv.")
    if projection not in (None, "actors", "coalitions"):
        raise UsageError(f"Unknown projection {projection!r}.", hint="Use actors or coalitions.")
    if timeline:
        if fmt != "gexf" or wave is not None:
            raise UsageError("--timeline writes every wave as a dynamic GEXF file.",
                             hint="Use it with --format gexf and without --wave.")
        from coalitions.graph.scope import Scope
        from coalitions.timeline import write_timeline_gexf

        scope = Scope(city=city, coalition=coalition, theme=theme, sector=sector, since=since,
                      until=until)
        with _open(store, neo4j, must_exist=True) as st:
            listed = st.waves()
            waves = [(w, int(n), st.read_graph(w)) for w, n in
                     zip(listed["wave"], listed["number"], strict=True)]
            salt = None
            if pseudonymise:
                from coalitions.pseudonyms import store_salt

                salt = store_salt(st)
        if not waves:
            raise UsageError("The store is empty.", hint="Load data first: coalitions load FILE.")
        waves = [(w, n, scope.apply(d)) for w, n, d in waves]
        tables = None
        if measures and projection != "coalitions":
            from coalitions.analysis.centrality import actor_measures

            tables = [actor_measures(d) if len(d.actors) else None for _, _, d in waves]
        path = write_timeline_gexf(waves, out_path, projection=projection, measures=tables,
                                   pseudonymise=pseudonymise, salt=salt)
        _say(tr("Wrote {path}: waves {waves} as times {times}", path=path,
                waves=", ".join(w for w, _, _ in waves),
                times=", ".join(str(n) for _, n, _ in waves)))
        return
    got = _scoped(store, neo4j, city, coalition, theme, sector, since, until,
                  with_salt=pseudonymise, wave=wave)
    data = got[0]
    table = None
    if measures and projection != "coalitions" and len(data.actors):
        from coalitions.analysis.centrality import actor_measures

        table = actor_measures(data)
    path = write(data, fmt, out_path, projection=projection, measures=table,
                 pseudonymise=pseudonymise, salt=got[2] if pseudonymise else None,
                 layout=layout, on_warning=lambda message: _say(tr("warning: {message}",
                                                                   message=message)))
    _say(tr("Wrote {path}", path=path))


def main() -> None:
    import logging

    # The driver logs each dropped connection it retries past; the CLI reports the outcome.
    logging.getLogger("neo4j").setLevel(logging.CRITICAL)
    from coalitions._startup import (
        defer_numpy_tools,
        igraph_without_plotting_when_imported,
        spare_exit_collections,
    )

    igraph_without_plotting_when_imported()
    defer_numpy_tools()
    try:
        from coalitions.i18n import language, translate_help

        if language() == "nl":
            # COALITIONS_LANG or the locale: the help is Dutch before --lang is read (typer
            # builds it from the English strings; see coalitions.i18n.translate_help).
            command = typer.main.get_command(app)
            translate_help(command)
            command(prog_name="coalitions")
        else:
            app()
    finally:
        spare_exit_collections()


if __name__ == "__main__":
    main()
