"""Marking a problem along the way: a note and photos (the position is the current fix)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ProblemDialog(QDialog):
    """``outfalls``: (id, label) of the outfalls near the current position, nearest first; the
    problem can be marked as seen at one of them (it can then become an inspection of it)."""

    def __init__(
        self, parent: QWidget | None = None, outfalls: Sequence[tuple[str, str]] = ()
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark a problem"))
        self._photos: list[str] = []
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("What did you see? (colour, smell, pipe, sign…)"))
        self.add_photos = QPushButton(self.tr("Add photos…"), self)
        self.add_photos.clicked.connect(self._choose)
        self.photo_label = QLabel(self.tr("No photos"), self)
        self.outfall = QComboBox(self)
        self.outfall.addItem(self.tr("Not at an outfall"), None)
        for outfall_id, label in outfalls:
            self.outfall.addItem(self.tr("At outfall %1").replace("%1", label), outfall_id)
        self.outfall.setVisible(bool(outfalls))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The problem is recorded at your current position."), self))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.add_photos)
        layout.addWidget(self.photo_label)
        layout.addWidget(self.outfall)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def _choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Photos of the problem"), "", self.tr("Photos (*.jpg *.jpeg *.heic)")
        )
        if paths:
            self._photos += paths
            self.photo_label.setText(
                self.tr("%1 photo(s) chosen").replace("%1", str(len(self._photos)))
            )

    def note(self) -> str:
        return self.text.toPlainText().strip()

    def photos(self) -> list[str]:
        return list(self._photos)

    def outfall_id(self) -> str | None:
        data = self.outfall.currentData()
        return str(data) if data else None
