"""A drawn visit's window (China time), its state at any moment, the task it becomes, and the
rules' deadline checked."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import draws
from draws.visits import CHINA_TIME, TASK_KIND, state, task_data, window

RULES = draws.parse_rules(
    {"classes": [{"code": "all", "rate": 0.1}], "deadline_days_after": 2, "release_days_before": 1}
)


def test_the_window_runs_from_the_release_day_to_the_end_of_the_deadline_day() -> None:
    opening = window(dt.date(2027, 3, 2), dt.date(2027, 3, 3), RULES)
    assert opening.opens == dt.datetime(2027, 3, 2, tzinfo=CHINA_TIME)
    assert opening.closes == dt.datetime(2027, 3, 6, tzinfo=CHINA_TIME)
    # 00:00 in Nantong is 16:00 UTC the evening before.
    assert opening.opens.astimezone(dt.UTC) == dt.datetime(2027, 3, 1, 16, tzinfo=dt.UTC)
    assert not opening.holds(dt.datetime(2027, 3, 1, 15, 59, tzinfo=dt.UTC))
    assert opening.holds(dt.datetime(2027, 3, 1, 16, tzinfo=dt.UTC))
    assert opening.holds(dt.datetime(2027, 3, 5, 23, 59, tzinfo=CHINA_TIME))
    assert not opening.holds(dt.datetime(2027, 3, 6, tzinfo=CHINA_TIME))


@given(
    st.datetimes(
        min_value=dt.datetime(2027, 1, 1),
        max_value=dt.datetime(2027, 12, 31),
        timezones=st.just(dt.UTC),
    ),
    st.booleans(),
    st.booleans(),
)
def test_a_visit_is_in_exactly_one_state(at: dt.datetime, released: bool, done: bool) -> None:
    closes = dt.datetime(2027, 6, 30, 16, tzinfo=dt.UTC)
    released_at = dt.datetime(2027, 6, 1, tzinfo=dt.UTC) if released else None
    done_at = dt.datetime(2027, 6, 2, tzinfo=dt.UTC) if done else None
    got = state(released_at, done_at, closes, at)
    if done:
        assert got == "done"
    elif at >= closes:
        assert got == "overdue"  # released or not: its window has passed undone
    else:
        assert got == ("open" if released else "secret")


def test_the_task_names_the_visit_its_window_and_the_co_inspectors() -> None:
    opening = window(dt.date(2027, 3, 2), dt.date(2027, 3, 3), RULES)
    task = task_data(
        "t1", "d1", "o1", "320614", "wang", ("li", "wang", "zhao"), dt.date(2027, 3, 3),
        opening, "city_sup",
    )  # fmt: skip
    assert task["kind"] == TASK_KIND and task["assignee"] == "wang"
    assert task["outfall_id"] == "o1" and task["county_code"] == "320614"
    assert task["visit"] == {"draw_id": "d1", "target_id": "o1"}
    assert task["co_inspectors"] == ["li", "zhao"]
    assert task["due"] == "2027-03-06T00:00:00+08:00" and task["window"][1] == task["due"]


@pytest.mark.parametrize("bad", [-1, 61, 1.5, True, "3"])
def test_a_bad_deadline_is_named(bad: object) -> None:
    with pytest.raises(draws.BadRules) as refused:
        draws.parse_rules({"classes": [{"code": "all", "rate": 0.1}], "deadline_days_after": bad})
    assert "deadline_days_after" in refused.value.en and "检查期限" in refused.value.zh


def test_rules_without_a_deadline_take_three_days_and_keep_it_in_the_record() -> None:
    rules = draws.parse_rules({"classes": [{"code": "all", "rate": 0.1}]})
    assert rules.deadline_days_after == 3
    assert draws.parse_rules(RULES.as_data()).deadline_days_after == 2
