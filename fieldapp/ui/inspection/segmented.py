"""A segmented choice: one large toggle button per answer, side by side (easier with gloves than
a drop-down: one tap instead of two, and every answer visible at once).

Tapping the chosen answer again clears it (an item may stay unanswered). From the keyboard a
choice is one Tab stop, like a radio group: Tab lands on it, Left / Right move between the
answers, Space chooses, Tab goes on to the next item (a checklist of 18 items is 18 stops, not 54).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from fieldapp.domain.reference import Term


class SegmentedChoice(QWidget):
    changed = Signal()

    def __init__(
        self,
        terms: tuple[Term, ...],
        lang: str,
        name: str,
        good: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``good``: the expected answer; the other real answers show red once chosen."""
        super().__init__(parent)
        self.setObjectName(name)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # exclusive by hand, so the chosen answer can be cleared
        self.buttons: dict[str, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for n, term in enumerate(terms):
            button = QPushButton(term.label(lang))
            button.setObjectName(f"{name}__{term.code}")
            button.setCheckable(True)
            button.setProperty("segment", _position(n, len(terms)))
            if good is not None and term.code not in (good, "na"):
                button.setProperty("defect", True)  # a defect stands out when chosen
            first = n == 0
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if first else Qt.FocusPolicy.ClickFocus
            )
            button.installEventFilter(self)
            button.toggled.connect(lambda on, code=term.code: self._toggled(code, on))
            self.group.addButton(button)
            self.buttons[term.code] = button
            layout.addWidget(button)
        self._value: str | None = None

    def _toggled(self, code: str, on: bool) -> None:
        if on:
            for other, button in self.buttons.items():
                if other != code and button.isChecked():
                    button.blockSignals(True)
                    button.setChecked(False)
                    button.blockSignals(False)
            self._value = code
        elif self._value == code:
            self._value = None
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
            buttons = list(self.buttons.values())
            if step is not None and watched in buttons:
                index = buttons.index(watched) + step
                if 0 <= index < len(buttons):
                    buttons[index].setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    def value(self) -> str | None:
        return self._value

    def set_value(self, code: str | None) -> None:
        """Show ``code`` as chosen (None: unanswered) without emitting ``changed``."""
        for other, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(other == code)
            button.blockSignals(False)
        self._value = code if code in self.buttons else None

    def choose(self, code: str) -> None:
        """Choose ``code`` as a tap would (emits ``changed``)."""
        if self._value != code:
            self.buttons[code].setChecked(True)

    def first_button(self) -> QPushButton:
        return next(iter(self.buttons.values()))


def _position(n: int, count: int) -> str:
    if count == 1:
        return "only"
    return "first" if n == 0 else "last" if n == count - 1 else "middle"
