"""The sync panel and set-up dialog over a real profile, lane and server: sign in through the
dialog, sync in the background, see each record's state; rendered in Chinese and English."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from fieldapp.domain import inspection as model
from fieldapp.store import database, inspections
from fieldapp.ui.app import make_app
from fieldapp.ui.lane import BackgroundLane
from fieldapp.ui.sync import SyncController, SyncPanel, SyncSetupDialog
from sync.server.services import admin

SCREENS = os.environ.get("HEKOU_SCREENS")  # a folder to keep the PNGs in


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_panel_signs_in_syncs_and_shows_states(
    qtbot: Any, lang: str, sqlite_server: Any, profile_template: Path, tmp_path: Path
) -> None:
    make_app(lang)
    path = tmp_path / "profile.sqlite"
    shutil.copyfile(profile_template, path)
    writer = database.open_profile(path)
    with writer:
        writer.execute("UPDATE sync_account SET install_id = lower(hex(randomblob(16)))")
    user = (
        f"panel-{lang.lower()}-{os.getpid()}-{tmp_path.name[-6:]}"  # names are stored case-folded
    )
    admin.add_user(sqlite_server.ctx, user, "panel password", "inspector", ["320612"])
    for i in range(3):
        draft = model.new_draft(f"00000000-0000-4000-8000-00000000000{i}", user, "320612")
        inspections.save_draft(writer, draft)
    lane = BackgroundLane()
    controller = SyncController(path, lane, writer)
    panel = SyncPanel(controller, lang)
    qtbot.addWidget(panel)
    try:
        with qtbot.waitSignal(controller.snapshot_ready, timeout=5000):
            controller.refresh()
        assert not panel.sync_button.isEnabled()  # not set up yet
        dialog = SyncSetupDialog(controller, lang, parent=panel)
        dialog.url.setText(sqlite_server.url)
        dialog.user.setText(user)
        dialog.password.setText("wrong")
        with qtbot.waitSignal(controller.signed_in, timeout=10000):
            dialog.sign_in.click()
        assert dialog.message.text() and "401" not in dialog.message.text()
        dialog.password.setText("panel password")
        _shot(dialog, lang, "setup")
        with qtbot.waitSignal(controller.snapshot_ready, timeout=10000):
            dialog.sign_in.click()
        assert panel.sync_button.isEnabled()
        assert panel.records_table.rowCount() == 3
        assert panel.state_label("draft") in panel.counts_label.text()
        colon = "：" if lang == "zh_CN" else ": "  # Chinese punctuation in the Chinese UI
        assert f"{panel.state_label('draft')}{colon}" in panel.counts_label.text()
        with qtbot.waitSignal(controller.snapshot_ready, timeout=20000):
            panel.sync_button.click()
        states = {panel.records_table.item(r, 2).text() for r in range(3)}
        assert states == {panel.state_label("received")}
        assert panel.records_bar.value() == panel.records_bar.maximum()
        assert panel.tr("never") not in panel.last_label.text()
        panel.resize(1366, 768)
        assert panel.minimumSizeHint().width() <= 1366 and panel.minimumSizeHint().height() <= 768
        assert panel.sync_button.height() >= 44
        _shot(panel, lang, "panel")
    finally:
        controller.shutdown()
        lane.shutdown()
        writer.close()


def _shot(widget: Any, lang: str, name: str) -> None:
    if SCREENS:
        widget.show()
        Path(SCREENS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SCREENS) / f"sync-{name}-{lang}.png"))


def test_a_failed_read_of_the_sync_state_is_reported_not_swallowed(
    qtbot: Any, profile_template: Path, tmp_path: Path
) -> None:
    make_app("en")
    path = tmp_path / "profile.sqlite"
    shutil.copyfile(profile_template, path)
    writer = database.open_profile(path)
    lane = BackgroundLane()
    controller = SyncController(path, lane, writer)
    try:
        writer.close()  # the profile's connection gone: reading the panel's state fails
        with qtbot.waitSignal(controller.failed, timeout=5000) as failed:
            controller.refresh()
        assert isinstance(failed.args[0], Exception)
    finally:
        controller.shutdown()
        lane.shutdown()
