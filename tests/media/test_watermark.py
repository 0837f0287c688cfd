"""Watermarks go on a copy; the original bytes never change and the copy keeps its GPS tags."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from fieldapp.media.photo_facts import read_facts
from fieldapp.media.watermark import caption_lines, watermarked_copy


def test_watermark_is_drawn_on_a_copy(photos: Path) -> None:
    source = photos / "DSCN0010.jpg"
    original = source.read_bytes()
    before = hashlib.sha256(original).hexdigest()
    lines = caption_lines("TZ-RH-0042", "2026-05-01 10:20", 32.0123456, 120.8765432)
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
    assert caption_lines("A-1", None, None, None) == ["A-1"]
    assert caption_lines("A-1", "t", 1.0, 2.0)[-1] == "1.000000, 2.000000 (WGS-84)"
