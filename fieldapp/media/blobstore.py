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

Encryption at rest: a store given the profile's photo key seals every file with AES-GCM
(``fieldapp.vault.sealing``, the file's own SHA-256 as associated data); the name stays the SHA-256
of the ORIGINAL, which is the photo's identity, and ``get`` returns the original bytes, checked
against it. Files are created 0600 (then made read-only), folders 0700. Plain files of a profile
made before encryption are sealed once by ``seal_plain_files``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fieldapp.media.errors import PhotoStoreError
from fieldapp.vault import files, keys, sealing

_DIGEST = re.compile(r"[0-9a-f]{64}")
_TEMP_PREFIX = ".incoming-"
_WIPE_PREFIX = ".wipe-"
_CREATE_ATTEMPTS = 8  # a folder removed under a put this many times in a row is an error
_STALE_SECONDS = 24 * 3600  # where a temporary's process cannot be asked about, its age decides


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
    """Original photos by SHA-256 under ``root``, sealed with ``key`` when one is given."""

    def __init__(self, root: Path | str, key: bytes | None = None) -> None:
        self.root = Path(root)
        self.key = key

    def path_for(self, sha256: str) -> Path:
        """The file of a digest; ValueError for anything but 64 lowercase hex digits."""
        if not isinstance(sha256, str) or not _DIGEST.fullmatch(sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def contains(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put(self, data: bytes, sha256: str | None = None, name: str = "") -> StoredBlob:
        """Store ``data`` durably (its digest may be passed if already computed; it is trusted)."""
        return self.begin(data, sha256, name).commit()

    def begin(self, data: bytes, sha256: str | None = None, name: str = "") -> PendingBlob:
        """First half of a put: write the bytes to a temporary file, not yet synced or named.

        Lets a caller do other work (decoding) while the kernel writes the pages back, then
        ``commit()`` (fsync, rename, fsync directory) or ``abort()``. A stored copy that is
        already there is kept only if it is intact: a damaged one is replaced (re-adding a photo
        from its source repairs the store).
        """
        digest = sha256 or sha256_hex(data)
        path = self.path_for(digest)
        label = name or _short(digest)
        try:
            if path.is_file() and self.problem(digest) is None:
                return PendingBlob(StoredBlob(digest, len(data), path, written=False), None, label)
            payload = data if self.key is None else sealing.seal(self.key, data, digest.encode())
            temp = _write_temp(path, payload)
            return PendingBlob(StoredBlob(digest, len(data), path, True), temp, label)
        except OSError as exc:
            raise PhotoStoreError.make(PhotoStoreError.SAVE, label, exc) from exc

    def get(self, sha256: str, name: str = "") -> bytes:
        """The original bytes, checked against their digest (``name``: the photo's file name, for
        the message when it cannot be had)."""
        path = self.path_for(sha256)
        label = name or _short(sha256)
        try:
            stored = path.read_bytes()
        except FileNotFoundError as exc:
            raise PhotoStoreError.missing(label) from exc
        except OSError as exc:
            raise PhotoStoreError.make(PhotoStoreError.READ, label, exc) from exc
        data = self._open(stored, sha256, label)
        if sha256_hex(data) != sha256:
            raise PhotoStoreError.damaged(label)
        return data

    def _open(self, stored: bytes, sha256: str, label: str) -> bytes:
        if not sealing.is_sealed(stored) or sha256_hex(stored) == sha256:
            return stored  # a photo stored before encryption (sealed at the next unlock)
        if self.key is None:
            raise PhotoStoreError.locked(label)
        try:
            return sealing.unseal(self.key, stored, sha256.encode())
        except sealing.Unsealable as exc:
            raise PhotoStoreError.damaged(label) from exc

    def problem(self, sha256: str) -> str | None:
        """None when the stored photo is there and intact, else ``"missing"``, ``"damaged"``,
        ``"locked"`` (sealed, and no key) or ``"failed"`` (unreadable): read in full and hashed,
        what completing an inspection and an upload rely on."""
        try:
            self.get(sha256)
        except PhotoStoreError as exc:
            return exc.kind
        return None

    def size_of(self, sha256: str) -> int:
        """The size of the original (not of its sealed file); OSError when it is not stored."""
        path = self.path_for(sha256)
        with path.open("rb") as f:
            head = f.read(len(sealing.MAGIC))
            size = os.fstat(f.fileno()).st_size
        return sealing.plain_size(size) if sealing.is_sealed(head) else size

    def discard(self, sha256: str) -> None:
        """Remove a blob (only for one that turned out not to be a photo, just after put), and
        its shard folder if a put in this process made it and it is empty now."""
        path = self.path_for(sha256)
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise PhotoStoreError.make(PhotoStoreError.REMOVE, _short(sha256), exc) from exc
        _remove_if_made_and_empty(path.parent)

    def sweep_temporaries(self) -> int:
        """Remove temporary files that killed puts left behind (those of live processes stay);
        finish wiping plain copies a killed sealing left; returns how many went."""
        removed = 0
        for temp in self.root.glob(f"*/{_TEMP_PREFIX}*"):
            if _writer_alive(temp):
                continue
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
                removed += 1
        for leftover in self.root.glob(f"*/{_WIPE_PREFIX}*"):
            with contextlib.suppress(FileNotFoundError):
                files.wipe(leftover)
                removed += 1
        return removed

    def seal_plain_files(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Seal every photo stored before encryption, once; returns how many were sealed.
        ``progress`` hears (photos looked at, photos in the store) after each.

        Each: the sealed copy is written and synced beside it, the plain file is kept under a
        second name while the sealed one takes its place, then that plain copy is overwritten and
        removed (a kill in between leaves it for ``sweep_temporaries`` to wipe)."""
        if self.key is None:
            return 0
        sealed = 0
        photos = [
            path
            for shard in sorted(self.root.glob("??"))
            for path in sorted(shard.iterdir())
            if _DIGEST.fullmatch(path.name)
        ]
        for done, path in enumerate(photos):
            if progress is not None:
                progress(done, len(photos))
            shard = path.parent
            with path.open("rb") as f:
                if sealing.is_sealed(f.read(len(sealing.MAGIC))):
                    continue
            stored = path.read_bytes()
            temp = _write_temp(path, sealing.seal(self.key, stored, path.name.encode()))
            os.fsync(temp.fd)
            os.close(temp.fd)
            os.chmod(temp.path, stat.S_IRUSR)
            keep = path.with_name(_WIPE_PREFIX + path.name)
            os.link(path, keep)
            os.replace(temp.path, path)
            _fsync_dir(shard)
            files.wipe(keep)
            sealed += 1
        if progress is not None:
            progress(len(photos), len(photos))
        return sealed

    def make_private(self) -> None:
        """Folders 0700 and files read by this user only (a store made before encryption)."""
        if not self.root.is_dir():
            return
        files.private_dir(self.root)
        for shard in self.root.glob("??"):
            files.private_dir(shard)
            for path in shard.iterdir():
                if os.name != "nt":
                    os.chmod(path, stat.S_IRUSR)


def profile_store(profile: Path | str) -> BlobStore:
    """The evidence store of a profile, ``<profile>.photos/`` beside its database, sealed with
    the profile's key when the profile is unlocked; temporaries of killed ingests are swept."""
    profile = Path(profile)
    key = keys.key_for(profile)
    store = BlobStore(profile.with_name(profile.name + ".photos"), key.photos() if key else None)
    with contextlib.suppress(OSError):
        store.sweep_temporaries()
    return store


def _short(sha256: str) -> str:
    return f"{sha256[:12]}…"


def _writer_alive(temp: Path) -> bool:
    """Whether the process that wrote a temporary (its pid is in the name) is still running."""
    try:
        pid = int(temp.name.split(".")[-2])
    except (ValueError, IndexError):
        pid = -1
    if pid == os.getpid():
        return True
    if pid > 0 and os.name != "nt":
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    try:
        return time.time() - temp.stat().st_mtime < _STALE_SECONDS
    except FileNotFoundError:
        return False


@dataclass(slots=True)
class _Temp:
    path: Path
    fd: int


@dataclass(slots=True)
class PendingBlob:
    """A put in progress: ``commit()`` makes it durable under its name, ``abort()`` drops it."""

    blob: StoredBlob
    _temp: _Temp | None
    label: str = ""

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
            os.chmod(temp.path, stat.S_IRUSR)
            os.replace(temp.path, self.blob.path)
            _fsync_dir(shard)
            _sync_new_folders(shard)
        except OSError as exc:
            with contextlib.suppress(OSError):
                temp.path.unlink()
            _remove_if_made_and_empty(shard)
            raise PhotoStoreError.make(PhotoStoreError.SAVE, self.label, exc) from exc
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
            return os.open(temp, flags, files.FILE_MODE)
        except FileNotFoundError:
            _make_folder(temp.parent)
    return os.open(temp, flags, files.FILE_MODE)


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
                folder.mkdir(mode=files.DIR_MODE, parents=folder is root)
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
