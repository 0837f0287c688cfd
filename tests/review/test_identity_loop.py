"""Done when: on a laptop whose login is someone else's, ``zhangwei`` signs in through the app,
completes an inspection with real photos in the inspection window, syncs, and the supervisor
sees it on the desk. Real server on loopback, the app's own session wiring (pytest-qt).

Along the way: the first sign-in runs off the GUI thread and answers a wrong address and a wrong
password with a clear message and "Try again"; the status strip and 我的记录 say where the record
stands; a draft is discarded only after a confirmation."""

from __future__ import annotations

import getpass
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from fieldapp.domain import inspection as model
from fieldapp.inspection_data import load_rules
from fieldapp.store import database, identity, inspections
from fieldapp.ui.app import make_app
from fieldapp.ui.review import open_desk
from fieldapp.ui.session import open_session
from sync.client.state import account as sync_account
from sync.server.schema import records
from sync.server.services import admin

PHOTOS = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "photos"
PASSWORD = "riverbank evidence 2026"
OS_USER = "fieldlaptop"


@pytest.fixture
def world(sqlite_server: Any, profile_template: Path, tmp_path: Path) -> Any:
    from hekou_review_sync_fixtures import World

    w = World(sqlite_server, profile_template, tmp_path, seed=11)
    yield w
    w.close()


def _zhangwei(server: Any, county: str) -> None:
    try:
        admin.add_user(server.ctx, "zhangwei", PASSWORD, "inspector", [county])
    except Exception:  # made by an earlier test of this session: give it this world's county
        admin.set_counties(server.ctx, "zhangwei", [county])


def test_zhangwei_on_someone_elses_laptop_reaches_the_desk(
    world: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("USER", "LOGNAME", "LNAME", "USERNAME"):
        monkeypatch.setenv(name, OS_USER)
    assert getpass.getuser() == OS_USER
    sup = world.device("sup", "supervisor")
    sup.new_outfall(False)
    outfall_id = sup.outfall_ids()[0]
    assert sup.sync().ok
    _zhangwei(world.server, world.county)

    make_app("en")
    path = tmp_path / "laptop.sqlite"
    shutil.copyfile(world.template, path)
    with database.transaction(conn := database.open_profile(path)):
        conn.execute("UPDATE sync_account SET install_id = ?", (str(uuid.uuid4()),))
    # a draft begun before the first sign-in: it belongs to the profile's own user
    early = model.new_draft(outfall_id, identity.current_user(conn), world.county)
    inspections.save_draft(conn, early)
    conn.close()
    assert early.author.startswith("local-")
    assert early.inspectors == ()  # the internal id is not shown as a person present
    session = open_session(path, "en")
    assert not isinstance(session, str)
    qtbot.addWidget(session.window)
    strip = session.records.strip
    try:
        assert session.actor.startswith("local-") and session.actor != OS_USER
        qtbot.waitUntil(lambda: strip.status is not None, timeout=5000)
        assert strip.who.isHidden()  # nobody signed in: the last-sync part says so
        assert "not signed in" in strip.last_sync.text()

        panel = session.open_sync()
        qtbot.addWidget(panel)
        panel.setup_button.click()
        dialog = _setup_dialog(panel)
        port = world.server.port
        # host:port means https: this server speaks http, so the answer is a clear TLS message
        dialog.url.setText(f"127.0.0.1:{port}")
        dialog.user.setText("zhangwei")
        dialog.password.setText(PASSWORD)
        controller = session.sync_controller()
        with qtbot.waitSignal(controller.signed_in, timeout=20_000) as answer:
            dialog.sign_in.click()
            assert dialog.cancel.isVisible() and not dialog.sign_in.isEnabled()  # never blocks
        assert answer.args[0].code == "tls" and "http://" in dialog.message.text()
        assert dialog.sign_in.text() == "Try again"
        dialog.url.setText(f"http://127.0.0.1:{port}")
        dialog.password.setText("not the password")
        with qtbot.waitSignal(controller.signed_in, timeout=20_000) as answer:
            dialog.sign_in.click()
        assert answer.args[0].code == "login_failed"
        assert dialog.message.text() == "Wrong user name or password."
        assert dialog.password.text() == ""
        dialog.password.setText(PASSWORD)
        with qtbot.waitSignal(controller.signed_in, timeout=20_000) as answer:
            dialog.sign_in.click()
        assert answer.args[0] is None
        qtbot.waitUntil(lambda: session.actor == "zhangwei", timeout=5000)

        with qtbot.waitSignal(controller.finished, timeout=30_000) as synced:
            controller.sync_now()
        assert synced.args[0].ok, synced.args[0].summary()  # the ledger arrives
        reader = database.open_reader(path)
        assert reader.execute("SELECT 1 FROM outfalls WHERE id = ?", (outfall_id,)).fetchone()

        window = session.open_inspection(outfall_id)  # goes on with the early draft
        qtbot.addWidget(window)
        assert window.record.id == early.id
        assert window.record.author == "zhangwei" and window.record.inspectors == ("zhangwei",)
        assert window.form.inspectors.text() == "zhangwei"
        qtbot.waitUntil(lambda: not session.lane.busy, timeout=5000)
        assert window.photos.add_paths([PHOTOS / "DSCN0010.jpg", PHOTOS / "DSCN0012.jpg"]) == 2
        qtbot.waitUntil(
            lambda: len(inspections.photos(reader, window.record.id)) == 2, timeout=20_000
        )
        form = window.form
        form.discharging.setCurrentIndex(form.discharging.findData("no"))
        form.no_position_reason.setText("receiver left in the car")
        window.complete_button.click()
        assert window.summary_dialog is not None  # the summary is confirmed, as a user would
        window.summary_dialog.confirm_button.click()
        qtbot.waitUntil(lambda: window.record.is_complete, timeout=10_000)

        with qtbot.waitSignal(controller.finished, timeout=60_000) as synced:
            controller.sync_now()
        report = synced.args[0]
        # (photos are content-addressed: one the server has from another test is not sent again)
        assert report.ok and report.sent >= 3 and not report.refusals, report.summary()
        session.records.refresh()
        qtbot.waitUntil(lambda: strip.unsent.text() == "Unsent: 0", timeout=5000)
        assert not strip.refused.isVisible() and "Never" not in strip.last_sync.text()
        assert strip.who.text().startswith("zhangwei")

        [bound] = [e for e in identity.audit_log(reader) if e.action == "bind"]
        assert bound.actor == "zhangwei" and bound.detail["replaced"] == [early.author]

        # 我的记录: the sent record, and a new draft that is discarded after a confirmation
        second = session.open_inspection(outfall_id)
        qtbot.addWidget(second)
        assert second.record.id != early.id and second.record.author == "zhangwei"
        qtbot.waitUntil(lambda: not session.lane.busy, timeout=5000)
        mine = session.open_records()
        qtbot.addWidget(mine)
        qtbot.waitUntil(lambda: len(mine.records) == 2, timeout=5000)
        states = {r.row_id: r.state for r in mine.records}
        assert states == {early.id: "received", second.record.id: "draft"}
        mine.show_group("draft")
        assert [r.row_id for r in mine.shown] == [second.record.id]
        assert mine.discard_button.isVisible() and not mine.resend_button.isVisible()
        mine.discard_button.click()
        question = mine.dialog
        assert question is not None and question.isVisible()
        [keep] = [b for b in question.buttons() if b is not question.discard_button]
        keep.click()  # changed my mind: nothing happens
        qtbot.wait(50)
        assert inspections.get(reader, second.record.id) is not None
        mine.discard_button.click()
        with qtbot.waitSignal(session.records.changed, timeout=5000):
            mine.dialog.discard_button.click()
        assert inspections.get(reader, second.record.id) is None
        assert inspections.get(reader, early.id) is not None  # nothing else lost
        qtbot.waitUntil(lambda: len(mine.records) == 1, timeout=5000)
        assert identity.audit_log(reader)[0].action == "discard_draft"
        reader.close()

        # the supervisor's desk
        with world.ctx.engine.connect() as c:
            row = c.execute(select(records).where(records.c.id == window.record.id)).first()
        assert row is not None and row.owner == "zhangwei" and row.status == "complete"
        account = sync_account.account(sup.conn)
        desk = open_desk(account, sup.path, load_rules(), "en", {world.county: "Test county"})
        qtbot.addWidget(desk)
        qtbot.waitUntil(lambda: len(desk.model.batches) > 0, timeout=10_000)
        mine_on_desk = [b for b in desk.model.batches if b.batch.username == "zhangwei"]
        # Both photos are on the desk (a batch that sent the photos' rows again after the
        # binding lists them too), and none is missing.
        assert mine_on_desk and max(b.photos_arrived for b in mine_on_desk) == 2
        assert all(b.photos_arrived == b.photos for b in mine_on_desk)
    finally:
        session.close()


def _setup_dialog(panel: Any) -> Any:
    from fieldapp.ui.sync import SyncSetupDialog

    [dialog] = panel.findChildren(SyncSetupDialog)
    return dialog
