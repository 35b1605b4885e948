"""The study's five cases and three more, loaded from a Dutch-headed inventory: every field
of the template arrives (tests/data/five_cases, illustrative values; see its README)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from coalitions.errors import InputError
from coalitions.loaders import load_inputs, write_template

FIVE = Path(__file__).parents[1] / "data" / "five_cases"


def _cells(name: str) -> list[dict[str, str]]:
    """The fixture's rows as the csv module reads them (not through the package)."""
    with open(FIVE / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _by_name(data):
    return data.coalitions.set_index("name")


def test_five_cases_load_from_dutch_csvs_without_a_single_warning():
    result = load_inputs([FIVE])
    # The issue: einde, tussenruimte, evaluatie and tot were "dropped with a warning".
    assert result.warnings == []
    assert len(result.data.coalitions) == 8
    assert len(result.data.memberships) == len(_cells("lidmaatschappen"))


def test_combined_roles_keep_the_primary_role_first():
    co = _by_name(load_inputs([FIVE]).data)
    # Expected codes read off the rol cells of coalities.csv by hand.
    assert co.loc["Solied", "roles"] == ["sensitising", "cooperation"]
    assert co.loc["De Koep", "roles"] == ["cooperation", "services", "public_space"]
    assert co.loc["Energent", "roles"] == ["services", "public_space"]  # "services;public_space"
    assert co.loc["Duurzame Haven", "roles"] == ["innovation", "cooperation"]
    assert co.loc["Kritische Massa", "roles"] == ["sensitising"]
    assert (co["role"] == co["roles"].str[0]).all()


def test_end_years_come_from_the_einde_column_and_from_leeftijd():
    co = _by_name(load_inputs([FIVE]).data)
    expected = {  # (founded, end, status) from the Leeftijd, einde and status cells
        "Solied": (2008, None, "active"),
        "Klimopjegevel": (2011, 2016, "stopped"),  # einde 2016, status gestopt
        "Transitie Deurne": (2012, 2018, "merged"),  # "°2012, einde 2018", "opgegaan in …"
        "Kritische Massa": (2008, 2019, "stopped"),  # "°2008 – 2019", no status: stopped
        "Energent": (2013, None, "active"),  # English "active"
    }
    for name, (founded, end, status) in expected.items():
        row = co.loc[name]
        assert row["founded_year"] == founded, name
        assert (pd.isna(row["end_year"]) if end is None else row["end_year"] == end), name
        assert row["status"] == status, name
    # "opgegaan in Transitie Antwerpen": what it went up in is kept as written
    assert co.loc["Transitie Deurne", "merged_into"] == "Transitie Antwerpen"
    assert co["merged_into"].notna().sum() == 1


def test_relation_to_government_with_its_year_and_origin():
    co = _by_name(load_inputs([FIVE]).data)
    cells = {r["Naam"]: r for r in _cells("coalities")}
    words = {"complementair": "complementary", "complementary": "complementary",
             "supplementair": "supplementary", "supplementary": "supplementary",
             "adversarial": "adversarial"}
    for name, cell in cells.items():
        assert co.loc[name, "relation"] == words[cell["relatie"]], name
        assert co.loc[name, "relation_year"] == int(cell["relatie_jaar"]), name
        assert co.loc[name, "origin"] == cell["oorsprong"], name
    assert set(co["relation"]) == {"complementary", "supplementary", "adversarial"}


def test_qualitative_fields_are_kept_as_written():
    co = _by_name(load_inputs([FIVE]).data)
    columns = {"tussenruimte": "in_between", "autonomie": "autonomy",
               "afhankelijkheid": "resource_dependence", "evaluatie": "evaluation"}
    for cell in _cells("coalities"):
        for dutch, prop in columns.items():
            value = co.loc[cell["Naam"], prop]
            assert (value is None if cell[dutch] == "" else value == cell[dutch]), (
                cell["Naam"], dutch)


def test_membership_periods_and_roles():
    data = load_inputs([FIVE]).data
    m = data.memberships.set_index(["actor", "coalition"])
    roles = {"lid": "member", "spilfiguur": "pivot", "financier": "funder",
             "coördinator": "coordinator", "coordinator": "coordinator", "partner": "partner",
             "pivot": "pivot", "adviseur": "advisor"}
    ids = dict(zip(data.coalitions["name"], data.coalitions["id"], strict=True))
    for cell in _cells("lidmaatschappen"):
        row = m.loc[(cell["actor"], ids[cell["coalitie"]])]
        assert row["role"] == roles[cell["rol"]]
        assert row["since"] == int(cell["van"])
        assert (pd.isna(row["until"]) if cell["tot"] == "" else row["until"] == int(cell["tot"]))
    left = data.memberships.dropna(subset=["until"])
    assert len(left) == sum(1 for c in _cells("lidmaatschappen") if c["tot"])


def _fill_template(path: Path) -> None:
    """The blank template with the fixture's rows typed under its Dutch headers."""
    write_template(path)
    book = load_workbook(path)
    for sheet, name in (("coalities", "coalities"), ("actoren", "actoren"),
                        ("lidmaatschappen", "lidmaatschappen")):
        ws = book[sheet]
        headers = [c.value for c in ws[1]]
        if ws.max_row > 1:
            ws.delete_rows(2, ws.max_row - 1)  # the Casa del Mundo example
        for cell in _cells(name):
            assert set(cell) <= set(headers), set(cell) - set(headers)
            ws.append([cell.get(h) or None for h in headers])
    book.save(path)


def test_the_filled_template_workbook_loads_every_field_as_the_csvs_do(tmp_path):
    path = tmp_path / "inventaris.xlsx"
    _fill_template(path)
    from_book = load_inputs([path])
    from_csv = load_inputs([FIVE])
    assert from_book.warnings == []
    for table in ("coalitions", "actors", "memberships"):
        pd.testing.assert_frame_equal(getattr(from_book.data, table),
                                      getattr(from_csv.data, table))


def _bad_copy(tmp_path: Path, changes: dict[tuple[str, int, str], str]) -> Path:
    folder = tmp_path / "bad"
    shutil.copytree(FIVE, folder)
    for name in {k[0] for k in changes}:
        rows = _cells(name)
        for (table, index, column), value in changes.items():
            if table == name:
                rows[index][column] = value
        with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return folder


def test_every_bad_new_value_is_an_error_with_its_row_and_column(tmp_path):
    folder = _bad_copy(tmp_path, {
        ("coalities", 0, "rol"): "services;kerk",          # row 2
        ("coalities", 1, "status"): "actief",             # row 3: fine (no end year)
        ("coalities", 2, "einde"): "2010",                # row 4: before founded 2013
        ("coalities", 3, "status"): "half",               # row 5
        ("coalities", 4, "relatie_jaar"): "1700",         # row 6
        ("coalities", 5, "status"): "actief",             # row 7: has einde 2016
        ("coalities", 6, "einde"): "ooit",                # row 8
        ("coalities", 7, "Leeftijd"): "°2008 – 2099",     # row 9: impossible end year
        ("lidmaatschappen", 0, "tot"): "2001",            # row 2: van 2008
        ("lidmaatschappen", 1, "tot"): "twee",            # row 3
    })
    with pytest.raises(InputError) as caught:
        load_inputs([folder])
    found = {(Path(p.file).name, p.row, p.column, p.message) for p in caught.value.problems
             if p.level == "error"}
    co, m = "coalities.csv", "lidmaatschappen.csv"
    import datetime as dt

    from coalitions.loaders.validate import EARLIEST_YEAR
    year = f"expected a year from {EARLIEST_YEAR} to {dt.date.today().year}"
    assert found == {
        (co, 2, "rol", 'unknown role "kerk"; allowed: sensitising, public_space, innovation, '
         "cooperation, services (or the study's Dutch labels); several separated by ; with "
         "the primary role first"),
        (co, 4, "einde", "end year 2010 is before the founding year 2013 (Leeftijd); "
         "expected an end year from the founding year on"),
        (co, 5, "status", 'unknown status "half"; allowed: active, stopped, merged (Dutch: '
         "actief, gestopt, opgegaan in)"),
        (co, 6, "relatie_jaar", f"impossible year 1700; {year}"),
        (co, 7, "status", 'status "actief" but the coalition has an end year; expected stopped '
         "or merged (Dutch: gestopt, opgegaan in), or no end year"),
        (co, 8, "einde", '"ooit" holds no year; expected the year the coalition ended, such '
         "as 2016"),
        (co, 9, "Leeftijd", f"end year: impossible year 2099; {year}"),
        (m, 2, "tot", "left in 2001, before joining in 2008; expected a year from the year of "
         "joining on"),
        (m, 3, "tot", '"twee" is not a number; expected the year the member left'),
    }


def test_a_membership_after_the_coalitions_end_is_a_warning(tmp_path):
    # Klimopjegevel ended in 2016 (einde); its partner row 6 of lidmaatschappen is changed
    # to have left in 2018 and its coordinator (row 5) to have joined in 2017.
    folder = _bad_copy(tmp_path, {("lidmaatschappen", 4, "tot"): "2018",
                                  ("lidmaatschappen", 3, "van"): "2017",
                                  ("lidmaatschappen", 3, "tot"): ""})
    result = load_inputs([folder])
    assert {(Path(w.file).name, w.row, w.column, w.message) for w in result.warnings} == {
        ("lidmaatschappen.csv", 5, "van", "member joined in 2017, after the coalition ended "
         "in 2016; check the year or the coalition's end year"),
        ("lidmaatschappen.csv", 6, "tot", "member left in 2018, after the coalition ended in "
         "2016; check the year or the coalition's end year"),
    }
    m = result.data.memberships.set_index(["actor", "coalition"])
    assert m.loc[("org-stad-sint-niklaas", "sint-niklaas-klimopjegevel"), "until"] == 2018


# The English header for each Dutch one of the fixture, written out by hand.
_ENGLISH = {
    "coalities": {"Stad": "city", "Naam": "name", "Thema": "theme", "Doel": "goals",
                  "Acties": "actions", "Leeftijd": "founded", "Omvang": "size",
                  "Actoren": "actors", "id": "id", "rol": "roles", "relatie": "relation",
                  "relatie_jaar": "relation_year", "oorsprong": "origin",
                  "sectoren": "sectors", "einde": "end_year", "status": "status",
                  "tussenruimte": "in_between", "autonomie": "autonomy",
                  "afhankelijkheid": "resource_dependence", "evaluatie": "evaluation"},
    "actoren": {"id": "id", "naam": "name", "soort": "kind", "sector": "sector",
                "functie": "function", "organisatie": "organisation", "stad": "city"},
    "lidmaatschappen": {"actor": "actor", "coalitie": "coalition", "rol": "role",
                        "van": "from", "tot": "until"},
}
_FILES = {"coalities": "coalitions", "actoren": "actors", "lidmaatschappen": "memberships"}


def test_english_headers_load_the_same_graph(tmp_path):
    for dutch, english in _FILES.items():
        rows = _cells(dutch)
        with open(tmp_path / f"{english}.csv", "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, delimiter=";")
            writer.writerow([_ENGLISH[dutch][h] for h in rows[0]])
            writer.writerows([list(r.values()) for r in rows])
    english = load_inputs([tmp_path])
    assert english.warnings == []
    dutch = load_inputs([FIVE]).data
    for table in ("coalitions", "actors", "memberships"):
        pd.testing.assert_frame_equal(getattr(english.data, table), getattr(dutch, table))


def test_a_relation_year_outside_the_coalitions_life_is_a_warning(tmp_path):
    # Klimopjegevel (row 7) lived 2011-2016; Solied (row 2) was founded in 2008.
    folder = _bad_copy(tmp_path, {("coalities", 5, "relatie_jaar"): "2018",
                                  ("coalities", 0, "relatie_jaar"): "2005"})
    result = load_inputs([folder])
    assert {(w.row, w.column, w.message) for w in result.warnings} == {
        (2, "relatie_jaar", "relation year 2005 lies outside the coalition's life (Leeftijd, "
         "einde); check the year"),
        (7, "relatie_jaar", "relation year 2018 lies outside the coalition's life (Leeftijd, "
         "einde); check the year"),
    }
