"""The ledger from the keyboard: Enter opens the selected outfall, shortcuts are shown, Tab goes
top to bottom, and a lifecycle step is never pre-selected and is confirmed before it is recorded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from fieldapp.store import database, outfalls
from fieldapp.ui.session import Session


def test_enter_opens_the_selected_outfall(en_session: Session, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = en_session.window
    window.table.selectRow(3)
    window.table.setFocus()
    assert window.edit_dialog is None
    QTest.keyClick(window.table, Qt.Key.Key_Return)
    dialog = window.edit_dialog
    assert dialog is not None and dialog.isVisible()
    assert window.selected is not None and window.selected.display_code in dialog.windowTitle()
    dialog.reject()


def test_every_toolbar_action_shows_its_shortcut(en_session: Session) -> None:
    window = en_session.window
    for name, keys in (("inspect", "Ctrl+I"), ("nearest", "F3"), ("sync", "F5")):
        action = window.actions_by_name[name]
        assert action.shortcut().toString() == keys
        assert action.toolTip().endswith(f"({keys})"), action.toolTip()
    assert "Ctrl+F" in window.search.toolTip() and "Ctrl+E" in window.edit_button.toolTip()


def test_tab_goes_from_the_search_through_the_filters_to_the_ledger(en_session: Session) -> None:
    window = en_session.window
    order, widget = [], window.search
    for _ in range(len(window.filters) + 3):
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget = widget.nextInFocusChain()
        order.append(widget)
    assert order[: len(window.filters)] == list(window.filters.values())
    assert window.table in order


def test_a_lifecycle_step_is_never_preselected_and_is_confirmed(
    en_session: Session, profile: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = en_session.window
    window.filters["state"].setCurrentIndex(window.filters["state"].findData("surveyed"))
    window.table.selectRow(0)
    outfall = window.selected
    assert outfall is not None
    assert window.action_box.currentData() is None and not window.action_button.isEnabled()
    window.action_box.setCurrentIndex(window.action_box.findData("monitor"))
    assert window.action_button.isEnabled()

    window.action_button.click()
    box = window.confirm_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert outfall.display_code in box.text() and "Monitored" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.wait(50)
    assert not en_session.lane.busy
    conn = database.open_reader(profile)
    try:
        assert outfalls.get(conn, outfall.id).lifecycle_state == "surveyed"  # type: ignore[union-attr]
    finally:
        conn.close()

    window.action_button.click()
    with qtbot.waitSignal(en_session.lane.idle, timeout=5000):
        window.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    conn = database.open_reader(profile)
    try:
        assert outfalls.get(conn, outfall.id).lifecycle_state == "monitored"  # type: ignore[union-attr]
    finally:
        conn.close()
    assert window.action_box.currentData() is None  # the next step is not chosen for you either


def test_an_invalid_edit_takes_the_user_to_the_first_field_to_correct(
    en_session: Session, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = en_session.window
    window.table.selectRow(0)
    window.open_editor()
    dialog = window.edit_dialog
    assert dialog is not None
    dialog.fields["note"].setFocus()
    dialog.fields["regime_date"].setText("2023-13-45")  # far down the form
    with qtbot.waitSignal(en_session.lane.idle, timeout=5000):
        dialog._save_requested()
    assert dialog.focusWidget() is dialog.fields["regime_date"]
    field = dialog.fields["regime_date"]
    viewport = dialog.fields_scroll.viewport()
    top = field.mapTo(viewport, field.rect().topLeft()).y()
    assert top >= 0 and top + field.height() <= viewport.height()  # scrolled into view
    dialog.reject()
