"""The ledger window driven like a user would: search, filters, sorting, detail, edits, steps."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from fieldapp import reference_data
from fieldapp.store import database, ledger_query, outfalls
from fieldapp.store.ledger_query import LedgerQuery
from fieldapp.ui.ledger_model import COLUMNS
from fieldapp.ui.session import Session


def _visible_rows(session: Session, n: int = 50) -> list[ledger_query.LedgerRow]:
    model = session.window.model
    rows = [model.row_at(i) for i in range(min(n, model.rowCount()))]
    return [r for r in rows if r is not None]


def _search_text(conn: sqlite3.Connection, outfall_id: str) -> str:
    o = outfalls.get(conn, outfall_id)
    assert o is not None
    parts = [o.national_code, o.local_code, o.provisional_code, o.name, o.water_body, o.town]
    parts += [o.village, o.responsible_party]
    return " ".join(p or "" for p in parts).lower()


def _changes(profile: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(profile)
    try:
        return conn.execute("SELECT entity, op FROM change_log ORDER BY seq").fetchall()
    finally:
        conn.close()


def test_table_never_measures_every_row(en_session: Session) -> None:
    header = en_session.window.table.verticalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    assert en_session.window.model.rowCount() == 400
    assert "400" in en_session.window.count_label.text()


def test_search_as_you_type_filters_rows_and_count(en_session: Session, profile: Path) -> None:
    window = en_session.window
    conn = database.open_reader(profile)
    try:
        for typed in ["如", "如东", "如东县", "雨洪", "3206", "nt"]:
            window.search.setText(typed)
            expected = ledger_query.count(conn, LedgerQuery(text=typed))
            assert window.model.rowCount() == expected
            assert str(expected) in window.count_label.text()
            for row in _visible_rows(en_session):
                assert typed.lower() in _search_text(conn, row.id)
    finally:
        conn.close()
    window.search.clear()
    assert window.model.rowCount() == 400


def test_filters_narrow_and_clear(en_session: Session) -> None:
    window = en_session.window
    box = window.filters["county"]
    box.setCurrentIndex(box.findData("320623"))
    county_rows = window.model.rowCount()
    assert 0 < county_rows < 400
    assert all(r.county_code == "320623" for r in _visible_rows(en_session, 400))
    state = window.filters["state"]
    state.setCurrentIndex(state.findData("routine"))
    both = window.model.rowCount()
    assert both <= county_rows
    assert all(r.lifecycle_state == "routine" for r in _visible_rows(en_session, 400))
    window.clear_filters()
    assert window.model.rowCount() == 400
    assert window.filters["county"].currentIndex() == 0


def test_sorting_by_a_column_header(en_session: Session, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = en_session.window
    header = window.table.horizontalHeader()
    name_section = COLUMNS.index("name")
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.rect().topLeft() + _section_center(header, name_section),
    )
    names = [r.name for r in _visible_rows(en_session, 400)]
    assert names == sorted(names) or names == sorted(names, reverse=True)
    first_order = names
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.rect().topLeft() + _section_center(header, name_section),
    )
    names = [r.name for r in _visible_rows(en_session, 400)]
    assert names == list(reversed(first_order))


def _section_center(header: QHeaderView, section: int):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_selecting_shows_the_whole_record_and_history(en_session: Session) -> None:
    window = en_session.window
    window.table.selectRow(2)
    row = window.model.row_at(2)
    assert row is not None and window.selected is not None
    assert window.selected.id == row.id
    text = window.detail.toPlainText()
    assert row.name in text and row.code in text
    assert "Lifecycle history" in text
    assert window.edit_button.isEnabled()


def test_valid_edit_is_saved_with_who_and_what(en_session: Session, profile: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = en_session.window
    window.table.selectRow(0)
    before = _changes(profile)
    window.open_editor()
    dialog = window.edit_dialog
    assert dialog is not None
    dialog.fields["water_body"].setText("通吕运河（测试段）")
    with qtbot.waitSignal(en_session.lane.idle, timeout=5000):
        dialog._save_requested()
    assert not dialog.isVisible()
    assert window.selected is not None
    assert window.selected.water_body == "通吕运河（测试段）"
    assert "通吕运河（测试段）" in window.detail.toPlainText()
    conn = database.open_reader(profile)
    try:
        history = outfalls.history(conn, window.selected.id)
    finally:
        conn.close()
    edit = history.edits[-1]
    assert (edit.field, edit.new_value, edit.actor) == (
        "water_body",
        "通吕运河（测试段）",
        "测试员",
    )
    new = _changes(profile)[len(before) :]
    assert sorted(new) == [("outfall_edits", "upsert"), ("outfalls", "upsert")]


def test_invalid_edit_shows_every_problem_and_saves_nothing(
    en_session: Session, profile: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = en_session.window
    window.table.selectRow(1)
    original = window.selected
    assert original is not None
    before = _changes(profile)
    window.open_editor()
    dialog = window.edit_dialog
    assert dialog is not None
    dialog.fields["name"].setText("")
    dialog.fields["national_code"].setText("bad code!")
    dialog.fields["regime_date"].setText("2023-13-45")
    with qtbot.waitSignal(en_session.lane.idle, timeout=5000):
        dialog._save_requested()
    assert dialog.isVisible()
    shown = dialog.problems_label.text()
    assert "needs a name" in shown
    assert "bad code!" in shown
    assert "YYYY-MM-DD" in shown
    assert dialog.buttons.isEnabled()
    conn = database.open_reader(profile)
    try:
        assert outfalls.get(conn, original.id) == original
    finally:
        conn.close()
    assert _changes(profile) == before
    dialog.reject()


def test_a_typo_in_a_number_is_reported_with_the_other_problems(en_session: Session) -> None:
    window = en_session.window
    window.table.selectRow(0)
    window.open_editor()
    dialog = window.edit_dialog
    assert dialog is not None
    dialog.fields["lat"].setText("32,1x")
    dialog.fields["town"].setText("")
    dialog._save_requested()
    shown = dialog.problems_label.text()
    assert "'32,1x' is not a number" in shown
    assert "The town is required" in shown
    dialog.reject()


def test_stale_edit_is_refused(en_session: Session, profile: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = en_session.window
    window.table.selectRow(0)
    assert window.selected is not None
    window.open_editor()
    dialog = window.edit_dialog
    assert dialog is not None
    # Someone else saves a change to the same outfall first.
    other = database.open_profile(profile)
    try:
        import dataclasses

        ref = reference_data.load()
        current = outfalls.get(other, window.selected.id)
        assert current is not None
        outfalls.update(other, dataclasses.replace(current, note="先到的修改"), ref, "另一人")
    finally:
        other.close()
    dialog.fields["note"].setPlainText("后到的修改")
    with qtbot.waitSignal(en_session.lane.idle, timeout=5000):
        dialog._save_requested()
    assert "changed this outfall after you opened it" in window.last_warning
    conn = database.open_reader(profile)
    try:
        saved = outfalls.get(conn, window.selected.id)
    finally:
        conn.close()
    assert saved is not None and saved.note == "先到的修改"
    dialog.reject()


def test_lifecycle_step_moves_the_outfall_and_records_it(
    en_session: Session, profile: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = en_session.window
    window.filters["state"].setCurrentIndex(window.filters["state"].findData("surveyed"))
    assert window.model.rowCount() > 0
    window.table.selectRow(0)
    outfall_id = window.selected.id  # type: ignore[union-attr]
    assert window.action_box.findData("monitor") >= 0
    with qtbot.waitSignal(en_session.lane.idle, timeout=5000):
        window.run_transition(outfall_id, "monitor", "")
    assert window.selected is not None and window.selected.lifecycle_state == "monitored"
    conn = database.open_reader(profile)
    try:
        events = outfalls.history(conn, outfall_id).events
    finally:
        conn.close()
    assert (events[-1].action, events[-1].to_state, events[-1].actor) == (
        "monitor",
        "monitored",
        "测试员",
    )
    # The outfall left the filtered list, which now shows one fewer.
    assert "Recorded monitoring" not in window.detail.toPlainText()


def test_illegal_step_is_refused_with_its_reason(en_session: Session, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = en_session.window
    window.filters["state"].setCurrentIndex(window.filters["state"].findData("surveyed"))
    window.table.selectRow(0)
    outfall_id = window.selected.id  # type: ignore[union-attr]
    with qtbot.waitSignal(en_session.lane.idle, timeout=5000):
        window.run_transition(outfall_id, "close", "")
    assert "not possible from the state 'Surveyed'" in window.last_warning


def test_chinese_ui(zh_session: Session) -> None:
    window = zh_session.window
    assert window.windowTitle() == "河口 — 排污口台账"
    assert window.count_label.text() == "共 400 个排污口"
    headers = [
        window.model.headerData(i, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for i in range(len(COLUMNS))
    ]
    assert headers[:3] == ["编码", "名称", "县（市、区）"]
    window.table.selectRow(0)
    assert "工作进程记录" in window.detail.toPlainText()
    window.search.setText("如东")
    assert window.count_label.text().startswith("共 ")
    county = window.filters["county"]
    assert county.itemText(0) == "全部县（市、区）"
    assert county.itemText(county.findData("320623")) == "如东县"


def test_window_fits_a_rugged_laptop_screen(en_session: Session, zh_session: Session) -> None:
    for session in (en_session, zh_session):
        hint = session.window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 768


def test_a_new_profile_says_where_the_ledger_comes_from(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import _open

    sessions = _open(qtbot, tmp_path / "new.sqlite", "zh_CN")
    session = next(sessions)
    try:
        assert session.window.model.rowCount() == 0
        hint = session.window.detail.toPlainText()
        assert "还没有排污口台账" in hint and "同步" in hint, hint
        session.window.search.setText("通州")  # searching: nothing matches, the plain hint again
        assert "还没有" not in session.window.detail.toPlainText()
    finally:
        next(sessions, None)


def test_an_empty_search_does_not_say_the_ledger_is_missing(en_session: Session) -> None:
    window = en_session.window
    window.search.setText("no outfall is called this")
    assert window.model.rowCount() == 0
    assert "no outfall ledger" not in window.detail.toPlainText()
    window.search.clear()
    assert window.model.rowCount() == 400


def test_no_column_is_narrower_than_its_chinese_header(zh_session: Session) -> None:
    from PySide6.QtGui import QFont, QFontMetrics

    table = zh_session.window.table
    header = table.horizontalHeader()
    bold = QFont(header.font())
    bold.setBold(True)
    for i in range(table.model().columnCount()):
        text = str(table.model().headerData(i, Qt.Orientation.Horizontal))
        assert header.sectionSize(i) >= QFontMetrics(bold).horizontalAdvance(text) + 12, text


def test_the_ledger_offers_only_the_steps_the_signed_in_account_may_take(
    qtbot, profile: Path
) -> None:  # type: ignore[no-untyped-def]
    """An inspector of the county is offered re-test but never the county's pre-closing; a
    supervisor of the county is offered it; nothing is chosen in advance."""
    from sync.client.state import account as sync_account
    from tests.ui.conftest import _open

    conn = database.open_profile(profile)
    try:
        row = conn.execute(
            "SELECT county_code FROM outfalls WHERE lifecycle_state = 'accepted' LIMIT 1"
        ).fetchone()
        assert row is not None, "the demo ledger has accepted outfalls"
        county = row[0]
    finally:
        conn.close()

    def offered(role: str) -> list[str]:
        conn = database.open_profile(profile)
        try:
            sync_account.save_login(conn, "http://x", "who", role, [county], "d", "t", "laptop")
        finally:
            conn.close()
        opened = _open(qtbot, profile, "en")
        session = next(opened)
        try:
            window = session.window
            qtbot.waitUntil(lambda: window.step_authority is not None, timeout=5000)
            window.filters["state"].setCurrentIndex(window.filters["state"].findData("accepted"))
            window.filters["county"].setCurrentIndex(window.filters["county"].findData(county))
            window.table.selectRow(0)
            assert window.action_box.currentData() is None
            box = window.action_box
            return [box.itemData(i) for i in range(box.count()) if box.itemData(i)]
        finally:
            next(opened, None)  # runs the fixture's close

    inspector = offered("inspector")
    assert "request_retest" in inspector and "pre_close" not in inspector
    assert "pre_close" in offered("supervisor")
