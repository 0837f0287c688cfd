"""Photos on the filesystem by SHA-256: resumable partial uploads and atomic, durable final files.

Layout under the photo folder: ``photos/ab/<sha256>`` for accepted photos (256 folders, so a
new photo seldom needs a new folder, whose creation would cost two more fsyncs) and
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
        return self.final_root / h[:2] / h

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

    def open_chunk(self, sha256: str, offset: int, total: int) -> ChunkWriter:
        """Lock the partial upload and position a writer at ``offset`` (the stored size)."""
        fd = os.open(self.part_path(sha256), os.O_RDWR | os.O_CREAT, 0o640)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise UploadBusy(sha256) from exc
            current = os.fstat(fd).st_size
            if offset != current or current >= total:
                raise OffsetMismatch(current)
            digest = hashlib.sha256()
            while block := os.read(fd, READ_BLOCK):
                digest.update(block)
            return ChunkWriter(self, sha256, fd, current, total, digest)
        except BaseException:
            os.close(fd)
            raise

    def publish_if_whole(self, sha256: str) -> bool:
        """Publish a partial upload that already holds every byte of its photo.

        That happens only after a crash between a last chunk's fsync and its rename; without
        this the upload would stand at its total forever, with no chunk left to send.
        """
        try:
            fd = os.open(self.part_path(sha256), os.O_RDONLY)
        except FileNotFoundError:
            return False
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False  # being written: not whole yet
            digest = hashlib.sha256()
            while block := os.read(fd, READ_BLOCK):
                digest.update(block)
            if digest.hexdigest() != sha256:
                return False
            self._publish(sha256)
            return True
        finally:
            os.close(fd)

    def write_chunk(self, sha256: str, offset: int, total: int, chunk: bytes) -> ChunkOutcome:
        """Store a whole chunk at once (see ``ChunkWriter`` for streaming)."""
        writer = self.open_chunk(sha256, offset, total)
        try:
            try:
                writer.write(chunk)
            except OffsetMismatch:
                writer.abort()
                raise
            return writer.finish()
        finally:
            writer.close()

    def _publish(self, sha256: str) -> None:
        final = self.final_path(sha256)
        if not final.parent.is_dir():
            final.parent.mkdir(exist_ok=True)
            _fsync_dir(final.parent.parent)
        os.replace(self.part_path(sha256), final)
        # The new name must survive power loss; a stale .part reappearing would be harmless
        # (an existing final file wins), so the partial folder is not synced.
        _fsync_dir(final.parent)

    def discard(self, sha256: str) -> None:
        """Forget an unfinished upload."""
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.part_path(sha256))


class ChunkWriter:
    """Streams one chunk into a locked partial upload, hashing as it goes.

    ``finish`` fsyncs and, at the last byte, verifies and publishes. ``keep`` fsyncs what arrived
    (a dropped link resumes from there); ``abort`` cuts the file back to where the chunk began.
    """

    def __init__(
        self, store: PhotoStore, sha256: str, fd: int, start: int, total: int, digest: Any
    ) -> None:
        self.store = store
        self.sha256 = sha256
        self.fd = fd
        self.start = start
        self.position = start
        self.total = total
        self.digest = digest

    def write(self, piece: bytes) -> None:
        self.write_pieces([piece])

    def write_pieces(self, pieces: list[bytes]) -> None:
        """Append pieces with one ``writev`` (no joining copy), hashing each."""
        size = sum(len(p) for p in pieces)
        if self.position + size > self.total:
            raise OffsetMismatch(self.start)
        for piece in pieces:
            self.digest.update(piece)
        written = os.writev(self.fd, pieces)
        if written < size:  # a short write: finish the rest piece by piece
            rest = memoryview(b"".join(pieces))[written:]
            while rest:
                rest = rest[os.write(self.fd, rest) :]
        self.position += size

    def keep(self) -> int:
        os.fsync(self.fd)
        return self.position

    def abort(self) -> None:
        os.ftruncate(self.fd, self.start)
        os.fsync(self.fd)
        self.position = self.start

    def finish(self) -> ChunkOutcome:
        if self.position < self.total:
            os.fsync(self.fd)
            return ChunkOutcome(self.position, False)
        if self.digest.hexdigest() != self.sha256:
            self.store.discard(self.sha256)
            raise HashMismatch(self.sha256)
        os.fsync(self.fd)
        self.store._publish(self.sha256)
        return ChunkOutcome(self.position, True)

    def close(self) -> None:
        os.close(self.fd)
