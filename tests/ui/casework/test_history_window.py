"""案卷 on the laptop: opened from the ledger's detail pane and from 监管, newest first, the
selected entry's photos as thumbnails made off the GUI thread, an entry opening its record."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt

from fieldapp.domain import inspection as model
from fieldapp.store import database, inspections, outfalls
from fieldapp.ui.casework import HistoryWindow
from fieldapp.ui.session import Session
from sync.history import Kind


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (40, 120, 200)).save(out, "JPEG")
    return out.getvalue()


def _first_outfall(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT id FROM outfalls ORDER BY rid LIMIT 1").fetchone()[0])
    finally:
        conn.close()


def _record(session: Session, outfall_id: str) -> str:
    """A draft inspection with one stored photo and a supervisor's return of it."""
    sha = session.evidence_store().put(_jpeg()).sha256
    conn = database.open_profile(session.path)
    try:
        o = outfalls.get(conn, outfall_id)
        assert o is not None
        draft = inspections.save_draft(conn, model.new_draft(o.id, "张伟", o.county_code))
        inspections.add_photo(conn, model.InspectionPhoto("p1", draft.id, sha, added_at="x"))
        with conn:
            conn.execute(
                "INSERT INTO sync_reviews (id, record_entity, record_id, state, comment,"
                " reviewer, at, data) VALUES ('r1', 'inspections', ?, 'returned', '照片模糊',"
                " '赵主任', '2099-01-01T00:00:00Z', '{}')",
                (draft.id,),
            )
    finally:
        conn.close()
    return draft.id


def _cell(window: HistoryWindow, row: int, column: int) -> str:
    item = window.view.table.item(row, column)
    assert item is not None
    return item.text()


def test_history_from_the_detail_pane(qtbot, en_session: Session) -> None:
    outfall_id = _first_outfall(en_session.path)
    _record(en_session, outfall_id)
    en_session.window.reveal_outfall(outfall_id)
    assert en_session.window.history_button.isEnabled()
    qtbot.mouseClick(en_session.window.history_button, Qt.MouseButton.LeftButton)
    window = en_session.tools["history"]
    assert isinstance(window, HistoryWindow) and window.isVisible()
    entries = window.view.entries()
    assert [e.kind for e in entries][:2] == [Kind.REVIEW, Kind.INSPECTION]
    assert Kind.STEP in {e.kind for e in entries}  # the demo ledger's creation step
    assert _cell(window, 0, 1) == "Review decision"
    assert "returned for correction" in _cell(window, 0, 3)
    assert "照片模糊" in _cell(window, 0, 3)
    assert _cell(window, 0, 2) == "赵主任"

    window.view.table.selectRow(
        1
    )  # the inspection: its photo's thumbnail arrives from the worker pool
    qtbot.waitUntil(lambda: window.view.pending == 0 and window.view.photos.count() == 1)
    qtbot.waitUntil(lambda: not window.view.photos.item(0).icon().isNull())
    assert window.view.open_button.isEnabled()
    qtbot.mouseClick(window.view.open_button, Qt.MouseButton.LeftButton)
    opened = en_session.tools["inspection"]
    assert opened is not None and opened.isVisible()


def test_history_from_the_supervision_menu_in_chinese(qtbot, zh_session: Session) -> None:
    outfall_id = _first_outfall(zh_session.path)
    zh_session.window.reveal_outfall(outfall_id)
    zh_session.window.actions_by_name["history"].trigger()
    window = zh_session.tools["history"]
    assert isinstance(window, HistoryWindow) and window.isVisible()
    steps = [e for e in window.view.entries() if e.kind == Kind.STEP]
    assert steps
    assert _cell(window, 0, 1) == "生命周期步骤"
    window.view.table.selectRow(0)
    assert not window.view.open_button.isEnabled()  # a step has no record of its own to open
    assert window.view.photos.count() == 0
