"""Review API: only supervisors, only their area, 404 for other areas, filters, review states."""

from __future__ import annotations

import uuid


def test_only_supervisors_review(person, h):
    alice = person("alice")
    row = h.inspection("alice", status="complete")
    alice.push_ok([h.change("inspections", row)])
    for url in (
        "/v1/batches",
        "/v1/records",
        f"/v1/records/inspections/{row['id']}",
        "/v1/proposals",
    ):
        response = alice.get(url)
        assert response.status_code == 403, url
        assert response.json()["error"]["code"] == "role_forbidden"
    review = alice.post(f"/v1/records/inspections/{row['id']}/review", json={"state": "approved"})
    assert review.status_code == 403


def test_other_areas_are_not_found_not_forbidden(person, h):
    alice = person("alice", counties=(h.TOSHI,))
    other = person("other", role="supervisor", counties=(h.HAIMEN,))
    row = h.inspection("alice", status="complete")
    batch = alice.push_ok([h.change("inspections", row)])["batch_id"]
    assert other.get(f"/v1/records/inspections/{row['id']}").status_code == 404
    assert other.get(f"/v1/batches/{batch}").status_code == 404
    assert other.get("/v1/batches").json()["batches"] == []
    assert other.get("/v1/records").json()["records"] == []
    response = other.post(f"/v1/records/inspections/{row['id']}/review", json={"state": "approved"})
    assert response.status_code == 404
    task = {"id": str(uuid.uuid4()), "county_code": h.TOSHI, "title": "x"}
    assert other.post("/v1/tasks", json=task).status_code == 404


def test_batches_are_reviewable_units(person, h):
    alice = person("alice")
    bob = person("bob")
    boss = person("boss", role="supervisor")
    first = alice.push_ok(
        [
            h.change("inspections", h.inspection("alice", photos=["b" * 64])),
            h.change("inspections", h.inspection("alice", county=h.HAIMEN)),
        ]
    )
    bob.push_ok([h.change("inspections", h.inspection("bob"))])
    listed = boss.get("/v1/batches").json()["batches"]
    assert len(listed) == 2
    mine = boss.get("/v1/batches", params={"username": "alice"}).json()["batches"]
    assert [b["batch_id"] for b in mine] == [first["batch_id"]]
    summary = mine[0]
    # the change refused in Haimen is not this Tongzhou supervisor's to see
    assert summary["counts"] == {"applied": 1}
    assert summary["total"] == 1 and summary["complete"] is False
    assert len(summary["content_hash"]) == 64 and summary["device_id"] == alice.device_id
    incomplete = boss.get("/v1/batches", params={"complete": False}).json()["batches"]
    assert [b["batch_id"] for b in incomplete] == [first["batch_id"]]
    detail = boss.get(f"/v1/batches/{first['batch_id']}").json()
    assert [i["result"] for i in detail["items"]] == ["applied"]  # the rejected one has no county


def test_review_states_and_record_filters(person, h):
    alice = person("alice")
    boss = person("boss", role="supervisor")
    draft = h.inspection("alice")
    done = h.inspection("alice", status="complete")
    alice.push_ok([h.change("inspections", draft), h.change("inspections", done)])
    not_yet = boss.post(f"/v1/records/inspections/{draft['id']}/review", json={"state": "approved"})
    assert not_yet.status_code == 409
    assert not_yet.json()["error"]["code"] == "record_not_submitted"
    ok = boss.post(
        f"/v1/records/inspections/{done['id']}/review",
        json={"state": "escalated", "comment": "疑似暗管", "deadline": "2026-12-31T00:00:00Z"},
    )
    assert ok.status_code == 200, ok.text
    assert ok.json()["record"]["review_state"] == "escalated"
    escalated = boss.get("/v1/records", params={"review_state": "escalated"}).json()["records"]
    assert [r["row_id"] for r in escalated] == [done["id"]]
    unreviewed = boss.get("/v1/records", params={"review_state": "none", "owner": "alice"}).json()
    assert [r["row_id"] for r in unreviewed["records"]] == [draft["id"]]
    bad = boss.post(f"/v1/records/inspections/{done['id']}/review", json={"state": "maybe"})
    assert bad.status_code == 422
    unknown = boss.post(f"/v1/records/tasks/{uuid.uuid4()}/review", json={"state": "approved"})
    assert unknown.status_code == 404
