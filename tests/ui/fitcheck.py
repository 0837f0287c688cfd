"""What does not fit in a window, by geometry (used by the fit test's child process and tested
on its own): every visible control wholly inside its window, except where a scroll area's viewport
cuts it (reached by scrolling); button text not cut; buttons tall enough to touch; no form that
scrolls sideways; no toolbar action pushed into the overflow menu.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit)
TOUCH_MIN = 40  # logical pixels


def _name(w: QWidget) -> str:
    text = w.text() if isinstance(w, QAbstractButton | QLineEdit) else ""
    return f"{type(w).__name__}#{w.objectName() or '?'}[{text[:30]}]"


def _internal(w: QWidget) -> bool:
    """Parts of other widgets (a spin box's line edit, scroll arrows, the toolbar's » button)."""
    if w.objectName().startswith("qt_"):
        return True
    parent = w.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QScrollBar | QTabBar):
            return True
        if isinstance(parent, QAbstractScrollArea) and not _is_viewport_chain(w, parent):
            return True  # e.g. a scroll area's corner widget
        parent = parent.parentWidget()
    return False


def _is_viewport_chain(w: QWidget, area: QAbstractScrollArea) -> bool:
    viewport = area.viewport()
    return viewport is w or viewport.isAncestorOf(w)


def _clip(w: QWidget, window: QWidget) -> str | None:
    """Which ancestor clips ``w`` (None: wholly visible, or reachable by scrolling)."""
    child, rect = w, QRect(QPoint(0, 0), w.size())
    while child is not window:
        parent = child.parentWidget()
        if parent is None:
            return "no window"
        rect = QRect(child.mapTo(parent, rect.topLeft()), rect.size())
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            child, rect = area, QRect(QPoint(0, 0), area.size())  # scrolls into view
            continue
        if not parent.rect().contains(rect):
            return f"{_name(parent)} {parent.width()}x{parent.height()} cuts {rect.getRect()}"
        child = parent
    return None


def inspect(window: QWidget) -> dict[str, Any]:
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    clipped, squeezed, small, hidden_actions = [], [], [], []
    for w in window.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or w.window() is not window:
            continue  # a dialog of this window is a window of its own
        if not w.isVisibleTo(window) or _internal(w):
            continue
        why = _clip(w, window)
        if why:
            clipped.append(f"{_name(w)}: {why}")
        if isinstance(w, QPushButton | QToolButton) and w.text():
            need = max(w.fontMetrics().horizontalAdvance(line) for line in w.text().split("\n"))
            if w.width() < need + 20:  # text cut: less than the style's padding and border left
                squeezed.append(f"{_name(w)} {w.width()} < text {need}")
            if w.height() < TOUCH_MIN:
                small.append(f"{_name(w)} height {w.height()}")
    for bar in window.findChildren(QTabBar):  # tabs are touched like buttons
        if bar.window() is window and bar.isVisibleTo(window):
            if bar.sizeHint().width() > bar.width() + 1:  # some tabs behind the scroll arrows
                clipped.append(
                    f"{_name(bar)}: its tabs need {bar.sizeHint().width()} px, have {bar.width()}"
                )
            for i in range(bar.count()):
                if bar.isTabVisible(i) and bar.tabRect(i).height() < TOUCH_MIN:
                    small.append(
                        f"{_name(bar)} tab {bar.tabText(i)!r} height {bar.tabRect(i).height()}"
                    )
    sideways = [
        f"{_name(a)} {a.horizontalScrollBar().maximum()} px"
        for a in window.findChildren(QScrollArea)
        if a.window() is window and a.isVisibleTo(window) and a.horizontalScrollBar().maximum() > 0
    ]
    for bar in window.findChildren(QToolBar):
        if bar.window() is not window or not bar.isVisibleTo(window):
            continue
        ext = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        for action in bar.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            button = bar.widgetForAction(action)
            if button is None or not button.isVisibleTo(window):
                hidden_actions.append(action.objectName() or action.text())
        if ext is not None and ext.isVisibleTo(window):
            hidden_actions.append("(overflow button shown)")
    return {
        "screen": screen.getRect(),
        "frame": frame.getRect(),
        "on_screen": screen.contains(frame),
        "clipped": clipped,
        "squeezed": squeezed,
        "sideways": sideways,
        "small": small,
        "hidden_actions": hidden_actions,
    }
