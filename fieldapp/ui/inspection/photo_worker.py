"""The photo strip's background work: ingest, thumbnails, larger views and exports in a worker
pool (one decode at a time leaves a core for the GUI); results come back by signal. Which files
in a folder (an SD card's DCIM) are photos.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from fieldapp.media.blobstore import BlobStore
from fieldapp.media.errors import PhotoError
from fieldapp.media.ingest import ingest_photo
from fieldapp.media.thumbnails import VIEW_SIDE, larger_view, thumbnail
from fieldapp.media.watermark import watermarked_copy
from fieldapp.ui.workers import WorkerPool

PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".heic", ".heif"})
MAX_FOLDER_PHOTOS = 500


def photo_files(paths: Iterable[Path]) -> list[Path]:
    """The photo files among ``paths``, folders searched recursively (an SD card's DCIM)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in PHOTO_SUFFIXES and p.is_file()
            )
            out.extend(found[:MAX_FOLDER_PHOTOS])
        else:
            out.append(path)  # a single file is tried whatever its name: the ingest judges it
    return out


class PhotoWorker(QObject):
    """Ingest, thumbnails and larger views in a worker pool; results arrive by signal."""

    ingested = Signal(str, object)  # path, IngestedPhoto
    failed = Signal(str, str, str)  # path, message_en, message_zh
    thumbnail_ready = Signal(str, bytes)  # sha256, jpeg
    view_ready = Signal(str, bytes)
    exported = Signal(str)  # destination file
    export_failed = Signal(str, str)  # destination file, reason
    idle = Signal()

    def __init__(self, store: BlobStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.pool = WorkerPool(self)
        self.pool.idle.connect(self.idle)

    @property
    def pending(self) -> int:
        return self.pool.pending

    def _failed_for(self, label: str) -> Callable[[Exception], None]:
        def failed(exc: Exception) -> None:
            if not isinstance(exc, PhotoError):
                raise exc
            self.failed.emit(label, exc.en, exc.zh)

        return failed

    def ingest(self, path: Path) -> None:
        self.pool.submit(
            lambda: ingest_photo(path, self.store),
            lambda photo: self.ingested.emit(str(path), photo),
            self._failed_for(str(path)),
        )

    def thumbnail(self, sha256: str) -> None:
        self.pool.submit(
            lambda: thumbnail(self.store.get(sha256)).jpeg,
            lambda jpeg: self.thumbnail_ready.emit(sha256, jpeg),
            self._failed_for(sha256[:12]),
        )

    def view(self, sha256: str, watermark: Sequence[str] | None = None) -> None:
        """A larger upright copy; with ``watermark`` lines drawn on it (never on the original)."""

        def run() -> bytes:
            original = self.store.get(sha256)
            if watermark:
                return watermarked_copy(original, watermark, side=VIEW_SIDE)
            return larger_view(original).jpeg

        self.pool.submit(
            run, lambda jpeg: self.view_ready.emit(sha256, jpeg), self._failed_for(sha256[:12])
        )

    def export(self, sha256: str, destination: Path, watermark: Sequence[str] | None) -> None:
        """Write a copy: the original bytes unchanged, or a watermarked rendition."""

        def run() -> None:
            original = self.store.get(sha256)
            data = watermarked_copy(original, watermark) if watermark else original
            destination.write_bytes(data)

        def failed(exc: Exception) -> None:
            if isinstance(exc, PhotoError):
                self.export_failed.emit(str(destination), exc.en)
            elif isinstance(exc, OSError):
                self.export_failed.emit(str(destination), exc.strerror or str(exc))
            else:
                raise exc

        self.pool.submit(run, lambda _: self.exported.emit(str(destination)), failed)

    def wait(self) -> None:
        self.pool.wait()
