"""The blank inventory workbook a city fills in (``coalitions template --out FILE.xlsx``).

Four sheets with the template's Dutch headers, drop-down lists for every controlled
vocabulary, the study's Casa del Mundo row as the worked example, and a ``toelichting`` sheet
that explains each column. The workbook loads back with
:func:`~coalitions.loaders.load_inputs` without errors.
"""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

from coalitions.fileio import atomic_write, output_error
from coalitions.graph.model import (
    COALITION_ORIGINS,
    COALITION_RELATIONS,
    COALITION_STATUSES,
    FUNCTIONS,
    KINDS,
    MEMBERSHIP_ROLES,
    SECTORS,
)
from coalitions.loaders.taxonomy import ROLES, THEMES

__all__ = ["CASA_DEL_MUNDO", "DUTCH_VALUES", "TEMPLATE_SHEETS", "write_template"]

# Sheet name -> headers, as the city fills them in: all Dutch (the loader reads the English
# headers too: role, relation, relation_year, origin, sectors, end, status, in_between,
# autonomy, resource_dependence, evaluation; from, until).
TEMPLATE_SHEETS: dict[str, tuple[str, ...]] = {
    "coalities": ("Stad", "Naam", "Thema", "Doel", "Acties", "Leeftijd", "Omvang", "Actoren",
                  "id", "rol", "relatie", "relatie_jaar", "oorsprong", "sectoren", "einde",
                  "status", "tussenruimte", "autonomie", "afhankelijkheid", "evaluatie"),
    "actoren": ("id", "naam", "soort", "sector", "functie", "organisatie", "stad"),
    "lidmaatschappen": ("actor", "coalitie", "rol", "van", "tot"),
    "banden": ("bron", "doel", "type", "gewicht", "gericht"),
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

# The Dutch word the drop-downs offer for each code, per vocabulary (the loader takes the
# English codes as well). Relation and origin keep the study's own words ("complementair,
# supplementair, of 'adversarial'"; "'bottom-up' en 'top-down' coalities").
DUTCH_VALUES: dict[str, dict[str, str]] = {
    "role": {"sensitising": "sensibilisering", "public_space": "publieke ruimte",
             "innovation": "innovatie", "cooperation": "samenwerking", "services": "diensten"},
    "relation": {"complementary": "complementair", "supplementary": "supplementair",
                 "adversarial": "adversarial"},
    "origin": {"bottom-up": "bottom-up", "top-down": "top-down"},
    "status": {"active": "actief", "stopped": "gestopt", "merged": "opgegaan in"},
    "sector": {"city_government": "stedelijke overheid", "other_government": "andere overheid",
               "nonprofit": "middenveld", "private": "bedrijf", "citizens": "burgers",
               "knowledge": "kennisinstelling"},
    "kind": {"organisation": "organisatie", "person": "persoon"},
    "function": {"official": "ambtenaar", "politician": "politicus", "staff": "medewerker",
                 "volunteer": "vrijwilliger", "resident": "bewoner"},
    "membership_role": {"member": "lid", "pivot": "spilfiguur", "coordinator": "coördinator",
                        "funder": "financier", "partner": "partner", "advisor": "adviseur"},
    "directed": {"yes": "ja", "no": "nee"},
}
_CODES = {"role": tuple(r.code for r in ROLES), "relation": COALITION_RELATIONS,
          "origin": COALITION_ORIGINS, "status": COALITION_STATUSES, "sector": SECTORS,
          "kind": KINDS, "function": FUNCTIONS, "membership_role": MEMBERSHIP_ROLES,
          "directed": ("yes", "no")}


def _dutch(vocabulary: str) -> tuple[str, ...]:
    return tuple(DUTCH_VALUES[vocabulary][code] for code in _CODES[vocabulary])


# (sheet, header) -> (vocabulary, one value per cell). Cells that may hold several values
# (roles, sectors) get the list as a suggestion only.
_LISTS: dict[tuple[str, str], tuple[str, bool]] = {
    ("coalities", "rol"): ("role", False),
    ("coalities", "relatie"): ("relation", True),
    ("coalities", "oorsprong"): ("origin", True),
    ("coalities", "sectoren"): ("sector", False),
    ("coalities", "status"): ("status", True),
    ("actoren", "soort"): ("kind", True),
    ("actoren", "sector"): ("sector", True),
    ("actoren", "functie"): ("function", True),
    ("lidmaatschappen", "rol"): ("membership_role", True),
    ("banden", "gericht"): ("directed", True),
}
_ROWS = 2000  # drop-downs cover this many data rows


def _both(vocabulary: str) -> str:
    return ", ".join(f"{DUTCH_VALUES[vocabulary][c]} ({c})" if DUTCH_VALUES[vocabulary][c] != c
                     else c for c in _CODES[vocabulary])


# (sheet, header, English header the loader also reads, meaning)
_EXPLANATION: tuple[tuple[str, str, str, str], ...] = (
    ("coalities", "Stad", "city", "De stad van de coalitie (verplicht)."),
    ("coalities", "Naam", "name", "Naam van de coalitie (verplicht)."),
    ("coalities", "Thema", "theme", "Thema's, gescheiden door komma's. Bekende thema's: "
     + "; ".join(t.name for t in THEMES) + ". Een ander thema wordt bewaard en gemeld."),
    ("coalities", "Doel", "goals", "Doelen, vrije tekst."),
    ("coalities", "Acties", "actions", "Acties, vrije tekst."),
    ("coalities", "Leeftijd", "founded", "Oprichtingsjaar, vrije tekst: °1994, sinds 2008, "
     "1999. Een eindjaar mag erbij: °1994 – 2016, einde 2016, gestopt in 2015."),
    ("coalities", "Omvang", "size", "Omvang, vrije tekst: 16 vzw's (+ 100 vrijwilligers)."),
    ("coalities", "Actoren", "actors", "Wie neemt deel, vrije tekst: Stad, Provincie, vzw's, "
     "bedrijven, vrijwilligers."),
    ("coalities", "id", "id", "Optioneel: een vaste code. Leeg: stad-naam (bv. "
     "aalst-casa-del-mundo)."),
    ("coalities", "rol", "role", "Optioneel: de rollen en doelen van de coalitie, gescheiden "
     "door ';', de primaire rol eerst (de meeste coalities combineren rollen; de studie telt "
     "de primaire). Waarden: " + "; ".join(
         f"{DUTCH_VALUES['role'][r.code]} ({r.code}: {r.label})" for r in ROLES) + "."),
    ("coalities", "relatie", "relation", "Optioneel: de relatie met de stedelijke overheid "
     "(Young 2000): complementair = vult aan wat de overheid doet, in samenwerking; "
     "supplementair = doet wat de overheid niet (meer) doet; adversarial = staat tegenover de "
     "overheid en daagt haar beleid uit. Waarden: " + _both("relation") + "."),
    ("coalities", "relatie_jaar", "relation_year", "Optioneel: het jaar waarin die relatie "
     "zo was (de relatie kan veranderen; een latere inventaris legt de nieuwe vast)."),
    ("coalities", "oorsprong", "origin", "Optioneel: ontstaan van onderuit (burgers, "
     "middenveld) of van bovenaf (overheid). Waarden: " + _both("origin") + "."),
    ("coalities", "sectoren", "sectors", "Optioneel, deelnemende sectoren gescheiden door ';' ("
     + _both("sector") + "). Gaat voor op de tekst in Actoren."),
    ("coalities", "einde", "end", "Optioneel: het jaar waarin de coalitie stopte of opging in "
     "een andere. Gaat voor op een eindjaar in Leeftijd."),
    ("coalities", "status", "status", "Optioneel: " + _both("status") + ". Leeg met een "
     "eindjaar: gestopt. 'opgegaan in' mag gevolgd worden door de naam (opgegaan in X)."),
    ("coalities", "tussenruimte", "in_between", "Vrije tekst: de tussenruimte tussen overheid "
     "en samenleving: zijn ambtenaren en politici zichtbaar in en tussen coalities, hoe "
     "organiseert de stad zich voor coalitie-denken (bestuurscultuur, communicatie, "
     "speelveld)?"),
    ("coalities", "autonomie", "autonomy", "Vrije tekst: de onafhankelijkheid van de coalitie "
     "tegenover de overheid (en omgekeerd): hoeveel autonomie heeft ze, 'living apart "
     "together'?"),
    ("coalities", "afhankelijkheid", "resource_dependence", "Vrije tekst: afhankelijkheid van "
     "middelen ('resource dependence'): van wie komen geld, ruimte, personeel, en wat volgt "
     "daaruit?"),
    ("coalities", "evaluatie", "evaluation", "Vrije tekst: evaluatie van de coalitie: is ze "
     "legitiem en zichtbaar, aanvullend op publiek initiatief, genereert ze transitie, leert "
     "ze?"),
    ("actoren", "id", "id", "Unieke code van de actor (verplicht)."),
    ("actoren", "naam", "name", "Naam (verplicht)."),
    ("actoren", "soort", "kind", _both("kind") + " (verplicht)."),
    ("actoren", "sector", "sector", _both("sector") + "."),
    ("actoren", "functie", "function", "Voor personen: " + _both("function") + "."),
    ("actoren", "organisatie", "organisation", "Voor personen: id van de organisatie "
     "waarvoor men werkt."),
    ("actoren", "stad", "city", "Stad of regio van de actor."),
    ("lidmaatschappen", "actor", "actor", "id van een actor (verplicht)."),
    ("lidmaatschappen", "coalitie", "coalition", "id of (unieke) naam van een coalitie "
     "(verplicht)."),
    ("lidmaatschappen", "rol", "role", "De rol van dit lid: " + _both("membership_role")
     + "; spilfiguur = aanspreekpunt. Leeg: lid."),
    ("lidmaatschappen", "van", "from", "Jaar van toetreding (ook: sinds/since)."),
    ("lidmaatschappen", "tot", "until", "Jaar waarin het lid de coalitie verliet; leeg: "
     "nog lid."),
    ("banden", "bron", "source", "id van een actor (verplicht)."),
    ("banden", "doel", "target", "id van een andere actor (verplicht)."),
    ("banden", "type", "type", "Soort band, vrije tekst (bv. financiering, samenwerking)."),
    ("banden", "gewicht", "weight", "Getal van 0 of meer. Leeg: 1."),
    ("banden", "gericht", "directed", "ja: de band gaat van bron naar doel (bv. financiert, "
     "adviseert); nee: wederzijds (bv. werkt samen met). Leeg: volgens het type; een onbekend "
     "type is wederzijds."),
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
            vocabulary, one = allowed
            values = _dutch(vocabulary)
            # A warning, not a stop: the English codes (and, where a cell takes several
            # values, a list) are accepted too; the loader checks every value.
            dv = DataValidation(type="list", formula1='"' + ",".join(values) + '"',
                                allow_blank=True, showErrorMessage=one, errorStyle="warning",
                                errorTitle=f"{header}: onbekende waarde",
                                error="Toegelaten: " + _both(vocabulary))
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
    notes.append(["blad", "kolom", "Engelse kolom", "betekenis"])
    for cell in notes[1]:
        cell.font = bold
    for row in _EXPLANATION:
        notes.append(list(row))
    notes.column_dimensions["A"].width = 18
    notes.column_dimensions["B"].width = 16
    notes.column_dimensions["C"].width = 20
    notes.column_dimensions["D"].width = 110
    # Into memory first: a zip file that fails half-way still writes from its finaliser.
    # (openpyxl still writes each sheet to a temporary file: a full disk shows there.)
    buffer = io.BytesIO()
    try:
        book.save(buffer)
    except OSError as exc:
        raise output_error(path, exc) from None
    except Exception as exc:
        # openpyxl writes through lxml where it is installed, whose SerialisationError names
        # the failed write's errno (IO_EFBIG, IO_ENOSPC) instead of raising OSError.
        code = getattr(errno, str(exc).removeprefix("IO_"), None) \
            if str(exc).startswith("IO_E") else None
        if code is None:
            raise
        raise output_error(path, OSError(code, os.strerror(code))) from None
    with atomic_write(path, "wb") as fh:
        fh.write(buffer.getvalue())
