"""Ingesting a photo: one call gives hash, facts, thumbnail and a durable stored original."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from fieldapp.media.blobstore import BlobStore
from fieldapp.media.errors import CorruptImage, FileUnreadable, NotAnImage
from fieldapp.media.ingest import ingest_bytes, ingest_photo


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
    assert "gone.jpg" in str(info.value) and info.value.message_zh


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
