"""Tasks on the map and from the ledger, with real widgets over a real profile: the user's open
tasks flagged where they are (the overdue one red), a tapped flag opens the inspection for the
task, 我的任务 shows a task on the map; a supervisor's Task here… on the map and a new task for
several outfalls selected in the ledger (nobody else is offered them)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldapp.domain import tiles
from fieldapp.ui.main_window import MAX_TASK_OUTFALLS
from fieldapp.ui.session import Session
from fieldapp.ui.tasks.new_task import NewTaskDialog
from sync.task_protocol import TaskRequest
from sync.tasks import TaskKind

from .test_my_tasks import _pull, _tasks


def _flag_of(view: Any, task_id: str) -> QPoint:
    """Where a finger taps the flag of ``task_id`` (as drawn last)."""
    view.grab()  # paints, and so records where each flag was drawn
    mark = next(m for m, _x, _y in view.tasks if m.task_id == task_id)
    return next(QPoint(round(x), round(y)) for x, y, key in view._drawn_tasks if key == mark.key)


def test_the_map_flags_my_open_tasks_the_overdue_one_red(en_session: Session, qtbot: Any) -> None:
    tasks, outfall_id = _tasks(en_session)
    on_time, late, _others, _cancelled, verify = tasks
    _pull(en_session, qtbot, tasks)
    window: Any = en_session.open_map()
    qtbot.waitExposed(window)
    marks = {m.task_id: m for m, _x, _y in window.view.tasks}
    assert set(marks) == {on_time["id"], late["id"], verify["id"]}  # not others', not cancelled
    assert marks[late["id"]].overdue and not marks[on_time["id"]].overdue
    assert (marks[verify["id"]].lat, marks[verify["id"]].lon) == (32.1, 120.8)
    assert "3 open task(s) for you, 1 overdue" in window.count.text().replace("\n", " ")
    legend = [w.text() for w in window.legend.findChildren(type(window.count))]
    assert "Red flag with “!”: a task overdue" in legend
    # the overdue flag is drawn in the palette's red, the other in its blue
    window.view.center_on(32.1, 120.8, 15.0)
    image = window.view.grab().toImage()
    at = _flag_of(window.view, verify["id"])
    assert image.pixelColor(at.x() - 6, at.y() - 4).name() == "#0d47a1"

    window.show_task(late["id"])
    at = _flag_of(window.view, late["id"])
    image = window.view.grab().toImage()
    assert image.pixelColor(at.x() - 8, at.y() - 4).name() == "#b3261e"
    window.task_panel.closed.emit()
    assert window.task_scroll.isHidden()
    qtbot.mouseClick(window.view, Qt.MouseButton.LeftButton, pos=at)
    panel = window.task_panel
    assert not window.task_scroll.isHidden() and panel.title.text() == "逾期检查"
    assert panel.state.text() == "Overdue" and "b3261e" in panel.state.styleSheet()
    assert panel.inspect_button.isVisibleTo(window) and panel.inspect_button.isEnabled()
    panel.inspect_button.click()
    inspection: Any = en_session.tools["inspection"]
    assert inspection.record.task_id == late["id"] and inspection.record.outfall_id == outfall_id


def test_two_tasks_on_one_outfall_fly_one_above_the_other(en_session: Session, qtbot: Any) -> None:
    tasks, _outfall_id = _tasks(en_session)
    on_time, late, _others, _cancelled, _verify = tasks  # both on the same outfall
    _pull(en_session, qtbot, tasks)
    window: Any = en_session.open_map()
    qtbot.waitExposed(window)
    window.show_task(on_time["id"])
    window.task_panel.closed.emit()
    upper, lower = _flag_of(window.view, on_time["id"]), _flag_of(window.view, late["id"])
    assert upper.x() == lower.x() and lower.y() - upper.y() >= 20  # apart, not on top
    image = window.view.grab().toImage()
    assert image.pixelColor(lower.x() - 8, lower.y() - 4).name() == "#b3261e"  # overdue lowest
    assert image.pixelColor(upper.x() - 8, upper.y() - 4).name() == "#0d47a1"
    qtbot.mouseClick(window.view, Qt.MouseButton.LeftButton, pos=upper)
    assert window.task_panel.title.text() == "按期检查"  # each flag taps its own task
    qtbot.mouseClick(window.view, Qt.MouseButton.LeftButton, pos=lower)
    assert window.task_panel.title.text() == "逾期检查"


def test_my_tasks_shows_a_task_on_the_map(en_session: Session, qtbot: Any) -> None:
    tasks, _outfall = _tasks(en_session)
    _pull(en_session, qtbot, tasks)
    mine: Any = en_session.open_tasks()
    rows = {mine.table.item(r, 1).text(): r for r in range(mine.table.rowCount())}
    mine.table.selectRow(rows["已撤销"])
    assert not mine.map_button.isEnabled()  # a cancelled task is not on the map
    mine.table.selectRow(rows["核实位置"])
    assert mine.map_button.isEnabled()
    mine.map_button.click()
    window: Any = en_session.tools["map"]
    assert window.task_panel.title.text() == "核实位置"
    assert not window.task_scroll.isHidden()
    lat, lon = window.view.center_lat_lon()
    assert abs(lat - 32.1) < 1e-6 and abs(lon - 120.8) < 1e-6
    assert not window.task_panel.inspect_button.isVisibleTo(window)  # no outfall to inspect


def _right_click(window: Any, pos: QPoint) -> None:
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, window.view.mapToGlobal(pos), Qt.KeyboardModifier(0)
    )
    QApplication.sendEvent(window.view, event)


def test_task_here_is_offered_to_a_supervisor_only(
    en_session: Session, qtbot: Any, sign_in: Any
) -> None:
    outfall = en_session.window.model.row_at(0)
    assert outfall is not None
    window: Any = en_session.open_map()
    qtbot.waitExposed(window)
    _right_click(window, QPoint(200, 150))
    assert window.point_menu is None  # an inspector (or nobody signed in): no menu at all

    sign_in(en_session, "supervisor", [outfall.county_code])
    window = en_session.open_map()
    _right_click(window, QPoint(200, 150))
    menu = window.point_menu
    assert menu is not None and [a.text() for a in menu.actions()] == ["Task here…"]
    lat, lon = tiles.to_lat_lon(*window.view.to_world(200, 150))
    menu.actions()[0].trigger()
    dialog = en_session.tools["newTask"]
    assert isinstance(dialog, NewTaskDialog)
    assert dialog.location == (lat, lon) and dialog.outfall_ids == []
    assert dialog.kind.currentData() == TaskKind.VERIFY
    assert dialog.county_code == outfall.county_code
    assert f"{lat:.6f}, {lon:.6f}" in dialog.target.text()
    dialog.reject()
    menu.close()

    sign_in(en_session, "inspector", [outfall.county_code])
    window = en_session.open_map()
    window.point_menu = None
    _right_click(window, QPoint(220, 160))
    assert window.point_menu is None


def test_a_long_press_asks_for_the_points_menu(en_session: Session, qtbot: Any) -> None:
    window: Any = en_session.open_map()
    qtbot.waitExposed(window)
    asked: list[tuple[float, float]] = []
    window.view.point_menu_requested.connect(lambda lat, lon, _at: asked.append((lat, lon)))
    taps: list[int] = []
    window.view.point_activated.connect(taps.append)
    qtbot.mousePress(window.view, Qt.MouseButton.LeftButton, pos=QPoint(300, 200))
    qtbot.waitUntil(lambda: bool(asked), timeout=3000)
    qtbot.mouseRelease(window.view, Qt.MouseButton.LeftButton, pos=QPoint(300, 200))
    assert asked == [tiles.to_lat_lon(*window.view.to_world(300, 200))]
    assert taps == []  # the lifted finger is no tap
    qtbot.mousePress(window.view, Qt.MouseButton.LeftButton, pos=QPoint(300, 200))
    qtbot.mouseRelease(window.view, Qt.MouseButton.LeftButton, pos=QPoint(300, 200))
    qtbot.wait(900)
    assert len(asked) == 1  # a quick tap asks for nothing


def _select_rows(session: Session, rows: list[int]) -> list[str]:
    table = session.window.table
    table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        table.selectionModel().select(session.window.model.index(row, 0), flags)
    found = [session.window.model.row_at(r) for r in rows]
    return [o.id for o in found if o is not None]


def test_several_outfalls_selected_in_the_ledger_make_one_task(
    en_session: Session, qtbot: Any, sign_in: Any
) -> None:
    window = en_session.window
    counties: dict[str, list[int]] = {}
    for row in range(window.model.rowCount()):
        o = window.model.row_at(row)
        assert o is not None
        counties.setdefault(o.county_code, []).append(row)
    county, rows = max(counties.items(), key=lambda c: len(c[1]))
    ids = _select_rows(en_session, rows[:3])
    assert window.selected is not None and window.selected.id == ids[-1]  # the detail: the last
    assert window.selected_ids() == ids

    window.actions_by_name["newTask"].trigger()  # nobody signed in: told why not
    box = en_session.tools["newTask"]
    assert isinstance(box, QMessageBox) and "supervisor" in box.text()
    box.close()

    sign_in(en_session, "supervisor", [county])
    window.actions_by_name["newTask"].trigger()
    dialog = en_session.tools["newTask"]
    assert isinstance(dialog, NewTaskDialog)
    assert dialog.outfall_ids == ids and dialog.location is None
    assert dialog.kind.currentData() == TaskKind.INSPECT and dialog.county_code == county
    dialog.reject()

    # one row clicked alone is still the one outfall (the single-row habits hold)
    window.table.selectRow(rows[3])
    assert window.selected_ids() == [window.selected.id] if window.selected else False

    other = next(r for c, rs in counties.items() if c != county for r in rs)
    _select_rows(en_session, [rows[0], other])
    window.actions_by_name["newTask"].trigger()
    box = en_session.tools["newTask"]
    assert isinstance(box, QMessageBox) and "one county" in box.text()
    box.close()


def test_the_ledger_limits_a_task_to_what_the_protocol_takes() -> None:
    field = TaskRequest.model_fields["outfall_ids"]
    assert any(getattr(m, "max_length", None) == MAX_TASK_OUTFALLS for m in field.metadata)
