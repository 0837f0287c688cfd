"""Times, distances and durations in the UI's language: local time from stored UTC, 米/公里 and
分钟/小时 in Chinese, m/km and min/h in English."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.ui import formatting as fmt
from fieldapp.ui.app import make_app


@pytest.fixture
def shanghai() -> Iterator[None]:
    """The laptop's clock in China (UTC+8), as in the field."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


@pytest.fixture
def zh(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    make_app("zh_CN")
    yield
    make_app("en")


@pytest.fixture
def en(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    make_app("en")
    yield


def test_stored_utc_is_shown_in_local_time(shanghai: None, en: None) -> None:
    assert fmt.local_time("2026-05-01T18:21:05.123Z") == "2026-05-02 02:21"
    assert fmt.local_time("2026-05-01T18:21:05+00:00", seconds=True) == "2026-05-02 02:21:05"
    assert fmt.local_time(dt.datetime(2026, 5, 1, 18, 21, tzinfo=dt.UTC)) == "2026-05-02 02:21"
    assert fmt.local_date("2026-05-01T18:21:05Z") == "2026-05-02"
    assert fmt.local_date("2026-06-30") == "2026-06-30"  # a date stays the date it is


def test_times_without_zone_or_without_time(shanghai: None, en: None) -> None:
    assert fmt.local_time("2014-09-22T10:56:35") == "2014-09-22 10:56"  # a camera's clock
    assert fmt.local_time(None) == "—"
    assert fmt.local_time("", empty="") == ""
    assert fmt.local_time("yesterday") == "yesterday"  # not a time: shown, never hidden


def test_distances_and_durations_in_chinese(zh: None) -> None:
    assert fmt.distance(4.4) == "4 米"
    assert fmt.distance(850) == "850 米"
    assert fmt.distance(1000) == "1 公里"
    assert fmt.distance(1234) == "1.2 公里"
    assert fmt.distance(35_400) == "35 公里"
    assert fmt.accuracy(3.6) == "±4 米"
    assert fmt.duration(45) == "45 秒"
    assert fmt.duration(12 * 60 + 10) == "12 分钟"
    assert fmt.duration(2 * 3600 + 5 * 60) == "2 小时 5 分钟"
    assert fmt.duration(3 * 86400 + 2 * 3600) == "3 天 2 小时"
    assert fmt.duration(-4454 * 86400) == "12 年"
    assert fmt.time_offset(-600) == "早 10 分钟"
    assert fmt.time_offset(7200) == "晚 2 小时"


def test_distances_and_durations_in_english(en: None) -> None:
    assert fmt.distance(850) == "850 m"
    assert fmt.distance(1234) == "1.2 km"
    assert fmt.distance(None) == "—"
    assert fmt.duration(3600) == "1 h"
    assert fmt.duration(-90 * 60) == "1 h 30 min"
    assert fmt.time_offset(-600) == "10 min earlier"
    assert fmt.time_offset(0.2) == "at the same time"


@given(metres=st.floats(0, 5e6, allow_nan=False))
def test_every_distance_reads_as_a_number_and_a_unit(metres: float) -> None:
    number, unit = fmt.distance(metres).split(" ")
    assert unit in ("m", "km", "米", "公里")
    value = float(number.replace(",", "")) * (1000 if unit in ("km", "公里") else 1)
    assert abs(value - metres) <= max(0.5, metres * 0.05 + 50)


@given(seconds=st.floats(-1e7, 1e7, allow_nan=False))
def test_every_duration_adds_up(seconds: float) -> None:
    words = fmt.duration(seconds).split(" ")
    scale = {
        "s": 1,
        "min": 60,
        "h": 3600,
        "d": 86400,
        "秒": 1,
        "分钟": 60,
        "小时": 3600,
        "天": 86400,
    }
    total = sum(float(n) * scale[u] for n, u in zip(words[::2], words[1::2], strict=True))
    if abs(seconds) >= 2 * fmt.YEAR - 1:
        allowed = fmt.YEAR / 2  # to the year past two years
    elif abs(seconds) >= 47 * 3600:
        allowed = 30 * 60  # to the hour past two days
    else:
        allowed = 30
    assert abs(total - abs(seconds)) <= allowed
