"""Asking before something is given up: withdrawing a refused record (with a reason, kept in the
profile's audit) and discarding a draft (confirmed; nothing else is lost)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

TOUCH = 48


class WithdrawDialog(QDialog):
    """A reason is required: a withdrawn record is never silently dropped."""

    withdrawn = Signal(str)  # the reason

    def __init__(self, label: str, why: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Withdraw a refused record"))
        intro = QLabel(
            self.tr(
                "“%1” will no longer be sent. It stays on this laptop, marked withdrawn, and your"
                " reason is kept with it."
            ).replace("%1", label)
        )
        intro.setWordWrap(True)
        refused = QLabel(self.tr("The server refused it: %1").replace("%1", why))
        refused.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Why is it withdrawn? (required)"))
        self.reason.setMinimumHeight(90)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020; font-weight: bold;")
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(self.tr("Withdraw"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(self.tr("Keep it"), QDialogButtonBox.ButtonRole.RejectRole)
        for b in (self.ok, cancel):
            b.setMinimumHeight(TOUCH)
        self.ok.clicked.connect(self._withdraw)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (intro, refused, self.reason, self.problem, buttons):
            layout.addWidget(w)
        self.resize(560, 340)

    def _withdraw(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.problem.setText(self.tr("Write why it is withdrawn."))
            self.reason.setFocus()
            return
        self.withdrawn.emit(reason)
        self.accept()


class DiscardQuestion(QMessageBox):
    """Asks before a draft is discarded (non-blocking: ``open()``; ``discard`` is the answer)."""

    discard = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Discard draft"))
        self.setText(
            self.tr(
                "Discard the draft “%1”? Its answers are deleted; the photo files stay."
            ).replace("%1", label)
        )
        self.discard_button = self.addButton(
            self.tr("Discard draft"), QMessageBox.ButtonRole.DestructiveRole
        )
        keep = self.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(keep)
        for b in (self.discard_button, keep):
            b.setMinimumHeight(TOUCH)
        self.buttonClicked.connect(
            lambda b: self.discard.emit() if b is self.discard_button else None
        )
