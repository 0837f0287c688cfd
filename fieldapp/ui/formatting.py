"""Times, distances and durations as people read them, in the UI's language (the one place).

Stored times are UTC ISO 8601 (``2026-05-01T02:21:05.123Z``); people see the laptop's local time
without seconds or zone letter (``2026-05-01 10:21``). A time without zone (a camera's EXIF clock)
is shown as it is. Distances read 850 米 / 1.2 公里 (850 m / 1.2 km); durations 12 分钟,
2 小时 5 分钟 (12 min, 2 h 5 min). The unit words come from the Qt translation of the context
"Formatting", so they follow the language the app was started in.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

EMPTY = "—"
YEAR = 365.25 * 86400


def _units() -> dict[str, str]:
    """The unit words in the UI's language (literal calls, so lupdate finds them)."""
    return {
        "m": QCoreApplication.translate("Formatting", "%1 m"),
        "km": QCoreApplication.translate("Formatting", "%1 km"),
        "s": QCoreApplication.translate("Formatting", "%1 s"),
        "min": QCoreApplication.translate("Formatting", "%1 min"),
        "h": QCoreApplication.translate("Formatting", "%1 h"),
        "d": QCoreApplication.translate("Formatting", "%1 d"),
        "y": QCoreApplication.translate("Formatting", "%1 years"),
    }


def _unit(unit: str, number: str) -> str:
    return _units()[unit].replace("%1", number)


def unit_suffix(unit: str) -> str:
    """A spin box's suffix: " 米" (" m"); ``unit`` is one of m, km, s, min, h, d."""
    return _unit(unit, "")


def parse_time(value: str | dt.datetime | None) -> dt.datetime | None:
    """A stored time (ISO text or datetime), or None when there is none or it is not a time."""
    if value is None or isinstance(value, dt.datetime):
        return value
    text = value.strip()
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def local_time(
    value: str | dt.datetime | None, *, seconds: bool = False, empty: str = EMPTY
) -> str:
    """``2026-05-01 10:21`` in the laptop's time zone (``seconds`` adds them); ``empty`` when there
    is no time; text that is not a time is shown unchanged (never hidden)."""
    when = parse_time(value)
    if when is None:
        return empty if value is None or not str(value).strip() else str(value)
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def local_date(value: str | dt.datetime | dt.date | None, *, empty: str = EMPTY) -> str:
    """``2026-05-01``: the local day of a stored time, or a date as it is."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    text = local_time(value, empty=empty)
    return text[:10] if parse_time(value) else text


def distance(metres: float | None, *, empty: str = EMPTY) -> str:
    """850 米 / 1.2 公里 / 35 公里 (850 m / 1.2 km / 35 km)."""
    if metres is None:
        return empty
    if abs(metres) < 999.5:
        return _unit("m", f"{metres:.0f}")
    km = metres / 1000
    number = f"{km:.1f}".removesuffix(".0") if abs(km) < 9.95 else f"{km:,.0f}"
    return _unit("km", number)


def accuracy(metres: float | None, *, empty: str = EMPTY) -> str:
    """±4 米 (±4 m): a position's error."""
    return empty if metres is None else "±" + distance(metres)


def duration(seconds: float | None, *, empty: str = EMPTY) -> str:
    """45 秒, 12 分钟, 2 小时 5 分钟, 3 天 2 小时, 12 年 (45 s, 12 min, 2 h 5 min, 3 d 2 h, 12 years)."""
    if seconds is None:
        return empty
    total = round(abs(seconds))
    if total < 60:
        return _unit("s", str(total))
    minutes = round(total / 60)
    if minutes < 60:
        return _unit("min", str(minutes))
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        text = _unit("h", str(hours))
        return text if not minutes else f"{text} {_unit('min', str(minutes))}"
    if total >= 2 * YEAR:  # a camera clock never set: years, not thousands of days
        return _unit("y", f"{total / YEAR:.0f}")
    days, hours = divmod(round(total / 3600), 24)  # to the hour past two days
    text = _unit("d", str(days))
    return text if not hours else f"{text} {_unit('h', str(hours))}"


def time_offset(seconds: float | None, *, empty: str = EMPTY) -> str:
    """How far a time lies from another: 早 12 分钟 / 晚 2 小时 (12 min earlier / 2 h later)."""
    if seconds is None:
        return empty
    if round(abs(seconds)) == 0:
        return QCoreApplication.translate("Formatting", "at the same time")
    text = (
        QCoreApplication.translate("Formatting", "%1 earlier")
        if seconds < 0
        else QCoreApplication.translate("Formatting", "%1 later")
    )
    return text.replace("%1", duration(seconds))
