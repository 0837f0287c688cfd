"""The one clock for stored times: UTC ISO-8601 with milliseconds and a ``Z``, as every record
stores them (``2026-12-03T07:15:00.123Z``), so stored times sort as text. Pure."""

from __future__ import annotations

import datetime as dt


def now() -> dt.datetime:
    """The current time, aware, in UTC."""
    return dt.datetime.now(dt.UTC)


def iso(when: dt.datetime) -> str:
    """An aware time as records store it."""
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def now_iso() -> str:
    """The current time as records store it."""
    return iso(now())
