"""A watermarked COPY of a photo (outfall code, time, coordinates) for export or display.

The original bytes are never touched: this takes them, decodes a reduced upright copy, draws a
caption band and returns new JPEG bytes. The copy keeps the original's EXIF (so its GPS position
is not lost on the way) with the orientation reset to 1, because the copy is already upright.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.media.photo_facts import read_facts
from fieldapp.media.thumbnails import JPEG_QUALITY, decode_reduced

if TYPE_CHECKING:
    from PIL import ImageFont

EXPORT_SIDE = 2048
# Fonts with Chinese glyphs, tried in order (Windows, macOS, Linux); else Pillow's own font.
CJK_FONTS = (
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "/System/Library/Fonts/PingFang.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
)


def caption_lines(
    outfall_code: str, taken_at: str | None, lat: float | None, lon: float | None
) -> list[str]:
    """The usual caption: code, time, coordinates (WGS-84, 6 decimals ≈ 0.1 m)."""
    lines = [outfall_code]
    if taken_at:
        lines.append(taken_at)
    if lat is not None and lon is not None:
        lines.append(f"{lat:.6f}, {lon:.6f} (WGS-84)")
    return lines


def watermarked_copy(
    original: bytes, lines: Sequence[str], *, side: int = EXPORT_SIDE, font_path: str | None = None
) -> bytes:
    """A new JPEG: the photo upright, at most side×side, with ``lines`` drawn at the bottom."""
    from PIL import ImageDraw

    facts = read_facts(original) if original[:2] == b"\xff\xd8" else None
    decoded = decode_reduced(original, side, facts.orientation if facts else 1)
    image = decoded.image.convert("RGB")  # a new image: the decoder's buffer is not shared
    draw = ImageDraw.Draw(image, "RGBA")
    size = max(12, image.height // 40)
    font = _font(size, font_path)
    pad = size // 2
    line_height = size + pad // 2
    band = pad * 2 + line_height * len(lines)
    draw.rectangle((0, image.height - band, image.width, image.height), fill=(0, 0, 0, 140))
    y = image.height - band + pad
    for line in lines:
        draw.text((pad, y), line, font=font, fill=(255, 255, 255, 255))
        y += line_height
    out = io.BytesIO()
    exif = _upright_exif(decoded.exif)
    if exif:
        image.save(out, "JPEG", quality=JPEG_QUALITY, exif=exif)
    else:
        image.save(out, "JPEG", quality=JPEG_QUALITY)
    return out.getvalue()


def _font(size: int, font_path: str | None) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    from PIL import ImageFont

    for candidate in ([font_path] if font_path else []) + list(CJK_FONTS):
        if candidate and Path(candidate).is_file():
            try:
                return ImageFont.truetype(candidate, size)
            except OSError:
                continue
    return ImageFont.load_default(size)


def _upright_exif(exif: bytes | None) -> bytes | None:
    """The EXIF block with Orientation = 1 and no embedded thumbnail; None if it won't re-encode."""
    if not exif:
        return None
    import piexif

    try:
        data = piexif.load(exif)
        data.get("0th", {})[piexif.ImageIFD.Orientation] = 1
        data["thumbnail"] = None
        data["1st"] = {}
        return bytes(piexif.dump(data))
    except Exception:  # a block piexif cannot round-trip is dropped from the copy, not fatal
        return None
