"""The photo store sealed with the profile's photo key: the name stays the SHA-256 of the
original, nothing of the original is on disk, what comes back is the original, checked."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from fieldapp.media.blobstore import BlobStore, sha256_hex
from fieldapp.media.errors import PhotoStoreError
from fieldapp.media.ingest import ingest_photo
from fieldapp.vault import sealing

PHOTOS = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "photos"
KEY = bytes(range(32))


def test_an_ingested_photo_is_sealed_under_the_hash_of_its_original(tmp_path: Path) -> None:
    source = PHOTOS / "DSCN0010.jpg"
    original = source.read_bytes()
    store = BlobStore(tmp_path / "store", KEY)
    photo = ingest_photo(source, store)
    assert photo.sha256 == sha256_hex(original) and photo.stored.path.name == photo.sha256
    on_disk = photo.stored.path.read_bytes()
    assert sealing.is_sealed(on_disk) and original[1000:1100] not in on_disk
    assert store.get(photo.sha256) == original
    assert store.size_of(photo.sha256) == len(original)
    assert stat.S_IMODE(photo.stored.path.stat().st_mode) == 0o400
    assert stat.S_IMODE(photo.stored.path.parent.stat().st_mode) == 0o700
    assert photo.thumbnail.width > 0
    assert BlobStore(tmp_path / "store", bytes(32)).problem(photo.sha256) == "damaged"


def test_a_sealed_file_under_another_photos_name_is_damaged(tmp_path: Path) -> None:
    store = BlobStore(tmp_path, KEY)
    a, b = store.put(b"\xff\xd8first"), store.put(b"\xff\xd8second")
    os.chmod(b.path, 0o600)
    b.path.write_bytes(a.path.read_bytes())
    assert store.problem(b.sha256) == "damaged" and store.problem(a.sha256) is None
    with pytest.raises(PhotoStoreError):
        store.get(b.sha256)


def test_adding_a_damaged_photo_again_from_its_source_repairs_it(tmp_path: Path) -> None:
    source = PHOTOS / "DSCN0010.jpg"
    store = BlobStore(tmp_path / "store", KEY)
    first = ingest_photo(source, store)
    os.chmod(first.stored.path, 0o600)
    first.stored.path.write_bytes(b"\x00" * first.stored.path.stat().st_size)
    assert store.problem(first.sha256) == "damaged"
    again = ingest_photo(source, store)
    assert again.sha256 == first.sha256 and not again.already_stored
    assert store.problem(first.sha256) is None


def test_plain_photos_of_an_older_store_are_sealed_once(tmp_path: Path) -> None:
    plain = BlobStore(tmp_path)
    blobs = [plain.put(b"\xff\xd8" + bytes([n]) * 5000) for n in range(3)]
    sealed = BlobStore(tmp_path, KEY)
    assert [sealed.get(b.sha256) for b in blobs] == [
        b"\xff\xd8" + bytes([n]) * 5000 for n in range(3)
    ]
    assert sealed.seal_plain_files() == 3
    assert sealed.seal_plain_files() == 0
    for b in blobs:
        assert sealing.is_sealed(b.path.read_bytes())
        assert sealed.get(b.sha256) == plain_bytes(b.sha256, blobs)
    assert not list(tmp_path.rglob(".wipe-*"))


def plain_bytes(sha: str, blobs: list) -> bytes:  # type: ignore[type-arg]
    n = [b.sha256 for b in blobs].index(sha)
    return b"\xff\xd8" + bytes([n]) * 5000


def test_a_plain_copy_left_by_a_killed_sealing_is_wiped_by_the_sweep(tmp_path: Path) -> None:
    store = BlobStore(tmp_path, KEY)
    shard = tmp_path / "ab"
    shard.mkdir()
    (shard / (".wipe-" + "ab" * 32)).write_bytes(b"\xff\xd8plain evidence")
    assert store.sweep_temporaries() == 1
    assert not any(shard.iterdir())
