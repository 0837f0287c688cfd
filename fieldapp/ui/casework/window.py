"""The laptop's case-history window of one outfall: what this laptop's profile holds."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtGui import QCloseEvent, QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldapp.store import outfall_history
from fieldapp.ui.casework.history_view import HistoryView


class HistoryWindow(QWidget):
    """案卷 of one outfall on the laptop; ``record_requested`` opens an entry's record."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        state_name: Callable[[str], str],
        thumbnail: Callable[[str], QImage] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyWindow")
        self._conn = conn  # a read-only connection this window owns (closed with it)
        self.outfall_id = ""
        self.view = HistoryView(state_name, thumbnail, self)
        self.record_requested = self.view.record_requested
        close = QPushButton(self.tr("Close"))
        close.setObjectName("historyClose")
        close.setMinimumHeight(40)
        close.clicked.connect(self.close)
        note = self.tr("What this laptop holds: sync to see the bureau's latest decisions.")
        self.note = QLabel(note)
        self.note.setObjectName("historyNote")
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.resize(900, 560)

    def show_outfall(self, outfall_id: str, heading: str) -> None:
        self.outfall_id = outfall_id
        self.setWindowTitle(self.tr("Case history — %1").replace("%1", heading))
        self.view.set_history(heading, outfall_history.history(self._conn, outfall_id))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.view.close_pool()
        super().closeEvent(event)

    def release(self) -> None:
        """Drops the window's connection (the session calls it as the app closes)."""
        self.view.close_pool()
        self._conn.close()
