"""Complaint rules (举报): data equal on both sides, deadlines in working days of Nantong."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from sync import complaints
from sync.escalation import TZ

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "resources" / "data" / "complaint_rules.json"
SERVER = ROOT / "sync" / "server" / "data" / "complaint_rules.json"
RULES = complaints.load(APP)


def test_the_servers_copy_is_the_apps() -> None:
    assert SERVER.read_bytes() == APP.read_bytes()
    assert RULES.channel("hotline_12369") is not None and RULES.outcome("confirmed") is not None
    assert RULES.channel("hotline_12369").label("zh_CN") == "12369 环保举报热线"  # type: ignore[union-attr]


def test_a_friday_complaint_is_verified_by_wednesday_night() -> None:
    friday = dt.datetime(2026, 12, 4, 16, 30, tzinfo=TZ)
    assert complaints.verify_due(RULES, friday) == dt.datetime(2026, 12, 10, 0, 0, tzinfo=TZ)
    # fifteen working days: three weeks later, to the end of that Friday
    assert complaints.answer_due(RULES, friday) == dt.datetime(2026, 12, 26, 0, 0, tzinfo=TZ)


@given(
    st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2035, 1, 1)),
    st.integers(min_value=1, max_value=40),
)
def test_the_deadline_ends_a_working_day_that_many_working_days_on(
    start: dt.datetime, n: int
) -> None:
    start = start.replace(tzinfo=dt.UTC)
    due = complaints.add_working_days(start, n)
    last = (due - dt.timedelta(days=1)).date()  # the day the deadline closes
    assert due.time() == dt.time(0, 0) and last.weekday() < 5
    days = [start.astimezone(TZ).date() + dt.timedelta(days=i + 1)
            for i in range((last - start.astimezone(TZ).date()).days)]  # fmt: skip
    assert sum(1 for d in days if d.weekday() < 5) == n


def test_answered_late_stays_overdue() -> None:
    due = dt.datetime(2026, 12, 10, tzinfo=TZ)
    assert not complaints.is_overdue(due, None, due - dt.timedelta(hours=1))
    assert complaints.is_overdue(due, None, due + dt.timedelta(seconds=1))
    assert complaints.is_overdue(due, due + dt.timedelta(days=1), due + dt.timedelta(days=2))
    assert not complaints.is_overdue(due, due - dt.timedelta(days=1), due + dt.timedelta(days=9))
