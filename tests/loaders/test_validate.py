"""Validation details not in the bad-input corpus: locations in workbooks, ids, limits."""

from __future__ import annotations

import pytest

from coalitions.errors import InputError
from coalitions.loaders import load_inputs
from coalitions.loaders.parse import coalition_id
from coalitions.loaders.validate import vocabulary_hint
from tests.loaders.workbooks import write_xlsx


def problems(paths):
    with pytest.raises(InputError) as info:
        load_inputs(paths)
    return [(p.sheet, p.row, p.column, p.message, p.level) for p in info.value.problems]


def test_workbook_problems_name_the_sheet_as_written(tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", {
        "Actoren": [["id", "naam", "soort"], ["a1", "Stad Gent", "organisatie"],
                    ["a2", None, "persoon"]],
        "Banden": [["bron", "doel", "gewicht"], ["a1", None, 1], ["a1", "a2", -2]]})
    assert problems([path]) == [
        ("Actoren", 3, "naam", "empty cell; every actor needs a name", "error"),
        ("Banden", 2, "doel", "empty cell; every tie needs a target", "error"),
        ("Banden", 3, "gewicht", "-2 is negative; expected a weight of 0 or more", "error"),
    ]


def test_title_row_above_the_header_keeps_excel_row_numbers(tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", {"coalitions": [
        [None, None], ["Stad", "Naam"], ["Gent", None]]})
    assert problems([path]) == [
        ("coalitions", 3, "Naam", "empty cell; every coalition needs a name", "error")]


def test_names_without_ascii_letters_get_distinct_stable_ids(tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", {"coalitions": [["Stad", "Naam"], ["Gent", "???"],
                                                           ["Gent", "Журнал"]]})
    ids = load_inputs([path]).data.coalitions["id"].tolist()
    assert ids == [coalition_id("Gent", "???"), coalition_id("Gent", "Журнал")]
    assert ids[0] != ids[1] and all(i.startswith("gent-") and i.isascii() for i in ids)


def test_duplicate_membership_through_id_and_name_is_caught(tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", {
        "coalitions": [["id", "Stad", "Naam"], ["c1", "Gent", "Energent"]],
        "actors": [["id", "name", "kind"], ["a1", "X", "organisation"]],
        "memberships": [["actor", "coalition"], ["a1", "c1"], ["a1", "energent"]]})
    assert problems([path]) == [
        ("memberships", 3, "coalition", 'duplicate membership: actor "a1" is already a member '
         "of this coalition in row 2; give one row per member "
         "and coalition (a member who left and came back: one row with the current period; "
         "an earlier period stays in the wave that recorded it)", "error")]


def test_too_large_counts_are_errors_not_overflows(tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", {"coalitions": [
        ["Stad", "Naam", "Omvang", "aantal organisaties"],
        ["Gent", "A", "99999999999999999999999 vzw", "1e30"]]})
    assert problems([path]) == [
        ("coalitions", 2, "Omvang", 'size in "99999999999999999999999 vzw" is too large; '
         "expected counts below 10,000,000", "error"),
        ("coalitions", 2, "aantal organisaties",
         "1e30 is too large; expected a count below 10,000,000", "error"),
    ]


def test_fractional_and_non_finite_numbers(tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", {
        "actors": [["id", "name", "kind"], ["a1", "X", "organisation"],
                   ["a2", "Y", "organisation"]],
        "coalitions": [["Stad", "Naam", "n_volunteers"], ["Gent", "A", "2.5"]],
        "ties": [["source", "target", "weight"], ["a1", "a2", "inf"]]})
    assert problems([path]) == [
        ("coalitions", 2, "n_volunteers", '"2.5" is not a whole number; expected a count of 0 '
         "or more", "error"),
        ("ties", 2, "weight", '"inf" is not a number; expected a weight of 0 or more', "error"),
    ]


def test_organisation_that_is_missing_or_a_person(tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", {"actors": [
        ["id", "name", "kind", "organisation"], ["p1", "An", "person", "p2"],
        ["p2", "Bo", "person", "org9"]]})
    assert problems([path]) == [
        ("actors", 2, "organisation",
         'organisation "p2" is a person; expected the id of an organisation', "error"),
        ("actors", 3, "organisation", 'organisation "org9" is not an id in the actors table; '
         "expected the id of the organisation this person works for", "error"),
    ]


def test_long_cell_values_are_shortened_in_messages(tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", {"actors": [
        ["id", "name", "kind"], ["a1", "X", "k" * 200]]})
    [(_, _, _, message, _)] = problems([path])
    assert message.startswith('unknown kind "' + "k" * 57 + '…"; allowed: organisation')


def test_warnings_alone_do_not_stop_a_load(tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", {"coalitions": [
        ["Stad", "Naam", "Thema", "Leeftijd", "Omvang", "Actoren"],
        ["Gent", "A", "Klimaat", "lang geleden", "veel", "een werkgroep"]]})
    result = load_inputs([path])
    assert [(w.column, w.level) for w in result.warnings] == [
        ("Thema", "warning"), ("Leeftijd", "warning"), ("Omvang", "warning"),
        ("Actoren", "warning")]
    row = result.data.coalitions.iloc[0]
    assert row["founded_year"] is None or str(row["founded_year"]) == "<NA>"
    assert row["sectors"] == []
    assert result.warnings[3].message == (
        'could not tell which sectors take part from "een werkgroep"; expected words such as '
        "Stad, Provincie, vzw, vrijwilligers or bedrijven, or fill the sectors column")


def test_vocabulary_hint_lists_codes_and_dutch_words():
    assert vocabulary_hint("function") == (
        "official, politician, staff, volunteer, resident (Dutch: ambtenaar, politicus, "
        "medewerker, vrijwilliger, bewoner)")


def test_problems_keep_the_table_order_though_actors_are_checked_first(tmp_path):
    # build_graph checks actors before coalitions (the memberships' actor lookup then runs on
    # the other core); the report still reads coalitions, actors, memberships, ties.
    path = write_xlsx(tmp_path / "w.xlsx", {
        "coalitions": [["id", "Stad", "Naam"], ["c1", "Gent", None]],
        "actors": [["id", "name", "kind"], ["a1", None, "organisation"]],
        "memberships": [["actor", "coalition"], ["a9", "c1"]],
        "ties": [["source", "target", "weight"], ["a1", "a1", -1]]})
    found = [(sheet, column) for sheet, _, column, _, level in problems([path])
             if level == "error"]
    assert ("actors", "name") in found and ("memberships", "actor") in found
    order = ["coalitions", "actors", "memberships", "ties"]
    sheets = [order.index(sheet) for sheet, _ in found]
    assert sheets == sorted(sheets) and set(sheets) == {0, 1, 2, 3}
