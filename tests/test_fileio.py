"""Outputs written whole or not at all: bad --out paths and a full disk give one clean message,
exit 1, no traceback, and leave a previous good file byte for byte as it was."""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalitions.cli import app
from coalitions.errors import OutputError
from coalitions.fileio import atomic_path, atomic_write, write_text
from tests.conftest import SAMPLE, csv_body

runner = CliRunner()
DISTINCTIVE = Path(__file__).resolve().parent / "data" / "cli" / "distinctive_persons"
LONG = "x" * 300  # a file name longer than the 255 bytes Linux file systems allow
GOOD = b"<html>a good map made earlier</html>\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    args = ["--store", str(tmp_path_factory.mktemp("fileio") / "s.db")]
    assert runner.invoke(app, [*args, "load", str(SAMPLE)]).exit_code == 0
    return args


def error_line(stderr: str) -> str:
    """The error line of a message (warnings about the output, e.g. what a DL export leaves
    out, may stand before it)."""
    return next(line for line in stderr.splitlines() if not line.startswith("warning:"))


def fails(*args: str) -> str:
    """Run the CLI; it must exit 1 with a message and no traceback. Returns stderr."""
    result = runner.invoke(app, list(args))
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    assert "Traceback" not in result.output
    return result.stderr


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".coalitions-"))


# the helper ----------------------------------------------------------------------------------

def test_atomic_write_replaces_the_file_only_when_the_block_succeeds(tmp_path):
    target = tmp_path / "out.txt"
    target.write_bytes(GOOD)
    with pytest.raises(ZeroDivisionError), atomic_write(target) as fh:
        fh.write("half a new file")
        1 / 0  # noqa: B018 - the writer fails half-way
    assert target.read_bytes() == GOOD
    assert leftovers(tmp_path) == []
    write_text(target, "new")
    assert target.read_text() == "new"
    assert leftovers(tmp_path) == []


def test_atomic_path_gives_new_files_the_permissions_the_umask_allows(tmp_path):
    old = os.umask(0o027)
    try:
        with atomic_path(tmp_path / "f") as tmp:
            tmp.write_text("x")
    finally:
        os.umask(old)
    assert (tmp_path / "f").stat().st_mode & 0o777 == 0o640


def test_atomic_path_turns_os_errors_into_output_errors(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="it is a folder, not a file"):
        write_text(tmp_path, "x")
    with pytest.raises(OutputError, match="a part of the path is a file, not a folder"):
        write_text(tmp_path / "file" / "out.html", "x")
    with pytest.raises(OutputError, match="the name is too long"):
        write_text(tmp_path / f"{LONG}.html", "x")


# bad --out paths through the CLI ---------------------------------------------------------------

OUTPUTS = [
    ("map", ["--city", "Gent"]),
    ("report", ["--city", "Gent"]),
    ("export", ["--format", "gexf"]),
    ("export", ["--format", "dl"]),
    ("export", ["--format", "csv"]),
]


@pytest.mark.parametrize(("command", "args"), OUTPUTS)
def test_a_folder_a_file_as_parent_or_a_long_name_as_out_is_one_clean_message(store, tmp_path,
                                                                               command, args):
    html = ".html" if command in ("map", "report") else ""  # map refuses other suffixes
    folder = tmp_path / f"folder{html}"
    folder.mkdir()
    (tmp_path / "file").write_bytes(GOOD)
    csv = args == ["--format", "csv"]
    cases = [
        (tmp_path / "file" / f"out{html}", "a part of the path is a file, not a folder."),
        (tmp_path / f"{LONG}{html}", "the name is too long for the file system (at most 255 "
                                     "bytes per name)."),
    ]
    if not csv:  # csv writes into a folder: a folder is right, a file is wrong
        cases.append((folder, "it is a folder, not a file."))
    for out, reason in cases:
        err = fails(*store, command, *args, "--out", str(out))
        verb = "Cannot make the folder" if csv else "Cannot write"
        assert error_line(err) == f"Error: {verb} {out}: {reason}"
    if csv:
        err = fails(*store, command, *args, "--out", str(tmp_path / "file"))
        assert error_line(err) == (f"Error: Cannot write into {tmp_path / 'file'}: it is a "
                                       "file, not a folder.")
    assert (tmp_path / "file").read_bytes() == GOOD
    assert sorted(p.name for p in folder.iterdir()) == []
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(("command", "args"), OUTPUTS)
def test_missing_parent_folders_of_out_are_made(store, tmp_path, command, args):
    out = tmp_path / "missing" / "deeper" / ("out.html" if command in ("map", "report")
                                             else "out")
    result = runner.invoke(app, [*store, command, *args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_dir() if args == ["--format", "csv"] else out.stat().st_size > 0
    assert leftovers(out.parent) == []


def test_template_and_demo_refuse_bad_out_paths_cleanly(tmp_path):
    (tmp_path / "file").write_bytes(GOOD)
    err = fails("template", "--out", str(tmp_path))
    assert error_line(err) == f"Error: Cannot write {tmp_path}: it is a folder, not a file."
    err = fails("template", "--out", str(tmp_path / f"{LONG}.xlsx"))
    assert "the name is too long" in error_line(err)
    # the demo checks its folder before it loads the sample: the store stays untouched
    store = tmp_path / "demo.db"
    err = fails("demo", "--store", str(store), "--out", str(tmp_path / "file"))
    assert error_line(err) == (f"Error: Cannot write into {tmp_path / 'file'}: it is a file, "
                                   "not a folder.")
    assert not store.exists()
    assert (tmp_path / "file").read_bytes() == GOOD


@pytest.mark.parametrize("command", [["stats"], ["load", str(DISTINCTIVE)]])
def test_a_store_under_a_regular_file_is_one_clean_message(tmp_path, command):
    (tmp_path / "file").write_bytes(GOOD)
    store = tmp_path / "file" / "x.db"
    err = fails("--store", str(store), *command)
    if command == ["stats"]:  # read-only: there is simply no store there
        assert error_line(err) == f"Error: No store at {store}."
    else:
        assert error_line(err) == (f"Error: Cannot open the store {store}: a part of the "
                                       "path is a file, not a folder.")
    assert (tmp_path / "file").read_bytes() == GOOD


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_out_folder_without_write_permission_is_one_clean_message(store, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "m.html").write_bytes(GOOD)
    locked.chmod(0o500)
    try:
        err = fails(*store, "map", "--city", "Gent", "--out", str(locked / "m.html"))
    finally:
        locked.chmod(0o700)
    assert error_line(err) == f"Error: Cannot write {locked / 'm.html'}: permission denied."
    assert (locked / "m.html").read_bytes() == GOOD


# a full disk -----------------------------------------------------------------------------------

def _limited(limit: int):
    def preexec() -> None:
        # Past RLIMIT_FSIZE the kernel sends SIGXFSZ, which kills by default; ignored, the
        # write fails with EFBIG instead, as a write to a full disk fails with ENOSPC.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return preexec


def run_limited(args: list[str], limit: int) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from coalitions.cli import main; main()", *args],
        capture_output=True, text=True, preexec_fn=_limited(limit), timeout=300,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}, check=False)


@pytest.mark.parametrize(("command", "args", "name"), [
    ("map", ["--city", "Gent"], "m.html"),
    ("report", ["--city", "Gent"], "r.html"),
    ("export", ["--format", "gexf"], "x.gexf"),
    ("export", ["--format", "graphml"], "x.graphml"),
    ("export", ["--format", "pajek"], "x.net"),
    ("export", ["--format", "dl"], "x.dl"),
    ("template", [], "t.xlsx"),
])
def test_a_file_too_large_to_write_leaves_the_previous_file_as_it_was(store, tmp_path, command,
                                                                      args, name):
    out = tmp_path / name
    out.write_bytes(GOOD)
    store_args = [] if command == "template" else store
    done = run_limited([*store_args, command, *args, "--out", str(out)], limit=2048)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert error_line(done.stderr) == (f"Error: Cannot write {out}: the file is larger "
                                           "than this system allows (file size limit).")
    assert out.read_bytes() == GOOD
    assert leftovers(tmp_path) == []
    # and without the limit the same command writes the file
    assert run_limited([*store_args, command, *args, "--out", str(out)],
                       limit=resource.RLIM_INFINITY).returncode == 0
    assert out.stat().st_size > 2048


def test_a_csv_export_too_large_to_write_leaves_both_previous_files(store, tmp_path):
    out = tmp_path / "csv"
    out.mkdir()
    for f in ("nodes.csv", "edges.csv"):
        (out / f).write_bytes(GOOD)
    done = run_limited([*store, "export", "--format", "csv", "--out", str(out)], limit=2048)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert error_line(done.stderr) == (f"Error: Cannot write {out}: the file is larger than "
                                           "this system allows (file size limit).")
    assert [(out / f).read_bytes() for f in ("nodes.csv", "edges.csv")] == [GOOD, GOOD]
    assert leftovers(out) == []


@contextlib.contextmanager
def small_disk(path: Path, size: str):
    """A tmpfs of ``size`` at ``path`` (root only), unmounted afterwards."""
    path.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", str(path)], check=True)


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a tmpfs needs root")
@pytest.mark.parametrize(("command", "args", "name"), [
    ("map", ["--city", "Gent"], "m.html"),
    ("export", ["--format", "graphml"], "x.graphml"),
])
def test_an_output_on_a_full_disk_leaves_the_previous_file_as_it_was(store, tmp_path, command,
                                                                      args, name):
    with small_disk(tmp_path / "disk", "64k") as disk:
        out = disk / name
        out.write_bytes(GOOD)
        err = fails(*store, command, *args, "--out", str(out))
        assert error_line(err) == f"Error: Cannot write {out}: the disk is full."
        assert out.read_bytes() == GOOD
        assert leftovers(disk) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a tmpfs needs root")
def test_an_out_on_a_read_only_file_system_is_one_clean_message(store, tmp_path):
    # As root no permission bit stops a write; a read-only mount still does.
    with small_disk(tmp_path / "disk", "1m") as disk:
        out = disk / "m.html"
        out.write_bytes(GOOD)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        err = fails(*store, "map", "--city", "Gent", "--out", str(out))
        assert error_line(err) == f"Error: Cannot write {out}: the file system is read-only."
        assert out.read_bytes() == GOOD


def counted(args: list[str]) -> dict[str, int]:
    """Nodes per label and relationships per type, by Cypher on a read-write open (which
    completes any recovery LadybugDB has pending) rather than by the package's stats."""
    counts = {}
    for cypher in ("MATCH (n) RETURN label(n) AS l, count(*) AS c",
                   "MATCH ()-[r]->() RETURN label(r) AS l, count(*) AS c"):
        result = runner.invoke(app, [*args, "query", "--write", "--format", "csv", cypher])
        assert result.exit_code == 0, result.output
        counts |= {line.split(",")[0]: int(line.split(",")[1])
                   for line in csv_body(result.stdout).splitlines()[1:]}
    for bookkeeping in ("CoalitionsMeta", "Wave"):  # (one wave here: all counts are its)
        counts.pop(bookkeeping, None)
    return {k: v for k, v in counts.items() if v}


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a tmpfs needs root")
@pytest.mark.parametrize("replace", [False, True])
def test_a_load_that_fills_the_disk_does_not_claim_success_and_says_what_the_store_holds(
        tmp_path, replace):
    with small_disk(tmp_path / "disk", "3m") as disk:
        args = ["--store", str(disk / "s.db")]
        assert runner.invoke(app, [*args, "load", str(DISTINCTIVE)]).exit_code == 0
        before = counted(args)
        # the sample needs more than the 2 MB left
        err = fails(*args, "load", str(SAMPLE), *(["--replace"] if replace else []))
        first = error_line(err)
        assert "committed" not in err.lower() and "loaded into" not in err.lower()
        assert first.startswith("Error: The load ") and "the disk is full" in first
        # what the message says the store holds is what it holds, counted independently
        after = counted(args)
        if "Nothing was loaded" in first:
            assert after == before
        elif "neither as it was nor as loaded" in first:
            said = first.split("reopened, ")[1].rstrip(".")
            held = {} if said == "it is empty" else {
                k: int(v) for k, v in (p.rsplit(" ", 1) for p in
                                       said.removeprefix("it holds ").split(", "))}
            assert held == after and after != before
        else:
            assert first.startswith("Error: The load may be incomplete") and after != before
