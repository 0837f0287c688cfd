"""Windows size themselves to the screen they open on: the size they would like, never larger than
the available area (a 1366×768 laptop at 125% or 150% scaling offers only 1093×614 or 911×512
logical pixels, less the taskbar). A window that would not fit is shown maximised, so the window
manager, which knows its title bar, places it exactly; what is taller than that scrolls inside.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QScrollArea, QWidget

# Before a window is first shown the window manager has not said how wide its frame is.
FRAME_ESTIMATE = QMargins(4, 36, 4, 4)


def available_area(widget: QWidget) -> QRect:
    """The available geometry (without taskbars) of the screen ``widget`` is on, or will be."""
    parent = widget.parentWidget()
    screen = widget.screen() if widget.isVisible() or parent is None else parent.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _frame(widget: QWidget) -> QMargins:
    if not widget.isVisible():
        return FRAME_ESTIMATE
    frame, inner = widget.frameGeometry(), widget.geometry()
    return QMargins(
        inner.left() - frame.left(),
        inner.top() - frame.top(),
        frame.right() - inner.right(),
        frame.bottom() - inner.bottom(),
    )


def fitted_size(widget: QWidget, width: int, height: int) -> QSize:
    """``width`` × ``height``, shrunk to what fits inside the available area with its frame."""
    area, frame = available_area(widget), _frame(widget)
    return QSize(
        min(width, area.width() - frame.left() - frame.right()),
        min(height, area.height() - frame.top() - frame.bottom()),
    )


def fits(widget: QWidget, width: int, height: int) -> bool:
    return fitted_size(widget, width, height) == QSize(width, height)


def present(window: QWidget, width: int | None = None, height: int | None = None) -> None:
    """Show a top-level window at its preferred size (as given, else as it was resized to, else
    1366×768), or maximised when that does not fit the screen."""
    if window.isVisible():
        window.raise_()
        window.activateWindow()
        return
    resized = window.testAttribute(Qt.WidgetAttribute.WA_Resized)
    width = width or (window.width() if resized else 1366)
    height = height or (window.height() if resized else 768)
    size = fitted_size(window, width, height)
    window.resize(size)
    if size != QSize(width, height):
        window.showMaximized()
    else:
        area = available_area(window)
        frame = _frame(window)
        window.move(
            area.left() + max(0, (area.width() - width - frame.left() - frame.right()) // 2),
            area.top() + max(0, (area.height() - height - frame.top() - frame.bottom()) // 2),
        )
        window.show()
    window.raise_()
    window.activateWindow()


def fit_dialog(dialog: QWidget, width: int, height: int) -> None:
    """Size a dialog before it opens: as asked, or as much of the screen as there is."""
    dialog.resize(fitted_size(dialog, width, height))


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area: on a screen too small for it, it scrolls instead of
    pushing the window past the screen's edge (at its full size nothing changes)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(content)
    return area
