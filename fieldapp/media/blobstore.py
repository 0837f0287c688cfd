"""A content-addressed store of original photo bytes, named by SHA-256, written durably.

``put`` writes the bytes unchanged, once: a second put of the same content finds it and writes
nothing. Durability: a temporary file in the same directory, ``fsync``, atomic rename, ``fsync``
of the directory, so after ``put`` returns the photo survives a crash or power cut, and a crash
during ``put`` leaves at most a temporary file (cleared by ``sweep_temporaries``), never a
half-written photo under its final name. Paths come only from validated hex digests: no name a
caller supplies can reach outside the store. Stored files are made read-only.

Layout: ``ROOT/ab/ab…(64 hex)``: 256 shard directories, all present once a few hundred photos are
stored, so a new photo usually costs one file and one directory fsync. A new folder's own entry is
synced by the first commit into it, whichever put made it.

A put that is given up (``abort``, a failed write, ``discard`` of a refused file) leaves the store
as it was: its temporary file goes, and so does a shard folder (or the root) that a put in this
process made and that is empty again. Folders are never removed otherwise, so a folder made by
someone else stays, and a folder another put is writing into is not empty; a put whose folder
vanishes between making it and creating its file makes it again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path

from fieldapp.media.errors import PhotoStoreError

_DIGEST = re.compile(r"[0-9a-f]{64}")
_TEMP_PREFIX = ".incoming-"
_CREATE_ATTEMPTS = 8  # a folder removed under a put this many times in a row is an error


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class StoredBlob:
    """Where a blob lives and whether this put wrote it (False: it was already there)."""

    sha256: str
    size: int
    path: Path
    written: bool


class BlobStore:
    """Original photos by SHA-256 under ``root``."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        """The file of a digest; ValueError for anything but 64 lowercase hex digits."""
        if not isinstance(sha256, str) or not _DIGEST.fullmatch(sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def contains(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put(self, data: bytes, sha256: str | None = None) -> StoredBlob:
        """Store ``data`` durably (its digest may be passed if already computed; it is trusted)."""
        return self.begin(data, sha256).commit()

    def begin(self, data: bytes, sha256: str | None = None) -> PendingBlob:
        """First half of a put: write the bytes to a temporary file, not yet synced or named.

        Lets a caller do other work (decoding) while the kernel writes the pages back, then
        ``commit()`` (fsync, rename, fsync directory) or ``abort()``.
        """
        digest = sha256 or sha256_hex(data)
        path = self.path_for(digest)
        try:
            if path.is_file() and path.stat().st_size == len(data):
                return PendingBlob(StoredBlob(digest, len(data), path, written=False), None)
            return PendingBlob(StoredBlob(digest, len(data), path, True), _write_temp(path, data))
        except OSError as exc:
            raise PhotoStoreError.make("save a photo", exc.strerror or str(exc)) from exc

    def get(self, sha256: str) -> bytes:
        """The stored bytes, checked against their digest."""
        path = self.path_for(sha256)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise PhotoStoreError.make("read a photo", exc.strerror or str(exc)) from exc
        if sha256_hex(data) != sha256:
            raise PhotoStoreError.make("read a photo", f"stored file {sha256[:12]}… is damaged")
        return data

    def discard(self, sha256: str) -> None:
        """Remove a blob (only for one that turned out not to be a photo, just after put), and
        its shard folder if a put in this process made it and it is empty now."""
        path = self.path_for(sha256)
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise PhotoStoreError.make("remove a rejected file", exc.strerror or str(exc)) from exc
        _remove_if_made_and_empty(path.parent)

    def sweep_temporaries(self) -> int:
        """Remove temporary files a crash left behind; returns how many."""
        removed = 0
        for temp in self.root.glob(f"*/{_TEMP_PREFIX}*"):
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
                removed += 1
        return removed


@dataclass(slots=True)
class _Temp:
    path: Path
    fd: int


@dataclass(slots=True)
class PendingBlob:
    """A put in progress: ``commit()`` makes it durable under its name, ``abort()`` drops it."""

    blob: StoredBlob
    _temp: _Temp | None

    def commit(self) -> StoredBlob:
        temp = self._temp
        if temp is None:
            return self.blob
        self._temp = None
        shard = temp.path.parent
        try:
            try:
                os.fsync(temp.fd)
            finally:
                os.close(temp.fd)
            os.chmod(temp.path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            os.replace(temp.path, self.blob.path)
            _fsync_dir(shard)
            _sync_new_folders(shard)
        except OSError as exc:
            with contextlib.suppress(OSError):
                temp.path.unlink()
            _remove_if_made_and_empty(shard)
            raise PhotoStoreError.make("save a photo", exc.strerror or str(exc)) from exc
        return self.blob

    def abort(self) -> None:
        temp = self._temp
        self._temp = None
        if temp is not None:
            with contextlib.suppress(OSError):
                os.close(temp.fd)
            with contextlib.suppress(OSError):
                temp.path.unlink()
            _remove_if_made_and_empty(temp.path.parent)


def _write_temp(path: Path, data: bytes) -> _Temp:
    temp = path.parent / f"{_TEMP_PREFIX}{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}"
    fd = _create_in_shard(temp)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            temp.unlink()
        _remove_if_made_and_empty(temp.parent)
        raise
    return _Temp(temp, fd)


def _create_in_shard(temp: Path) -> int:
    """Create ``temp`` (exclusively) in its shard folder, making the folder (and the store root)
    when missing; returns the descriptor.

    Another put that made the folder removes it again when its own photo is refused: if that
    happens between our making (or finding) the folder and creating the file, make it again.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(_CREATE_ATTEMPTS - 1):
        try:
            return os.open(temp, flags, 0o644)
        except FileNotFoundError:
            _make_folder(temp.parent)
    return os.open(temp, flags, 0o644)


# Folders (shards and store roots, absolute paths) that a put in this process made; only these are
# ever removed, and only when empty. Making and removing one happen under the lock, so a folder
# made again by one put is never forgotten because another removed it at the same moment.
_made_here: set[str] = set()
# Of those, the ones whose entry in their parent is not yet synced: the next commit into them
# syncs it, even when another put made the folder (its maker may be refused, or not done yet).
_unsynced: set[str] = set()
_folders_lock = threading.Lock()


def _make_folder(shard: Path) -> None:
    """Make a missing shard folder and store root, remembering them."""
    root = shard.parent
    with _folders_lock:
        for folder in (root, shard):
            try:
                folder.mkdir(parents=folder is root)
            except FileExistsError:
                continue
            key = os.path.abspath(folder)
            _made_here.add(key)
            _unsynced.add(key)


def _sync_new_folders(shard: Path) -> None:
    """Sync the entries of a shard folder and store root made here and not synced since."""
    for folder in (shard.parent, shard):
        key = os.path.abspath(folder)
        with _folders_lock:
            if key not in _unsynced:
                continue
        _fsync_dir(folder.parent)
        with _folders_lock:
            _unsynced.discard(key)


def _remove_if_made_and_empty(shard: Path) -> None:
    """Remove the shard folder, then the store root, each only if made here and now empty."""
    with _folders_lock:
        for folder in (shard, shard.parent):
            key = os.path.abspath(folder)
            if key not in _made_here:
                return
            try:
                folder.rmdir()
            except FileNotFoundError:
                pass
            except OSError:  # not empty: a photo is kept there or another put is writing
                return
            _made_here.discard(key)
            _unsynced.discard(key)


def _fsync_dir(directory: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory for fsync; NTFS journals the rename
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
