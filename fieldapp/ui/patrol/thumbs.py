"""Thumbnails of patrol photos, made off the GUI thread (one at a time, like the inspection strip).

``ThumbnailLoader.request(sha256)`` reads the photo from the evidence store and reduces it
(``fieldapp.media.thumbnails``) on a pool thread; ``ready(sha256, QImage)`` or
``failed(sha256, message_en, message_zh)`` arrives on the GUI thread. Each photo is made once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage

from fieldapp.media.blobstore import BlobStore
from fieldapp.media.errors import PhotoError
from fieldapp.ui.images import decode_image


class _Job(QRunnable):
    def __init__(self, loader: ThumbnailLoader, sha256: str) -> None:
        super().__init__()
        self._loader = loader
        self._sha256 = sha256

    def run(self) -> None:
        self._loader._make(self._sha256)


class ThumbnailLoader(QObject):
    ready = Signal(str, QImage)  # sha256, thumbnail
    failed = Signal(str, str, str)  # sha256, message_en, message_zh

    def __init__(self, store: BlobStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one decode at a time leaves a core for the GUI
        self._asked: set[str] = set()

    def request(self, sha256: str) -> None:
        if sha256 not in self._asked:
            self._asked.add(sha256)
            self.pool.start(_Job(self, sha256))

    def wait(self) -> None:
        """Waits for the decodes under way (before the window goes)."""
        self.pool.clear()
        self.pool.waitForDone()

    def _make(self, sha256: str) -> None:  # on the pool thread
        from fieldapp.media.thumbnails import thumbnail  # Pillow loads on first use

        try:
            jpeg = thumbnail(self.store.get(sha256)).jpeg
        except PhotoError as exc:
            self.failed.emit(sha256, exc.en, exc.zh)
            return
        image = decode_image(jpeg, oriented=False)  # lets the GUI thread run meanwhile
        if image.isNull():
            self.failed.emit(sha256, "unreadable thumbnail", "缩略图无法读取")
        else:
            self.ready.emit(sha256, image)
