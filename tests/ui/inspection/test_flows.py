"""The nearest-outfalls list, the new-outfall flow end to end, a refused edit after completing,
the scroll position on reopen, and the form in Chinese."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from fieldapp import reference_data
from fieldapp.store import database, inspections, outfalls
from fieldapp.ui.inspection import InspectionWindow

from .conftest import NANTONG, OTHERS


def settle(qtbot, h) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not h.lane.busy, timeout=5000)


def test_nearest_outfalls_are_sorted_by_distance_and_open_an_inspection(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    dialog = en.entry.open_nearest_outfalls()
    qtbot.addWidget(dialog)
    dialog.set_position(32.0852, 121.05)  # between outfalls 5 (32.085) and 6 (32.086)
    rows = dialog.rows
    assert [r.distance_m for r in rows] == sorted(r.distance_m for r in rows)
    assert rows[0].code == OTHERS[2].display_code and len(rows) == 7  # not the California one
    assert dialog.list.item(0).text().startswith("22 m")
    assert dialog.where.text() == "From 32.085200, 121.050000"
    dialog.list.setCurrentRow(1)
    QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    window = en.entry.windows[-1]
    qtbot.addWidget(window)
    assert window.outfall.id == rows[1].id and window.isVisible()
    settle(qtbot, en)


def test_nearest_follows_a_captured_position(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    dialog = en.entry.open_nearest_outfalls()
    qtbot.addWidget(dialog)
    panel = dialog.panel
    panel.manual_lat.setText("32.0811")
    panel.manual_lon.setText("121.0501")
    panel.manual_reason.setText("no receiver")
    panel.manual_button.click()
    assert dialog.rows[0].id == NANTONG.id
    dialog.reject()


def change_rows(path) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    conn = database.open_reader(path)
    try:
        return conn.execute("SELECT entity, row_id, op FROM change_log ORDER BY seq").fetchall()
    finally:
        conn.close()


def test_a_new_outfall_is_registered_provisionally_and_inspected(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    before = change_rows(en.path)
    dialog = en.entry.open_new_outfall_inspection()
    qtbot.addWidget(dialog)
    dialog.create_button.click()  # no position yet: refused, said so
    assert "position first" in dialog.errors.text()
    dialog.name.setText("Tongzhou Jinsha Xinhua village north ditch outfall")
    dialog.county.setCurrentIndex(dialog.county.findData("320612"))
    dialog.town.setText("Jinsha")
    dialog.village.setText("Xinhua")
    dialog.water_body.setText("Tonglü canal")
    panel = dialog.panel
    panel.manual_lat.setText("32.1234")
    panel.manual_lon.setText("121.0987")
    panel.manual_reason.setText("receiver battery flat")
    panel.manual_button.click()
    assert panel.record is not None and not panel.record.far  # no outfall to be far from
    dialog.create_button.click()
    qtbot.waitUntil(lambda: len(en.entry.windows) == 1, timeout=5000)
    window = en.entry.windows[0]
    qtbot.addWidget(window)
    settle(qtbot, en)
    assert not dialog.isVisible()

    outfall = window.outfall
    assert outfall.provisional_code and outfall.provisional_code.startswith("LS320612-")
    assert outfall.national_code is None and outfall.local_code is None
    assert outfall.lifecycle_state == reference_data.load().initial_state
    assert (outfall.lat, outfall.lon) == (32.1234, 121.0987)
    assert outfall.position_source == "manual"
    record = window.record
    assert record.outfall_id == outfall.id
    assert [p.code for p in record.problems] == ["unregistered_outfall"]
    # Its capture registered the outfall: the inspection stands on it, never "far".
    assert record.position is not None and record.position.source == "manual"
    assert record.position.distance_m == 0 and not record.position.far
    assert window.form.problem_boxes["unregistered_outfall"].isChecked()

    conn = database.open_reader(en.path)
    try:
        stored = inspections.get(conn, record.id)
        history = outfalls.history(conn, outfall.id)
    finally:
        conn.close()
    assert stored is not None and stored.position is not None and not stored.position.far
    new_rows = change_rows(en.path)[len(before) :]
    assert sorted((e, op) for e, _, op in new_rows) == [
        ("inspections", "upsert"),
        ("outfall_events", "upsert"),
        ("outfalls", "upsert"),
    ]
    assert {r for _, r, _ in new_rows} >= {outfall.id, record.id}
    assert history is not None


def test_completing_freezes_and_a_later_edit_is_refused_with_a_message(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    window = en.entry.open_inspection_for(NANTONG.id)
    qtbot.addWidget(window)
    settle(qtbot, en)
    stale = window.record
    form = window.form
    form.discharging.setCurrentIndex(form.discharging.findData("no"))
    form.no_position_reason.setText("receiver broken")
    window.complete_button.click()
    summary = window.summary_dialog
    assert summary is not None and summary.isVisible()
    assert not window.record.is_complete  # nothing is frozen before the confirmation
    flags = [summary.flags.item(i).text() for i in range(summary.flags.count())]
    assert any("There are no photos" in f for f in flags), flags
    assert any("No position captured (reason: receiver broken)" in f for f in flags), flags
    assert any(
        "sign check is not filled in at all (must check: Sign present)" in f for f in flags
    ), flags
    summary.confirm_button.click()
    qtbot.waitUntil(lambda: window.record.is_complete, timeout=4000)
    assert "the record is frozen" in window.save_state.text()
    assert not form.isEnabled() and not window.photos.add_files.isEnabled()
    assert not window.position.manual_button.isEnabled()
    assert window.photos.add_paths([]) == 0

    # A second window still holding the draft (e.g. opened before) tries to save an edit.
    other = InspectionWindow(en.entry.services, window.outfall, stale, [])
    qtbot.addWidget(other)
    other.form.notes.setPlainText("changed after completing")
    with qtbot.waitSignal(other.services.lane.idle, timeout=4000):
        other.save_now()
    assert other.save_state.text() == "This inspection is complete and can no longer be changed."
    conn = database.open_reader(en.path)
    try:
        assert inspections.get(conn, stale.id).notes == ""  # type: ignore[union-attr]
    finally:
        conn.close()
    other.timer.stop()
    other._dirty = False  # nothing more to try on close
    settle(qtbot, en)


def test_a_reopened_draft_scrolls_back_to_where_it_was(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    window = en.entry.open_inspection_for(NANTONG.id)
    qtbot.addWidget(window)
    bar = window.form_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 300)
    bar.setValue(300)
    window.close()
    settle(qtbot, en)
    again = en.entry.open_inspection_for(NANTONG.id)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.form_scroll.verticalScrollBar().value() == 300)


def test_the_form_speaks_chinese(qtbot, zh) -> None:  # type: ignore[no-untyped-def]
    window = zh.entry.open_inspection_for(NANTONG.id)
    qtbot.addWidget(window)
    assert window.complete_button.text() == "完成…"
    assert window.photos.title() == "照片"
    assert window.position.title() == "位置"
    assert window.photos.add_files.text() != "Add photos…"
    titles = [b.title() for b in window.form.findChildren(type(window.photos).__mro__[1])]
    assert titles and all(not t.isascii() for t in titles if t), titles
    assert window.form.discharging.itemText(1) == "正在排放"
    assert window.position.capture_button.text() != "Capture position"
    settle(qtbot, zh)


def test_the_new_outfall_dialog_and_nearest_list_speak_chinese(qtbot, zh) -> None:  # type: ignore[no-untyped-def]
    dialog = zh.entry.open_new_outfall_inspection()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() != "New, unregistered outfall"
    dialog.create_button.click()
    assert "请先采集或输入新排污口的位置" in dialog.errors.text()
    dialog.reject()
    nearest = zh.entry.open_nearest_outfalls()
    qtbot.addWidget(nearest)
    assert nearest.inspect_button.text() != "Inspect this outfall"
    nearest.reject()


def test_a_record_value_round_trips_through_the_form(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    window = en.entry.open_inspection_for(NANTONG.id)
    qtbot.addWidget(window)
    value = dataclasses.replace(window.current_value(), notes="河面有油膜")
    window.form.load(value)
    assert window.current_value().notes == "河面有油膜"
    settle(qtbot, en)
