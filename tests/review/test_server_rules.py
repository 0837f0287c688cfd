"""The review rules on the server (SQLite and PostgreSQL): area, stale decisions, missing photos
and their override, bulk approval of unflagged records, accepting or merging a newly found
outfall, the ledger following an approval, and the photo endpoint's area check."""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

from sqlalchemy import select

from sync.server.schema import audit_log

NEAR = {"lat": 32.0, "lon": 120.9}


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def upload(who: Any, data: bytes) -> None:
    r = who.put(
        f"/v1/photos/{sha(data)}/upload",
        params={"offset": 0, "total": len(data)},
        content=data,
        headers={"Content-Type": "application/octet-stream"},
    )
    assert r.status_code == 200, r.text


def good_inspection(h: Any, author: str, outfall_id: str, **extra: Any) -> dict[str, Any]:
    return h.inspection(
        author,
        status="complete",
        outfall_id=outfall_id,
        started_at="2026-05-01T08:00:00.000Z",
        completed_at="2026-05-01T08:20:00.000Z",
        position={**NEAR, "accuracy_m": 4.0, "source": "gnss", "distance_m": 3.0, "far": False},
        sections={"sign_check": {"present": "yes", "broken": "no"}, "remediation": {}},
        **extra,
    )


def ledger_outfall(h: Any, boss: Any, **extra: Any) -> dict[str, Any]:
    row = h.outfall(provisional=False, lat=NEAR["lat"], lon=NEAR["lon"], sign_status="unknown",
                    sampling_status="unknown", **extra)  # fmt: skip
    boss.push_ok([h.change("outfalls", row)])
    return row


def version_of(boss: Any, row_id: str) -> int:
    r = boss.get(f"/v1/records/inspections/{row_id}")
    assert r.status_code == 200, r.text
    return int(r.json()["version"])


def test_only_supervisors_of_the_area_decide(person, h):
    alice = person("alice")
    boss = person("boss", role="supervisor")
    other = person("other", role="supervisor", counties=(h.HAIMEN,))
    outfall = ledger_outfall(h, boss)
    row = good_inspection(h, "alice", outfall["id"])
    batch = alice.push_ok([h.change("inspections", row)])["batch_id"]
    assert alice.get("/v1/desk/batches").status_code == 403
    assert other.get("/v1/desk/batches").json()["batches"] == []
    assert other.get(f"/v1/desk/batches/{batch}/records").status_code == 404
    assert other.get(f"/v1/desk/records/inspections/{row['id']}").status_code == 404
    refused = other.post(f"/v1/records/inspections/{row['id']}/review",
                         json={"state": "approved", "version": 1})  # fmt: skip
    assert refused.status_code == 404
    bulk = other.post("/v1/desk/approve", json={"records": [
        {"entity": "inspections", "row_id": row["id"], "version": 1}]})  # fmt: skip
    assert bulk.json()["refused"][0]["code"] == "not_found"
    mine = boss.get("/v1/desk/batches").json()["batches"]
    assert [b["batch"]["batch_id"] for b in mine] == [batch]
    assert mine[0]["records"] == 1 and mine[0]["review"] == {"pending": 1}
    assert mine[0]["flags"] == {}


def test_a_decision_on_a_changed_record_is_refused(person, h):
    alice = person("alice")
    boss = person("boss", role="supervisor")
    outfall = ledger_outfall(h, boss)
    row = good_inspection(h, "alice", outfall["id"])
    alice.push_ok([h.change("inspections", row)])
    opened = version_of(boss, row["id"])
    returned = boss.post(f"/v1/records/inspections/{row['id']}/review",
                         json={"state": "returned", "comment": "补拍标志牌", "version": opened})  # fmt: skip
    assert returned.status_code == 200, returned.text
    # a second reviewer who opened the same version decides too late
    stale = boss.post(f"/v1/records/inspections/{row['id']}/review",
                      json={"state": "approved", "version": opened})  # fmt: skip
    assert stale.status_code == 409
    body = stale.json()["error"]
    assert body["code"] == "record_changed" and "changed since you opened it" in body["message"]
    assert body["detail"]["version"] == opened + 1
    # the author edits the returned record: the version moves again
    alice.push_ok([h.change("inspections", {**row, "notes": "已补拍"})])
    now = version_of(boss, row["id"])
    assert now > opened + 1
    ok = boss.post(f"/v1/records/inspections/{row['id']}/review",
                   json={"state": "approved", "version": now})  # fmt: skip
    assert ok.status_code == 200, ok.text


def test_approving_with_missing_photos_needs_an_override(person, h, engine):
    alice = person("alice")
    boss = person("boss", role="supervisor")
    outfall = ledger_outfall(h, boss)
    row = good_inspection(h, "alice", outfall["id"])
    photo = os.urandom(2000)
    photo_row = {"id": "0" * 8 + "-0000-4000-8000-" + "0" * 12, "inspection_id": row["id"],
                 "sha256": sha(photo)}  # fmt: skip
    alice.push_ok([h.change("inspections", row), h.change("inspection_photos", photo_row)])
    records = boss.get("/v1/desk/batches").json()["batches"][0]
    assert records["photos"] == 1 and records["photos_arrived"] == 0
    v = version_of(boss, row["id"])
    refused = boss.post(f"/v1/records/inspections/{row['id']}/review",
                        json={"state": "approved", "version": v})  # fmt: skip
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "photos_missing"
    assert refused.json()["error"]["detail"]["missing"] == [sha(photo)]
    # returning or escalating needs no photos
    override = boss.post(f"/v1/records/inspections/{row['id']}/review",
                         json={"state": "approved", "version": v,
                               "override_reason": "照片已当面核验"})  # fmt: skip
    assert override.status_code == 200, override.text
    with engine.connect() as conn:
        entries = list(conn.execute(select(audit_log).where(audit_log.c.entity == "reviews")))
    after = json.loads(entries[-1].after)
    assert after["override_reason"] == "照片已当面核验" and after["photos_missing"] == 1
    assert entries[-1].username == "boss"


def test_photo_bytes_for_supervisors_of_the_area(person, h):
    alice = person("alice")
    boss = person("boss", role="supervisor")
    other = person("other", role="supervisor", counties=(h.HAIMEN,))
    photo = os.urandom(5000)
    row = h.inspection("alice", status="complete", photos=[sha(photo)])
    alice.push_ok([h.change("inspections", row)])
    assert boss.get(f"/v1/photos/{sha(photo)}").status_code == 404  # not arrived yet
    upload(alice, photo)
    got = boss.get(f"/v1/photos/{sha(photo)}")
    assert got.status_code == 200 and got.content == photo
    assert other.get(f"/v1/photos/{sha(photo)}").status_code == 404
    assert alice.get(f"/v1/photos/{sha(photo)}").status_code == 403


def test_bulk_approval_takes_only_unflagged_records(person, h):
    alice = person("alice")
    boss = person("boss", role="supervisor")
    outfall = ledger_outfall(h, boss)
    clean = good_inspection(h, "alice", outfall["id"])
    far = good_inspection(h, "alice", outfall["id"])
    far["position"] = {"lat": 32.01, "lon": 120.9, "accuracy_m": 4.0, "source": "gnss"}
    blocked = good_inspection(h, "alice", outfall["id"])
    blocked["sections"] = {"remediation": {"finding": "merely_blocked"}}
    batch = alice.push_ok([h.change("inspections", r) for r in (clean, far, blocked)])
    listed = boss.get(f"/v1/desk/batches/{batch['batch_id']}/records").json()["records"]
    flags = {r["record"]["row_id"]: r["flags"] for r in listed}
    assert flags == {clean["id"]: [], far["id"]: ["far_from_outfall"],
                     blocked["id"]: ["remediation_contradicted"]}  # fmt: skip
    summary = boss.get("/v1/desk/batches").json()["batches"][0]
    assert summary["flags"] == {"far_from_outfall": 1, "remediation_contradicted": 1}
    refs = [{"entity": "inspections", "row_id": r["record"]["row_id"],
             "version": r["record"]["version"]} for r in listed]  # fmt: skip
    result = boss.post("/v1/desk/approve", json={"records": refs, "comment": "批量通过"}).json()
    assert result["approved"] == [clean["id"]]
    assert {r["row_id"]: r["code"] for r in result["refused"]} == {
        far["id"]: "record_flagged", blocked["id"]: "record_flagged"}  # fmt: skip


def test_ledger_follows_an_approved_inspection(person, h, engine):
    alice = person("alice")
    boss = person("boss", role="supervisor")
    outfall = ledger_outfall(h, boss)
    row = good_inspection(h, "alice", outfall["id"])
    row["sections"] = {
        "sign_check": {"present": "yes", "broken": "yes"},
        "sampling_check": {"sampling_point": "yes", "can_sample": "yes"},
    }
    alice.push_ok([h.change("inspections", row)])
    cursor = alice.get("/v1/pull").json()["cursor"]
    r = boss.post(f"/v1/records/inspections/{row['id']}/review",
                  json={"state": "approved", "version": version_of(boss, row["id"])})  # fmt: skip
    assert r.status_code == 200, r.text
    pulled = alice.get("/v1/pull", params={"cursor": cursor}).json()["items"]
    ledger = [i for i in pulled if i["entity"] == "outfalls"]
    assert len(ledger) == 1
    assert ledger[0]["data"]["sign_status"] == "defective"
    assert ledger[0]["data"]["sampling_status"] == "ok"
    assert ledger[0]["data"]["updated_by"] == "boss"
    assert [i["data"]["state"] for i in pulled if i["entity"] == "reviews"] == ["approved"]
    with engine.connect() as conn:
        actions = [e.action for e in conn.execute(select(audit_log).where(
            audit_log.c.username == "boss").order_by(audit_log.c.seq))]  # fmt: skip
    assert "review.ledger_follow" in actions and "review.inspection_approved" in actions
    detail = boss.get(f"/v1/desk/records/inspections/{row['id']}").json()
    assert any("inspection_approved" in e["text"] for e in detail["history"])
    assert "sign_status: unknown → defective" in detail["history"][0]["text"]


def test_a_new_outfall_is_flagged_then_accepted_with_its_code(person, h):
    alice = person("alice")
    boss = person("boss", role="supervisor")
    ledger_outfall(h, boss, name="通州区某镇某村东北侧900m城镇雨洪排口")
    found = h.outfall(provisional=True, lat=NEAR["lat"] + 0.0005, lon=NEAR["lon"],
                      name="通州区某镇某村东北侧950m城镇雨洪排口")  # fmt: skip
    row = good_inspection(h, "alice", found["id"])
    row["position"] = {**row["position"], "lat": found["lat"]}
    alice.push_ok([h.change("outfalls", found), h.change("inspections", row)])
    detail = boss.get(f"/v1/desk/records/inspections/{row['id']}").json()
    assert detail["record"]["flags"] == ["new_outfall", "possible_duplicate"]
    assert len(detail["record"]["duplicate_of"]) == 1
    version = detail["record"]["outfall"]["_version"]
    bad = boss.post(f"/v1/desk/outfalls/{found['id']}/accept", json={"version": version})
    assert bad.status_code == 422
    stale = boss.post(f"/v1/desk/outfalls/{found['id']}/accept",
                      json={"version": version + 5, "national_code": "320612A0001"})  # fmt: skip
    assert stale.json()["error"]["code"] == "record_changed"
    ok = boss.post(f"/v1/desk/outfalls/{found['id']}/accept",
                   json={"version": version, "national_code": "320612A0001"})  # fmt: skip
    assert ok.status_code == 200, ok.text
    assert ok.json()["outfall"]["data"]["national_code"] == "320612A0001"
    again = boss.post(f"/v1/desk/outfalls/{found['id']}/accept",
                      json={"version": version + 1, "national_code": "X1"})  # fmt: skip
    assert again.json()["error"]["code"] == "not_provisional"
    detail = boss.get(f"/v1/desk/records/inspections/{row['id']}").json()
    assert detail["record"]["flags"] == []
    pulled = alice.get("/v1/pull").json()["items"]
    mine = [i for i in pulled if i["row_id"] == found["id"]]
    assert mine[-1]["data"]["national_code"] == "320612A0001"


def test_a_new_outfall_merged_into_an_existing_one(person, h):
    alice = person("alice")
    boss = person("boss", role="supervisor")
    other = person("other", role="supervisor", counties=(h.HAIMEN,))
    existing = ledger_outfall(h, boss)
    found = h.outfall(provisional=True, lat=NEAR["lat"], lon=NEAR["lon"])
    alice.push_ok([h.change("outfalls", found)])
    body = {"version": 1, "into_id": existing["id"], "comment": "同一排口"}
    assert other.post(f"/v1/desk/outfalls/{found['id']}/merge", json=body).status_code == 404
    ok = boss.post(f"/v1/desk/outfalls/{found['id']}/merge", json=body)
    assert ok.status_code == 200, ok.text
    data = ok.json()["outfall"]["data"]
    assert data["merge_into_id"] == existing["id"] and data["lifecycle_state"] == "retired"
    pulled = alice.get("/v1/pull").json()["items"]
    reviews = [i["data"] for i in pulled if i["entity"] == "reviews"]
    assert reviews[-1]["state"] == "merged" and reviews[-1]["merge_into_id"] == existing["id"]
    assert reviews[-1]["reviewer"] == "boss"


def test_a_revision_shows_beside_its_original(person, h):
    alice = person("alice")
    boss = person("boss", role="supervisor")
    outfall = ledger_outfall(h, boss)
    row = good_inspection(h, "alice", outfall["id"], notes="")
    alice.push_ok([h.change("inspections", row)])
    boss.post(f"/v1/records/inspections/{row['id']}/review",
              json={"state": "returned", "comment": "缺少排放状态", "version": 1})  # fmt: skip
    revision = {**row, "id": "11111111-2222-4333-8444-555555555555", "supersedes": row["id"],
                "version": 2, "notes": "补充：未排放"}  # fmt: skip
    alice.push_ok([h.change("inspections", revision)])
    detail = boss.get(f"/v1/desk/records/inspections/{revision['id']}").json()
    assert detail["original"]["record"]["row_id"] == row["id"]
    assert detail["original"]["record"]["review_state"] == "returned"
    assert detail["changes"] == [{"field": "notes", "before": "", "after": "补充：未排放"}]
    assert [e["row_id"] for e in detail["earlier"]] == [row["id"]]


def test_a_page_of_batches_is_full_of_inspection_batches(person, h):
    alice = person("alice")
    boss = person("boss", role="supervisor")
    outfall = ledger_outfall(h, boss)
    with_inspections = [
        alice.push_ok([h.change("inspections", good_inspection(h, "alice", outfall["id"]))])[
            "batch_id"
        ]
        for _ in range(3)
    ]
    for _ in range(4):  # newer batches of ledger edits only (proposals): reviewed elsewhere
        alice.push_ok([h.change("outfalls", dict(outfall, name=f"改名{_}"))])
    page = boss.get("/v1/desk/batches", params={"limit": 2}).json()["batches"]
    assert [b["batch"]["batch_id"] for b in page] == with_inspections[::-1][:2]
    rest = boss.get("/v1/desk/batches", params={"limit": 2, "offset": 2}).json()["batches"]
    assert [b["batch"]["batch_id"] for b in rest] == with_inspections[:1]
