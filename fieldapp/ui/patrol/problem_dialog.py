"""Marking a problem along the way: its category, a note, photos, what was done on the spot and
whether it is escalated (the position is the current fix)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ProblemDialog(QDialog):
    """``outfalls``: (id, label) of the outfalls near the current position, nearest first; the
    problem can be marked as seen at one of them (it can then become an inspection of it)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        outfalls: Sequence[tuple[str, str]] = (),
        lang: str | None = None,
    ) -> None:
        """``lang`` names the categories (zh or en); by default the patrol window's language."""
        super().__init__(parent)
        from fieldapp.patrol_rules import problem_categories

        lang = lang or str(getattr(getattr(parent, "labels", None), "lang", "en"))
        self.setWindowTitle(self.tr("Mark a problem"))
        self._photos: list[str] = []
        self.category = QComboBox(self)
        self.category.addItem(self.tr("Choose the kind of problem"), None)
        for code, zh, en in problem_categories():
            self.category.addItem(zh if lang.startswith("zh") else en, code)
        self.category.setMinimumHeight(44)
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
        self.handling = QLineEdit(self)
        self.handling.setPlaceholderText(self.tr("What was done on the spot (if anything)"))
        self.handling.setMinimumHeight(44)
        self.handling.setMaxLength(2000)
        self.escalate = QCheckBox(self.tr("Escalate: it cannot be solved on the spot"), self)
        self.escalate.setMinimumHeight(44)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.category.currentIndexChanged.connect(lambda _i: self._enable())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The problem is recorded at your current position."), self))
        layout.addWidget(self.category)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.add_photos)
        layout.addWidget(self.photo_label)
        layout.addWidget(self.outfall)
        layout.addWidget(self.handling)
        layout.addWidget(self.escalate)
        layout.addWidget(buttons)
        self.resize(560, 520)
        self._enable()

    def _enable(self) -> None:
        """Saved only with a category: the desk sorts and counts problems by it."""
        self.save_button.setEnabled(self.category.currentData() is not None)

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

    def category_code(self) -> str | None:
        data = self.category.currentData()
        return str(data) if data else None

    def handling_note(self) -> str:
        return self.handling.text().strip()

    def escalated(self) -> bool:
        return self.escalate.isChecked()
