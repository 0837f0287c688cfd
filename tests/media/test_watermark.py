"""Watermarks go on a copy; the original bytes never change and the copy keeps its GPS tags."""

from __future__ import annotations

import hashlib
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.domain.inspection import PositionRecord
from fieldapp.domain.photo_checks import CoordinateSource, PhotoCoordinates, photo_coordinates
from fieldapp.media.blobstore import BlobStore, sha256_hex
from fieldapp.media.ingest import ingest_photo
from fieldapp.media.photo_facts import read_facts
from fieldapp.media.watermark import _fitting_font, caption_lines, watermarked_copy

GNSS_FIX = PositionRecord(
    32.0123456, 120.8765432, 3.6, "gnss", n_fixes=5, captured_at="2026-05-01T02:21:05Z"
)
FIX_TIME = datetime(2026, 5, 1, 2, 21, 5, tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def test_watermark_is_drawn_on_a_copy(photos: Path) -> None:
    source = photos / "DSCN0010.jpg"
    original = source.read_bytes()
    before = hashlib.sha256(original).hexdigest()
    where = PhotoCoordinates(32.0123456, 120.8765432, CoordinateSource.PHOTO_EXIF)
    lines = caption_lines("TZ-RH-0042", "2026-05-01 10:20", where)
    copy = watermarked_copy(original, lines, side=400)
    assert (
        hashlib.sha256(original).hexdigest()
        == before
        == hashlib.sha256(source.read_bytes()).hexdigest()
    )
    assert copy != original
    facts = read_facts(copy)
    assert facts.gps is not None and abs(facts.gps.lat - 43.4674483) < 1e-6  # GPS carried over
    assert facts.orientation == 1
    from PIL import Image

    image = Image.open(io.BytesIO(copy))
    assert max(image.size) == 400
    bottom = image.convert("L").crop((0, image.height - 10, image.width, image.height))
    top = image.convert("L").crop((0, 0, image.width, 10))
    assert sum(bottom.histogram()[:60]) > sum(top.histogram()[:60])  # the dark caption band


def test_rotated_photo_copy_is_upright(photos: Path) -> None:
    copy = watermarked_copy((photos / "portrait_8.jpg").read_bytes(), ["X-1"], side=400)
    from PIL import Image

    width, height = Image.open(io.BytesIO(copy)).size
    assert height > width


def test_caption_lines() -> None:
    assert caption_lines("A-1", None, None) == ["A-1"]
    own = PhotoCoordinates(1.0, 2.0, CoordinateSource.PHOTO_EXIF)
    assert caption_lines("A-1", "t", own) == [
        "A-1",
        "t",
        "1.000000, 2.000000 (WGS-84)",
        "Coordinates: from the photo's EXIF",
    ]
    assert caption_lines("A-1", "t", own, "zh_CN")[-1] == "坐标来源：照片 EXIF"


def test_without_gps_the_caption_gives_the_inspection_fix_and_says_whose() -> None:
    where = photo_coordinates(None, None, GNSS_FIX)
    assert caption_lines("TZ-RH-0042", "2026-05-01 10:20:30", where) == [
        "TZ-RH-0042",
        "2026-05-01 10:20:30",
        "32.012346, 120.876543 (WGS-84)",
        "Coordinates: the inspection's position, not the photo's",
        f"Laptop GNSS, 5 fixes averaged, error ±4 m, {FIX_TIME}",
    ]
    assert caption_lines("TZ-RH-0042", None, where, "zh_CN")[-2:] == [
        "坐标来源：本次检查定位（非照片自带）",
        f"本机卫星定位，5 次平均，误差 ±4 m，{FIX_TIME}",
    ]


def test_other_sources_of_the_inspection_position_are_named() -> None:
    from_photo = PositionRecord(32.0, 120.9, None, "photo_exif")
    typed = PositionRecord(32.0, 120.9, 50.0, "manual", reason="receiver  broken, " + "x" * 60)
    assert caption_lines("A", None, photo_coordinates(None, None, from_photo))[-1] == (
        "From another photo's EXIF"
    )
    zh = caption_lines("A", None, photo_coordinates(None, None, from_photo), "zh_CN")
    assert zh[-1] == "来自另一张照片的 EXIF"
    typed_line = caption_lines("A", None, photo_coordinates(None, None, typed))[-1]
    assert typed_line.startswith("Typed in: receiver broken, xxx") and typed_line.endswith(
        "…, error ±50 m"
    )
    zh = caption_lines("A", None, photo_coordinates(None, None, typed), "zh_CN")
    assert zh[-1].startswith("手工录入：receiver broken") and zh[-1].endswith("…，误差 ±50 m")


def test_a_photo_without_gps_is_watermarked_with_the_inspection_fix(
    tmp_path: Path, photos: Path
) -> None:
    """The copy shows the fix, labelled; the stored original and the copy's EXIF stay without it."""
    source = photos / "no_exif.jpg"
    store = BlobStore(tmp_path)
    photo = ingest_photo(source, store)
    assert photo.facts.gps is None
    where = photo_coordinates(None, None, GNSS_FIX)
    for lang in ("en", "zh_CN"):
        lines = caption_lines("TZ-RH-0042", "2014-09-22 10:56:35", where, lang)
        copy = watermarked_copy(store.get(photo.sha256), lines, side=800)
        assert "32.012346, 120.876543 (WGS-84)" in lines
        assert read_facts(copy).gps is None  # the fix is drawn, never written as the photo's GPS
        (tmp_path / f"watermark_{lang}.jpg").write_bytes(copy)
    assert sha256_hex(store.get(photo.sha256)) == photo.sha256 == sha256_hex(source.read_bytes())
    assert photo.stored.path.read_bytes() == source.read_bytes()


def test_a_photo_with_gps_keeps_its_own_coordinates(tmp_path: Path, photos: Path) -> None:
    source = photos / "DSCN0010.jpg"
    store = BlobStore(tmp_path)
    photo = ingest_photo(source, store)
    gps = photo.facts.gps
    assert gps is not None
    lines = caption_lines("TZ-RH-0042", None, photo_coordinates(gps.lat, gps.lon, GNSS_FIX))
    assert lines[1:] == ["43.467448, 11.885127 (WGS-84)", "Coordinates: from the photo's EXIF"]
    copy = watermarked_copy(store.get(photo.sha256), lines, side=400)
    copied = read_facts(copy).gps
    assert copied is not None and (copied.lat, copied.lon) == (gps.lat, gps.lon)
    assert sha256_hex(source.read_bytes()) == photo.sha256 == sha256_hex(store.get(photo.sha256))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@settings(max_examples=40, deadline=None)
@given(width=st.integers(120, 3000), height=st.integers(120, 3000))
def test_every_caption_line_fits_on_the_photo(lang: str, width: int, height: int) -> None:
    typed = PositionRecord(32.0, 120.9, 12.0, "manual", reason="信号被高架桥遮挡" * 4)
    for record in (GNSS_FIX, typed):
        lines = caption_lines(
            "320612R000001-TZ", "2026-05-01 10:20:30", photo_coordinates(None, None, record), lang
        )
        size, font = _fitting_font(lines, width, max(12, height // 40), None)
        if size > 10:  # at the smallest size a narrow strip of a photo may still be too narrow
            assert max(font.getlength(line) for line in lines) <= width - size + 2


def test_chinese_captions_are_drawn_with_real_glyphs_not_boxes() -> None:
    """The shipped font is used on any machine: four hanzi give four different shapes (a font
    without Chinese draws one and the same box for each)."""
    _, font = _fitting_font(["河口检查"], 2000, 40, None)
    shapes = {bytes(font.getmask(ch)) for ch in "河口检查"}
    assert len(shapes) == 4
