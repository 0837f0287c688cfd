"""Thumbnails are small, fast and upright whatever EXIF orientation the camera wrote."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from fieldapp.media.thumbnails import THUMBNAIL_SIDE, fit, larger_view, thumbnail


def pixels(jpeg: bytes) -> list[tuple[int, int, int]]:
    from PIL import Image

    image = Image.open(io.BytesIO(jpeg)).convert("RGB").resize((16, 12))
    return [image.getpixel((x, y)) for y in range(12) for x in range(16)]  # type: ignore[misc]


def difference(a: bytes, b: bytes) -> float:
    pa, pb = pixels(a), pixels(b)
    return sum(
        abs(x - y) for p, q in zip(pa, pb, strict=True) for x, y in zip(p, q, strict=True)
    ) / (len(pa) * 3)


@pytest.mark.parametrize("n", [3, 6, 8])
def test_every_landscape_orientation_shows_the_same_upright_picture(photos: Path, n: int) -> None:
    upright = thumbnail((photos / "landscape_1.jpg").read_bytes())
    other = thumbnail((photos / f"landscape_{n}.jpg").read_bytes())
    assert (other.width, other.height) == (upright.width, upright.height) == (256, 192)
    # Each sample carries its own digit, so they differ a little (~13); turned wrong: ~57.
    assert difference(upright.jpeg, other.jpeg) < 25


@pytest.mark.parametrize("name", ["portrait_6.jpg", "portrait_8.jpg"])
def test_portraits_stand_up(photos: Path, name: str) -> None:
    thumb = thumbnail((photos / name).read_bytes())
    assert thumb.height == THUMBNAIL_SIDE and thumb.width < thumb.height


def test_phone_photo_thumbnail_and_larger_view(photos: Path) -> None:
    data = (photos / "HMD_Nokia_8.3_5G.jpg").read_bytes()
    thumb = thumbnail(data)
    assert (thumb.width, thumb.height) == fit(4608, 1976, 256) == (256, 110)
    view = larger_view(data, side=1200)
    assert (view.width, view.height) == (1200, 515)


def test_fit_never_enlarges() -> None:
    assert fit(100, 50, 256) == (100, 50)
    assert fit(1, 10_000, 256) == (1, 256)
