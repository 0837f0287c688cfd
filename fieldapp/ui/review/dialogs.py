"""The desk's small dialogs: return with a reason and deadline, escalate, approve over missing
photos, accept a new outfall with its code, merge it with an existing one. Non-modal: each emits
``decided`` with its values."""

from __future__ import annotations

from datetime import UTC, datetime, time

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

TOUCH = 44


class _Form(QDialog):
    decided = Signal(dict)

    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = QFormLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        self.form.addRow(label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        for b in self.buttons.buttons():
            b.setMinimumHeight(TOUCH)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        self.form.addRow(self.buttons)
        self._validate()

    def values(self) -> dict[str, object]:
        return {}

    def valid(self) -> bool:
        return True

    def _validate(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.valid())

    def _ok(self) -> None:
        if self.valid():
            self.decided.emit(self.values())
            self.accept()


class ReasonDialog(_Form):
    """A reason (required), and for a return an optional deadline."""

    def __init__(
        self, title: str, intro: str, with_deadline: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, intro, parent)
        self.reason = QPlainTextEdit()
        self.reason.setMinimumHeight(90)
        self.reason.textChanged.connect(self._validate)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.use_deadline = QCheckBox(self.tr("Correct by"))
        self.deadline = QDateEdit(QDate.currentDate().addDays(7))
        self.deadline.setCalendarPopup(True)
        self.deadline.setMinimumHeight(TOUCH)
        self.deadline.setEnabled(False)
        self.use_deadline.toggled.connect(self.deadline.setEnabled)
        if with_deadline:
            self.form.addRow(self.use_deadline, self.deadline)
        self.finish()

    def valid(self) -> bool:
        return bool(self.reason.toPlainText().strip())

    def values(self) -> dict[str, object]:
        deadline = None
        if self.use_deadline.isChecked():
            d = self.deadline.date().toPython()
            deadline = datetime.combine(d, time(23, 59), tzinfo=UTC)  # type: ignore[arg-type]
        return {"reason": self.reason.toPlainText().strip(), "deadline": deadline}


class AcceptOutfallDialog(_Form):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Accept into the ledger"),
            self.tr("The newly found outfall enters the ledger with its real code."),
            parent,
        )
        self.national = QLineEdit()
        self.local = QLineEdit()
        for edit in (self.national, self.local):
            edit.setMinimumHeight(TOUCH)
            edit.textChanged.connect(self._validate)
        self.form.addRow(self.tr("National code"), self.national)
        self.form.addRow(self.tr("Local code"), self.local)
        self.finish()

    def valid(self) -> bool:
        return bool(self.national.text().strip() or self.local.text().strip())

    def values(self) -> dict[str, object]:
        return {"national": self.national.text().strip(), "local": self.local.text().strip()}


class MergeOutfallDialog(_Form):
    def __init__(self, candidates: list[dict[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Merge with an existing outfall"),
            self.tr(
                "The newly found outfall is the same as a registered one: it leaves the "
                "active ledger and its history points to the one chosen."
            ),
            parent,
        )
        self.target = QComboBox()
        self.target.setMinimumHeight(TOUCH)
        for c in candidates:
            self.target.addItem(f"{c.get('code', '')} {c.get('name', '')}", c["id"])
        self.form.addRow(self.tr("Same as"), self.target)
        self.finish()

    def valid(self) -> bool:
        return self.target.count() > 0

    def values(self) -> dict[str, object]:
        return {"into_id": self.target.currentData()}
