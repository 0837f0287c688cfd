"""The engine's answer to a pull ``restart``, against a scripted server (httpx.MockTransport):
the cursor goes back to 0 and the pull goes on; a server restarting without end is an error."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import httpx

from fieldapp.media.blobstore import BlobStore
from sync.client import ProfileDb, SyncEngine
from sync.client.state import account as sync_account

RESTART = {"items": [], "cursor": 0, "more": True, "restart": True}


def _task(seq: int) -> dict[str, Any]:
    return {
        "seq": seq,
        "change_id": f"c{seq}",
        "entity": "tasks",
        "row_id": f"task-{seq}",
        "op": "upsert",
        "data": {"id": f"task-{seq}", "title": "复查"},
        "at": "2026-11-28T00:00:00Z",
        "hlc": f"{1_800_000_000_000 + seq:013d}:00000:server",
    }


def _engine(tmp_path: Path, template: Path, handler: Any) -> tuple[SyncEngine, ProfileDb]:
    shutil.copyfile(template, tmp_path / "p.sqlite")
    profile = ProfileDb(tmp_path / "p.sqlite")
    sync_account.save_login(
        profile.conn, "https://hekou.test", "alice", "inspector", ["320612"], "dev-1", "tok", "pc"
    )
    engine = SyncEngine(
        profile, BlobStore(tmp_path / "photos"), transport=httpx.MockTransport(handler)
    )
    return engine, profile


def test_a_restart_pulls_again_from_zero(tmp_path: Path, profile_template: Path) -> None:
    asked: list[int] = []

    def server(request: httpx.Request) -> httpx.Response:
        cursor = int(request.url.params["cursor"])
        asked.append(cursor)
        if cursor == 7:
            return httpx.Response(200, json=RESTART)
        items = [_task(s) for s in (1, 2, 3, 9) if s > cursor][:2]
        more = bool(items) and items[-1]["seq"] < 9
        page_cursor = items[-1]["seq"] if items else cursor
        return httpx.Response(
            200, json={"items": items, "cursor": page_cursor, "more": more, "restart": False}
        )

    engine, profile = _engine(tmp_path, profile_template, server)
    try:
        with profile.conn:
            profile.conn.execute("UPDATE sync_account SET pull_cursor = 7 WHERE id = 1")
        report = engine.sync()
        assert report.ok, report.error
        assert asked == [7, 0, 2]
        assert report.pulled == 4 and sync_account.pull_cursor(profile.conn) == 9
        tasks = [r[0] for r in profile.conn.execute("SELECT id FROM sync_tasks ORDER BY id")]
        assert tasks == ["task-1", "task-2", "task-3", "task-9"]
    finally:
        profile.close()


def test_a_server_that_keeps_restarting_ends_the_sync(
    tmp_path: Path, profile_template: Path
) -> None:
    calls: list[int] = []

    def server(request: httpx.Request) -> httpx.Response:
        calls.append(int(request.url.params["cursor"]))
        return httpx.Response(200, json=RESTART)

    engine, profile = _engine(tmp_path, profile_template, server)
    try:
        report = engine.sync()
        assert report.error is not None and report.error.code == "server_busy"
        assert len(calls) == 4  # three restarts honoured, the fourth refused
    finally:
        profile.close()
