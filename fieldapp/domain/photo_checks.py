"""Plausibility of a photo as evidence for an inspection: was it taken near the outfall, and
around the inspection's time? Which coordinates a photo is shown with, and whose they are? Pure
functions; thresholds are parameters (user settings).

A photo without EXIF position or time is not flagged as implausible, but the missing fact is
reported (``no_position`` / ``no_time``) so the form can show it. Camera clocks without a recorded
UTC offset are taken to be in ``camera_utc_offset`` (China Standard Time by default).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from enum import StrEnum

import geodesy
from fieldapp.domain.inspection import PositionRecord
from fieldapp.domain.position import PositionSource

CHINA_STANDARD_TIME = timedelta(hours=8)


@dataclass(frozen=True, slots=True)
class PhotoPlausibility:
    """The flags that travel with a photo in the record."""

    distance_m: float | None  # from the outfall, None without an EXIF position
    time_offset_s: float | None  # taken_at minus inspection time, None without an EXIF time
    far_from_outfall: bool
    time_implausible: bool

    @property
    def no_position(self) -> bool:
        return self.distance_m is None

    @property
    def no_time(self) -> bool:
        return self.time_offset_s is None

    @property
    def flagged(self) -> bool:
        return self.far_from_outfall or self.time_implausible


def distance_from_outfall(
    photo_lat: float, photo_lon: float, outfall_lat: float, outfall_lon: float
) -> float:
    """Metres between the photo's EXIF position and the outfall."""
    return geodesy.distance_m(photo_lat, photo_lon, outfall_lat, outfall_lon)


def time_offset_s(
    taken_at: datetime,
    inspection_time: datetime,
    camera_utc_offset: timedelta = CHINA_STANDARD_TIME,
) -> float:
    """Seconds from the inspection to the photo (negative: before). Naive times are camera local."""
    taken = taken_at if taken_at.tzinfo else taken_at.replace(tzinfo=timezone(camera_utc_offset))
    if inspection_time.tzinfo is None:
        raise ValueError("the inspection time must be timezone-aware")
    return (taken - inspection_time).total_seconds()


def check_photo(
    *,
    photo_lat: float | None,
    photo_lon: float | None,
    taken_at: datetime | None,
    outfall_lat: float,
    outfall_lon: float,
    inspection_time: datetime,
    max_distance_m: float,
    max_time_offset_s: float,
    camera_utc_offset: timedelta = CHINA_STANDARD_TIME,
) -> PhotoPlausibility:
    """Distance and time checks for one photo against its inspection."""
    distance = None
    if photo_lat is not None and photo_lon is not None:
        distance = distance_from_outfall(photo_lat, photo_lon, outfall_lat, outfall_lon)
    offset = None
    if taken_at is not None:
        offset = time_offset_s(taken_at, inspection_time, camera_utc_offset)
    return PhotoPlausibility(
        distance_m=distance,
        time_offset_s=offset,
        far_from_outfall=distance is not None and distance > max_distance_m,
        time_implausible=offset is not None and abs(offset) > max_time_offset_s,
    )


class CoordinateSource(StrEnum):
    """Whose coordinates a photo is shown with (坐标来源): never one passed off as another."""

    PHOTO_EXIF = "photo_exif"  # the photo's own EXIF GPS, recorded by the camera
    INSPECTION_GNSS = "inspection_gnss"  # the inspection's fix from the laptop's GNSS receiver
    INSPECTION_PHOTO = "inspection_photo"  # the inspection's position, from another photo's EXIF
    INSPECTION_MANUAL = "inspection_manual"  # the inspection's position, typed in with a reason


_FROM_INSPECTION = {
    PositionSource.GNSS.value: CoordinateSource.INSPECTION_GNSS,
    PositionSource.PHOTO_EXIF.value: CoordinateSource.INSPECTION_PHOTO,
    PositionSource.MANUAL.value: CoordinateSource.INSPECTION_MANUAL,
}


@dataclass(frozen=True, slots=True)
class PhotoCoordinates:
    """The coordinates (WGS-84) shown with a photo, e.g. on its watermark, and where they come from.

    For the inspection's position the rest says how good it is: its estimated error, when it was
    captured (UTC), how many GNSS fixes were averaged, or why it was typed in.
    """

    lat: float
    lon: float
    source: CoordinateSource
    accuracy_m: float | None = None
    captured_at: datetime | None = None
    n_fixes: int = 0
    reason: str | None = None

    @property
    def from_photo(self) -> bool:
        return self.source is CoordinateSource.PHOTO_EXIF


def photo_coordinates(
    photo_lat: float | None, photo_lon: float | None, inspection: PositionRecord | None
) -> PhotoCoordinates | None:
    """The photo's own EXIF position; without one, the inspection's position, labelled as such;
    None when neither is known (or the inspection's position has a source we cannot name)."""
    if photo_lat is not None and photo_lon is not None:
        return PhotoCoordinates(photo_lat, photo_lon, CoordinateSource.PHOTO_EXIF)
    if inspection is None or inspection.source not in _FROM_INSPECTION:
        return None
    return PhotoCoordinates(
        inspection.lat,
        inspection.lon,
        _FROM_INSPECTION[inspection.source],
        accuracy_m=inspection.accuracy_m,
        captured_at=_utc(inspection.captured_at),
        n_fixes=inspection.n_fixes,
        reason=inspection.reason,
    )


def _utc(iso: str | None) -> datetime | None:
    if not iso:
        return None
    try:
        when = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)
