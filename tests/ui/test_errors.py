"""The one way to show an error: an Explained error in the user's language, anything else raised."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from fieldapp.domain.errors import Explained
from fieldapp.ui import errors
from fieldapp.ui.app import make_app

PROBLEM = Explained(
    zh="照片文件已损坏，请重新拍摄。", en="The photo file is damaged: take it again."
)


@pytest.mark.parametrize(("lang", "text"), [("zh_CN", PROBLEM.zh), ("en", PROBLEM.en)])
def test_an_explained_error_is_shown_in_the_users_language(qtbot, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    make_app(lang)
    parent = QWidget()
    parent.setWindowTitle("巡查")
    qtbot.addWidget(parent)
    box = errors.shown(lang, parent)
    box(PROBLEM)
    shown = parent.findChild(QMessageBox)
    assert shown is not None and shown.isVisible()
    assert shown.text() == text
    assert shown.windowTitle() == "巡查"
    shown.close()


def test_anything_else_is_raised_again(qtbot) -> None:  # type: ignore[no-untyped-def]
    make_app("en")
    parent = QWidget()
    qtbot.addWidget(parent)
    with pytest.raises(ZeroDivisionError):
        errors.shown("en", parent)(ZeroDivisionError("defect"))
    assert parent.findChild(QMessageBox) is None
