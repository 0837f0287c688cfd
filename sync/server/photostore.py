"""Photos on the filesystem by SHA-256: resumable partial uploads and atomic, durable final files.

Layout under the photo folder: ``photos/ab/<sha256>`` for accepted photos (256 folders, all made
when the store opens, so that a new photo never needs a new folder, whose creation would cost two
more fsyncs on its path) and
``partial/<device>/<sha256>.part`` for uploads in progress: each belongs to the device that
started it (nobody else reads its offset, appends to it or discards it). A partial upload
untouched for ``partial_ttl`` seconds is removed. Only a validated lowercase hex digest and a
server-made device id ever become part of a path, so no name from a client can point outside
the folder. A chunk is fsynced
(``fdatasync``: its bytes and the file's size) before it is acknowledged, so the offset a client resumes from survives a crash of either side.
A finished upload is verified, fsynced, renamed into place and its folder fsynced.

Where the filesystem allows it, chunk bodies go to disk with ``O_DIRECT``, as object stores such
as MinIO write their objects: a photo is written once and seldom read back, so filling the page
cache with it only costs the kernel work (measured here: a megabyte into fresh page cache cost
about twice the system time of a direct write) and evicts what the database needs. Only
whole, aligned blocks go direct; an unaligned head or tail goes through the page cache.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import mmap
import os
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
OWNER_RE = re.compile(r"^[0-9a-z-]{1,64}$")  # a device id (a UUID), or ANON
ANON = "anon"  # the owner of uploads made outside any device (tools, tests)
SWEEP_EVERY = 3600.0  # seconds between looks for expired partial uploads
READ_BLOCK = 1024 * 1024
O_DIRECT: int = getattr(os, "O_DIRECT", 0)  # Linux; elsewhere every write is buffered
DIRECT_ALIGN = 4096  # a multiple of any logical block size we meet
STAGE_BYTES = 1024 * 1024  # bytes staged in an aligned buffer per direct write
SPARE_STAGES = 16  # staging buffers kept for reuse: a fresh mapping costs its page faults again


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


def _datasync(fd: int) -> None:
    """Make a partial upload's bytes durable before they are acknowledged. ``fdatasync`` writes
    the data and the metadata needed to read it back (the file's size), as ``fsync`` does, but
    not the modification time: after a power loss a partial upload may look a few seconds older
    to the clean-up, whose limit is days. Where there is no ``fdatasync``, ``fsync``."""
    getattr(os, "fdatasync", os.fsync)(fd)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class PhotoStore:
    """Content-addressed photo files under one folder."""

    def __init__(self, root: Path, partial_ttl: float = 7 * 24 * 3600.0) -> None:
        self.root = Path(root)
        self.partial_ttl = partial_ttl
        self._swept_at = 0.0
        self.final_root = self.root / "photos"
        self.partial_root = self.root / "partial"
        self.final_root.mkdir(parents=True, exist_ok=True)
        self.partial_root.mkdir(parents=True, exist_ok=True)
        self._make_shards()
        self._spare_stages: list[mmap.mmap] = []
        self._stages_lock = threading.Lock()

    def _make_shards(self) -> None:
        made = False
        for n in range(256):
            shard = self.final_root / f"{n:02x}"
            if not shard.is_dir():
                shard.mkdir(exist_ok=True)
                made = True
        if made:
            _fsync_dir(self.final_root)

    @staticmethod
    def _check(sha256: str) -> str:
        if not SHA256_RE.match(sha256):
            raise ValueError("not a lowercase hex SHA-256")
        return sha256

    def final_path(self, sha256: str) -> Path:
        h = self._check(sha256)
        return self.final_root / h[:2] / h

    def part_path(self, sha256: str, owner: str = ANON) -> Path:
        if not OWNER_RE.match(owner):
            raise ValueError("not a device id")
        return self.partial_root / owner / f"{self._check(sha256)}.part"

    def has(self, sha256: str) -> bool:
        return self.final_path(sha256).is_file()

    def ready(self) -> bool:
        return all(
            folder.is_dir() and os.access(folder, os.W_OK)
            for folder in (self.final_root, self.partial_root)
        )

    def size(self, sha256: str) -> int:
        """Bytes of a stored photo (FileNotFoundError when it is not stored)."""
        return self.final_path(sha256).stat().st_size

    def read(self, sha256: str) -> bytes:
        return self.final_path(sha256).read_bytes()

    def open_read(self, sha256: str) -> BinaryIO:
        return self.final_path(sha256).open("rb")

    def local_path(self, sha256: str) -> Path | None:
        """The stored photo as a file on this machine (served with sendfile), if it is one."""
        path = self.final_path(sha256)
        return path if path.is_file() else None

    def offset(self, sha256: str, owner: str = ANON) -> int:
        """Bytes of the owner's unfinished upload already stored (0 when none)."""
        try:
            return self.part_path(sha256, owner).stat().st_size
        except FileNotFoundError:
            return 0

    def open_chunk(self, sha256: str, offset: int, total: int, owner: str = ANON) -> ChunkWriter:
        """Lock the owner's partial upload and position a writer at ``offset`` (the stored
        size). Nothing is created unless the chunk starts a new upload (``offset`` 0)."""
        self.sweep_now_and_then()
        path = self.part_path(sha256, owner)
        if offset == 0:
            path.parent.mkdir(exist_ok=True)
            flags = os.O_RDWR | os.O_CREAT
        else:
            flags = os.O_RDWR
        try:
            fd = os.open(path, flags, 0o640)
        except FileNotFoundError:
            raise OffsetMismatch(0) from None
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
            direct = self._open_direct(path)
            return ChunkWriter(self, sha256, fd, current, total, digest, direct, owner)
        except BaseException:
            os.close(fd)
            raise

    def take_stage(self) -> mmap.mmap:
        """A page-aligned staging buffer (mmap memory is), as O_DIRECT wants its buffers."""
        with self._stages_lock:
            if self._spare_stages:
                return self._spare_stages.pop()
        return mmap.mmap(-1, STAGE_BYTES)

    def give_back_stage(self, stage: mmap.mmap) -> None:
        with self._stages_lock:
            if len(self._spare_stages) < SPARE_STAGES:
                self._spare_stages.append(stage)
                return
        stage.close()

    def _open_direct(self, path: Path) -> int | None:
        """A second descriptor on the partial upload that bypasses the page cache, if allowed."""
        if not O_DIRECT:
            return None
        try:
            return os.open(path, os.O_WRONLY | O_DIRECT)
        except OSError as exc:
            if exc.errno == errno.EINVAL:  # tmpfs and some others refuse O_DIRECT
                return None
            raise

    def publish_if_whole(self, sha256: str, owner: str = ANON) -> bool:
        """Publish a partial upload that already holds every byte of its photo.

        That happens only after a crash between a last chunk's fsync and its rename; without
        this the upload would stand at its total forever, with no chunk left to send.
        """
        try:
            fd = os.open(self.part_path(sha256, owner), os.O_RDONLY)
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
            self._publish(sha256, owner)
            return True
        finally:
            os.close(fd)

    def write_chunk(
        self, sha256: str, offset: int, total: int, chunk: bytes, owner: str = ANON
    ) -> ChunkOutcome:
        """Store a whole chunk at once (see ``ChunkWriter`` for streaming)."""
        writer = self.open_chunk(sha256, offset, total, owner)
        try:
            try:
                writer.write(chunk)
            except OffsetMismatch:
                writer.abort()
                raise
            return writer.finish()
        finally:
            writer.close()

    def _publish(self, sha256: str, owner: str) -> None:
        final = self.final_path(sha256)
        part = self.part_path(sha256, owner)
        if final.is_file():
            # Someone else's upload of the same bytes (the hash says so) got there first.
            part.unlink(missing_ok=True)
            return
        if not final.parent.is_dir():
            final.parent.mkdir(exist_ok=True)
            _fsync_dir(final.parent.parent)
        os.replace(part, final)
        # The new name must survive power loss; a stale .part reappearing would be harmless
        # (an existing final file wins), so the partial folder is not synced.
        _fsync_dir(final.parent)

    def discard(self, sha256: str, owner: str = ANON) -> None:
        """Forget an unfinished upload."""
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.part_path(sha256, owner))

    def sweep_now_and_then(self) -> None:
        if time.monotonic() - self._swept_at >= SWEEP_EVERY:
            self._swept_at = time.monotonic()
            self.sweep()

    def sweep(self, now: float | None = None) -> int:
        """Remove partial uploads untouched for ``partial_ttl`` seconds (not those being
        written); how many went."""
        limit = (time.time() if now is None else now) - self.partial_ttl
        removed = 0
        for folder in self.partial_root.iterdir():
            if not folder.is_dir():
                continue
            for part in folder.glob("*.part"):
                with contextlib.suppress(FileNotFoundError):
                    if part.stat().st_mtime < limit and self._unlink_unless_busy(part):
                        removed += 1
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when empty
        return removed

    @staticmethod
    def _unlink_unless_busy(part: Path) -> bool:
        fd = os.open(part, os.O_RDONLY)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            part.unlink()
            return True
        finally:
            os.close(fd)


class ChunkWriter:
    """Streams one chunk into a locked partial upload, hashing as it goes.

    ``finish`` fsyncs and, at the last byte, verifies and publishes. ``keep`` fsyncs what arrived
    (a dropped link resumes from there); ``abort`` cuts the file back to where the chunk began.
    Bytes are written at explicit offsets: ``written`` is what the file holds, ``position`` that
    plus what waits in the aligned staging buffer for a direct write.
    """

    def __init__(
        self,
        store: PhotoStore,
        sha256: str,
        fd: int,
        start: int,
        total: int,
        digest: Any,
        direct_fd: int | None = None,
        owner: str = ANON,
    ) -> None:
        self.store = store
        self.owner = owner
        self.sha256 = sha256
        self.fd = fd
        self.start = start
        self.written = start
        self.total = total
        self.digest = digest
        self.direct_fd = direct_fd
        self._stage = store.take_stage() if direct_fd is not None else None
        self._staged = 0

    @property
    def position(self) -> int:
        """Bytes of the photo accepted so far: on disk, or staged for the next direct write."""
        return self.written + self._staged

    def write(self, piece: bytes) -> None:
        self.write_pieces([piece])

    def write_pieces(self, pieces: list[bytes]) -> None:
        """Append pieces, hashing each; no joining copy on the buffered path."""
        size = sum(len(p) for p in pieces)
        if self.position + size > self.total:
            raise OffsetMismatch(self.start)
        for piece in pieces:
            self.digest.update(piece)
        if self._stage is None:
            self._pwrite(self.fd, pieces, self.written)
            self.written += size
        else:
            for piece in pieces:
                self._stage_piece(memoryview(piece))

    def _stage_piece(self, piece: memoryview) -> None:
        assert self._stage is not None
        while piece:
            if self._staged == 0 and self.written % DIRECT_ALIGN:
                # Reach an aligned offset through the page cache (a resumed chunk's head).
                head = piece[: DIRECT_ALIGN - self.written % DIRECT_ALIGN]
                self._pwrite(self.fd, [head], self.written)
                self.written += len(head)
                piece = piece[len(head) :]
                continue
            take = min(len(piece), STAGE_BYTES - self._staged)
            self._stage[self._staged : self._staged + take] = piece[:take]
            self._staged += take
            piece = piece[take:]
            if self._staged == STAGE_BYTES:
                self._write_stage_direct()

    def _write_stage_direct(self) -> None:
        assert self._stage is not None
        try:
            self._pwrite(self.direct_fd or self.fd, [self._stage], self.written)
        except OSError as exc:
            if exc.errno != errno.EINVAL or self.direct_fd is None:
                raise
            # The device wants another alignment: go on through the page cache.
            self._drop_direct()
            self._pwrite(self.fd, [self._stage], self.written)
        self.written += STAGE_BYTES
        self._staged = 0

    def _flush_stage(self) -> None:
        """Write what is staged (less than a block's worth) through the page cache."""
        if self._stage is not None and self._staged:
            with memoryview(self._stage) as view:
                self._pwrite(self.fd, [view[: self._staged]], self.written)
            self.written += self._staged
            self._staged = 0

    @staticmethod
    def _pwrite(fd: int, pieces: list[Any], offset: int) -> None:
        """Write every byte of ``pieces`` at ``offset``, finishing any short write."""
        size = sum(len(p) for p in pieces)
        done = os.pwritev(fd, pieces, offset)
        if done < size:
            rest = memoryview(b"".join(pieces))[done:]
            while rest:
                rest = rest[os.pwrite(fd, rest, offset + done) :]
                done = size - len(rest)

    def _sync(self) -> None:
        self._flush_stage()
        _datasync(self.fd)

    def keep(self) -> int:
        self._sync()
        return self.position

    def abort(self) -> None:
        self._staged = 0
        os.ftruncate(self.fd, self.start)
        _datasync(self.fd)
        self.written = self.start

    def finish(self) -> ChunkOutcome:
        if self.position < self.total:
            self._sync()
            return ChunkOutcome(self.position, False)
        if self.digest.hexdigest() != self.sha256:
            self.store.discard(self.sha256, self.owner)
            raise HashMismatch(self.sha256)
        self._sync()
        self.store._publish(self.sha256, self.owner)
        return ChunkOutcome(self.position, True)

    def _drop_direct(self) -> None:
        if self.direct_fd is not None:
            os.close(self.direct_fd)
            self.direct_fd = None

    def close(self) -> None:
        self._drop_direct()
        if self._stage is not None:
            self.store.give_back_stage(self._stage)
            self._stage = None
        os.close(self.fd)
