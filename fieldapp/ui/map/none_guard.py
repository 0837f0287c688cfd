"""A guard against a reference-count bug of PySide6 6.12.0 under Python 3.11.

Measured here: every call of a C++ method returning void (``QPainter.drawEllipse``, ``setPen``,
``QWidget.update``, ``QLabel.setText`` ...) takes one reference from ``None`` without giving it
back, and the same was seen for True and False at exit (Python 3.12 made them immortal, which hides the bug there). After some thousands of such
calls Python aborts with "none_dealloc: deallocating None". The map makes about a thousand per
frame and crashed within seconds. ``pin_none`` gives None, True and False a huge reference count once, which is
what Python 3.12 does for immortal objects; it is idempotent. It affects every window of the app,
so it belongs at start-up (the lead's ``app.py``); until then the map and patrol packages call it
on import. Remove once PySide6 is fixed or the app runs on Python ≥ 3.12.
"""

from __future__ import annotations

import ctypes
import sys

_PIN = 1 << 40


def pin_none() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        if refcount.value < _PIN:
            refcount.value += _PIN
