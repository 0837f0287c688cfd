"""Choosing the position source from the patrol window: a receiver port found on this computer, a
network receiver (``tcp://host:port``) or a recorded NMEA log (training). A network address that
cannot be right is explained in place, in the user's language; nothing is opened here."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gnss import GnssSourceError, is_network_spec, parse_address

TOUCH_PX = 44


class SourceDialog(QDialog):
    """``ports``: the serial ports this computer has now (offered first)."""

    def __init__(
        self, current: str, lang: str, ports: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(self.tr("Position source"))
        intro = QLabel(
            self.tr(
                "Where positions come from: the GNSS receiver's port, a receiver on the network "
                "(tcp://host:port), or a recorded NMEA log for training."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("sourceError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.hide()
        self.ports = QComboBox(self)
        self.ports.setObjectName("sourcePorts")
        self.ports.addItem(self.tr("Receivers on this computer…"), "")
        for port in ports:
            self.ports.addItem(port, port)
        self.ports.setEnabled(bool(ports))
        self.ports.currentIndexChanged.connect(self._port_chosen)
        self.spec = QLineEdit(current, self)
        self.spec.setObjectName("sourceSpec")
        self.spec.setPlaceholderText(
            self.tr("Receiver port (/dev/ttyUSB0, COM3), tcp://host:port or an NMEA log")
        )
        self.spec.textChanged.connect(lambda _: self.error.hide())
        browse = QPushButton(self.tr("Log file…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.spec, 1)
        row.addWidget(browse)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Use this source"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        for w in (self.ports, self.spec, browse, *buttons.buttons()):
            w.setMinimumHeight(TOUCH_PX)
        layout = self._layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.ports)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def chosen(self) -> str:
        """The source as it will be stored (a network address in its usual form)."""
        text = self.spec.text().strip()
        return str(parse_address(text)) if is_network_spec(text) else text

    def try_accept(self) -> None:
        text = self.spec.text().strip()
        if not text:
            self._say(self.tr("Choose a receiver, type tcp://host:port, or pick a log."))
            return
        try:
            self.chosen()
        except GnssSourceError as exc:
            self._say(exc.message(self.lang))
            return
        self.accept()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self._layout.activate()  # room for the message: the buttons must not be squeezed
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))
        self.spec.setFocus()

    def _port_chosen(self, index: int) -> None:
        port = self.ports.itemData(index)
        if port:
            self.spec.setText(port)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("NMEA log"), "", self.tr("NMEA logs (*.log *.nmea *.txt);;All files (*)")
        )
        if name:
            self.spec.setText(name)
