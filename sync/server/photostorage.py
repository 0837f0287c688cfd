"""What the server needs of a photo store, as an interface: the seam for another backend.

Photos are content-addressed and written once, which maps onto an object store (MinIO, Ceph's
RADOS gateway, any S3-compatible service): objects named by SHA-256; an unfinished upload per
device maps onto a multipart upload. ``PhotoStore`` (files under one folder) is the one
implementation today. Services and routes use only what is listed here; the operator's tools
(``backup``, ``check``) work on the file store's folders directly.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Protocol

from sync.server.photostore import ChunkWriter, PhotoStore


class PhotoStorage(Protocol):
    def has(self, sha256: str) -> bool: ...

    def size(self, sha256: str) -> int: ...

    def read(self, sha256: str) -> bytes: ...

    def open_read(self, sha256: str) -> BinaryIO: ...

    def local_path(self, sha256: str) -> Path | None:
        """A local file to serve with sendfile; None for a store that streams."""
        ...

    def offset(self, sha256: str, owner: str = ...) -> int:
        """Bytes of the owner's unfinished upload already stored."""
        ...

    def open_chunk(self, sha256: str, offset: int, total: int, owner: str = ...) -> ChunkWriter:
        """A writer for the owner's upload at ``offset``; the photo is published when whole."""
        ...

    def publish_if_whole(self, sha256: str, owner: str = ...) -> bool: ...

    def ready(self) -> bool:
        """Whether photos can be stored and read now (for ``GET /ready``)."""
        ...


def _the_file_store_is_one(store: PhotoStore) -> PhotoStorage:
    return store  # mypy checks that PhotoStore has everything the interface names
