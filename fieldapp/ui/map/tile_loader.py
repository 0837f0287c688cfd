"""Basemap tiles read and decoded off the GUI thread (底图瓦片加载).

``TileLoader(basemap)`` owns a pool of ``TILE_THREADS`` threads (one: on the inspectors' two-core
laptops a core stays free for the GUI). A pool thread reads a tile's bytes, for MBTiles through
that thread's own SQLite connection (``fieldapp.maps.MBTiles``), and decodes them into a QImage
already in the format a QPixmap keeps, so that turning it into one on the GUI thread (QPixmap is
GUI-thread only) is a copy. ``loaded(key, QImage)`` arrives on the GUI thread by a queued signal;
a null image means there is no picture there: the tile is missing, or its bytes are not a picture
(logged once per basemap) and it is drawn as missing.

``want(keys)`` replaces the list of tiles wanted, nearest first: a tile not yet started that is no
longer in the list is dropped (the view has moved on). A tile being read or decoded, or decoded and
not yet taken by the GUI thread, is not queued again, so no tile is ever decoded twice at once.

Decoding goes through ``fieldapp.ui.images.decode_image`` (``QImageReader``), which lets Python's
GIL go while it decodes, unlike ``QImage.fromData`` in PySide6 6.11.
"""

from __future__ import annotations

import logging
import threading
from collections import deque

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage

from fieldapp.maps import Basemap
from fieldapp.ui.images import decode_image

log = logging.getLogger(__name__)

TileKey = tuple[int, int, int]  # z, x, y (XYZ rows, 0 at the top)

TILE_THREADS = 1
MAX_TILE_SIDE = 1024  # basemap tiles are 256 or 512 px; a larger picture is damage, not a tile


def decode_tile(data: bytes) -> QImage:
    """Encoded tile bytes (PNG, JPEG, WebP) → an image ready to paint; null if not a picture."""
    image = decode_image(data, max_side=MAX_TILE_SIDE, oriented=False)
    if image.isNull():
        return QImage()
    if image.hasAlphaChannel():
        return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    return image.convertToFormat(QImage.Format.Format_RGB32)


class _Queue:
    """The work the pool threads take; every field is read and written under ``lock``."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.wanted: deque[TileKey] = deque()
        self.taken: set[TileKey] = set()  # being decoded, or decoded and not yet delivered
        self.runners = 0
        self.closed = False

    def take(self) -> TileKey | None:
        """The next tile for a pool thread, or None: that runner then stops."""
        with self.lock:
            if self.closed or not self.wanted:
                self.runners -= 1
                return None
            key = self.wanted.popleft()
            self.taken.add(key)
            return key


class _Relay(QObject):
    """Carries results to the GUI thread. The runners hold it (not the loader), so a result
    finished after the view has gone is emitted into a live object and simply not delivered."""

    done = Signal(object, QImage, bool)  # key, image (null: no picture), bytes were undecodable


class _Runner(QRunnable):
    """Takes wanted tiles one after another until none is left."""

    def __init__(self, basemap: Basemap, queue: _Queue, relay: _Relay) -> None:
        super().__init__()
        self._basemap = basemap
        self._queue = queue
        self._relay = relay

    def run(self) -> None:
        while (key := self._queue.take()) is not None:
            try:
                data = self._basemap.tile(*key)
                image = decode_tile(data) if data is not None else QImage()
            except Exception:  # a bug: loud in the log, and the tile is not left "under way"
                log.exception("reading basemap tile %d/%d/%d failed", *key)
                data, image = None, QImage()
            self._relay.done.emit(key, image, data is not None and image.isNull())


class TileLoader(QObject):
    """Reads and decodes the tiles of one basemap on a pool thread; see the module docstring."""

    loaded = Signal(object, QImage)  # key (z, x, y), image (null: draw as missing)

    def __init__(
        self, basemap: Basemap, parent: QObject | None = None, threads: int | None = None
    ) -> None:
        super().__init__(parent)
        self.basemap = basemap
        self.undecodable = 0  # tiles whose bytes were not a picture
        self._threads = threads or TILE_THREADS
        self._queue = _Queue()
        self._relay = _Relay()
        self._relay.done.connect(self._deliver)
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(self._threads)
        self._pool.setExpiryTimeout(-1)  # threads (and their SQLite connections) are kept

    def want(self, keys: list[TileKey]) -> None:
        """The tiles to load, most urgent first; replaces whatever was wanted before."""
        with self._queue.lock:
            if self._queue.closed:
                return
            taken = self._queue.taken
            self._queue.wanted = deque(k for k in keys if k not in taken)
            start = max(0, min(len(self._queue.wanted), self._threads - self._queue.runners))
            self._queue.runners += start
        for _ in range(start):
            self._pool.start(_Runner(self.basemap, self._queue, self._relay))

    def is_loading(self, key: TileKey) -> bool:
        """Whether ``key`` is wanted or under way (not yet delivered)."""
        with self._queue.lock:
            return key in self._queue.taken or key in self._queue.wanted

    def close(self) -> None:
        """Drops what is wanted, waits for the tile under way (one decode), closes the basemap."""
        with self._queue.lock:
            self._queue.closed = True
            self._queue.wanted.clear()
        self._pool.waitForDone()
        self.basemap.close()

    def _deliver(self, key: TileKey, image: QImage, undecodable: bool) -> None:
        with self._queue.lock:
            self._queue.taken.discard(key)
            closed = self._queue.closed
        if closed:
            return
        if undecodable:
            self.undecodable += 1
            if self.undecodable == 1:
                log.warning(
                    "basemap %s: tile %d/%d/%d is not a picture; it and any other such tile "
                    "are drawn as missing",
                    self.basemap.name,
                    *key,
                )
        self.loaded.emit(key, image)
