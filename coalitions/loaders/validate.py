"""Raw tables to :class:`~coalitions.graph.model.GraphData`, and every problem on the way.

:func:`build_graph` checks all four tables in one pass and returns the graph together with
all problems found, so that a user fixes a spreadsheet once, not once per problem. Each
problem names the file, sheet, row (header = row 1) and column as the user wrote it, and
says what was expected. Errors stop a load; warnings (unknown themes, free text that could
not be read) are reported and the value is left empty.

Defaults where a cell is empty: a coalition's id is ``city-name`` as a slug
(:func:`~coalitions.loaders.parse.coalition_id`); a membership's role is ``member``; a tie's
weight is 1. A coded ``sectors`` cell wins over the sectors read from the ``Actoren`` text, and
coded ``n_organisations``/``n_volunteers`` cells over the counts read from ``Omvang``.

The checks are column-wise pandas operations (``isin``, ``duplicated``, ``to_numeric``, maps
over the distinct values), so a million memberships validate in seconds; Python loops run
only over coalitions (free text) and over the rows that have a problem.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from numpy.dtypes import StringDType

from coalitions.errors import Problem
from coalitions.graph.model import (
    COLUMNS,
    QUALITATIVE_FIELDS,
    SYNONYMS,
    GraphData,
    allowed_values,
    canonical,
)
from coalitions.graph.tables import note_positions, positions
from coalitions.loaders import parse
from coalitions.loaders.readers import HEADERS, RawTable
from coalitions.loaders.taxonomy import (
    ROLES,
    THEMES,
    parse_directed,
    tie_type_directed,
)

__all__ = ["EARLIEST_YEAR", "REQUIRED", "build_graph", "vocabulary_hint"]

# Columns without which a table cannot be read at all (and whose cells must be filled).
REQUIRED: dict[str, tuple[str, ...]] = {
    "coalitions": ("name", "city"),
    "actors": ("id", "name", "kind"),
    "memberships": ("actor", "coalition"),
    "ties": ("source", "target"),
}
# Larger counts of organisations or volunteers are typing accidents (and overflow Int64).
MAX_COUNT = 10_000_000
# No coalition in the study predates the 19th century; an earlier year is a typing mistake.
EARLIEST_YEAR = 1800

_WORDS = {
    "name": "a name", "city": "a city", "id": "an id", "kind": "a kind", "actor": "an actor",
    "coalition": "a coalition", "source": "a source", "target": "a target",
}
_TABLE_SINGULAR = {"coalitions": "coalition", "actors": "actor", "memberships": "membership",
                   "ties": "tie"}


def vocabulary_hint(vocabulary: str) -> str:
    """The allowed values of a vocabulary and one Dutch word for each, for messages.

    >>> vocabulary_hint("kind")
    'organisation, person (Dutch: organisatie, persoon)'
    """
    allowed = allowed_values(vocabulary)
    dutch = []
    for value in allowed:
        for word, target in SYNONYMS[vocabulary].items():
            if target == value and word.replace(" ", "-") != value and word != value:
                dutch.append(word)
                break
    text = ", ".join(allowed)
    return f"{text} (Dutch: {', '.join(dutch)})" if dutch else text


def build_graph(tables: list[RawTable]) -> tuple[GraphData, list[Problem]]:
    """Check the raw tables and build the graph from them.

    Parameters
    ----------
    tables
        What :func:`~coalitions.loaders.readers.read_inputs` found; several tables of the
        same kind (one per file) are concatenated.

    Returns
    -------
    (GraphData, list of Problem)
        The graph (rows with errors are still present where they could be built; callers
        must not store it when any problem has ``level == "error"``) and every problem.
    """
    check = _Checker()
    coalitions = check.table("coalitions", tables)
    actors = check.table("actors", tables)
    memberships = check.table("memberships", tables)
    ties = check.table("ties", tables)
    # Actors are checked before coalitions so that Arrow can look the memberships' actor cells
    # up among the actor ids on the other core while Python checks the coalitions (its hash
    # lookup releases the GIL; at a million memberships it takes 0.3-0.5 s). The problems
    # keep their usual order: coalitions, actors, memberships, ties.
    problems, check.problems = check.problems, []
    actor_df = check.actors(actors)
    actor_problems, check.problems = check.problems, problems
    with ThreadPoolExecutor(max_workers=1) as pool:
        actor_codes = pool.submit(memberships.positions, "actor", actor_df["id"])
        coal_df = check.coalitions(coalitions)
        check.problems.extend(actor_problems)
        member_df, actor_pos, coalition_pos = check.memberships(
            memberships, coal_df, coalitions, actor_df, actor_codes.result())
    tie_df, source_pos, target_pos = check.ties(ties, actor_df)
    data = GraphData(coalitions=coal_df, actors=actor_df, memberships=member_df, ties=tie_df)
    # Where each membership's actor and coalition are, found once here and reused when the
    # graph is stored: looking a million ids up again costs about a second.
    note_positions(data, "memberships", "actor", "actors", "id", actor_pos)
    note_positions(data, "memberships", "coalition", "coalitions", "id", coalition_pos)
    note_positions(data, "ties", "source", "actors", "id", source_pos)
    note_positions(data, "ties", "target", "actors", "id", target_pos)
    return data, check.problems


# helpers


@dataclass
class _Table:
    """One kind of table, concatenated over the files that hold it."""

    kind: str
    frame: pd.DataFrame  # canonical columns (object), "_src" (index into sources), "_row"
    sources: list[RawTable]
    # pd.factorize of some columns (see RawTable.codes), filled in as they are asked for
    codes: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    arrow: dict[str, pa.Array] = field(default_factory=dict)  # see RawTable.arrow

    def factorized(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        """``pd.factorize`` of a column: codes (-1 for ``None``) and distinct values."""
        if column not in self.codes:
            self.codes[column] = pd.factorize(self.frame[column].to_numpy(dtype=object))
        return self.codes[column]

    def positions(self, column: str, pool: pd.Series) -> np.ndarray:
        """Where each cell of ``column`` is in ``pool`` (the last if it repeats), -1 if
        nowhere; looked up once per distinct cell where the reader counted them."""
        if column in self.codes:
            codes, uniques = self.codes[column]
            return np.append(positions(uniques, pool), -1)[codes]
        if column in self.arrow:
            return _arrow_positions(self.arrow[column], pool)
        return positions(self.frame[column], pool)

    def present(self, column: str) -> pd.Series:
        """Which rows have a value in ``column`` (the readers' flag: ``isna`` on a million
        strings is not free)."""
        return self.frame["?" + column]

    def header(self, src: int, column: str) -> str:
        return self.sources[src].headers.get(column, column)

    def where(self, src: int, row: int, here: int) -> str:
        """How to point a user at another row: ``row 3``, or with the file when it differs."""
        if src == here or (self.sources[src].file == self.sources[here].file
                           and self.sources[src].sheet == self.sources[here].sheet):
            return f"row {row}"
        other = self.sources[src]
        place = other.file + (f", sheet {other.sheet}" if other.sheet else "")
        return f"row {row} of {place}"


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.this_year = dt.date.today().year

    # --- reporting ---------------------------------------------------------------------

    def file_problem(self, raw: RawTable, column: str | None, message: str,
                     level: str = "error") -> None:
        self.problems.append(Problem(raw.file, raw.sheet, None, column, message, level))

    def report(self, table: _Table, mask: pd.Series, column: str,
               message: Callable[[dict], str] | str, level: str = "error") -> None:
        """One problem per row where ``mask`` holds; ``message`` may read the row."""
        mask = mask.fillna(False).astype(bool).to_numpy()
        if not mask.any():
            return
        bad = table.frame[mask].assign(_i=table.frame.index[mask])
        for row in bad.to_dict("records"):
            src = int(row["_src"])
            raw = table.sources[src]
            text = message(row) if callable(message) else message
            self.problems.append(Problem(raw.file, raw.sheet, int(row["_row"]),
                                         table.header(src, column), text, level))

    # --- assembling --------------------------------------------------------------------

    def table(self, kind: str, tables: list[RawTable]) -> _Table:
        usable: list[RawTable] = []
        for raw in tables:
            if raw.kind != kind:
                continue
            missing = [c for c in REQUIRED[kind] if c not in raw.headers]
            for column in missing:
                names = HEADERS[kind][column]
                self.file_problem(raw, column, "required column is missing; accepted headers: "
                                  + ", ".join(names[:2]))
            if not missing:
                usable.append(raw)
        # (assign, not copy and set: the readers' columns are shared, not copied)
        frames = [raw.frame.assign(_src=i) for i, raw in enumerate(usable)]
        flags = ["?" + c for c in HEADERS[kind]]
        columns = [*HEADERS[kind], *flags, "_src", "_row"]
        if len(frames) == 1:
            frame = frames[0]
        else:
            frame = (pd.concat(frames, ignore_index=True) if frames
                     else pd.DataFrame(columns=columns))
        for column in HEADERS[kind]:
            flag = "?" + column
            if column not in frame.columns:
                frame[column] = np.full(len(frame), None, dtype=object)
                frame[flag] = False
            elif any(column not in f.columns for f in frames):
                # A column absent from one file has no values there; concat leaves NaN.
                frame[flag] = frame[flag].fillna(False).astype(bool)
                values = frame[column].to_numpy(dtype=object, copy=True)
                values[~frame[flag].to_numpy()] = None
                # (an explicit object Series: pandas 3 would infer "str" and turn None to NaN)
                frame[column] = pd.Series(values, index=frame.index, dtype=object)
        frame = frame[columns]
        one = len(usable) == 1  # (the readers' extras describe one file's rows)
        table = _Table(kind, frame.reset_index(drop=True), usable,
                       dict(usable[0].codes) if one else {}, dict(usable[0].arrow) if one else {})
        self.required_cells(table)
        return table

    def required_cells(self, table: _Table) -> None:
        singular = _TABLE_SINGULAR[table.kind]
        for column in REQUIRED[table.kind]:
            self.report(table, ~table.present(column), column,
                        f"empty cell; every {singular} needs {_WORDS[column]}")

    def vocabulary(self, table: _Table, column: str, vocabulary: str,
                   lookup: Callable[[str], str | None] | None = None,
                   hint: str | None = None) -> pd.Series:
        values = table.frame[column]
        present = table.present(column)
        lookup = lookup or (lambda v: canonical(vocabulary, v))
        codes, uniques = table.factorized(column)
        mapped_uniques = np.array([lookup(v) for v in uniques] + [None], dtype=object)
        mapped = pd.Series(mapped_uniques[codes], index=values.index, dtype=object)
        unknown = present & pd.Series(pd.isna(mapped_uniques)[codes], index=values.index)
        allowed = hint or vocabulary_hint(vocabulary)
        self.report(table, unknown, column,
                    lambda r: f"unknown {vocabulary} {_q(r[column])}; allowed: {allowed}")
        return mapped

    def duplicates(self, table: _Table, keys: pd.DataFrame | pd.Series, column: str,
                   message: Callable[[pd.Series, str], str]) -> pd.Series:
        """Flag rows whose key was seen before; the message names the first row."""
        if isinstance(keys, pd.Series):  # (a Series' own methods skip the frame's grouping)
            complete, repeated = keys.notna(), keys.duplicated(keep="first")
            keys = keys.to_frame()
        else:
            complete, repeated = keys.notna().all(axis=1), keys.duplicated(keep="first")
        dup = repeated & complete
        if dup.any():
            first = ~repeated & complete
            key_cols = list(keys.columns)
            firsts = keys[first].assign(_fsrc=table.frame["_src"][first],
                                        _frow=table.frame["_row"][first])
            joined = keys[dup].merge(firsts, on=key_cols, how="left")
            where = [table.where(int(s), int(r), int(h)) for s, r, h in
                     zip(joined["_fsrc"], joined["_frow"], table.frame["_src"][dup], strict=True)]
            lookup = dict(zip(keys.index[dup], where, strict=True))
            self.report(table, dup, column, lambda r: message(r, lookup[r['_i']]))
        return dup

    def case_duplicates(self, table: _Table, ids: pd.Series, exact: pd.Series,
                        column: str) -> pd.Series:
        """Flag ids equal to an earlier one but for upper and lower case.

        Decision: an error naming both rows, not a silent merge. ``org-x`` and ``ORG-X``
        would otherwise be two actors that read alike in every table and map; and references
        stay exact (an id in another column must be written as in its table) so that no
        reference is ever resolved by a guess. Ids are compared after NFC (the readers'), so
        ``café`` typed in either Unicode form is one id and a plain duplicate.
        ``exact`` flags the rows already reported as duplicates.
        """
        text = pa.array(ids.to_numpy(dtype=object), type=pa.string(), from_pandas=True)
        lowered = pc.utf8_lower(text)
        if pc.all(pc.or_kleene(pc.equal(lowered, text), pc.is_null(text))).as_py() is not False:
            return pd.Series(False, index=ids.index)  # no id has an upper-case letter
        keys = pd.Series(lowered.to_numpy(zero_copy_only=False), index=ids.index, dtype=object)
        keys[exact.to_numpy(dtype=bool)] = None  # (each exact duplicate is reported once)
        first_id = dict(zip(keys[~keys.duplicated()], ids[~keys.duplicated()], strict=True))
        return self.duplicates(
            table, keys, column,
            lambda r, where: (f"id {_q(ids[r['_i']])} differs from id "
                              f"{_q(first_id[keys[r['_i']]])} in {where} only in upper and "
                              "lower case; ids must differ in more than case"))

    def whole_numbers(self, table: _Table, column: str, what: str,
                      low: int | None = 0, high: int | None = None) -> pd.Series:
        values = table.frame[column]
        if column in table.codes:  # each distinct cell once
            codes, uniques = table.codes[column]
            parsed = np.append(_number(pd.Series(uniques, dtype=object)).to_numpy(), np.nan)
            numbers = pd.Series(parsed[codes], index=values.index)
        else:
            numbers = _number(values)
        present = table.present(column)
        not_number = present & numbers.isna()
        self.report(table, not_number, column,
                    lambda r: f"{_q(r[column])} is not a number; expected {what}")
        fractional = present & numbers.notna() & (numbers % 1 != 0)
        self.report(table, fractional, column,
                    lambda r: f"{_q(r[column])} is not a whole number; expected {what}")
        ok = numbers.where(~fractional)
        if low is not None:
            bad = ok < low
            if low == 0:
                self.report(table, bad, column,
                            lambda r: f"{r[column]} is negative; expected {what}")
            else:
                self.report(table, bad, column, lambda r: self.year_message(r[column]))
            ok = ok.where(~bad)
        if high is not None:
            bad = ok > high
            if low == 0:
                self.report(table, bad, column, lambda r: _too_large(r[column]))
            else:
                self.report(table, bad, column, lambda r: self.year_message(r[column]))
            ok = ok.where(~bad)
        return ok.round().astype("Int64")

    def year_message(self, year) -> str:
        return (f"impossible year {year}; expected a year from {EARLIEST_YEAR} to "
                f"{self.this_year}")

    # --- the four tables ---------------------------------------------------------------

    def coalitions(self, table: _Table) -> pd.DataFrame:
        f = table.frame
        n = len(f)
        derived = ~table.present("id")
        ids = f["id"].copy()
        ids[derived] = [parse.coalition_id(c, m) if c is not None and m is not None else None
                        for c, m in zip(f["city"][derived], f["name"][derived], strict=True)]
        dup = self.duplicates(
            table, ids, "id",
            lambda r, where: (f"duplicate id {_q(r['id'])}; it first appears in {where}"
                              if r["id"] is not None else
                              f"duplicate coalition: same city and name as {where} (id "
                              f"{_q(parse.coalition_id(r['city'], r['name']))}); fill the id "
                              "column to tell them apart"))
        self.case_duplicates(table, ids, dup, "id")

        # Free text repeats (the same Actoren wording, the same theme list): each distinct
        # cell is parsed once and the results are spread over the rows by their codes.
        known = ", ".join(t.name for t in THEMES)
        theme_of = _per_distinct(f["theme"], _themes)
        themes = [list(t[0]) for t in theme_of]
        clusters = [list(t[1]) for t in theme_of]
        theme_msgs = {i: "; ".join(f"unknown theme {_q(u)}, kept without a cluster; known "
                                   f"themes: {known}" for u in t[2])
                      for i, t in enumerate(theme_of) if t[2]}
        warn_theme = np.zeros(n, dtype=bool)
        warn_theme[list(theme_msgs)] = True

        period = _per_distinct(f["founded"], parse.parse_period)
        year = pd.Series([p[0] for p in period], index=f.index, dtype=object)
        no_year = table.present("founded") & year.isna() & pd.Series(
            [p[1] is None for p in period], index=f.index)
        year = pd.to_numeric(year).astype("Int64")
        bad_year = ((year < EARLIEST_YEAR) | (year > self.this_year)).fillna(False)
        founded = year.where(~bad_year)
        end_year = self.end_years(table, period, founded)

        # (organisations, volunteers, unreadable, too large, negative) per cell; checked in
        # Python on the distinct cells since a typed count could overflow Int64.
        size = _per_distinct(f["size"], _checked_size)
        no_size = pd.Series([s[2] for s in size], index=f.index, dtype=bool)
        big = pd.Series([s[3] for s in size], index=f.index, dtype=bool)
        neg_size = pd.Series([s[4] for s in size], index=f.index, dtype=bool)
        orgs = pd.Series(pd.array([s[0] for s in size], dtype="Int64"), index=f.index)
        vols = pd.Series(pd.array([s[1] for s in size], dtype="Int64"), index=f.index)

        found = _per_distinct(f["actors"], _actor_sectors)
        no_sector = table.present("actors") & pd.Series([not s for s in found], index=f.index)
        sectors_text = [list(s) for s in found]

        self.report(table, pd.Series(warn_theme, index=f.index), "theme",
                    lambda r: theme_msgs[r['_i']], "warning")
        self.report(table, no_year, "founded",
                    lambda r: f"could not read a founding year in {_q(r['founded'])}; expected "
                    "a year such as °1994, sinds 2008 or 1999", "warning")
        self.report(table, bad_year, "founded",
                    lambda r: self.year_message(parse.parse_period(r["founded"])[0]))
        self.report(table, no_size, "size",
                    lambda r: f"could not read a size in {_q(r['size'])}; expected counts such "
                    "as 16 vzw's (+ 100 vrijwilligers)", "warning")
        self.report(table, neg_size, "size",
                    lambda r: f"negative size in {_q(r['size'])}; expected counts of 0 or more")

        self.report(table, big, "size",
                    lambda r: f"size in {_q(r['size'])} is too large; expected counts below "
                    f"{MAX_COUNT:,}")
        coded_orgs = self.whole_numbers(table, "n_organisations", "a count of 0 or more",
                                        high=MAX_COUNT)
        coded_vols = self.whole_numbers(table, "n_volunteers", "a count of 0 or more",
                                        high=MAX_COUNT)
        n_orgs = coded_orgs.where(table.present("n_organisations"), orgs)
        n_vols = coded_vols.where(table.present("n_volunteers"), vols)

        parsed_codes = _per_distinct(f["sectors"], _sector_codes)
        coded = [None if p is None else list(p[0]) for p in parsed_codes]
        bad_codes = {i: p[1] for i, p in enumerate(parsed_codes) if p is not None and p[1]}
        bad_sector = np.zeros(n, dtype=bool)
        bad_sector[list(bad_codes)] = True
        bad_sector = pd.Series(bad_sector, index=f.index)
        sector_hint = vocabulary_hint("sector")
        self.report(table, bad_sector, "sectors", lambda r: "; ".join(
            f"unknown sector {_q(u)}; allowed: {sector_hint}"
            for u in bad_codes[r['_i']]))
        sectors = [c if c is not None else t for c, t in zip(coded, sectors_text, strict=True)]
        no_sector_warn = no_sector & ~table.present("sectors")
        self.report(table, no_sector_warn, "actors",
                    lambda r: f"could not tell which sectors take part from {_q(r['actors'])}; "
                    "expected words such as Stad, Provincie, vzw, vrijwilligers or bedrijven, "
                    "or fill the sectors column", "warning")

        roles = self.roles(table)
        role = pd.Series([r[0] if r else None for r in roles], index=f.index, dtype=object)
        relation = self.vocabulary(table, "relation", "relation")
        relation_year = self.whole_numbers(table, "relation_year", "a year",
                                           low=EARLIEST_YEAR, high=self.this_year)
        self.report(table, table.present("relation_year") & ~table.present("relation"),
                    "relation_year",
                    lambda r: f"relation year {_q(r['relation_year'])} without a relation; fill "
                    "the relation column (" + vocabulary_hint("relation") + ") or leave the "
                    "year empty", "warning")
        origin = self.vocabulary(table, "origin", "origin")
        status = self.statuses(table, end_year)
        merged_into = pd.Series(_per_distinct(f["status"], _merged_into), index=f.index,
                                dtype=object)
        before = (relation_year < founded).fillna(False)
        after = (relation_year > end_year).fillna(False)
        self.report(table, before | after, "relation_year",
                    lambda r: f"relation year {r['relation_year']} lies outside the coalition's "
                    "life (Leeftijd, einde); check the year", "warning")

        out = pd.DataFrame({
            "id": ids.astype(object),
            "name": f["name"],
            "city": f["city"],
            "themes": pd.Series(themes, index=f.index, dtype=object),
            "theme_clusters": pd.Series(clusters, index=f.index, dtype=object),
            "goals": f["goals"],
            "actions": f["actions"],
            "founded_year": founded.astype("Int64"),
            "n_organisations": n_orgs.astype("Int64"),
            "n_volunteers": n_vols.astype("Int64"),
            "role": role,
            "relation": relation,
            "origin": origin,
            "sectors": pd.Series(sectors, index=f.index, dtype=object),
            "raw_theme": f["theme"],
            "raw_founded": f["founded"],
            "raw_size": f["size"],
            "raw_actors": f["actors"],
            "roles": pd.Series([list(r) for r in roles], index=f.index, dtype=object),
            "end_year": end_year.astype("Int64"),
            "status": status,
            "merged_into": merged_into,
            "relation_year": relation_year.astype("Int64"),
            **{q: f[q] for q in QUALITATIVE_FIELDS},
        }, index=f.index)
        keep = ids.notna() & ~ids.duplicated() & table.present("name") & table.present("city")
        return _finish(out[keep], "coalitions")

    def end_years(self, table: _Table, period: np.ndarray, founded: pd.Series) -> pd.Series:
        """End years: the ``einde`` column where filled (a year, or text holding one), else
        the end year read from ``Leeftijd``; an end before the founding year is an error."""
        f = table.frame
        from_age = pd.Series([p[1] for p in period], index=f.index, dtype=object)
        coded = pd.Series(_per_distinct(f["end"], parse.parse_founded), index=f.index,
                          dtype=object)
        present = table.present("end")
        self.report(table, present & coded.isna(), "end",
                    lambda r: f"{_q(r['end'])} holds no year; expected the year the coalition "
                    "ended, such as 2016")
        self.report(table, ~present & from_age.notna() & (
            (pd.to_numeric(from_age) < EARLIEST_YEAR) | (pd.to_numeric(from_age)
                                                          > self.this_year)).fillna(False),
            "founded", lambda r: "end year: " + self.year_message(
                parse.parse_period(r["founded"])[1]))
        self.report(table, present & coded.notna() & (
            (pd.to_numeric(coded) < EARLIEST_YEAR) | (pd.to_numeric(coded)
                                                      > self.this_year)).fillna(False),
            "end", lambda r: self.year_message(parse.parse_founded(r["end"])))
        end = pd.to_numeric(coded.where(present, from_age)).astype("Int64")
        end = end.where((end >= EARLIEST_YEAR) & (end <= self.this_year))
        before = (end < founded).fillna(False)
        self.report(table, before & present, "end",
                    lambda r: f"end year {parse.parse_founded(r['end'])} is before the founding "
                    f"year {parse.parse_period(r['founded'])[0]} (Leeftijd); expected an end "
                    "year from the founding year on")
        self.report(table, before & ~present, "founded",
                    lambda r: f"end year {parse.parse_period(r['founded'])[1]} is before the "
                    f"founding year {parse.parse_period(r['founded'])[0]}")
        return end.where(~before).astype("Int64")

    def roles(self, table: _Table) -> list[tuple[str, ...]]:
        """Each coalition's role codes, primary first (a tuple per row)."""
        parsed = _per_distinct(table.frame["role"], _roles)
        unknown = pd.Series([bool(p[1]) for p in parsed], index=table.frame.index)
        hint = (", ".join(r.code for r in ROLES) + " (or the study's Dutch labels); several "
                "separated by ; with the primary role first")
        self.report(table, unknown, "role", lambda r: "; ".join(
            f"unknown role {_q(u)}; allowed: {hint}" for u in _roles(r["role"])[1]))
        return [p[0] for p in parsed]

    def statuses(self, table: _Table, end_year: pd.Series) -> pd.Series:
        """Status codes; empty with an end year means stopped; active with one is an error."""
        status = self.vocabulary(table, "status", "status", _status)
        active_ended = (status == "active") & end_year.notna()
        self.report(table, active_ended, "status",
                    lambda r: f"status {_q(r['status'])} but the coalition has an end year; "
                    "expected stopped or merged (Dutch: gestopt, opgegaan in), or no end year")
        implied = ~table.present("status") & end_year.notna()
        return status.where(~implied, "stopped").astype(object)

    def actors(self, table: _Table) -> pd.DataFrame:
        f = table.frame
        dup = self.duplicates(table, f["id"], "id", lambda r, where: (
            f"duplicate id {_q(r['id'])}; it first appears in {where}"))
        self.case_duplicates(table, f["id"], dup, "id")
        kind = self.vocabulary(table, "kind", "kind")
        sector = self.vocabulary(table, "sector", "sector")
        function = self.vocabulary(table, "function", "function")
        org = f["organisation"]
        # The first actor with an id tells its kind (later ones are reported duplicates).
        ids = f["id"].to_numpy(dtype=object)
        last = table.positions("organisation", pd.Series(ids[::-1], dtype=object))
        first = np.where(last >= 0, len(ids) - 1 - last, -1)
        has_org = table.present("organisation")
        hint = _CaseHint(f["id"])
        missing = has_org & pd.Series(first < 0, index=f.index)
        self.report(table, missing, "organisation",
                    lambda r: f"organisation {_q(r['organisation'])} is not an id in the actors "
                    "table; expected the id of the organisation this person works for"
                    + hint(r["organisation"]))
        target_kind = np.append(kind.to_numpy(dtype=object), None)[first]
        person = has_org & ~missing & pd.Series(target_kind == "person", index=f.index)
        self.report(table, person, "organisation",
                    lambda r: f"organisation {_q(r['organisation'])} is a person; expected the "
                    "id of an organisation")
        out = pd.DataFrame({
            "id": f["id"], "name": f["name"], "kind": kind, "sector": sector,
            "function": function, "organisation": org, "city": f["city"],
        }, index=f.index)
        return _finish(out[table.present("id") & ~dup], "actors")

    def memberships(self, table: _Table, coalitions: pd.DataFrame, coal_table: _Table,
                    actors: pd.DataFrame, actor_codes: np.ndarray
                    ) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
        """The memberships, and the position of each one's actor in ``actors`` and of its
        coalition in ``coalitions`` (-1 where unknown); ``actor_codes`` are the first, as
        ``table.positions("actor", actors["id"])`` gives them."""
        f = table.frame
        known_actor = pd.Series(actor_codes >= 0, index=f.index)
        bad_actor = table.present("actor") & ~known_actor
        hint = _CaseHint(actors["id"])
        self.report(table, bad_actor, "actor",
                    lambda r: f"actor {_q(r['actor'])} is not an id in the actors table"
                    + hint(r["actor"]))
        coalition, coalition_codes = self.resolve_coalitions(table, coalitions)
        role = self.vocabulary(table, "role", "role").where(table.present("role"), "member")
        since = self.whole_numbers(table, "since", "a year", low=EARLIEST_YEAR,
                                   high=self.this_year)
        until = self.whole_numbers(table, "until", "the year the member left", low=EARLIEST_YEAR,
                                   high=self.this_year)
        self.report(table, (until < since).fillna(False), "until",
                    lambda r: f"left in {r['until']}, before joining in {r['since']}; expected "
                    "a year from the year of joining on")
        until = until.where(~(until < since).fillna(False))
        # A period that runs past the coalition's end is kept, and said.
        end = coalitions["end_year"].to_numpy(dtype=np.float64, na_value=np.nan)
        if not np.isnan(end).all():  # (no end years, nothing to compare: the common case)
            ended = pd.Series(np.append(end, np.nan)[coalition_codes], index=f.index)
            for column, values, what in (("since", since, "joined"), ("until", until, "left")):
                late = values.to_numpy(dtype=np.float64, na_value=np.nan) > ended.to_numpy()
                self.report(table, pd.Series(late, index=f.index), column,
                            lambda r, c=column, w=what: f"member {w} in {r[c]}, after the "
                            f"coalition ended in {int(ended[r['_i']])}; check the year or the "
                            "coalition's end year", "warning")
        # One number per (actor, coalition) pair: hashing numbers beats hashing string pairs.
        # An actor missing from the actors table still repeats: it is numbered after them.
        actor_keys = actor_codes.copy()
        unknown = (actor_keys < 0) & table.present("actor").to_numpy()
        if unknown.any():
            actor_keys[unknown] = len(actors) + pd.factorize(f["actor"].to_numpy()[unknown])[0]
        both = (actor_keys >= 0) & (coalition_codes >= 0)
        pair = actor_keys.astype(np.float64) * (len(coalitions) + 1) + coalition_codes
        keys = pd.Series(np.where(both, pair, np.nan), index=f.index, name="pair")
        dup = self.duplicates(
            table, keys, "coalition",
            lambda r, where: f"duplicate membership: actor {_q(r['actor'])} is already a member "
            f"of this coalition in {where}; give one row per member and coalition (a member "
            "who left and came back: one row with the current period; an earlier period "
            "stays in the wave that recorded it)")
        out = pd.DataFrame({"actor": f["actor"], "coalition": coalition, "role": role,
                            "since": since, "until": until}, index=f.index)
        keep = (table.present("actor").to_numpy(dtype=bool) & (coalition_codes >= 0)
                & ~dup.to_numpy(dtype=bool))
        return _finish(out[keep], "memberships"), actor_codes[keep], coalition_codes[keep]

    def resolve_coalitions(self, table: _Table,
                           coalitions: pd.DataFrame) -> tuple[pd.Series, np.ndarray]:
        """Coalition ids for the membership cells (an id, or a unique name), and their
        positions in ``coalitions`` (-1 where none)."""
        values = table.frame["coalition"]
        codes = table.positions("coalition", coalitions["id"])
        is_id = pd.Series(codes >= 0, index=values.index)
        present = table.present("coalition")
        by_name = (present & ~is_id).to_numpy()
        if not by_name.any():  # the rule: every cell an id, nothing to look up
            return values.astype(object), codes
        names = coalitions["name"].map(_name_key, na_action="ignore")
        shared = names.duplicated(keep=False)
        unique = dict(zip(names[~shared], coalitions["id"][~shared], strict=True))
        ambiguous: dict[str, list[str]] = {}
        for name, cid in zip(names[shared], coalitions["id"][shared], strict=True):
            ambiguous.setdefault(name, []).append(cid)
        # Names are the exception (ids the rule): only cells that are no id are looked up.
        keys = values[by_name].map(_name_key)
        resolved = values.where(is_id).astype(object)
        resolved[by_name] = keys.map(unique).to_numpy(dtype=object)
        amb = pd.Series(False, index=values.index)
        amb[by_name] = keys.isin(list(ambiguous)).to_numpy()
        self.report(table, amb, "coalition",
                    lambda r: f"coalition name {_q(r['coalition'])} is ambiguous: it names "
                    f"coalitions {', '.join(ambiguous[_name_key(r['coalition'])])}; use the id")
        missing = present & resolved.isna() & ~amb
        self.report(table, missing, "coalition",
                    lambda r: f"coalition {_q(r['coalition'])} is neither a coalition id nor the "
                    "name of a coalition in the coalitions table")
        resolved = resolved.where(resolved.notna(), None).astype(object)
        return resolved, positions(resolved, coalitions["id"])

    def ties(self, table: _Table,
             actors: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
        """The ties, and the position of each one's source and target in ``actors``."""
        f = table.frame
        n = len(f)
        ends = positions(np.concatenate([f["source"].to_numpy(dtype=object),
                                         f["target"].to_numpy(dtype=object)]), actors["id"])
        hint = _CaseHint(actors["id"])
        for end, found in (("source", ends[:n]), ("target", ends[n:])):
            bad = table.present(end) & pd.Series(found < 0, index=f.index)
            self.report(table, bad, end,
                        lambda r, e=end: f"{e} {_q(r[e])} is not an id in the actors table"
                        + hint(r[e]))
        self_tie = table.present("source") & (f["source"] == f["target"])
        self.report(table, self_tie, "target",
                    lambda r: f"tie from {_q(r['source'])} to itself; source and target must "
                    "differ")
        values = f["weight"]
        weight = _number(values)
        not_number = table.present("weight") & weight.isna()
        self.report(table, not_number, "weight",
                    lambda r: f"{_q(r['weight'])} is not a number; expected a weight of 0 or more")
        negative = weight < 0
        self.report(table, negative, "weight",
                    lambda r: f"{r['weight']} is negative; expected a weight of 0 or more")
        weight = weight.where(table.present("weight"), 1.0).astype(float)
        keys = pd.DataFrame({"source": f["source"], "target": f["target"],
                             "type": f["type"].fillna("")})
        dup = self.duplicates(table, keys, "target",
                              lambda r, where: f"duplicate tie: same source, target and type as "
                              f"{where}")
        directed = self.tie_directions(table)
        out = pd.DataFrame({"source": f["source"], "target": f["target"], "type": f["type"],
                            "weight": weight, "directed": directed}, index=f.index)
        keep = (table.present("source") & table.present("target") & ~dup
                & ~self_tie).to_numpy(dtype=bool)
        return _finish(out[keep], "ties"), ends[:n][keep], ends[n:][keep]

    def tie_directions(self, table: _Table) -> pd.Series:
        """Each tie's direction: its ``directed`` cell (yes/no, true/false, ja/nee, 1/0)
        where filled, else what its type is known to be (:func:`tie_type_directed`); a type
        not known is read undirected, with one warning per type."""
        f = table.frame
        declared = table.present("directed")
        codes, uniques = table.factorized("directed")
        parsed = np.array([parse_directed(v) for v in uniques] + [None], dtype=object)[codes]
        unreadable = declared & pd.Series([p is None for p in parsed], index=f.index)
        self.report(table, unreadable, "directed",
                    lambda r: f"{_q(r['directed'])} is not a direction; expected yes or no "
                    "(true/false, ja/nee, 1/0), or an empty cell to go by the tie type")
        t_codes, t_uniques = table.factorized("type")
        by_type = np.array([tie_type_directed(t) for t in t_uniques] + [None],
                           dtype=object)[t_codes]
        known = np.array([p is not None for p in parsed], dtype=bool)
        directed = np.where(known, parsed, by_type)
        unknown = ~known & np.array([d is None for d in by_type], dtype=bool)
        # (a tie without a type is read undirected too, but has no type to warn about)
        typed = table.present("type").to_numpy(dtype=bool)
        first = (unknown & typed) & ~pd.Series(np.where(unknown, t_codes, -2)).duplicated().to_numpy()
        self.report(table, pd.Series(first, index=f.index), "type",
                    lambda r: f"tie type {_q(r['type'])} is not known to be directional or "
                    "symmetric; its ties are read as undirected (fill the directed column with "
                    "yes or no to say otherwise)", "warning")
        directed = np.where(unknown, False, directed)
        return pd.Series([bool(d) for d in directed], index=f.index, dtype=object)


def _finish(frame: pd.DataFrame, kind: str) -> pd.DataFrame:
    frame = frame.reset_index(drop=True)
    for column in COLUMNS[kind]:
        if frame[column].dtype != object and column not in _TYPED[kind]:
            frame[column] = frame[column].astype(object)
    for column in _TYPED[kind]:
        frame[column] = frame[column].astype(_TYPED[kind][column])
    return frame[COLUMNS[kind]]


_TYPED = {
    "coalitions": {"founded_year": "Int64", "n_organisations": "Int64", "n_volunteers": "Int64",
                   "end_year": "Int64", "relation_year": "Int64"},
    "actors": {},
    "memberships": {"since": "Int64", "until": "Int64"},
    "ties": {"weight": "float64"},
}


def _arrow_positions(values: pa.Array, pool: pd.Series) -> np.ndarray:
    """:func:`~coalitions.graph.tables.positions` of Arrow strings ("" is no key) in
    ``pool``, by Arrow's hash lookup (about twice as fast on a million cells)."""
    keys = pool.to_numpy(dtype=object)[::-1]  # Arrow finds the first; positions the last
    try:
        key_array = pa.array(keys, type=pa.string(), from_pandas=True)
    except (pa.ArrowException, TypeError, ValueError):  # keys that are no text
        return positions(values.to_numpy(zero_copy_only=False), pool)
    found = pc.index_in(values, value_set=key_array, skip_nulls=True)
    found = pc.fill_null(found, -1).to_numpy(zero_copy_only=False).astype(np.int64)
    found[pc.equal(values, "").to_numpy(zero_copy_only=False)] = -1  # a blank cell
    return np.where(found >= 0, len(keys) - 1 - found, -1)


class _CaseHint:
    """For a reference that is no id: a hint naming the id it matches but for case, if any.

    References are matched exactly (see ``case_duplicates``); the hint only says why a
    reference that looks right is not found. The index is built on the first miss.
    """

    def __init__(self, ids: pd.Series) -> None:
        self.ids = ids
        self.index: dict[str, str] | None = None

    def __call__(self, value: object) -> str:
        if not isinstance(value, str):
            return ""
        if self.index is None:
            self.index = {i.lower(): i for i in self.ids.dropna()[::-1]}
        match = self.index.get(value.lower())
        return (f"; ids are matched exactly, and {_q(match)} differs only in upper and lower "
                "case" if match is not None else "")


def _too_large(value: object) -> str:
    return f"{value} is too large; expected a count below {MAX_COUNT:,}"


def _q(value: object) -> str:
    """A cell value quoted for a message: one line, at most 60 characters."""
    text = " ".join(str(value).split())
    return f'"{text[:57]}…"' if len(text) > 60 else f'"{text}"'


def _text(values: pd.Series) -> pd.Series:
    return values.astype("string")


def _number(values: pd.Series) -> pd.Series:
    """Numbers in text cells (a Dutch decimal comma accepted), NaN where there is none."""
    text = values.to_numpy(dtype=object, copy=True)
    try:
        # The common case, every cell a number or empty: Arrow parses a million in a tenth
        # of the time numpy takes. Any cell it refuses sends all to the slower path below.
        parsed = pc.cast(pa.array(text, type=pa.string(), from_pandas=True), pa.float64())
        numbers = parsed.to_numpy(zero_copy_only=False).copy()
    except (pa.ArrowException, ValueError, TypeError):
        numbers = _number_slowly(text)
    # "inf" and "nan" parse as floats but are no count, year or weight a user meant.
    numbers[~np.isfinite(numbers)] = np.nan
    return pd.Series(numbers, index=values.index)


def _number_slowly(text: np.ndarray) -> np.ndarray:
    text[pd.isna(text)] = "nan"
    strings = text.astype(StringDType())
    # Every cell a number after all (with a decimal comma) runs in C; otherwise pandas finds
    # the bad ones.
    for attempt in range(2):
        try:
            numbers = strings.astype(np.float64)
            break
        except ValueError:
            if attempt == 0:
                strings = np.strings.replace(strings, ",", ".")
    else:
        numbers = pd.to_numeric(pd.Series(strings.astype(object)), errors="coerce").to_numpy(
            dtype=np.float64, copy=True)
    return numbers


def _name_key(name: str) -> str:
    return " ".join(str(name).lower().split())


# Parsers of one distinct cell, for _per_distinct.
def _themes(text: str | None) -> tuple[tuple[str, ...], tuple[str | None, ...], tuple[str, ...]]:
    themes, clusters, unknown = parse.parse_themes(text)
    return tuple(themes), tuple(clusters), tuple(unknown)


def _checked_size(text: str | None) -> tuple[int | None, int | None, bool, bool, bool]:
    """Counts in an ``Omvang`` cell, and whether it was unreadable, too large, negative
    (a count that is too large or negative is dropped)."""
    size = parse.parse_size(text)
    o, v = size or (None, None)
    big = (o is not None and o > MAX_COUNT) or (v is not None and v > MAX_COUNT)
    o = None if o is not None and o > MAX_COUNT else o
    v = None if v is not None and v > MAX_COUNT else v
    negative = (o is not None and o < 0) or (v is not None and v < 0)
    o = None if o is not None and o < 0 else o
    v = None if v is not None and v < 0 else v
    return o, v, text is not None and size is None, big, negative


def _roles(text: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    codes, unknown = parse.parse_roles(text)
    return tuple(codes), tuple(unknown)


# Statuses that name what the coalition went up in ("opgegaan in Klimaatplan Gent").
_MERGED_INTO = ("opgegaan in ", "merged into ", "merged with ", "gefuseerd met ",
                "samengegaan met ")


def _merged_into(text: str | None) -> str | None:
    """What a merged coalition went up in, as written after "opgegaan in" (or None)."""
    if text is None:
        return None
    raw = str(text).strip()
    for prefix in _MERGED_INTO:
        if raw.lower().startswith(prefix) and raw[len(prefix):].strip():
            return raw[len(prefix):].strip()
    return None


def _status(text: str) -> str | None:
    code = canonical("status", text)
    if code is None and str(text).strip().lower().startswith(_MERGED_INTO):
        return "merged"
    return code


def _actor_sectors(text: str | None) -> tuple[str, ...]:
    return tuple(parse.parse_actor_sectors(text))


def _sector_codes(text: str | None) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    if text is None:
        return None
    codes, unknown = parse.parse_sector_codes(text)
    return tuple(codes), tuple(unknown)


def _per_distinct(values: pd.Series, parse_cell: Callable[[str | None], object]) -> np.ndarray:
    """``parse_cell`` of every cell, called once per distinct cell (and once for ``None``).

    Returns an object array, one result per row; results are shared between rows with the
    same cell, so they must be immutable (tuples) or copied by the caller.
    """
    codes, uniques = pd.factorize(values.to_numpy(dtype=object))
    results = np.empty(len(uniques) + 1, dtype=object)
    for i, cell in enumerate(uniques):
        results[i] = parse_cell(cell)
    results[-1] = parse_cell(None)  # code -1: an empty cell
    return results[codes]
