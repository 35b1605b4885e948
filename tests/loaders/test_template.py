"""The blank workbook a city fills in (coalitions/loaders/template.py)."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from coalitions.graph.model import canonical
from coalitions.loaders import load_inputs, write_template
from coalitions.loaders.template import DUTCH_VALUES


def test_template_has_the_four_sheets_with_dutch_headers(tmp_path):
    path = tmp_path / "template.xlsx"
    write_template(path)
    book = load_workbook(path)
    assert book.sheetnames == ["coalities", "actoren", "lidmaatschappen", "banden",
                               "toelichting"]
    header = [c.value for c in book["coalities"][1]]
    # Every header Dutch (the issue: "the template mixes Dutch headers with English codes").
    assert header == ["Stad", "Naam", "Thema", "Doel", "Acties", "Leeftijd", "Omvang",
                      "Actoren", "id", "rol", "relatie", "relatie_jaar", "oorsprong",
                      "sectoren", "einde", "status", "tussenruimte", "autonomie",
                      "afhankelijkheid", "evaluatie"]
    assert [c.value for c in book["actoren"][1]] == [
        "id", "naam", "soort", "sector", "functie", "organisatie", "stad"]
    assert [c.value for c in book["lidmaatschappen"][1]] == ["actor", "coalitie", "rol", "van",
                                                             "tot"]
    assert [c.value for c in book["banden"][1]] == ["bron", "doel", "type", "gewicht",
                                                    "gericht"]


def test_example_row_is_the_studys_casa_del_mundo(tmp_path):
    path = tmp_path / "template.xlsx"
    write_template(path)
    row = [c.value for c in load_workbook(path)["coalities"][2]][:8]
    # Copied from the study's template example (shared/study, "STAP 2").
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

    # The drop-downs offer Dutch words (the study's own for relation and origin).
    assert lists("actoren") == {
        "soort": ("list", ["organisatie", "persoon"]),
        "sector": ("list", ["stedelijke overheid", "andere overheid", "middenveld", "bedrijf",
                            "burgers", "kennisinstelling"]),
        "functie": ("list", ["ambtenaar", "politicus", "medewerker", "vrijwilliger", "bewoner"])}
    assert lists("lidmaatschappen") == {"rol": ("list", [
        "lid", "spilfiguur", "coördinator", "financier", "partner", "adviseur"])}
    coalities = lists("coalities")
    assert coalities["rol"] == ("list", ["sensibilisering", "publieke ruimte", "innovatie",
                                         "samenwerking", "diensten"])
    assert coalities["relatie"] == ("list", ["complementair", "supplementair", "adversarial"])
    assert coalities["oorsprong"] == ("list", ["bottom-up", "top-down"])
    assert coalities["status"] == ("list", ["actief", "gestopt", "opgegaan in"])
    assert coalities["sectoren"][1][0] == "stedelijke overheid"


@pytest.mark.parametrize("vocabulary", sorted(DUTCH_VALUES))
def test_every_dutch_drop_down_value_loads_as_its_code(vocabulary):
    from coalitions.loaders.taxonomy import match_role

    for code, word in DUTCH_VALUES[vocabulary].items():
        if vocabulary == "role":
            found = match_role(word).code if match_role(word) else None
        elif vocabulary == "directed":  # a tie's ja/nee
            from coalitions.loaders.taxonomy import parse_directed

            found = {True: "yes", False: "no"}.get(parse_directed(word))
        else:
            found = canonical("role" if vocabulary == "membership_role" else vocabulary, word)
        assert found == code, (word, found)


def test_explanation_sheet_covers_every_column(tmp_path):
    path = tmp_path / "template.xlsx"
    write_template(path)
    book = load_workbook(path)
    rows = list(book["toelichting"].iter_rows(min_row=2, values_only=True))
    explained = {(r[0], r[1]) for r in rows}
    for sheet in ("coalities", "actoren", "lidmaatschappen", "banden"):
        for cell in book[sheet][1]:
            assert (sheet, cell.value) in explained
    # The English header given beside each Dutch one is one the loader reads for it.
    from coalitions.loaders.readers import HEADERS, TABLE_NAMES, _header_key

    for sheet, dutch, english, _meaning in rows:
        kind = next(k for k, names in TABLE_NAMES.items() if sheet in names)
        canon = {_header_key(a): c for c, names in HEADERS[kind].items() for a in names}
        assert canon[_header_key(dutch)] == canon[_header_key(english)], (sheet, dutch)


def test_template_loads_back_without_problems(tmp_path):
    path = tmp_path / "template.xlsx"
    write_template(path)
    result = load_inputs([path])
    assert result.warnings == []
    data = result.data
    assert data.coalitions["id"].tolist() == ["aalst-casa-del-mundo"]
    assert data.coalitions["founded_year"].tolist() == [1994]
    assert data.actors.empty and data.memberships.empty and data.ties.empty
