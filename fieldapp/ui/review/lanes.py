"""The desk's two network lanes: records and decisions on one, photos on the other, so a stream of
photos never delays the record the supervisor asked for. Results come back by signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QImage

from fieldapp.ui.images import decode_image
from fieldapp.ui.lane import BackgroundLane
from sync.client.review import ReviewClient

THUMB = 160


def thumbnail(client: ReviewClient, sha256: str, edge: int = THUMB) -> QImage:
    """Fetch (or read from the cache) and decode a photo, scaled down while decoding: runs on
    the photo lane without holding up the desk (``decode_image``)."""
    return decode_image(client.photo(sha256), fit=edge)


def full_image(client: ReviewClient, sha256: str) -> QImage:
    return decode_image(client.photo(sha256))


class DeskLanes(QObject):
    """A client per lane; ``run`` and ``photo`` submit work and call back on the GUI thread."""

    def __init__(
        self, records: ReviewClient, photos: ReviewClient, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.records_client = records
        self.photos_client = photos
        self._records = BackgroundLane(self)
        self._photos = BackgroundLane(self)

    def run(
        self,
        fn: Callable[[ReviewClient], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None],
    ) -> None:
        client = self.records_client
        self._records.submit(lambda: fn(client), done, failed)

    def photo(
        self,
        fn: Callable[[ReviewClient], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None],
    ) -> None:
        client = self.photos_client
        self._photos.submit(lambda: fn(client), done, failed)

    @property
    def busy(self) -> bool:
        return self._records.busy or self._photos.busy

    def shutdown(self) -> None:
        self._records.shutdown()
        self._photos.shutdown()
        self.records_client.close()
        self.photos_client.close()
