"""Test-wide settings: Qt runs offscreen; the shared test data is read in place.

The shared folder sits beside the checkout (`../shared`, as in CI); a clone made elsewhere for a
local CI run finds it through HEKOU_SHARED or the workplace's own copy. Test modules read the
resolved place from the HEKOU_SHARED environment variable set here, before they are imported.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _shared() -> Path:
    candidates = [
        os.environ.get("HEKOU_SHARED", ""),
        str(Path(__file__).resolve().parents[2] / "shared"),
        "/work/shared",
    ]
    for candidate in candidates:
        if candidate and (Path(candidate) / "testdata").is_dir():
            return Path(candidate)
    raise RuntimeError("the shared test data (../shared/testdata) is missing")


SHARED = _shared()
os.environ["HEKOU_SHARED"] = str(SHARED)


@pytest.fixture(scope="session")
def qapp(qapp):  # type: ignore[no-untyped-def]
    """pytest-qt's application with the app's bundled Chinese font registered as every widget's
    fallback, as at the app's start: renders in tests never depend on the machine's fonts."""
    from fieldapp.ui.fonts import install_chinese_fallback

    qapp.setFont(install_chinese_fallback(qapp.font()))
    return qapp


@pytest.fixture(autouse=True)
def _no_leftover_translators() -> Iterator[None]:
    """A test that opened the app in Chinese leaves its translators installed on the one
    QApplication; the next test would read Chinese where it expects English. Remove them."""
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return  # a test without Qt never installed any
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    for translator in getattr(app, "_hekou_translators", []):
        app.removeTranslator(translator)  # type: ignore[union-attr]
    if app is not None and hasattr(app, "_hekou_translators"):
        app._hekou_translators = []  # type: ignore[attr-defined]
