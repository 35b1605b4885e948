"""`coalitions map --timeline`: the bundled sample's two waves (coalitions/data/sample and its
wave2 folder, as the demo loads them) in one page, checked against the CSV files read with
pandas alone and against `coalitions changes`."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from coalitions.api import Coalitions
from coalitions.cli import app
from tests.analysis.test_changes import expected_from_csv
from tests.conftest import SAMPLE
from tests.test_cli_outputs import DISTINCTIVE, _name_tokens

WAVE2 = SAMPLE / "wave2"
FOLDERS = {"1": SAMPLE, "2": WAVE2}
runner = CliRunner()


def csv(path: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(path / f"{name}.csv", dtype=str, keep_default_na=False)


def invoke(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> list[str]:
    """A real embedded store holding the sample as wave 1 and its wave2 folder as wave 2."""
    args = ["--store", str(tmp_path_factory.mktemp("timeline") / "s.db")]
    for wave, folder in FOLDERS.items():
        result = invoke(*args, "load", str(folder), "--wave", wave)
        assert result.exit_code == 0, result.stderr
    return args


def page_data(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    raw = re.search(r'<script type="application/json" id="map-data">(.*?)</script>', text,
                    re.S).group(1)
    return json.loads(raw)


@pytest.fixture(scope="module")
def region(store, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("region") / "region.html"
    result = invoke(*store, "map", "--timeline", "--region", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    return page_data(out)


def waves_of(keys_by_wave: dict[str, set]) -> dict:
    """{key: [waves holding it, in wave order]} from one set of keys per wave."""
    out: dict = {}
    for wave, keys in keys_by_wave.items():
        for k in keys:
            out.setdefault(k, []).append(wave)
    return out


def test_every_node_carries_exactly_the_waves_the_csv_files_hold_it_in(region):
    expected = waves_of({
        wave: {"a:" + i for i in csv(folder, "actors")["id"]}
        | {"c:" + i for i in csv(folder, "coalitions")["id"]}
        for wave, folder in FOLDERS.items()})
    got = {n["id"]: n["waves"] for n in region["nodes"]}
    assert got == expected
    # Not a trivial union: the sample's wave 2 founds, stops and adds an actor.
    assert Counter(tuple(w) for w in got.values()) == Counter(
        tuple(w) for w in expected.values())
    assert {("1",), ("2",)} <= {tuple(w) for w in got.values()}


def test_every_membership_and_tie_carries_the_waves_the_csv_files_hold_it_in(region):
    memberships = waves_of({
        wave: set(zip("a:" + csv(f, "memberships")["actor"],
                      "c:" + csv(f, "memberships")["coalition"], strict=True))
        for wave, f in FOLDERS.items()})
    ties = waves_of({
        wave: set(zip("a:" + csv(f, "ties")["source"], "a:" + csv(f, "ties")["target"],
                      csv(f, "ties")["type"], strict=True))
        for wave, f in FOLDERS.items()})
    got_m = {(e["from"], e["to"]): e["waves"] for e in region["edges"]
             if e["to"].startswith("c:")}
    assert got_m == memberships
    # Tie edges do not name their type: compare (from, to, waves) as multisets.
    got_t = Counter((e["from"], e["to"], tuple(e["waves"])) for e in region["edges"]
                    if e["to"].startswith("a:"))
    assert got_t == Counter((s, t, tuple(w)) for (s, t, _), w in ties.items())
    assert len({e["id"] for e in region["edges"]}) == len(region["edges"])


def test_a_tooltip_names_the_waves_of_a_membership_that_did_not_hold_in_every_wave(region):
    """The sample's README: Pieterjan Luyten and OKRA Genk left Welzijnsnetwerk Genk-Noord
    after wave 1; Gezinsbond Genk joined Wijkontwikkeling Winterslag in wave 2. Their
    tooltips say so; a membership of both waves carries no mark. Checked against the CSVs."""
    def by_id(name: str, column: str) -> dict[str, str]:
        frames = [csv(folder, name) for folder in (SAMPLE, WAVE2)]
        return {k: v for f in frames for k, v in zip(f["id"], f[column], strict=True)}

    names, coalitions = by_id("actors", "name"), by_id("coalitions", "Naam")
    nodes = {n["id"]: n["info"]["list"] for n in region["nodes"]}
    welzijn = nodes["c:genk-welzijnsnetwerk-genk-noord"]
    for left in ("per-pieterjan-luyten", "org-okra-genk"):
        assert f"{names[left]} (wave 1)" in welzijn
    assert f"{coalitions['genk-wijkontwikkeling-winterslag']} (wave 2)" in \
        nodes["a:org-gezinsbond-genk"]
    stayed = set(csv(SAMPLE, "memberships").query(
        "coalition == 'genk-welzijnsnetwerk-genk-noord'")["actor"]) & set(
        csv(WAVE2, "memberships").query(
            "coalition == 'genk-welzijnsnetwerk-genk-noord'")["actor"])
    assert {names[a] for a in stayed} <= set(welzijn)
    marked = [item for item in welzijn if item.endswith(")")]
    assert len(marked) == len(welzijn) - len(stayed)


def test_each_node_is_placed_once_for_all_waves(region):
    ids = [n["id"] for n in region["nodes"]]
    assert len(ids) == len(set(ids))
    assert all(isinstance(n["x"], float | int) and isinstance(n["y"], float | int)
               for n in region["nodes"])


def test_region_captions_count_what_the_csv_files_and_changes_say(region, store):
    waves = region["timeline"]["waves"]
    assert [w["wave"] for w in waves] == ["1", "2"]
    for w, folder in zip(waves, FOLDERS.values(), strict=True):
        assert (w["coalitions"], w["actors"]) == (len(csv(folder, "coalitions")),
                                                  len(csv(folder, "actors")))
    # Independently from the CSV files (pandas alone, tests/analysis/test_changes.py) …
    want = expected_from_csv()
    second = waves[1]
    assert (second["founded"], second["stopped"], second["joined"], second["left"]) == (
        len(want["founded"]), len(want["stopped"]), len(want["joined"]), len(want["left"]))
    # … and exactly what `changes` reports between the waves of the store.
    with Coalitions.open(Path(store[1]), read_only=True) as db:
        tables = db.changes("1", "2")
    assert (second["founded"], second["stopped"], second["joined"], second["left"]) == (
        len(tables["coalitions_founded"]), len(tables["coalitions_stopped"]),
        len(tables["members_joined"]), len(tables["members_left"]))
    assert str(second["founded"]) in second["caption"]
    assert "founded" not in waves[0]  # the first wave has nothing to compare with


def test_a_city_timeline_counts_the_changes_rows_of_that_city(store, tmp_path):
    out = tmp_path / "genk.html"
    result = invoke(*store, "map", "--timeline", "--city", "Genk", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    second = page_data(out)["timeline"]["waves"][1]
    with Coalitions.open(Path(store[1]), read_only=True) as db:
        tables = db.changes("1", "2")
    genk = {name: int((t["city"] == "Genk").sum()) for name, t in tables.items()
            if name in ("coalitions_founded", "coalitions_stopped", "members_joined",
                        "members_left")}
    assert genk == {"coalitions_founded": second["founded"],
                    "coalitions_stopped": second["stopped"],
                    "members_joined": second["joined"], "members_left": second["left"]}
    assert genk["coalitions_stopped"] == 1 and genk["members_left"] == 2  # (sample README)


def test_the_api_draws_the_same_timeline_as_the_cli(store, tmp_path):
    out = tmp_path / "cli.html"
    assert invoke(*store, "map", "--timeline", "--city", "Genk", "--out", str(out)
                  ).exit_code == 0
    with Coalitions.open(Path(store[1]), read_only=True) as db:
        path = db.map(tmp_path / "api.html", timeline=True, city="Genk")
    cli, api = page_data(out), page_data(path)
    assert {n["id"]: n["waves"] for n in api["nodes"]} == {
        n["id"]: n["waves"] for n in cli["nodes"]}
    assert api["timeline"]["waves"] == cli["timeline"]["waves"]


def test_a_coalition_timeline_shows_the_coalition_in_the_waves_it_exists_in(store, tmp_path):
    out = tmp_path / "c.html"
    cid = "leuven-klimaatburen-kessel-lo"  # founded in wave 2
    result = invoke(*store, "map", "--timeline", "--coalition", cid, "--out", str(out))
    assert result.exit_code == 0, result.stderr
    data = page_data(out)
    members = csv(WAVE2, "memberships")
    members = set("a:" + members.loc[members["coalition"] == cid, "actor"])
    assert {n["id"] for n in data["nodes"]} == members | {"c:" + cid}
    assert all(n["waves"] == ["2"] for n in data["nodes"])
    assert data["timeline"]["waves"][1]["founded"] == 1


@pytest.mark.parametrize("args, words", [
    (["--out", "{tmp}/t.svg"], "static figure"),
    (["--out", "{tmp}/t.png"], "static figure"),
    (["--out", "{tmp}/t.pdf"], "static figure"),
    (["--out", "{tmp}/t.html", "--wave", "1"], "--wave"),
])
def test_timeline_refuses_a_static_figure_and_a_single_wave_option(store, tmp_path, args,
                                                                   words):
    result = invoke(*store, "map", "--timeline", "--region",
                    *[a.format(tmp=tmp_path) for a in args])
    assert result.exit_code != 0
    assert words in result.stderr and "Hint:" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert list(tmp_path.iterdir()) == []


def test_timeline_refuses_a_store_with_one_wave(tmp_path):
    args = ["--store", str(tmp_path / "one.db")]
    assert invoke(*args, "load", str(SAMPLE)).exit_code == 0
    out = tmp_path / "t.html"
    result = invoke(*args, "map", "--timeline", "--region", "--out", str(out))
    assert result.exit_code != 0
    assert "two waves" in result.stderr and "--wave" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not out.exists()


def test_a_pseudonymised_timeline_holds_no_person_name_or_id(tmp_path):
    """As tests/test_cli_outputs.py checks every other output: wave 1 is the folder of
    distinctive names, wave 2 the same without one person (so a person leaves)."""
    wave2 = tmp_path / "wave2"
    shutil.copytree(DISTINCTIVE, wave2)
    gone = "per-xaverius-quackelbeen"
    for name, cols in (("actors", ["id"]), ("memberships", ["actor"]),
                       ("ties", ["source", "target"])):
        frame = csv(wave2, name)
        frame = frame[~frame[cols].isin([gone]).any(axis=1)]
        frame.to_csv(wave2 / f"{name}.csv", index=False)
    args = ["--store", str(tmp_path / "p.db")]
    for wave, folder in (("1", DISTINCTIVE), ("2", wave2)):
        assert invoke(*args, "load", str(folder), "--wave", wave).exit_code == 0
    plain, hidden = tmp_path / "plain.html", tmp_path / "hidden.html"
    for out, extra in ((plain, []), (hidden, ["--pseudonymise"])):
        result = invoke(*args, "map", "--timeline", "--region", "--out", str(out), *extra)
        assert result.exit_code == 0, result.stderr
    text = hidden.read_text(encoding="utf-8").lower()
    assert sorted(t for t in _name_tokens() if t in text) == []
    assert "xaverius quackelbeen" in plain.read_text(encoding="utf-8").lower()
    # The same nodes, renamed: the person who left keeps one pseudonymous id, in wave 1 only.
    a, b = page_data(plain), page_data(hidden)
    assert sorted(tuple(n["waves"]) for n in a["nodes"]) == sorted(
        tuple(n["waves"]) for n in b["nodes"])
    persons = {n["id"]: n["waves"] for n in b["nodes"] if n["kind"] == "person"}
    assert len(persons) == 3 and all(re.fullmatch(r"a:person-[0-9a-z]{8}", i) for i in persons)
    assert sorted(persons.values()) == [["1"], ["1", "2"], ["1", "2"]]


def test_the_timeline_speaks_dutch_with_the_same_counts(tmp_path):
    """`--lang nl`: the page's controls, legend and captions in Dutch, with the same numbers
    as the English page (the captions are filled from the same counts)."""
    import re as _re

    from coalitions.demo import WAVES
    from coalitions.graph.store import open_store
    from coalitions.i18n import _ as tr
    from coalitions.loaders import load_inputs
    from coalitions.viz.timeline import page_strings, read_waves, render_timeline

    store = open_store(tmp_path / "nl.db")
    try:
        for wave, path in WAVES:
            store.load(load_inputs([path]).data, wave=wave)
        waves = read_waves(store)
    finally:
        store.close()
    english = render_timeline(waves, tmp_path / "en.html", title="x", lang="en").path
    dutch = render_timeline(waves, tmp_path / "nl.html", title="x", lang="nl").path
    en, nl = english.read_text("utf-8"), dutch.read_text("utf-8")
    assert '<html lang="nl">' in nl and '<html lang="en">' in en
    t = page_strings("nl")
    for key in ("wave", "legend_waves", "legend_new", "wave_help", "search"):
        assert t[key] != page_strings("en")[key], key
        assert t[key] in nl, key
    assert "Tussen golven" in nl and "Between waves" not in nl
    assert tr("Legend", "nl") in nl
    # the same numbers in both captions of the last wave
    numbers = [_re.findall(r"\d+", _re.search(pattern, text).group(0)) for pattern, text in
               ((r'id="wave-caption"[^>]*>([^<]*)<', en), (r'id="wave-caption"[^>]*>([^<]*)<', nl))]
    assert numbers[0] == numbers[1] and len(numbers[0]) >= 8
