"""The provenance record every table carries (coalitions.provenance): a command line a shell
reads back as the same words, versions as importlib.metadata reports them, inputs given or
said to be not recorded."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import platform
import shlex

from coalitions.formats import Format
from coalitions.provenance import NOT_RECORDED, command_line, inputs_of, table_provenance, versions


def test_the_command_line_splits_back_into_the_same_words():
    hostile = "a b'c\"d $(rm -rf ~) ; `x` \\ é"
    line = command_line("query", [hostile], [("--param", ["k=1", "v=two words"]),
                                              ("--format", Format.csv), ("--write", True),
                                              ("--city", None), ("--two-mode", False)])
    # shlex.split is the POSIX shell's word splitting: the line reruns with the same values
    assert shlex.split(line) == ["coalitions", "query", hostile, "--param", "k=1", "--param",
                                 "v=two words", "--format", "csv", "--write"]


def test_versions_are_the_installed_distributions():
    found = versions()
    assert found["python"] == platform.python_version()
    for name in ("coalitions", "pandas", "numpy", "igraph", "networkx", "ladybug", "neo4j"):
        assert found[name] == importlib.metadata.version(name)
    assert versions([("nothing", "no-such-distribution-xyz")])["nothing"] == "not installed"


def test_inputs_are_listed_when_recorded_and_said_to_be_missing_otherwise():
    assert inputs_of({}) == NOT_RECORDED == "not recorded"
    assert inputs_of({"inputs": [("a.xlsx", "ab"), {"path": "b.csv", "sha256": "cd"}]}) == [
        {"path": "a.xlsx", "sha256": "ab"}, {"path": "b.csv", "sha256": "cd"}]


def test_the_record_names_seed_and_wave_only_when_there_is_one():
    record = table_provenance({"wave": 2}, {"command": "coalitions x", "seed": 0})
    assert record["seed"] == 0 and record["wave"] == 2  # 0 is a seed, not a missing one
    assert record["command"] == "coalitions x"
    bare = table_provenance()
    assert "seed" not in bare and "wave" not in bare and "command" not in bare
    made = dt.datetime.strptime(bare["generated"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    assert abs((dt.datetime.now(dt.UTC) - made).total_seconds()) < 60
