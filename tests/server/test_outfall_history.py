"""案卷 on the server (issue 14, item 6): GET /v1/desk/outfalls/{id}/history gives the outfall's
inspections with photos, decisions, lifecycle steps and ledger proposals newest first, for a
supervisor of its county or the city; another county's supervisor is told it does not exist, an
inspector is refused. SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from typing import Any

from sync.protocol import CITY_CODE
from sync.server import db
from sync.server.models import Actor
from sync.server.services import review as review_service

HAIMEN = "320684"


def _seed(engine: Any, data: dict[str, Any]) -> None:
    loader = Actor("ledger-loader", "admin", frozenset({CITY_CODE}), "")
    with db.write(engine) as conn:
        review_service.publish(conn, loader, "outfalls", data, data["county_code"])


def test_history_of_an_outfall_on_the_desk(person, h, engine):
    boss = person("boss", role="supervisor", counties=(h.TOSHI,))
    city = person("city", role="supervisor", counties=(CITY_CODE,))
    elsewhere = person("hm-boss", role="supervisor", counties=(HAIMEN,))
    alice = person("alice", counties=(h.TOSHI,))
    row = h.outfall(provisional=False, lifecycle_state="surveyed")
    _seed(engine, row)
    done = h.inspection("alice", status="complete", outfall_id=row["id"])
    other = h.inspection("alice", status="complete")  # another outfall's: never shown
    sha = hashlib.sha256(b"photo").hexdigest()
    photo = {"id": str(uuid.uuid4()), "inspection_id": done["id"], "sha256": sha}
    step = {
        "id": str(uuid.uuid4()), "outfall_id": row["id"], "action": "monitor",
        "from_state": "surveyed", "to_state": "monitored",
        "at": "2026-01-01T00:00:00Z", "actor": "alice", "note": "已监测",
    }  # fmt: skip
    alice.push_ok(
        [
            h.change("inspections", done),
            h.change("inspections", other),
            h.change("inspection_photos", photo),
            h.change("outfalls", dict(row, lifecycle_state="monitored")),
            h.change("outfall_events", step),
        ]
    )
    returned = boss.post(
        f"/v1/records/inspections/{done['id']}/review",
        json={"state": "returned", "comment": "照片模糊", "deadline": "2099-12-31T00:00:00Z"},
    )
    assert returned.status_code == 200, returned.text
    alice.push_ok([h.change("outfalls", dict(row, lifecycle_state="monitored", note="改"))])
    task = {"id": str(uuid.uuid4()), "county_code": h.TOSHI, "kind": "inspect",
            "title": "复查排口", "assignees": ["alice"], "outfall_ids": [row["id"]]}  # fmt: skip
    made = boss.post("/v1/tasks", json=task)
    assert made.status_code == 201, made.text

    plan = {"route": "standardise", "measures": "规范设置标志牌", "responsible_party": "某公司",
            "department": "生态环境局", "deadline": "2099-06-30", "version": 0,
            "milestones": [{"id": str(uuid.uuid4()), "title": "设置标志牌", "due": "2099-03-31",
                            "notes": [{"id": str(uuid.uuid4()), "text": "已下单制作"}]}]}  # fmt: skip
    saved = boss.put(f"/v1/plans/{row['id']}", json=plan)
    assert saved.status_code == 200, saved.text
    answer = boss.get(f"/v1/desk/outfalls/{row['id']}/history")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["county_code"] == h.TOSHI
    assert body["heading"] == f"{row['national_code']} {row['name']}"
    entries = body["entries"]
    kinds = [e["kind"] for e in entries]
    assert set(kinds) >= {"inspection", "review", "step", "proposal", "task"}
    [shown_task] = [e for e in entries if e["kind"] == "task"]
    assert (shown_task["entry_id"], shown_task["who"], shown_task["state"]) == (
        task["id"], "boss", "open",
    )  # fmt: skip
    assert shown_task["note"] == "复查排口"
    ats = [datetime.fromisoformat(e["at"]).astimezone(UTC) for e in entries]
    assert ats == sorted(ats, reverse=True)
    [inspection] = [e for e in entries if e["kind"] == "inspection"]
    assert inspection["entry_id"] == done["id"] and inspection["photos"] == [sha]
    assert inspection["who"] == "alice"
    [review] = [e for e in entries if e["kind"] == "review"]
    assert (review["state"], review["note"], review["who"]) == ("returned", "照片模糊", "boss")
    assert review["record_id"] == done["id"]
    [monitored] = [e for e in entries if e["kind"] == "step" and e["entry_id"] == step["id"]]
    assert (monitored["from_state"], monitored["state"], monitored["note"]) == (
        "surveyed", "monitored", "已监测",
    )  # fmt: skip
    plan_notes = [e for e in entries if e["kind"] == "plan" and e["state"] == "note"]
    assert [(e["who"], e["note"]) for e in plan_notes] == [("boss", "设置标志牌：已下单制作")]
    assert any(e["kind"] == "plan" and e["state"] == "plan_created" for e in entries)
    [proposal] = [e for e in entries if e["kind"] == "proposal"]
    assert proposal["state"] == "pending" and proposal["extra"]["proposed_by"] == "alice"
    assert other["id"] not in {e["entry_id"] for e in entries}

    assert city.get(f"/v1/desk/outfalls/{row['id']}/history").json() == body
    refused = elsewhere.get(f"/v1/desk/outfalls/{row['id']}/history")
    assert refused.status_code == 404  # another county's outfall: the same as none at all
    assert "照片模糊" not in refused.text
    assert boss.get(f"/v1/desk/outfalls/{uuid.uuid4()}/history").status_code == 404
    assert alice.get(f"/v1/desk/outfalls/{row['id']}/history").status_code == 403
