"""Thumbnails and larger views of a photo, upright (EXIF orientation applied), as JPEG bytes.

A thumbnail decodes JPEG at reduced scale with Pillow's ``draft()`` (libjpeg decodes at 1/2 to
1/8 directly), so a 12 MP photo costs little more than reading it; a larger view is made only when
asked for. HEIC has no reduced-scale decode: it is decoded whole, then reduced.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fieldapp.media.decode import load, open_image

if TYPE_CHECKING:
    from PIL import Image as PILImage

THUMBNAIL_SIDE = 256
VIEW_SIDE = 1600
JPEG_QUALITY = 85


@dataclass(frozen=True, slots=True)
class Rendition:
    """A reduced, upright JPEG of a photo."""

    jpeg: bytes
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class Decoded:
    """An upright reduced image plus what the decoder learnt about the original."""

    image: PILImage.Image
    original_width: int
    original_height: int
    format: str
    exif: bytes | None  # the raw EXIF block (HEIC keeps it outside the file's first bytes)


def fit(width: int, height: int, side: int) -> tuple[int, int]:
    """The size of (width, height) scaled down to fit a side×side box (never up)."""
    scale = min(1.0, side / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def decode_reduced(
    data: bytes, side: int, orientation: int, name: str = "photo", check_structure: bool = True
) -> Decoded:
    """Decode ``data`` to fit a side×side box, upright. Raises the typed errors of decode.py."""
    image = open_image(data, name, check_structure)
    width, height, fmt = image.width, image.height, image.format or ""
    exif = image.info.get("exif")
    target = fit(width, height, side)
    if fmt == "JPEG":
        image.draft("RGB", target)  # libjpeg picks the smallest scale still >= target
    load(image, name)
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    if image.size != target:
        # A box reduction by the integer factor, then bicubic for the rest: fast, and smooth
        # enough for a thumbnail (the draft scale already did most of the reduction).
        image = image.resize(target, _bicubic(), reducing_gap=1.0)
    return Decoded(upright(image, orientation), width, height, fmt, exif)


def rendition(data: bytes, side: int, orientation: int, name: str = "photo") -> Rendition:
    """A JPEG fitting side×side, upright."""
    return encode(decode_reduced(data, side, orientation, name).image)


def thumbnail(data: bytes, orientation: int | None = None, name: str = "photo") -> Rendition:
    """The small picture shown in the photo strip (orientation read from EXIF when None)."""
    return rendition(data, THUMBNAIL_SIDE, _orientation(data, orientation), name)


def larger_view(
    data: bytes, orientation: int | None = None, side: int = VIEW_SIDE, name: str = "photo"
) -> Rendition:
    """A bigger picture, made on demand when the user opens a photo."""
    return rendition(data, side, _orientation(data, orientation), name)


def _orientation(data: bytes, orientation: int | None) -> int:
    if orientation is not None:
        return orientation
    if data[:2] != b"\xff\xd8":
        return 1  # HEIF: libheif applies the rotation while decoding
    from fieldapp.media.photo_facts import read_facts

    return read_facts(data).orientation


def encode(image: PILImage.Image) -> Rendition:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=JPEG_QUALITY)
    return Rendition(buffer.getvalue(), image.width, image.height)


def upright(image: PILImage.Image, orientation: int) -> PILImage.Image:
    """Apply an EXIF orientation (1..8) so the picture shows the way the camera was held."""
    from PIL import Image

    transpose = Image.Transpose
    operation = {
        2: transpose.FLIP_LEFT_RIGHT,
        3: transpose.ROTATE_180,
        4: transpose.FLIP_TOP_BOTTOM,
        5: transpose.TRANSPOSE,
        6: transpose.ROTATE_270,
        7: transpose.TRANSVERSE,
        8: transpose.ROTATE_90,
    }.get(orientation)
    return image if operation is None else image.transpose(operation)


def _bicubic() -> PILImage.Resampling:
    from PIL import Image

    return Image.Resampling.BICUBIC
