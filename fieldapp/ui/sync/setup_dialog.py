"""First-time setup: the server's address, signing in, and registering this device.

The token the server gives back is kept in the profile (never in settings files or the repo).
"""

from __future__ import annotations

import socket

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui.sync.controller import SyncController
from sync.client import SyncError

TOUCH = 48


class SyncSetupDialog(QDialog):
    def __init__(
        self,
        controller: SyncController,
        lang: str,
        server_url: str = "",
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.lang = lang
        self.setWindowTitle(self.tr("Set up sync"))
        self.url = QLineEdit(server_url)
        self.url.setPlaceholderText("https://hekou.example.cn:8750")
        self.user = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.device = QLineEdit(socket.gethostname())
        for field in (self.url, self.user, self.password, self.device):
            field.setMinimumHeight(TOUCH - 8)
            field.setMinimumWidth(420)
        intro = QLabel(
            self.tr(
                "Enter the address your office gave you, and your user name and password. "
                "This laptop is then registered as one of your devices."
            )
        )
        intro.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.url)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("This device's name"), self.device)
        self.buttons = QDialogButtonBox()
        self.sign_in = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        close = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        for b in (self.sign_in, close):
            b.setMinimumHeight(TOUCH)
            b.setMinimumWidth(120)
        self.sign_in.clicked.connect(self._sign_in)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        controller.signed_in.connect(self._signed_in)

    def _sign_in(self) -> None:
        if not self.url.text().strip() or not self.user.text().strip() or not self.password.text():
            self.message.setText(self.tr("Fill in the address, the user name and the password."))
            return
        self.sign_in.setEnabled(False)
        self.message.setText(self.tr("Signing in…"))
        self.controller.sign_in(
            self.url.text().strip(),
            self.user.text().strip(),
            self.password.text(),
            self.device.text().strip(),
        )

    def _signed_in(self, error: SyncError | None) -> None:
        self.sign_in.setEnabled(True)
        self.password.clear()
        if error is None:
            self.message.setText(self.tr("Signed in; this device is registered."))
            self.accept()
        else:
            self.message.setText(error.message(self.lang))
