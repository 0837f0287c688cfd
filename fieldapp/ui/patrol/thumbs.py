"""Thumbnails of patrol photos, made off the GUI thread (one at a time, like the inspection strip).

``ThumbnailLoader.request(sha256)`` reads the photo from the evidence store and reduces it
(``fieldapp.media.thumbnails``) on a pool thread (``fieldapp.ui.workers.WorkerPool``); ``ready(sha256, QImage)`` or
``failed(sha256, message_en, message_zh)`` arrives on the GUI thread. Each photo is made once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from fieldapp.media.blobstore import BlobStore
from fieldapp.media.errors import PhotoError
from fieldapp.ui.images import decode_image
from fieldapp.ui.workers import WorkerPool


class ThumbnailLoader(QObject):
    ready = Signal(str, QImage)  # sha256, thumbnail
    failed = Signal(str, str, str)  # sha256, message_en, message_zh

    def __init__(self, store: BlobStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.pool = WorkerPool(self)
        self._asked: set[str] = set()

    def request(self, sha256: str) -> None:
        if sha256 not in self._asked:
            self._asked.add(sha256)
            self.pool.submit(
                lambda: self._make(sha256),
                lambda image: self._made(sha256, image),
                lambda exc: self._not_made(sha256, exc),
            )

    def wait(self) -> None:
        """Drops the queued decodes and waits for the one under way (before the window goes)."""
        self.pool.close()

    def _make(self, sha256: str) -> QImage:  # on a pool thread
        from fieldapp.media.thumbnails import thumbnail  # Pillow loads on first use

        jpeg = thumbnail(self.store.get(sha256)).jpeg
        return decode_image(jpeg, oriented=False)  # lets the GUI thread run meanwhile

    def _made(self, sha256: str, image: QImage) -> None:
        if image.isNull():
            self.failed.emit(sha256, "unreadable thumbnail", "缩略图无法读取")
        else:
            self.ready.emit(sha256, image)

    def _not_made(self, sha256: str, exc: Exception) -> None:
        if not isinstance(exc, PhotoError):
            raise exc
        self.failed.emit(sha256, exc.en, exc.zh)
