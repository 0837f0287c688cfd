"""任务 on the desk, against the real server on loopback (SQLite with the desk in English,
PostgreSQL in Chinese): the supervisor's task list shows a task assigned in the county, overdue
ones first and marked; an open task is cancelled with a reason and no longer offers cancelling."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sync.client.state import account as sync_account
from sync.task_protocol import TaskRequest
from sync.tasks import TaskKind, TaskState

from .test_desk_history_loop import _desk, proposals_loop

world = proposals_loop.world  # the same fixture: SQLite in English, PostgreSQL in Chinese


def test_the_desk_lists_the_areas_tasks_and_cancels_one(world: Any, qtbot: Any) -> None:
    sup = world.device("sup", "supervisor")
    insp = world.device("insp", "inspector")
    proposals_loop.sync_ok(sup)
    proposals_loop.sync_ok(insp)
    desk = _desk(sup, qtbot)
    pane = desk.tasks
    marker = uuid.uuid4().hex[:6]
    late = TaskRequest(
        id=uuid.uuid4(), county_code=world.county, kind=TaskKind.VERIFY, title=f"核实-{marker}",
        assignees=[insp.user], place="石港镇渔湾村", due=dt.datetime.now(dt.UTC) - dt.timedelta(days=1),
    )  # fmt: skip
    desk.lanes.run(lambda c: c.create_task(late), lambda _v: pane.refresh(), lambda e: None)
    assert sync_account.account(sup.conn).role == "supervisor"

    def row() -> int:
        found = [i for i, t in enumerate(pane.tasks) if t.title == f"核实-{marker}"]
        return found[0] if found else -1

    qtbot.waitUntil(lambda: row() >= 0, timeout=10_000)
    assert row() == 0  # overdue first
    pane.table.selectRow(row())
    task = pane.current()
    assert task is not None and task.overdue and pane.cancel_button.isEnabled()
    assert pane.table.item(row(), 0).text() in ("Overdue", "已逾期")
    assert insp.user in pane.details.text()
    proposals_loop.shoot(pane, f"desk_tasks_{world.lang}")

    dialog: Any = pane.cancel_current()
    dialog.reason.setPlainText("举报人撤回")
    dialog.accept()
    pane.show_state.setCurrentIndex(pane.show_state.findData(""))  # all tasks
    qtbot.waitUntil(lambda: row() >= 0 and pane.tasks[row()].state == TaskState.CANCELLED,
                    timeout=10_000)  # fmt: skip
    pane.table.selectRow(row())
    assert not pane.cancel_button.isEnabled() and "举报人撤回" in pane.details.text()
    desk.close()
