"""Private files and folders: created 0600 / 0700 (on Windows the profile folder's ACL applies),
and the overwrite-then-remove of a plain copy once its encrypted copy is verified."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
_WIPE_PIECE = 1 << 20


def private_dir(path: Path) -> None:
    """Make ``path`` (and missing parents) readable by this user only; tighten an existing one."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if os.name != "nt" and stat.S_IMODE(path.stat().st_mode) != DIR_MODE:
        os.chmod(path, DIR_MODE)


def restrict(path: Path) -> None:
    """Make an existing file readable and writable by this user only (a no-op if it is gone)."""
    with contextlib.suppress(FileNotFoundError):
        if os.name != "nt":
            os.chmod(path, FILE_MODE)


def write_private(path: Path, data: bytes) -> None:
    """Write a small file atomically and durably, 0600 from its creation."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(
        temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), FILE_MODE
    )
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_dir(path.parent)


def wipe(path: Path) -> None:
    """Overwrite a file with zeros, sync, then remove it.

    On a journalling or copy-on-write file system, or an SSD that remaps blocks, old blocks may
    survive an overwrite; the wipe removes the plain copy from every ordinary read path, and the
    README says so."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    with contextlib.suppress(OSError):
        os.chmod(path, FILE_MODE)
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
    try:
        zeros = bytes(min(size, _WIPE_PIECE))
        left = size
        while left > 0:
            left -= os.write(fd, zeros[: min(left, len(zeros))])
        os.fsync(fd)
    finally:
        os.close(fd)
    path.unlink()
    fsync_dir(path.parent)


def fsync_dir(directory: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory for fsync; NTFS journals the rename
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
