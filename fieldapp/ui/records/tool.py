"""Feeds 我的记录 and the status strip from the profile through the lane, and carries out what the
user asks there: open (through the session's openers), discard a draft, send a refused record
again or withdraw it (through the sync controller, which then syncs)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from fieldapp.store import my_records
from fieldapp.store.errors import StoreError
from fieldapp.ui.lane import BackgroundLane
from fieldapp.ui.records.strip import StatusStrip
from fieldapp.ui.records.window import MyRecordsWindow
from fieldapp.ui.screen_fit import present
from sync.client.state import panel

STATUS_EVERY_MS = 20_000  # the strip also refreshes after every sync and every change made here
MY_RECORDS = 2000  # the most recently changed records the window lists


class RecordsTool(QObject):
    changed = Signal()  # a draft was discarded, a refusal settled

    def __init__(
        self,
        lane: BackgroundLane,
        writer: sqlite3.Connection,
        lang: str,
        strip: StatusStrip,
        opener: Callable[[str, str, str], Any],
        controller: Callable[[], Any],
    ) -> None:
        super().__init__(strip)
        self.lane = lane
        self.writer = writer
        self.lang = lang
        self.strip = strip
        self.opener = opener
        self.controller = controller  # the session's SyncController (made on first use)
        self.window: MyRecordsWindow | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(STATUS_EVERY_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.changed.connect(self.refresh)

    def refresh(self) -> None:
        writer = self.writer
        self.lane.submit(lambda: panel.status(writer), self.strip.show_status, _ignore_store)
        if self.window is not None and self.window.isVisible():
            self.lane.submit(
                lambda: panel.my_records(writer, MY_RECORDS), self.window.show_records, _raise
            )

    def open_window(self, group: str = "") -> MyRecordsWindow:
        if self.window is None:
            from sync.client.errors import reason_text

            window = MyRecordsWindow(self.lang, reason_text)
            window.open_requested.connect(self.opener)
            window.discard_requested.connect(self.discard)
            window.resend_requested.connect(self.resend)
            window.withdraw_requested.connect(self.withdraw)
            window.refresh_requested.connect(self.refresh)
            window.resize(1100, 640)
            self.window = window
        self.window.show_group(group)
        present(self.window)  # at its size, or maximised where that does not fit (150% scaling)
        self.refresh()
        return self.window

    def discard(self, inspection_id: str) -> None:
        writer = self.writer
        self.lane.submit(
            lambda: my_records.discard_draft(writer, inspection_id),
            lambda _n: self.changed.emit(),
            _raise,
        )

    def resend(self, entity: str, row_id: str) -> None:
        self.controller().resend(entity, row_id)

    def withdraw(self, entity: str, row_id: str, reason: str) -> None:
        self.controller().withdraw(entity, row_id, reason)


def _raise(error: Exception) -> None:
    raise error


def _ignore_store(error: Exception) -> None:
    if not isinstance(error, StoreError):  # a busy disk: the next refresh tries again
        raise error
