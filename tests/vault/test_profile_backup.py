"""A whole profile to a USB drive and back: encrypted when the profile is, verified both ways,
restorable on another laptop with a passphrase; bad destinations and damaged backups refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp import profile_backup, protection
from fieldapp.media.blobstore import profile_store
from fieldapp.store import database
from fieldapp.vault import keys

from .conftest import Answers
from .test_encrypted_profile import NAME, add_outfalls, on_disk

PHRASE = "river chief 2026"
SHARED = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "photos"


def make_profile(tmp_path: Path, prompt: keys.Prompt | None) -> tuple[Path, list[str]]:
    """An unlocked profile with outfalls and two real photos in its evidence store."""
    path = tmp_path / "laptop" / "profile.sqlite"
    protection.prepare_folder(path)
    if prompt is not None:
        protection.unlock_profile(path, prompt)
    add_outfalls(path)
    store = profile_store(path)
    shas = [store.put((SHARED / n).read_bytes()).sha256 for n in ("DSCN0010.jpg", "Canon_40D.jpg")]
    return path, shas


def names(path: Path) -> list[str]:
    reader = database.open_reader(path)
    try:
        return sorted(r[0] for r in reader.execute("SELECT name FROM outfalls"))
    finally:
        reader.close()


def new_laptop() -> None:
    """What the process knew of unlocked keys is gone, as on another machine."""
    with keys._lock:
        keys._unlocked.clear()


def test_a_passphrase_profile_travels_encrypted_and_comes_back_whole(tmp_path, no_os_keyring):
    path, shas = make_profile(tmp_path, Answers(PHRASE))
    before = names(path)
    dest = tmp_path / "usb" / "hekou-backup"
    summary = profile_backup.backup(path, dest)
    assert summary.encrypted and summary.photos == 2
    assert (dest / "profile.sqlite").read_bytes()[:16] != database.SQLITE_HEADER
    assert NAME.encode() not in on_disk(dest)  # nothing readable on the USB drive
    for sha in shas:  # photos travel sealed: their bytes are not the originals
        original = next(p for p in (dest / "profile.sqlite.photos").rglob(sha))
        assert b"Exif" not in original.read_bytes()[:4096]
    new_laptop()
    restored = tmp_path / "new-laptop" / "profile.sqlite"
    again = profile_backup.restore(dest, restored, Answers(PHRASE), progress=lambda _m: None)
    assert again.problems == [] and again.photos == 2
    assert names(restored) == before
    store = profile_store(restored)
    assert store.get(shas[0]) == (SHARED / "DSCN0010.jpg").read_bytes()


def test_a_key_store_profile_needs_a_passphrase_for_its_backup(tmp_path, os_keyring):
    path, shas = make_profile(tmp_path, Answers())  # the key went into the OS key store
    assert keys.KeyFile.load(keys.key_file(path)).keyring
    with pytest.raises(profile_backup.BackupProblem, match="cannot travel"):
        profile_backup.backup(path, tmp_path / "b1")
    assert not (tmp_path / "b1").exists() and not (tmp_path / "b1.partial").exists()
    profile_backup.backup(path, tmp_path / "b2", backup_passphrase=PHRASE)
    carried = json.loads((tmp_path / "b2" / "profile.sqlite.key").read_text())
    assert carried["keyring"] is False and "passphrase" in carried
    os_keyring.items.clear()  # another laptop: its key store does not know this key
    new_laptop()
    restored = tmp_path / "other" / "profile.sqlite"
    with pytest.raises(keys.WrongPassphrase):
        profile_backup.restore(tmp_path / "b2", restored, Answers("wrong one", "wrong two", "no"))
    assert not restored.exists() and not keys.key_file(restored).exists()  # nothing left
    profile_backup.restore(tmp_path / "b2", restored, Answers(PHRASE), progress=lambda _m: None)
    assert profile_store(restored).problem(shas[1]) is None


def test_a_plain_profile_backs_up_plain(tmp_path):
    path, _ = make_profile(tmp_path, None)
    summary = profile_backup.backup(path, tmp_path / "b")
    assert not summary.encrypted
    restored = tmp_path / "r" / "profile.sqlite"
    profile_backup.restore(tmp_path / "b", restored, None, progress=lambda _m: None)
    assert names(restored) == names(path)


def test_damaged_backups_and_taken_places_are_refused(tmp_path, no_os_keyring):
    path, shas = make_profile(tmp_path, Answers(PHRASE))
    dest = tmp_path / "b"
    profile_backup.backup(path, dest)
    with pytest.raises(profile_backup.BackupProblem, match="already exists"):
        profile_backup.backup(path, dest)
    photo = next(p for p in (dest / "profile.sqlite.photos").rglob(shas[0]))
    os.chmod(photo, 0o600)
    data = bytearray(photo.read_bytes())
    data[-5] ^= 0xFF
    photo.write_bytes(bytes(data))
    new_laptop()
    target = tmp_path / "r" / "profile.sqlite"
    with pytest.raises(profile_backup.BackupProblem, match="differs from the manifest"):
        profile_backup.restore(dest, target, Answers(PHRASE))
    assert not target.exists()
    (dest / "manifest.json").unlink()
    with pytest.raises(profile_backup.BackupProblem, match="missing"):
        profile_backup.restore(dest, target, Answers(PHRASE))
    good = tmp_path / "good"
    protection.unlock_profile(path, Answers(PHRASE))
    profile_backup.backup(path, good)
    with pytest.raises(profile_backup.BackupProblem, match="never replaces"):
        profile_backup.restore(good, path, Answers(PHRASE))  # the profile in use is kept


@pytest.mark.parametrize(("options", "why"), [("ro,size=8m", "read-only"), ("size=128k", "space")])
def test_a_full_or_read_only_usb_drive_is_said_and_left_clean(
    tmp_path, no_os_keyring, options, why
):
    path, _ = make_profile(tmp_path, Answers(PHRASE))
    usb = tmp_path / "usb"
    usb.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(usb)],
                             capture_output=True)  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip("this machine cannot mount a tmpfs (needs root)")
    try:
        with pytest.raises(profile_backup.BackupProblem) as caught:
            profile_backup.backup(path, usb / "hekou")
        assert why in caught.value.message("en") and caught.value.message("zh_CN")
        assert list(usb.iterdir()) == []
    finally:
        subprocess.run(["umount", str(usb)], check=True)
    assert names(path)  # the profile itself is untouched


def test_the_command_line_backs_up_and_restores(tmp_path, no_os_keyring):
    path, _ = make_profile(tmp_path, Answers(PHRASE))
    env = dict(
        os.environ, HEKOU_PASSPHRASE=PHRASE, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring"
    )

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "fieldapp", "profile", *args], env=env,
                              capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)  # fmt: skip

    made = cli("backup", "--db", str(path), str(tmp_path / "usb-b"))
    assert made.returncode == 0, made.stderr
    assert "verified" in made.stdout
    back = cli("restore", str(tmp_path / "usb-b"), "--db", str(tmp_path / "n" / "p.sqlite"))
    assert back.returncode == 0, back.stderr
    assert "2 photos verified" in back.stdout
    again = cli("restore", str(tmp_path / "usb-b"), "--db", str(tmp_path / "n" / "p.sqlite"))
    assert again.returncode == 2 and "never replaces" in again.stderr
