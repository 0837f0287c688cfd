"""Complaints (举报) on the server: bureau staff record one, it becomes a verification task for the
county's inspectors; its outcome and the answer to the complainant are recorded in order, against
the version seen; overdue answers are flagged; another county's staff see nothing of it; and the
complainant's contact never leaves the complaints table (no pull, task, feed or audit entry)."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from typing import Any

from sqlalchemy import select

from sync.protocol import CITY_CODE
from sync.server.schema import audit_log, feed
from sync.server.schema import records as record_rows

PHONE, NAME = "13912345678", "陈举报"


def _complaint(county: str, **fields: Any) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()), "county_code": county, "channel": "hotline_12369",
        "received_at": dt.datetime.now(dt.UTC).isoformat(), "place": "通吕运河石港段北岸",
        "location": {"lat": 32.07, "lon": 120.99}, "description": "夜间有黑水排入河道，气味刺鼻",
        "contact_name": NAME, "contact_phone": PHONE, "assignees": ["alice"], **fields,
    }  # fmt: skip


def test_a_complaint_becomes_a_task_is_verified_and_answered(person, h, ctx):
    boss = person("boss", role="supervisor")
    alice = person("alice")
    made = boss.post("/v1/complaints", json=_complaint(h.TOSHI))
    assert made.status_code == 201, made.text
    view = made.json()
    assert view["state"] == "open" and view["contact_phone"] == PHONE
    assert view["task_state"] == "open" and view["overdue"] is False
    due = dt.datetime.fromisoformat(view["answer_due"])
    assert dt.timedelta(days=15) < due - dt.datetime.fromisoformat(view["received_at"])
    # the inspector's laptop gets the verification task: place, description, due; no contact
    tasks = [i["data"] for i in alice.get("/v1/pull").json()["items"] if i["entity"] == "tasks"]
    (task,) = tasks
    assert task["id"] == view["task_id"] and task["kind"] == "verify"
    assert task["assignees"] == ["alice"] and task["place"] == "通吕运河石港段北岸"
    assert task["source"] == {"kind": "complaint", "id": view["id"]}
    assert "黑水" in task["note"]

    # an answer before the outcome is refused; then outcome, then answer, each at its version
    early = boss.post(f"/v1/complaints/{view['id']}/reply", json={"text": "已处理", "version": 1})
    assert early.status_code == 409 and early.json()["error"]["code"] == "complaint_not_verified"
    bad = boss.post(f"/v1/complaints/{view['id']}/outcome",
                    json={"outcome": "maybe", "version": 1})  # fmt: skip
    assert bad.status_code == 422
    found = boss.post(f"/v1/complaints/{view['id']}/outcome",
                      json={"outcome": "confirmed", "note": "查实某厂偷排", "version": 1})  # fmt: skip
    assert found.status_code == 200, found.text
    assert found.json()["state"] == "verified" and found.json()["outcome_by"] == "boss"
    stale = boss.post(f"/v1/complaints/{view['id']}/reply", json={"text": "x", "version": 1})
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "record_changed"
    answered = boss.post(f"/v1/complaints/{view['id']}/reply",
                         json={"text": "经核实属实，已责令整改。", "version": 2})  # fmt: skip
    assert answered.status_code == 200, answered.text
    assert answered.json()["state"] == "answered" and answered.json()["overdue"] is False
    listed = boss.get("/v1/complaints").json()
    assert [c["id"] for c in listed["complaints"]] == [view["id"]]


def test_another_countys_staff_and_other_roles_are_refused(person, h):
    boss = person("boss", role="supervisor")
    city = person("city", role="supervisor", counties=(CITY_CODE,))
    far = person("far", role="supervisor", counties=(h.HAIMEN,))
    alice = person("alice")
    view = boss.post("/v1/complaints", json=_complaint(h.TOSHI)).json()
    assert far.get(f"/v1/complaints/{view['id']}").status_code == 404
    assert far.get("/v1/complaints").json()["total"] == 0
    refused = far.post(f"/v1/complaints/{view['id']}/outcome",
                       json={"outcome": "confirmed", "version": 1})  # fmt: skip
    assert refused.status_code == 404
    assert far.post("/v1/complaints", json=_complaint(h.TOSHI)).status_code == 404
    assert alice.get("/v1/complaints").status_code == 403
    assert alice.post("/v1/complaints", json=_complaint(h.TOSHI)).status_code == 403
    assert city.get(f"/v1/complaints/{view['id']}").json()["contact_phone"] == PHONE
    # a complaint with nothing to verify at, or by a channel not in the rules: said, not stored
    nowhere = _complaint(h.TOSHI, place="", location=None)
    assert boss.post("/v1/complaints", json=nowhere).status_code == 422
    assert (
        boss.post("/v1/complaints", json=_complaint(h.TOSHI, channel="pigeon")).status_code == 422
    )
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).isoformat()
    assert (
        boss.post("/v1/complaints", json=_complaint(h.TOSHI, received_at=future)).status_code == 422
    )
    assert boss.get("/v1/complaints").json()["total"] == 1


def test_an_unanswered_complaint_past_its_deadline_is_overdue_first(person, h):
    boss = person("boss", role="supervisor")
    person("alice")
    old = (dt.datetime.now(dt.UTC) - dt.timedelta(days=40)).isoformat()
    late = boss.post("/v1/complaints", json=_complaint(h.TOSHI, received_at=old)).json()
    fresh = boss.post("/v1/complaints", json=_complaint(h.TOSHI)).json()
    assert late["overdue"] is True and fresh["overdue"] is False
    listed = boss.get("/v1/complaints").json()["complaints"]
    assert [c["id"] for c in listed] == [late["id"], fresh["id"]]
    only = boss.get("/v1/complaints", params={"overdue": "true"}).json()
    assert [c["id"] for c in only["complaints"]] == [late["id"]]


def test_the_complainants_contact_never_leaves_the_complaints_table(person, h, ctx, engine):
    boss = person("boss", role="supervisor")
    people = [person("alice"), person("chief", role="river_chief"), boss,
              person("city", role="supervisor", counties=(CITY_CODE,))]  # fmt: skip
    photo = b"\xff\xd8\xff\xe0 a complaint's photo"
    sha = hashlib.sha256(photo).hexdigest()
    put = boss.put(f"/v1/photos/{sha}/upload", params={"offset": 0, "total": len(photo)},
                   content=photo, headers={"Content-Type": "application/octet-stream"})  # fmt: skip
    assert put.status_code == 200, put.text
    view = boss.post("/v1/complaints", json=_complaint(h.TOSHI, photos=[sha])).json()
    assert view["photos"] == [sha]
    assert boss.get(f"/v1/complaints/{view['id']}/photos/{sha}").content == photo
    assert people[0].get(f"/v1/complaints/{view['id']}/photos/{sha}").status_code == 403
    for who in people:
        pulled = who.get("/v1/pull", params={"cursor": 0, "limit": 1000})
        assert pulled.status_code == 200
        assert PHONE not in pulled.text and NAME not in pulled.text, who.name
    with engine.connect() as conn:
        stored = [str(r) for r in conn.execute(select(feed))]
        stored += [str(r) for r in conn.execute(select(record_rows))]
        stored += [str(r) for r in conn.execute(select(audit_log))]
    assert stored and not any(PHONE in s or NAME in s for s in stored)
    assert any("complaint.create" in s for s in stored)  # audited, without the contact


def test_the_command_line_records_verifies_and_answers(person, h, ctx, capsys):
    from sync.server import cli

    person("alice")
    base = ["--database", ctx.settings.database_url, "--photos", str(ctx.settings.photo_dir)]
    added = cli.main([*base, "complaint", "add", "--county", h.TOSHI, "--channel", "letter",
                      "--description", "河边暗管排黄水", "--place", "石港镇渔湾村",
                      "--contact-phone", PHONE, "--assign", "alice"])  # fmt: skip
    assert added == 0
    out = capsys.readouterr().out
    assert "已登记举报" in out and PHONE not in out
    complaint_id = out.split("已登记举报 ")[1].split("，")[0]
    assert cli.main([*base, "complaint", "reply", complaint_id, "已处理"]) == 2
    assert "outcome" in capsys.readouterr().err  # refused, and said why
    assert cli.main([*base, "complaint", "outcome", complaint_id, "not_confirmed"]) == 0
    assert cli.main([*base, "complaint", "reply", complaint_id, "经核实不属实"]) == 0
    assert cli.main([*base, "complaint", "list"]) == 0
    listed = capsys.readouterr().out
    assert complaint_id in listed and "answered" in listed and "共 1 件" in listed
    assert cli.main([*base, "complaint", "add", "--county", h.TOSHI, "--channel", "pigeon",
                     "--description", "x", "--place", "y"]) == 2  # fmt: skip
    assert cli.main([*base, "complaint", "show", complaint_id]) == 0
    assert PHONE in capsys.readouterr().out  # the staff's own command shows the contact


def test_the_answer_deadline_is_nantongs_midnight_on_both_databases(person, h):
    """A deadline is the end of a Nantong working day (16:00 UTC): SQLite, which keeps no
    offset, must hand back the same moment as PostgreSQL, not one 8 hours later."""
    from sync.complaints import TZ, answer_due
    from sync.server.services.complaints import rules_ as complaint_rules

    boss = person("boss", role="supervisor")
    person("alice")
    received = dt.datetime(2026, 12, 2, 9, 30, tzinfo=dt.UTC)  # a Wednesday
    view = boss.post("/v1/complaints",
                     json=_complaint(h.TOSHI, received_at=received.isoformat()))  # fmt: skip
    assert view.status_code == 201, view.text
    view = view.json()
    due = dt.datetime.fromisoformat(view["answer_due"])
    assert due == answer_due(complaint_rules(), received)
    assert due.astimezone(TZ).time() == dt.time(0, 0) and due.astimezone(dt.UTC).hour == 16
    again = boss.get("/v1/complaints").json()["complaints"][0]
    assert dt.datetime.fromisoformat(again["answer_due"]) == due
