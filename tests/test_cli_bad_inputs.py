"""Every file of the bad-input corpus, loaded through the CLI into a store that already
holds the sample: exit 1, one clean message, no traceback, the store exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalitions.cli import app
from tests.conftest import SAMPLE, csv_body, json_rows, neo4j_settings

runner = CliRunner()
BAD = Path(__file__).resolve().parent / "data" / "bad"
# Files in the corpus that are valid after all (encodings the loader reads): they must load.
READABLE = {"bom.csv", "cp1252.csv", "utf16.csv"}
CASES = sorted(p.name for p in BAD.iterdir()
               if p.name not in READABLE and p.suffix != ".py" and not p.name.startswith("_"))


@pytest.fixture(scope="module", params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def loaded_store(request, tmp_path_factory):
    if request.param == "embedded":
        args = ["--store", str(tmp_path_factory.mktemp("bad") / "s.db")]
    else:
        s = neo4j_settings()
        from coalitions.graph.neo4j_store import Neo4jStore

        with Neo4jStore(s["uri"], user=s["user"], password=s["password"],
                        database=s["database"]) as st:
            st.query("MATCH (n) DETACH DELETE n", write=True)
        args = ["--neo4j", s["uri"]]
    assert runner.invoke(app, [*args, "load", str(SAMPLE)]).exit_code == 0
    return args


def stats(args):
    return csv_body(runner.invoke(app, [*args, "stats", "-f", "csv"]).stdout)


@pytest.mark.parametrize("name", CASES)
def test_bad_input_is_refused_cleanly_and_the_store_is_unchanged(loaded_store, name):
    before = stats(loaded_store)
    result = runner.invoke(app, [*loaded_store, "load", str(BAD / name)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1 and "nothing was written" in errors[0]
    assert str(BAD / name) in result.stderr  # the message says which file
    assert "Traceback" not in result.output
    assert stats(loaded_store) == before


def test_validate_lists_every_problem_as_json_rows_for_scripts():
    result = runner.invoke(app, ["validate", str(BAD / "every_category"), "-f", "json"])
    assert result.exit_code == 1
    rows = json_rows(result.stdout)
    assert {r["level"] for r in rows} == {"error", "warning"}
    assert all(set(r) == {"file", "sheet", "row", "column", "level", "message"} for r in rows)
    # every validation category the corpus folder holds is reported in this one run
    assert len([r for r in rows if r["level"] == "error"]) >= 10


def test_a_huge_number_of_problems_is_cut_to_the_first_hundred(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    (folder / "coalitions.csv").write_text("id,Stad,Naam\nc1,Gent,A\n", encoding="utf-8")
    (folder / "actors.csv").write_text("id,name,kind\na1,A,organisation\n", encoding="utf-8")
    rows = "".join(f"ghost{i},c1,member\n" for i in range(500))
    (folder / "memberships.csv").write_text("actor,coalition,role\n" + rows, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "Error: 500 problems in the input; nothing was written"
    assert lines[-1] == ("  … and 400 more (`coalitions validate --format csv` lists them all)")
    assert len(lines) == 102


def test_a_stray_byte_is_refused_at_its_row_through_the_cli(loaded_store):
    before = stats(loaded_store)
    path = BAD / "stray_byte.csv"
    for command in (["validate"], [*loaded_store, "load"]):
        result = runner.invoke(app, [*command, str(path)], terminal_width=400)
        assert result.exit_code == 1
        assert result.stderr.splitlines() == [
            "Error: 1 problem in the input; nothing was written",
            f'  {path}, row 3, column Naam: byte 0xE9 in "Caf\ufffd Amour" is not UTF-8, '
            "though the rest of the file is; correct the cell and save the file as CSV UTF-8, "
            "or, if the whole file is in the Windows encoding, pass --encoding cp1252"]
        assert "Traceback" not in result.output
    assert stats(loaded_store) == before
