"""Identity of what is loaded (issue 21, item 11): one Unicode form for all text, ids that
differ in more than case, no characters that hide or reorder text, no sheet loaded unseen."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from coalitions.cli import app
from coalitions.errors import InputError
from coalitions.loaders import load_inputs
from tests.conftest import SAMPLE, csv_body
from tests.loaders.workbooks import write_xlsx

runner = CliRunner()
NFD_CAFE = "cafe\u0301"  # e + COMBINING ACUTE ACCENT: how macOS file names spell it
NFC_CAFE = "caf\u00e9"
HIDDEN = ("such characters make text show differently from what it holds (or not at all): "
          "remove it")


def problems(paths, **kwargs) -> list[tuple]:
    with pytest.raises(InputError) as info:
        load_inputs(paths, **kwargs)
    return [(p.sheet, p.row, p.column, p.message, p.level) for p in info.value.problems]


@pytest.mark.parametrize("reader", ["plain", "quoted", "xlsx"])
def test_text_is_stored_in_nfc_whichever_form_was_typed(tmp_path, reader):
    # The three readers: Arrow (no quotes), pandas (quotes), openpyxl.
    rows = [["id", "Stad", "Naam", "Doel"], [NFD_CAFE, "Lie\u0300ge", f"{NFD_CAFE} Amour",
                                              "x"]]
    if reader == "xlsx":
        path = write_xlsx(tmp_path / "in.xlsx", {"coalitions": rows})
    else:
        q = '"' if reader == "quoted" else ""
        path = tmp_path / "coalitions.csv"
        path.write_text("\n".join(",".join(f"{q}{c}{q}" for c in r) for r in rows) + "\n",
                        encoding="utf-8")
    c = load_inputs([path]).data.coalitions
    assert c["id"].tolist() == [NFC_CAFE]
    assert c["city"].tolist() == ["Li\u00e8ge"]
    assert c["name"].tolist() == [f"{NFC_CAFE} Amour"]
    assert all(unicodedata.is_normalized("NFC", v) for v in c[["id", "city", "name"]].iloc[0])


def test_a_reference_typed_in_the_other_unicode_form_finds_its_actor(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "coalitions.csv").write_text("id,Stad,Naam\nc1,Gent,A\n", encoding="utf-8")
    (folder / "actors.csv").write_text(f"id,name,kind\n{NFC_CAFE},Café,organisation\n",
                                       encoding="utf-8")
    (folder / "memberships.csv").write_text(f"actor,coalition\n{NFD_CAFE},c1\n",
                                            encoding="utf-8")
    m = load_inputs([folder]).data.memberships
    assert m["actor"].tolist() == [NFC_CAFE]


def test_case_only_differences_are_found_across_files_of_one_table(tmp_path):
    a = tmp_path / "a" / "actors.csv"
    b = tmp_path / "b" / "actors.csv"
    for path, ident in ((a, "org-x"), (b, "Org-X")):
        path.parent.mkdir()
        path.write_text(f"id,name,kind\n{ident},Org,organisation\n", encoding="utf-8")
    assert problems([a, b]) == [(None, 2, "id", f'id "Org-X" differs from id "org-x" in row 2 '
                                 f"of {a} only in upper and lower case; ids must differ in more "
                                 "than case", "error")]


def test_a_bidi_override_in_a_workbook_cell_is_refused_at_its_sheet_row_and_column(tmp_path):
    path = write_xlsx(tmp_path / "in.xlsx", {
        "coalities": [["Stad", "Naam"], ["Gent", "Energent"], ["Gent", "abc\u2066def"]]})
    assert problems([path]) == [(
        "coalities", 3, "Naam", "the cell holds the invisible control character U+2066 "
        f"(LEFT-TO-RIGHT ISOLATE) at character 4; {HIDDEN}", "error")]


def test_tabs_line_breaks_and_rtl_letters_are_text(tmp_path):
    # Only controls are refused: Arabic and Hebrew letters and the marks U+200E/U+200F
    # that right-to-left text needs are not, nor a line break inside a quoted cell.
    path = tmp_path / "coalitions.csv"
    path.write_text('Stad,Naam,Doel\nGent,"\u0645\u0631\u0643\u0632 \u200f","a\tb\nc"\n',
                    encoding="utf-8")
    assert load_inputs([path]).data.coalitions["goals"].tolist() == ["a\tb\nc"]


@pytest.mark.parametrize(("state", "how"), [
    ("hidden", "hidden (Excel: right-click a sheet tab, Unhide)"),
    ("veryHidden", "very hidden (only a macro can show it)"),
])
def test_a_hidden_sheet_is_loaded_with_a_warning_that_names_it(tmp_path, state, how):
    path = write_xlsx(tmp_path / "in.xlsx", {
        "coalitions": [["id", "Stad", "Naam"], ["c1", "Gent", "Energent"]],
        "actors": [["id", "name", "kind"], ["a1", "Stad Gent", "organisation"]],
        "memberships": [["actor", "coalition"], ["a1", "c1"]]})
    book = load_workbook(path)
    book["memberships"].sheet_state = state
    book.save(path)
    result = load_inputs([path])
    assert result.data.memberships["actor"].tolist() == ["a1"]
    assert [(w.sheet, w.row, w.column, w.message, w.level) for w in result.warnings] == [(
        "memberships", None, None, f"the sheet is {how}; its memberships are loaded like those "
        "of a visible sheet", "warning")]
    out = runner.invoke(app, ["validate", str(path)], terminal_width=400)
    assert out.exit_code == 0
    assert (f"warning: {path}, sheet memberships: the sheet is {how}; its memberships are "
            "loaded like those of a visible sheet") in out.stderr


def test_the_cli_refuses_look_alike_ids_and_hidden_characters_and_keeps_the_store(tmp_path):
    bad = Path(__file__).resolve().parents[1] / "data" / "bad" / "identity"
    store = ["--store", str(tmp_path / "s.db")]
    assert runner.invoke(app, [*store, "load", str(SAMPLE)]).exit_code == 0
    before = csv_body(runner.invoke(app, [*store, "stats", "-f", "csv"]).stdout)
    for command in (["validate"], [*store, "load"]):
        result = runner.invoke(app, [*command, str(bad)], terminal_width=400)
        assert result.exit_code == 1
        lines = result.stderr.splitlines()
        assert lines[0] == "Error: 6 problems in the input; nothing was written"
        assert lines[1] == (f'  {bad / "actors.csv"}, row 3, column id: id "ORG-X" differs from '
                            'id "org-x" in row 2 only in upper and lower case; ids must differ '
                            "in more than case")
        assert lines[3] == (f"  {bad / 'actors.csv'}, row 6, column name: the cell holds the "
                            "invisible control character U+202E (RIGHT-TO-LEFT OVERRIDE) at "
                            f"character 6; {HIDDEN}")
        assert "Traceback" not in result.output
    assert csv_body(runner.invoke(app, [*store, "stats", "-f", "csv"]).stdout) == before
