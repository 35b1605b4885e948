"""Hostile workbooks, small on disk and huge unpacked, written by streaming into a zip."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_SHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_BOOK_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def write_workbook(path: Path, sheets: dict[str, Iterable[bytes]],
                   states: dict[str, str] | None = None) -> Path:
    """A minimal valid .xlsx whose sheets' XML is streamed from byte chunks (rows).

    Each sheet's XML is written piece by piece into the deflated zip member, so a sheet of
    hundreds of megabytes costs the test no memory.
    """
    states = states or {}
    names = list(sheets)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_SHEET_CT}"/>'
            for i in range(1, len(names) + 1))
        z.writestr("[Content_Types].xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{_CT}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_BOOK_CT}"/>{overrides}'
            "</Types>"))
        z.writestr("_rels/.rels", (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"))
        sheet_list = "".join(
            f'<sheet name="{n}" sheetId="{i}" r:id="rId{i}"'
            + (f' state="{states[n]}"' if n in states else "") + "/>"
            for i, n in enumerate(names, start=1))
        z.writestr("xl/workbook.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook {_NS} xmlns:r="{_REL}">'
            f"<sheets>{sheet_list}</sheets></workbook>"))
        rels = "".join(
            f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" '
            f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(names) + 1))
        z.writestr("xl/_rels/workbook.xml.rels",
                   f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">'
                   f"{rels}</Relationships>")
        for i, name in enumerate(names, start=1):
            with z.open(f"xl/worksheets/sheet{i}.xml", "w", force_zip64=True) as out:
                out.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_NS}>'
                          "<sheetData>".encode())
                for chunk in sheets[name]:
                    out.write(chunk)
                out.write(b"</sheetData></worksheet>")
    return path


def row(number: int, *cells: str) -> bytes:
    """One row of inline-string cells (cells given as already XML-safe text)."""
    letters = "ABCDEFGHIJ"
    return (f'<row r="{number}">' + "".join(
        f'<c r="{letters[i]}{number}" t="inlineStr"><is><t>{v}</t></is></c>'
        for i, v in enumerate(cells)) + "</row>").encode()


def rows(header: list[str], body: Iterable[list[str]]) -> Iterator[bytes]:
    yield row(1, *header)
    for n, cells in enumerate(body, start=2):
        yield row(n, *cells)


def huge_cell_sheet(megabytes: int) -> Iterator[bytes]:
    """A coalitions sheet whose second row has one cell of ``megabytes`` MB of 'x'."""
    yield row(1, "Stad", "Naam", "Doel")
    yield b'<row r="2"><c r="A2" t="inlineStr"><is><t>Gent</t></is></c>'
    yield b'<c r="B2" t="inlineStr"><is><t>Energent</t></is></c>'
    yield b'<c r="C2" t="inlineStr"><is><t>'
    block = b"x" * (1 << 20)
    for _ in range(megabytes):
        yield block
    yield b"</t></is></c></row>"


def many_rows_sheet(n: int) -> Iterator[bytes]:
    """A memberships sheet of ``n`` identical rows below the header.

    Rows and cells without their optional ``r`` reference (readers number them in order), so
    that every row is the same bytes and the sheet compresses about a thousandfold.
    """
    yield row(1, "actor", "coalition")
    one = (b'<row><c t="inlineStr"><is><t>a1</t></is></c>'
           b'<c t="inlineStr"><is><t>c1</t></is></c></row>')
    batch = one * 10_000
    for _ in range(n // 10_000):
        yield batch
    yield one * (n % 10_000)
