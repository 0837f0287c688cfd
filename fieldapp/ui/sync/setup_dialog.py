"""First-time setup: the server's address, signing in, and registering this device.

Signing in runs on a network thread (the window never waits), can be cancelled, and takes the
address as people write it (``host:port`` for https, or an ``http://`` / ``https://`` URL). A wrong
password or an unreachable server is said in the user's language, with the field to fix focused
and the button reading "Try again". The token the server gives back is kept in the profile (never
in settings files or the repo); the profile's records are bound to the account in the same step.
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
from sync.client import Cancelled, SyncError
from sync.client.errors import LocalCode
from sync.protocol import ErrorCode

_ADDRESS_PROBLEMS = frozenset({LocalCode.OFFLINE, LocalCode.TIMEOUT, LocalCode.BAD_ADDRESS,
                               LocalCode.TLS, LocalCode.PROTOCOL, LocalCode.UNKNOWN})  # fmt: skip
_PASSWORD_PROBLEMS = frozenset({ErrorCode.LOGIN_FAILED, ErrorCode.LOGIN_RATE_LIMITED})

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
        self.url.setPlaceholderText("hekou.example.cn:8750")
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
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(TOUCH)
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.url)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("This device's name"), self.device)
        self.buttons = QDialogButtonBox()
        self.sign_in = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel = self.buttons.addButton(
            self.tr("Cancel sign-in"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = self.buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        for b in (self.sign_in, self.cancel, self.close_button):
            b.setMinimumHeight(TOUCH)
            b.setMinimumWidth(120)
        self.cancel.hide()
        self.sign_in.clicked.connect(self._sign_in)
        self.cancel.clicked.connect(controller.cancel_sign_in)
        self.close_button.clicked.connect(self.reject)
        self.password.returnPressed.connect(self._sign_in)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        controller.signed_in.connect(self._signed_in)

    def _sign_in(self) -> None:
        if not self.sign_in.isEnabled():
            return
        if not self.url.text().strip() or not self.user.text().strip() or not self.password.text():
            self.message.setText(self.tr("Fill in the address, the user name and the password."))
            return
        self._busy(True)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Signing in… (you can cancel)"))
        self.controller.sign_in(
            self.url.text().strip(),
            self.user.text().strip(),
            self.password.text(),
            self.device.text().strip(),
        )

    def _busy(self, busy: bool) -> None:
        self.sign_in.setEnabled(not busy)
        self.cancel.setVisible(busy)
        self.close_button.setEnabled(not busy)
        for field in (self.url, self.user, self.password, self.device):
            field.setReadOnly(busy)

    def _signed_in(self, error: SyncError | None) -> None:
        self._busy(False)
        if error is None:
            self.password.clear()
            self.message.setText(self.tr("Signed in; this device is registered."))
            self.accept()
            return
        self.sign_in.setText(self.tr("Try again"))
        if isinstance(error, Cancelled):
            self.message.setText(self.tr("Sign-in cancelled. Nothing was changed."))
            return
        self.message.setText(error.message(self.lang))
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        if error.code in _PASSWORD_PROBLEMS:
            self.password.clear()
            self.password.setFocus()
        elif error.code in _ADDRESS_PROBLEMS:
            self.url.setFocus()
            self.url.selectAll()
