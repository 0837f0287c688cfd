"""The inspector's returned records (退回记录): each with the supervisor's reason, deadline and
name, the revision made of it (if any), and a button that opens the revision as a new version
(the original stays as it was, visible beside it)."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.store.returns import ReturnedRecord
from fieldapp.ui import formatting as fmt

TOUCH = 48


class ReturnedCard(QFrame):
    revise_clicked = Signal(str)

    def __init__(self, r: ReturnedRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = r
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("ReturnedCard{background:#fff8e1;border:1px solid #ffb300}")
        title = QLabel(f"<b style='font-size:14pt'>{html.escape(r.outfall_name or '—')}"
                       f"</b> <span style='color:#555'>{html.escape(r.outfall_code)}</span>")  # fmt: skip
        self.reason = QLabel(self.tr("Returned by %1 on %2: %3")
                             .replace("%1", html.escape(r.reviewer))
                             .replace("%2", fmt.local_time(r.returned_at))
                             .replace("%3", html.escape(r.reason)))  # fmt: skip
        self.reason.setWordWrap(True)
        self.deadline = QLabel(
            self.tr("Correct by %1").replace("%1", fmt.local_date(r.deadline)) if r.deadline
            else self.tr("No deadline"))  # fmt: skip
        self.deadline.setStyleSheet("color:#b71c1c;font-weight:bold" if r.deadline else "")
        if r.revision_id is None:
            state = self.tr("Not revised yet")
            button = self.tr("Revise as a new version")
        elif r.revision_status == "complete":
            state = self.tr("Revised and resubmitted; the original stays as it was")
            button = self.tr("Open the revision")
        else:
            state = self.tr("Revision in progress (draft)")
            button = self.tr("Continue the revision")
        self.state = QLabel(state)
        self.revise_button = QPushButton(button)
        self.revise_button.setMinimumHeight(TOUCH)
        self.revise_button.clicked.connect(lambda: self.revise_clicked.emit(r.inspection_id))
        layout = QVBoxLayout(self)
        for w in (title, self.reason, self.deadline, self.state, self.revise_button):
            layout.addWidget(w)


class ReturnedRecordsView(QWidget):
    """Shows the list it is given; ``revise_requested`` asks the session to open the revision."""

    revise_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Returned records"))
        self.resize(900, 600)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size:15pt;font-weight:bold")
        self.cards: list[ReturnedCard] = []
        self.holder = QWidget()
        self.list_layout = QVBoxLayout(self.holder)
        self.list_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.holder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        self.show_returned([])

    def show_returned(self, records: list[ReturnedRecord]) -> None:
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        self.heading.setText(
            self.tr("%1 record(s) returned for correction").replace("%1", str(len(records)))
            if records else self.tr("No record has been returned"))  # fmt: skip
        for r in records:
            card = ReturnedCard(r)
            card.revise_clicked.connect(self.revise_requested)
            self.list_layout.insertWidget(self.list_layout.count() - 1, card)
            self.cards.append(card)
