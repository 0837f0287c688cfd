"""The passphrase dialog (口令): asked only when the OS key store cannot keep the profile key."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.vault.keys import MIN_PASSPHRASE, Ask, Prompt

TOUCH = 48


class PassphraseDialog(QDialog):
    """Asks for the profile's passphrase; ``Ask.NEW`` asks twice and explains what it is for."""

    def __init__(self, ask: Ask, profile: Path | str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ask = ask
        self.setWindowTitle(self.tr("Unlock the profile"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.explanation = QLabel(self._explanation(profile))
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setMinimumHeight(TOUCH)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setMinimumHeight(TOUCH)
        if ask is Ask.NEW:
            form.addRow(self.tr("Repeat it"), self.repeat)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setVisible(ask is Ask.AGAIN)
        self.error.setText(self.tr("That passphrase is wrong. Try again."))
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Unlock") if ask is not Ask.NEW else self.tr("Set passphrase"))
        ok.setMinimumHeight(TOUCH)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setMinimumHeight(TOUCH)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.passphrase.setFocus()

    def _explanation(self, profile: Path | str) -> str:
        if self.ask is Ask.NEW:
            return (
                self.tr(
                    "The records and photos in %1 are encrypted on this laptop. This computer has "
                    "no system key store to keep the key, so choose a passphrase (at least %2 "
                    "characters). It is asked for at each start. Without it the data on this "
                    "laptop cannot be opened; what was synced stays on the server."
                )
                .replace("%1", str(profile))
                .replace("%2", str(MIN_PASSPHRASE))
            )
        return self.tr("Enter the passphrase of the encrypted profile %1.").replace(
            "%1", str(profile)
        )

    def _check(self) -> None:
        text = self.passphrase.text()
        if self.ask is Ask.NEW:
            if len(text) < MIN_PASSPHRASE:
                return self._refuse(
                    self.tr("The passphrase needs at least %1 characters.").replace(
                        "%1", str(MIN_PASSPHRASE)
                    )
                )
            if text != self.repeat.text():
                return self._refuse(self.tr("The two passphrases differ."))
        elif not text:
            return self._refuse(self.tr("Enter the passphrase."))
        self.accept()

    def _refuse(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def value(self) -> str | None:
        return self.passphrase.text() if self.result() == QDialog.DialogCode.Accepted else None


def passphrase_prompt(profile: Path | str, parent: QWidget | None = None) -> Prompt:
    """A ``vault.keys`` prompt that shows the dialog (modal) each time it is asked; with
    ``$HEKOU_PASSPHRASE`` set (unattended runs: a kiosk, a smoke test of the packaged app) that is
    the passphrase, and the dialog only comes when it turns out wrong."""

    def ask(what: Ask) -> str | None:
        given = os.environ.get("HEKOU_PASSPHRASE")
        if given and what is not Ask.AGAIN:
            return given
        dialog = PassphraseDialog(what, profile, parent)
        dialog.exec()
        return dialog.value()

    return ask
