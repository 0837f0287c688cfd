"""The content-addressed store: bytes unchanged, stored once, durable writes, no path tricks."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.media import blobstore
from fieldapp.media.blobstore import BlobStore
from fieldapp.media.errors import PhotoStoreError


def test_put_stores_the_bytes_unchanged_once(tmp_path: Path) -> None:
    store = BlobStore(tmp_path)
    data = b"\xff\xd8 pretend photo \x00\xff"
    first = store.put(data)
    second = store.put(data)
    assert first.sha256 == hashlib.sha256(data).hexdigest()
    assert first.written and not second.written
    assert first.path == second.path == tmp_path / first.sha256[:2] / first.sha256
    assert first.path.read_bytes() == data
    assert store.get(first.sha256) == data
    assert not (first.path.stat().st_mode & stat.S_IWUSR)  # read-only once stored
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [first.sha256]


def test_the_write_is_fsynced_and_renamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        calls.append("fsync")
        real_fsync(fd)

    def replace(src: str, dst: str) -> None:
        calls.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    BlobStore(tmp_path).put(b"evidence")
    # file fsync, rename, directory fsync, and the new shard directory's parent
    assert calls == ["fsync", "rename", "fsync", "fsync"]


def test_a_failed_write_leaves_nothing_under_the_final_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    store = BlobStore(tmp_path)
    with pytest.raises(PhotoStoreError) as info:
        store.put(b"evidence")
    assert "No space left" in str(info.value)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_leftover_temporaries_are_swept(tmp_path: Path) -> None:
    store = BlobStore(tmp_path)
    shard = tmp_path / "ab"
    shard.mkdir()
    (shard / ".incoming-abc.123.0").write_bytes(b"half")
    assert store.sweep_temporaries() == 1
    assert not any(shard.iterdir())


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "/etc/passwd", "AB" * 32, "g" * 64, "a" * 63, "a" * 65, "", "..", "a/b"],
)
def test_no_path_tricks(tmp_path: Path, name: str) -> None:
    store = BlobStore(tmp_path)
    with pytest.raises(ValueError):
        store.path_for(name)
    with pytest.raises(ValueError):
        store.get(name)


def test_damage_in_the_store_is_detected(tmp_path: Path) -> None:
    store = BlobStore(tmp_path)
    blob = store.put(b"original")
    os.chmod(blob.path, 0o644)
    blob.path.write_bytes(b"tampered")
    with pytest.raises(PhotoStoreError):
        store.get(blob.sha256)


@given(st.binary(max_size=2048))
def test_round_trip(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as root:
        store = BlobStore(root)
        blob = store.put(data)
        assert blob.sha256 == blobstore.sha256_hex(data)
        assert store.get(blob.sha256) == data
        assert store.contains(blob.sha256)
