"""A task from the desk to the laptop and back, on a real server over loopback: the supervisor's
desk client picks an assignee of the county (one of another county is refused), assigns an
overdue task; the inspector's laptop pulls it into 我的任务 (flagged overdue), an inspection opened
from it carries its id, and when that inspection arrives complete the server closes the task,
which the desk lists as done and the laptop pulls back."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from fieldapp.domain import inspection as model
from fieldapp.store import database, inspections
from sync.client.review import DeskError, PhotoCache, ReviewClient
from sync.client.state import account as sync_account
from sync.client.state import tasks as my_tasks
from sync.server.services import admin
from sync.task_protocol import TaskRequest
from sync.tasks import TaskState


def sync_ok(device: Any) -> None:
    report = device.sync()
    assert report.ok, report.summary()


@pytest.fixture
def world(sqlite_server: Any, profile_template: Path, tmp_path: Path) -> Any:
    from hekou_review_sync_fixtures import World

    w = World(sqlite_server, profile_template, tmp_path, seed=11)
    yield w
    w.close()


def desk_client(device: Any) -> ReviewClient:
    account = sync_account.account(device.conn)
    assert account.server_url and account.token
    cache = PhotoCache(device.path.with_name(device.path.name + ".cache"))
    return ReviewClient(account.server_url, account.token, cache, install_id=account.install_id)


def test_a_task_goes_from_the_desk_to_the_laptop_and_closes_with_its_inspection(
    world: Any,
) -> None:
    sup = world.device("sup", "supervisor")
    a = world.device("insp_a", "inspector")
    b = world.device("insp_b", "inspector")
    admin.add_user(world.ctx, f"far-{world.tag}", "pw-far-0123456789", "inspector", ["320614"])
    sup.new_outfall(False)
    outfall_id = sup.outfall_ids()[0]
    sync_ok(sup)
    sync_ok(a)
    desk = desk_client(sup)
    try:
        picked = [x.username for x in desk.assignees(world.county)]
        assert a.user in picked and b.user in picked and f"far-{world.tag}" not in picked
        due = datetime.now(UTC) - timedelta(minutes=5)  # already late: flagged on both sides
        request = TaskRequest(id=uuid.uuid4(), county_code=world.county, title="排口复查",
                              outfall_ids=[uuid.UUID(outfall_id)], due=due,
                              assignees=[f"far-{world.tag}"])  # fmt: skip
        with pytest.raises(DeskError) as refused:
            desk.create_task(request)
        assert refused.value.code == "assignee_outside_area"
        assert refused.value.detail == {"assignee": f"far-{world.tag}", "county_code": world.county}
        made = desk.create_task(request.model_copy(update={"assignees": [a.user]}))
        assert made.overdue and made.state == TaskState.OPEN
        assert [t.id for t in desk.tasks(overdue=True).tasks] == [made.id]

        sync_ok(a)
        sync_ok(b)
        now = datetime.now(UTC)
        assert my_tasks.mine(b.conn, b.user, now) == []  # not hers
        [mine] = my_tasks.mine(a.conn, a.user, now)
        assert mine.id == made.id and mine.overdue and mine.outfalls[0].id == outfall_id

        # the laptop opens an inspection from the task and completes it
        draft = model.new_draft(outfall_id, a.user, world.county, task_id=mine.id)
        inspections.save_draft(a.conn, draft)
        with database.transaction(a.conn):
            a.conn.execute(
                "UPDATE inspections SET status = 'complete', completed_at = ? WHERE id = ?",
                (datetime.now(UTC).isoformat(), draft.id),
            )
        sync_ok(a)
        [done] = desk.tasks(state="done").tasks
        assert done.id == made.id and not done.overdue
        assert done.closed_by == {"entity": "inspections", "id": draft.id}
        assert world.server_rows("inspections")[draft.id]["task_id"] == made.id

        sync_ok(a)
        [back] = my_tasks.mine(a.conn, a.user, datetime.now(UTC))
        assert back.state == TaskState.DONE and not back.overdue and back.closed_by == draft.id
    finally:
        desk.close()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_new_task_dialog_assigns_from_the_countys_people(
    world: Any, qtbot: Any, lang: str
) -> None:
    from PySide6.QtCore import QCoreApplication, Qt, QTranslator

    from fieldapp import i18n
    from fieldapp.ui.review.lanes import DeskLanes
    from fieldapp.ui.tasks.new_task import NewTaskDialog

    loaded = []
    for qm in i18n.qm_files(lang) if lang != "en" else []:
        t = QTranslator(QCoreApplication.instance())
        assert t.load(str(qm))
        QCoreApplication.installTranslator(t)
        loaded.append(t)
    try:
        sup = world.device("sup", "supervisor")
        a = world.device("insp_a", "inspector")
        world.device("chief", "river_chief")
        sup.new_outfall(False)
        outfall_id = sup.outfall_ids()[0]
        sync_ok(sup)
        lanes = DeskLanes(desk_client(sup), desk_client(sup))
        dialog = NewTaskDialog(lanes, lang, world.county, [(outfall_id, "某排口")])
        qtbot.addWidget(dialog)
        dialog.finished.connect(lambda _result: lanes.shutdown())
        with qtbot.waitSignal(dialog.assignees_loaded, timeout=10_000):
            pass
        people = [dialog.people.item(r).text() for r in range(dialog.people.count())]
        role = "检查员" if lang == "zh_CN" else "inspector"
        assert f"{a.user}（{role}）" in people and len(people) == 2
        dialog.submit()  # no title: said, nothing sent
        assert dialog.status.text() == (
            "请填写任务标题。" if lang == "zh_CN" else "Give the task a title."
        )
        dialog.title.setText("雨后排口检查")
        dialog.people.item(people.index(f"{a.user}（{role}）")).setCheckState(Qt.CheckState.Checked)
        dialog.resize(1366 // 2, 768 * 2 // 3)
        dialog.show()
        shots = Path("/tmp/renders-tasks")
        shots.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(shots / f"new_task_{lang}.png"))
        with qtbot.waitSignal(dialog.created, timeout=10_000) as made:
            dialog.submit()
        view = made.args[0]
        assert view.assignees == [a.user] and view.outfall_ids == [outfall_id]
        sync_ok(a)
        assert [t.title for t in my_tasks.mine(a.conn, a.user, datetime.now(UTC))] == [
            "雨后排口检查"
        ]
    finally:
        for t in loaded:
            QCoreApplication.removeTranslator(t)
