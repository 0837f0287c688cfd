"""One working day to handle an escalated patrol problem (``sync.escalation``): Mon–Fri on
Nantong's clock (Asia/Shanghai) whatever zone the timestamp carries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync.escalation import TZ, due_at, is_overdue

SH = TZ


@pytest.mark.parametrize(
    ("escalated", "due"),
    [
        # Tuesday 10:00 → Wednesday 10:00
        (datetime(2026, 12, 1, 10, tzinfo=SH), datetime(2026, 12, 2, 10, tzinfo=SH)),
        # Friday 16:30 → Monday 16:30
        (datetime(2026, 12, 4, 16, 30, tzinfo=SH), datetime(2026, 12, 7, 16, 30, tzinfo=SH)),
        # Saturday → the whole of Monday
        (datetime(2026, 12, 5, 9, tzinfo=SH), datetime(2026, 12, 8, 0, tzinfo=SH)),
        # Sunday 23:59 → the whole of Monday
        (datetime(2026, 12, 6, 23, 59, tzinfo=SH), datetime(2026, 12, 8, 0, tzinfo=SH)),
        # Friday 23:00 in Nantong is Friday 15:00 UTC: a working day there
        (datetime(2026, 12, 4, 15, tzinfo=UTC), datetime(2026, 12, 7, 23, tzinfo=SH)),
        # Sunday 17:00 UTC is Monday 01:00 in Nantong: due Tuesday 01:00
        (datetime(2026, 12, 6, 17, tzinfo=UTC), datetime(2026, 12, 8, 1, tzinfo=SH)),
    ],
)
def test_due_one_working_day_later_on_nantongs_clock(escalated: datetime, due: datetime) -> None:
    assert due_at(escalated) == due


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError):
        due_at(datetime(2026, 12, 1, 10))


def test_overdue_until_handled_and_handled_late_stays_flagged() -> None:
    tuesday = datetime(2026, 12, 1, 10, tzinfo=SH)
    wednesday = datetime(2026, 12, 2, 10, tzinfo=SH)
    second = timedelta(seconds=1)
    assert not is_overdue(tuesday, None, wednesday)
    assert is_overdue(tuesday, None, wednesday + second)
    assert not is_overdue(tuesday, wednesday - second, wednesday + timedelta(days=9))
    assert is_overdue(tuesday, wednesday + second, wednesday + timedelta(days=9))


moments = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC)
)


@given(moments)
def test_the_due_time_falls_on_a_working_day_within_four_days(at: datetime) -> None:
    due = due_at(at).astimezone(SH)
    working_end = due - timedelta(microseconds=1) if due.time() == due.min.time() else due
    assert working_end.weekday() < 5
    assert timedelta(hours=24) <= due - at <= timedelta(days=4)
    # a working day's escalation keeps its time of day
    if at.astimezone(SH).weekday() < 5:
        assert due.time() == at.astimezone(SH).time()
