"""The inspection window: autosave and reopen, completing with every problem shown, the freeze."""

from __future__ import annotations

from PySide6.QtTest import QTest

from fieldapp.store import database, inspections

from .conftest import NANTONG


def settle(qtbot, h) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not h.lane.busy, timeout=5000)


def test_typing_autosaves_and_the_draft_reopens_where_it_was(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    window = en.entry.open_inspection_for(NANTONG.id)
    qtbot.addWidget(window)
    settle(qtbot, en)
    window.form.notes.setFocus()
    QTest.keyClicks(window.form.notes, "east bank smells")
    window.form.discharging.setCurrentIndex(window.form.discharging.findData("yes"))
    window.form.problem_boxes["abnormal_odour"].setChecked(True)
    QTest.keyClicks(window.form.problem_notes["abnormal_odour"], "sewage")
    with qtbot.waitSignal(window.saved, timeout=4000):
        pass  # the debounced autosave
    settle(qtbot, en)
    draft_id = window.record.id
    window.close()
    settle(qtbot, en)

    reopened = en.entry.open_inspection_for(NANTONG.id)
    qtbot.addWidget(reopened)
    assert reopened.record.id == draft_id
    assert reopened.form.notes.toPlainText() == "east bank smells"
    assert reopened.form.discharging.currentData() == "yes"
    assert reopened.form.problem_boxes["abnormal_odour"].isChecked()
    assert reopened.form.problem_notes["abnormal_odour"].text() == "sewage"


def test_complete_shows_every_problem_then_freezes(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    window = en.entry.open_inspection_for(NANTONG.id)
    qtbot.addWidget(window)
    form = window.form
    form.kind.setCurrentIndex(form.kind.findData("formal"))
    form.discharging.setCurrentIndex(form.discharging.findData("no"))
    form.test_values["ph"].setText("12.5")
    window.complete()
    qtbot.waitUntil(lambda: window.problems.isVisible(), timeout=4000)
    shown = [window.problems.item(i).text() for i in range(window.problems.count())]
    assert any("at least 2 inspectors" in s for s in shown)
    assert any("pH 12.5" in s for s in shown)
    assert any("Capture the position" in s for s in shown)
    assert not window.record.is_complete

    form.inspectors.setText("测试员, 李娜")  # QTest types ASCII only
    form.test_confirm["ph"].setChecked(True)
    form.no_position_reason.setText("receiver broken")
    window.complete_button.click()
    assert window.summary_dialog is not None and not window.problems.isVisible()
    window.summary_dialog.confirm_button.click()
    qtbot.waitUntil(lambda: window.record.is_complete, timeout=4000)
    assert not form.isEnabled() and not window.complete_button.isEnabled()
    settle(qtbot, en)
    conn = database.open_reader(en.path)
    try:
        stored = inspections.get(conn, window.record.id)
    finally:
        conn.close()
    assert stored.status == "complete" and stored.inspectors == ("测试员", "李娜")
    assert stored.quick_tests[0].confirmed
