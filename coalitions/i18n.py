"""The language of what a person reads: English (the default) or Dutch.

Which language
    :func:`language` answers, in this order: the language set with :func:`set_language`
    (the CLI's global ``--lang``), the environment variable ``COALITIONS_LANG``, then the
    locale as POSIX orders it (``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``): a locale
    starting with ``nl`` (``nl_BE.UTF-8``, ``nl_NL``) means Dutch, anything else (``C``,
    ``en_GB``, unset) English.

How texts are translated
    A dictionary catalogue (:data:`coalitions.locale_nl.NL`) keyed by the English text, not
    Python's :mod:`gettext` with ``.po``/``.mo`` files. The reasons: the English text stays
    in the code where it is used, so English output is exactly what it was and a missing
    Dutch entry falls back to English instead of to a message id; there is no compiled
    ``.mo`` file to keep in step with a ``.po`` file (no build step, nothing to forget in a
    wheel); and a test can walk the catalogue as a plain dict (every key has a non-empty
    Dutch text with the same ``{placeholders}``). Two languages and a few hundred texts do
    not need gettext's plural rules or domains; where a text needs a plural it has a key per
    form.

    Two ways in:

    - :func:`_` (``_("City profiles")``, ``_("Pivot figures by {by}", by=by)``) for a text
      written in the code: looked up, then formatted.
    - :func:`translate` for a text that arrives already formatted (an error message raised
      deep in the library, a loader's problem text, a help string): an exact entry, or a
      *pattern* entry whose ``{placeholders}`` match any text. So ``"Cannot rank by {x}."``
      translates ``"Cannot rank by 'foo'."`` without touching the ``raise`` that wrote it;
      the values keep their wording (they are the user's data, codes or options).

Where the language is held
    One process-wide setting, as the locale itself is: the CLI sets it for one invocation
    and sets it back when the invocation ends. Library code that writes a page takes an
    explicit ``lang`` instead (``render_report(..., lang="nl")``), so a program can write
    both languages side by side.

What stays English
    Data and codes (sector codes such as ``city_government``, column keys of CSV and JSON,
    option names): scripts read them, and ``--lang`` must not change what they parse.
    Column *headers* shown to a person (terminal, Markdown, LaTeX) get Dutch display names
    (:func:`column_label`), and the sentences and category words the analyses write into a
    few columns (:data:`TEXT_COLUMNS`: pivot explanations, "with city government", yes/no)
    are translated on screen only (:func:`translate_cell`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

__all__ = ["LANGUAGES", "TEXT_COLUMNS", "_", "column_label", "language",
           "language_from_environment", "set_command_language", "set_language", "translate",
           "translate_cell", "translate_help", "translator"]

LANGUAGES = ("en", "nl")

_chosen: str | None = None
# The language the running command asked for, kept for click's usage errors, which are
# printed after the command's context (and its language) has closed.
_command_lang: str | None = None


def set_language(lang: str | None) -> None:
    """Use ``lang`` (``"en"`` or ``"nl"``) from now on; ``None`` goes back to the environment.

    Raises :class:`~coalitions.errors.UsageError` for another language.
    """
    global _chosen
    if lang is not None:
        lang = lang.strip().lower()
        if lang not in LANGUAGES:
            from coalitions.errors import UsageError

            raise UsageError(f"No language {lang!r}.", hint="Use --lang en or --lang nl.")
    _chosen = lang


def set_command_language(lang: str | None) -> None:
    """The language a CLI invocation chose (``--lang``), for messages printed after it ends."""
    global _command_lang
    _command_lang = lang


def language() -> str:
    """``"nl"`` or ``"en"``: the language set, else ``COALITIONS_LANG``, else the locale."""
    if _chosen:
        return _chosen
    return language_from_environment()


def language_from_environment(env: dict[str, str] | None = None) -> str:
    """The language ``COALITIONS_LANG`` or the locale (LC_ALL, LC_MESSAGES, LANG) asks for."""
    env = os.environ if env is None else env
    wanted = env.get("COALITIONS_LANG", "").strip().lower()
    if wanted in LANGUAGES:
        return wanted
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:  # the first one set decides, as in POSIX
            return "nl" if value.lower().startswith("nl") else "en"
    return "en"


def _resolve(lang: str | None) -> str:
    return language() if lang is None else lang


def _(text: str, lang: str | None = None, **fmt: Any) -> str:
    """``text`` (English, as written in the code) in the current language (or ``lang``),
    formatted with ``fmt`` when given."""
    if _resolve(lang) == "nl":
        from coalitions.locale_nl import NL

        text = NL.get(text, text)
    return text.format(**fmt) if fmt else text


def translator(lang: str | None = None) -> Callable[..., str]:
    """A ``_`` fixed to ``lang`` (for templates and renderers given a language)."""
    fixed = _resolve(lang)

    def gettext(text: str, **fmt: Any) -> str:
        return _(text, fixed, **fmt)

    gettext.lang = fixed  # type: ignore[attr-defined]  # (for callers that pass it on)
    return gettext


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """The catalogue's entries with placeholders, as regular expressions over the English."""
    from coalitions.locale_nl import NL

    out = []
    for en, nl in NL.items():
        if "{" not in en:
            continue
        parts = re.split(r"\{(\w+)(?:![rs])?\}", en)
        if len("".join(parts[::2]).strip()) < 9:
            # "{k} of {n}" or "row {row}" would match half the messages there are; such
            # entries are for _ only.
            continue
        regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)"
                        for i, p in enumerate(parts))
        try:
            out.append((re.compile(regex + r"\Z", re.S), nl))
        except re.error:  # the same placeholder twice: usable by _ only
            continue
    # Longer English first: the most specific pattern wins.
    out.sort(key=lambda item: -len(item[0].pattern))
    return out


_ROW = re.compile(r"row (\d+)(?: of (.+))?\Z", re.S)


def translate(message: str, lang: str | None = None) -> str:
    """A text written in English at run time, in the current language (or ``lang``).

    An exact catalogue entry, else a pattern entry (placeholders filled from the English),
    else each line on its own; a text the catalogue does not know stays English.
    """
    if _resolve(lang) != "nl" or not message:
        return message
    from coalitions.locale_nl import NL

    if message in NL:
        return NL[message]
    flat = " ".join(message.split())
    if flat in NL:
        return NL[flat]
    row = _ROW.match(message)
    if row:  # where a duplicate first appears: "row 2", "row 3 of actors.csv, sheet x"
        return f"rij {row[1]}" + (f" van {row[2].replace(', sheet ', ', blad ')}" if row[2] else "")
    for regex, nl in _patterns():
        m = regex.match(message)
        if m:
            # The values keep their wording, except the tool's own words ("a name",
            # "row 3 of actors.csv") that a message is built from.
            values = {k: translate(v, "nl") for k, v in m.groupdict().items()}
            return nl.format(**values)
    if "\n" in message:
        return "\n".join(translate(line, "nl") for line in message.split("\n"))
    # Loaders join several problems of one cell with "; ", explanations facts with "; "
    # and actors with " | ".
    for sep in (" | ", "; "):
        if sep in message:
            parts = message.split(sep)
            done = [translate(p, "nl") for p in parts]
            if done != parts:
                return sep.join(done)
    if ": " in message:
        # "Name: sits in 2 coalitions; …": a name (data) before the tool's sentence.
        head, tail = message.split(": ", 1)
        done = translate(tail, "nl")
        if done != tail:
            return f"{head}: {done}"
    return message


# Columns whose cells are sentences or category words the tool writes (not the user's
# data): a person reading them in Dutch gets them in Dutch (terminal, Markdown, report).
TEXT_COLUMNS = frozenset({"structural_explanation", "declared_explanation", "group", "type",
                          "role_kind", "mismatch", "with_government", "description"})


def translate_cell(column: str, value: Any, lang: str | None = None) -> Any:
    """A table cell as a person reads it in ``lang``: the tool's own sentences and words in
    :data:`TEXT_COLUMNS` translated, yes/no for booleans there; anything else unchanged."""
    if _resolve(lang) != "nl" or column not in TEXT_COLUMNS:
        return value
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "ja" if value else "nee"
    if isinstance(value, str):
        return translate(value, "nl")
    return value


def column_label(column: str, lang: str | None = None) -> str:
    """How a column is headed for a person: the key itself in English, a Dutch name in
    Dutch (a column's own entry, else the Dutch name of the measure it holds)."""
    if _resolve(lang) != "nl":
        return column
    from coalitions.locale_nl import COLUMNS

    if column in COLUMNS:
        return COLUMNS[column]
    from coalitions.analysis.definitions import DEFINITIONS

    d = DEFINITIONS.get(column)
    if d is not None and d.name_nl:
        return d.name_nl.lower() if d.name_nl[1:].islower() else d.name_nl
    return column


_TYPER_TITLES = {"ARGUMENTS_PANEL_TITLE": "Arguments", "OPTIONS_PANEL_TITLE": "Options",
                 "COMMANDS_PANEL_TITLE": "Commands", "ERRORS_PANEL_TITLE": "Error",
                 "DEFAULT_STRING": "[default: {}]", "ENVVAR_STRING": "[env var: {}]",
                 "REQUIRED_LONG_STRING": "[required]", "ABORTED_TEXT": "Aborted.",
                 "DEPRECATED_STRING": "(deprecated) ",
                 "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help."}


def translate_help(command: Any, lang: str | None = None) -> None:
    """Put a click command tree's help texts (commands, options, arguments, help panels) and
    typer's panel titles into ``lang``, in place.

    typer builds the help from the docstrings and ``help=`` strings when the app is turned
    into a click command, before any option is read; so the CLI translates the built tree
    (:func:`coalitions.cli.main` for ``COALITIONS_LANG``/the locale, the eager ``--lang``
    option for the command line) instead of the source strings.
    """
    lang = _resolve(lang)
    try:
        import typer.rich_utils as ru
    except ImportError:  # pragma: no cover - typer is a dependency
        ru = None
    if ru is not None:
        for attr, english in _TYPER_TITLES.items():
            setattr(ru, attr, _(english, lang))
    if lang != "nl":
        return
    if ru is not None and not getattr(ru.rich_format_error, "_translated", False):
        ru.rich_format_error = _format_error_in_language(ru.rich_format_error)
    if command is None:
        return
    stack = [command]
    while stack:
        cmd = stack.pop()
        for attr in ("help", "short_help"):
            if getattr(cmd, attr, None):
                setattr(cmd, attr, translate(" ".join(getattr(cmd, attr).split()), lang))
        for param in getattr(cmd, "params", ()):
            if getattr(param, "help", None):
                param.help = translate(" ".join(param.help.split()), lang)
            if getattr(param, "rich_help_panel", None):
                param.rich_help_panel = _(param.rich_help_panel, lang)
        if hasattr(cmd, "get_help_option") and "get_help_option" not in vars(cmd):
            cmd.get_help_option = _help_option_in(cmd.get_help_option, lang)
        stack.extend(getattr(cmd, "commands", {}).values())


def _format_error_in_language(show: Callable[[Any], None]) -> Callable[[Any], None]:
    """typer's printer of usage errors ("No such option: --x"), with the message in the
    language current when it is printed (click writes it in English)."""

    def rich_format_error(error: Any) -> None:
        english = error.format_message
        error.format_message = lambda: translate(english(), _command_lang)
        show(error)

    rich_format_error._translated = True  # type: ignore[attr-defined]
    return rich_format_error


def _help_option_in(make: Callable[[Any], Any], lang: str) -> Callable[[Any], Any]:
    """click makes the ``--help`` option when it is needed, with English help: translate it."""

    def get_help_option(ctx: Any) -> Any:
        option = make(ctx)
        if option is not None and option.help:
            option.help = _(option.help, lang)
        return option

    return get_help_option
