"""When an escalated patrol problem is overdue: one working day to handle it (pure, no I/O).

The clock is Nantong's (``Asia/Shanghai``, UTC+8, no daylight saving) whatever the server's or the
laptop's own time zone. Working days are Monday to Friday; public holidays and the weekend days
worked in their place (调休) are not modelled. A problem escalated on a working day must be
handled by the same time of day on the next working day; one escalated on a Saturday or Sunday
is due at the end (24:00) of the first working day after it.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Shanghai")


def is_working_day(day: datetime) -> bool:
    return day.astimezone(TZ).weekday() < 5


def _next_working_date(local: datetime) -> datetime:
    day = local + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def due_at(escalated_at: datetime) -> datetime:
    """The moment an escalated problem becomes overdue (aware, in Asia/Shanghai)."""
    if escalated_at.tzinfo is None:
        raise ValueError("escalated_at must carry its time zone")
    local = escalated_at.astimezone(TZ)
    if local.weekday() < 5:
        return _next_working_date(local)
    # escalated on a weekend: the clock starts with the next working day and runs all of it
    start = local
    while start.weekday() >= 5:
        start += timedelta(days=1)
    return datetime.combine(start.date() + timedelta(days=1), time(0, 0), tzinfo=TZ)


def is_overdue(escalated_at: datetime, handled_at: datetime | None, now: datetime) -> bool:
    """Escalated and not handled by its due time (handled late stays flagged: it was overdue)."""
    due = due_at(escalated_at)
    if handled_at is not None:
        return handled_at > due
    return now > due
