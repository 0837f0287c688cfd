"""Before completing: what the record holds and every reason to look again, then one deliberate
confirmation (a completed record is frozen and becomes evidence).

The dialog only shows a `CompletionSummary` (fieldapp.domain.completion_summary); choosing a flag
closes it and emits ``go_to`` with the flag's field so the window can take the user there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.completion_summary import CompletionSummary
from fieldapp.ui.screen_fit import fit_dialog


class CompletionDialog(QDialog):
    go_to = Signal(str)  # a flag's field

    def __init__(self, summary: CompletionSummary, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("completion_summary")
        self.setWindowTitle(self.tr("Complete this inspection?"))
        self.summary = summary
        zh = lang.startswith("zh")
        fit_dialog(self, 720, 520)

        intro = QLabel(
            self.tr(
                "A completed inspection is frozen: it can no longer be changed, only corrected "
                "by a new version."
            )
        )
        intro.setWordWrap(True)
        facts = QLabel("\n".join(z if zh else e for z, e in summary.facts))
        facts.setObjectName("summary_facts")
        facts.setWordWrap(True)

        self.flags = QListWidget()
        self.flags.setObjectName("summary_flags")
        self.flags.setWordWrap(True)
        for flag in summary.flags:
            item = QListWidgetItem("⚠ " + flag.message(lang))
            item.setData(Qt.ItemDataRole.UserRole, flag.field)
            item.setForeground(QBrush(QColor("#7a0000")))
            item.setToolTip(self.tr("Go there to change it"))
            self.flags.addItem(item)
        self.flags.itemActivated.connect(self._go)
        flags_title = QLabel(
            self.tr("Please look at these before completing (%1):").replace(
                "%1", str(len(summary.flags))
            )
            if summary.flags
            else self.tr("Nothing to look at again.")
        )
        flags_title.setObjectName("summary_flags_title")
        flags_title.setWordWrap(True)
        self.flags.setVisible(bool(summary.flags))

        self.back_button = QPushButton(self.tr("Back to the form"))
        self.back_button.setObjectName("summary_back")
        self.back_button.clicked.connect(self.reject)
        self.go_button = QPushButton(self.tr("Go to the selected item"))
        self.go_button.setObjectName("summary_go")
        self.go_button.setEnabled(False)
        self.go_button.setVisible(bool(summary.flags))
        self.go_button.clicked.connect(lambda: self._go(self.flags.currentItem()))
        self.flags.currentItemChanged.connect(
            lambda item, _old: self.go_button.setEnabled(item is not None)
        )
        self.confirm_button = QPushButton(
            self.tr("Complete anyway") if summary.flags else self.tr("Complete and freeze")
        )
        self.confirm_button.setObjectName("summary_confirm")
        self.confirm_button.setProperty("primary", True)
        self.confirm_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.go_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(facts)
        layout.addWidget(flags_title)
        layout.addWidget(self.flags, 1)
        layout.addLayout(buttons)
        # Going back is the default: Enter must not freeze a record by accident.
        self.back_button.setDefault(True)
        self.back_button.setFocus()

    def _go(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.reject()
        self.go_to.emit(item.data(Qt.ItemDataRole.UserRole))
