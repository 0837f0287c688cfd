"""Start-up of an encrypted profile: the passphrase dialog (no OS key store here), and a cold
start on a full disk that says so instead of ending in a traceback (issue 13)."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from fieldapp.store import database
from fieldapp.ui import app
from fieldapp.ui.unlock import PassphraseDialog
from fieldapp.vault import keys


@pytest.fixture(autouse=True)
def headless_key_store() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)
    with keys._lock:
        keys._unlocked.clear()


def test_a_new_passphrase_is_asked_twice_and_must_be_long_enough(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = PassphraseDialog(keys.Ask.NEW, tmp_path / "p.sqlite")
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("short")
    dialog.repeat.setText("short")
    dialog._check()
    assert dialog.error.isVisibleTo(dialog) and "8" in dialog.error.text()
    dialog.passphrase.setText("通州区金沙街道口令")
    dialog.repeat.setText("通州区金沙街道口令X")
    dialog._check()
    assert dialog.value() is None
    dialog.repeat.setText("通州区金沙街道口令")
    dialog._check()
    assert dialog.value() == "通州区金沙街道口令"


def _answer_dialogs(texts: list[str]) -> None:
    """Fill and accept each passphrase dialog as it opens (they are modal)."""

    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, PassphraseDialog) and widget.isVisible():
                text = texts.pop(0)
                widget.passphrase.setText(text)
                widget.repeat.setText(text)
                widget._check()
        if texts:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)


def test_start_sets_a_passphrase_then_asks_for_it_and_opens_the_encrypted_profile(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "hekou" / "profile.sqlite"
    _answer_dialogs(["长江口排污口口令"])
    assert app.unlock(path, "en", create_folder=True) is None
    database.open_profile(path).close()
    assert path.read_bytes()[:16] != database.SQLITE_HEADER
    keys.forget(path)
    _answer_dialogs(["a wrong one", "长江口排污口口令"])
    assert app.unlock(path, "en", create_folder=False) is None
    assert keys.key_for(path) is not None


def test_a_cold_start_on_a_full_disk_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    monkeypatch.setattr(Path, "mkdir", full)
    message = app.unlock(
        tmp_path / "data" / "hekou" / "profile.sqlite", "zh_CN", create_folder=True
    )
    assert message is not None and "磁盘空间不足" in message


def test_a_full_disk_while_writing_the_key_file_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from fieldapp import protection
    from fieldapp.store.errors import DiskFull

    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    path = tmp_path / "profile.sqlite"
    with pytest.raises(DiskFull) as info:
        protection.unlock_profile(path, lambda ask: "长江口排污口口令")
    assert str(path) in info.value.zh
    assert list(tmp_path.iterdir()) == []  # no key file, no temporary


def test_the_settings_keep_the_bureaus_ca_file_for_the_sync(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from fieldapp import reference_data
    from fieldapp.inspection_data import load_rules
    from fieldapp.ui.labels import Labels
    from fieldapp.ui.settings import AppSettings
    from fieldapp.ui.settings_dialog import SettingsDialog

    settings = AppSettings("HekouTestCa")
    settings.clear()
    try:
        dialog = SettingsDialog(
            settings, Labels(reference_data.load(), "en"), load_rules().settings
        )
        qtbot.addWidget(dialog)
        dialog.ca_file.setText(f"  {tmp_path / 'bureau-ca.pem'}  ")
        dialog.save()
        assert AppSettings("HekouTestCa").server_ca_file == str(tmp_path / "bureau-ca.pem")
    finally:
        settings.clear()


def test_the_passphrase_dialog_reads_as_chinese(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import importlib.util
    import sys

    name = "hekou_visible_text"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, Path(__file__).with_name("visible_text.py")
        )
        assert spec is not None and spec.loader is not None
        sys.modules[name] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    vt = sys.modules[name]
    app.make_app("zh_CN")
    try:
        for ask in keys.Ask:
            dialog = PassphraseDialog(ask, tmp_path / "profile.sqlite")
            qtbot.addWidget(dialog)
            dialog.show()
            texts = [
                t.replace(str(tmp_path / "profile.sqlite"), "") for t in vt.widget_texts(dialog)
            ]
            assert sum(len(t) for t in texts) > 10
            assert vt.problems(texts) == [], ask
    finally:
        app.make_app("en")
