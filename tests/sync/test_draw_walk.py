"""双随机 walked end to end: a year's draw with a fixed seed is verified and released; two
inspectors' laptops (real profiles, the real sync engine, the real server on loopback) receive
only their own visits (the task and that one outfall of the other county, nothing else of it);
one records the inspection, the visit is done, and the published list shows the result."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import uuid
from pathlib import Path
from typing import Any

import pytest

from draws.visits import CHINA_TIME, TASK_KIND
from fieldapp.domain.inspection import new_draft
from fieldapp.inspection_data import load_rules
from fieldapp.store import inspections
from sync.server import db
from sync.server.models import Actor
from sync.server.services import admin, draw_visits, review
from sync.server.services import draws as service
from sync.server.services import pull as pull_service
from sync.server.services import push as push_service

A, B = "320612", "320614"  # 通州区, 海门区
CITY = Actor("city_sup", "supervisor", frozenset({"320600"}), "")
PG_ADMIN_URL = os.environ.get("HEKOU_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SEED = "2027-南通-双随机-走查-4"  # its two visits fall in the two counties


def test_a_years_draw_walks_from_seed_to_publication(
    own_server: Any,
    schedule_tmp: Path,
    profile_template: Path,
    sync_world_tools: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = own_server
    ctx = server.ctx
    password = sync_world_tools.PASSWORD
    Laptop = sync_world_tools.Laptop
    # The ledger: 10 key targets (park plants) and 30 ordinary outfalls over two counties.
    loader = Actor("ledger-loader", "admin", frozenset({"320600"}), "")
    with db.write(ctx.engine) as conn:
        for i in range(40):
            county = (A, B)[i % 2]
            row_id = str(uuid.UUID(int=0x2027_0000 + i))
            data = {
                "id": row_id, "name": f"走查排口{i}", "local_code": f"ZC-{i:03d}",
                "county_code": county, "type_code": "industrial" if i < 10 else "other",
                "subtype_code": "park_plant" if i < 10 else "urban_storm",
                "lifecycle_state": "routine", "receiving_kind": "river", "basin": "yangtze",
                "created_at": "2026-01-05T08:00:00Z", "updated_at": "2026-01-05T08:00:00Z",
                "updated_by": "ledger-loader", "water_body": "通吕运河", "town": "", "village": "",
                "position_datum": "WGS84", "discharging_units": [], "channel_note": "",
                "regime_document_no": "", "regime_date": "", "sign_status": "unknown",
                "sampling_status": "unknown", "note": "",
            }  # fmt: skip
            review.publish(conn, loader, "outfalls", data, county)
    for name, county in (("ins_a1", A), ("ins_a2", A), ("ins_b1", B), ("ins_b2", B)):
        admin.add_user(ctx, name, password, "inspector", [county])

    made = service.make(ctx, CITY, dt.date(2027, 1, 1), dt.date(2027, 12, 31), seed=SEED)
    assert service.verify(ctx, made.draw_id) == []
    visits = draw_visits.status(ctx, made.draw_id)
    assert len(visits) == 2 and {v.state for v in visits} == {"secret"}
    assert {v.county_code for v in visits} <= {A, B}
    for v in visits:  # nobody on their own county
        assert all(
            name.startswith("ins_b" if v.county_code == A else "ins_a") for name in v.inspectors
        )

    first, second = sorted(visits, key=lambda v: v.released_on)
    assert (first.county_code, second.county_code) == (A, B)  # the seed's, pinned
    assert first.inspectors == ("ins_b1", "ins_b2") and second.inspectors == ("ins_a1", "ins_a2")

    # The server's clock, moved to each visit's release day in turn.
    now = [at_nine(first.released_on)]
    monkeypatch.setattr(pull_service, "utcnow", lambda: now[0].astimezone(dt.UTC))
    monkeypatch.setattr(push_service, "utcnow", lambda: now[0].astimezone(dt.UTC))

    a1 = Laptop(schedule_tmp, profile_template, server.url, "ins_a1", password)
    b1 = Laptop(schedule_tmp, profile_template, server.url, "ins_b1", password)
    try:
        a1.sync()
        b1.sync()
        for laptop, own in ((a1, A), (b1, B)):
            assert laptop.tasks() == []  # secret until released
            assert set(laptop.outfalls().values()) == {own}

        # The first visit's day: b1 (of B) receives its task and that one outfall of A.
        assert [r.target_id for r in draw_visits.release(ctx, CITY, now[0])] == [first.target_id]
        a1.sync()
        b1.sync()
        assert a1.tasks() == [] and set(a1.outfalls().values()) == {A}
        (task,) = b1.tasks()
        assert task["kind"] == TASK_KIND and task["assignee"] == "ins_b1"
        assert task["outfall_id"] == first.target_id and task["co_inspectors"] == ["ins_b2"]
        assert {o for o, c in b1.outfalls().items() if c == A} == {first.target_id}

        # b1 records the inspection on the laptop and syncs: the visit is done.
        draft = new_draft(first.target_id, "ins_b1", b1.outfalls()[first.target_id])
        draft = dataclasses.replace(
            draft, discharging="no", inspectors=first.inspectors, no_position_reason="接收机故障"
        )
        draft = inspections.save_draft(b1.db.conn, draft)
        inspections.complete(b1.db.conn, draft, load_rules())
        b1.sync()
        assert b1.db.conn.execute("SELECT count(*) FROM sync_issues").fetchone()[0] == 0
        done = {v.target_id: v.state for v in draw_visits.status(ctx, made.draw_id, now[0])}
        assert done == {first.target_id: "done", second.target_id: "secret"}
        (task,) = b1.tasks()
        assert task["state"] == "done" and task["closed_by"]["id"] == draft.id

        # The second visit's day: a1 (of A) receives its own; b1 nothing new.
        now[0] = at_nine(second.released_on)
        assert [r.target_id for r in draw_visits.release(ctx, CITY, now[0])] == [second.target_id]
        a1.sync()
        assert b1.sync().pulled == 0
        (task,) = a1.tasks()
        assert task["outfall_id"] == second.target_id and task["co_inspectors"] == ["ins_a2"]
        assert {o for o, c in a1.outfalls().items() if c == B} == {second.target_id}
        states = {v.target_id: v.state for v in draw_visits.status(ctx, made.draw_id, now[0])}
        assert states == {first.target_id: "done", second.target_id: "open"}

        service.publish(ctx, CITY, made.draw_id)
        outcomes = {row[1]: row[-1] for row in service.public_list(ctx, made.draw_id)}
        assert outcomes[code_of(first.target_id)].startswith("已检查")
        assert outcomes[code_of(second.target_id)] == "待检查"
    finally:
        a1.close()
        b1.close()


def at_nine(day: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(9), CHINA_TIME)


def code_of(outfall_id: str) -> str:
    return f"ZC-{uuid.UUID(outfall_id).int - 0x2027_0000:03d}"
