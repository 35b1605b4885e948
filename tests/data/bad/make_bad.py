"""Write the bad-input corpus next to this script: ``python tests/data/bad/make_bad.py``.

Every file is small and deterministic. Binary, encoding and workbook files are awkward to
write by hand, so the whole corpus is generated here; the expected messages live in
``tests/loaders/test_bad_corpus.py``. Re-run after changing an entry and commit the result.
"""

from __future__ import annotations

import random
import shutil
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

COALITIONS_HEADER = "Stad;Naam;Thema;Doel;Acties;Leeftijd;Omvang;Actoren\n"


def text(name: str, content: str, encoding: str = "utf-8") -> None:
    path = HERE / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode(encoding))


def raw(name: str, content: bytes) -> None:
    path = HERE / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def workbook(name: str, sheets: dict[str, list[list[object]]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for sheet, rows in sheets.items():
        ws = book.create_sheet(sheet)
        for row in rows:
            ws.append(row)
    path = HERE / name
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    # openpyxl stamps the current time into docProps/core.xml; rewrite it so that the file
    # is byte-for-byte the same on every run.
    _fix_timestamps(path)


def _fix_timestamps(path: Path) -> None:
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                import re

                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2007-09-01T00:00:00Z", data)
            info.date_time = (2007, 9, 1, 0, 0, 0)
            dst.writestr(info, data)
    tmp.replace(path)


def main() -> None:
    for old in HERE.iterdir():
        if old.name not in ("make_bad.py", "__init__.py", "__pycache__"):
            shutil.rmtree(old) if old.is_dir() else old.unlink()

    # --- files that are not what their name says --------------------------------------
    rng = random.Random(7)
    raw("binary.csv", bytes(rng.randrange(256) for _ in range(512)) + b"\x00\x00")
    raw("high_bytes.csv", bytes(rng.randrange(128, 256) for _ in range(300)))
    raw("empty.csv", b"")
    raw("blank.csv", b"  \n\n \r\n")
    workbook("wrong_sheets.xlsx", {"Blad1": [["Stad", "Naam"], ["Gent", "Energent"]],
                                   "Sheet2": [["x"]]})
    shutil.copy(HERE / "wrong_sheets.xlsx", HERE / "workbook_named.csv")
    raw("truncated.xlsx", (HERE / "wrong_sheets.xlsx").read_bytes()[:300])
    raw("old_format.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    # KOI8-R bytes: not UTF-8, and no Western encoding fits them with confidence.
    text("koi8.csv", "Stad;Naam\nGent;Журнал новости\n", "koi8_r")

    # --- encodings and separators that must load (with at most a warning) ---------------
    casa = ("Aalst;Casa del Mundo;OS, Noord-Zuid;Sensibiliseren;Markt;°1994 (eerste Casa "
            "del Mundo);16 vzw’s (+ 100 vrijwilligers);Werkgroep (Stad, vzw’s, NGO’s, "
            "vrijwilligers)\nGent;Café Amélie;Welzijn;;;sinds 2008;8 organisaties;vzw’s\n")
    text("cp1252.csv", COALITIONS_HEADER + casa, "cp1252")
    raw("bom.csv", b"\xef\xbb\xbf" + (COALITIONS_HEADER + casa).encode("utf-8"))
    raw("utf16.csv", (COALITIONS_HEADER + casa).encode("utf-16"))

    # A UTF-8 file with one cp1252 byte (0xE9, é) in row 3: read as cp1252 it would turn
    # every "Café" into "CafÃ©"; it is refused at the row instead.
    raw("stray_byte.csv", (COALITIONS_HEADER + "Gent;Café Renée;Welzijn;;;;;\n").encode()
        + b"Gent;Caf\xe9 Amour;Welzijn;;;;;\n"
        + "Leuven;Crème de la crème;Welzijn;;;;;\n".encode())

    # --- identity: ids that look alike, characters that hide (issue 21, item 11) -----------
    # "café" once composed (NFC, é) and once decomposed (NFD, e + U+0301); "org-x" and
    # "ORG-X"; a name with a right-to-left override; a bell character; a reference that
    # differs from its id only in case.
    text("identity/coalitions.csv", "id,Stad,Naam\nc1,Gent,Energent\nC1,Gent,Torekes\n")
    text("identity/actors.csv",
         "id,name,kind\n"
         "org-x,Org X,organisation\n"
         "ORG-X,Org X,organisation\n"
         "caf\u00e9,Café,organisation\n"
         "cafe\u0301,Café,organisation\n"
         "rtl,Stad \u202eGent,organisation\n"
         "bell,Ding\u0007,organisation\n")
    text("identity/memberships.csv", "actor,coalition\norg-x,c1\nOrg-X,c1\n")

    # --- structure ------------------------------------------------------------------------
    text("ragged.csv", "Stad;Naam;Thema\nGent;Energent;Energie\nGent;Torekes;Welzijn;extra\n"
                       "Leuven;Innovage;Woonzorgbeleid\n")
    text("duplicate_header.csv", "Stad,Naam,name\nGent,Energent,Energent\n")
    text("huge_cell.csv", "Stad,Naam,Doel\nGent,Energent," + "x" * 100_000 + "\n")
    text("missing_columns/coalitions.csv", "Naam,Thema\nEnergent,Energie\n")
    text("missing_columns/actors.csv", "id,naam\na1,Stad Gent\n")
    text("missing_columns/memberships.csv", "actor\na1\n")
    text("missing_columns/ties.csv", "bron,gewicht\na1,1\n")

    # --- one file per validation category --------------------------------------------------
    text("every_category/coalitions.csv",
         "id;Stad;Naam;Thema;Leeftijd;Omvang;Actoren;role;relation;origin;sectors;"
         "aantal vrijwilligers\n"
         "c1;Gent;Energent;Energie, Klimaat;sinds 2008;-5 vzw's;Stad, bedrijven;innovatie;"
         "complementair;bottom-up;;\n"
         "c1;Gent;Torekes;Welzijn;1750;veel;een werkgroep;xx;yy;zz;stad, kerk;twintig\n"
         ";Gent;;Welzijn;lang geleden;;;;;;;\n"
         "c3;Leuven;Innovage;Woonzorgbeleid;2999;12 partners;Stad;;;;;-3\n"
         "c4;Leuven;Innovage;Woonzorgbeleid;2005;;Stad;;;;;\n")
    text("every_category/actors.csv",
         "id,name,kind,sector,function,organisation,city\n"
         "a1,Stad Gent,organisation,stad,,,Gent\n"
         "a2,Jan,person,city_government,schepen,a3,Gent\n"
         "a3,Piet,persoon,,ambtenaar,a9,Gent\n"
         "a1,Dubbel,organisation,,,,\n"
         "a4,,alien,martian,king,,\n")
    text("every_category/memberships.csv",
         "actor,coalition,role,since\n"
         "a1,c1,spilfiguur,2008\n"
         "a2,Energent,lid,20x8\n"
         "a9,c9,boss,1700\n"
         "a1,c1,,\n"
         "a2,Innovage,,\n"
         ",c1,,\n")
    text("every_category/ties.csv",
         "source,target,type,weight\n"
         "a1,a2,funding,\"2,5\"\n"
         "a1,a1,x,1\n"
         "a1,a9,x,abc\n"
         "a2,a3,,-1\n"
         "a1,a2,funding,3\n")


if __name__ == "__main__":
    main()
