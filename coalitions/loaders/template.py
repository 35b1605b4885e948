"""The blank inventory workbook a city fills in (``coalitions template --out FILE.xlsx``).

Four sheets with the template's Dutch headers, drop-down lists for every controlled
vocabulary, the study's Casa del Mundo row as the worked example, and a ``toelichting`` sheet
that explains each column. The workbook loads back with
:func:`~coalitions.loaders.load_inputs` without errors.
"""

from __future__ import annotations

from pathlib import Path

from coalitions.graph.model import (
    COALITION_ORIGINS,
    COALITION_RELATIONS,
    FUNCTIONS,
    KINDS,
    MEMBERSHIP_ROLES,
    SECTORS,
)
from coalitions.loaders.taxonomy import ROLES, THEMES

__all__ = ["CASA_DEL_MUNDO", "TEMPLATE_SHEETS", "write_template"]

# Sheet name -> headers, as the city fills them in (Dutch; the loader reads English too).
TEMPLATE_SHEETS: dict[str, tuple[str, ...]] = {
    "coalities": ("Stad", "Naam", "Thema", "Doel", "Acties", "Leeftijd", "Omvang", "Actoren",
                  "id", "role", "relation", "origin", "sectors"),
    "actoren": ("id", "naam", "soort", "sector", "functie", "organisatie", "stad"),
    "lidmaatschappen": ("actor", "coalitie", "rol", "sinds"),
    "banden": ("bron", "doel", "type", "gewicht"),
}

# The study's example row, exactly as the research presentation prints it.
CASA_DEL_MUNDO: dict[str, str] = {
    "Stad": "Aalst",
    "Naam": "Casa del Mundo",
    "Thema": "OS, Noord-Zuid",
    "Doel": "Sensibiliseren, Noord-Zuidproblematiek duiden,…",
    "Acties": "Markt met producten en eetwaren uit de hele wereld. Multiculturele sfeer met "
              "randanimatie en optredens",
    "Leeftijd": "°1994 (eerste Casa del Mundo)",
    "Omvang": "16 vzw’s (+ 100 vrijwilligers) Sinds enkele jaren verenigd in een Werkgroep "
              "Casa del Mundo",
    "Actoren": "Werkgroep (Stad, vzw’s, NGO’s, vrijwilligers)",
}

# (sheet, header) -> allowed values offered as a drop-down. "sectors" holds several codes,
# so its list is a suggestion that other text (a second code) may follow.
_LISTS: dict[tuple[str, str], tuple[tuple[str, ...], bool]] = {
    ("coalities", "role"): (tuple(r.code for r in ROLES), True),
    ("coalities", "relation"): (COALITION_RELATIONS, True),
    ("coalities", "origin"): (COALITION_ORIGINS, True),
    ("coalities", "sectors"): (SECTORS, False),
    ("actoren", "soort"): (KINDS, True),
    ("actoren", "sector"): (SECTORS, True),
    ("actoren", "functie"): (FUNCTIONS, True),
    ("lidmaatschappen", "rol"): (MEMBERSHIP_ROLES, True),
}
_ROWS = 2000  # drop-downs cover this many data rows

_EXPLANATION: tuple[tuple[str, str, str], ...] = (
    ("coalities", "Stad", "De stad van de coalitie (verplicht)."),
    ("coalities", "Naam", "Naam van de coalitie (verplicht)."),
    ("coalities", "Thema", "Thema's, gescheiden door komma's. Bekende thema's: "
     + "; ".join(t.name for t in THEMES) + ". Een ander thema wordt bewaard en gemeld."),
    ("coalities", "Doel", "Doelen, vrije tekst."),
    ("coalities", "Acties", "Acties, vrije tekst."),
    ("coalities", "Leeftijd", "Oprichtingsjaar, vrije tekst: °1994, sinds 2008, 1999."),
    ("coalities", "Omvang", "Omvang, vrije tekst: 16 vzw's (+ 100 vrijwilligers)."),
    ("coalities", "Actoren", "Wie neemt deel, vrije tekst: Stad, Provincie, vzw's, bedrijven, "
     "vrijwilligers."),
    ("coalities", "id", "Optioneel: een vaste code. Leeg: stad-naam (bv. aalst-casa-del-mundo)."),
    ("coalities", "role", "Optioneel, primaire rol: " + ", ".join(
        f"{r.code} ({r.label})" for r in ROLES) + "."),
    ("coalities", "relation", "Optioneel, relatie tot het stadsbestuur: "
     + ", ".join(COALITION_RELATIONS) + "."),
    ("coalities", "origin", "Optioneel: " + ", ".join(COALITION_ORIGINS) + "."),
    ("coalities", "sectors", "Optioneel, deelnemende sectoren gescheiden door ';' ("
     + ", ".join(SECTORS) + "). Gaat voor op de tekst in Actoren."),
    ("actoren", "id", "Unieke code van de actor (verplicht)."),
    ("actoren", "naam", "Naam (verplicht)."),
    ("actoren", "soort", "organisation of person (verplicht)."),
    ("actoren", "sector", ", ".join(SECTORS) + "."),
    ("actoren", "functie", "Voor personen: " + ", ".join(FUNCTIONS) + "."),
    ("actoren", "organisatie", "Voor personen: id van de organisatie waarvoor men werkt."),
    ("actoren", "stad", "Stad of regio van de actor."),
    ("lidmaatschappen", "actor", "id van een actor (verplicht)."),
    ("lidmaatschappen", "coalitie", "id of (unieke) naam van een coalitie (verplicht)."),
    ("lidmaatschappen", "rol", ", ".join(MEMBERSHIP_ROLES)
     + "; pivot = spilfiguur/aanspreekpunt. Leeg: member."),
    ("lidmaatschappen", "sinds", "Jaar van toetreding."),
    ("banden", "bron", "id van een actor (verplicht)."),
    ("banden", "doel", "id van een andere actor (verplicht)."),
    ("banden", "type", "Soort band, vrije tekst (bv. financiering, samenwerking)."),
    ("banden", "gewicht", "Getal van 0 of meer. Leeg: 1."),
)


def write_template(path: str | Path) -> None:
    """Write the blank inventory workbook to ``path`` (an ``.xlsx`` file).

    Parameters
    ----------
    path
        Where to write; an existing file is replaced.

    Notes
    -----
    Sheets ``coalities``, ``actoren``, ``lidmaatschappen`` and ``banden`` carry the
    template's Dutch headers (:data:`TEMPLATE_SHEETS`); the coded columns have drop-down
    lists of their allowed values; ``coalities`` holds the study's Casa del Mundo row
    (:data:`CASA_DEL_MUNDO`) as an example, and ``toelichting`` explains every column.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for sheet_name, headers in TEMPLATE_SHEETS.items():
        ws = book.create_sheet(sheet_name)
        ws.append(list(headers))
        for cell in ws[1]:
            cell.font = bold
        ws.freeze_panes = "A2"
        for i, header in enumerate(headers, start=1):
            ws.column_dimensions[get_column_letter(i)].width = max(12, len(header) + 4)
            allowed = _LISTS.get((sheet_name, header))
            if allowed is None:
                continue
            values, strict = allowed
            dv = DataValidation(type="list", formula1='"' + ",".join(values) + '"',
                                allow_blank=True, showErrorMessage=strict,
                                errorTitle=f"{header}: onbekende waarde",
                                error="Toegelaten: " + ", ".join(values))
            letter = get_column_letter(i)
            dv.add(f"{letter}2:{letter}{_ROWS + 1}")
            ws.add_data_validation(dv)
        if sheet_name == "coalities":
            ws.append([CASA_DEL_MUNDO.get(h) for h in headers])
            for cell in ws[2]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            for letter in "CDEFGH":
                ws.column_dimensions[letter].width = 30
    notes = book.create_sheet("toelichting")
    notes.append(["blad", "kolom", "betekenis"])
    for cell in notes[1]:
        cell.font = bold
    for row in _EXPLANATION:
        notes.append(list(row))
    notes.column_dimensions["A"].width = 18
    notes.column_dimensions["B"].width = 14
    notes.column_dimensions["C"].width = 110
    book.save(Path(path))
