"""Findings of the kill runs on the photo store (issue 13): temporaries of killed ingests are swept
when a profile's store is opened; store errors are in one language and name the photo."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.media.blobstore import BlobStore, sha256_hex
from fieldapp.media.errors import PhotoStoreError
from fieldapp.media.ingest import ingest_photo

PHOTOS = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "photos"

_CHILD = """
import sys, time
from fieldapp.media.blobstore import BlobStore
store = BlobStore(sys.argv[1])
pending = store.begin(open(sys.argv[2], 'rb').read())
print('ready', flush=True)
time.sleep(60)
"""


def test_temporaries_of_a_killed_ingest_are_swept_when_the_profile_store_opens(
    tmp_path: Path,
) -> None:
    from sync.client.engine import profile_photos

    profile = tmp_path / "profile.sqlite"
    root = profile.with_name(profile.name + ".photos")
    with subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(root), str(PHOTOS / "DSCN0010.jpg")],
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert [p.name for p in root.rglob(".incoming-*")]  # the killed ingest's temporary
    profile_photos(profile)
    assert not list(root.rglob(".incoming-*"))


def test_a_temporary_of_a_live_put_is_not_swept(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "store")
    pending = store.begin(b"being written")
    assert store.sweep_temporaries() == 0  # ours, this process is alive
    assert pending.commit().path.read_bytes() == b"being written"


def _english_words(text: str, allowed: str) -> list[str]:
    return re.findall(r"[A-Za-z]{3,}", text.replace(allowed, ""))


def test_a_store_error_is_chinese_in_chinese_and_names_the_photo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(PhotoStoreError) as info:
        ingest_photo(PHOTOS / "DSCN0010.jpg", BlobStore(tmp_path / "store"))
    error = info.value
    assert "DSCN0010.jpg" in error.zh and "DSCN0010.jpg" in error.en
    assert _english_words(error.zh, "DSCN0010.jpg") == []
    assert "磁盘" in error.zh and "disk" in error.en.lower()


def test_a_damaged_stored_photo_is_named_in_one_language(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "store")
    data = (PHOTOS / "DSCN0010.jpg").read_bytes()
    blob = store.put(data)
    os.chmod(blob.path, 0o600)
    blob.path.write_bytes(data[:-10] + b"0123456789")
    with pytest.raises(PhotoStoreError) as info:
        store.get(blob.sha256, name="DSCN0010.jpg")
    error = info.value
    assert "DSCN0010.jpg" in error.zh and "DSCN0010.jpg" in error.en
    assert _english_words(error.zh, "DSCN0010.jpg") == []
    assert "损坏" in error.zh and "damaged" in error.en
    with pytest.raises(PhotoStoreError) as info:
        store.get(sha256_hex(b"never stored"))
    assert sha256_hex(b"never stored")[:12] in info.value.zh  # no name known: the short hash
    assert _english_words(info.value.zh, "") == []
