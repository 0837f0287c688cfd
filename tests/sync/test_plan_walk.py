"""A remediation plan (一口一策) over a real socket, on SQLite and PostgreSQL: a county supervisor
writes it from a laptop's desk client; the inspector's laptop of the same county pulls it (and
sees it overdue), another county's inspector never does; the inspector's laptop cannot push one."""

from __future__ import annotations

import random
import shutil
import uuid
from datetime import date
from pathlib import Path

import httpx
import pytest

from fieldapp.media.blobstore import BlobStore
from fieldapp.store import database
from fieldapp.store import plans as plan_rows
from sync.client import ProfileDb, SyncEngine
from sync.client.review import DeskError, PhotoCache, ReviewClient
from sync.plan_protocol import PlanRequest
from sync.server.services import admin

from .conftest import PASSWORD, ThreadServer, now_iso


def _laptop(
    server: ThreadServer, tmp: Path, template: Path, name: str
) -> tuple[ProfileDb, SyncEngine]:
    path = tmp / f"{name}.sqlite"
    shutil.copyfile(template, path)
    profile = ProfileDb(path)
    engine = SyncEngine(profile, BlobStore(tmp / f"{name}.photos"),
                        transport=httpx.HTTPTransport(), timeout=30)  # fmt: skip
    engine.login(server.url, name, PASSWORD, "laptop")
    return profile, engine


@pytest.mark.parametrize("which", ["sqlite_server", "pg_server"])
def test_a_plan_reaches_its_countys_laptops_only(
    which: str, request: pytest.FixtureRequest, tmp_path: Path, profile_template: Path
) -> None:
    server: ThreadServer = request.getfixturevalue(which)
    county, other = (f"9{random.randrange(10**5):05d}" for _ in range(2))
    tag = uuid.uuid4().hex[:6]
    sup, insp, far = f"sup-{tag}", f"insp-{tag}", f"far-{tag}"
    admin.add_user(server.ctx, sup, PASSWORD, "supervisor", [county])
    admin.add_user(server.ctx, insp, PASSWORD, "inspector", [county])
    admin.add_user(server.ctx, far, PASSWORD, "inspector", [other])
    # the supervisor's own laptop: signed in, the ledger's outfall synced up first
    boss, boss_engine = _laptop(server, tmp_path, profile_template, sup)
    outfall_id = str(uuid.uuid4())
    with database.transaction(boss.conn):
        boss.conn.execute(
            "INSERT INTO outfalls (id, name, provisional_code, type_code, receiving_kind, basin,"
            " county_code, lifecycle_state, lat, lon, created_at, updated_at, updated_by)"
            " VALUES (?, '某厂排口', ?, 'other', 'river', 'yangtze', ?, 'survey', 32.0, 120.9,"
            " ?, ?, ?)",
            (outfall_id, f"TMP-{tag}", county, now_iso(), now_iso(), sup),
        )
    assert boss_engine.sync().error is None
    account = boss.conn.execute("SELECT token, install_id FROM sync_account").fetchone()
    desk = ReviewClient(server.url, account[0], PhotoCache(tmp_path / "cache"),
                        transport=httpx.HTTPTransport(), install_id=account[1])  # fmt: skip
    try:
        plan = PlanRequest.model_validate({
            "route": "ban", "measures": "封堵排口并清理暗管", "responsible_party": "某厂",
            "department": "县生态环境局", "deadline": "2027-06-30", "funding_wan": 12.0,
            "milestones": [{"id": str(uuid.uuid4()), "title": "封堵", "due": "2026-01-31",
                            "notes": [{"id": str(uuid.uuid4()), "text": "已通知企业"}]}],
        })  # fmt: skip
        view = desk.save_plan(outfall_id, plan)
        assert view.version == 1 and view.created_by == sup and view.overdue

        laptop, engine = _laptop(server, tmp_path, profile_template, insp)
        far_laptop, far_engine = _laptop(server, tmp_path, profile_template, far)
        assert engine.sync().error is None and far_engine.sync().error is None
        today = date(2026, 12, 4)
        pulled = plan_rows.of_outfall(laptop.conn, outfall_id, today)
        assert pulled is not None and pulled.measures == "封堵排口并清理暗管"
        assert pulled.milestones[0].notes[0].by == sup
        assert plan_rows.overdue_outfalls(laptop.conn, today) == {outfall_id}
        assert far_laptop.conn.execute("SELECT count(*) FROM plans").fetchone()[0] == 0

        # an inspector may not write a plan, whatever the laptop offers
        token, install = laptop.conn.execute(
            "SELECT token, install_id FROM sync_account"
        ).fetchone()
        theirs = ReviewClient(server.url, token, PhotoCache(tmp_path / "c2"),
                              transport=httpx.HTTPTransport(), install_id=install)  # fmt: skip
        with pytest.raises(DeskError) as refused:
            theirs.save_plan(outfall_id, plan)
        assert str(refused.value.code) == "role_forbidden"
        theirs.close()
        for profile in (laptop, far_laptop):
            profile.close()
    finally:
        desk.close()
        boss.close()
