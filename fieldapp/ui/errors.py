"""The one way a window shows an error: a user-facing ``Explained`` error (storage, photos, GNSS,
basemaps, records, backups) in a message box in the user's language; anything else is a defect
and is raised again, never swallowed, so it reaches the log and the tests."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from fieldapp.domain.errors import Explained


def show(error: BaseException, lang: str, parent: QWidget | None = None) -> QMessageBox:
    """Shows ``error`` if it is ``Explained``, without blocking; raises anything else."""
    if not isinstance(error, Explained):
        raise error
    title = parent.window().windowTitle() if parent is not None else ""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or QCoreApplication.applicationName(),
        error.message(lang),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def shown(lang: str, parent: QWidget | None = None) -> Callable[[Exception], None]:
    """An ``on_error`` for the lanes: shows an ``Explained`` error, raises anything else."""

    def on_error(error: Exception) -> None:
        show(error, lang, parent)

    return on_error
