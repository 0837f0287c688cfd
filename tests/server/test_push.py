"""Push through the real app: results, idempotent replays, ownership, areas, locks, proposals."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select

from sync.server.schema import applied_changes, audit_log, batches, feed, proposals, records


def count(engine: Any, table: Any) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_inspector_pushes_own_inspection(person, h, engine):
    alice = person("alice")
    row = h.inspection("alice")
    answer = alice.push_ok([h.change("inspections", row)])
    assert answer["results"][0]["result"] == "applied"
    assert answer["results"][0]["version"] == 1
    assert answer["complete"] is True
    assert count(engine, records) == 1


def test_replayed_batch_returns_the_stored_answer_and_applies_nothing(person, h, engine):
    alice = person("alice")
    batch = str(uuid.uuid4())
    changes = [h.change("inspections", h.inspection("alice")) for _ in range(3)]
    first = alice.push_ok(changes, batch)
    second = alice.push_ok(changes, batch)
    assert first == second
    assert count(engine, records) == 3
    assert count(engine, batches) == 1
    assert count(engine, applied_changes) == 3


def test_batch_id_reused_for_other_content_is_refused(person, h, engine):
    alice = person("alice")
    batch = str(uuid.uuid4())
    alice.push_ok([h.change("inspections", h.inspection("alice"))], batch)
    response = alice.push([h.change("inspections", h.inspection("alice"))], batch)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "batch_id_reused"
    assert count(engine, records) == 1


def test_another_devices_batch_id_is_refused(person, h, client):
    alice = person("alice")
    batch = str(uuid.uuid4())
    changes = [h.change("inspections", h.inspection("alice"))]
    alice.push_ok(changes, batch)
    second_device = h.login(client, "alice").json()
    response = client.post(
        "/v1/push",
        json={"batch_id": batch, "changes": changes},
        headers={"Authorization": f"Bearer {second_device['token']}"},
    )
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "batch_foreign"


def test_change_id_already_applied_is_a_duplicate(person, h, engine):
    alice = person("alice")
    c = h.change("inspections", h.inspection("alice"))
    alice.push_ok([c])
    answer = alice.push_ok([c, c])
    assert [r["result"] for r in answer["results"]] == ["duplicate", "duplicate"]
    with engine.connect() as conn:
        version = conn.execute(select(records.c.version)).scalar_one()
    assert version == 1


def test_another_devices_change_id_is_rejected(person, h):
    alice = person("alice")
    bob = person("bob")
    c = h.change("inspections", h.inspection("alice"))
    alice.push_ok([c])
    forged = dict(c, data=h.inspection("bob"))
    forged["row_id"] = forged["data"]["id"]
    answer = bob.push_ok([forged])
    assert answer["results"][0] == {
        "change_id": c["change_id"],
        "result": "rejected",
        "reason": "change_id_foreign",
        "version": None,
        "proposal_id": None,
        "server_row": None,
    }


def test_inspector_may_not_push_anothers_record(person, h):
    alice = person("alice")
    bob = person("bob")
    row = h.inspection("alice")
    alice.push_ok([h.change("inspections", row)])
    results = bob.push_ok(
        [
            h.change("inspections", h.inspection("alice")),  # claims to be alice's new record
            h.change("inspections", dict(row, author="bob")),  # takes over alice's record
            h.change("inspections", None, op="delete", row_id=row["id"]),
        ]
    )["results"]
    assert [r["reason"] for r in results] == ["not_owner", "not_owner", "not_owner"]


def test_records_outside_the_users_counties_are_rejected(person, h, engine):
    alice = person("alice", counties=(h.TOSHI,))
    results = alice.push_ok(
        [
            h.change("inspections", h.inspection("alice", county=h.HAIMEN)),
            h.change("inspections", h.inspection("alice", county="bad")),
        ]
    )["results"]
    assert [r["reason"] for r in results] == ["area_forbidden", "invalid_row"]
    assert count(engine, records) == 0


def test_role_rules_per_entity(person, h):
    chief = person("chief", role="river_chief")
    admin = person("root", role="admin", counties=(h.CITY,))
    patrol = {"id": str(uuid.uuid4()), "author": "chief", "county_code": h.TOSHI}
    results = chief.push_ok(
        [
            h.change("inspections", h.inspection("chief")),
            h.change("patrols", patrol),
            h.change("reviews", {"id": str(uuid.uuid4())}),
            h.change("nonsense", {"id": str(uuid.uuid4())}),
        ]
    )["results"]
    assert [r["result"] for r in results] == ["rejected", "applied", "rejected", "rejected"]
    assert [r["reason"] for r in results] == [
        "role_forbidden",
        None,
        "entity_read_only",
        "entity_unknown",
    ]
    assert admin.push_ok([h.change("outfalls", h.outfall())])["results"][0]["reason"] == (
        "role_forbidden"
    )


def test_row_id_must_match_the_rows_id(person, h):
    alice = person("alice")
    c = h.change("inspections", h.inspection("alice"), row_id=str(uuid.uuid4()))
    assert alice.push_ok([c])["results"][0]["reason"] == "row_id_mismatch"


def test_submitted_record_is_the_authors_no_longer(person, h):
    alice = person("alice")
    row = h.inspection("alice")
    alice.push_ok(
        [h.change("inspections", row), h.change("inspections", dict(row, status="complete"))]
    )
    answer = alice.push_ok([h.change("inspections", dict(row, findings="changed later"))])
    assert answer["results"][0]["reason"] == "record_submitted"


def test_reviewed_record_is_locked_and_returned_one_unlocked(person, h):
    alice = person("alice")
    boss = person("boss", role="supervisor")
    approved = h.inspection("alice", status="complete")
    returned = h.inspection("alice", status="complete")
    alice.push_ok([h.change("inspections", approved), h.change("inspections", returned)])
    for row, state in ((approved, "approved"), (returned, "returned")):
        response = boss.post(
            f"/v1/records/inspections/{row['id']}/review", json={"state": state, "comment": "ok"}
        )
        assert response.status_code == 200, response.text
    results = alice.push_ok(
        [
            h.change("inspections", dict(approved, findings="x")),
            h.change(
                "inspection_photos", {"id": str(uuid.uuid4()), "inspection_id": approved["id"]}
            ),
            h.change("inspections", dict(returned, findings="fixed", status="draft")),
        ]
    )["results"]
    assert [r["reason"] for r in results] == ["record_locked", "record_locked", None]


def test_child_rows_take_area_and_owner_from_their_parent(person, h, engine):
    alice = person("alice")
    bob = person("bob")
    parent = h.inspection("alice")
    photo = {"id": str(uuid.uuid4()), "inspection_id": parent["id"], "sha256": "a" * 64}
    orphan = {"id": str(uuid.uuid4()), "inspection_id": str(uuid.uuid4())}
    answer = alice.push_ok(
        [
            h.change("inspections", parent),
            h.change("inspection_photos", photo),
            h.change("inspection_photos", orphan),
        ]
    )
    assert [r["result"] for r in answer["results"]] == ["applied", "applied", "rejected"]
    assert answer["results"][2]["reason"] == "parent_unknown"
    assert answer["missing_photos"] == ["a" * 64]
    assert answer["complete"] is False
    bob_photo = {"id": str(uuid.uuid4()), "inspection_id": parent["id"]}
    assert bob.push_ok([h.change("inspection_photos", bob_photo)])["results"][0]["reason"] == (
        "not_owner"
    )
    with engine.connect() as conn:
        county = conn.execute(
            select(records.c.county_code).where(records.c.entity == "inspection_photos")
        ).scalar_one()
    assert county == h.TOSHI


def test_malformed_photo_reference_is_rejected(person, h):
    alice = person("alice")
    row = h.inspection("alice", photos=["../../etc/passwd"])
    assert alice.push_ok([h.change("inspections", row)])["results"][0]["reason"] == "invalid_row"


def test_new_provisional_outfall_is_applied_and_edits_become_proposals(person, h, engine):
    alice = person("alice")
    boss = person("boss", role="supervisor")
    found = h.outfall(provisional=True)
    coded = h.outfall(provisional=False)
    results = alice.push_ok(
        [
            h.change("outfalls", found),
            h.change("outfalls", coded),
            h.change("outfalls", dict(found, name="新名字")),
        ]
    )["results"]
    assert [r["result"] for r in results] == ["applied", "proposed", "proposed"]
    assert count(engine, proposals) == 2
    listed = boss.get("/v1/proposals").json()["proposals"]
    assert {p["row_id"] for p in listed} == {found["id"], coded["id"]}
    rename = results[2]["proposal_id"]
    accepted = boss.post(f"/v1/proposals/{rename}/decision", json={"decision": "accept"})
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["state"] == "accepted"
    again = boss.post(f"/v1/proposals/{rename}/decision", json={"decision": "reject"})
    assert again.json()["error"]["code"] == "proposal_decided"
    rejected = boss.post(
        f"/v1/proposals/{results[1]['proposal_id']}/decision",
        json={"decision": "reject", "comment": "重复"},
    )
    assert rejected.json()["state"] == "rejected"
    record = boss.get(f"/v1/records/outfalls/{found['id']}").json()
    assert record["data"]["name"] == "新名字"
    assert record["version"] == 2
    assert boss.get(f"/v1/records/outfalls/{coded['id']}").status_code == 404
    assert (
        alice.post(f"/v1/proposals/{rename}/decision", json={"decision": "accept"}).status_code
        == 403
    )


def test_supervisor_of_another_county_cannot_decide(person, h):
    alice = person("alice")
    other = person("other", role="supervisor", counties=(h.HAIMEN,))
    proposal = alice.push_ok([h.change("outfalls", h.outfall(provisional=False))])["results"][0]
    response = other.post(
        f"/v1/proposals/{proposal['proposal_id']}/decision", json={"decision": "accept"}
    )
    assert response.status_code == 404
    assert other.get("/v1/proposals").json()["proposals"] == []


def test_later_change_from_another_device_wins_and_reports_conflict(person, h, client):
    boss = person("boss", role="supervisor")
    laptop2 = h.login(client, "boss").json()
    row = h.outfall(provisional=False)
    boss.push_ok([h.change("outfalls", row, clock=h.hlc())])
    older = h.change("outfalls", dict(row, name="older"), clock="0000000000001:00000:x")
    response = client.post(
        "/v1/push",
        json={"batch_id": str(uuid.uuid4()), "changes": [older]},
        headers={"Authorization": f"Bearer {laptop2['token']}"},
    )
    result = response.json()["results"][0]
    assert result["result"] == "conflict"
    assert result["server_row"]["name"] == row["name"]
    assert result["version"] == 1


def test_delete_leaves_a_tombstone_and_history_is_append_only(person, h, engine):
    alice = person("alice")
    found = h.outfall(lifecycle_state="surveyed")
    alice.push_ok([h.change("outfalls", found)])
    row = h.inspection("alice")
    event = {
        "id": str(uuid.uuid4()),
        "outfall_id": found["id"],
        "action": "monitor",
        "from_state": "surveyed",
        "to_state": "monitored",
        "at": "2026-11-28T00:00:00Z",
        "actor": "alice",
        "note": "",
    }
    results = alice.push_ok(
        [
            h.change("outfalls", dict(found, lifecycle_state="monitored")),
            h.change("outfall_events", event),
            h.change("outfall_events", event),
            h.change("outfall_events", dict(event, note="rewritten")),
            h.change("inspections", row),
            h.change("inspections", None, op="delete", row_id=row["id"]),
        ]
    )["results"]
    assert [r["result"] for r in results] == [
        "proposed",  # an inspector's ledger change waits for the desk; its step is history
        "applied",
        "applied",
        "rejected",
        "applied",
        "applied",
    ]
    assert results[3]["reason"] == "immutable"
    with engine.connect() as conn:
        deleted = conn.execute(
            select(records.c.deleted, records.c.data).where(records.c.id == row["id"])
        ).one()
    assert deleted.deleted and deleted.data is None


def test_hostile_bodies_get_clean_4xx_and_write_nothing(person, h, client, engine):
    alice = person("alice")
    good = h.change("inspections", h.inspection("alice"))
    cases: list[tuple[Any, int, str]] = [
        (b"{not json", 400, "malformed_json"),
        ({"batch_id": str(uuid.uuid4()), "changes": [good], "extra": 1}, 422, "invalid_request"),
        ({"batch_id": "not-a-uuid", "changes": [good]}, 422, "invalid_request"),
        (
            {"batch_id": str(uuid.uuid4()), "changes": [dict(good, op="merge")]},
            422,
            "invalid_request",
        ),
        (
            {"batch_id": str(uuid.uuid4()), "changes": [dict(good, data=None)]},
            422,
            "invalid_request",
        ),
        (
            {"batch_id": str(uuid.uuid4()), "changes": [good, dict(good, hlc=5)]},
            422,
            "invalid_request",
        ),
        (
            {"batch_id": str(uuid.uuid4()), "changes": [dict(good, at="yesterday")]},
            422,
            "invalid_request",
        ),
        ({"batch_id": str(uuid.uuid4()), "changes": "all"}, 422, "invalid_request"),
        (
            {"batch_id": str(uuid.uuid4()), "changes": [], "protocol_version": 99},
            400,
            "protocol_unsupported",
        ),
    ]
    for body, status, code in cases:
        if isinstance(body, bytes):
            response = alice.post(
                "/v1/push",
                content=body,
                headers={**alice.headers, "Content-Type": "application/json"},
            )
        else:
            response = alice.post("/v1/push", json=body)
        assert response.status_code == status, (body, response.text)
        assert response.json()["error"]["code"] == code
    huge = b'{"batch_id": "' + b"x" * (33 * 1024 * 1024) + b'"}'
    response = alice.post(
        "/v1/push", content=huge, headers={**alice.headers, "Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "body_too_large"
    assert count(engine, records) == 0
    assert count(engine, batches) == 0


def test_a_batch_is_atomic_when_storing_fails(person, h, ctx, engine, monkeypatch):
    from sync.server.queries import batches as batches_queries

    alice = person("alice")

    def explode(*_args: Any, **_kw: Any) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(batches_queries, "add_photo_refs", explode)
    import pytest

    with pytest.raises(RuntimeError):
        alice.push(
            [h.change("inspections", h.inspection("alice")), h.change("outfalls", h.outfall())]
        )
    assert count(engine, records) == 0
    assert count(engine, feed) == 0
    assert count(engine, batches) == 0
    before = count(engine, audit_log)
    monkeypatch.undo()
    alice.push_ok([h.change("inspections", h.inspection("alice"))])
    assert count(engine, audit_log) == before + 1


def test_nul_characters_are_refused_before_storage(person, h, engine):
    alice = person("alice")
    bad = h.change("inspections", h.inspection("alice"), clock="1\x00")
    response = alice.push([bad])
    assert response.status_code == 422
    assert alice.get("/v1/pull", params={"cursor": "1\x00"}).status_code == 422
    # NUL inside a row too: PostgreSQL's jsonb refuses it, so it is refused everywhere (422)
    inside = h.change("inspections", h.inspection("alice", findings="a\x00b"))
    assert alice.push([inside]).status_code == 422
    assert count(engine, records) == 0


def test_rows_of_other_counties_cannot_be_touched(person, h):
    alice = person("alice", counties=(h.TOSHI,))
    carol = person("carol", counties=(h.HAIMEN,))
    row = h.inspection("alice")
    alice.push_ok([h.change("inspections", row)])
    results = carol.push_ok(
        [
            h.change("inspections", dict(row, author="carol", county_code=h.HAIMEN)),
            h.change("inspections", None, op="delete", row_id=row["id"]),
        ]
    )["results"]
    assert [r["reason"] for r in results] == ["area_forbidden", "not_found"]


def test_deeply_nested_rows_are_refused_cleanly(person, h, engine):
    import json

    alice = person("alice")
    for depth, status, code in ((40, 422, "invalid_request"), (100_000, 400, "malformed_json")):
        body = json.dumps(
            {
                "batch_id": str(uuid.uuid4()),
                "changes": [h.change("inspections", h.inspection("alice"))],
            }
        ).replace('"findings": "', '"deep": ' + "[" * depth + "]" * depth + ', "findings": "', 1)
        response = alice.post(
            "/v1/push", content=body.encode(), headers={"Content-Type": "application/json"}
        )
        assert response.status_code == status, response.text
        assert response.json()["error"]["code"] == code
    assert count(engine, records) == 0


def test_a_patrol_with_its_track_problems_and_photos(person, h, engine):
    chief = person("chief", role="river_chief")
    patrol = {"id": str(uuid.uuid4()), "author": "chief", "county_code": h.TOSHI, "status": "draft"}
    track = {
        "id": str(uuid.uuid4()),
        "patrol_id": patrol["id"],
        "part": 0,
        "points": [[32.0, 120.9]],
    }
    problem = {
        "id": str(uuid.uuid4()),
        "patrol_id": patrol["id"],
        "county_code": h.TOSHI,
        "note": "暗管",
    }
    photo = {
        "id": str(uuid.uuid4()),
        "patrol_id": patrol["id"],
        "problem_id": problem["id"],
        "sha256": "c" * 64,
    }
    answer = chief.push_ok(
        [
            h.change("patrols", patrol),
            h.change("patrol_tracks", track),
            h.change("patrol_problems", problem),
            h.change("patrol_photos", photo),
            h.change("patrols", dict(patrol, status="complete")),
        ]
    )
    assert {r["result"] for r in answer["results"]} == {"applied"}
    assert answer["missing_photos"] == ["c" * 64]
    assert count(engine, records) == 4


def test_an_unknown_status_is_an_invalid_row(person, h, engine):
    alice = person("alice")
    row = h.inspection("alice", status="finished-and-reviewed-by-me-already")
    assert alice.push_ok([h.change("inspections", row)])["results"][0]["reason"] == "invalid_row"
    assert count(engine, records) == 0


def test_accepting_a_proposal_over_a_later_ledger_change_is_refused(person, h, engine):
    alice, bob = person("alice"), person("bob")
    boss = person("boss", role="supervisor")
    found = h.outfall(provisional=True)
    alice.push_ok([h.change("outfalls", found)])  # applied: version 1
    first = alice.push_ok([h.change("outfalls", dict(found, name="甲名"))])["results"][0]
    second = bob.push_ok([h.change("outfalls", dict(found, name="乙名"))])["results"][0]
    assert first["result"] == second["result"] == "proposed"
    ok = boss.post(f"/v1/proposals/{second['proposal_id']}/decision", json={"decision": "accept"})
    assert ok.status_code == 200, ok.text
    # Alice's proposal was made against version 1; the row is at version 2 now.
    stale = boss.post(f"/v1/proposals/{first['proposal_id']}/decision", json={"decision": "accept"})
    assert stale.status_code == 409
    assert stale.json()["error"]["code"] == "proposal_stale"
    assert stale.json()["error"]["detail"] == {"base_version": 1, "version": 2}
    record = boss.get(f"/v1/records/outfalls/{found['id']}").json()
    assert record["data"]["name"] == "乙名" and record["version"] == 2  # nothing undone
    pending = boss.get("/v1/proposals").json()["proposals"]
    assert {p["proposal_id"]: p["state"] for p in pending}[first["proposal_id"]] == "pending"
    rejected = boss.post(
        f"/v1/proposals/{first['proposal_id']}/decision",
        json={"decision": "reject", "comment": "已按乙的更正"},
    )
    assert rejected.json()["state"] == "rejected"
