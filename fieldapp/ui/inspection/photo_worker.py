"""The photo strip's background work: ingest, thumbnails, larger views and exports in a worker
pool (one decode at a time leaves a core for the GUI); results come back by signal. Which files
in a folder (an SD card's DCIM) are photos.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from fieldapp.media.blobstore import BlobStore
from fieldapp.media.errors import PhotoError
from fieldapp.media.ingest import ingest_photo
from fieldapp.media.thumbnails import VIEW_SIDE, larger_view, thumbnail
from fieldapp.media.watermark import watermarked_copy

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


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], None]) -> None:
        super().__init__()
        self._fn = fn

    def run(self) -> None:
        self._fn()


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
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one decode at a time leaves a core for the GUI
        self.pending = 0

    def _submit(self, fn: Callable[[], None]) -> None:
        self.pending += 1

        def job() -> None:
            try:
                fn()
            finally:
                self._finished()

        self.pool.start(_Job(job))

    def _finished(self) -> None:
        self.pending -= 1
        if self.pending == 0:
            self.idle.emit()

    def ingest(self, path: Path) -> None:
        def run() -> None:
            try:
                self.ingested.emit(str(path), ingest_photo(path, self.store))
            except PhotoError as exc:
                self.failed.emit(str(path), exc.en, exc.zh)

        self._submit(run)

    def thumbnail(self, sha256: str) -> None:
        def run() -> None:
            try:
                self.thumbnail_ready.emit(sha256, thumbnail(self.store.get(sha256)).jpeg)
            except PhotoError as exc:
                self.failed.emit(sha256[:12], exc.en, exc.zh)

        self._submit(run)

    def view(self, sha256: str, watermark: Sequence[str] | None = None) -> None:
        """A larger upright copy; with ``watermark`` lines drawn on it (never on the original)."""

        def run() -> None:
            try:
                original = self.store.get(sha256)
                if watermark:
                    jpeg = watermarked_copy(original, watermark, side=VIEW_SIDE)
                else:
                    jpeg = larger_view(original).jpeg
                self.view_ready.emit(sha256, jpeg)
            except PhotoError as exc:
                self.failed.emit(sha256[:12], exc.en, exc.zh)

        self._submit(run)

    def export(self, sha256: str, destination: Path, watermark: Sequence[str] | None) -> None:
        """Write a copy: the original bytes unchanged, or a watermarked rendition."""

        def run() -> None:
            try:
                original = self.store.get(sha256)
                data = watermarked_copy(original, watermark) if watermark else original
                destination.write_bytes(data)
            except PhotoError as exc:
                self.export_failed.emit(str(destination), exc.en)
            except OSError as exc:
                self.export_failed.emit(str(destination), exc.strerror or str(exc))
            else:
                self.exported.emit(str(destination))

        self._submit(run)

    def wait(self) -> None:
        self.pool.waitForDone()
