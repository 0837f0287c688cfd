"""The form with gloves on: segmented sign and sampling answers with "all as expected", must-check
items marked, photos removed or replaced before completing, every problem leading to the control
that fixes it, and "Complete" as a confirmed primary action."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from fieldapp.store import database, inspections
from fieldapp.ui.app import STYLE_SHEET

from .conftest import NANTONG, PHOTOS


def settle(qtbot, h) -> None:  # type: ignore[no-untyped-def]
    window = h.entry.windows[-1]
    qtbot.waitUntil(lambda: not h.lane.busy and window.photos.worker.pending == 0, timeout=8000)
    qtbot.waitUntil(lambda: not h.lane.busy, timeout=5000)


def open_window(qtbot, h):  # type: ignore[no-untyped-def]
    window = h.entry.open_inspection_for(NANTONG.id)
    qtbot.addWidget(window)
    return window


def stored(h, inspection_id: str):  # type: ignore[no-untyped-def]
    conn = database.open_reader(h.path)
    try:
        return inspections.get(conn, inspection_id), inspections.photos(conn, inspection_id)
    finally:
        conn.close()


def add_photo(qtbot, h, window, name: str) -> None:  # type: ignore[no-untyped-def]
    before = window.photos.list.count()
    window.photos.add_paths([PHOTOS / name])
    qtbot.waitUntil(lambda: window.photos.list.count() == before + 1, timeout=8000)
    settle(qtbot, h)


def test_sign_answers_are_one_tap_and_all_as_expected_keeps_given_answers(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, en)
    form = window.form
    tilted = form.sign["tilted"]
    assert set(tilted.buttons) == {"yes", "no", "na"}
    tilted.buttons["yes"].click()  # a defect seen
    assert tilted.value() == "yes"
    form.sign["qr_readable"].buttons["na"].click()
    form.sign["qr_readable"].buttons["na"].click()  # tapped again: unanswered
    assert form.sign["qr_readable"].value() is None
    with qtbot.waitSignal(form.changed):
        form.all_good_buttons["sign"].click()
    answers = dict(form.value(window.record).sign_check)
    assert answers["tilted"] == "yes"  # kept
    assert answers["present"] == "yes" and answers["broken"] == "no"
    assert answers["qr_readable"] == "yes"
    assert len(answers) == len(en.entry.services.rules.sign_items)
    assert form.value(window.record).sampling_check == ()  # the other section untouched
    with qtbot.waitSignal(window.saved, timeout=5000):
        pass
    settle(qtbot, en)
    record, _ = stored(en, window.record.id)
    assert dict(record.sign_check) == answers  # type: ignore[union-attr]
    window.close()
    settle(qtbot, en)
    again = open_window(qtbot, en)
    assert again.form.sign["tilted"].value() == "yes"
    assert again.form.sign["tilted"].buttons["yes"].isChecked()


def test_must_check_and_required_fields_are_marked_on_their_labels(qtbot, zh) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, zh)
    form = window.form
    marked = [item for item in zh.entry.services.rules.sign_items if item.required]
    assert [i.term.code for i in marked] == ["present"]
    buddies = {label.buddy(): label.text() for label in form.sections["sign"].findChildren(QLabel)}
    assert buddies[form.sign["present"].first_button()] == "设有标志牌（必查）"
    assert buddies[form.sign["tilted"].first_button()] == "倾斜"
    assert form.findChild(QLabel, "required_legend").text().startswith("* ")
    labels = [w.text() for w in form.findChildren(QLabel) if w.property("required")]
    assert "检查类型 *" in labels and "在场检查人员 *" in labels


def test_complete_is_the_primary_action_and_is_confirmed(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, en)
    assert window.complete_button.property("primary") is True
    assert window.close_button.property("primary") is None
    assert 'QPushButton[primary="true"]' in STYLE_SHEET and ":focus" in STYLE_SHEET
    assert "Ctrl+Return" in window.complete_button.toolTip()
    form = window.form
    form.discharging.setCurrentIndex(form.discharging.findData("no"))
    form.no_position_reason.setText("receiver broken")
    window.complete_button.click()
    summary = window.summary_dialog
    assert summary is not None and summary.back_button.isDefault()
    summary.back_button.click()  # going back freezes nothing
    settle(qtbot, en)
    record, _ = stored(en, window.record.id)
    assert record is not None and not record.is_complete and not window.record.is_complete
    assert form.isEnabled()


def test_a_flag_in_the_summary_leads_to_its_control(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, en)
    form = window.form
    form.discharging.setCurrentIndex(form.discharging.findData("no"))
    form.no_position_reason.setText("receiver broken")
    window.complete()
    summary = window.summary_dialog
    rows = [summary.flags.item(i) for i in range(summary.flags.count())]
    sign = next(r for r in rows if "sign check" in r.text())
    summary.flags.setCurrentItem(sign)
    summary.go_button.click()
    assert not summary.isVisible()
    assert window.focusWidget() is form.sign["present"].first_button()


def test_the_evidence_message_leads_to_adding_then_attaching_a_photo(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, en)
    form = window.form
    form.discharging.setCurrentIndex(form.discharging.findData("no"))
    form.no_position_reason.setText("receiver broken")
    form.problem_boxes["abnormal_colour"].setChecked(True)
    form.problem_notes["abnormal_colour"].setText("red water")
    window.complete()
    assert window.summary_dialog is None and window.problems.isVisible()
    rows = [window.problems.item(i) for i in range(window.problems.count())]
    evidence = next(r for r in rows if "needs at least one photo" in r.text())
    window.problems.itemClicked.emit(evidence)
    assert window.focusWidget() is window.photos.add_files  # no photo yet: add one

    add_photo(qtbot, en, window, "DSCN0010.jpg")
    window.problems.itemClicked.emit(evidence)
    strip = window.photos
    assert window.focusWidget() is strip.problem  # attach the photo to the problem
    assert strip.current() is not None and strip.current().source_name == "DSCN0010.jpg"
    assert "Attach this photo" in strip.status.text()
    settle(qtbot, en)


def test_a_photo_is_removed_or_replaced_until_completion_and_the_original_is_kept(
    qtbot, en, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, en)
    strip = window.photos
    add_photo(qtbot, en, window, "DSCN0010.jpg")
    add_photo(qtbot, en, window, "landscape_1.jpg")
    blobs = en.entry.services.blobs
    first = next(p for p in strip.photos.values() if p.source_name == "DSCN0010.jpg")

    # Remove: asked first; "Keep" keeps it.
    strip.select_photo(first.id)
    strip.remove_button.click()
    box = strip.confirm_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    box.button(QMessageBox.StandardButton.No).click()
    settle(qtbot, en)
    assert first.id in strip.photos
    window.activateWindow()
    strip.list.setFocus()
    QTest.keyClick(strip.list, Qt.Key.Key_Delete)  # the Delete key asks the same
    assert strip.confirm_box is not box and strip.confirm_box.isVisible()
    strip.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: first.id not in strip.photos, timeout=5000)
    settle(qtbot, en)
    _, rows = stored(en, window.record.id)
    assert [p.source_name for p in rows] == ["landscape_1.jpg"]
    assert blobs.get(first.sha256)  # the original stays in the evidence store
    assert strip.list.count() == 1

    # Replace: the new photo takes the old one's caption and problem.
    old = next(iter(strip.photos.values()))
    strip.select_photo(old.id)
    strip.caption.setText("east bank, outlet")
    strip.caption.editingFinished.emit()
    settle(qtbot, en)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(PHOTOS / "DSCN0012.jpg"), "")
    )
    strip.replace_button.click()
    qtbot.waitUntil(lambda: old.id not in strip.photos and strip.list.count() == 1, timeout=8000)
    settle(qtbot, en)
    _, rows = stored(en, window.record.id)
    assert [(p.source_name, p.caption) for p in rows] == [("DSCN0012.jpg", "east bank, outlet")]

    # Completed: neither removing nor replacing is offered.
    form = window.form
    form.discharging.setCurrentIndex(form.discharging.findData("no"))
    form.no_position_reason.setText("receiver broken")
    window.complete()
    window.summary_dialog.confirm_button.click()
    qtbot.waitUntil(lambda: window.record.is_complete, timeout=5000)
    strip.select_photo(next(iter(strip.photos)))
    assert not strip.remove_button.isEnabled() and not strip.replace_button.isEnabled()
    settle(qtbot, en)
    QApplication.processEvents()


def test_a_segmented_choice_is_one_tab_stop_with_arrows_between_its_answers(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, en)
    visible = window.form.sign["visible"]
    yes, no, na = visible.buttons.values()
    assert yes.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert no.focusPolicy() == na.focusPolicy() == Qt.FocusPolicy.ClickFocus
    yes.setFocus()
    QTest.keyClick(yes, Qt.Key.Key_Right)
    assert window.focusWidget() is no
    QTest.keyClick(no, Qt.Key.Key_Space)
    assert visible.value() == "no" and no.property("defect") is True
    QTest.keyClick(no, Qt.Key.Key_Left)
    assert window.focusWidget() is yes
    QTest.keyClick(yes, Qt.Key.Key_Left)  # the first answer stays where it is
    assert window.focusWidget() is yes
    settle(qtbot, en)
