"""A user given another county: after the next sync their device holds that county's ledger,
also the rows written long before its pull cursor (the server restarts the pull from 0)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fieldapp.store import synced_rows
from sync.client.state import account as sync_account
from sync.server.services import admin


def _local_ledger(device: Any) -> dict[str, Any]:
    return {i: synced_rows.row_data(device.conn, "outfalls", i) for i in device.outfall_ids()}


@pytest.mark.parametrize(
    "server", ["sqlite_server", pytest.param("pg_server", marks=pytest.mark.postgres)]
)
def test_a_device_given_another_county_receives_its_older_rows(
    server: str,
    request: pytest.FixtureRequest,
    profile_template: Path,
    schedule_tmp: Path,
    sync_world_tools: Any,
) -> None:
    live = request.getfixturevalue(server)
    tools = sync_world_tools
    for name in ("a", "b"):
        (schedule_tmp / name).mkdir()
    here = tools.World(live, profile_template, schedule_tmp / "a", 1)
    there = tools.World(live, profile_template, schedule_tmp / "b", 2)
    assert here.county != there.county
    try:
        # the other county's ledger: outfalls found there, one then edited by its supervisor
        finder = there.device("finder", "inspector")
        for _ in range(3):
            finder.new_outfall(True)
        assert finder.sync().ok
        sup = there.device("sup", "supervisor")
        assert sup.sync().ok and len(sup.outfall_ids()) == 3
        sup.edit_outfall()
        assert sup.sync().ok
        device = here.device("insp", "inspector")
        device.new_outfall(True)
        assert device.sync().ok and device.sync().ok
        assert set(_local_ledger(device)) == set(here.server_rows("outfalls"))
        cursor = sync_account.pull_cursor(device.conn)
        assert cursor > 0

        admin.set_counties(here.ctx, device.user, [here.county, there.county])
        report = device.sync()
        assert report.ok, (report.summary(), report.error)
        expected = {**here.server_rows("outfalls"), **there.server_rows("outfalls")}
        assert len(expected) == 4
        assert _local_ledger(device) == expected
        # from 0: the other county's rows and its edit, and this county's own row again
        assert report.pulled == 5 and sync_account.pull_cursor(device.conn) >= cursor
        again = device.sync()
        assert again.ok and again.pulled == 0  # no second restart
    finally:
        here.close()
        there.close()
