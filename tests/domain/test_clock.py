"""Stored times: one format, UTC, milliseconds, sortable as text."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain import clock


def test_now_iso_is_utc_with_milliseconds_and_z() -> None:
    before = dt.datetime.now(dt.UTC)
    text = clock.now_iso()
    after = dt.datetime.now(dt.UTC)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", text)
    parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    assert before - dt.timedelta(milliseconds=1) <= parsed <= after


_RECORD_ERA = {"min_value": dt.datetime(2000, 1, 1), "max_value": dt.datetime(2200, 1, 1)}


@given(
    st.datetimes(timezones=st.just(dt.timezone(dt.timedelta(hours=8))), **_RECORD_ERA),
    st.datetimes(timezones=st.just(dt.UTC), **_RECORD_ERA),
)
def test_stored_text_sorts_as_the_times_do(a: dt.datetime, b: dt.datetime) -> None:
    a_ms = a.replace(microsecond=a.microsecond // 1000 * 1000)
    b_ms = b.replace(microsecond=b.microsecond // 1000 * 1000)
    assert (clock.iso(a_ms) < clock.iso(b_ms)) == (a_ms < b_ms)
