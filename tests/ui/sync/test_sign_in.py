"""The first sign-in never blocks the window: it runs on a network thread, can be cancelled (and
then stores nothing), and an unreachable server is told in the user's language with Try again.
Automatic sync is on by default, for new profiles and for profiles made before it was."""

from __future__ import annotations

import shutil
import socket
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from fieldapp.store import database, migrations, search_grams
from fieldapp.ui.app import make_app
from fieldapp.ui.lane import BackgroundLane
from fieldapp.ui.sync import SyncController, SyncSetupDialog
from sync.client.state import account as sync_account


@pytest.fixture
def silent_server() -> Any:
    """A port that accepts connections and never answers (a server hung, a captive portal)."""
    sock = socket.create_server(("127.0.0.1", 0), backlog=8)
    yield sock.getsockname()[1]
    sock.close()


@pytest.fixture
def dialog(qtbot: Any, profile_template: Path, tmp_path: Path) -> Any:
    make_app("zh_CN")
    path = tmp_path / "p.sqlite"
    shutil.copyfile(profile_template, path)
    writer = database.open_profile(path)
    lane = BackgroundLane()
    controller = SyncController(path, lane, writer)
    d = SyncSetupDialog(controller, "zh_CN")
    qtbot.addWidget(d)
    d.show()
    yield d
    controller.shutdown()
    lane.shutdown()
    writer.close()


def test_a_hung_sign_in_can_be_cancelled_and_stores_nothing(
    qtbot: Any, dialog: Any, silent_server: int
) -> None:
    dialog.url.setText(f"http://127.0.0.1:{silent_server}")
    dialog.user.setText("zhangwei")
    dialog.password.setText("whatever it is")
    started = time.perf_counter()
    dialog.sign_in.click()
    assert time.perf_counter() - started < 0.5  # the click returns: the window is not blocked
    assert dialog.cancel.isVisible() and not dialog.sign_in.isEnabled()
    assert dialog.url.isReadOnly()
    qtbot.wait(300)  # the request is in flight and nothing answers
    with qtbot.waitSignal(dialog.controller.signed_in, timeout=2000) as answer:
        dialog.cancel.click()
    assert answer.args[0].code == "cancelled"
    assert dialog.message.text() == "已取消登录，未做任何更改。"
    assert dialog.sign_in.isEnabled() and dialog.sign_in.text() == "重试"
    assert not dialog.cancel.isVisible() and not dialog.url.isReadOnly()
    qtbot.wait(200)
    conn = database.open_reader(dialog.controller.profile)
    acct = sync_account.account(conn)
    conn.close()
    assert not acct.signed_in and acct.username is None


def test_an_unreachable_server_is_told_in_chinese_with_try_again(qtbot: Any, dialog: Any) -> None:
    free = socket.create_server(("127.0.0.1", 0))
    port = free.getsockname()[1]
    free.close()  # nothing listens there now
    dialog.url.setText(f"127.0.0.1:{port}")
    dialog.user.setText("zhangwei")
    dialog.password.setText("whatever it is")
    with qtbot.waitSignal(dialog.controller.signed_in, timeout=10_000) as answer:
        dialog.sign_in.click()
    assert answer.args[0].code == "offline"
    assert dialog.message.text() == "无法连接服务器：请检查网络，稍后会重试。"
    assert dialog.sign_in.text() == "重试" and dialog.password.text() == "whatever it is"


def test_automatic_sync_is_on_by_default(tmp_path: Path) -> None:
    fresh = database.open_profile(tmp_path / "new.sqlite")
    assert sync_account.account(fresh).auto_sync
    sync_account.set_auto_sync(fresh, False)
    assert not sync_account.account(fresh).auto_sync
    fresh.close()
    # a profile made before migration 6 that never chose: on after the upgrade
    old = sqlite3.connect(tmp_path / "old.sqlite")
    old.create_function(
        search_grams.SQL_FUNCTION, 1, search_grams.grams_document, deterministic=True
    )
    migrations.migrate(old, up_to=5)
    assert old.execute("SELECT auto_sync FROM sync_account").fetchone() == (0,)
    old.close()
    old = database.open_profile(tmp_path / "old.sqlite")
    acct = sync_account.account(old)
    assert acct.auto_sync
    assert old.execute("SELECT local_user FROM sync_account").fetchone()[0] == (
        "local-" + acct.install_id[:8]
    )
    old.close()
