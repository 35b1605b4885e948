"""The CSV readers: quote-free files go through Arrow's reader, the rest through pandas';
both must hand validation the same cells, rows and problems."""

from __future__ import annotations

import contextlib
from unittest import mock

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coalitions.loaders import readers
from coalitions.loaders.readers import read_inputs

# Cells without quotes, separators or line breaks (those would make another file), with
# blanks around them, accents, and empty cells.
plain_text = st.text(st.characters(blacklist_categories=("Cs", "Cc"),
                                   blacklist_characters='",;\t'),
                     max_size=12)
cell = st.one_of(st.sampled_from(["", " ", "a1", " a1", "a1 ", "member", " pivot ", "2001",
                                  "Gent", "é", "\xa0x", "x\u2028y"]), plain_text)
HEADER = ["actor", "coalition", "role", "since", "extra"]


@st.composite
def csv_text(draw):
    sep = draw(st.sampled_from([",", ";", "\t"]))
    width = draw(st.integers(2, len(HEADER)))
    rows = [HEADER[:width]]
    for _ in range(draw(st.integers(0, 8))):
        # Mostly as wide as the header; sometimes ragged, which Arrow leaves to pandas.
        n = draw(st.sampled_from([width] * 4 + [width - 1, width + 1]))
        rows.append([draw(cell) for _ in range(n)])
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    return ending.join(sep.join(r) for r in rows) + draw(st.sampled_from(["", ending]))


def read(path, through_pandas: bool):
    if through_pandas:
        with mock.patch.object(readers, "_read_plain_csv", return_value=None):
            return read_inputs([path])
    return read_inputs([path])


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=csv_text())
def test_quote_free_csv_reads_the_same_through_arrow_and_through_pandas(tmp_path, text):
    path = tmp_path / "memberships.csv"
    path.write_bytes(text.encode("utf-8"))
    arrow_tables, _, arrow_problems = read(path, through_pandas=False)
    pandas_tables, _, pandas_problems = read(path, through_pandas=True)
    assert arrow_problems == pandas_problems
    assert len(arrow_tables) == len(pandas_tables)
    for a, p in zip(arrow_tables, pandas_tables, strict=True):
        assert a.headers == p.headers
        pd.testing.assert_frame_equal(a.frame, p.frame)
        # Where the reader factorised a column, it is what pandas would have found.
        for column, (codes, uniques) in a.codes.items():
            expected_codes, expected_uniques = pd.factorize(a.frame[column].to_numpy(object))
            assert np.array_equal(codes, expected_codes)
            assert list(uniques) == list(expected_uniques)


def test_repeating_columns_are_stripped_and_factorised_per_distinct_cell(tmp_path):
    path = tmp_path / "memberships.csv"
    path.write_text("actor,coalition,role,since\n"
                    "a1, c1 ,member,2001\n"
                    "a2,c1,,2001\n"
                    "a3,c2, member ,\n", encoding="utf-8")
    (table,), _, problems = read_inputs([path])
    assert problems == []
    assert table.frame["coalition"].tolist() == ["c1", "c1", "c2"]
    assert table.frame["role"].tolist() == ["member", None, "member"]
    assert table.frame["?role"].tolist() == [True, False, True]
    codes, uniques = table.codes["coalition"]
    assert codes.tolist() == [0, 0, 1] and list(uniques) == ["c1", "c2"]
    codes, uniques = table.codes["since"]
    assert codes.tolist() == [0, 0, -1] and list(uniques) == ["2001"]
    assert "actor" not in table.codes  # (one actor per row: nothing to share)


def test_a_ragged_quote_free_csv_is_reported_row_by_row(tmp_path):
    path = tmp_path / "memberships.csv"
    path.write_text("actor;coalition\na1;c1\na2;c1;x\na3;c2\n", encoding="utf-8")
    (table,), _, problems = read_inputs([path])
    assert [(p.row, p.message) for p in problems] == [
        (3, "row has 3 cells but the header has 2; a cell that contains the separator ';' "
            "must be in double quotes")]
    assert table.frame["actor"].tolist() == ["a1", "a3"]
    assert table.frame["_row"].tolist() == [2, 4]


def test_a_folder_validates_the_same_through_arrow_and_through_pandas(tmp_path):
    # Lookups run on what the Arrow reader kept (codes, Arrow columns) or on the cells;
    # either way the same problems and the same graph must come out.
    from coalitions.errors import InputError
    from coalitions.loaders import load_inputs

    (tmp_path / "coalitions.csv").write_text(
        "id,Stad,Naam\nc1,Gent,Energent\nc2,Gent,Torekes\nc3,Leuven,Torekes\n")
    (tmp_path / "actors.csv").write_text(
        "id,name,kind,organisation\na1,Stad Gent,organisation,\na2,An,person,a1\n"
        "a3,Bram,person,a2\na4,Cis,person,zz\na1,Again,organisation,\n")
    (tmp_path / "memberships.csv").write_text(
        "actor,coalition,role,since\na1,c1,member,2001\na2,c1,pivot,\nzz,c2,,1700\n"
        ",c2,member,2001\na1,c1,funder,2002\na3,Energent,member,2003\na3,Torekes,member,\n"
        "a4,nope,boss,x\n")
    (tmp_path / "ties.csv").write_text(
        "source,target,type,weight\na1,a2,funds,1\na2,zz,advises,2\na3,a3,,1\n")

    def outcome(through_pandas: bool):
        patch = mock.patch.object(readers, "_read_plain_csv", return_value=None)
        with patch if through_pandas else contextlib.nullcontext():
            try:
                result = load_inputs([tmp_path])
            except InputError as exc:
                return exc.problems
        return result

    arrow, pandas = outcome(through_pandas=False), outcome(through_pandas=True)
    assert arrow == pandas
    messages = [p.message for p in arrow]
    assert 'actor "zz" is not an id in the actors table' in messages
    assert any(m.startswith('coalition name "Torekes" is ambiguous') for m in messages)
    assert any(m.startswith("duplicate membership") for m in messages)
    assert any(m.startswith('organisation "a2" is a person') for m in messages)
    assert any(m.startswith('target "zz" is not an id') for m in messages)
    assert any(m.startswith('tie from "a3" to itself') for m in messages)
