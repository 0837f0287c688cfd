"""举报 walked end to end: bureau staff record a complaint on the desk's client (real server on
loopback, SQLite and PostgreSQL); it reaches the inspector's laptop (a real profile, the real sync
engine) as a verification task, without the complainant's contact; the inspection opened from the
task closes it when it arrives; the staff record the outcome and the answer to the complainant."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from fieldapp.domain.inspection import new_draft
from fieldapp.inspection_data import load_rules
from fieldapp.store import inspections
from sync.client.review import PhotoCache, ReviewClient
from sync.client.state import account as sync_account
from sync.complaint_protocol import ComplaintRequest
from sync.protocol import CITY_CODE
from sync.server import db
from sync.server.models import Actor
from sync.server.services import admin, review

A = "320612"
PHONE, NAME = "13800001111", "匿名群众王某"


def _desk(laptop: Any, url: str, tmp: Path) -> ReviewClient:
    acct = sync_account.account(laptop.db.conn)
    assert acct.token is not None
    return ReviewClient(url, acct.token, PhotoCache(tmp / "desk-cache"), install_id=acct.install_id)


def test_a_complaint_is_verified_on_a_laptop_and_answered(
    own_server: Any, schedule_tmp: Path, profile_template: Path, sync_world_tools: Any
) -> None:
    ctx, password = own_server.ctx, sync_world_tools.PASSWORD
    outfall_id = str(uuid.uuid4())
    loader = Actor("ledger-loader", "admin", frozenset({CITY_CODE}), "")
    with db.write(ctx.engine) as conn:
        data = {
            "id": outfall_id, "name": "渔湾村雨水排口", "local_code": "YW-001", "county_code": A,
            "type_code": "other", "subtype_code": "urban_storm", "lifecycle_state": "routine",
            "receiving_kind": "river", "basin": "yangtze", "town": "石港镇", "village": "",
            "created_at": "2026-01-05T08:00:00Z", "updated_at": "2026-01-05T08:00:00Z",
            "updated_by": "ledger-loader", "water_body": "通吕运河", "position_datum": "WGS84",
            "discharging_units": [], "sign_status": "unknown", "sampling_status": "unknown",
            "channel_note": "", "regime_document_no": "", "regime_date": "", "note": "",
        }  # fmt: skip
        review.publish(conn, loader, "outfalls", data, A)
    admin.add_user(ctx, "boss", password, "supervisor", [A])
    admin.add_user(ctx, "alice", password, "inspector", [A])
    office = sync_world_tools.Laptop(
        schedule_tmp, profile_template, own_server.url, "boss", password
    )
    alice = sync_world_tools.Laptop(
        schedule_tmp, profile_template, own_server.url, "alice", password
    )
    desk = _desk(office, own_server.url, schedule_tmp)
    try:
        photo = desk.upload_photo(b"\xff\xd8\xff\xe0 the complainant's photo of black water")
        made = desk.create_complaint(
            ComplaintRequest(
                id=uuid.uuid4(), county_code=A, channel="online",
                received_at=dt.datetime.now(dt.UTC), place="石港镇渔湾村桥下",
                outfall_id=uuid.UUID(outfall_id), description="雨天排口流出黑水，有异味",
                photos=[photo], contact_name=NAME, contact_phone=PHONE, assignees=["alice"],
            )
        )  # fmt: skip
        assert made.task_state == "open" and made.photos == [photo]

        alice.sync()
        (task,) = alice.tasks()
        assert task["id"] == made.task_id and task["kind"] == "verify"
        assert task["outfall_ids"] == [outfall_id]
        draft = new_draft(outfall_id, "alice", A, task_id=task["id"])
        draft = dataclasses.replace(
            draft, discharging="no", notes="晴天未见排水，排口有黑色沉积", no_position_reason="接收机故障"
        )  # fmt: skip
        draft = inspections.save_draft(alice.db.conn, draft)
        inspections.complete(alice.db.conn, draft, load_rules())
        alice.sync()
        alice.sync()  # the closed task comes back
        (closed,) = alice.tasks()
        assert closed["state"] == "done" and closed["closed_by"]["id"] == draft.id

        seen = desk.complaints().complaints[0]
        assert seen.id == made.id and seen.task_state == "done"
        found = desk.complaint_outcome(made.id, "confirmed", "排口雨污混接", seen.version)
        answered = desk.complaint_reply(made.id, "经核实属实，已责令整改。", found.version)
        assert answered.state == "answered" and not answered.overdue

        alice.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        profile = Path(alice.db.conn.execute("PRAGMA database_list").fetchone()[2]).read_bytes()
        assert PHONE.encode() not in profile and NAME.encode() not in profile
    finally:
        desk.close()
        office.close()
        alice.close()
