"""The position feed: a source of fixes (receiver or replayed log) read on its own thread.

Fixes arrive on the GUI thread by signal. A receiver that drops out (``GnssSourceError``, a
receiver unplugged) is reported once by ``lost`` and reopened with backoff: after ``retry_s``
seconds, then twice as long each time up to ``max_retry_s``, back to ``retry_s`` once fixes flow;
the next fix after a loss emits ``restored``. A replayed log that comes to its end emits ``ended``. Nothing here touches a widget
or the database.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal

from fieldapp.domain.nmea import Fix
from fieldapp.gnss import GnssSourceError

SourceFactory = Callable[[], Iterable[Fix]]


class PositionFeed(QObject):
    fix = Signal(object)  # Fix
    lost = Signal(str, str)  # message_en, message_zh
    restored = Signal()
    ended = Signal()

    def __init__(
        self,
        source: SourceFactory,
        retry_s: float = 3.0,
        max_retry_s: float = 30.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._retry_s = retry_s
        self._max_retry_s = max(max_retry_s, retry_s)
        self.retries = 0  # reopenings since the last fix (read by tests and the status line)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def stopping(self) -> bool:
        """True once ``stop`` was asked (a source reading a port checks it between reads)."""
        return self._stop.is_set()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, source: SourceFactory | None = None) -> None:
        """Start reading (``source`` replaces the factory: the same feed reads a new source)."""
        if source is not None:
            self.stop()
            self._source = source
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="gnss-feed", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def backoff_s(self, retries: int) -> float:
        """How long to wait before the ``retries``-th reopening (1, 2, ...)."""
        return min(self._retry_s * 2 ** max(retries - 1, 0), self._max_retry_s)

    def _run(self) -> None:
        was_lost = False
        while not self._stop.is_set():
            try:
                for fix in self._source():
                    if self._stop.is_set():
                        return
                    self.retries = 0
                    if was_lost:
                        was_lost = False
                        self.restored.emit()
                    self.fix.emit(fix)
            except GnssSourceError as exc:
                if not was_lost:
                    was_lost = True
                    self.lost.emit(exc.en, exc.zh)
                self.retries += 1
                self._stop.wait(self.backoff_s(self.retries))
                continue
            self.ended.emit()
            return
