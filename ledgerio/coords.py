"""Coordinates as ledgers write them: decimal degrees or degrees-minutes-seconds; GCJ-02 back to
WGS-84. Pure.

Accepted: ``120.8765``, ``E120.8765``, ``120°52'35.4"``, ``120°52′35.4″E``, ``120度52分35.4秒``,
``120 52 35.4``, ``120°52.59'`` (degrees and decimal minutes). GCJ-02 (Amap, Tencent) is converted
to WGS-84 by inverting the published forward transform iteratively (to well under a centimetre);
DOMAIN.md: never store GCJ-02 as the master coordinate.
"""

from __future__ import annotations

import math
import re

_HEMI = re.compile(r"^([NSEW北南东西]?)(.*?)([NSEW北南东西]?)$", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SOUTH_WEST = {"S", "W", "南", "西"}


class CoordinateError(ValueError):
    """A text that is not a coordinate; ``zh`` and ``en`` say why."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en


def parse_degrees(value: object) -> float:
    """Decimal degrees from a number or a text in any of the accepted forms."""
    if isinstance(value, bool):
        raise CoordinateError("不是坐标", "not a coordinate")
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise CoordinateError("不是有效数字", "not a finite number")
        return float(value)
    text = str(value).strip().upper().replace("，", ",")
    if not text:
        raise CoordinateError("为空", "empty")
    m = _HEMI.match(text)
    assert m is not None
    hemi = m.group(1) or m.group(3)
    body = m.group(2).strip()
    negative = body.startswith("-") or hemi in _SOUTH_WEST
    body = body.lstrip("-+").strip()
    parts = [float(p) for p in _NUMBER.findall(body)]
    leftover = _NUMBER.sub("", body)
    leftover = re.sub(r"[°º˚度′'’分″\"”秒\s:：]", "", leftover)
    if not parts or leftover or len(parts) > 3:
        raise CoordinateError(
            f"“{value}”不是经纬度（应为度，或度分秒如 120°52′35.4″）",
            f"'{value}' is not a coordinate (degrees, or degrees-minutes-seconds like 120°52'35.4\")",
        )
    degrees = parts[0]
    minutes = parts[1] if len(parts) > 1 else 0.0
    seconds = parts[2] if len(parts) > 2 else 0.0
    if minutes >= 60 or seconds >= 60:
        raise CoordinateError(
            f"“{value}”的分或秒不小于 60", f"minutes or seconds of '{value}' are 60 or more"
        )
    result = degrees + minutes / 60 + seconds / 3600
    return -result if negative else result


def parse_pair(value: object) -> tuple[float, float]:
    """(lon, lat) from one cell holding both, e.g. ``120.87,32.01`` or ``120.87 32.01``."""
    text = str(value).strip().replace("，", ",").replace("；", ",").replace(";", ",")
    pieces = [p for p in re.split(r",|\s+(?=[NSEW东西南北]?\d)", text) if p.strip()]
    if len(pieces) != 2:
        raise CoordinateError(
            f"“{value}”应为“经度,纬度”两个数", f"'{value}' should be two numbers: 'lon,lat'"
        )
    a, b = parse_degrees(pieces[0]), parse_degrees(pieces[1])
    # Ledgers write both orders; in Nantong longitude (~121) is always larger than latitude (~32).
    return (a, b) if abs(a) >= abs(b) else (b, a)


def _transform(x: float, y: float) -> tuple[float, float]:
    lat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    lat += (20 * math.sin(6 * x * math.pi) + 20 * math.sin(2 * x * math.pi)) * 2 / 3
    lat += (20 * math.sin(y * math.pi) + 40 * math.sin(y / 3 * math.pi)) * 2 / 3
    lat += (160 * math.sin(y / 12 * math.pi) + 320 * math.sin(y * math.pi / 30)) * 2 / 3
    lon = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    lon += (20 * math.sin(6 * x * math.pi) + 20 * math.sin(2 * x * math.pi)) * 2 / 3
    lon += (20 * math.sin(x * math.pi) + 40 * math.sin(x / 3 * math.pi)) * 2 / 3
    lon += (150 * math.sin(x / 12 * math.pi) + 300 * math.sin(x / 30 * math.pi)) * 2 / 3
    return lat, lon


def wgs84_to_gcj02(lat: float, lon: float) -> tuple[float, float]:
    """The published forward transform (Krasovsky ellipsoid constants)."""
    a, ee = 6378245.0, 0.00669342162296594323
    dlat, dlon = _transform(lon - 105.0, lat - 35.0)
    radlat = lat / 180.0 * math.pi
    magic = 1 - ee * math.sin(radlat) ** 2
    sqrtmagic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((a * (1 - ee)) / (magic * sqrtmagic) * math.pi)
    dlon = (dlon * 180.0) / (a / sqrtmagic * math.cos(radlat) * math.pi)
    return lat + dlat, lon + dlon


def gcj02_to_wgs84(lat: float, lon: float) -> tuple[float, float]:
    """The WGS-84 point whose GCJ-02 image is (lat, lon), by fixed-point iteration."""
    wlat, wlon = lat, lon
    for _ in range(30):
        glat, glon = wgs84_to_gcj02(wlat, wlon)
        dlat, dlon = glat - lat, glon - lon
        wlat, wlon = wlat - dlat, wlon - dlon
        if abs(dlat) < 1e-10 and abs(dlon) < 1e-10:
            break
    return wlat, wlon
