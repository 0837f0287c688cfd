"""Position capture rules for an inspection: which fixes count, how they are averaged, fallbacks.

A fix is acceptable when it has a 2-D or 3-D position, comes from a receiver that is not in
simulation mode, and its estimated horizontal error is known and at most ``max_error_m`` (a
setting); ``refusal`` says why a fix is not, in words for the user (``FixRefusal.message``). A GNSS capture averages ``fixes_to_average`` acceptable
fixes. When the receiver cannot deliver, the fallbacks are a photo's EXIF position or coordinates
typed in with a reason; every ``CapturedPosition`` records its source. Coordinates are kept as the
receiver (or photo, or person) gave them: WGS-84, never shifted (DOMAIN.md, Coordinates). Pure.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

import geodesy
from fieldapp.domain import geo
from fieldapp.domain.nmea import Fix, FixMode


class PositionSource(StrEnum):
    """Where a captured position came from (位置来源)."""

    GNSS = "gnss"
    PHOTO_EXIF = "photo_exif"
    MANUAL = "manual"


@dataclass(frozen=True, slots=True)
class CaptureSettings:
    """The capture thresholds (user settings)."""

    max_error_m: float = 20.0  # a fix with a larger estimated error is not used
    fixes_to_average: int = 5
    far_from_outfall_m: float = 50.0  # an inspection this far from its outfall is flagged

    def __post_init__(self) -> None:
        if not self.max_error_m > 0 or self.fixes_to_average < 1 or not self.far_from_outfall_m > 0:
            raise ValueError(f"invalid capture settings: {self}")


class InvalidPosition(ValueError):
    """A position that cannot be recorded (out of range, manual without a reason)."""


@dataclass(frozen=True, slots=True)
class CapturedPosition:
    """The position recorded with an inspection, with its accuracy and where it came from."""

    lat: float
    lon: float
    accuracy_m: float | None  # estimated horizontal error (95 %), None when unknown
    source: PositionSource
    n_fixes: int = 0  # GNSS fixes averaged (0 for the fallbacks)
    reason: str | None = None  # why coordinates were typed in (manual only)
    alt_m: float | None = None
    captured_at: datetime | None = None  # UTC: last fix used, or the photo's time

    def __post_init__(self) -> None:
        if not (math.isfinite(self.lat) and -90 <= self.lat <= 90):
            raise InvalidPosition(f"latitude out of range: {self.lat}")
        if not (math.isfinite(self.lon) and -180 <= self.lon <= 180):
            raise InvalidPosition(f"longitude out of range: {self.lon}")
        if self.accuracy_m is not None and not (self.accuracy_m >= 0):
            raise InvalidPosition(f"accuracy must be a non-negative number: {self.accuracy_m}")
        if self.source is PositionSource.MANUAL and not (self.reason and self.reason.strip()):
            raise InvalidPosition("a manually entered position needs a reason")
        if self.source is PositionSource.GNSS and self.n_fixes < 1:
            raise InvalidPosition("a GNSS position is averaged from at least one fix")


class FixRefusal(StrEnum):
    """Why a fix cannot be used as evidence of where an inspection took place."""

    NO_POSITION = "no_position"
    SIMULATED = "simulated"  # the receiver is in simulation mode: the position is made up
    ACCURACY_UNKNOWN = "accuracy_unknown"  # e.g. a receiver sending only GLL (no HDOP, no GST)
    TOO_INACCURATE = "too_inaccurate"

    def message(self, lang: str, max_error_m: float | None = None) -> str:
        """The reason in the user's language (``max_error_m`` fills in the threshold)."""
        zh, en = _REFUSALS[self]
        text = zh if lang.startswith("zh") else en
        return text.replace("%1", f"{max_error_m:g}" if max_error_m is not None else "?")


_REFUSALS = {
    FixRefusal.NO_POSITION: ("接收机尚未定位。", "The receiver has no position fix yet."),
    FixRefusal.SIMULATED: (
        "接收机处于模拟模式，报告的位置是模拟的，不能作为检查证据。请关闭接收机的模拟模式。",
        "The receiver is in simulation mode: its position is simulated and cannot be used as "
        "evidence. Turn simulation off on the receiver.",
    ),
    FixRefusal.ACCURACY_UNKNOWN: (
        "接收机未报告定位精度（如只发送 GLL 语句），不能用于采集位置。",
        "The receiver does not report its accuracy (e.g. it sends only GLL sentences), so the "
        "position cannot be captured.",
    ),
    FixRefusal.TOO_INACCURATE: (
        "定位误差大于 %1 米，暂不能采集。",
        "The estimated error is over %1 m: not good enough to capture yet.",
    ),
}


def refusal(fix: Fix, max_error_m: float) -> FixRefusal | None:
    """Why ``fix`` cannot be captured, or None when it can."""
    if fix.mode not in (FixMode.TWO_D, FixMode.THREE_D) or not fix.has_position:
        return FixRefusal.NO_POSITION
    if fix.simulated:
        return FixRefusal.SIMULATED
    if fix.eph_m is None:
        return FixRefusal.ACCURACY_UNKNOWN
    if fix.eph_m > max_error_m:
        return FixRefusal.TOO_INACCURATE
    return None


def is_acceptable(fix: Fix, max_error_m: float) -> bool:
    """A 2-D or 3-D position, not simulated, with an estimated error known and within the
    threshold."""
    return refusal(fix, max_error_m) is None


@dataclass(slots=True)
class PositionCapture:
    """Collects acceptable fixes until there are enough to average (one capture in the form)."""

    settings: CaptureSettings = field(default_factory=CaptureSettings)
    used: list[Fix] = field(default_factory=list)
    refused: int = 0
    last_refusal: FixRefusal | None = None  # why the last fix refused was

    def add(self, fix: Fix) -> bool:
        """Offer one fix; True if it was used. Ignored once the capture is complete."""
        if self.complete:
            return False
        reason = refusal(fix, self.settings.max_error_m)
        if reason is None:
            self.used.append(fix)
            return True
        self.refused += 1
        self.last_refusal = reason
        return False

    @property
    def complete(self) -> bool:
        return len(self.used) >= self.settings.fixes_to_average

    def result(self) -> CapturedPosition | None:
        """The averaged position once enough fixes arrived, else None."""
        if not self.complete:
            return None
        return average_fixes(self.used)


def average_fixes(fixes: Iterable[Fix]) -> CapturedPosition:
    """Average fixes (each with a position) into one GNSS position.

    The accuracy is the larger of the fixes' mean estimated error and their spread: errors of
    consecutive fixes are strongly correlated, so averaging a few seconds does not shrink them by
    √n, and a spread wider than the receiver's own estimate means the estimate was optimistic.
    """
    fixes = [f for f in fixes if f.lat is not None and f.lon is not None]
    if not fixes:
        raise ValueError("average_fixes() needs at least one fix with a position")
    mean = geo.average([(f.lat, f.lon) for f in fixes])  # type: ignore[misc]
    errors = [f.eph_m for f in fixes if f.eph_m is not None]
    accuracy = max(sum(errors) / len(errors) if errors else mean.spread_m, mean.spread_m)
    alts = [f.alt_m for f in fixes if f.alt_m is not None]
    return CapturedPosition(
        lat=mean.lat,
        lon=mean.lon,
        accuracy_m=accuracy,
        source=PositionSource.GNSS,
        n_fixes=len(fixes),
        alt_m=sum(alts) / len(alts) if alts else None,
        captured_at=fixes[-1].time,
    )


def capture_from_fixes(
    fixes: Iterable[Fix], settings: CaptureSettings | None = None
) -> CapturedPosition | None:
    """Run a capture over a stream of fixes: the first N acceptable ones averaged, or None."""
    capture = PositionCapture(settings or CaptureSettings())
    for fix in fixes:
        capture.add(fix)
        if capture.complete:
            break
    return capture.result()


def from_photo(
    lat: float, lon: float, alt_m: float | None = None, taken_at: datetime | None = None
) -> CapturedPosition:
    """Fallback: the EXIF position of a photo (accuracy unknown)."""
    return CapturedPosition(
        lat, lon, None, PositionSource.PHOTO_EXIF, alt_m=alt_m, captured_at=taken_at
    )


def manual(
    lat: float, lon: float, reason: str, accuracy_m: float | None = None
) -> CapturedPosition:
    """Fallback: coordinates typed in, with the reason (required)."""
    return CapturedPosition(lat, lon, accuracy_m, PositionSource.MANUAL, reason=reason.strip())


@dataclass(frozen=True, slots=True)
class OutfallOffset:
    """Where a position lies from the registered outfall, and whether that is too far."""

    distance_m: float
    bearing_deg: float  # from the position towards the outfall
    far: bool


def offset_from_outfall(
    position: CapturedPosition, outfall_lat: float, outfall_lon: float, far_threshold_m: float
) -> OutfallOffset:
    """Distance and bearing from ``position`` to the outfall; ``far`` past the threshold."""
    distance, bearing = geodesy.inverse(position.lat, position.lon, outfall_lat, outfall_lon)
    return OutfallOffset(distance, bearing, distance > far_threshold_m)
