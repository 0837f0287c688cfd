"""Anchors of the audit chain kept outside the database, so that cutting its tail is caught.

A hash chain shows an edited or deleted entry, but a chain cut short is still whole. Every few
minutes the server appends the chain's head to a small file beside the photos (a different
store from the database, which at scale is another machine): one line ``seq hash time``.
``fieldapp-server audit verify`` then checks that every anchored entry is still in the chain.
Someone able to rewrite the database but not this file can no longer cut the tail unseen
beyond the last anchor.

The file is only appended to and fsynced; a line torn by a crash (the last one, without its
newline) is ignored.
"""

from __future__ import annotations

import fcntl
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

LINE_RE = re.compile(r"^(\d+) ([0-9a-f]{64}) (\S+)$")


class AnchorFileError(ValueError):
    """The anchor file holds a line that is not an anchor (not a torn last line)."""


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    at: datetime

    def line(self) -> str:
        return f"{self.seq} {self.hash} {self.at.isoformat()}\n"


def append(path: Path, anchor: Anchor) -> None:
    """Append one anchor durably (the file, and its folder when the file is new), first cutting
    off a line a crash left torn."""
    new = not path.exists()
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        # Several server processes anchor into one file: one at a time, or one could cut
        # another's line as torn.
        fcntl.flock(fd, fcntl.LOCK_EX)
        size = os.fstat(fd).st_size
        tail = os.pread(fd, 256, max(0, size - 256))
        if tail and not tail.endswith(b"\n"):
            os.ftruncate(fd, size - (len(tail) - tail.rfind(b"\n") - 1))
        os.write(fd, anchor.line().encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    if new:
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def read(path: Path) -> list[Anchor]:
    """Every anchor in the file, oldest first; none when there is no file."""
    try:
        text = path.read_text(encoding="ascii")
    except FileNotFoundError:
        return []
    except UnicodeDecodeError as exc:
        raise AnchorFileError(f"{path}: not an anchor file") from exc
    *complete, _torn = text.split("\n")  # text after the last newline was never finished
    anchors = []
    for number, line in enumerate(complete, start=1):
        match = LINE_RE.match(line)
        if match is None:
            raise AnchorFileError(f"{path}, line {number}: not an anchor: {line[:80]!r}")
        try:
            at = datetime.fromisoformat(match[3])
        except ValueError as exc:
            raise AnchorFileError(f"{path}, line {number}: bad time {match[3]!r}") from exc
        anchors.append(Anchor(int(match[1]), match[2], at))
    return anchors
