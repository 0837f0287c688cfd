"""The first start after encryption at rest came: a plain profile with a large ledger and its
photos is encrypted once, on a worker thread, with its progress on screen; a failure half-way
says what went wrong and loses nothing (issue 13)."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from fieldapp import protection
from fieldapp.demo.cli import write_demo
from fieldapp.media.blobstore import BlobStore, profile_store
from fieldapp.store import database
from fieldapp.ui import app
from fieldapp.ui.unlock import encrypting
from fieldapp.vault import keys
from tests.keyrings import memory_keyring

PHOTO = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "photos" / "DSCN0010.jpg"


@pytest.fixture(autouse=True)
def key_store() -> Iterator[None]:
    with memory_keyring():
        yield
    with keys._lock:
        keys._unlocked.clear()


def plain_profile(folder: Path, outfalls: int, photos: int) -> tuple[Path, list[str]]:
    """A profile as a version before encryption left it: plain database, plain photos."""
    path = folder / "profile.sqlite"
    write_demo(str(path), outfalls)
    store = BlobStore(folder / "profile.sqlite.photos")
    original = PHOTO.read_bytes()
    hashes = [store.put(original + i.to_bytes(4, "big")).sha256 for i in range(photos)]
    return path, hashes


def test_a_plain_profile_is_encrypted_with_its_progress_on_screen(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, hashes = plain_profile(tmp_path, 3000, 40)
    monkeypatch.setattr(encrypting, "SHOW_AFTER_S", 0.0)  # show it however fast this machine is
    shown: list[tuple[str, str, int, int]] = []
    show_step = encrypting.EncryptingDialog.show_step

    def record(self: encrypting.EncryptingDialog, step: protection.Step) -> None:
        show_step(self, step)
        shown.append((step.part, self.what.text(), self.bar.value(), self.bar.maximum()))

    monkeypatch.setattr(encrypting.EncryptingDialog, "show_step", record)
    ticks: list[int] = []
    beat = QTimer()
    beat.timeout.connect(lambda: ticks.append(1))
    beat.start(10)
    protection.unlock_key(path, None)
    assert protection.needs_encrypting(path)

    steps_seen = encrypting.encrypt_with_progress(path)
    beat.stop()

    assert steps_seen > 0
    assert ticks, "the event loop stood still while the profile was encrypted"
    parts = [part for part, *_ in shown[1:]]  # the first is the dialog's own opening state
    order = {"database": 0, "checking": 1, "photos": 2}
    assert parts == sorted(parts, key=order.__getitem__)  # never back to an earlier part
    for part, text, value, maximum in shown[1:]:
        assert text
        if part == "photos":
            assert "40" in text and 0 <= value <= maximum == 1000
    assert path.read_bytes()[:16] != database.SQLITE_HEADER
    assert not protection.needs_encrypting(path)
    store = profile_store(path)
    assert all(store.get(h)[:2] == b"\xff\xd8" for h in hashes)  # sealed on disk, same photos
    assert all((store.root / h[:2] / h).read_bytes()[:2] != b"\xff\xd8" for h in hashes)
    conn = database.open_profile(path)
    assert conn.execute("SELECT count(*) FROM outfalls").fetchone()[0] == 3000
    conn.close()


def test_the_steps_go_forward_and_finish(tmp_path: Path) -> None:
    path, _hashes = plain_profile(tmp_path, 500, 12)
    protection.unlock_key(path, None)
    steps: list[protection.Step] = []
    protection.encrypt_what_is_plain(path, steps.append)
    database_steps = [s for s in steps if s.part == "database"]
    assert all(0 <= s.done <= s.total for s in steps if s.total)
    assert [s.done for s in database_steps] == sorted(s.done for s in database_steps)
    assert any(s.part == "checking" for s in steps)
    photo_steps = [(s.done, s.total) for s in steps if s.part == "photos"]
    assert photo_steps == [(i, 12) for i in range(13)]
    again: list[protection.Step] = []
    protection.encrypt_what_is_plain(path, again.append)  # once: nothing left to do
    assert again == []


def test_work_done_within_the_delay_shows_no_window(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = plain_profile(tmp_path, 5, 0)
    protection.unlock_key(path, None)
    monkeypatch.setattr(encrypting, "SHOW_AFTER_S", 600.0)
    opened: list[object] = []
    monkeypatch.setattr(encrypting.EncryptingDialog, "show", lambda self: opened.append(self))
    assert encrypting.encrypt_with_progress(path) == 0
    assert opened == []
    assert path.read_bytes()[:16] != database.SQLITE_HEADER


def test_a_full_disk_half_way_says_so_and_loses_nothing(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, hashes = plain_profile(tmp_path, 200, 3)

    def full(self: BlobStore, progress: Any = None) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(BlobStore, "seal_plain_files", full)
    message = app.unlock(path, "zh_CN", create_folder=False)
    assert message is not None and "磁盘" in message and str(path) in message
    assert message == message.strip() and "Traceback" not in message
    # The database was encrypted and checked before the photos; the photos are still whole.
    store = profile_store(path)
    assert all(store.get(h)[:2] == b"\xff\xd8" for h in hashes)
    monkeypatch.undo()
    assert app.unlock(path, "en", create_folder=False) is None  # the next start finishes it
    assert not protection.needs_encrypting(path)
    conn = database.open_profile(path)
    assert conn.execute("SELECT count(*) FROM outfalls").fetchone()[0] == 200
    conn.close()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_window_reads_in_both_languages(qtbot: Any, lang: str, tmp_path: Path) -> None:
    app.make_app(lang)
    dialog = encrypting.EncryptingDialog()
    qtbot.addWidget(dialog)
    dialog.show_step(protection.Step("photos", 120, 500))
    dialog.show()
    text = dialog.what.text()
    assert "120" in text and "500" in text
    if lang == "zh_CN":
        assert "照片" in text and "加密" in dialog.windowTitle()
    dialog.grab().save(str(tmp_path / f"encrypting-{lang}.png"))
    if os.environ.get("HEKOU_RENDER_DIR"):
        dialog.grab().save(os.path.join(os.environ["HEKOU_RENDER_DIR"], f"encrypting-{lang}.png"))
