"""Every user-visible string of the UI has a Chinese translation, and the built file loads."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QTranslator

from fieldapp import i18n


def test_every_ui_string_is_translated() -> None:
    assert i18n.untranslated("zh_CN") == []


def test_built_translation_loads_and_translates(qtbot) -> None:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(i18n.qm_file("zh_CN")))
    assert translator.translate("MainWindow", "Clear filters") == "清除筛选"


def test_command_line_help_runs() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "fieldapp", "--help"], capture_output=True, text=True, check=True
    )
    assert "--db" in out.stdout and "--lang" in out.stdout
