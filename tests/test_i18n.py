"""Dutch and English: ``--lang``, ``COALITIONS_LANG`` and the locale, on every screen a
person reads (help, tables, errors, the report and the map), with English unchanged."""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys

import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

from coalitions.cli import app
from coalitions.i18n import (
    _,
    column_label,
    language,
    language_from_environment,
    set_command_language,
    set_language,
    translate,
    translate_help,
)
from coalitions.locale_nl import COLUMNS, NL
from tests.conftest import SAMPLE

runner = CliRunner()

# The environment a test runs in must not choose the language for it.
NEUTRAL = {"COALITIONS_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "C"}


def invoke(*args: str, env: dict | None = None):
    return runner.invoke(app, list(args), env={**NEUTRAL, **(env or {})},
                         catch_exceptions=False)


@pytest.fixture(autouse=True)
def english_afterwards():
    """A test that switches the language (or typer's panel titles) leaves English behind."""
    yield
    set_language(None)
    set_command_language(None)
    translate_help(None, "en")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    args = ["--store", str(tmp_path_factory.mktemp("i18n") / "sample.db")]
    result = invoke(*args, "load", str(SAMPLE))
    assert result.exit_code == 0, result.stderr
    return args


def _fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


# --- the catalogue --------------------------------------------------------------------------


def test_every_catalogue_entry_has_a_dutch_text_with_the_same_placeholders():
    assert len(NL) > 200
    for english, dutch in NL.items():
        assert dutch.strip(), english
        assert _fields(dutch) == _fields(english), english


def test_every_column_has_a_dutch_header():
    for key, dutch in COLUMNS.items():
        assert dutch.strip() and key == key.strip(), key


def test_catalogue_speaks_of_the_study_never_of_the_seed():
    for english, dutch in NL.items():
        assert "seed's" not in english and "seed study" not in english, english
        assert "zaad" not in dutch, dutch


def _marked_texts() -> dict[str, str]:
    """Every literal text the package marks for translation: ``_("…")``, ``tr("…")``,
    ``self.tr("…")``, ``translator(lang)("…")`` in Python and ``_("…")`` in the templates,
    with where it is."""
    import ast
    from pathlib import Path

    import coalitions

    root = Path(coalitions.__file__).parent
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            fn = node.func
            name = (fn.id if isinstance(fn, ast.Name) else fn.attr
                    if isinstance(fn, ast.Attribute) else None)
            if isinstance(fn, ast.Call) and getattr(fn.func, "id", None) == "translator":
                name = "tr"
            arg = node.args[0]
            if name in ("_", "tr") and isinstance(arg, ast.Constant) and isinstance(arg.value,
                                                                                    str):
                found.setdefault(arg.value, f"{path.name}:{node.lineno}")
    for path in sorted(root.rglob("*.j2")):
        for m in re.finditer(r'_\(\s*"((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8")):
            found.setdefault(m.group(1), path.name)
    return found


def test_every_text_marked_for_translation_has_a_dutch_entry():
    """A text wrapped in _() without a catalogue entry would silently stay English in
    Dutch output: the walk finds each one, where it is written."""
    found = _marked_texts()
    assert len(found) > 150  # the walk finds the texts (not an empty pass)
    missing = {text: where for text, where in found.items() if text not in NL}
    assert not missing


def test_formatted_message_is_translated_from_its_pattern_with_values_kept():
    message = "No city named 'Atlantis' in the store."
    assert translate(message, "nl") == "Geen stad met de naam 'Atlantis' in de opslag."
    assert translate(message, "en") == message
    assert translate("something the catalogue does not know", "nl") == (
        "something the catalogue does not know")


def test_underscore_formats_in_either_language():
    assert _("Pivot figures by {by}", "en", by="degree") == "Pivot figures by degree"
    assert _("Pivot figures by {by}", "nl", by="degree") == "Spilfiguren volgens degree"


def test_column_label_is_the_key_in_english_and_dutch_otherwise():
    assert column_label("study_count", "en") == "study_count"
    assert column_label("study_count", "nl") == "gepubliceerd aantal"
    # a measure without its own entry takes its definition's Dutch name, lower case like
    # the other headers (definitions.py: name_nl="Dichtheid van het ledennetwerk")
    assert column_label("member_density", "nl") == "dichtheid van het ledennetwerk"


# --- which language -----------------------------------------------------------------------


@pytest.mark.parametrize(("env", "expected"), [
    ({"LANG": "nl_BE.UTF-8"}, "nl"),
    ({"LANG": "nl_NL"}, "nl"),
    ({"LANG": "C"}, "en"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({}, "en"),
    ({"LC_ALL": "C", "LANG": "nl_BE.UTF-8"}, "en"),  # LC_ALL overrides LANG (POSIX)
    ({"LC_MESSAGES": "nl_BE.UTF-8", "LANG": "C"}, "nl"),
    ({"COALITIONS_LANG": "nl", "LANG": "C"}, "nl"),
    ({"COALITIONS_LANG": "en", "LC_ALL": "nl_BE.UTF-8"}, "en"),
])
def test_language_comes_from_coalitions_lang_then_the_locale(env, expected):
    assert language_from_environment(env) == expected


def test_set_language_wins_over_the_environment_and_refuses_others(monkeypatch):
    monkeypatch.setenv("COALITIONS_LANG", "en")
    set_language("nl")
    assert language() == "nl"
    set_language(None)
    assert language() == "en"
    from coalitions.errors import UsageError

    with pytest.raises(UsageError, match="No language 'fr'"):
        set_language("fr")


def _run(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items()
             if k not in ("COALITIONS_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run([sys.executable, "-m", "coalitions.cli", *args], env={**clean, **env},
                          capture_output=True, text=True, timeout=120, check=False)


def test_dutch_locale_gives_dutch_help_and_c_locale_english():
    dutch = _run("--help", LANG="nl_BE.UTF-8")
    assert dutch.returncode == 0, dutch.stderr
    assert "Coalities van actoren in steden als eigenschappengraaf" in dutch.stdout
    assert "Opdrachten" in dutch.stdout
    english = _run("--help", LANG="C")
    assert english.returncode == 0, english.stderr
    assert "Coalitions of actors in cities as a property graph" in english.stdout
    assert "Commands" in english.stdout and "Opdrachten" not in english.stdout


# --- help -----------------------------------------------------------------------------------


def test_lang_nl_help_is_dutch():
    result = invoke("--lang", "nl", "--help")
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert "Coalities van actoren in steden als eigenschappengraaf" in out
    assert "Opties" in out and "Opdrachten" in out
    assert "Taal van wat u leest" in out
    assert "Toon deze hulp en stop." in out
    assert "Show this message" not in out and "Check input files" not in out


def test_coalitions_lang_nl_gives_dutch_help_of_a_command():
    result = _run("pivots", "--help", COALITIONS_LANG="nl")
    assert result.returncode == 0, result.stderr
    out = " ".join(re.sub(r"[│╭╮╰╯─]", " ", result.stdout).split())
    assert "Spilfiguren: centraliteit van elke actor, gerangschikt" in out
    assert "Afbakening" in out  # the Scope panel
    assert "Alleen deze stad." in out
    assert "[standaard: 20]" in out
    assert "Only this city." not in out and "[default:" not in out


def test_lang_nl_before_a_command_gives_its_help_in_dutch():
    result = invoke("--lang", "nl", "cities", "--help")
    assert result.exit_code == 0
    out = " ".join(re.sub(r"[│╭╮╰╯─]", " ", result.stdout).split())
    assert "Per stad: coalities, betrokkenheid van de overheid" in out


# --- tables on the terminal -----------------------------------------------------------------

# command → (Dutch title, English title it replaces, a Dutch column header)
COMMANDS = [
    (["cities"], "Stadsprofielen", "City profiles", "aandeel met overheid"),
    (["pivots", "-n", "3"], "Spilfiguren volgens betweenness", "Pivot figures by", "naam"),
    (["pivots", "--per-coalition", "-n", "3"], "Structurele en opgegeven spilfiguur per coalitie",
     "Structural vs declared", "verschil"),
    (["brokers", "-n", "3"], "Makelaars tussen groepen volgens sector", "Brokers between",
     "poortwachter"),
    (["communities"], "Gemeenschappen (Leiden)", "Communities (Leiden)", "omvang"),
    (["clusters"], "Coalities volgens theme", "Coalitions by", "gepubliceerd aantal"),
    (["clusters", "--by", "data"], "Clusters van coalities uit de data", "Data-driven", "silhouet"),
    (["shortlist", "2"], "2 voorgestelde cases", "proposed cases", "waarom"),
    (["compare"], "Coalities vergeleken volgens government", "compared by",
     "aandeel met overheid"),
    (["case", "Torekes"], "Torekes (Gent)", "by sector", "veld"),
    (["explain", "degree"], "Definities", "Definitions", "definitie"),
    (["embeddedness", "-n", "3"], None, None, "kerngetal"),
    (["stats"], None, None, "aantal"),
    (["validate", str(SAMPLE)], "De invoer is geldig", "Input is valid", "rijen"),
]


@pytest.mark.parametrize(("args", "title", "english", "column"), COMMANDS,
                         ids=[" ".join(c[0][:2]) for c in COMMANDS])
def test_lang_nl_terminal_output_has_dutch_title_and_headers(store, args, title, english,
                                                             column):
    extra = store if args[0] != "validate" else []
    result = invoke(*extra, "--lang", "nl", *args)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    if title:
        assert title in text
    if english:
        assert english not in text
    assert column in text
    # a definitions footer, where there is one, is Dutch too
    assert "Definitions in full" not in text
    assert ", as computed here" not in text


def test_english_output_unchanged_by_default(store):
    result = invoke(*store, "cities")
    assert "City profiles" in result.stdout and "Stadsprofielen" not in result.stdout
    assert "share_with_government" in result.stdout
    result = invoke(*store, "clusters")
    assert "study_count" in result.stdout


def test_csv_and_json_keep_english_keys_in_dutch(store):
    csv = invoke(*store, "--lang", "nl", "clusters", "-f", "csv").stdout
    header = [line for line in csv.splitlines() if not line.startswith("#")][0]
    assert header == "group,cluster,count,study_count,examples"
    js = invoke(*store, "--lang", "nl", "cities", "-f", "json").stdout
    assert '"share_with_government"' in js and "aandeel" not in js


def test_markdown_headers_are_dutch(store):
    md = invoke(*store, "--lang", "nl", "clusters", "-f", "markdown").stdout
    assert md.splitlines()[0] == "| groep | cluster | aantal | gepubliceerd aantal | voorbeelden |"


def test_explain_follows_the_global_language(store):
    dutch = invoke("--lang", "nl", "explain", "degree", "-f", "json").stdout
    assert "aandeel van de andere actoren waarmee deze actor verbonden is" in dutch
    english = invoke("explain", "degree", "-f", "json").stdout
    assert "aandeel" not in english
    # its own --lang still works and wins
    assert "aandeel" in invoke("explain", "degree", "--lang", "nl", "-f", "json").stdout


# --- errors ---------------------------------------------------------------------------------


def test_unknown_city_is_a_dutch_error(store):
    cities = sorted(set(pd.read_csv(SAMPLE / "coalitions.csv")["Stad"]))
    result = invoke(*store, "--lang", "nl", "cities", "--city", "Atlantis")
    assert result.exit_code == 1
    assert result.stderr == ("Fout: Geen stad met de naam 'Atlantis' in de opslag.\n"
                             "  Tip: Bekende steden: " + ", ".join(cities) + "\n")


def test_bad_workbook_is_reported_in_dutch_with_sheet_row_and_column(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "actors"
    ws.append(["id", "name", "kind"])
    ws.append(["a1", "", "organisation"])
    ws.append(["a2", "Jan", "robot"])
    path = tmp_path / "bad.xlsx"
    wb.save(path)
    result = invoke("--lang", "nl", "validate", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        "Fout: 2 problemen in de invoer; er is niets geschreven\n"
        f"  {path}, blad actors, rij 2, kolom name: lege cel; een actor heeft altijd een "
        "naam nodig\n"
        f"  {path}, blad actors, rij 3, kolom kind: onbekende waarde \"robot\" voor soort; "
        "toegestaan: organisation, person (in het Nederlands: organisatie, persoon)\n")
    english = invoke("validate", str(path))
    assert english.stderr.startswith("Error: 2 problems in the input; nothing was written\n"
                                     f"  {path}, sheet actors, row 2, column name: empty cell")


def test_bad_references_are_reported_in_dutch():
    folder = SAMPLE.parents[2] / "tests" / "data" / "cli" / "bad_refs"
    result = invoke("--lang", "nl", "load", str(folder), "--store", "/nonexistent/never.db")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "Fout: 2 problemen in de invoer; er is niets geschreven"
    assert lines[1].endswith("memberships.csv, rij 3, kolom actor: actor \"p9\" is geen id in "
                             "de tabel actors")


def test_unknown_language_is_refused_in_english():
    result = invoke("--lang", "fr", "stats")
    assert result.exit_code == 1
    assert result.stderr == "Error: No language 'fr'.\n  Hint: Use --lang en or --lang nl.\n"


def test_usage_error_of_map_is_dutch(store, tmp_path):
    result = invoke(*store, "--lang", "nl", "map", "--out", str(tmp_path / "m.html"))
    assert result.exit_code == 1
    assert result.stderr == ("Fout: Zeg wat getekend moet worden: --city NAAM, --coalition ID "
                             "of --region.\n")


# --- the report and the map -----------------------------------------------------------------


@pytest.fixture(scope="module")
def sample():
    from coalitions.loaders import load_inputs

    return load_inputs([SAMPLE]).data


def test_report_in_dutch_and_english(sample, tmp_path):
    from coalitions.viz.report import render_report

    nl = render_report(sample, "Gent", tmp_path / "nl.html", lang="nl").read_text("utf-8")
    assert '<html lang="nl">' in nl
    for heading in ("Profiel", "Coalities", "Netwerkkaart", "Spilfiguren", "Makelaars",
                    "Centrale actoren", "Clusteringen", "Figuren", "Definities"):
        assert f"<h2>{heading}</h2>" in nl
    assert "<title>Coalities in Gent</title>" in nl
    assert "coalities met een opgegeven spilfiguur" in nl
    assert "<th>gepubliceerd aantal</th>" not in nl  # the report leaves the count out
    assert "Herkomst" in nl and "Provenance" not in nl
    # the map inside it is Dutch too (escaped in srcdoc)
    assert "Zoeken" in nl and "Legende" in nl
    en = render_report(sample, "Gent", tmp_path / "en.html", lang="en").read_text("utf-8")
    assert '<html lang="en">' in en and "<h2>Profile</h2>" in en and "Profiel" not in en


def test_map_in_dutch(sample, tmp_path):
    from coalitions.graph.scope import Scope
    from coalitions.viz.maps import render_map

    part = Scope(city="Gent").apply(sample)
    page = render_map(part, tmp_path / "m.html", title="Coalities in Gent", lang="nl")
    html = page.path.read_text("utf-8")
    assert '<html lang="nl">' in html
    for text in ("<h2>Zoeken</h2>", "<h2>Legende</h2>", "<h2>Filter</h2>",
                 'placeholder="Naam van een actor of coalitie"', "Toon het hele netwerk",
                 "Kleur van actoren: sector", "stedelijke overheid", "opgegeven spilfiguur",
                 "Klik op een knoop om de details te zien.", "{shown} van {total} knopen getoond"):
        assert text in html, text
    english = render_map(part, tmp_path / "e.html", title="x", lang="en").path.read_text("utf-8")
    assert "<h2>Search</h2>" in english and "Zoeken" not in english


def test_index_in_dutch(tmp_path):
    from coalitions.viz.report import render_index

    html = render_index(tmp_path, ["Gent"], lang="nl").read_text("utf-8")
    assert '<html lang="nl">' in html and "Coalities: stadsrapporten en kaarten" in html


def test_sentences_the_analyses_write_are_dutch_on_screen_and_english_in_csv(store):
    md = invoke(*store, "--lang", "nl", "pivots", "--per-coalition", "-f", "markdown").stdout
    assert "zit in " in md and "bereikt " in md
    assert "sits in " not in md and "reaches " not in md and "| True |" not in md
    csv = invoke(*store, "--lang", "nl", "pivots", "--per-coalition", "-f", "csv").stdout
    assert "sits in " in csv and "zit in " not in csv
    grid = invoke(*store, "--lang", "nl", "compare", "-f", "markdown").stdout.splitlines()
    assert [line.split(" | ")[0] for line in grid[2:4]] == [
        "| met stedelijke overheid", "| zonder stedelijke overheid"]


def test_usage_errors_of_the_command_line_are_dutch():
    result = invoke("--lang", "nl", "pivots", "--bogus")
    assert result.exit_code == 2
    assert "Onbekende optie: --bogus" in result.stderr
    assert "No such option" not in result.stderr
    english = invoke("pivots", "--bogus")
    assert "No such option: --bogus" in english.stderr


def test_every_problem_of_the_bad_input_corpus_reads_as_dutch():
    """The loaders' messages on tests/data/bad (one file per kind of mistake): each one
    comes out changed, with none of the English framing words left."""
    from coalitions.errors import InputError
    from coalitions.loaders import load_inputs

    bad = SAMPLE.parents[2] / "tests" / "data" / "bad"
    messages = set()
    for path in sorted(bad.iterdir()):
        if path.suffix == ".py":
            continue
        try:
            problems = load_inputs([path]).warnings
        except InputError as exc:
            problems = exc.problems
        messages |= {p.message for p in problems}
    assert len(messages) > 30
    for message in messages:
        dutch = translate(message, "nl")
        assert dutch != message, message
        # (a Python library's own reason, such as zipfile's "File is not a zip file", is
        # quoted as it is)
        for english in ("expected", "allowed:", "empty cell", " row ", "(Dutch:", "sheet "):
            assert english not in dutch, (message, dutch)


def test_named_query_descriptions_are_dutch_in_the_list():
    from coalitions.queries import list_queries

    english = list(list_queries()["description"])
    md = invoke("--lang", "nl", "query", "--list", "-f", "markdown").stdout
    assert md.splitlines()[0] == "| naam | beschrijving | parameters |"
    for description in english:
        assert description not in md
        assert translate(description, "nl") in md


# --- waves, changes and the outputs for papers ----------------------------------------------
# --- every column a command outputs has a Dutch header --------------------------------------

# Keys whose Dutch header is the same word (international or technical terms a Dutch reader
# uses as they are); any other key left as its own header fails the test below.
SAME_IN_DUTCH = {
    "actor", "cluster", "clustering", "code", "eigenvector", "id", "label", "overlap",
    "pagerank", "sector", "type",
}

COLUMN_COMMANDS = [
    ["stats"], ["waves"], ["pivots"], ["pivots", "--per-coalition"], ["embeddedness"],
    ["embeddedness", "--coalitions"], ["brokers"], ["communities"],
    ["communities", "--members"], ["clusters", "--by", "theme"], ["clusters", "--by", "role"],
    ["clusters", "--by", "actors"], ["clusters", "--by", "data"], ["shortlist", "3"],
    ["cities"], ["case", "Torekes"], ["compare"], ["compare", "--by", "relation,theme"],
    ["compare", "--per-city"], ["changes", "--from", "1"], ["explain"], ["analyse"],
    ["query", "--list"],
]


@pytest.fixture(scope="module")
def two_waves(tmp_path_factory):
    """The sample's two waves in one store (as the demo loads them)."""
    from coalitions.demo import WAVES

    args = ["--store", str(tmp_path_factory.mktemp("i18n-waves") / "waves.db")]
    for wave, path in WAVES:
        result = invoke(*args, "load", str(path), "--wave", wave)
        assert result.exit_code == 0, result.stderr
    return args


def test_waves_and_changes_speak_dutch(two_waves):
    waves = invoke(*two_waves, "--lang", "nl", "waves")
    assert waves.exit_code == 0, waves.stderr
    assert "Golven" in waves.stdout and "Waves" not in waves.stdout
    changed = invoke(*two_waves, "--lang", "nl", "changes", "--from", "1")
    assert changed.exit_code == 0, changed.stderr
    text = " ".join(changed.stdout.split())
    for title in ("opgerichte coalities (golf 1 → 2)", "toegetreden leden (golf 1 → 2)",
                  "vertrokken leden (golf 1 → 2)"):
        assert title in text
    assert "(wave 1 → 2)" not in text
    # scripts read the same keys in either language
    english = invoke(*two_waves, "changes", "--from", "1", "-f", "json").stdout
    dutch = invoke(*two_waves, "--lang", "nl", "changes", "--from", "1", "-f", "json").stdout
    assert list(__import__("json").loads(english)) == list(__import__("json").loads(dutch))


def test_a_table_names_its_wave_in_dutch_on_the_terminal(two_waves):
    result = invoke(*two_waves, "--lang", "nl", "cities", "--wave", "1")
    assert result.exit_code == 0, result.stderr
    footer = " ".join(result.stdout.split()[-30:])
    assert "golf 1" in footer and "volledige herkomst met --format" in footer
    assert "provenance in full" not in result.stdout


def test_load_names_the_wave_in_dutch(tmp_path):
    result = invoke("--store", str(tmp_path / "w.db"), "--lang", "nl", "load", str(SAMPLE),
                    "--wave", "2026")
    assert result.exit_code == 0, result.stderr
    assert "golf 2026 van de" in " ".join(result.stdout.split())


def test_compare_per_city_title_is_dutch(two_waves):
    result = invoke(*two_waves, "--lang", "nl", "compare", "--by", "relation,theme",
                    "--per-city")
    assert result.exit_code == 0, result.stderr
    assert "Coalities per stad volgens relation,theme" in " ".join(result.stdout.split())


def test_static_figure_and_pdf_report_in_dutch(two_waves, tmp_path):
    """The figure's legend and the PDF's headings in Dutch, the wave named in both; the
    text read back from the files (matplotlib keeps SVG/PDF text as text)."""
    from pypdf import PdfReader

    svg = tmp_path / "gent.svg"
    result = invoke(*two_waves, "--lang", "nl", "map", "--city", "Gent", "--out", str(svg))
    assert result.exit_code == 0, result.stderr
    drawn = svg.read_text("utf-8")
    assert "Coalities in Gent · golf 2" in drawn
    assert "organisatie" in drawn and "persoon" in drawn
    assert "organisation" not in drawn
    pdf = tmp_path / "gent.pdf"
    result = invoke(*two_waves, "--lang", "nl", "report", "--city", "Gent", "--out", str(pdf),
                    "--wave", "1")
    assert result.exit_code == 0, result.stderr
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    for dutch in ("Coalities in Gent · golf 1", "Spilfiguren", "Makelaars", "Centrale actoren",
                  "Definities en herkomst", "Netwerk:"):
        assert dutch in text, dutch
    assert "Central actors" not in text and "Definitions and provenance" not in text


def test_figure_command_takes_a_wave_and_speaks_dutch(two_waves, tmp_path):
    out = tmp_path / "profiles.svg"
    result = invoke(*two_waves, "--lang", "nl", "figure", "cities", "--out", str(out),
                    "--wave", "1")
    assert result.exit_code == 0, result.stderr
    assert "geschreven" in result.stderr or "geschreven" in result.stdout
    drawn = out.read_text("utf-8")
    assert "Stadsprofielen" in drawn and "golf 1" in drawn
def _row_keys(obj, out: set[str]) -> None:
    """The column keys of every table in a command's JSON (``rows`` lists, at any depth:
    ``changes`` nests one table per kind of change)."""
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key == "rows" and isinstance(value, list):
                out.update(k for row in value if isinstance(row, dict) for k in row)
            elif key != "metadata":
                _row_keys(value, out)


def test_every_column_the_commands_output_has_a_dutch_header(two_waves):
    import json

    keys: dict[str, str] = {}
    runs = [[*two_waves, *args] for args in COLUMN_COMMANDS]
    runs.append(["validate", str(SAMPLE)])
    for args in runs:
        result = invoke(*args, "-f", "json")
        assert result.exit_code == 0, (args, result.stderr)
        found: set[str] = set()
        _row_keys(json.loads(result.stdout), found)
        assert found, args  # (a command whose tables were not found proves nothing)
        for key in found:
            keys.setdefault(key, " ".join(args[2:] if args[0] == "--store" else args))
    # the two-wave store gives the tables of changes, which a one-wave store cannot
    assert {"rank_before", "role_after", "brokerage_change", "wave", "loaded_at"} <= set(keys)
    english = {key: where for key, where in keys.items()
               if column_label(key, "nl") == key and key not in SAME_IN_DUTCH}
    assert not english, english


def test_waves_and_changes_have_dutch_titles(two_waves):
    waves = invoke(*two_waves, "--lang", "nl", "waves").stdout
    assert "Golven" in waves and "Waves" not in waves
    changes = invoke(*two_waves, "--lang", "nl", "changes", "--from", "1").stdout
    assert "opgerichte coalities (golf 1 → 2)" in changes
    assert "(wave 1" not in changes
    english = invoke(*two_waves, "changes", "--from", "1").stdout
    assert "coalitions founded (wave 1 → 2)" in english


# --- measure definitions: normalisation and large networks in Dutch ------------------------


def _definition_texts() -> list[str]:
    from coalitions.analysis.definitions import DEFINITIONS

    return sorted({t for d in DEFINITIONS.values() for t in (d.normalisation, d.large) if t})


def test_every_normalisation_and_large_network_text_has_a_dutch_entry():
    from coalitions.analysis.definitions import DEFINITIONS

    texts = _definition_texts()
    assert len(texts) > 40  # (the walk found the definitions)
    missing = [t for t in texts if t not in NL or NL[t] == t]
    assert not missing, missing
    for d in DEFINITIONS.values():
        dutch, english = d.as_dict("nl"), d.as_dict("en")
        assert dutch["normalisation"] == NL[d.normalisation]
        assert dutch["large_networks"] == (NL[d.large] if d.large else "")
        assert (english["normalisation"], english["large_networks"]) == (d.normalisation, d.large)


def _markdown_rows(md: str) -> dict[str, list[str]]:
    rows = [line for line in md.splitlines() if line.startswith("| ")][1:]
    return {cells[0]: cells for cells in
            ([c.strip() for c in row.strip().strip("|").split(" | ")] for row in rows)}


def test_explain_in_dutch_shows_the_dutch_normalisation_and_no_english():
    from coalitions.analysis.definitions import DEFINITIONS

    md = invoke("explain", "--lang", "nl", "-f", "markdown").stdout
    header = md.splitlines()[0]
    assert "| normalisatie | grote netwerken |" in header
    rows = _markdown_rows(md)
    assert set(rows) == set(DEFINITIONS)
    for key, d in DEFINITIONS.items():
        assert rows[key][4] == NL[d.normalisation], key
        if d.large:
            assert rows[key][5] == NL[d.large], key
    english = [t for t in _definition_texts() if t in md]
    assert not english, english


def test_explain_json_in_english_keeps_the_english_normalisation():
    import json

    from coalitions.analysis.definitions import DEFINITIONS

    rows = json.loads(invoke("explain", "-f", "json").stdout)
    rows = rows["rows"] if isinstance(rows, dict) else rows
    assert [r["measure"] for r in rows] == list(DEFINITIONS)
    for r in rows:
        d = DEFINITIONS[r["measure"]]
        assert (r["normalisation"], r["large_networks"]) == (d.normalisation, d.large)


def test_dutch_table_keeps_english_definitions_in_json_and_csv(store):
    import json

    from coalitions.analysis.definitions import DEFINITIONS

    meta = json.loads(invoke(*store, "--lang", "nl", "pivots", "-f", "json").stdout)["metadata"]
    defs = meta["definitions"]
    assert defs["degree"]["normalisation"] == DEFINITIONS["degree"].normalisation
    assert defs["betweenness"]["large_networks"] == DEFINITIONS["betweenness"].large
    csv = invoke(*store, "--lang", "nl", "pivots", "-f", "csv").stdout
    assert DEFINITIONS["degree"].normalisation in csv
    assert NL[DEFINITIONS["degree"].normalisation] not in csv
    md = invoke(*store, "--lang", "nl", "pivots", "-f", "markdown").stdout
    assert "Normalisatie: " + NL[DEFINITIONS["degree"].normalisation] in md
    assert DEFINITIONS["degree"].normalisation not in md


def test_estimated_betweenness_is_described_in_dutch_on_screen_and_english_in_csv(store):
    args = [*store, "--lang", "nl", "pivots", "--exact-seconds", "0", "--budget-seconds", "1"]
    md = invoke(*args, "-f", "markdown").stdout
    line = next(x for x in md.splitlines() if x.startswith("- betweenness, zoals hier berekend:"))
    assert "schatting van de exacte grootheid" in line and "bronactoren" in line
    assert "estimate of the exact quantity" not in line and "half-widths" not in line
    # The values keep their place: every actor of the sample is a possible source (the
    # actor network includes isolates), counted here from the input file.
    actors = len(pd.read_csv(SAMPLE / "actors.csv"))
    found = re.search(r": ([\d,]+) van ([\d,]+) bronactoren \(uniform, seed 42\)", line)
    assert found and int(found[2].replace(",", "")) == actors
    assert 0 < int(found[1].replace(",", "")) <= actors
    intervals = next(x for x in md.splitlines() if x.startswith("- intervals, zoals"))
    assert "betrouwbaarheidsinterval" in intervals and "confidence interval" not in intervals
    csv = invoke(*args, "-f", "csv").stdout
    assert "estimate of the exact quantity" in csv and "schatting van de" not in csv


def test_data_cluster_note_is_dutch_on_screen(store):
    dutch = invoke(*store, "--lang", "nl", "clusters", "--by", "data").stderr
    assert "methode: agglomeratieve hiërarchische clustering" in dutch
    assert "k gekozen op: hoogste gemiddelde silhouet over k = 2.." in dutch
    assert "bij gelijke scores: de kleinere k)" in dutch
    assert "highest mean silhouette" not in dutch and "agglomerative" not in dutch
    english = invoke(*store, "clusters", "--by", "data").stderr
    assert "method: agglomerative hierarchical clustering" in english
    assert "k_chosen_by: highest mean silhouette over k = 2.." in english


def test_report_glossary_gives_normalisation_and_large_networks_in_dutch(sample, tmp_path):
    from markupsafe import escape  # (as the report's Jinja templates escape)

    from coalitions.analysis.definitions import DEFINITIONS
    from coalitions.viz.report import render_report

    nl = render_report(sample, "Gent", tmp_path / "nl.html", lang="nl").read_text("utf-8")
    en = render_report(sample, "Gent", tmp_path / "en.html", lang="en").read_text("utf-8")
    shown = [t for d in DEFINITIONS.values() for t in (d.normalisation, d.large)
             if t and f"{escape(t)}." in en]
    assert DEFINITIONS["betweenness"].large in shown  # (the glossary was found)
    for text in shown:
        assert f"{escape(NL[text])}." in nl, text
        assert f"{escape(text)}." not in nl, text
