"""The content-addressed store: bytes unchanged, stored once, durable writes, no path tricks."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
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
    store = BlobStore(tmp_path)
    first, second = same_shard(2)
    store.put(first)
    # file fsync, rename, the shard folder's fsync, and the root's (the new shard's entry)
    assert calls == ["fsync", "rename", "fsync", "fsync"]
    calls.clear()
    store.put(second)  # the shard is there and synced: one directory fsync
    assert calls == ["fsync", "rename", "fsync"]


def test_a_shard_another_put_made_is_synced_by_the_first_commit_into_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(os.fstat(fd).st_ino)
        real_fsync(fd)

    first, second = same_shard(2)
    store = BlobStore(tmp_path)
    maker = store.begin(first)  # makes the shard folder, not yet committed (maybe never)
    monkeypatch.setattr(os, "fsync", fsync)
    store.put(second)
    assert tmp_path.stat().st_ino in synced  # the root, holding the new shard's entry
    maker.abort()
    assert listing(tmp_path) == ["c3/", f"c3/{blobstore.sha256_hex(second)}"]


def test_a_failed_write_leaves_nothing_under_the_final_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    store = BlobStore(tmp_path)
    with pytest.raises(PhotoStoreError) as info:
        store.put(b"evidence")
    assert "disk is full" in str(info.value)
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


# -- a put given up leaves the store as it was ----------------------------------------------------


def listing(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix() + ("/" if p.is_dir() else "") for p in root.rglob("*")
    )


def same_shard(n: int, shard: str = "c3") -> list[bytes]:
    """``n`` different contents whose digests all start with ``shard``."""
    out: list[bytes] = []
    i = 0
    while len(out) < n:
        data = b"photo %d" % i
        if blobstore.sha256_hex(data).startswith(shard):
            out.append(data)
        i += 1
    return out


def test_an_aborted_put_removes_the_shard_folder_and_root_it_made(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "store")
    store.begin(b"refused").abort()
    assert not store.root.exists()
    store.root.mkdir()
    store.begin(b"refused").abort()
    assert listing(store.root) == []


def test_a_failed_write_leaves_no_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(fd: int, data: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", disk_full)
    with pytest.raises(PhotoStoreError):
        BlobStore(tmp_path).put(b"evidence")
    assert listing(tmp_path) == []


def test_a_folder_made_by_someone_else_is_never_removed(tmp_path: Path) -> None:
    data = b"refused"
    shard = tmp_path / blobstore.sha256_hex(data)[:2]
    shard.mkdir()  # e.g. a store whose 256 folders were made in advance
    store = BlobStore(tmp_path)
    store.begin(data).abort()
    blob = store.put(data)
    store.discard(blob.sha256)
    assert listing(tmp_path) == [shard.name + "/"]


def test_a_discarded_blob_already_there_before_is_kept(tmp_path: Path) -> None:
    store = BlobStore(tmp_path)
    kept = store.put(b"evidence")
    again = store.begin(b"evidence")
    again.abort()  # the second put found it and wrote nothing: nothing to undo
    assert store.get(kept.sha256) == b"evidence"


def test_a_put_makes_its_shard_folder_again_when_it_vanishes_under_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refused, kept = same_shard(2)
    store = BlobStore(tmp_path)
    first = store.begin(refused)  # makes the shard folder
    real_open = os.open
    removed: list[bool] = []

    def open_after_the_other_put_gave_up(path: str, flags: int, mode: int = 0o777) -> int:
        if not removed and blobstore._TEMP_PREFIX in str(path):
            first.abort()  # the folder's maker is refused: the folder is empty and goes
            removed.append(not Path(path).parent.exists())
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", open_after_the_other_put_gave_up)
    blob = store.put(kept)
    assert removed == [True]
    assert store.get(blob.sha256) == kept
    assert listing(tmp_path) == [f"{blob.sha256[:2]}/", f"{blob.sha256[:2]}/{blob.sha256}"]


Step = tuple[int, str]  # (which put, what it does)


@st.composite
def interleavings(draw: st.DrawFn) -> list[Step]:
    """Three puts into one shard, each ``begin`` then ``commit`` or ``abort``, and a committed one
    perhaps ``discard``-ed (refused after the store); steps of different puts interleaved."""
    plans = []
    for put in range(3):
        ending = draw(st.sampled_from([["commit"], ["abort"], ["commit", "discard"]]))
        plans.append([(put, step) for step in ["begin", *ending]])
    order: list[Step] = []
    while any(plans):
        plan = draw(st.sampled_from([p for p in plans if p]))
        order.append(plan.pop(0))
    return order


@settings(max_examples=200, deadline=None)
@given(steps=interleavings(), made_before=st.booleans())
def test_interleaved_puts_keep_exactly_the_kept_photos(
    steps: list[Step], made_before: bool
) -> None:
    import tempfile

    contents = same_shard(3)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "store"
        if made_before:
            (root / "c3").mkdir(parents=True)
        before = listing(root) if root.exists() else None
        store = BlobStore(root)
        pending: dict[int, blobstore.PendingBlob] = {}
        kept: set[int] = set()
        for put, step in steps:
            if step == "begin":
                pending[put] = store.begin(contents[put])
            elif step == "commit":
                pending[put].commit()
                kept.add(put)
            elif step == "abort":
                pending[put].abort()
            else:
                store.discard(pending[put].blob.sha256)
                kept.discard(put)
        for put in kept:
            assert store.get(blobstore.sha256_hex(contents[put])) == contents[put]
        if kept:
            digests = sorted(blobstore.sha256_hex(contents[p]) for p in kept)
            assert listing(root) == ["c3/", *(f"c3/{d}" for d in digests)]
        else:
            assert (listing(root) if root.exists() else None) == before
