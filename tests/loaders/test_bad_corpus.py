"""The bad-input corpus (tests/data/bad, written by make_bad.py): every file gives exactly the
problems listed here, with file, sheet, row and column, and never a traceback."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from coalitions.errors import InputError
from coalitions.loaders import load_inputs

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
YEAR = dt.date.today().year
SECTOR_HINT = ("city_government, other_government, nonprofit, private, citizens, knowledge "
               "(Dutch: stedelijke overheid, andere overheid, vzw, bedrijf, burgers, universiteit)")


def problems_of(path: Path, **kwargs) -> list[tuple]:
    with pytest.raises(InputError) as info:
        load_inputs([path], **kwargs)
    return [(Path(p.file).relative_to(BAD).as_posix(), p.sheet, p.row, p.column, p.message,
             p.level) for p in info.value.problems]


@pytest.mark.parametrize(("name", "message"), [
    ("binary.csv",
     "not a text/CSV file (it contains binary data); export the sheet as CSV UTF-8"),
    ("high_bytes.csv",
     "not a text/CSV file (no text encoding fits its bytes); export the sheet as CSV UTF-8"),
    ("empty.csv", "file is empty"),
    ("blank.csv", "file is empty"),
    ("workbook_named.csv",
     "not a text/CSV file: it is a zip archive, probably an Excel workbook; give it the .xlsx "
     "extension"),
    ("wrong_sheets.xlsx",
     "no sheet named coalitions, actors, memberships or ties (Dutch: coalities, actoren, "
     "lidmaatschappen, banden); sheets found: Blad1, Sheet2"),
    ("truncated.xlsx",
     "not a readable Excel workbook (.xlsx): BadZipFile: File is not a zip file"),
    ("old_format.xls",
     ".xls files cannot be read; save the workbook as .xlsx (Excel workbook) or export each "
     "sheet as CSV"),
])
def test_unreadable_file_is_one_problem_naming_the_file(name, message):
    assert problems_of(BAD / name) == [(name, None, None, None, message, "error")]


def test_undetectable_encoding_names_the_guess_and_the_option():
    [(name, sheet, row, column, message, level)] = problems_of(BAD / "koi8.csv")
    assert (name, sheet, row, column, level) == ("koi8.csv", None, None, None, "error")
    assert re.fullmatch(
        r"could not tell the text encoding: the file is not UTF-8 and the best guess, \S+, is "
        r"uncertain; pass --encoding \(for example --encoding cp1252\) or save the file as CSV "
        r"UTF-8", message)


def test_undetectable_encoding_loads_when_given():
    result = load_inputs([BAD / "koi8.csv"], encoding="koi8_r")
    assert result.data.coalitions["name"].tolist() == ["Журнал новости"]


def test_wrong_encoding_given_names_it_and_the_byte():
    # bom.csv starts with the UTF-8 byte-order mark EF BB BF, which is no ASCII.
    path = BAD / "bom.csv"
    assert problems_of(path, encoding="ascii") == [(
        "bom.csv", None, None, None,
        "cannot be decoded as ascii (byte 0xef at position 0); pass the file's real encoding "
        "with --encoding", "error")]


def test_row_with_too_many_cells_is_reported_and_the_rest_still_checked():
    assert problems_of(BAD / "ragged.csv") == [(
        "ragged.csv", None, 3, None,
        "row has 4 cells but the header has 3; a cell that contains the separator ';' must be "
        "in double quotes", "error")]


def test_two_headers_for_one_column():
    assert problems_of(BAD / "duplicate_header.csv") == [(
        "duplicate_header.csv", None, 1, "name",
        'columns "Naam" and "name" both give the name; keep one', "error")]


def test_huge_cell_is_rejected_at_excels_limit():
    # Decision: Excel holds at most 32,767 characters per cell, and the template is an Excel
    # workbook; a longer cell is a paste accident, refused with its length.
    assert problems_of(BAD / "huge_cell.csv") == [(
        "huge_cell.csv", None, 2, "Doel",
        "cell has 100000 characters; at most 32767 are accepted (Excel's own limit for a cell)",
        "error")]


def test_missing_required_columns_in_every_table():
    assert problems_of(BAD / "missing_columns") == [
        ("missing_columns/coalitions.csv", None, None, "city",
         "required column is missing; accepted headers: stad, city", "error"),
        ("missing_columns/actors.csv", None, None, "kind",
         "required column is missing; accepted headers: soort, kind", "error"),
        ("missing_columns/memberships.csv", None, None, "coalition",
         "required column is missing; accepted headers: coalitie, coalition", "error"),
        ("missing_columns/ties.csv", None, None, "target",
         "required column is missing; accepted headers: doel, target", "error"),
    ]


def test_every_validation_category_reported_in_one_run():
    c, a, m, t = (f"every_category/{n}.csv" for n in ("coalitions", "actors", "memberships",
                                                       "ties"))
    known = ("Woonzorgbeleid, Welzijn, Diversiteit, Ontwikkelingssamenwerking en Noord-Zuid, "
             "Kinderen en Jeugd, Justitie, Wonen, Milieuvraagstukken, Duurzaamheid, Duurzame "
             "economie, Voeding, Energie, Sociale cohesie, Mobiliteit en publieke ruimte, "
             "Stadsontwikkeling en opwaardering buurten, Creatieve economie / maakeconomie, "
             "Ondernemen, Stimuleren economische ontwikkeling, Bestuurlijke vernieuwing / ICT, "
             "Beleidsparticipatie / inspraak")
    year = f"expected a year from 1800 to {YEAR}"
    assert problems_of(BAD / "every_category") == [
        (c, None, 2, "Thema",
         f'unknown theme "Klimaat", kept without a cluster; known themes: {known}', "warning"),
        (c, None, 2, "Omvang", "negative size in \"-5 vzw's\"; expected counts of 0 or more",
         "error"),
        (c, None, 3, "id", 'duplicate id "c1"; it first appears in row 2', "error"),
        (c, None, 3, "Leeftijd", f"impossible year 1750; {year}", "error"),
        (c, None, 3, "Omvang", "could not read a size in \"veel\"; expected counts such as "
         "16 vzw's (+ 100 vrijwilligers)", "warning"),
        (c, None, 3, "aantal vrijwilligers",
         '"twintig" is not a number; expected a count of 0 or more', "error"),
        (c, None, 3, "sectors", f'unknown sector "kerk"; allowed: {SECTOR_HINT}', "error"),
        (c, None, 3, "role", 'unknown role "xx"; allowed: sensitising, public_space, '
         "innovation, cooperation, services (or the study's Dutch labels)", "error"),
        (c, None, 3, "relation", 'unknown relation "yy"; allowed: complementary, '
         "supplementary, adversarial (Dutch: complementair, supplementair, tegenstrevend)",
         "error"),
        (c, None, 3, "origin", 'unknown origin "zz"; allowed: bottom-up, top-down', "error"),
        (c, None, 4, "Naam", "empty cell; every coalition needs a name", "error"),
        (c, None, 4, "Leeftijd", 'could not read a founding year in "lang geleden"; expected '
         "a year such as °1994, sinds 2008 or 1999", "warning"),
        (c, None, 5, "Leeftijd", f"impossible year 2999; {year}", "error"),
        (c, None, 5, "aantal vrijwilligers", "-3 is negative; expected a count of 0 or more",
         "error"),
        (a, None, 3, "organisation",
         'organisation "a3" is a person; expected the id of an organisation', "error"),
        (a, None, 4, "organisation", 'organisation "a9" is not an id in the actors table; '
         "expected the id of the organisation this person works for", "error"),
        (a, None, 5, "id", 'duplicate id "a1"; it first appears in row 2', "error"),
        (a, None, 6, "name", "empty cell; every actor needs a name", "error"),
        (a, None, 6, "kind", 'unknown kind "alien"; allowed: organisation, person (Dutch: '
         "organisatie, persoon)", "error"),
        (a, None, 6, "sector", f'unknown sector "martian"; allowed: {SECTOR_HINT}', "error"),
        (a, None, 6, "function", 'unknown function "king"; allowed: official, politician, '
         "staff, volunteer, resident (Dutch: ambtenaar, politicus, medewerker, vrijwilliger, "
         "bewoner)", "error"),
        (m, None, 3, "since", '"20x8" is not a number; expected a year', "error"),
        (m, None, 4, "actor", 'actor "a9" is not an id in the actors table', "error"),
        (m, None, 4, "coalition", 'coalition "c9" is neither a coalition id nor the name of a '
         "coalition in the coalitions table", "error"),
        (m, None, 4, "role", 'unknown role "boss"; allowed: member, pivot, coordinator, '
         "funder, partner, advisor (Dutch: lid, spilfiguur, coördinator, financier, adviseur)",
         "error"),
        (m, None, 4, "since", f"impossible year 1700; {year}", "error"),
        (m, None, 5, "coalition", 'duplicate membership: actor "a1" is already a member of '
         "this coalition in row 2", "error"),
        (m, None, 6, "coalition", 'coalition name "Innovage" is ambiguous: it names '
         "coalitions c3, c4; use the id", "error"),
        (m, None, 7, "actor", "empty cell; every membership needs an actor", "error"),
        (t, None, 3, "target", 'tie from "a1" to itself; source and target must differ',
         "error"),
        (t, None, 4, "target", 'target "a9" is not an id in the actors table', "error"),
        (t, None, 4, "weight", '"abc" is not a number; expected a weight of 0 or more',
         "error"),
        (t, None, 5, "weight", "-1 is negative; expected a weight of 0 or more", "error"),
        (t, None, 6, "target", "duplicate tie: same source, target and type as row 2",
         "error"),
    ]


def test_every_category_error_text_lists_errors_only():
    with pytest.raises(InputError) as info:
        load_inputs([BAD / "every_category"])
    text = str(info.value)
    assert text.startswith("31 problems in the input; nothing was written\n")
    assert "Klimaat" not in text  # warnings travel in .problems, not in the error summary
    assert f"  {BAD / 'every_category' / 'ties.csv'}, row 5, column weight: -1 is negative" in text


@pytest.mark.parametrize("name", ["cp1252.csv", "bom.csv", "utf16.csv"])
def test_awkward_encodings_load_the_same_text(name):
    result = load_inputs([BAD / name])
    coalitions = result.data.coalitions
    assert coalitions["name"].tolist() == ["Casa del Mundo", "Café Amélie"]
    assert coalitions["raw_size"][0] == "16 vzw’s (+ 100 vrijwilligers)"
    assert coalitions["n_organisations"].tolist() == [16, 8]
    assert coalitions["sectors"][0] == ["city_government", "nonprofit"]


def test_cp1252_is_read_with_a_warning_that_says_how_to_override():
    result = load_inputs([BAD / "cp1252.csv"])
    assert [(w.row, w.message) for w in result.warnings] == [(
        None, "not UTF-8; read as cp1252. If accented letters look wrong, pass the right "
        "encoding with --encoding, or save the file as CSV UTF-8")]
