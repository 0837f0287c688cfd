"""The status strip's short times (``今天 10:32``, ``12月5日``): it has little room. Everywhere else
times go through ``fieldapp.ui.formatting`` (``2026-12-05 10:32``)."""

from __future__ import annotations

import datetime as dt

from fieldapp.ui.formatting import parse_time


def parse(iso: str | None) -> dt.datetime | None:
    parsed = parse_time(iso)
    if parsed is None:
        return None
    if parsed.tzinfo is None:  # stored times are UTC
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone()


def local_time(iso: str | None, lang: str, now: dt.datetime | None = None) -> str:
    """``今天 10:32`` / ``12月1日 18:05`` / ``2025年12月1日 18:05`` (en: ``today 10:32`` …)."""
    when = parse(iso)
    if when is None:
        return ""
    now = now or dt.datetime.now().astimezone()
    clock = when.strftime("%H:%M")
    zh = lang.startswith("zh")
    if when.date() == now.date():
        return f"今天 {clock}" if zh else f"today {clock}"
    return f"{local_date(when.date().isoformat(), lang, now)} {clock}"


def local_date(iso_date: str | None, lang: str, now: dt.datetime | None = None) -> str:
    """``12月5日`` / ``5 Dec`` (with the year when it is not this year)."""
    if not iso_date:
        return ""
    try:
        day = dt.date.fromisoformat(iso_date[:10])
    except ValueError:
        return iso_date
    now = now or dt.datetime.now().astimezone()
    if lang.startswith("zh"):
        text = f"{day.month}月{day.day}日"
        return text if day.year == now.year else f"{day.year}年{text}"
    text = f"{day.day} {day.strftime('%b')}"
    return text if day.year == now.year else f"{text} {day.year}"
