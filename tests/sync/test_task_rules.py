"""The pure task rules (``sync.tasks``): kinds, states, overdue, what closes a task."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from sync.tasks import (
    TaskKind,
    TaskState,
    assignees_of,
    cancelled,
    closed,
    closes,
    is_overdue,
    kind_of,
    outfalls_of,
    problems,
    state_of,
)

NOW = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)


@given(
    st.sampled_from(list(TaskState)),
    st.one_of(st.none(), st.integers(min_value=-10_000, max_value=10_000)),
)
def test_overdue_means_open_and_past_the_deadline(state: TaskState, minutes: int | None) -> None:
    due = None if minutes is None else (NOW + timedelta(minutes=minutes)).isoformat()
    task = {"id": "t", "state": state.value, "due": due}
    expected = state == TaskState.OPEN and minutes is not None and minutes < 0
    assert is_overdue(task, NOW) is expected


def test_a_task_from_before_kinds_reads_as_an_open_inspection_with_its_one_assignee() -> None:
    old = {"id": "t", "title": "复查", "assignee": "alice", "outfall_id": "o1"}
    assert kind_of(old) == TaskKind.INSPECT and state_of(old) == TaskState.OPEN
    assert assignees_of(old) == ["alice"] and outfalls_of(old) == ["o1"]
    both = {**old, "assignees": ["bob", "alice"], "outfall_ids": ["o2", "o1"]}
    assert assignees_of(both) == ["bob", "alice"] and outfalls_of(both) == ["o1", "o2"]


def test_what_each_kind_lacks() -> None:
    assert problems(TaskKind.INSPECT, [], None, "") == []
    assert [zh for _en, zh in problems(TaskKind.RETEST, [], None, "")] == ["请选择要复测的排口"]
    assert problems(TaskKind.VERIFY, [], None, "") != []
    assert problems(TaskKind.VERIFY, [], {"lat": 32.0, "lon": 120.9}, "") == []
    assert problems(TaskKind.VERIFY, [], None, "石港镇北渔村东侧河边") == []  # an address will do
    assert problems(TaskKind.PATROL, [], None, "  ") != []
    assert problems(TaskKind.PATROL, [], None, "通吕运河") == []
    assert problems(TaskKind.VERIFY, [], {"lat": 91.0, "lon": 0.0}, "") != []


def test_only_a_complete_linked_record_of_the_right_entity_closes_an_open_task() -> None:
    task = {"id": "t", "kind": "inspect", "state": "open"}
    done = {"task_id": "t", "status": "complete"}
    assert closes(task, "inspections", done)
    assert not closes(task, "patrols", done)
    assert not closes(task, "inspections", {**done, "status": "draft"})
    assert not closes(task, "inspections", {**done, "task_id": "other"})
    assert not closes({**task, "state": "cancelled"}, "inspections", done)
    assert closes({**task, "kind": "patrol"}, "patrols", done)
    after = closed(task, "inspections", "i1", NOW)
    assert after["state"] == "done" and after["closed_by"] == {"entity": "inspections", "id": "i1"}
    assert not closes(after, "inspections", done)
    gone = cancelled(task, "boss", "重复", NOW)
    assert (
        gone["state"] == "cancelled" and gone["cancel_reason"] == "重复" and task["state"] == "open"
    )
