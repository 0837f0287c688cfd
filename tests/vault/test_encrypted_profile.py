"""The profile database under SQLCipher: nothing readable on disk, search as before, a plain
profile migrated once and verified, its plain copy removed; files 0600, folders 0700."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from fieldapp import protection, reference_data
from fieldapp.store import database, encryption, errors, ledger_query, outfalls
from fieldapp.vault import keys

from .conftest import Answers

NAME = "如东县洋口镇北坎村东北侧900m城镇雨洪排口"


def key() -> keys.ProfileKey:
    return keys.ProfileKey(os.urandom(32))


def add_outfalls(path: Path, n: int = 3) -> list[str]:
    from tests.store.conftest import new_outfall

    ref = reference_data.load()
    conn = database.open_profile(path)
    try:
        made = [
            outfalls.create(conn, new_outfall(name=f"{NAME}{i}", county_code="320623"), ref, "张伟")
            for i in range(n)
        ]
    finally:
        conn.close()
    return [o.id for o in made]


def on_disk(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_an_unlocked_profile_is_encrypted_and_searchable(tmp_path: Path) -> None:
    path = tmp_path / "profile.sqlite"
    keys.register(path, key())
    ids = add_outfalls(path)
    assert path.read_bytes()[:16] != database.SQLITE_HEADER
    assert NAME.encode() not in on_disk(tmp_path) and "洋口镇".encode() not in on_disk(tmp_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    reader = database.open_reader(path)
    try:
        for term in ("洋", "洋口", "洋口镇北坎"):  # the 1-, 2- and 3+-character paths
            assert ledger_query.count(reader, ledger_query.LedgerQuery(text=term)) == len(ids)
    finally:
        reader.close()


def test_an_encrypted_profile_does_not_open_without_its_key(tmp_path: Path) -> None:
    path = tmp_path / "profile.sqlite"
    keys.register(path, key())
    add_outfalls(path, 1)
    keys.forget(path)
    with pytest.raises(errors.CorruptDatabase):  # no key file here: it just looks like noise
        database.open_profile(path)
    keys.register(path, key())  # a wrong key
    with pytest.raises(errors.CorruptDatabase):
        database.open_reader(path)


def test_a_protected_profile_without_its_key_is_locked_not_damaged(tmp_path: Path) -> None:
    path = tmp_path / "profile.sqlite"
    keys.unlock(path, Answers("金沙街道新华村口令"))
    add_outfalls(path, 1)
    keys.forget(path)
    before = path.read_bytes()
    for opener in (database.open_profile, database.open_reader):
        with pytest.raises(errors.ProfileLocked) as info:
            opener(path)
        assert str(path) in info.value.zh
    assert path.read_bytes() == before


def test_a_plain_profile_is_encrypted_once_verified_and_its_plain_copy_removed(
    tmp_path: Path,
) -> None:
    path = tmp_path / "profile.sqlite"
    ids = add_outfalls(path, 5)  # made before encryption existed
    assert NAME.encode() in on_disk(tmp_path)
    keys.register(path, key())
    conn = database.open_profile(path)
    try:
        assert sorted(r[0] for r in conn.execute("SELECT id FROM outfalls")) == sorted(ids)
        assert database.integrity_ok(conn)
        assert database.schema_version(conn) > 0
    finally:
        conn.close()
    assert path.read_bytes()[:16] != database.SQLITE_HEADER
    assert NAME.encode() not in on_disk(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile.sqlite"]


def test_an_encrypted_copy_that_does_not_verify_leaves_the_plain_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "profile.sqlite"
    add_outfalls(path, 2)
    before = path.read_bytes()
    counts = encryption._counts
    calls: list[int] = []

    def short_by_one(conn: object, schema: str = "main") -> dict[str, int]:
        found = counts(conn, schema)
        calls.append(1)
        if len(calls) == 2:  # the encrypted copy's count
            found["outfalls"] -= 1
        return found

    monkeypatch.setattr(encryption, "_counts", short_by_one)
    keys.register(path, key())
    with pytest.raises(errors.CorruptDatabase):
        database.open_profile(path)
    assert sqlite3.connect(path).execute("SELECT count(*) FROM outfalls").fetchone()[0] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile.sqlite"]
    assert len(before) > 0


def test_a_plain_copy_left_by_a_kill_is_wiped_at_the_next_open(tmp_path: Path) -> None:
    path = tmp_path / "profile.sqlite"
    keys.register(path, key())
    add_outfalls(path, 1)
    leftover = encryption.plain_copy(path)
    leftover.write_bytes(b"SQLite format 3\x00" + NAME.encode() * 10)
    database.open_profile(path).close()
    assert not leftover.exists()
    # killed before the swap: the "copy" is the plain profile itself, and stays the profile
    plain = tmp_path / "other.sqlite"
    add_outfalls(plain, 1)
    os.link(plain, encryption.plain_copy(plain))
    keys.register(plain, key())
    conn = database.open_profile(plain)
    assert conn.execute("SELECT count(*) FROM outfalls").fetchone()[0] == 1
    conn.close()
    assert not encryption.plain_copy(plain).exists()


def test_unlocking_a_plain_profile_seals_photos_and_wipes_the_plain_desk_cache(
    tmp_path: Path, no_os_keyring: None
) -> None:
    from fieldapp.media.blobstore import BlobStore, profile_store

    path = tmp_path / "profile.sqlite"
    add_outfalls(path, 1)
    photo = b"\xff\xd8\xff\xe0" + NAME.encode() * 50
    blob = BlobStore(tmp_path / "profile.sqlite.photos").put(photo)
    cached = tmp_path / "profile.sqlite.review-cache" / "ab" / ("ab" + "0" * 62)
    cached.parent.mkdir(parents=True)
    cached.write_bytes(photo + b"desk")
    protection.unlock_profile(path, Answers("金沙街道新华村口令"))
    database.open_profile(path).close()
    assert NAME.encode() not in on_disk(tmp_path)
    assert profile_store(path).get(blob.sha256) == photo
    photos = tmp_path / "profile.sqlite.photos"
    assert stat.S_IMODE(photos.stat().st_mode) == 0o700
    assert stat.S_IMODE(blob.path.stat().st_mode) == 0o400
    assert not cached.exists()
    protection.unlock_profile(path, None)  # again: nothing asked (already unlocked), nothing lost
    assert profile_store(path).get(blob.sha256) == photo
