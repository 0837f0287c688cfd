"""The desk's complaint dialogs: record a new complaint; record the verification's outcome; record
the answer given to the complainant. Each only gathers what the staff type; the pane sends it."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui.desk_photos import PhotoPicker
from fieldapp.ui.screen_fit import fit_dialog, scrolling
from sync.complaint_protocol import ComplaintRequest
from sync.complaints import ComplaintRules

TOUCH = 44


def _buttons(dialog: QDialog, ok: str, cancel: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)
    for b in box.buttons():
        b.setMinimumHeight(TOUCH)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class NewComplaintDialog(QDialog):
    """A complaint as the staff took it down: where, what, from whom, and who verifies it."""

    def __init__(self, rules: ComplaintRules, counties: dict[str, str], lang: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("newComplaint")
        self.setWindowTitle(self.tr("New complaint (举报)"))
        self.county = QComboBox()
        for code, name in sorted(counties.items()):
            self.county.addItem(name, code)
        self.channel = QComboBox()
        for term in rules.channels:
            self.channel.addItem(term.label(lang), term.code)
        self.received = QDateTimeEdit(QDateTime.currentDateTime())
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("Where, in words: town, village, river, landmark"))
        self.lat, self.lon = QDoubleSpinBox(), QDoubleSpinBox()
        for box, high in ((self.lat, 90.0), (self.lon, 180.0)):
            box.setRange(0.0, high)
            box.setDecimals(6)
            box.setSpecialValueText(self.tr("not known"))  # shown at 0: no position given
            box.setToolTip(self.tr("Leave at “not known” when the complaint gives no position"))
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(self.tr("What the complainant saw, as they said it"))
        self.contact_name = QLineEdit()
        self.contact_phone = QLineEdit()
        self.assignees = QLineEdit()
        self.assignees.setPlaceholderText(self.tr("Inspectors' user names, separated by commas"))
        private = QLabel(
            self.tr("The complainant's contact stays on the server: never on laptops.")
        )
        private.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020; font-weight: bold;")
        self.picker = PhotoPicker(lang, self.tr("Choose the complaint's photos"))
        form = QFormLayout()
        for label, widget in (
            (self.tr("County"), self.county), (self.tr("Channel"), self.channel),
            (self.tr("Received"), self.received), (self.tr("Place"), self.place),
            (self.tr("Latitude"), self.lat), (self.tr("Longitude"), self.lon),
            (self.tr("Description"), self.description),
            (self.tr("Complainant"), self.contact_name), (self.tr("Phone"), self.contact_phone),
            (self.tr("Verified by"), self.assignees),
        ):  # fmt: skip
            widget.setMinimumHeight(TOUCH)
            form.addRow(label, widget)
        form.addRow(self.tr("Photos"), self.picker)
        body = QWidget()
        body.setLayout(form)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)  # a short screen scrolls the fields, not the buttons
        layout.addWidget(private)
        layout.addWidget(self.problem)
        layout.addWidget(_buttons(self, self.tr("Record"), self.tr("Cancel")))
        self.picker.changed.connect(self._photos_changed)
        fit_dialog(self, 820, 760)

    def _photos_changed(self) -> None:
        if not self.picker.checking and self.problem.text() == self._wait_text():
            self.problem.clear()

    def _wait_text(self) -> str:
        return self.tr("Wait until the photos are checked.")

    def accept(self) -> None:
        if not self.description.toPlainText().strip():
            self.problem.setText(self.tr("Write what the complaint is about."))
            return
        if (self.lat.value() == 0.0) != (self.lon.value() == 0.0):
            # half a position is no position: never drop what the user typed without a word
            self.problem.setText(self.tr("Give both latitude and longitude, or neither."))
            return
        if not self.place.text().strip() and not self._position():
            self.problem.setText(self.tr("Give the place, in words or as a position."))
            return
        if self.picker.checking:
            self.problem.setText(self._wait_text())
            return
        super().accept()

    def _position(self) -> dict[str, float] | None:
        lat, lon = self.lat.value(), self.lon.value()
        if lat == 0.0 or lon == 0.0:
            return None
        return {"lat": lat, "lon": lon}

    def photos(self) -> list[bytes]:
        """The chosen photos' bytes, sent before the complaint that names them."""
        return [p.data for p in self.picker.photos]

    def request(self) -> ComplaintRequest:
        received = self.received.dateTime().toPython()
        assert isinstance(received, dt.datetime)
        names = [n.strip() for n in self.assignees.text().replace("，", ",").split(",")]
        return ComplaintRequest.model_validate(
            {
                "id": str(uuid.uuid4()), "county_code": self.county.currentData(),
                "channel": self.channel.currentData(),
                "received_at": received.astimezone(dt.UTC), "place": self.place.text().strip(),
                "location": self._position(), "description": self.description.toPlainText(),
                "photos": [p.sha256 for p in self.picker.photos], "contact_name": self.contact_name.text().strip(),
                "contact_phone": self.contact_phone.text().strip(),
                "assignees": [n for n in names if n],
            }
        )  # fmt: skip


class OutcomeDialog(QDialog):
    """What the verification found."""

    def __init__(self, rules: ComplaintRules, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintOutcome")
        self.setWindowTitle(self.tr("Outcome of the verification"))
        self.outcome = QComboBox()
        for term in rules.outcomes:
            self.outcome.addItem(term.label(lang), term.code)
        self.outcome.setMinimumHeight(TOUCH)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("What was found, and what was done about it"))
        form = QFormLayout()
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("Record outcome"), self.tr("Cancel")))


class ReplyDialog(QDialog):
    """The answer given to the complainant (by phone, letter or online)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintReply")
        self.setWindowTitle(self.tr("Answer to the complainant"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("The answer as it was given"))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.problem)
        layout.addWidget(_buttons(self, self.tr("Record answer"), self.tr("Cancel")))

    def accept(self) -> None:
        if not self.text.toPlainText().strip():
            self.problem.setText(self.tr("Write the answer that was given."))
            return
        super().accept()
