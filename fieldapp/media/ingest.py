"""Ingest one photo: read it, check it is a photo we accept, read its EXIF facts, make its
thumbnail, store the original bytes durably by SHA-256. One call, one value back.

Runs in a background lane (it does file I/O and decoding); nothing here touches Qt or SQLite: the
caller records the returned ``IngestedPhoto`` in the inspection.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from fieldapp.media.blobstore import BlobStore, StoredBlob, sha256_hex
from fieldapp.media.decode import jpeg_damage
from fieldapp.media.errors import CorruptImage, FileUnreadable, PhotoError
from fieldapp.media.photo_facts import PhotoFacts, read_facts
from fieldapp.media.thumbnails import THUMBNAIL_SIDE, Rendition, decode_reduced, encode

JPEG_MAGIC = b"\xff\xd8"


@dataclass(frozen=True, slots=True)
class IngestedPhoto:
    """A photo taken into the store: its identity, size, EXIF facts and thumbnail."""

    sha256: str
    size_bytes: int
    width: int  # of the original, as stored (before orientation)
    height: int
    format: str  # "JPEG" or "HEIF"
    facts: PhotoFacts
    thumbnail: Rendition  # upright
    stored: StoredBlob
    source_name: str  # the file name it came from (for the user, not an identity)

    @property
    def already_stored(self) -> bool:
        """The same bytes were in the store before (the photo was added twice)."""
        return not self.stored.written


def read_photo_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise FileUnreadable.make(path.name, exc.strerror or str(exc)) from exc


def inspect_bytes(
    data: bytes, name: str = "photo", side: int = THUMBNAIL_SIDE, check_structure: bool = True
) -> tuple[PhotoFacts, Rendition, int, int, str]:
    """Facts, thumbnail, width, height and format of a photo, without storing anything."""
    facts = read_facts(data) if data[:2] == JPEG_MAGIC else None
    # libheif applies HEIF's own rotation while decoding, so a HEIC needs no further turn.
    decoded = decode_reduced(data, side, facts.orientation if facts else 1, name, check_structure)
    if facts is None:
        facts = read_facts(decoded.exif) if decoded.exif else PhotoFacts()
    return (
        facts,
        encode(decoded.image),
        decoded.original_width,
        decoded.original_height,
        decoded.format,
    )


def ingest_photo(
    source: Path | str, store: BlobStore, *, thumbnail_side: int = THUMBNAIL_SIDE
) -> IngestedPhoto:
    """Ingest the photo file at ``source`` into ``store``. Raises ``PhotoError`` subclasses for
    files that are not acceptable photos; nothing is stored then."""
    path = Path(source)
    data = read_photo_file(path)
    return ingest_bytes(data, store, name=path.name, thumbnail_side=thumbnail_side)


def ingest_bytes(
    data: bytes, store: BlobStore, *, name: str = "photo", thumbnail_side: int = THUMBNAIL_SIDE
) -> IngestedPhoto:
    """Ingest a photo already in memory (e.g. dropped from another application).

    A helper thread checks the JPEG structure, hashes the bytes and stores them durably (temporary
    file, fsync, rename, fsync of the directory) while this thread decodes the thumbnail: hashing,
    writing, fsync and libjpeg all release the GIL, so on two cores the store costs almost nothing
    on top of the decoding. A file that turns out not to be an acceptable photo leaves the store as
    it was: refused before the store made it durable, it is never named or synced; refused after,
    it is taken out again (unless the same bytes were there before), and so is a shard folder
    made for it.
    """
    refused = threading.Event()
    storing = _writer().submit(_check_hash_and_store, data, store, name, refused)
    try:
        facts, thumb, width, height, fmt = inspect_bytes(data, name, thumbnail_side, False)
    except BaseException:
        refused.set()
        _undo(storing, store)
        raise
    stored = storing.result()
    return IngestedPhoto(stored.sha256, len(data), width, height, fmt, facts, thumb, stored, name)


class _Refused(Exception):
    """The decoder refused the file before the store made it durable: it was not stored."""


def _check_hash_and_store(
    data: bytes, store: BlobStore, name: str, refused: threading.Event
) -> StoredBlob:
    if data[:2] == JPEG_MAGIC:
        damage = jpeg_damage(data)
        if damage is not None:
            raise CorruptImage.make(name, damage)
    if refused.is_set():
        raise _Refused
    pending = store.begin(data, sha256_hex(data), name)
    if refused.is_set():  # e.g. a decompression bomb, refused from its header while we wrote
        pending.abort()
        raise _Refused
    return pending.commit()


def _undo(storing: Future[StoredBlob], store: BlobStore) -> None:
    try:
        stored = storing.result()
    except (PhotoError, _Refused):
        return  # nothing was stored; the decoding error is the one to report
    if stored.written:  # bytes that were not in the store before this call
        store.discard(stored.sha256)


_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _writer() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="photo-write")
        return _pool
