"""Which LadybugDB statements a read-only query may run.

A read-only LadybugDB connection refuses writes to the store, and only those: without
``--write``, ``COPY (…) TO '/tmp/x.csv'`` still writes a file, ``INSTALL httpfs`` still
downloads an extension, and ``CHECKPOINT`` on a read-only connection leaves the store in a
state that refuses the next read-only open (ladybug 0.22.0). "Read-only" means that nothing
outside the store changes either, so a query without ``--write`` may run only statements
whose leading keyword is known to leave everything outside the store alone.

Why a check written by hand, on the text: LadybugDB has no setting that turns off COPY TO,
EXPORT or extensions (``CALL <setting> = …`` knows none of that kind), its Python package
exposes neither its parser nor whether a prepared statement writes, and no maintained
Python Cypher parser knows LadybugDB's own statements (COPY, INSTALL, ATTACH, CHECKPOINT…).
The check is small because the grammar makes it so: every LadybugDB statement begins with
one of a fixed set of keywords (the engine's parser lists them when it meets anything
else), and the ones that reach outside the store (COPY, EXPORT, IMPORT, INSTALL, FORCE
INSTALL, UNINSTALL, UPDATE, LOAD [EXTENSION], ATTACH, DETACH, USE, CHECKPOINT; and ANALYZE,
maintenance that the engine starts even on a read-only connection) are statements of their
own, never clauses inside a query. So the text is split into tokens the way the engine's
lexer does (``//`` and ``/* */`` comments, ``'…'`` and ``"…"`` strings with backslash
escapes, backquoted names), into statements at ``;``, and the first keyword of each
statement (after ``EXPLAIN``/``PROFILE``) must be one that stays within the store. A
keyword that is not known is refused too, so a statement that a later engine version adds
is not let through unseen.

Table functions (``CALL show_tables()``…) read the store or the session; none of ladybug
0.22.0's writes files, and extensions, which could add some, cannot be loaded without
``--write``. ``LOAD FROM 'file.csv'`` only reads, as Neo4j's ``LOAD CSV`` does in a READ
transaction, and stays allowed.
"""

from __future__ import annotations

import re

from coalitions.errors import UsageError

__all__ = ["refuse_outside_effects", "statement_heads"]

# Statements that stay within the store: reads, and writes that the engine itself refuses
# on a read-only connection ("Cannot execute write operations in a read-only database").
_WITHIN_STORE = frozenset({
    "MATCH", "OPTIONAL", "RETURN", "WITH", "UNWIND", "CALL",  # reading queries
    "BEGIN", "COMMIT", "ROLLBACK",  # transactions
    "CREATE", "MERGE", "SET", "DELETE", "DROP", "ALTER", "COMMENT",  # store writes
})

# What each statement that reaches outside the store does, for the message.
_OUTSIDE = {
    "COPY": "copies data between the store and files (COPY … TO writes a file)",
    "EXPORT": "writes the database to files",
    "IMPORT": "reads a database from files into the store",
    "INSTALL": "downloads and installs an extension",
    "FORCE": "downloads and installs an extension",
    "UNINSTALL": "removes an installed extension",
    "UPDATE": "downloads a new version of an extension",
    "LOAD": "loads an extension's code into the program",
    "ATTACH": "opens another database",
    "DETACH": "closes an attached database",
    "USE": "switches to an attached database",
    "CHECKPOINT": "writes the store's files (and on a read-only connection leaves the store "
                  "needing recovery)",
    "ANALYZE": "recomputes the store's statistics (maintenance, which the engine lets a "
               "read-only connection start)",
}

_TOKEN = re.compile(r"""
      (?P<comment> //[^\n]* | /\*.*?(?:\*/|\Z) )
    | (?P<string> '(?:\\.|[^'\\])*(?:'|\Z) | "(?:\\.|[^"\\])*(?:"|\Z) )
    | (?P<name> `(?:``|[^`])*(?:`|\Z) )
    | (?P<end> ; )
    | (?P<word> [A-Za-z_][A-Za-z0-9_]* )
    | (?P<other> \S )
""", re.VERBOSE | re.DOTALL)


def statement_heads(cypher: str) -> list[tuple[str, str | None]]:
    """The leading keyword of each statement in ``cypher`` (upper case), with the word that
    follows it, outside comments and strings. ``EXPLAIN``/``PROFILE`` in front are skipped;
    a statement that starts with no word at all gives ``("", None)`` (the engine rejects it).

    >>> statement_heads("/* x */ copy (MATCH (n) RETURN n) TO 'a;b.csv'; LOAD FROM 'f.csv'")
    [('COPY', None), ('LOAD', 'FROM')]
    """
    heads: list[tuple[str, str | None]] = []
    words: list[str | None] = []  # the current statement's first tokens (None: not a word)

    def close() -> None:
        while words and words[0] in ("EXPLAIN", "PROFILE"):
            words.pop(0)
        if words:
            heads.append((words[0] or "", words[1] if len(words) > 1 else None))
        words.clear()

    for m in _TOKEN.finditer(cypher):
        kind = m.lastgroup
        if kind == "comment":
            continue
        if kind == "end":
            close()
        elif len(words) < 3:  # (EXPLAIN, keyword, next word is all that is needed)
            words.append(m.group().upper() if kind == "word" else None)
    close()
    return heads


def refuse_outside_effects(cypher: str) -> None:
    """Raise :class:`~coalitions.errors.UsageError` if a statement of ``cypher`` would
    change anything outside the store, or run code from outside it, on LadybugDB (see the
    module docstring); return quietly otherwise.
    """
    for head, following in statement_heads(cypher):
        if head == "LOAD" and following in ("FROM", "WITH"):
            continue  # LOAD FROM / LOAD WITH HEADERS … FROM: reads a file
        if head in _WITHIN_STORE or head == "":
            continue
        what = "LOAD EXTENSION" if head == "LOAD" else "FORCE INSTALL" if head == "FORCE" else head
        reason = _OUTSIDE.get(head, "is not known to leave everything outside the store "
                                    "unchanged")
        raise UsageError(
            f"The query's {what} statement {reason}; without --write a query may only read "
            "the store.",
            hint="Run it again with --write if that is what you mean.")
