"""What a photo's EXIF says: when it was taken, where (GPS), how it is oriented. Read with piexif.

Tolerant by design: EXIF is written by thousands of camera firmwares and edited by apps, and a
broken tag must never cost the photo. Every field is None when absent or unusable (zero
denominators, odd rationals, out-of-range values, unparsable dates); ``exif_error`` says why the
whole block was unreadable when it was. A GPS position of exactly (0, 0) is treated as absent:
cameras write it when they have no fix.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

# EXIF tag numbers (piexif.ImageIFD / ExifIFD / GPSIFD), spelled out to keep this import-light.
_MAKE, _MODEL, _ORIENTATION, _DATETIME = 271, 272, 274, 306
_DATETIME_ORIGINAL, _DATETIME_DIGITIZED = 36867, 36868
_OFFSET_TIME_ORIGINAL, _SUBSEC_ORIGINAL = 36881, 37521
_GPS_LAT_REF, _GPS_LAT, _GPS_LON_REF, _GPS_LON = 1, 2, 3, 4
_GPS_ALT_REF, _GPS_ALT, _GPS_TIME, _GPS_DATE = 5, 6, 7, 29


@dataclass(frozen=True, slots=True)
class GpsFacts:
    """The EXIF GPS block, in decimal degrees (WGS-84 as the camera gave it)."""

    lat: float
    lon: float
    alt_m: float | None = None
    time_utc: datetime | None = None


@dataclass(frozen=True, slots=True)
class PhotoFacts:
    """EXIF facts of one photo. ``taken_at`` is timezone-aware only when the camera recorded its
    offset (OffsetTimeOriginal); otherwise it is the camera's naive local clock."""

    taken_at: datetime | None = None
    orientation: int = 1  # EXIF 1..8; 1 when absent or invalid
    gps: GpsFacts | None = None
    make: str | None = None
    model: str | None = None
    has_exif: bool = False
    exif_error: str | None = None


def read_facts(data: bytes) -> PhotoFacts:
    """Facts from a JPEG file's bytes, or from a raw EXIF block (``b"Exif\\0\\0..."`` or TIFF)."""
    import piexif

    try:
        exif: dict[str, Any] = piexif.load(data)
    except Exception as exc:  # piexif raises anything on malformed input: the file's fault
        return PhotoFacts(exif_error=f"{type(exc).__name__}: {exc}")
    zeroth = exif.get("0th") or {}
    sub = exif.get("Exif") or {}
    gps_ifd = exif.get("GPS") or {}
    if not (zeroth or sub or gps_ifd):
        return PhotoFacts()
    return PhotoFacts(
        taken_at=_taken_at(zeroth, sub),
        orientation=_orientation(zeroth.get(_ORIENTATION)),
        gps=_gps(gps_ifd),
        make=_text(zeroth.get(_MAKE)),
        model=_text(zeroth.get(_MODEL)),
        has_exif=True,
    )


# --- values -----------------------------------------------------------------------------------


def rational(value: object) -> float | None:
    """An EXIF RATIONAL ``(numerator, denominator)`` (or a plain number) as a float, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, tuple | list) and len(value) == 2:
        num, den = value
        if not isinstance(num, int) or not isinstance(den, int) or den == 0:
            return None
        number = num / den
    else:
        return None
    return number if math.isfinite(number) else None


def dms_to_degrees(value: object, ref: object, max_degrees: float) -> float | None:
    """EXIF degrees/minutes/seconds plus a N/S/E/W reference → signed decimal degrees, or None.

    Accepts the three rationals of the standard and the one or two some firmwares write.
    """
    if not isinstance(value, tuple | list) or not 1 <= len(value) <= 3:
        return None
    parts = _non_negative(value)
    if parts is None or any(p >= 60 for p in parts[1:]):
        return None
    degrees = sum(p / 60**i for i, p in enumerate(parts))
    if degrees > max_degrees:
        return None
    reference = _text(ref)
    negative = {"S": True, "W": True, "N": False, "E": False}
    if not reference or reference[0].upper() not in negative:
        return None
    return -degrees if negative[reference[0].upper()] else degrees


def _non_negative(values: tuple[object, ...] | list[object]) -> list[float] | None:
    """All rationals of a tuple as floats, or None if any is unusable or negative."""
    out = []
    for value in values:
        number = rational(value)
        if number is None or number < 0:
            return None
        out.append(number)
    return out


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return None
    text = value.replace("\x00", "").strip()
    return text or None


def _orientation(value: object) -> int:
    if isinstance(value, tuple | list) and len(value) == 1:
        value = value[0]
    return (
        value if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 8 else 1
    )


def _exif_datetime(value: object) -> datetime | None:
    text = _text(value)
    if not text:
        return None
    try:
        return datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None


def _offset(value: object) -> timezone | None:
    text = _text(value)
    if not text or len(text) != 6 or text[0] not in "+-" or text[3] != ":":
        return None
    try:
        hours, minutes = int(text[1:3]), int(text[4:6])
    except ValueError:
        return None
    if hours > 14 or minutes > 59:
        return None
    sign = -1 if text[0] == "-" else 1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _taken_at(zeroth: dict[int, Any], sub: dict[int, Any]) -> datetime | None:
    taken = (
        _exif_datetime(sub.get(_DATETIME_ORIGINAL))
        or _exif_datetime(sub.get(_DATETIME_DIGITIZED))
        or _exif_datetime(zeroth.get(_DATETIME))
    )
    if taken is None:
        return None
    subsec = _text(sub.get(_SUBSEC_ORIGINAL))
    if subsec and subsec.isdigit():
        taken = taken.replace(microsecond=int((subsec + "000000")[:6]))
    offset = _offset(sub.get(_OFFSET_TIME_ORIGINAL))
    return taken.replace(tzinfo=offset) if offset else taken


def _gps(gps: dict[int, Any]) -> GpsFacts | None:
    lat = dms_to_degrees(gps.get(_GPS_LAT), gps.get(_GPS_LAT_REF), 90.0)
    lon = dms_to_degrees(gps.get(_GPS_LON), gps.get(_GPS_LON_REF), 180.0)
    if lat is None or lon is None or (lat == 0.0 and lon == 0.0):
        return None
    alt = rational(gps.get(_GPS_ALT))
    ref = gps.get(_GPS_ALT_REF)
    if isinstance(ref, bytes):
        ref = ref[:1] == b"\x01"
    if alt is not None and ref in (1, True):
        alt = -alt
    return GpsFacts(lat, lon, alt, _gps_time(gps.get(_GPS_DATE), gps.get(_GPS_TIME)))


def _gps_time(date_value: object, time_value: object) -> datetime | None:
    text = _text(date_value)
    if not text or not isinstance(time_value, tuple | list) or len(time_value) != 3:
        return None
    parts = _non_negative(time_value)
    if parts is None:
        return None
    hours, minutes, seconds = parts
    try:
        day = datetime.strptime(text[:10], "%Y:%m:%d").replace(tzinfo=UTC)
    except ValueError:
        return None
    if hours >= 24 or minutes >= 60 or seconds >= 61:
        return None
    return day + timedelta(hours=hours, minutes=minutes, seconds=seconds)
