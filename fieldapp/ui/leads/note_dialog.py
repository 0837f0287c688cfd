"""A verification note at a lead that is not a new outfall: not an outfall at all, or the
registered outfall beside it; a note and photos, which the sync sends as the supervisor's
evidence (``lead_verifications``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.lead import AerialLead

BUTTON_HEIGHT = 52


class LeadNoteDialog(QDialog):
    """``submitted(verdict, note, photo paths)``: verdict ``not_outfall`` or ``duplicate``."""

    submitted = Signal(str, str, list)

    def __init__(self, lead: AerialLead, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lead = lead
        self.photo_paths: list[str] = []
        self.setWindowTitle(self.tr("Verification of an aerial-survey lead"))
        title = QLabel(lead.name or self.tr("(no name)"), self)
        title.setStyleSheet("font-weight: bold; font-size: 16px;")
        title.setWordWrap(True)
        self.not_outfall = QRadioButton(self.tr("Not an outfall"), self)
        self.duplicate = QRadioButton(self.tr("The registered outfall beside it"), self)
        self.duplicate.setEnabled(lead.near_outfall_id is not None)
        self.not_outfall.setChecked(True)
        for radio in (self.not_outfall, self.duplicate):
            radio.setMinimumHeight(40)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(self.tr("What is there (e.g. an irrigation gate, no flow)"))
        self.add_photos = QPushButton(self.tr("Add photos…"), self)
        self.add_photos.clicked.connect(self._choose_photos)
        self.photos_label = QLabel(self.tr("No photos yet"), self)
        self.photos_label.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b71c1c;")
        self.problem.setWordWrap(True)
        self.save = QPushButton(self.tr("Save"), self)
        self.save.setDefault(True)
        self.save.clicked.connect(self._save)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.clicked.connect(self.reject)
        for button in (self.add_photos, self.save, cancel):
            button.setMinimumHeight(BUTTON_HEIGHT)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        for widget in (title, self.not_outfall, self.duplicate):
            layout.addWidget(widget)
        layout.addWidget(self.note, 1)
        photos = QHBoxLayout()
        photos.addWidget(self.add_photos)
        photos.addWidget(self.photos_label, 1)
        layout.addLayout(photos)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

    def set_photos(self, paths: list[str]) -> None:
        self.photo_paths = list(paths)
        self.photos_label.setText(
            self.tr("%n photo(s) chosen", "", len(paths)) if paths else self.tr("No photos yet")
        )

    def _choose_photos(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Photos of the place"), "", self.tr("Photos (*.jpg *.jpeg *.png *.heic)")
        )
        if paths:
            self.set_photos(self.photo_paths + paths)

    def _save(self) -> None:
        verdict = "duplicate" if self.duplicate.isChecked() else "not_outfall"
        note = self.note.toPlainText().strip()
        if verdict == "not_outfall" and not note:
            self.problem.setText(self.tr("Say what is there instead of an outfall."))
            return
        self.problem.setText("")
        self.submitted.emit(verdict, note, list(self.photo_paths))

    def show_problem(self, text: str) -> None:
        """Why saving failed (a photo that cannot be read, a full disk); the dialog stays."""
        self.problem.setText(text)
