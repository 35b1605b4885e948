"""load_inputs: workbooks, CSV folders, single CSVs, combinations; the GraphData it returns."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from coalitions.errors import InputError
from coalitions.graph.model import COLUMNS
from coalitions.loaders import LoadResult, load_inputs
from coalitions.loaders.template import CASA_DEL_MUNDO
from tests.loaders.workbooks import write_xlsx

SAMPLE = Path(__file__).resolve().parents[2] / "coalitions" / "data" / "sample"

# The study's example row exactly as the template prints it (shared/study, "STAP 2").
CASA_HEADER = ["Stad", "Naam", "Thema", "Doel", "Acties", "Leeftijd", "Omvang", "Actoren"]
CASA_ROW = [CASA_DEL_MUNDO[h] for h in CASA_HEADER]

ACTORS = [["id", "name", "kind", "sector", "function", "organisation", "city"],
          ["stad-aalst", "Stad Aalst", "organisation", "city_government", None, None, "Aalst"],
          ["p1", "An Peeters", "person", "city_government", "official", "stad-aalst", "Aalst"],
          ["vzw1", "Wereldwinkel Aalst", "organisation", "nonprofit", None, None, "Aalst"]]
MEMBERSHIPS = [["actor", "coalition", "role", "since"],
               ["p1", "aalst-casa-del-mundo", "pivot", 2001],
               ["vzw1", "Casa del Mundo", "member", None]]
TIES = [["source", "target", "type", "weight"], ["p1", "vzw1", "advice", 2]]


def write_csv(path: Path, rows: list[list], sep: str = ",", encoding: str = "utf-8") -> Path:
    def cell(v):
        if v is None:
            return ""
        v = str(v)
        return f'"{v}"' if (sep in v or '"' in v or "\n" in v) else v
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\n".join(sep.join(cell(v) for v in r) for r in rows) + "\n")
                     .encode(encoding))
    return path




def test_casa_del_mundo_row_as_written_in_the_template(tmp_path):
    # Expected values read off the study's text: °1994, 16 vzw's, 100 vrijwilligers, "OS,
    # Noord-Zuid" is the sub-theme Ontwikkelingssamenwerking en Noord-Zuid of cluster Zorg &
    # Welzijn, and the actors are the city and nonprofits (volunteers count as nonprofit).
    path = write_xlsx(tmp_path / "inventaris.xlsx", {"coalities": [CASA_HEADER, CASA_ROW]})
    result = load_inputs([path])
    assert result.warnings == []
    row = result.data.coalitions.iloc[0]
    assert row["id"] == "aalst-casa-del-mundo"
    assert (row["city"], row["name"]) == ("Aalst", "Casa del Mundo")
    assert row["founded_year"] == 1994
    assert (row["n_organisations"], row["n_volunteers"]) == (16, 100)
    assert row["themes"] == ["Ontwikkelingssamenwerking en Noord-Zuid"]
    assert row["theme_clusters"] == ["Zorg & Welzijn"]
    assert set(row["sectors"]) == {"city_government", "nonprofit"}
    assert row["goals"] == "Sensibiliseren, Noord-Zuidproblematiek duiden,…"
    assert (row["raw_theme"], row["raw_founded"], row["raw_size"], row["raw_actors"]) == (
        "OS, Noord-Zuid", "°1994 (eerste Casa del Mundo)",
        "16 vzw’s (+ 100 vrijwilligers) Sinds enkele jaren verenigd in een Werkgroep Casa del "
        "Mundo", "Werkgroep (Stad, vzw’s, NGO’s, vrijwilligers)")


def test_the_files_read_are_given_with_size_checksum_and_rows_per_sheet(tmp_path):
    # What a load records on its wave (LoadResult.inputs): a blank line between two actors
    # is not a row read, so the actors sheet gives 3.
    actors = [*ACTORS[:2], [None] * len(ACTORS[0]), *ACTORS[2:]]
    book = write_xlsx(tmp_path / "w.xlsx", {
        "Coalitions": [CASA_HEADER, CASA_ROW], "ACTORS": actors, "memberships": MEMBERSHIPS,
        "Ties": TIES})
    folder = tmp_path / "csv"
    write_csv(folder / "actors.csv", ACTORS)
    write_csv(folder / "ties.csv", TIES)
    (only_book,) = load_inputs([book]).inputs()
    assert only_book == {
        "path": str(book), "name": "w.xlsx", "size": book.stat().st_size, "kind": "xlsx",
        "sha256": hashlib.sha256(book.read_bytes()).hexdigest(),
        "sheets": [{"table": "coalitions", "sheet": "Coalitions", "rows": 1},
                   {"table": "actors", "sheet": "ACTORS", "rows": len(ACTORS) - 1},
                   {"table": "memberships", "sheet": "memberships",
                    "rows": len(MEMBERSHIPS) - 1},
                   {"table": "ties", "sheet": "Ties", "rows": len(TIES) - 1}]}
    files = load_inputs([folder]).inputs()  # each CSV of a folder
    assert [f["name"] for f in files] == ["actors.csv", "ties.csv"]
    for f, p in zip(files, [folder / "actors.csv", folder / "ties.csv"], strict=True):
        assert f["path"] == str(p) and f["size"] == p.stat().st_size
        assert f["sha256"] == hashlib.sha256(p.read_bytes()).hexdigest()
        assert f["sheets"] == [{"table": p.stem, "sheet": None,
                                "rows": len(pd.read_csv(p))}]


def test_workbook_with_all_four_sheets(tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", {
        "Coalitions": [CASA_HEADER, CASA_ROW], "ACTORS": ACTORS, "memberships": MEMBERSHIPS,
        "Ties": TIES})
    result = load_inputs([path])
    assert isinstance(result, LoadResult)
    data = result.data
    assert data.actors["id"].tolist() == ["stad-aalst", "p1", "vzw1"]
    # The second membership names the coalition; its name is unique, so it resolves to the id.
    assert data.memberships["coalition"].tolist() == ["aalst-casa-del-mundo"] * 2
    assert data.memberships["role"].tolist() == ["pivot", "member"]
    assert data.memberships["since"].tolist()[0] == 2001
    assert pd.isna(data.memberships["since"].tolist()[1])
    assert data.ties["weight"].tolist() == [2.0]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert [(s.path, s.sha256, s.kind) for s in result.sources] == [(str(path), digest, "xlsx")]


def test_dutch_sheet_names_and_headers_in_mixed_case(tmp_path):
    actors = [["ID", "Naam", "SOORT", "Sector", "Functie", "Organisatie", "Stad"],
              ["a1", "Stad Gent", "Organisatie", "stedelijke overheid", None, None, "Gent"],
              ["a2", "Jan", "persoon", "Stad", "Schepen", "a1", "Gent"]]
    members = [["Actor", "Coalitie", "Rol", "Sinds"], ["a2", "gent-energent", "spilfiguur", 2010]]
    ties = [["BRON", "Doel", "type", "Gewicht"], ["a1", "a2", "werkt samen", "1,5"]]
    path = write_xlsx(tmp_path / "w.xlsx", {
        "COALITIES": [["stad", "NAAM", "thema's"], ["Gent", "Energent", "Energie"]],
        "Actoren": actors, "lidmaatschappen": members, "Banden": ties})
    data = load_inputs([path]).data
    assert data.actors[["kind", "sector", "function"]].values.tolist() == [
        ["organisation", "city_government", None], ["person", "city_government", "politician"]]
    assert data.memberships[["actor", "coalition", "role"]].values.tolist() == [
        ["a2", "gent-energent", "pivot"]]
    assert data.ties["weight"].tolist() == [1.5]  # Dutch decimal comma
    assert data.coalitions["themes"].tolist() == [["Energie"]]


def test_english_headers_in_a_csv_folder(tmp_path):
    write_csv(tmp_path / "coalitions.csv",
              [["City", "NAME", "Themes", "Goals", "Actions", "Founded", "Size", "Actors"],
               CASA_ROW])
    write_csv(tmp_path / "actors.csv", ACTORS)
    write_csv(tmp_path / "memberships.csv", MEMBERSHIPS)
    write_csv(tmp_path / "ties.csv", TIES)
    result = load_inputs([tmp_path])
    assert result.warnings == []
    assert result.data.coalitions["founded_year"].tolist() == [1994]
    assert len(result.data.memberships) == 2
    assert sorted(Path(s.path).name for s in result.sources) == [
        "actors.csv", "coalitions.csv", "memberships.csv", "ties.csv"]
    assert {s.kind for s in result.sources} == {"csv"}


def test_single_csv_with_another_name_is_a_coalitions_csv(tmp_path):
    path = write_csv(tmp_path / "inventaris_aalst.csv", [CASA_HEADER, CASA_ROW], sep=";")
    data = load_inputs([path]).data
    assert data.coalitions["name"].tolist() == ["Casa del Mundo"]
    assert data.actors.empty and data.memberships.empty and data.ties.empty


def test_single_csv_recognised_as_actors_by_its_dutch_name(tmp_path):
    path = write_csv(tmp_path / "Actoren.csv", ACTORS, sep=";")
    data = load_inputs([path]).data
    assert data.coalitions.empty
    assert len(data.actors) == 3


def test_semicolon_separated_with_commas_inside_cells(tmp_path):
    path = write_csv(tmp_path / "coalitions.csv", [CASA_HEADER, CASA_ROW], sep=";")
    row = load_inputs([path]).data.coalitions.iloc[0]
    assert row["raw_theme"] == "OS, Noord-Zuid"
    assert row["goals"] == "Sensibiliseren, Noord-Zuidproblematiek duiden,…"


def test_utf8_bom_does_not_leak_into_the_first_header(tmp_path):
    path = tmp_path / "coalitions.csv"
    path.write_bytes(b"\xef\xbb\xbfStad,Naam\nGent,Torekes\n")
    result = load_inputs([path])
    assert result.warnings == []
    assert result.data.coalitions["city"].tolist() == ["Gent"]


def test_cp1252_bytes_from_excel_on_windows(tmp_path):
    path = write_csv(tmp_path / "coalitions.csv",
                     [["Stad", "Naam", "Omvang"], ["Brussel", "Café Amélie", "16 vzw’s"]],
                     sep=";", encoding="cp1252")
    assert b"\xe9" in path.read_bytes() and b"\x92" in path.read_bytes()  # é and ’ in cp1252
    result = load_inputs([path])
    assert result.data.coalitions["name"].tolist() == ["Café Amélie"]
    assert result.data.coalitions["n_organisations"].tolist() == [16]
    assert [w.message.split(";")[0] for w in result.warnings] == ["not UTF-8"]


def test_encoding_argument_overrides_detection(tmp_path):
    path = write_csv(tmp_path / "coalitions.csv", [["Stad", "Naam"], ["Gent", "Één"]],
                     encoding="latin-1")
    result = load_inputs([path], encoding="latin-1")
    assert result.data.coalitions["name"].tolist() == ["Één"]
    assert result.warnings == []


def test_paths_combine_and_same_tables_concatenate(tmp_path):
    a = write_csv(tmp_path / "aalst.csv", [CASA_HEADER, CASA_ROW])
    g = write_csv(tmp_path / "gent.csv", [["Stad", "Naam"], ["Gent", "Torekes"]])
    book = write_xlsx(tmp_path / "net.xlsx", {"actors": ACTORS, "ties": TIES})
    result = load_inputs([a, g, book])
    assert result.warnings == []  # gent.csv lacks Thema etc.: absent, not "nan"
    data = result.data
    assert data.coalitions["id"].tolist() == ["aalst-casa-del-mundo", "gent-torekes"]
    assert data.coalitions["themes"].tolist()[1] == []
    assert data.coalitions["raw_theme"].tolist()[1] is None
    assert len(data.actors) == 3 and len(data.ties) == 1


def test_duplicate_across_files_names_the_other_file(tmp_path):
    a = write_csv(tmp_path / "a.csv", [["Stad", "Naam"], ["Gent", "Torekes"]])
    b = write_csv(tmp_path / "b.csv", [["Stad", "Naam"], ["Gent", "Torekes"]])
    with pytest.raises(InputError) as info:
        load_inputs([a, b])
    [problem] = info.value.problems
    assert (problem.file, problem.row, problem.column) == (str(b), 2, "id")
    assert problem.message == (
        f'duplicate coalition: same city and name as row 2 of {a} (id "gent-torekes"); fill '
        "the id column to tell them apart")


def test_actor_network_alone_is_valid(tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", {"actors": ACTORS, "ties": TIES})
    data = load_inputs([path]).data
    assert data.coalitions.empty and len(data.actors) == 3 and len(data.ties) == 1


def test_blank_rows_and_rows_in_the_middle_keep_spreadsheet_numbers(tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", {"coalitions": [
        ["Stad", "Naam", "Leeftijd"], ["Gent", "A", "1990"], [None, None, None],
        ["Gent", "B", "lang geleden"]]})
    result = load_inputs([path])
    assert [(w.sheet, w.row, w.column) for w in result.warnings] == [("coalitions", 4,
                                                                      "Leeftijd")]
    assert len(result.data.coalitions) == 2


def test_unknown_column_is_a_warning_naming_the_columns(tmp_path):
    path = write_csv(tmp_path / "coalitions.csv", [["Stad", "Naam", "Nam"], ["Gent", "A", "x"]])
    [w] = load_inputs([path]).warnings
    assert (w.row, w.column, w.level) == (1, "Nam", "warning")
    assert w.message.startswith("unknown column ignored; the coalitions columns are: id/code, "
                                "naam/name, stad/city, thema/theme,")


def test_coded_sectors_win_over_the_actoren_text(tmp_path):
    path = write_csv(tmp_path / "c.csv", [["Stad", "Naam", "Actoren", "sectors"],
                                          ["Gent", "A", "Stad, vzw's", "private; kennisinstelling"],
                                          ["Gent", "B", "Stad, vzw's", None]])
    data = load_inputs([path]).data
    assert data.coalitions["sectors"].tolist() == [["private", "knowledge"],
                                                   ["city_government", "nonprofit"]]


def test_coded_role_relation_origin_accept_labels_and_dutch(tmp_path):
    path = write_csv(tmp_path / "c.csv", [
        ["Stad", "Naam", "role", "relation", "origin"],
        ["Gent", "A", "Sensibilisering, informatie-uitwisseling en duiding", "complementair",
         "Bottom up"],
        ["Gent", "B", "cooperation", "Adversarial", "top-down"]])
    data = load_inputs([path]).data
    assert data.coalitions[["role", "relation", "origin"]].values.tolist() == [
        ["sensitising", "complementary", "bottom-up"],
        ["cooperation", "adversarial", "top-down"]]


def test_unknown_theme_is_kept_and_warned(tmp_path):
    path = write_csv(tmp_path / "c.csv", [["Stad", "Naam", "Thema"], ["Gent", "A", "Klimaat"]])
    result = load_inputs([path])
    assert result.data.coalitions["themes"].tolist() == [["Klimaat"]]
    assert result.data.coalitions["theme_clusters"].tolist() == [[None]]
    assert [(w.row, w.column, w.level) for w in result.warnings] == [(2, "Thema", "warning")]


def test_output_tables_have_the_model_columns_and_types(tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", {
        "coalitions": [CASA_HEADER, CASA_ROW], "actors": ACTORS, "memberships": MEMBERSHIPS,
        "ties": TIES})
    data = load_inputs([path]).data
    for name, columns in COLUMNS.items():
        assert list(getattr(data, name).columns) == columns
    c = data.coalitions
    assert {str(c[x].dtype) for x in ("founded_year", "n_organisations", "n_volunteers")} == {
        "Int64"}
    assert str(data.memberships["since"].dtype) == "Int64"
    assert data.ties["weight"].dtype == "float64"
    assert all(isinstance(v, list) for x in ("themes", "theme_clusters", "sectors")
               for v in c[x])
    assert c["role"].tolist() == [None] and data.actors["function"].tolist()[0] is None
    for frame in (c, data.actors, data.memberships, data.ties):
        assert all(frame[col].dtype == object for col in frame.columns
                   if str(frame[col].dtype) not in ("Int64", "float64"))


def test_missing_path_and_folder_without_tables(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(InputError) as info:
        load_inputs([tmp_path / "nope.xlsx", tmp_path])
    assert [(Path(p.file).name, p.message, p.level) for p in info.value.problems] == [
        ("nope.xlsx", "file or folder not found", "error"),
        ("notes.txt", "ignored: a CSV file in a folder must be named coalitions, actors, "
         "memberships or ties (Dutch: coalities, actoren, lidmaatschappen, banden); pass a "
         "workbook as its own argument", "warning"),
        (tmp_path.name, "no coalitions.csv, actors.csv, memberships.csv or ties.csv in this "
         "folder (Dutch names coalities, actoren, lidmaatschappen, banden are accepted too)",
         "error"),
    ]


def test_unsupported_extension(tmp_path):
    path = tmp_path / "inventaris.ods"
    path.write_bytes(b"PK\x03\x04whatever")
    with pytest.raises(InputError) as info:
        load_inputs([path])
    assert [p.message for p in info.value.problems] == [
        ".ods files cannot be read; save the workbook as .xlsx (Excel workbook) or export each "
        "sheet as CSV"]


def test_formulas_are_not_evaluated(tmp_path):
    # A formula cell written by openpyxl has no cached value: it reads as empty, never as code.
    path = write_xlsx(tmp_path / "w.xlsx", {"coalitions": [
        ["Stad", "Naam", "Doel"], ["Gent", "A", '=HYPERLINK("http://x","y")']]})
    assert load_inputs([path]).data.coalitions["goals"].tolist() == [None]


def test_bundled_sample_loads_without_problems():
    if not (SAMPLE / "coalitions.csv").exists():
        pytest.skip("sample not bundled yet")
    result = load_inputs([SAMPLE])
    assert result.warnings == []
    data = result.data
    assert len(data.coalitions) == 51
    # The study's theme table sums to 52 for 51 coalitions (DESIGN.md, Taxonomy).
    assert sum(len(t) for t in data.coalitions["themes"]) == 52
    assert all(None not in cl for cl in data.coalitions["theme_clusters"])
