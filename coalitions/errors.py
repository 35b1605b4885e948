"""Errors a user can cause, and how they are reported.

Every exception the CLI turns into a one-line message derives from
:class:`CoalitionsError`; anything else is a bug and keeps its traceback.

::

    CoalitionsError
    ├── InputError          one or more problems in the files handed to the tool
    │                       (carries every :class:`Problem` found, with sheet/row/column)
    ├── StoreError          the store cannot be opened, is in use, or refused an operation
    │   ├── StoreInUseError     another process holds the embedded store
    │   ├── ServerError         Neo4j unreachable or refused the credentials
    │   └── ReadOnlyError       a write was attempted on a read-only connection
    ├── QueryError          a Cypher query failed (syntax, unknown named query, bad parameter)
    ├── OutputError         an output file cannot be written (folder given, name too long,
    │                       no permission, disk full); any previous file is left as it was
    └── UsageError          options that do not fit together, an unknown scope value, …
"""

from __future__ import annotations

from dataclasses import dataclass

from coalitions.i18n import _, translate

__all__ = [
    "CoalitionsError",
    "InputError",
    "OutputError",
    "Problem",
    "QueryError",
    "ReadOnlyError",
    "ServerError",
    "StoreError",
    "StoreInUseError",
    "UsageError",
]


class CoalitionsError(Exception):
    """Base class: a problem the user can fix. ``hint`` says what to try next."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        # Written in English where raised; shown in the user's language (coalitions.i18n).
        message = translate(self.message)
        return message if not self.hint else f"{message}\n  {_('Hint')}: {translate(self.hint)}"


@dataclass(frozen=True)
class Problem:
    """One problem in the input, located as a spreadsheet user would find it.

    ``row`` counts as Excel and LibreOffice do: the header is row 1, the first data row is
    row 2. ``None`` means the problem concerns the whole file, sheet or column.
    """

    file: str
    sheet: str | None
    row: int | None
    column: str | None
    message: str
    level: str = "error"  # "error" stops a load; "warning" is reported and loading goes on

    def location(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(f"{_('sheet')} {self.sheet}")
        if self.row is not None:
            parts.append(f"{_('row')} {self.row}")
        if self.column:
            parts.append(f"{_('column')} {self.column}")
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.location()}: {translate(self.message)}"


# An input wrong in every row would otherwise print a million lines.
MAX_SHOWN = 100


class InputError(CoalitionsError):
    """The input has problems; ``problems`` lists every one of them (errors and warnings)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(self._text())

    def _text(self) -> str:
        errors = [p for p in self.problems if p.level == "error"]
        n = len(errors)
        head = _("{n} problem in the input; nothing was written" if n == 1 else
                 "{n} problems in the input; nothing was written", n=n)
        lines = [f"  {p}" for p in errors[:MAX_SHOWN]]
        if n > MAX_SHOWN:
            lines.append("  " + _("… and {n} more (`coalitions validate --format csv` "
                                  "lists them all)", n=n - MAX_SHOWN))
        return head + "\n" + "\n".join(lines)

    def __str__(self) -> str:
        # Built again when shown, so the language is the one chosen by then.
        return self._text()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]


class StoreError(CoalitionsError):
    """The store cannot be opened or refused an operation."""


class StoreInUseError(StoreError):
    """Another process has the embedded store open for writing."""


class ServerError(StoreError):
    """The Neo4j server is unreachable or refused the connection."""


class ReadOnlyError(StoreError):
    """A write was attempted on a connection opened read-only."""


class QueryError(CoalitionsError):
    """A Cypher query failed or a named query/parameter is unknown."""


class OutputError(CoalitionsError):
    """An output file cannot be written; the previous file, if any, is unchanged."""


class UsageError(CoalitionsError):
    """Options that do not fit together or an unknown value for a scope option."""
