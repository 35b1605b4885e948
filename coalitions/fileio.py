"""Writing output files whole or not at all.

Every file the package writes for a user (maps, reports, exports, the template, the demo's
pages) goes through :func:`atomic_path` or :func:`atomic_write`: the content is written to a
temporary file in the target's folder, flushed to disk (``fsync``) and only then renamed
over the target with :func:`os.replace`, which POSIX and Windows make atomic within one file
system. A full disk, a crash or an error half-way therefore leaves the previous file exactly
as it was (or no file), never a truncated or empty one; the temporary file is removed.

Problems a user can cause or fix — the target is a folder, a parent is a file, the name is
too long, no permission, the disk is full — become one :class:`~coalitions.errors.OutputError`
that says which path and what went wrong, instead of an ``OSError`` traceback.

Missing parent folders are made, as the map, report and export commands always did.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from coalitions.errors import OutputError

__all__ = ["atomic_path", "atomic_paths", "atomic_write", "make_folder", "os_reason", "output_error", "write_text"]

# Short on purpose: a temporary name derived from the target's would exceed the file system's
# 255-byte limit before the target's own name does.
_TMP_PREFIX = ".coalitions-"
_TMP_SUFFIX = ".tmp"

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EFBIG: "the file is larger than this system allows (file size limit)",
    errno.ENAMETOOLONG: "the name is too long for the file system (at most 255 bytes "
                        "per name)",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.EISDIR: "it is a folder, not a file",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EEXIST: "a part of the path is a file, not a folder",
}


def os_reason(exc: OSError) -> str:
    """What went wrong, in words a user can act on (``the disk is full``)."""
    return _REASONS.get(exc.errno or 0) or (exc.strerror or str(exc))


def output_error(path: Path | str, exc: OSError, *, what: str = "write") -> OutputError:
    """The :class:`OutputError` for ``exc`` raised while writing ``path``."""
    reason = os_reason(exc)
    hint = None
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        hint = "Free some space or choose another place with --out; any previous file " \
               "there was left as it was."
    elif exc.errno == errno.ENAMETOOLONG:
        hint = "Choose a shorter name with --out."
    elif exc.errno == errno.EISDIR:
        hint = "Give --out the name of a file (inside that folder, if you like)."
    return OutputError(f"Cannot {what} {path}: {reason}.", hint=hint)


@contextlib.contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """A temporary path to write the content of ``path`` to; when the ``with`` block ends
    without an exception the temporary file is fsynced and renamed to ``path``.

    For writers that want a file name (``networkx.write_gexf``, ``DataFrame.to_csv``, …).
    On any exception the temporary file is removed and ``path`` is left untouched;
    ``OSError`` is turned into :class:`OutputError`.

    Raises
    ------
    OutputError
        ``path`` is a folder, its folder cannot be made or written to, the name is too long,
        or the disk is full.
    """
    with atomic_paths([path]) as (tmp,):
        yield tmp


@contextlib.contextmanager
def atomic_paths(paths: Sequence[Path | str], *,
                 name: Path | str | None = None) -> Iterator[list[Path]]:
    """:func:`atomic_path` for files that belong together (a CSV export's nodes and edges):
    all are written first, then all renamed, so a failure while writing any leaves every
    previous file as it was. Errors name ``name`` (default: the first path)."""
    targets = [Path(p) for p in paths]
    shown = Path(name) if name is not None else targets[0]
    temps: list[Path] = []
    try:
        for target in targets:
            if target.is_dir():
                raise IsADirectoryError(errno.EISDIR, "Is a directory", str(target))
            target.parent.mkdir(parents=True, exist_ok=True)
            temps.append(_reserve(target.parent))
    except OSError as exc:
        _remove(*temps)
        raise output_error(shown if name is not None else target, exc) from None
    try:
        yield temps
        for tmp in temps:
            _fsync(tmp)
        for tmp, target in zip(temps, targets, strict=True):
            os.replace(tmp, target)
    except OSError as exc:
        _remove(*temps)
        raise output_error(shown, exc) from None
    except BaseException:
        _remove(*temps)
        raise
    for folder in dict.fromkeys(t.parent for t in targets):
        _fsync_dir(folder)


@contextlib.contextmanager
def atomic_write(path: Path | str, mode: str = "w", *, encoding: str | None = "utf-8",
                 newline: str | None = None) -> Iterator[IO[Any]]:
    """Open a temporary file for writing (``mode`` ``"w"`` or ``"wb"``) that replaces ``path``
    when the ``with`` block ends without an exception (see :func:`atomic_path`)."""
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_write opens files for writing only, not {mode!r}")
    with atomic_path(path) as tmp:
        if mode == "wb":
            with open(tmp, "wb") as fh:
                yield fh
        else:
            with open(tmp, "w", encoding=encoding, newline=newline) as fh:
                yield fh


def make_folder(path: Path | str) -> Path:
    """Make the output folder ``path`` (and its parents) if missing; return it.

    Raises
    ------
    OutputError
        ``path`` is a file, a parent is a file, the name is too long or not permitted.
    """
    folder = Path(path)
    try:
        if folder.exists() and not folder.is_dir():
            raise OutputError(f"Cannot write into {folder}: it is a file, not a folder.",
                              hint="Give a folder with --out.")
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(folder, exc, what="make the folder") from None
    return folder


def write_text(path: Path | str, text: str, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically (see :func:`atomic_path`); return the path."""
    with atomic_write(path, "w", encoding=encoding) as fh:
        fh.write(text)
    return Path(path)


# helpers

def _reserve(folder: Path) -> Path:
    # O_EXCL: never write through a file (or link) someone else put there; 0o666 lets the
    # umask decide the permissions, as for any file the user creates.
    for _ in range(100):
        tmp = folder / f"{_TMP_PREFIX}{secrets.token_hex(6)}{_TMP_SUFFIX}"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not every platform or file system lets a folder be
    # opened or synced, and the file is complete either way.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()
