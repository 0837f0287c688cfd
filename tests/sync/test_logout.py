"""Signing a device out: the server drops its token, the profile forgets it, unsent work stays;
``fieldapp sync logout`` does the same from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from sync.client import cli
from sync.client.state import account as sync_account
from sync.client.state import panel as sync_panel


def test_logout_ends_the_token_on_the_server_and_keeps_the_work(
    sqlite_server: Any, profile_template: Path, schedule_tmp: Path, sync_world_tools: Any
) -> None:
    world = sync_world_tools.World(sqlite_server, profile_template, schedule_tmp, 1)
    try:
        device = world.device("laptop", "inspector")
        token = device.db(sync_account.account).token
        install = device.db(sync_account.account).install_id
        device.new_inspection()
        device.engine().logout()
        account = device.db(sync_account.account)
        assert account.token is None and not account.signed_in
        assert not device.db(sync_panel.pending).empty  # the unsent draft is still there
        answer = httpx.get(
            sqlite_server.url + "/v1/pull",
            headers={"Authorization": f"Bearer {token}", "X-Hekou-Install": install},
        )
        assert answer.status_code == 401  # the token is of no use to whoever finds it
        report = device.sync()
        assert not report.ok and report.error is not None
        assert report.error.code == "not_set_up"
        device.login()  # signing in again carries on where it stopped
        assert device.sync().ok
        # the command line, on the profile signed in again
        assert device.db(sync_account.account).signed_in
        assert cli.main(["logout", "--db", str(device.path)]) == 0
        assert device.db(sync_account.account).token is None
    finally:
        world.close()
