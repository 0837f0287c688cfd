"""The main window's status strip: unsent, refused and returned counts, the nearest return
deadline, the last successful sync, and who is signed in. Always visible; each part opens 我的记录
(or the sync panel) where the user can act. It shows a ``sync.client.state.panel.Status``; it reads nothing."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from fieldapp.ui.records.times import local_date, local_time
from sync.client.errors import LocalCode
from sync.client.state.panel import Status

_PART = "QPushButton { min-height: 40px; min-width: 0; padding: 0 10px; font-weight: bold; }"
_ALERT = (
    "QPushButton { min-height: 40px; min-width: 0; padding: 0 10px; font-weight: bold;"
    " background: #b00020; color: #fff; border-color: #7a0016; }"
)
_WARN = (
    "QPushButton { min-height: 40px; min-width: 0; padding: 0 10px; font-weight: bold;"
    " background: #ffd666; color: #3a2a00; border-color: #ad8b00; }"
)


class StatusStrip(QWidget):
    """Unsent · refused · returned (nearest deadline) · last sync; clicking opens the lists."""

    records_requested = Signal(str)  # the state to show first ("" for all)
    sync_requested = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusStrip")
        self.lang = lang
        self.records_button = QPushButton(self.tr("My records"))
        self.records_button.setObjectName("stripRecords")
        self.unsent = QPushButton()
        self.refused = QPushButton()
        self.returned = QPushButton()
        self.last_sync = QPushButton()
        self.unsent.setObjectName("stripUnsent")
        self.refused.setObjectName("stripRefused")
        self.returned.setObjectName("stripReturned")
        self.last_sync.setObjectName("stripLastSync")
        self.who = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(4)
        for part in (self.records_button, self.unsent, self.refused, self.returned, self.last_sync):
            part.setStyleSheet(_PART)
            part.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            layout.addWidget(part)
        layout.addWidget(self.who)
        self.records_button.clicked.connect(lambda: self.records_requested.emit(""))
        self.unsent.clicked.connect(lambda: self.records_requested.emit("unsent"))
        self.refused.clicked.connect(lambda: self.records_requested.emit("refused"))
        self.returned.clicked.connect(lambda: self.records_requested.emit("returned"))
        self.last_sync.clicked.connect(self.sync_requested.emit)
        self.status: Status | None = None
        self.unsent.setText(self.tr("Unsent: …"))
        self.refused.hide()
        self.returned.hide()
        self.last_sync.setText(self.tr("Last sync: …"))

    def show_status(self, s: Status) -> None:
        self.status = s
        self.unsent.setText(self.tr("Unsent: %1").replace("%1", str(s.unsent)))
        self.unsent.setToolTip(self.tr("Completed records not yet on the server"))
        self.refused.setVisible(s.refused > 0)
        self.refused.setText(self.tr("Refused: %1").replace("%1", str(s.refused)))
        self.refused.setStyleSheet(_ALERT)
        self.refused.setToolTip(
            self.tr(
                "The server refused these records: open them to fix and send again, or withdraw"
            )
        )
        self.returned.setVisible(s.returned > 0)
        text = self.tr("Returned: %1").replace("%1", str(s.returned))
        if s.nearest_deadline:
            text += self.tr(" (due %1)").replace("%1", local_date(s.nearest_deadline, self.lang))
        self.returned.setText(text)
        self.returned.setStyleSheet(_WARN)
        failed = s.last_error is not None and s.last_error not in (
            LocalCode.REFUSED,
            LocalCode.CANCELLED,
        )
        if s.last_success_at:
            last = self.tr("Last sync: %1").replace("%1", local_time(s.last_success_at, self.lang))
        else:
            last = self.tr("Never synced")
        if not s.signed_in:
            last += self.tr(" · not signed in")
        elif failed:
            last += self.tr(" · last try failed")
        self.last_sync.setText(last)
        self.last_sync.setStyleSheet(_WARN if (not s.signed_in or failed) else _PART)
        self.last_sync.setToolTip(self.tr("Open the sync panel"))
        # Not signed in is said by the last-sync part already; the name only when there is one.
        self.who.setText(s.username or "")
        self.who.setVisible(bool(s.username))

    def show_bound(self, username: str, rows: int) -> None:
        """Says once that the sign-in put this laptop's records under the account."""
        self.who.setText(
            self.tr("%1 (%2 earlier entries now under this account)")
            .replace("%1", username)
            .replace("%2", str(rows))
        )
