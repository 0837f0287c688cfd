"""The settings dialog takes a network position source (tcp://host:port), and says in place, in
the user's language, what is wrong with one that cannot be right (nothing saved then)."""

from __future__ import annotations

import os

import pytest

from fieldapp import reference_data
from fieldapp.inspection_data import load_rules
from fieldapp.ui.app import make_app
from fieldapp.ui.labels import Labels
from fieldapp.ui.settings import AppSettings
from fieldapp.ui.settings_dialog import SettingsDialog


@pytest.mark.parametrize(("lang", "words"), [("en", "tcp://host:port"), ("zh_CN", "主机:端口")])
def test_network_source_in_settings(qtbot, lang: str, words: str) -> None:  # type: ignore[no-untyped-def]
    make_app(lang)
    settings = AppSettings(f"HekouGnssSettingsTests-{os.getpid()}")
    settings.clear()
    settings.gnss_source = "/dev/ttyUSB0"
    dialog = SettingsDialog(settings, Labels(reference_data.load(), lang), load_rules().settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.gnss.setText("tcp://192.168.1.20")  # no port
    dialog.save()
    assert dialog.gnss_error.isVisible() and words in dialog.gnss_error.text()
    assert settings.gnss_source == "/dev/ttyUSB0"  # nothing saved
    assert dialog.result() == 0
    dialog.gnss.setText("  TCP://192.168.1.20:2947 ")
    dialog.save()
    assert settings.gnss_source == "tcp://192.168.1.20:2947"
    assert dialog.result() == 1
    settings.clear()
