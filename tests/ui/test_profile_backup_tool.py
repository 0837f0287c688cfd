"""The settings' "Back up this profile…": a folder chosen, a passphrase asked for when the key
cannot travel, the backup made off the GUI thread and checked, the outcome said in the user's
language."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import keyring

from fieldapp import protection
from fieldapp.media.blobstore import profile_store
from fieldapp.ui.profile_backup_tool import ProfileBackupTool
from fieldapp.vault import keys
from tests.keyrings import MemoryKeyring

PHOTO = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "photos" / "DSCN0010.jpg"


def test_a_key_store_profile_is_backed_up_with_a_passphrase_asked_for(
    qtbot: Any, tmp_path: Path
) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        profile = tmp_path / "laptop" / "profile.sqlite"
        protection.prepare_folder(profile)
        protection.unlock_profile(profile, lambda _ask: None)  # the key goes to the key store
        from fieldapp.store import database

        database.open_profile(profile).close()
        profile_store(profile).put(PHOTO.read_bytes())
        usb = tmp_path / "usb"
        usb.mkdir()
        asked: list[str] = []

        def passphrase(_parent: Any, text: str) -> str:
            asked.append(text)
            return "a backup passphrase"

        from PySide6.QtWidgets import QWidget

        window = QWidget()
        qtbot.addWidget(window)
        tool = ProfileBackupTool(profile, "en", window, lambda _p, _t: str(usb), passphrase)
        with qtbot.waitSignal(tool.finished, timeout=30_000) as said:
            tool.start()
        assert asked and "cannot travel" in asked[0]
        (made,) = list(usb.iterdir())
        assert (made / "manifest.json").is_file() and not made.name.endswith(".partial")
        assert "backed up" in said.args[0] and "1 photos" in said.args[0]
        carried = keys.KeyFile.load(made / "profile.sqlite.key")
        assert not carried.keyring and carried.passphrase is not None
        assert tool.message_box.isVisible() and said.args[0] in tool.message_box.text()
        tool.message_box.close()
    finally:
        keyring.set_keyring(before)
        with keys._lock:
            keys._unlocked.clear()


def test_a_place_that_cannot_be_written_is_said_and_nothing_is_left(
    qtbot: Any, tmp_path: Path
) -> None:
    profile = tmp_path / "laptop" / "profile.sqlite"
    protection.prepare_folder(profile)
    from fieldapp.store import database

    database.open_profile(profile).close()  # a plain profile: no passphrase to ask
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x")
    missing = blocker / "deeper"
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    tool = ProfileBackupTool(profile, "en", window, lambda _p, _t: str(missing))
    with qtbot.waitSignal(tool.finished, timeout=30_000) as said:
        tool.start()
    assert "Cannot write" in said.args[0] and blocker.read_text() == "x"
    tool.message_box.close()
