"""Workbooks that unpack to far more than they weigh (issue 21, item 4): refused before
openpyxl parses them, with the limit and how to raise it, in bounded memory and time.

The bombs are written here, streamed into a zip (tests/loaders/bombs.py), so the repository
holds no megabytes of hostile files. Memory is the peak resident size of a child process
that only imports the package and loads the file (VmHWM in /proc/self/status: Linux carries
``getrusage``'s ru_maxrss over from the parent, pytest, across fork and exec; the imports
alone take about 120 MB); the time bound is no benchmark, only "not runaway" (before the fix the
400 MB cell took 944 MB, the five million rows 6.6 GB and 427 s)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalitions.cli import app
from coalitions.errors import InputError, UsageError
from coalitions.loaders import load_inputs
from tests.conftest import SAMPLE, csv_body
from tests.loaders.bombs import huge_cell_sheet, many_rows_sheet, row, write_workbook

ROOT = Path(__file__).resolve().parents[2]
PEAK_MB = 300
SECONDS = 120
runner = CliRunner()

RATIO_HINT = "at most 100:1 is accepted (set COALITIONS_XLSX_MAX_RATIO to raise the limit)"
ROWS_HINT = ("at most 1,048,576 rows per sheet are accepted (Excel's own limit; set "
             "COALITIONS_XLSX_MAX_ROWS to raise it, or give the table as a CSV file)")
CELL_REFUSED = ("refused: a cell holds more than 1 MB of text; at most 32767 characters are "
                "accepted (Excel's own limit for a cell)")

_CHILD = textwrap.dedent("""
    import json, resource, sys, time
    from coalitions.errors import InputError
    from coalitions.loaders import load_inputs
    start = time.perf_counter()
    try:
        load_inputs([sys.argv[1]])
        problems = None
    except InputError as exc:
        problems = [[p.sheet, p.row, p.column, p.message, p.level] for p in exc.problems]
    seconds = time.perf_counter() - start
    try:  # this process's own high-water mark (Linux)
        with open("/proc/self/status") as status:
            peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"problems": problems, "seconds": seconds, "peak_mb": peak / 1024}))
""")


def load_in_child(path: Path, **env: str) -> dict:
    """Load ``path`` in a fresh interpreter; its problems, seconds and peak RSS (MB)."""
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path)], cwd=ROOT,
                          env={**os.environ, **env}, capture_output=True, text=True,
                          timeout=SECONDS, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def cell_bomb(tmp_path_factory) -> Path:
    # 400 MB of "x" in one cell, about 400 KB on disk: the case in the issue.
    path = tmp_path_factory.mktemp("bombs") / "cell.xlsx"
    write_workbook(path, {"coalitions": huge_cell_sheet(400)})
    assert path.stat().st_size < 1 << 20
    return path


@pytest.fixture(scope="module")
def rows_bomb(tmp_path_factory) -> Path:
    # Five million memberships rows in about 1.5 MB: the case in the issue.
    path = tmp_path_factory.mktemp("bombs") / "rows.xlsx"
    write_workbook(path, {"memberships": many_rows_sheet(5_000_000)})
    assert path.stat().st_size < 2 << 20
    return path


def test_a_400_mb_cell_in_a_400_kb_workbook_is_refused_in_bounded_memory(cell_bomb):
    out = load_in_child(cell_bomb)
    [[sheet, row_, column, message, level]] = out["problems"]
    assert (sheet, row_, column, level) == ("coalitions", None, None, "error")
    assert message.startswith("refused: the part xl/worksheets/sheet1.xml unpacks ")
    assert message.endswith(f"(compressed 1028:1, as a decompression bomb is); {RATIO_HINT}")
    assert out["peak_mb"] < PEAK_MB
    assert out["seconds"] < SECONDS


def test_five_million_rows_in_a_small_workbook_are_refused_in_bounded_memory(rows_bomb):
    out = load_in_child(rows_bomb)
    [[sheet, row_, column, message, level]] = out["problems"]
    assert (sheet, row_, column, level) == ("memberships", None, None, "error")
    assert message.endswith(f"as a decompression bomb is); {RATIO_HINT}")
    assert out["peak_mb"] < PEAK_MB
    assert out["seconds"] < SECONDS


@pytest.mark.slow
def test_a_huge_cell_is_refused_unread_even_when_the_ratio_is_allowed(cell_bomb):
    # Without the ratio check the archive scan still finds the cell before openpyxl would
    # hold it whole.
    out = load_in_child(cell_bomb, COALITIONS_XLSX_MAX_RATIO="100000")
    assert out["problems"] == [["coalitions", None, None, CELL_REFUSED, "error"]]
    assert out["peak_mb"] < PEAK_MB
    assert out["seconds"] < SECONDS


@pytest.mark.slow
def test_rows_past_excels_limit_are_counted_and_refused_unread(rows_bomb):
    out = load_in_child(rows_bomb, COALITIONS_XLSX_MAX_RATIO="100000")
    assert out["problems"] == [[
        "memberships", None, None,
        f"refused: the sheet has more than 1,048,576 rows (5,000,001); {ROWS_HINT}", "error"]]
    assert out["peak_mb"] < PEAK_MB
    assert out["seconds"] < SECONDS


def test_the_unpacked_size_limit_counts_what_the_zip_really_unpacks(tmp_path, monkeypatch):
    # 2 MB of ordinary (poorly compressible) text: within the ratio, above a 1 MB limit.
    import random

    rng = random.Random(3)
    words = ["".join(rng.choice("abcdefghij") for _ in range(20)) for _ in range(40_000)]
    path = write_workbook(tmp_path / "big.xlsx", {"coalitions": [
        row(1, "Stad", "Naam"), *(row(i + 2, "Gent", w) for i, w in enumerate(words))]})
    assert load_inputs([path]).data.coalitions.shape[0] == 40_000
    monkeypatch.setenv("COALITIONS_XLSX_MAX_MB", "1")
    with pytest.raises(InputError) as info:
        load_inputs([path])
    assert [(p.sheet, p.row, p.message) for p in info.value.problems] == [(
        None, None, "refused: the workbook unpacks to more than 1 MB; at most 1 MB are "
        "accepted (set COALITIONS_XLSX_MAX_MB to raise the limit)")]


def test_a_row_numbered_past_the_limit_stops_the_reader(tmp_path, monkeypatch):
    # Two row tags, but the second is row 5000: openpyxl would hand over 4998 empty rows
    # before it (a billion for r="1000000000"); the reader stops at the limit.
    path = write_workbook(tmp_path / "far.xlsx", {"coalitions": [
        row(1, "Stad", "Naam"), row(5000, "Gent", "Energent")]})
    assert load_inputs([path]).data.coalitions["name"].tolist() == ["Energent"]
    monkeypatch.setenv("COALITIONS_XLSX_MAX_ROWS", "1000")
    with pytest.raises(InputError) as info:
        load_inputs([path])
    assert [(p.sheet, p.row, p.message) for p in info.value.problems] == [(
        "coalitions", None, "refused: the sheet has more than 1,000 rows; at most 1,000 rows "
        "per sheet are accepted (Excel's own limit; set COALITIONS_XLSX_MAX_ROWS to raise it, "
        "or give the table as a CSV file)")]


def test_a_limit_that_is_no_number_is_a_usage_error(tmp_path, monkeypatch):
    path = write_workbook(tmp_path / "ok.xlsx", {"coalitions": [row(1, "Stad", "Naam")]})
    monkeypatch.setenv("COALITIONS_XLSX_MAX_ROWS", "lots")
    with pytest.raises(UsageError, match="COALITIONS_XLSX_MAX_ROWS='lots' is not a positive"):
        load_inputs([path])
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: COALITIONS_XLSX_MAX_ROWS='lots' is not a positive "
                                    "whole number\n  Hint: unset it to use the default, "
                                    "1,048,576")
    assert "Traceback" not in result.output


def test_the_cli_refuses_a_bomb_and_leaves_the_store_as_it_was(cell_bomb, tmp_path):
    store = ["--store", str(tmp_path / "s.db")]
    assert runner.invoke(app, [*store, "load", str(SAMPLE)]).exit_code == 0
    before = csv_body(runner.invoke(app, [*store, "stats", "-f", "csv"]).stdout)
    for command in (["validate"], [*store, "load"]):
        result = runner.invoke(app, [*command, str(cell_bomb)])
        assert result.exit_code == 1
        lines = result.stderr.splitlines()
        assert lines[0] == "Error: 1 problem in the input; nothing was written"
        assert lines[1].startswith(f"  {cell_bomb}, sheet coalitions: refused: the part "
                                   "xl/worksheets/sheet1.xml unpacks ")
        assert "Traceback" not in result.output
    assert csv_body(runner.invoke(app, [*store, "stats", "-f", "csv"]).stdout) == before
