"""Opening photos: accepted formats, damaged files, non-images, decompression bombs, HEIC."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest

from fieldapp.media import decode
from fieldapp.media.decode import jpeg_damage, load, open_image
from fieldapp.media.errors import CorruptImage, ImageTooLarge, NotAnImage, PhotoError
from fieldapp.media.thumbnails import thumbnail


def jpeg(width: int = 64, height: int = 48, **save: object) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (10, 200, 30)).save(out, "JPEG", **save)
    return out.getvalue()


def with_declared_size(data: bytes, width: int, height: int) -> bytes:
    """The same JPEG with its frame header (SOF0) claiming another size."""
    sof = data.index(b"\xff\xc0")
    return data[: sof + 5] + struct.pack(">HH", height, width) + data[sof + 9 :]


@pytest.mark.parametrize(
    "name",
    ["DSCN0010.jpg", "HMD_Nokia_8.3_5G.jpg", "landscape_6.jpg", "no_exif.jpg", "portrait_8.jpg"],
)
def test_real_photos_open_and_decode(photos: Path, name: str) -> None:
    image = open_image((photos / name).read_bytes(), name)
    assert image.format == "JPEG"
    load(image, name)


def test_the_damaged_camera_file_is_a_clear_error(photos: Path) -> None:
    with pytest.raises(CorruptImage) as info:
        thumbnail((photos / "corrupted.jpg").read_bytes(), name="corrupted.jpg")
    assert "corrupted.jpg" in str(info.value) and "damaged" in str(info.value)
    assert "损坏" in info.value.zh


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9, 0.999])
def test_truncated_jpegs(photos: Path, fraction: float) -> None:
    data = (photos / "DSCN0012.jpg").read_bytes()
    with pytest.raises(CorruptImage):
        thumbnail(data[: int(len(data) * fraction)])


def test_header_only_jpeg() -> None:
    data = jpeg()
    with pytest.raises(PhotoError):
        thumbnail(data[:200])


@pytest.mark.parametrize(
    "data",
    [b"", b"hello world", b"%PDF-1.7\n...", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, bytes(range(256))],
)
def test_not_images(data: bytes) -> None:
    with pytest.raises(NotAnImage) as info:
        open_image(data, "x.jpg")
    assert info.value.zh


def test_png_and_gif_are_refused_even_when_valid() -> None:
    from PIL import Image

    for fmt in ("PNG", "GIF", "BMP"):
        out = io.BytesIO()
        Image.new("RGB", (8, 8)).save(out, fmt)
        with pytest.raises(NotAnImage):
            open_image(out.getvalue(), f"x.{fmt.lower()}")


def test_decompression_bomb_over_twice_the_cap_is_refused() -> None:
    bomb = with_declared_size(jpeg(), 20_000, 20_000)  # 400 MP in a few hundred bytes
    with pytest.raises(ImageTooLarge) as info:
        open_image(bomb, "bomb.jpg")
    assert "400 megapixels" in str(info.value) and "百万像素" in info.value.zh


def test_between_the_cap_and_twice_the_cap_is_refused_too() -> None:
    # Pillow itself only warns in this range; we refuse.
    bomb = with_declared_size(jpeg(), 12_000, 11_000)  # 132 MP
    assert decode.MAX_PIXELS < 12_000 * 11_000 < 2 * decode.MAX_PIXELS
    with pytest.raises(ImageTooLarge):
        open_image(bomb, "big.jpg")


def test_structure_check_accepts_what_pillow_writes() -> None:
    assert jpeg_damage(jpeg()) is None
    assert jpeg_damage(jpeg(progressive=True, optimize=True)) is None
    assert jpeg_damage(jpeg(640, 480) + b"trailing data some phones append") is None


def test_heic_from_a_phone_decodes() -> None:
    from PIL import Image

    decode.pil()  # registers the HEIF codec
    out = io.BytesIO()
    Image.new("RGB", (320, 240), (200, 10, 10)).save(out, "HEIF", quality=80)
    data = out.getvalue()
    assert data[4:12] == b"ftypheic"
    image = open_image(data, "phone.heic")
    assert image.format == "HEIF" and image.size == (320, 240)
    thumb = thumbnail(data, name="phone.heic")
    assert (thumb.width, thumb.height) == (256, 192)
    red, green, blue = Image.open(io.BytesIO(thumb.jpeg)).convert("RGB").getpixel((128, 96))  # type: ignore[misc]
    assert red > 150 and green < 60 and blue < 60


def test_truncated_heic_is_a_clear_error() -> None:
    from PIL import Image

    decode.pil()
    out = io.BytesIO()
    Image.new("RGB", (320, 240), (200, 10, 10)).save(out, "HEIF")
    with pytest.raises(PhotoError):
        thumbnail(out.getvalue()[: len(out.getvalue()) // 2], name="cut.heic")
