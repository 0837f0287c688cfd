"""A watermarked COPY of a photo (outfall code, time, coordinates and their source) for export
or display.

The original bytes are never touched: this takes them, decodes a reduced upright copy, draws a
caption band and returns new JPEG bytes. The copy keeps the original's EXIF (so its GPS position
is not lost on the way) with the orientation reset to 1, because the copy is already upright.

A photo without a GPS position of its own is captioned with the inspection's position, and the
caption says so (the laptop's GNSS fix with its error, another photo's EXIF, or typed in): the
evidence never claims the camera recorded a place it did not. That position is only drawn; it is
never written into the copy's EXIF. Captions are in English or Chinese, like the module's errors.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from fieldapp.domain.photo_checks import CoordinateSource, PhotoCoordinates
from fieldapp.media.photo_facts import read_facts
from fieldapp.media.thumbnails import JPEG_QUALITY, decode_reduced
from fieldapp.paths import CJK_FONT

if TYPE_CHECKING:
    from PIL import ImageFont

EXPORT_SIDE = 2048


# The caption's words as (English, Chinese), in the inspection window's wording.
_FROM_PHOTO = ("Coordinates: from the photo's EXIF", "坐标来源：照片 EXIF")
_FROM_INSPECTION = (
    "Coordinates: the inspection's position, not the photo's",
    "坐标来源：本次检查定位（非照片自带）",
)
_GNSS = ("Laptop GNSS, {n} fixes averaged", "本机卫星定位，{n} 次平均")
_OTHER_PHOTO = ("From another photo's EXIF", "来自另一张照片的 EXIF")
_TYPED_IN = ("Typed in: {reason}", "手工录入：{reason}")
_ERROR = ("error ±{m:.0f} m", "误差 ±{m:.0f} m")
_SEPARATOR = (", ", "，")
MAX_REASON_CHARS = 40


def caption_lines(
    outfall_code: str,
    taken_at: str | None,
    coordinates: PhotoCoordinates | None,
    lang: str = "en",
) -> list[str]:
    """The usual caption: code, time, coordinates (WGS-84, 6 decimals ≈ 0.1 m) and whose they are
    (``lang`` "zh…" for Chinese)."""
    lines = [outfall_code]
    if taken_at:
        lines.append(taken_at)
    if coordinates is not None:
        lines.append(f"{coordinates.lat:.6f}, {coordinates.lon:.6f} (WGS-84)")
        lines.extend(source_lines(coordinates, lang))
    return lines


def source_lines(coordinates: PhotoCoordinates, lang: str = "en") -> list[str]:
    """Where the coordinates come from: one line for the photo's EXIF; for the inspection's
    position a second line with how it was taken, its error if known, and when."""
    zh = int(lang.startswith("zh"))
    if coordinates.from_photo:
        return [_FROM_PHOTO[zh]]
    if coordinates.source is CoordinateSource.INSPECTION_GNSS:
        parts = [_GNSS[zh].format(n=coordinates.n_fixes)]
    elif coordinates.source is CoordinateSource.INSPECTION_PHOTO:
        parts = [_OTHER_PHOTO[zh]]
    else:
        reason = " ".join((coordinates.reason or "").split())
        if len(reason) > MAX_REASON_CHARS:
            reason = reason[: MAX_REASON_CHARS - 1] + "…"
        parts = [_TYPED_IN[zh].format(reason=reason)]
    if coordinates.accuracy_m is not None:
        parts.append(_ERROR[zh].format(m=coordinates.accuracy_m))
    if coordinates.captured_at is not None:  # shown in the laptop's time zone, as in the app
        parts.append(coordinates.captured_at.astimezone().strftime("%Y-%m-%d %H:%M"))
    return [_FROM_INSPECTION[zh], _SEPARATOR[zh].join(parts)]


def watermarked_copy(
    original: bytes, lines: Sequence[str], *, side: int = EXPORT_SIDE, font_path: str | None = None
) -> bytes:
    """A new JPEG: the photo upright, at most side×side, with ``lines`` drawn at the bottom."""
    from PIL import ImageDraw

    facts = read_facts(original) if original[:2] == b"\xff\xd8" else None
    decoded = decode_reduced(original, side, facts.orientation if facts else 1)
    image = decoded.image.convert("RGB")  # a new image: the decoder's buffer is not shared
    draw = ImageDraw.Draw(image, "RGBA")
    size, font = _fitting_font(lines, image.width, max(12, image.height // 40), font_path)
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


def _fitting_font(
    lines: Sequence[str], width: int, size: int, font_path: str | None
) -> tuple[int, ImageFont.FreeTypeFont]:
    """The font at ``size``, made smaller (not below 10 px) if a line would run off the photo."""
    font = _font(size, font_path)
    widest = max((font.getlength(line) for line in lines), default=0.0)
    room = width - size  # a half-size margin each side
    if widest > room > 0:
        size = max(10, int(size * room / widest))
        font = _font(size, font_path)
    return size, font


def _font(size: int, font_path: str | None) -> ImageFont.FreeTypeFont:
    """``font_path`` if given, else the font shipped with the app (Chinese on any machine); a
    missing or broken file raises OSError: evidence is never captioned in boxes."""
    from PIL import ImageFont

    return ImageFont.truetype(font_path or str(CJK_FONT), size)


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
