"""The panel of one aerial-survey lead: what the survey saw, its photo, and the ways to verify it.

A verification is recorded with the tools the inspector already has, so that it syncs as the
supervisor's evidence: a new outfall (the newly-found-outfall flow, started at the lead) or, when
the lead lies by a registered outfall, an inspection of that outfall.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from fieldapp.domain.lead import AerialLead
from fieldapp.ui.workers import WorkerPool

BUTTON_HEIGHT = 52  # gloves
PHOTO_WIDTH = 200  # the map's side column is 250 wide, less its scroll bar


class LeadPanel(QWidget):
    """Shows one lead; ``new_outfall_requested(lead id)`` and ``inspection_requested(outfall id)``
    start a verification, ``closed()`` when the user puts it away."""

    new_outfall_requested = Signal(str)
    inspection_requested = Signal(str)
    note_requested = Signal(str)  # lead id: not an outfall, or the registered one: a note
    closed = Signal()

    photo_shown = Signal(str)  # lead id: its photo (or why there is none) is on the panel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lead: AerialLead | None = None
        self.pool = WorkerPool(self)  # the photo is read and decoded off the GUI thread
        self.heading = QLabel(self.tr("Aerial-survey lead: to verify"), self)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold; font-size: 16px;")
        self.name = QLabel(self)
        self.name.setObjectName("leadName")
        self.name.setWordWrap(True)
        self.name.setStyleSheet("font-weight: bold;")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.near = QLabel(self)
        self.near.setWordWrap(True)
        self.near.setStyleSheet("color: #b71c1c;")
        self.photo = QLabel(self)
        self.photo.setObjectName("leadPhoto")
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setWordWrap(True)
        self.photo.setMinimumHeight(60)
        self.verify_new = QPushButton(self.tr("A new outfall"), self)
        self.verify_new.setObjectName("verifyNew")
        self.verify_new.setToolTip(
            self.tr("Opens the newly found outfall form at the lead; it syncs as the evidence")
        )
        self.verify_existing = QPushButton(self.tr("Registered: inspect"), self)
        self.verify_existing.setObjectName("verifyExisting")
        self.verify_existing.setToolTip(
            self.tr("Opens an inspection of the registered outfall next to the lead")
        )
        self.verify_note = QPushButton(self.tr("Not new: a note"), self)
        self.verify_note.setObjectName("verifyNote")
        self.verify_note.setToolTip(
            self.tr("Not an outfall, or the registered one: a note with photos, sent as evidence")
        )
        self.close_button = QPushButton(self.tr("Close"), self)
        for button in (self.verify_new, self.verify_existing, self.verify_note, self.close_button):
            button.setMinimumHeight(BUTTON_HEIGHT)
        self.verify_new.clicked.connect(self._new)
        self.verify_existing.clicked.connect(self._existing)
        self.verify_note.clicked.connect(self._note)
        self.close_button.clicked.connect(self._close)
        self.record = QLabel(self.tr("Record a verification:"), self)
        self.record.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The actions first: at 150% on a laptop the photo is reached by scrolling, not them.
        for widget in (self.heading, self.name, self.near, self.state, self.record,
                       self.verify_new, self.verify_existing, self.verify_note, self.note,
                       self.photo,
                       self.close_button):  # fmt: skip
            layout.addWidget(widget)

    def show_lead(self, lead: AerialLead, photo: bytes | Callable[[], bytes | None] | None) -> None:
        """Show a lead and its first photo: its bytes, or how to read them (run off the GUI
        thread: the evidence store decrypts); None: not on this laptop."""
        self.lead = lead
        self.name.setText(lead.name or self.tr("(no name)"))
        self.note.setText(lead.note or self.tr("No notes from the survey."))
        self.note.setVisible(True)
        self.state.setText(
            self.tr("A verification task has been assigned.")
            if lead.state == "tasked"
            else self.tr("No task yet: verify it when you pass by.")
        )
        if lead.near_outfall_id is not None and lead.near_outfall_m is not None:
            self.near.setText(
                self.tr("%1 m from a registered outfall: it may be that one.").replace(
                    "%1", f"{lead.near_outfall_m:.0f}"
                )
            )
            self.near.show()
        else:
            self.near.hide()
        self.verify_existing.setVisible(lead.near_outfall_id is not None)
        self._show_photo(lead, photo)
        self.show()

    def _show_photo(
        self, lead: AerialLead, photo: bytes | Callable[[], bytes | None] | None
    ) -> None:
        self.photo.setPixmap(QPixmap())
        if not lead.photos:
            self.photo.setText(self.tr("The survey sent no photo."))
            self.photo_shown.emit(lead.id)
            return
        self.photo.setText(self.tr("Loading the photo…"))
        self.pool.submit(
            lambda: _scaled(photo() if callable(photo) else photo),
            lambda image: self._photo_ready(lead.id, image),
            lambda _error: self._photo_ready(lead.id, None),
        )

    def _photo_ready(self, lead_id: str, image: QImage | None) -> None:
        if self.lead is None or self.lead.id != lead_id:
            return  # another lead was opened meanwhile
        if image is None:
            self.photo.setText(self.tr("The photo is not on this laptop yet: sync to fetch it."))
        else:
            self.photo.setText("")
            self.photo.setPixmap(QPixmap.fromImage(image))
        self.photo_shown.emit(lead_id)

    def _new(self) -> None:
        if self.lead is not None:
            self.new_outfall_requested.emit(self.lead.id)

    def _existing(self) -> None:
        if self.lead is not None and self.lead.near_outfall_id is not None:
            self.inspection_requested.emit(self.lead.near_outfall_id)

    def _note(self) -> None:
        if self.lead is not None:
            self.note_requested.emit(self.lead.id)

    def _close(self) -> None:
        self.hide()
        self.closed.emit()


def _scaled(data: bytes | None) -> QImage | None:
    """The photo decoded and scaled to the panel's width (a QImage: safe off the GUI thread);
    None when there are no bytes or they are not an image."""
    if data is None:
        return None
    image = QImage.fromData(data)
    if image.isNull():
        return None
    return image.scaledToWidth(PHOTO_WIDTH, Qt.TransformationMode.SmoothTransformation)
