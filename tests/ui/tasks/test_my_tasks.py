"""我的任务 on the laptop: the pulled tasks assigned to the user, overdue flagged and first; an
inspection opened from a task carries the task's id into the record the sync pushes."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from fieldapp.ui.session import Session
from fieldapp.ui.tasks.window import OVERDUE
from sync.client.state.pull import apply_pulled
from sync.protocol import PulledChange

_clock = [0]


def _pull(session: Session, qtbot: Any, tasks: list[dict[str, Any]]) -> None:
    items = []
    for task in tasks:
        _clock[0] += 1
        items.append(
            PulledChange.model_validate(
                {
                    "seq": _clock[0],
                    "change_id": f"c{_clock[0]}",
                    "at": "2026-12-01T00:00:00Z",
                    "entity": "tasks",
                    "row_id": task["id"],
                    "op": "upsert",
                    "data": task,
                    "hlc": f"{1_800_000_000_000 + _clock[0]:013d}:00000:server",
                }
            )
        )
    done: list[Any] = []
    session.lane.submit(
        lambda: apply_pulled(session.writer, items, len(items)), done.append, done.append
    )
    qtbot.waitUntil(lambda: bool(done))
    assert isinstance(done[0], int), done


def _tasks(session: Session) -> tuple[list[dict[str, Any]], str]:
    window = session.window
    window.table.selectRow(0)
    outfall = window.selected
    assert outfall is not None
    now = datetime.now(UTC)

    def task(title: str, **fields: Any) -> dict[str, Any]:
        return {"id": str(uuid.uuid4()), "county_code": outfall.county_code, "title": title,
                "kind": "inspect", "state": "open", "assignees": [session.actor],
                "outfall_ids": [outfall.id], "created_by": "主管", **fields}  # fmt: skip

    return [
        task("按期检查", due=(now + timedelta(days=2)).isoformat()),
        task("逾期检查", due=(now - timedelta(hours=3)).isoformat(), note="尽快"),
        task("别人的任务", assignees=["别人"]),
        task("已撤销", state="cancelled"),
        task("核实位置", kind="verify", outfall_ids=[], location={"lat": 32.1, "lon": 120.8}),
    ], outfall.id


def test_my_tasks_lists_mine_overdue_first_and_flagged(en_session: Session, qtbot: Any) -> None:
    tasks, _outfall = _tasks(en_session)
    _pull(en_session, qtbot, tasks)
    window: Any = en_session.open_tasks()
    titles = [window.table.item(r, 1).text() for r in range(window.table.rowCount())]
    assert titles == ["逾期检查", "按期检查", "核实位置", "已撤销"]
    assert window.table.item(0, 0).text() == "Overdue"
    assert window.table.item(0, 0).foreground().color() == OVERDUE
    assert window.table.item(3, 0).text() == "Cancelled"
    assert window.summary.text() == "Open tasks: 3, overdue: 1"
    assert "尽快" in window.details.text() and "主管" in window.details.text()
    window.table.selectRow(3)
    assert not window.inspect_button.isEnabled()  # a cancelled task opens nothing
    window.table.selectRow(2)
    assert window.outfalls.count() == 0 and "32.100000" in window.details.text()
    assert not window.inspect_button.isEnabled()


def test_an_inspection_opened_from_a_task_carries_its_id(en_session: Session, qtbot: Any) -> None:
    tasks, outfall_id = _tasks(en_session)
    _pull(en_session, qtbot, tasks[:1])
    window: Any = en_session.open_tasks()
    window.table.selectRow(0)
    assert window.inspect_button.isEnabled()
    window.inspect_button.click()
    inspection: Any = en_session.tools["inspection"]
    assert inspection.record.task_id == tasks[0]["id"]
    assert inspection.record.outfall_id == outfall_id
    qtbot.waitUntil(lambda: not en_session.lane.busy)
    captured: list[Any] = []
    en_session.lane.submit(
        lambda: en_session.writer.execute(
            "SELECT data FROM change_log WHERE entity = 'inspections' ORDER BY rowid DESC"
        ).fetchone(),
        captured.append,
        captured.append,
    )
    qtbot.waitUntil(lambda: bool(captured))
    assert json.loads(captured[0][0])["task_id"] == tasks[0]["id"]  # what the sync pushes


def test_my_tasks_speaks_chinese(zh_session: Session, qtbot: Any) -> None:
    tasks, _outfall = _tasks(zh_session)
    _pull(zh_session, qtbot, tasks)
    window: Any = zh_session.open_tasks()
    assert window.windowTitle() == "我的任务"
    assert window.table.item(0, 0).text() == "已逾期"
    assert window.table.item(0, 2).text() == "排口检查"
    assert window.summary.text() == "待办任务：3 项，其中已逾期 1 项"
    assert window.inspect_button.text() == "检查此排口"
    assert zh_session.window.actions_by_name["tasks"].text() == "我的任务"


def test_a_patrol_task_prepares_the_patrol_that_answers_it(en_session: Session, qtbot: Any) -> None:
    tasks, _outfall = _tasks(en_session)
    stretch = dict(tasks[0], kind="patrol", outfall_ids=[], place="通吕运河 平潮闸至石港段",
                   county_code="320623", title="巡查通吕运河")  # fmt: skip
    _pull(en_session, qtbot, [stretch, tasks[1]])
    window: Any = en_session.open_tasks()
    rows = {window.table.item(r, 1).text(): r for r in range(window.table.rowCount())}
    window.table.selectRow(rows["逾期检查"])  # an inspection task: no patrol to start
    assert window.patrol_button.isHidden() and not window.inspect_button.isHidden()
    window.table.selectRow(rows["巡查通吕运河"])
    assert not window.patrol_button.isHidden() and window.inspect_button.isHidden()
    assert window.patrol_button.isEnabled()
    window.patrol_button.click()
    patrol: Any = en_session.tools["patrol"]
    qtbot.waitUntil(lambda: not en_session.lane.busy)
    assert patrol.task_id == stretch["id"] and patrol._task_county == "320623"
    assert patrol.river.text() == "通吕运河 平潮闸至石港段"
    assert "For the task" in patrol.receiver_label.text()
