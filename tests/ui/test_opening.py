"""Opening a profile that cannot be used tells the user what is wrong and changes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fieldapp.store import migrations
from fieldapp.ui.app import make_app
from fieldapp.ui.session import open_session


def test_corrupt_file_gives_a_message_and_is_left_alone(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_app("en")
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    before = path.read_bytes()
    result = open_session(path, "en", actor="t")
    assert isinstance(result, str)
    assert str(path) in result and "not a Hekou database" in result
    assert path.read_bytes() == before


def test_newer_database_is_refused_in_chinese(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_app("zh_CN")
    path = tmp_path / "newer.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.close()
    before = path.read_bytes()
    result = open_session(path, "zh_CN", actor="t")
    assert isinstance(result, str)
    assert "更新版本" in result and str(path) in result
    assert path.read_bytes() == before


def test_new_profile_is_created_empty(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_app("en")
    session = open_session(tmp_path / "new.sqlite", "en", actor="t")
    assert not isinstance(session, str)
    qtbot.addWidget(session.window)
    assert session.window.model.rowCount() == 0
    session.close()
