"""The status strip, the sync panel and 我的记录 with records in every state (sent, refused,
returned with a deadline, draft), in Chinese and English, at 1366×768: nothing clipped, the refusal
told in red with what to do. ``HEKOU_SCREENS=DIR`` keeps the PNGs (run with QT_SCALE_FACTOR=1.5
too)."""

from __future__ import annotations

import dataclasses
import os
import shutil
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtWidgets import QAbstractButton, QWidget

from fieldapp.domain import clock
from fieldapp.domain import inspection as model
from fieldapp.store import database, identity, inspections
from fieldapp.ui.app import make_app
from fieldapp.ui.records.window import shown_state
from fieldapp.ui.session import open_session
from sync.client import ProfileDb, SyncEngine
from sync.client.engine import profile_photos
from sync.client.state import account as sync_account
from sync.protocol import INSTALL_HEADER
from sync.server.services import admin

PHOTOS = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "photos"
SCREENS = os.environ.get("HEKOU_SCREENS")
PASSWORD = "screens password"


@pytest.fixture
def world(sqlite_server: Any, profile_template: Path, tmp_path: Path) -> Any:
    from hekou_review_sync_fixtures import World

    w = World(sqlite_server, profile_template, tmp_path, seed=12)
    yield w
    w.close()


def _complete(conn: Any, insp: model.Inspection) -> None:
    inspections.save_draft(conn, insp)
    with database.transaction(conn):
        conn.execute(
            "UPDATE inspections SET status = 'complete', completed_at = ? WHERE id = ?",
            (clock.now_iso(), insp.id),
        )


def _laptop(world: Any, tmp_path: Path) -> tuple[Path, str]:
    """A signed-in inspector's profile with a sent, a returned, a refused and a draft record."""
    sup = world.device("sup", "supervisor")
    sup.new_outfall(False)
    sup.new_outfall(False)
    assert sup.sync().ok
    user = f"li-{uuid.uuid4().hex[:6]}"
    admin.add_user(world.ctx, user, PASSWORD, "inspector", [world.county])
    path = tmp_path / "laptop.sqlite"
    shutil.copyfile(world.template, path)
    db = ProfileDb(path)
    with db.conn:
        db.conn.execute("UPDATE sync_account SET install_id = ?", (str(uuid.uuid4()),))
    engine = SyncEngine(db, profile_photos(path))
    engine.login(world.server.url, user, PASSWORD, "laptop")
    assert engine.sync().ok
    first, second = sup.outfall_ids()[:2]
    me = identity.current_user(db.conn)
    sent = dataclasses.replace(model.new_draft(first, me, world.county), discharging="no")
    _complete(db.conn, sent)
    returned = dataclasses.replace(model.new_draft(second, me, world.county), discharging="yes")
    _complete(db.conn, returned)
    outside = dataclasses.replace(model.new_draft(first, me, "320612"), discharging="no")
    _complete(db.conn, outside)  # not this user's county: refused
    inspections.save_draft(db.conn, model.new_draft(second, me, world.county))
    report = engine.sync()
    assert len(report.refusals) == 1
    account = sync_account.account(sup.conn)
    deadline = (datetime.now(UTC) + timedelta(days=3)).isoformat()
    # A token works only from the install it was issued to: the header says which one.
    headers = {"Authorization": f"Bearer {account.token}", INSTALL_HEADER: account.install_id}
    with httpx.Client(base_url=world.server.url, headers=headers) as c:
        version = c.get(f"/v1/records/inspections/{returned.id}").json()["version"]
        answer = c.post(
            f"/v1/records/inspections/{returned.id}/review",
            json={"state": "returned", "comment": "标志牌照片不清楚，请补拍",
                  "version": version, "deadline": deadline},
        )  # fmt: skip
        assert answer.status_code == 200, answer.text
    engine.sync()
    db.close()
    return path, user


def _visible_text() -> Any:
    """The Chinese-throughout heuristics of tests/ui (loaded by path: importlib mode)."""
    import importlib.util
    import sys

    name = "hekou_visible_text"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, Path(__file__).resolve().parents[1] / "ui" / "visible_text.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def _not_chinese(widget: QWidget, typed: list[str]) -> list[str]:
    vt = _visible_text()
    return list(vt.problems(vt.widget_texts(widget), typed))


def _unclipped(widget: QWidget) -> list[str]:
    """Buttons whose text does not fit (once the layouts have settled)."""
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
    problems = []
    for button in widget.findChildren(QAbstractButton):
        if button.isVisibleTo(widget) and button.text():
            need = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
            if need > button.width() - 8:
                problems.append(f"{button.text()!r} needs {need}px, has {button.width()}")
    return problems


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_strip_panel_and_my_records_at_1366x768(
    world: Any, qtbot: Any, tmp_path: Path, lang: str
) -> None:
    path, user = _laptop(world, tmp_path)
    make_app(lang)
    session = open_session(path, lang)
    assert not isinstance(session, str)
    qtbot.addWidget(session.window)
    try:
        session.window.resize(1366, 768)
        session.window.show()
        strip = session.records.strip
        qtbot.waitUntil(lambda: strip.status is not None, timeout=5000)
        s = strip.status
        assert (s.unsent, s.refused, s.returned) == (0, 1, 1) and s.nearest_deadline
        assert strip.refused.isVisible() and strip.returned.isVisible()
        assert strip.who.text() == user
        assert strip.geometry().right() <= session.window.width()
        assert _unclipped(strip) == []
        names = [r[0] for r in database.open_reader(path).execute(
            "SELECT coalesce(display_code || ' ', '') || name FROM outfalls")]  # fmt: skip
        typed = [user, world.server.url, *names, "laptop"]
        if lang == "zh_CN":
            assert _not_chinese(strip, typed) == []
        _shot(session.window, f"main-{lang}")

        panel = session.open_sync()
        qtbot.addWidget(panel)
        panel.resize(1366, 768)
        qtbot.waitUntil(lambda: panel.refused_table.rowCount() == 1, timeout=5000)
        assert panel.banner.isVisible() and panel.tabs.currentIndex() == 0
        assert panel.refused_resend.isEnabled() and panel.refused_withdraw.isEnabled()
        assert _unclipped(panel) == []
        if lang == "zh_CN":
            assert _not_chinese(panel, typed) == []
        _shot(panel, f"panel-{lang}")
        panel.setup_button.click()
        from fieldapp.ui.sync import SyncSetupDialog

        [setup] = panel.findChildren(SyncSetupDialog)
        assert setup.url.text() == world.server.url and setup.user.text() == user  # filled in
        setup.password.setText("not it")
        with qtbot.waitSignal(session.sync_controller().signed_in, timeout=20_000):
            setup.sign_in.click()
        assert setup.sign_in.text() in ("Try again", "重试") and setup.message.text()
        assert _unclipped(setup) == []
        _shot(setup, f"sign-in-retry-{lang}")
        setup.reject()

        mine = session.open_records()
        qtbot.addWidget(mine)
        mine.resize(1366, 768)
        qtbot.waitUntil(lambda: len(mine.records) == 4, timeout=5000)
        assert sorted(shown_state(r) for r in mine.records) == [
            "draft",
            "received",
            "refused",
            "returned",
        ]
        mine.show_group("refused")
        assert mine.resend_button.isVisible() and mine.withdraw_button.isVisible()
        assert mine.detail.text()  # why, in words
        assert _unclipped(mine) == []
        if lang == "zh_CN":
            assert _not_chinese(mine, typed) == []
        _shot(mine, f"records-refused-{lang}")
        mine.show_group("")
        _shot(mine, f"records-all-{lang}")
        mine.show_group("refused")
        mine.withdraw_button.click()
        _shot(mine.dialog, f"withdraw-{lang}")
        assert _unclipped(mine.dialog) == []
    finally:
        session.close()


def _shot(widget: Any, name: str) -> None:
    if SCREENS:
        Path(SCREENS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SCREENS) / f"{name}.png"))
