"""Task here… from the map to the inspector's laptop, on a real server over loopback (SQLite in
English, PostgreSQL in Chinese): a supervisor holds a point of the map and assigns a verify-location
task there, already late; the server keeps that very position; the inspector's 我的任务 and map,
left open, show it flagged overdue as soon as the next sync finishes."""

from __future__ import annotations

import os
from typing import Any

import hekou_review_proposals_loop as proposals_loop  # loaded by the conftest
from PySide6.QtCore import QDateTime, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from fieldapp.domain import tiles
from fieldapp.ui.session import Session, open_session
from fieldapp.ui.settings import AppSettings
from fieldapp.ui.tasks.new_task import NewTaskDialog
from sync.tasks import TaskKind

world = proposals_loop.world  # the same fixture: SQLite in English, PostgreSQL in Chinese


def _session(device: Any, qtbot: Any) -> Session:
    settings = AppSettings(f"HekouTests-{os.getpid()}-{device.name}")
    settings.clear()
    session = open_session(device.path, device.world.lang, settings=settings)
    assert isinstance(session, Session), session
    qtbot.addWidget(session.window)
    return session


def test_a_task_held_on_the_map_reaches_the_inspectors_open_lists(world: Any, qtbot: Any) -> None:
    sup, insp = world.device("sup", "supervisor"), world.device("insp", "inspector")
    proposals_loop.ledger_outfall(sup, "新华村东侧300m雨洪排口", *proposals_loop.HERE)
    proposals_loop.sync_ok(sup)
    proposals_loop.sync_ok(insp)
    desk = _session(sup, qtbot)
    laptop = _session(insp, qtbot)
    try:
        mine: Any = laptop.open_tasks()  # opened before the task exists, and left open
        their_map: Any = laptop.open_map()
        assert mine.table.rowCount() == 0 and their_map.view.tasks == []
        assert not their_map.task_here_allowed  # an inspector is offered no Task here…

        window: Any = desk.open_map()
        qtbot.waitExposed(window)
        assert window.task_here_allowed
        at = QPoint(240, 180)
        QApplication.sendEvent(window.view, QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, at, window.view.mapToGlobal(at),
            Qt.KeyboardModifier(0)))  # fmt: skip
        lat, lon = tiles.to_lat_lon(*window.view.to_world(at.x(), at.y()))
        assert window.point_menu is not None
        window.point_menu.actions()[0].trigger()
        dialog = desk.tools["newTask"]
        assert isinstance(dialog, NewTaskDialog)
        with qtbot.waitSignal(dialog.assignees_loaded, timeout=10_000):
            pass
        dialog.title.setText("核实疑似排口位置")
        for r in range(dialog.people.count()):
            if dialog.people.item(r).data(Qt.ItemDataRole.UserRole) == insp.user:
                dialog.people.item(r).setCheckState(Qt.CheckState.Checked)
        dialog.due.setDateTime(QDateTime.currentDateTime().addSecs(-3600))  # already late
        with qtbot.waitSignal(dialog.created, timeout=10_000) as made:
            dialog.submit()
        task_id = str(made.args[0].id)
        stored = world.server_rows("tasks")[task_id]
        assert stored["kind"] == TaskKind.VERIFY and stored["outfall_ids"] == []
        assert stored["location"] == {"lat": lat, "lon": lon}  # the very point held
        assert stored["assignees"] == [insp.user]

        controller = laptop.sync_controller()
        with qtbot.waitSignal(controller.finished, timeout=30_000) as synced:
            controller.sync_now()
        assert synced.args[0].ok, synced.args[0].summary()
        qtbot.waitUntil(lambda: mine.table.rowCount() == 1, timeout=5000)
        assert mine.table.item(0, 1).text() == "核实疑似排口位置"
        assert mine.table.item(0, 0).text() == ("已逾期" if world.lang == "zh_CN" else "Overdue")
        [(mark, _x, _y)] = their_map.view.tasks
        assert mark.task_id == task_id and mark.overdue
        assert (mark.lat, mark.lon) == (lat, lon)
    finally:
        laptop.close()
        desk.close()
