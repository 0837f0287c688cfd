"""The whole loop on a real server over loopback: two inspectors capture and sync, a supervisor
reviews on the desk (pytest-qt), returns one record and bulk-approves the other, the inspector
sees the return (reason, deadline), revises it as a new version and resubmits, and the supervisor
sees the revision beside the original and approves it; the ledger follows, back on the laptops.
Screens of the desk and the returned-record view are saved in Chinese and English."""

from __future__ import annotations

import dataclasses
import json
import os
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from sqlalchemy import select

from fieldapp import i18n
from fieldapp.domain import inspection as model
from fieldapp.domain.position import PositionSource
from fieldapp.inspection_data import load_rules
from fieldapp.store import database, inspections, returns, synced_rows
from fieldapp.ui.review import ReturnedRecordsView, open_desk
from fieldapp.ui.review.desk import ReviewDesk
from sync.client.state import account as sync_account
from sync.client.state import panel as sync_panel
from sync.server.schema import audit_log

PHOTOS = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "photos"
SHOTS = Path(os.environ.get("HEKOU_SHOTS", "var/screens/review"))
RULES = load_rules()


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def capture(device: Any, outfall_id: str, county: str, photo: str, sign: str = "yes") -> str:
    """A completed inspection with a photo, as the form would leave it."""
    draft = model.new_draft(outfall_id, device.user, county)
    position = model.PositionRecord(32.0, 120.9, 4.0, PositionSource.GNSS.value, 5, None, now(),
                                    6.0, 90.0, False)  # fmt: skip
    draft = dataclasses.replace(
        draft, position=position, discharging="no", notes="",
        sign_check=(("present", sign), ("broken", "no")),
        sampling_check=(("sampling_point", "yes"), ("intact", "yes")),
    )  # fmt: skip
    inspections.save_draft(device.conn, draft)
    sha = device.blobs.put((PHOTOS / photo).read_bytes()).sha256
    inspections.add_photo(device.conn, model.InspectionPhoto(
        id=str(uuid.uuid4()), inspection_id=draft.id, sha256=sha, taken_at=now(),
        lat=32.0, lon=120.9, distance_m=6.0, time_offset_s=60.0))  # fmt: skip
    complete(device, draft.id)
    return draft.id


def complete(device: Any, inspection_id: str) -> None:
    with database.transaction(device.conn):
        device.conn.execute(
            "UPDATE inspections SET status = 'complete', completed_at = ?, updated_at = ?"
            " WHERE id = ?",
            (now(), now(), inspection_id),
        )


def sync_ok(device: Any) -> None:
    report = device.sync()
    assert report.ok, report.summary()


def install(lang: str) -> list[QTranslator]:
    app = QCoreApplication.instance()
    assert app is not None
    loaded = []
    for qm in i18n.qm_files(lang):
        t = QTranslator(app)
        assert t.load(str(qm))
        app.installTranslator(t)
        loaded.append(t)
    return loaded


def shoot(widget: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.resize(1366, 768)
    widget.show()
    assert widget.grab().save(str(SHOTS / f"{name}.png"))


@pytest.fixture
def world(sqlite_server: Any, profile_template: Path, tmp_path: Path) -> Any:
    from hekou_review_sync_fixtures import World

    w = World(sqlite_server, profile_template, tmp_path, seed=6)
    yield w
    w.close()


def open_supervisor_desk(sup: Any, qtbot: Any, lang: str = "en") -> ReviewDesk:
    account = sync_account.account(sup.conn)
    counties = {sup.world.county: "测试区" if lang.startswith("zh") else "Test county"}
    desk = open_desk(account, sup.path, RULES, lang, counties)
    qtbot.addWidget(desk)
    return desk


def test_capture_review_return_revise_resubmit_approve(world: Any, qtbot: Any) -> None:
    sup = world.device("sup", "supervisor")
    a = world.device("insp_a", "inspector")
    b = world.device("insp_b", "inspector")
    sup.new_outfall(False)
    outfall_id = sup.outfall_ids()[0]
    sync_ok(sup)
    for d in (a, b):
        sync_ok(d)
        assert d.outfall_ids() == [outfall_id]
    first = capture(a, outfall_id, world.county, "DSCN0010.jpg", sign="no")
    capture(b, outfall_id, world.county, "DSCN0012.jpg")
    sync_ok(a)
    sync_ok(b)

    desk = open_supervisor_desk(sup, qtbot)
    with qtbot.waitSignal(desk.batches_loaded, timeout=10_000):
        pass
    batches = {bt.batch.username: bt for bt in desk.model.batches}
    assert set(batches) == {a.user, b.user}
    assert all(bt.photos == bt.photos_arrived == 1 for bt in batches.values())
    # filter by inspector, then open A's batch
    desk.inspector.setCurrentIndex(desk.inspector.findData(a.user))
    assert desk.proxy.rowCount() == 1
    with qtbot.waitSignals([desk.records_loaded, desk.record_shown, desk.thumbnails_done],
                           timeout=10_000):  # fmt: skip
        desk.select_batch(0)
    assert desk.panel.record is not None and desk.panel.record.record.row_id == first
    assert desk.panel.thumbs.item(0).icon().isNull() is False
    qtbot.waitUntil(lambda: not desk.panel.viewer.view.item.pixmap().isNull(), timeout=10_000)
    deadline = datetime.now(UTC) + timedelta(days=5)
    decisions: list[tuple[str, str]] = []
    desk.decided.connect(lambda row_id, state: decisions.append((row_id, state)))
    with qtbot.waitSignals([desk.decided, desk.records_loaded], timeout=10_000):
        desk.return_for_correction("标志牌缺失，请补拍并核实", deadline)
    assert decisions == [(first, "returned")]
    assert desk.records[0].record.review_state == "returned"
    # B's batch: approved in bulk (no flags)
    desk.inspector.setCurrentIndex(desk.inspector.findData(b.user))
    with qtbot.waitSignal(desk.records_loaded, timeout=10_000):
        desk.select_batch(0)
    assert desk.records[0].flags == []
    with qtbot.waitSignal(desk.decided, timeout=10_000) as bulk:
        desk.approve_unflagged()
    assert bulk.args[1] == "approved"

    # back in the field: A pulls the return and sees reason and deadline
    sync_ok(a)
    back = returns.returned(a.conn, a.user)
    assert [(r.inspection_id, r.reason) for r in back] == [(first, "标志牌缺失，请补拍并核实")]
    assert back[0].deadline is not None and back[0].deadline[:10] == deadline.date().isoformat()
    view = ReturnedRecordsView()
    qtbot.addWidget(view)
    view.show_returned(back)
    card = view.cards[0]
    assert (
        "标志牌缺失" in card.reason.text() and deadline.date().isoformat() in card.deadline.text()
    )
    # the sync panel's record list says the same: returned, with the reason and the deadline

    state = next(r for r in sync_panel.record_states(a.conn) if r.row_id == first)
    assert (state.state, state.review_deadline) == ("returned", deadline.date().isoformat())
    with qtbot.waitSignal(view.revise_requested) as asked:
        card.revise_button.click()
    assert asked.args == [first]
    revision = returns.revise(a.conn, first, a.user)
    assert revision.supersedes == first and revision.version == 2
    inspections.save_draft(a.conn, dataclasses.replace(
        revision, notes="已补设标志牌并补拍", sign_check=(("broken", "no"), ("present", "yes"))))  # fmt: skip
    complete(a, revision.id)
    assert inspections.get(a.conn, first).sign_check == (("broken", "no"), ("present", "no"))  # type: ignore[union-attr]
    sync_ok(a)
    view.show_returned(returns.returned(a.conn, a.user))
    assert "resubmitted" in view.cards[0].state.text()
    shoot(view, "returned_en")

    # the supervisor sees the revision beside the original, and approves it
    desk.inspector.setCurrentIndex(desk.inspector.findData(a.user))
    with qtbot.waitSignal(desk.batches_loaded, timeout=10_000):
        desk.refresh()
    newest = max(range(desk.proxy.rowCount()),
                 key=lambda r: desk.proxy.index(r, 0).data(desk.proxy.sortRole()))  # fmt: skip
    with qtbot.waitSignals([desk.records_loaded, desk.detail_loaded], timeout=10_000):
        desk.select_batch(newest)
    assert [r.record.row_id for r in desk.records] == [revision.id]
    qtbot.waitUntil(lambda: desk.panel.detail is not None, timeout=10_000)
    detail = desk.panel.detail
    assert detail is not None and detail.original is not None
    assert detail.original.record.row_id == first
    changed = {c.field: (c.before, c.after) for c in detail.changes}
    assert changed["sections.notes"] == ("", "已补设标志牌并补拍")
    assert changed["sections.sign_check.present"] == ("no", "yes")
    assert desk.panel.tabs.isTabVisible(desk.panel.revision_tab)
    desk.panel.tabs.setCurrentIndex(desk.panel.revision_tab)
    shoot(desk, "desk_revision_en")
    with qtbot.waitSignal(desk.decided, timeout=10_000) as approved:
        desk.approve()
    assert approved.args == [revision.id, "approved"]

    # the ledger follows, attributed, and comes back to the laptops
    with world.ctx.engine.connect() as conn:
        actions = {e.action for e in conn.execute(
            select(audit_log).where(audit_log.c.username == sup.user))}  # fmt: skip
    assert {"server.reviews", "review.ledger_follow", "review.inspection_approved"} <= actions
    sync_ok(a)
    sync_ok(b)
    for d in (a, b):
        row = synced_rows.row_data(d.conn, "outfalls", outfall_id)
        assert row is not None and row["sign_status"] == "ok" and row["updated_by"] == sup.user
    states = dict(a.conn.execute("SELECT record_id, state FROM sync_reviews"
                                 " WHERE record_entity = 'inspections'").fetchall())  # fmt: skip
    assert states[revision.id] == "approved" and states[first] == "returned"
    assert json.loads(a.conn.execute("SELECT sections FROM inspections WHERE id = ?",
                                     (first,)).fetchone()[0])["sign_check"]["present"] == "no"  # fmt: skip
    desk.close()


def test_screens_in_chinese(world: Any, qtbot: Any) -> None:
    """The desk with a flagged new outfall, and the returned-record view, in Chinese."""
    translators = install("zh_CN")
    try:
        sup = world.device("sup", "supervisor")
        a = world.device("insp_a", "inspector")
        sup.new_outfall(False)
        sync_ok(sup)
        a.new_outfall(True)
        found = next(i for i in a.outfall_ids() if i not in sup.outfall_ids())
        first = capture(a, found, world.county, "DSCN0021.jpg", sign="no")
        sync_ok(a)
        desk = open_supervisor_desk(sup, qtbot, "zh_CN")
        with qtbot.waitSignal(desk.batches_loaded, timeout=10_000):
            pass
        with qtbot.waitSignals([desk.record_shown, desk.detail_loaded, desk.thumbnails_done],
                               timeout=10_000):  # fmt: skip
            desk.select_batch(0)
        assert "new_outfall" in desk.records[0].flags
        assert desk.panel.accept_button.isVisible() or desk.panel.accept_button.isVisibleTo(desk)
        desk.panel.tabs.setCurrentIndex(1)
        shoot(desk, "desk_photos_zh")
        desk.panel.tabs.setCurrentIndex(2)
        shoot(desk, "desk_position_zh")
        assert desk.windowTitle() != "Review desk"
        # a stale decision is refused with words, then the batch reloads
        with qtbot.waitSignal(desk.decided, timeout=10_000):
            desk.return_for_correction("位置不准，请重测")
        stale = desk.records[0]
        desk.panel.record = stale.model_copy(update={"record": stale.record.model_copy(
            update={"version": stale.record.version - 1, "review_state": None})})  # fmt: skip
        with qtbot.waitSignal(desk.refused, timeout=10_000) as refused:
            desk.approve()
        assert refused.args == ["record_changed"]
        assert "打开" in desk.panel.notice.text() or desk.panel.notice.text()
        sync_ok(a)
        view = ReturnedRecordsView()
        qtbot.addWidget(view)
        view.show_returned(returns.returned(a.conn, a.user))
        assert view.cards and view.cards[0].record.inspection_id == first
        shoot(view, "returned_zh")
        desk.close()
    finally:
        app = QCoreApplication.instance()
        assert app is not None
        for t in translators:
            app.removeTranslator(t)
