"""Ingesting a photo: one call gives hash, facts, thumbnail and a durable stored original."""

from __future__ import annotations

import hashlib
import io
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.media.blobstore import BlobStore, sha256_hex
from fieldapp.media.errors import (
    CorruptImage,
    FileUnreadable,
    ImageTooLarge,
    NotAnImage,
    PhotoError,
)
from fieldapp.media.ingest import ingest_bytes, ingest_photo

from .conftest import PHOTOS

KEPT_PHOTO = (PHOTOS / "DSCN0010.jpg").read_bytes()


def test_ingest_the_phone_photo(tmp_path: Path, photos: Path) -> None:
    store = BlobStore(tmp_path / "store")
    source = photos / "HMD_Nokia_8.3_5G.jpg"
    photo = ingest_photo(source, store)
    assert (photo.width, photo.height, photo.format) == (4608, 1976, "JPEG")
    assert photo.size_bytes == source.stat().st_size
    assert photo.stored.path.read_bytes() == source.read_bytes()  # the original, unchanged
    assert photo.facts.gps is not None and photo.facts.taken_at is not None
    assert (photo.thumbnail.width, photo.thumbnail.height) == (256, 110)
    assert photo.source_name == "HMD_Nokia_8.3_5G.jpg" and not photo.already_stored


def test_the_same_photo_twice_is_stored_once(tmp_path: Path, photos: Path) -> None:
    store = BlobStore(tmp_path)
    first = ingest_photo(photos / "DSCN0021.jpg", store)
    second = ingest_photo(str(photos / "DSCN0021.jpg"), store)
    assert second.already_stored and first.sha256 == second.sha256
    assert len([p for p in tmp_path.rglob("*") if p.is_file()]) == 1


def test_orientation_applied_to_the_thumbnail(tmp_path: Path, photos: Path) -> None:
    photo = ingest_photo(photos / "portrait_6.jpg", BlobStore(tmp_path))
    assert (photo.width, photo.height) == (600, 450)  # as stored
    assert photo.thumbnail.height > photo.thumbnail.width  # as shown
    assert photo.facts.orientation == 6


@pytest.mark.parametrize("name", ["corrupted.jpg"])
def test_a_damaged_photo_is_refused_and_not_stored(tmp_path: Path, photos: Path, name: str) -> None:
    with pytest.raises(CorruptImage):
        ingest_photo(photos / name, BlobStore(tmp_path))
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_a_text_file_is_refused_and_not_stored(tmp_path: Path) -> None:
    (tmp_path / "notes.jpg").write_text("not a photo")
    store_root = tmp_path / "store"
    with pytest.raises(NotAnImage):
        ingest_photo(tmp_path / "notes.jpg", BlobStore(store_root))
    assert not store_root.exists() or [p for p in store_root.rglob("*") if p.is_file()] == []


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileUnreadable) as info:
        ingest_photo(tmp_path / "gone.jpg", BlobStore(tmp_path))
    assert "gone.jpg" in str(info.value) and info.value.zh


def test_ingest_heic_keeps_its_exif(tmp_path: Path) -> None:
    import piexif
    from PIL import Image

    from fieldapp.media.decode import pil

    pil()
    exif = piexif.dump(
        {
            "0th": {piexif.ImageIFD.Make: b"PhoneMaker"},
            "Exif": {piexif.ExifIFD.DateTimeOriginal: b"2026:05:01 10:20:30"},
            "GPS": {
                piexif.GPSIFD.GPSLatitudeRef: b"N",
                piexif.GPSIFD.GPSLatitude: ((32, 1), (1, 1), (30, 1)),
                piexif.GPSIFD.GPSLongitudeRef: b"E",
                piexif.GPSIFD.GPSLongitude: ((120, 1), (52, 1), (0, 1)),
            },
        }
    )
    out = io.BytesIO()
    Image.new("RGB", (400, 300), (0, 90, 160)).save(out, "HEIF", exif=exif)
    photo = ingest_bytes(out.getvalue(), BlobStore(tmp_path), name="IMG_0001.HEIC")
    assert photo.format == "HEIF" and (photo.width, photo.height) == (400, 300)
    assert photo.facts.make == "PhoneMaker"
    assert photo.facts.gps is not None and photo.facts.gps.lat == pytest.approx(32.025)
    assert photo.stored.path.read_bytes() == out.getvalue()


# -- refused photos leave the store exactly as it was -------------------------------------------


def jpeg_claiming(width: int, height: int, tail: bytes = b"") -> bytes:
    """A small, structurally whole JPEG whose frame header claims ``width`` × ``height`` pixels:
    a decompression bomb (a few hundred bytes that would decode to gigabytes)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (16, 16), (90, 120, 60)).save(out, "JPEG")
    data = bytearray(out.getvalue())
    pos = 2
    while data[pos + 1] not in (0xC0, 0xC1, 0xC2):  # walk the segments to the frame header
        pos += 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
    data[pos + 5 : pos + 7] = height.to_bytes(2, "big")
    data[pos + 7 : pos + 9] = width.to_bytes(2, "big")
    return bytes(data) + tail  # bytes after the end-of-image marker: ignored by decoders


def in_shard(data: bytes, shard: str) -> bytes:
    """``data`` plus a few ignored bytes after its end, chosen so its digest starts ``shard``."""
    n = 0
    while not hashlib.sha256(variant := data + b"v%d" % n).hexdigest().startswith(shard):
        n += 1
    return variant


def listing(root: Path) -> list[tuple[str, bool]] | None:
    """Every entry under ``root`` (relative name, is a folder), or None if there is no root."""
    if not root.exists():
        return None
    return sorted((p.relative_to(root).as_posix(), p.is_dir()) for p in root.rglob("*"))


def test_a_decompression_bomb_leaves_no_shard_folder(tmp_path: Path, photos: Path) -> None:
    store = BlobStore(tmp_path / "store")
    kept = ingest_photo(photos / "DSCN0010.jpg", store)
    before = listing(store.root)
    bomb = jpeg_claiming(60000, 60000)
    assert hashlib.sha256(bomb).hexdigest()[:2] != kept.sha256[:2]
    with pytest.raises(ImageTooLarge):
        ingest_bytes(bomb, store, name="bomb.jpg")
    assert listing(store.root) == before


def test_a_refused_file_into_a_new_store_leaves_no_store_folder(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "profile.photos")
    with pytest.raises(ImageTooLarge):
        ingest_bytes(jpeg_claiming(30000, 30000), store, name="bomb.jpg")
    with pytest.raises(NotAnImage):
        ingest_bytes(b"%PDF-1.7 not a photo", store, name="scan.jpg")
    assert not store.root.exists()


REFUSED_FILES = ("corrupted.jpg",)


def refused_inputs(photos: Path) -> st.SearchStrategy[tuple[bytes, type[PhotoError]]]:
    """Files a photo ingest must refuse, each with the error it must give."""
    phone = (photos / "HMD_Nokia_8.3_5G.jpg").read_bytes()
    side = st.integers(11_000, 65_535)  # any two of these make more than 120 megapixels
    bombs = st.builds(
        lambda w, h, t: (jpeg_claiming(w, h, t), ImageTooLarge), side, side, st.binary(max_size=8)
    )
    # cut inside its headers Pillow calls it no image at all, later it is damaged: both refused
    truncated = st.integers(4, len(phone) - 3).map(lambda n: (phone[:n], PhotoError))
    not_images = st.binary(min_size=1, max_size=512).filter(
        lambda b: b[:2] != b"\xff\xd8" and b[4:8] != b"ftyp"
    )
    files = st.sampled_from(REFUSED_FILES).map(lambda n: ((photos / n).read_bytes(), CorruptImage))
    return st.one_of(bombs, truncated, not_images.map(lambda b: (b, NotAnImage)), files)


REFUSED = refused_inputs(PHOTOS)


@settings(max_examples=60, deadline=None)
@given(data=st.data(), existing=st.sampled_from(["none", "empty", "used"]))
def test_any_refused_file_leaves_the_store_as_it_was(data: st.DataObject, existing: str) -> None:
    refused, error = data.draw(REFUSED)
    with tempfile.TemporaryDirectory() as tmp:
        store = BlobStore(Path(tmp) / "store")
        if existing != "none":
            store.root.mkdir()
        if existing == "used":  # a photo already in the shard the refused file would go to
            ingest_bytes(in_shard(KEPT_PHOTO, sha256_hex(refused)[:2]), store)
        before = listing(store.root)
        with pytest.raises(error):
            ingest_bytes(refused, store, name="refused.jpg")
        assert listing(store.root) == before


def test_concurrent_ingests_into_one_shard_with_one_refused_all_keep_their_files(
    tmp_path: Path,
) -> None:
    shard = "5e"
    bomb = in_shard(jpeg_claiming(40000, 40000), shard)
    good = [in_shard(KEPT_PHOTO + b"photo %d" % i, shard) for i in range(5)]
    for round_ in range(12):  # each round a fresh store: the shard folder is new every time
        store = BlobStore(tmp_path / f"store{round_}")
        start = threading.Barrier(len(good) + 1)

        def ingest(data: bytes, start: threading.Barrier = start, store: BlobStore = store) -> str:
            start.wait()
            try:
                return ingest_bytes(data, store, name="x.jpg").sha256
            except ImageTooLarge:
                return "refused"

        with ThreadPoolExecutor(len(good) + 1) as pool:
            results = list(pool.map(ingest, [*good[:2], bomb, *good[2:]]))
        digests = sorted(sha256_hex(g) for g in good)
        assert sorted(r for r in results if r != "refused") == digests
        assert results.count("refused") == 1
        assert listing(store.root) == [(shard, True)] + [(f"{shard}/{d}", False) for d in digests]
        for g in good:
            assert store.get(sha256_hex(g)) == g
