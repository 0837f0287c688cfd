"""案卷 on the supervisor's desk: the outfall's case history as the server holds it (the route
``GET /v1/desk/outfalls/{id}/history``), in the same view as the laptop's. The desk hands in how
to fetch it and how to make a thumbnail; both run off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QImage
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldapp.ui.casework.history_view import HistoryView
from sync.history import Entry

TOUCH = 44


class DeskHistoryDialog(QDialog):
    """The history of one outfall on the desk; ``record_requested`` opens an entry's record."""

    record_requested = Signal(str, str)  # entity, record id

    def __init__(
        self,
        state_name: Callable[[str], str],
        thumbnail: Callable[[str], QImage] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deskHistory")
        self.setWindowTitle(self.tr("Case history"))
        self.view = HistoryView(state_name, thumbnail, self)
        self.view.record_requested.connect(self.record_requested)
        self.status = QLabel(self.tr("Loading the case history…"))
        self.status.setObjectName("deskHistoryStatus")
        self.status.setWordWrap(True)
        close = QPushButton(self.tr("Close"))
        close.setMinimumHeight(TOUCH)
        close.clicked.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.resize(900, 560)

    def show_history(self, heading: str, entries: list[Entry]) -> None:
        self.status.setText(self.tr("As the server holds it; newest first."))
        self.view.set_history(heading, entries)

    def show_failure(self, text: str) -> None:
        self.status.setText(text)

    def done(self, result: int) -> None:
        self.view.close_pool()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.view.close_pool()
        super().closeEvent(event)
