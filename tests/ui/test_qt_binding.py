"""The Qt binding must not leak references to None: PySide6 6.12.0 on Python 3.11 took one on
every call returning void and the app aborted ("deallocating None") after a few thousand calls."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_qt_calls_keep_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(5000):
        widget.setWindowTitle("x")
        widget.update()
    assert abs(sys.getrefcount(None) - before) < 100
