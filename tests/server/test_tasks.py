"""Tasks on the server: assign with kinds and assignees, list for the desk, cancel, close when the
linked record arrives (and the closure reaches the laptops through the pull)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any


def _task(h: Any, **fields: Any) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "county_code": h.TOSHI, "title": "排口检查", **fields}


def _ledger(boss: Any, h: Any, county: str | None = None) -> dict[str, Any]:
    row = h.outfall(county=county or h.TOSHI, provisional=False)
    boss.push_ok([h.change("outfalls", row)])
    return row


def test_a_task_with_outfalls_assignees_and_a_deadline_is_listed_for_the_desk(person, h):
    boss = person("boss", role="supervisor")
    person("alice")
    person("chief", role="river_chief")
    first, second = _ledger(boss, h), _ledger(boss, h)
    due = datetime.now(UTC) + timedelta(days=3)
    body = _task(
        h,
        outfall_ids=[first["id"], second["id"]],
        assignees=["alice", "chief"],
        due=due.isoformat(),
    )
    made = boss.post("/v1/tasks", json=body)
    assert made.status_code == 201, made.text
    view = made.json()
    assert view["state"] == "open" and view["kind"] == "inspect" and view["overdue"] is False
    assert view["outfall_ids"] == [first["id"], second["id"]]
    assert view["assignees"] == ["alice", "chief"] and view["created_by"] == "boss"
    listed = boss.get("/v1/tasks", params={"assignee": "chief"}).json()
    assert [t["id"] for t in listed["tasks"]] == [body["id"]] and listed["total"] == 1
    assert boss.get("/v1/tasks", params={"assignee": "nobody"}).json()["total"] == 0
    assert boss.get("/v1/tasks", params={"state": "done"}).json()["total"] == 0


def test_the_assignee_picker_lists_the_countys_inspectors_and_river_chiefs(person, h):
    boss = person("boss", role="supervisor", counties=(h.CITY,))
    person("alice")
    person("chief", role="river_chief")
    person("carol", counties=(h.HAIMEN,))
    person("roving", counties=(h.CITY,))
    person("other_boss", role="supervisor")
    found = boss.get("/v1/tasks/assignees", params={"county_code": h.TOSHI}).json()
    assert [a["username"] for a in found["assignees"]] == ["alice", "roving", "chief"]
    haimen = boss.get("/v1/tasks/assignees", params={"county_code": h.HAIMEN}).json()
    assert [a["username"] for a in haimen["assignees"]] == ["carol", "roving"]


def test_an_assignee_of_another_county_is_refused_with_the_reason(person, h):
    boss = person("boss", role="supervisor", counties=(h.CITY,))
    person("carol", counties=(h.HAIMEN,))
    person("other_boss", role="supervisor")
    mine = _ledger(boss, h)
    refused = boss.post("/v1/tasks", json=_task(h, outfall_ids=[mine["id"]], assignees=["carol"]))
    assert refused.status_code == 409
    error = refused.json()["error"]
    assert error["code"] == "assignee_outside_area"
    assert error["detail"] == {"assignee": "carol", "county_code": h.TOSHI}
    assert "outside county 320612" in error["message"]
    for name, why in (("other_boss", "supervisor does not take"), ("ghost", "no such user")):
        answer = boss.post("/v1/tasks", json=_task(h, assignees=[name]))
        assert answer.status_code == 409 and why in answer.json()["error"]["message"]
    # a city supervisor picks any county: the same inspector in her own county is fine
    theirs = _ledger(boss, h, h.HAIMEN)
    body = _task(h, county_code=h.HAIMEN, outfall_ids=[theirs["id"]], assignees=["carol"])
    assert boss.post("/v1/tasks", json=body).status_code == 201
    assert boss.get("/v1/tasks").json()["total"] == 1


def test_an_outfall_outside_the_tasks_county_is_refused(person, h):
    boss = person("boss", role="supervisor", counties=(h.CITY,))
    person("alice")
    theirs = _ledger(boss, h, h.HAIMEN)
    answer = boss.post("/v1/tasks", json=_task(h, outfall_ids=[theirs["id"]], assignees=["alice"]))
    assert answer.status_code == 404
    assert boss.get("/v1/tasks").json()["total"] == 0


def test_each_kind_needs_what_it_names(person, h):
    boss = person("boss", role="supervisor")
    for body in (
        _task(h, kind="retest"),
        _task(h, kind="verify"),
        _task(h, kind="patrol"),
        _task(h, kind="verify", location={"lat": 95, "lon": 120}),
    ):
        assert boss.post("/v1/tasks", json=body).status_code == 422, body
    for body in (
        _task(h, kind="verify", location={"lat": 32.0, "lon": 120.9}),
        _task(h, kind="patrol", place="通吕运河 金沙段"),
    ):
        assert boss.post("/v1/tasks", json=body).status_code == 201, body


def test_cancel_once_then_task_closed(person, h):
    boss = person("boss", role="supervisor")
    alice = person("alice")
    body = _task(h, assignees=["alice"])
    boss.post("/v1/tasks", json=body)
    assert alice.post(f"/v1/tasks/{body['id']}/cancel", json={"reason": "x"}).status_code == 403
    done = boss.post(f"/v1/tasks/{body['id']}/cancel", json={"reason": "重复派发"})
    assert done.status_code == 200 and done.json()["state"] == "cancelled"
    assert done.json()["cancel_reason"] == "重复派发"
    again = boss.post(f"/v1/tasks/{body['id']}/cancel", json={"reason": "再撤"})
    assert again.status_code == 409
    error = again.json()["error"]
    assert (error["code"], error["detail"]) == ("task_closed", {"state": "cancelled"})
    pulled = [i for i in alice.get("/v1/pull").json()["items"] if i["entity"] == "tasks"]
    assert [i["data"]["state"] for i in pulled] == ["open", "cancelled"]


def test_overdue_is_flagged_and_filtered(person, h):
    boss = person("boss", role="supervisor")
    late = _task(h, due=(datetime.now(UTC) - timedelta(hours=1)).isoformat())
    later = _task(h, due=(datetime.now(UTC) + timedelta(hours=1)).isoformat())
    for body in (late, later, _task(h)):
        assert boss.post("/v1/tasks", json=body).status_code == 201
    overdue = boss.get("/v1/tasks", params={"overdue": "true"}).json()["tasks"]
    assert [t["id"] for t in overdue] == [late["id"]]
    assert boss.get("/v1/tasks", params={"overdue": "false"}).json()["total"] == 2


def test_the_linked_inspection_closes_the_task_and_the_closure_is_pulled(person, h):
    boss = person("boss", role="supervisor")
    alice = person("alice")
    mine = _ledger(boss, h)
    body = _task(h, outfall_ids=[mine["id"]], assignees=["alice"])
    boss.post("/v1/tasks", json=body)
    draft = h.inspection("alice", outfall_id=mine["id"], task_id=body["id"])
    alice.push_ok([h.change("inspections", draft)])
    assert boss.get("/v1/tasks", params={"state": "open"}).json()["total"] == 1
    alice.push_ok([h.change("inspections", {**draft, "status": "complete"})])
    closed = boss.get("/v1/tasks", params={"state": "done"}).json()["tasks"]
    assert len(closed) == 1
    assert closed[0]["closed_by"] == {"entity": "inspections", "id": draft["id"]}
    tasks = [i for i in alice.get("/v1/pull").json()["items"] if i["entity"] == "tasks"]
    assert tasks[-1]["data"]["state"] == "done"
    # a cancelled or done task stays as it is when another linked record arrives
    other = h.inspection("alice", status="complete", outfall_id=mine["id"], task_id=body["id"])
    alice.push_ok([h.change("inspections", other)])
    again = boss.get("/v1/tasks", params={"state": "done"}).json()["tasks"]
    assert (
        again[0]["closed_by"]["id"] == draft["id"] and again[0]["version"] == closed[0]["version"]
    )


def test_a_patrol_closes_a_patrol_task_and_not_an_inspection_task(person, h):
    boss = person("boss", role="supervisor")
    chief = person("chief", role="river_chief")
    stretch = _task(h, kind="patrol", place="通吕运河", assignees=["chief"])
    plain = _task(h, assignees=["chief"])
    for body in (stretch, plain):
        boss.post("/v1/tasks", json=body)
    for task in (stretch, plain):
        patrol = {"id": str(uuid.uuid4()), "author": "chief", "county_code": h.TOSHI,
                  "status": "complete", "task_id": task["id"]}  # fmt: skip
        chief.push_ok([h.change("patrols", patrol)])
    states = {t["id"]: t["state"] for t in boss.get("/v1/tasks").json()["tasks"]}
    assert states == {stretch["id"]: "done", plain["id"]: "open"}


def test_a_record_of_another_county_closes_nothing(person, h):
    boss = person("boss", role="supervisor", counties=(h.CITY,))
    carol = person("carol", counties=(h.HAIMEN,))
    body = _task(h)
    boss.post("/v1/tasks", json=body)
    row = h.inspection("carol", county=h.HAIMEN, status="complete", task_id=body["id"])
    carol.push_ok([h.change("inspections", row)])
    assert boss.get("/v1/tasks", params={"state": "open"}).json()["total"] == 1
