"""Photos on the filesystem by SHA-256: resumable partial uploads and atomic, durable final files.

Layout under the photo folder: ``photos/ab/cd/<sha256>`` for accepted photos and
``partial/<sha256>.part`` for uploads in progress. Only a validated lowercase hex digest ever
becomes part of a path, so no name from a client can point outside the folder. A chunk is fsynced
before it is acknowledged, so the offset a client resumes from survives a crash of either side.
A finished upload is verified, fsynced, renamed into place and its folder fsynced.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
READ_BLOCK = 1024 * 1024


class UploadBusy(Exception):
    """Another request is writing this photo right now."""


class OffsetMismatch(Exception):
    def __init__(self, offset: int) -> None:
        super().__init__(f"the upload is at byte {offset}")
        self.offset = offset


class HashMismatch(Exception):
    """The bytes received do not hash to the name they were sent under."""


@dataclass(frozen=True)
class ChunkOutcome:
    offset: int
    complete: bool


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class PhotoStore:
    """Content-addressed photo files under one folder."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.final_root = self.root / "photos"
        self.partial_root = self.root / "partial"
        self.final_root.mkdir(parents=True, exist_ok=True)
        self.partial_root.mkdir(parents=True, exist_ok=True)

    @staticmethod
    def _check(sha256: str) -> str:
        if not SHA256_RE.match(sha256):
            raise ValueError("not a lowercase hex SHA-256")
        return sha256

    def final_path(self, sha256: str) -> Path:
        h = self._check(sha256)
        return self.final_root / h[:2] / h[2:4] / h

    def part_path(self, sha256: str) -> Path:
        return self.partial_root / f"{self._check(sha256)}.part"

    def has(self, sha256: str) -> bool:
        return self.final_path(sha256).is_file()

    def offset(self, sha256: str) -> int:
        """Bytes of an unfinished upload already stored (0 when none)."""
        try:
            return self.part_path(sha256).stat().st_size
        except FileNotFoundError:
            return 0

    @contextlib.contextmanager
    def _locked_part(self, sha256: str) -> Iterator[int]:
        fd = os.open(self.part_path(sha256), os.O_RDWR | os.O_CREAT, 0o640)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise UploadBusy(sha256) from exc
            yield fd
        finally:
            os.close(fd)

    def write_chunk(self, sha256: str, offset: int, total: int, chunk: bytes) -> ChunkOutcome:
        """Append a chunk that starts at ``offset``; verify and publish at ``total`` bytes."""
        with self._locked_part(sha256) as fd:
            current = os.fstat(fd).st_size
            if offset != current or current + len(chunk) > total:
                raise OffsetMismatch(current)
            os.lseek(fd, current, os.SEEK_SET)
            view = memoryview(chunk)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
            end = current + len(chunk)
            if end < total:
                return ChunkOutcome(end, False)
            if self._digest(fd) != sha256:
                os.unlink(self.part_path(sha256))
                raise HashMismatch(sha256)
            self._publish(sha256)
            return ChunkOutcome(end, True)

    @staticmethod
    def _digest(fd: int) -> str:
        digest = hashlib.sha256()
        os.lseek(fd, 0, os.SEEK_SET)
        while block := os.read(fd, READ_BLOCK):
            digest.update(block)
        return digest.hexdigest()

    def _publish(self, sha256: str) -> None:
        final = self.final_path(sha256)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(self.part_path(sha256), final)
        _fsync_dir(final.parent)
        _fsync_dir(self.partial_root)

    def discard(self, sha256: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.part_path(sha256))
