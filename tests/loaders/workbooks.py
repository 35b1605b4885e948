"""Writing small test workbooks: one helper for every loader test."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook


def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    """An .xlsx at ``path`` with one sheet per entry, rows as given (first row = header)."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for r in rows:
            ws.append(r)
    book.save(path)
    return path
