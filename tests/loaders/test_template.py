"""The blank workbook a city fills in (coalitions/loaders/template.py)."""

from __future__ import annotations

from openpyxl import load_workbook

from coalitions.graph.model import FUNCTIONS, KINDS, MEMBERSHIP_ROLES, SECTORS
from coalitions.loaders import load_inputs, write_template


def test_template_has_the_four_sheets_with_dutch_headers(tmp_path):
    path = tmp_path / "template.xlsx"
    write_template(path)
    book = load_workbook(path)
    assert book.sheetnames == ["coalities", "actoren", "lidmaatschappen", "banden",
                               "toelichting"]
    header = [c.value for c in book["coalities"][1]]
    assert header == ["Stad", "Naam", "Thema", "Doel", "Acties", "Leeftijd", "Omvang",
                      "Actoren", "id", "role", "relation", "origin", "sectors"]
    assert [c.value for c in book["actoren"][1]] == [
        "id", "naam", "soort", "sector", "functie", "organisatie", "stad"]
    assert [c.value for c in book["lidmaatschappen"][1]] == ["actor", "coalitie", "rol", "sinds"]
    assert [c.value for c in book["banden"][1]] == ["bron", "doel", "type", "gewicht"]


def test_example_row_is_the_studys_casa_del_mundo(tmp_path):
    path = tmp_path / "template.xlsx"
    write_template(path)
    row = [c.value for c in load_workbook(path)["coalities"][2]][:8]
    # Copied from the study presentation's template example (shared/seed, "STAP 2").
    assert row == [
        "Aalst", "Casa del Mundo", "OS, Noord-Zuid",
        "Sensibiliseren, Noord-Zuidproblematiek duiden,…",
        "Markt met producten en eetwaren uit de hele wereld. Multiculturele sfeer met "
        "randanimatie en optredens",
        "°1994 (eerste Casa del Mundo)",
        "16 vzw’s (+ 100 vrijwilligers) Sinds enkele jaren verenigd in een Werkgroep Casa del "
        "Mundo",
        "Werkgroep (Stad, vzw’s, NGO’s, vrijwilligers)",
    ]


def test_controlled_vocabularies_have_drop_down_lists(tmp_path):
    path = tmp_path / "template.xlsx"
    write_template(path)
    book = load_workbook(path)

    def lists(sheet):
        out = {}
        ws = book[sheet]
        for dv in ws.data_validations.dataValidation:
            column = str(dv.sqref).split(":")[0].rstrip("0123456789")
            header = ws[f"{column}1"].value
            out[header] = (dv.type, dv.formula1.strip('"').split(","))
        return out

    assert lists("actoren") == {"soort": ("list", list(KINDS)),
                                "sector": ("list", list(SECTORS)),
                                "functie": ("list", list(FUNCTIONS))}
    assert lists("lidmaatschappen") == {"rol": ("list", list(MEMBERSHIP_ROLES))}
    coalities = lists("coalities")
    assert coalities["role"] == ("list", ["sensitising", "public_space", "innovation",
                                          "cooperation", "services"])
    assert coalities["relation"] == ("list", ["complementary", "supplementary", "adversarial"])
    assert coalities["origin"] == ("list", ["bottom-up", "top-down"])
    assert coalities["sectors"] == ("list", list(SECTORS))


def test_explanation_sheet_covers_every_column(tmp_path):
    path = tmp_path / "template.xlsx"
    write_template(path)
    book = load_workbook(path)
    explained = {(r[0].value, r[1].value) for r in book["toelichting"].iter_rows(min_row=2)}
    for sheet in ("coalities", "actoren", "lidmaatschappen", "banden"):
        for cell in book[sheet][1]:
            assert (sheet, cell.value) in explained


def test_template_loads_back_without_problems(tmp_path):
    path = tmp_path / "template.xlsx"
    write_template(path)
    result = load_inputs([path])
    assert result.warnings == []
    data = result.data
    assert data.coalitions["id"].tolist() == ["aalst-casa-del-mundo"]
    assert data.coalitions["founded_year"].tolist() == [1994]
    assert data.actors.empty and data.memberships.empty and data.ties.empty
