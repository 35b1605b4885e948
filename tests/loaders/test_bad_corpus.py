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
         "innovation, cooperation, services (or the study's Dutch labels); several separated by ; "
         "with the primary role first", "error"),
        (c, None, 3, "relation", 'unknown relation "yy"; allowed: complementary, '
         "supplementary, adversarial (Dutch: complementair, supplementair, tegenstrevend)",
         "error"),
        (c, None, 3, "origin", 'unknown origin "zz"; allowed: bottom-up, top-down (Dutch: '
         "van onderuit, van bovenaf)", "error"),
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
         "this coalition in row 2; give one row per member "
         "and coalition (a member who left and came back: one row with the current period; "
         "an earlier period stays in the wave that recorded it)", "error"),
        (m, None, 6, "coalition", 'coalition name "Innovage" is ambiguous: it names '
         "coalitions c3, c4; use the id", "error"),
        (m, None, 7, "actor", "empty cell; every membership needs an actor", "error"),
        (t, None, 3, "target", 'tie from "a1" to itself; source and target must differ',
         "error"),
        (t, None, 3, "type", 'tie type "x" is not known to be directional or symmetric; its '
         "ties are read as undirected (fill the directed column with yes or no to say "
         "otherwise)", "warning"),
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


STRAY_ADVICE = ("correct the cell and save the file as CSV UTF-8, or, if the whole file is in "
                "the Windows encoding, pass --encoding cp1252")


def test_one_stray_cp1252_byte_in_a_utf8_file_is_an_error_at_its_row():
    # Issue 21, item 5: the file was read whole as cp1252, storing "Café" as "CafÃ©" (exit 0).
    # Its other rows hold four UTF-8 letters (é, é, è, è) against one byte that is no UTF-8.
    assert problems_of(BAD / "stray_byte.csv") == [(
        "stray_byte.csv", None, 3, "Naam",
        f'byte 0xE9 in "Caf\ufffd Amour" is not UTF-8, though the rest of the file is; '
        f"{STRAY_ADVICE}", "error")]


def test_a_stray_byte_after_a_utf8_byte_order_mark_is_an_error_at_its_row(tmp_path):
    # Excel's "CSV UTF-8" starts with the mark EF BB BF; the file says it is UTF-8.
    path = tmp_path / "coalitions.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (BAD / "stray_byte.csv").read_bytes())
    with pytest.raises(InputError) as info:
        load_inputs([path])
    assert [(p.row, p.column, p.message) for p in info.value.errors] == [(
        3, "Naam", f'byte 0xE9 in "Caf\ufffd Amour" is not UTF-8, though the rest of the file '
        f"is; {STRAY_ADVICE}")]


def test_stray_bytes_in_an_ignored_column_are_reported_with_their_line(tmp_path):
    path = tmp_path / "coalitions.csv"
    path.write_bytes("Stad;Naam;Opmerking\nGent;Café;x\nGent;Crème;".encode() + b"\xe9\n")
    with pytest.raises(InputError) as info:
        load_inputs([path])
    assert [(p.row, p.column, p.message) for p in info.value.errors] == [(
        None, None, f"byte 0xE9 on line 3 is not UTF-8, though the rest of the file is; "
        f"{STRAY_ADVICE}")]


def test_a_file_mostly_in_cp1252_is_still_detected_and_read_whole():
    # Decision: a file is "mostly UTF-8" when more of its non-ASCII bytes form UTF-8 letters
    # than not; only then is a stray byte an error. cp1252.csv has no UTF-8 letter at all.
    result = load_inputs([BAD / "cp1252.csv"])
    assert result.data.coalitions["name"].tolist() == ["Casa del Mundo", "Café Amélie"]


def test_the_stray_byte_file_loads_when_its_encoding_is_given():
    # With an explicit encoding nothing is guessed: cp1252 reads every byte (and so shows
    # the UTF-8 rows as the mojibake the user asked for).
    result = load_inputs([BAD / "stray_byte.csv"], encoding="cp1252")
    assert result.data.coalitions["name"].tolist() == [
        "CafÃ© RenÃ©e", "Café Amour", "CrÃ¨me de la crÃ¨me"]


def test_ids_that_look_alike_and_characters_that_hide_are_errors():
    # Issue 21, item 11. Decisions: text is NFC on load, so the two spellings of "café" are
    # one id and a plain duplicate; ids that differ only in case are an error naming both
    # rows, and references stay exact (with a hint); bidi controls and other control
    # characters are refused where they are (sheet, row, column), not stripped.
    c, a, m = (f"identity/{n}.csv" for n in ("coalitions", "actors", "memberships"))
    hidden = ("such characters make text show differently from what it holds (or not at "
              "all): remove it")
    assert problems_of(BAD / "identity") == [
        (a, None, 3, "id", 'id "ORG-X" differs from id "org-x" in row 2 only in upper and '
         "lower case; ids must differ in more than case", "error"),
        (a, None, 5, "id", 'duplicate id "café"; it first appears in row 4', "error"),
        (a, None, 6, "name", "the cell holds the invisible control character U+202E "
         f"(RIGHT-TO-LEFT OVERRIDE) at character 6; {hidden}", "error"),
        (a, None, 7, "name", "the cell holds the invisible control character U+0007 "
         f"(a control character) at character 5; {hidden}", "error"),
        (c, None, 3, "id", 'id "C1" differs from id "c1" in row 2 only in upper and lower '
         "case; ids must differ in more than case", "error"),
        (m, None, 3, "actor", 'actor "Org-X" is not an id in the actors table; ids are '
         'matched exactly, and "org-x" differs only in upper and lower case', "error"),
    ]
