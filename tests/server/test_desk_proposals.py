"""Ledger proposals on the desk (issue 14, item 4): both versions side by side, accept, merge a
proposed new outfall into a registered one, reject only with a reason; a second decision is told
who decided and when; supervisors decide only in their area. SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from typing import Any

import pytest


def _ledger(boss: Any, h: Any, **extra: Any) -> dict[str, Any]:
    row = h.outfall(provisional=False, lat=32.0, lon=120.9, **extra)
    boss.push_ok([h.change("outfalls", row)])
    return row


def _proposals(sup: Any, state: str = "pending") -> list[dict[str, Any]]:
    answer = sup.get("/v1/desk/proposals", params={"state": state})
    assert answer.status_code == 200, answer.text
    return list(answer.json()["proposals"])


def _decide(sup: Any, proposal_id: str, **body: Any) -> Any:
    return sup.post(f"/v1/desk/proposals/{proposal_id}/decision", json=body)


def test_a_correction_shows_both_versions_and_is_accepted_into_the_ledger(person, h):
    boss, alice = person("boss", role="supervisor"), person("alice")
    row = _ledger(boss, h, name="旧名称排口")
    proposed = alice.push_ok([h.change("outfalls", dict(row, name="新名称排口"))])
    pid = proposed["results"][0]["proposal_id"]
    [shown] = _proposals(boss)
    assert shown["proposal"]["proposal_id"] == pid and shown["kind"] == "correction"
    assert (
        shown["current"]["name"] == "旧名称排口"
        and shown["proposal"]["data"]["name"] == "新名称排口"
    )
    assert {"field": "name", "before": "旧名称排口", "after": "新名称排口"} in shown["changes"]
    assert shown["stale"] is False and shown["candidates"] == []
    answer = _decide(boss, pid, decision="accept")
    assert answer.status_code == 200, answer.text
    assert answer.json()["proposal"]["state"] == "accepted"
    assert answer.json()["proposal"]["decided_by"] == "boss"
    assert _proposals(boss) == []
    [decided] = _proposals(boss, "decided")
    assert decided["proposal"]["decided_at"] is not None
    rows = boss.get("/v1/records", params={"entity": "outfalls"}).json()["records"]
    assert [r["data"]["name"] for r in rows if r["row_id"] == row["id"]] == ["新名称排口"]


def test_rejecting_needs_a_reason_and_keeps_the_ledger(person, h):
    boss, alice = person("boss", role="supervisor"), person("alice")
    row = _ledger(boss, h)
    pid = alice.push_ok([h.change("outfalls", dict(row, note="改"))])["results"][0]["proposal_id"]
    for blank in ("", "   "):
        refused = _decide(boss, pid, decision="reject", reason=blank)
        assert refused.status_code == 422, refused.text
    assert _proposals(boss)[0]["proposal"]["state"] == "pending"  # nothing half-applied
    answer = _decide(boss, pid, decision="reject", reason="位置描述与现场不符")
    assert answer.status_code == 200, answer.text
    assert answer.json()["proposal"]["comment"] == "位置描述与现场不符"
    # the decision reaches the proposer's laptop through the feed, naming the proposal
    pulled = alice.get("/v1/pull", params={"cursor": 0}).json()["items"]
    reviews = [i["data"] for i in pulled if i["entity"] == "reviews"]
    assert [(r["proposal_id"], r["state"], r["comment"], r["reviewer"]) for r in reviews] == [
        (pid, "rejected", "位置描述与现场不符", "boss")
    ]


def test_a_proposed_new_outfall_is_merged_into_a_registered_one_nearby(person, h):
    boss, alice = person("boss", role="supervisor"), person("alice")
    registered = _ledger(boss, h, name="新华村东侧排口")
    far = h.outfall(provisional=False, lat=32.2, lon=121.2)
    boss.push_ok([h.change("outfalls", far)])
    new = h.outfall(provisional=False, name="新华村东侧排口(新)", lat=32.0005, lon=120.9)
    pid = alice.push_ok([h.change("outfalls", new)])["results"][0]["proposal_id"]
    [shown] = _proposals(boss)
    assert shown["kind"] == "new" and shown["current"] is None
    assert [c["id"] for c in shown["candidates"]] == [registered["id"]]  # the far one is not near
    assert 50 < shown["candidates"][0]["distance_m"] < 60
    no_target = _decide(boss, pid, decision="merge")
    assert no_target.status_code == 422
    itself = _decide(boss, pid, decision="merge", into_id=new["id"])
    assert itself.status_code == 404
    answer = _decide(boss, pid, decision="merge", into_id=registered["id"], reason="同一排口")
    assert answer.status_code == 200, answer.text
    assert answer.json()["proposal"]["state"] == "merged"
    ids = {
        r["row_id"]
        for r in boss.get("/v1/records", params={"entity": "outfalls"}).json()["records"]
    }
    assert new["id"] not in ids  # it never entered the ledger
    pulled = alice.get("/v1/pull", params={"cursor": 0}).json()["items"]
    [review] = [i["data"] for i in pulled if i["entity"] == "reviews"]
    assert review["merge_into_id"] == registered["id"] and review["state"] == "merged"


def test_a_correction_cannot_be_merged(person, h):
    boss, alice = person("boss", role="supervisor"), person("alice")
    row, other = _ledger(boss, h), _ledger(boss, h)
    pid = alice.push_ok([h.change("outfalls", dict(row, note="x"))])["results"][0]["proposal_id"]
    refused = _decide(boss, pid, decision="merge", into_id=other["id"])
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "proposal_not_mergeable"
    assert _proposals(boss)[0]["proposal"]["state"] == "pending"


def test_the_second_supervisor_is_told_who_decided_and_when(person, h):
    first = person("first", role="supervisor")
    second = person("second", role="supervisor")
    alice = person("alice")
    row = _ledger(first, h)
    pid = alice.push_ok([h.change("outfalls", dict(row, note="y"))])["results"][0]["proposal_id"]
    assert _decide(first, pid, decision="reject", reason="不需要").status_code == 200
    for body in ({"decision": "accept"}, {"decision": "reject", "reason": "也不需要"}):
        late = _decide(second, pid, **body)
        assert late.status_code == 409
        error = late.json()["error"]
        assert error["code"] == "proposal_decided"
        assert error["detail"]["decided_by"] == "first" and error["detail"]["state"] == "rejected"
        assert error["detail"]["decided_at"].startswith(_proposals(first, "decided")[0]
                                                        ["proposal"]["decided_at"][:16])  # fmt: skip
    # the old route says so too
    old = second.post(f"/v1/proposals/{pid}/decision", json={"decision": "accept"})
    assert old.status_code == 409 and old.json()["error"]["detail"]["decided_by"] == "first"


def test_a_supervisor_decides_only_in_their_area(person, h):
    here = person("here", role="supervisor", counties=(h.TOSHI,))
    there = person("there", role="supervisor", counties=(h.HAIMEN,))
    alice = person("alice")
    row = _ledger(here, h)
    pid = alice.push_ok([h.change("outfalls", dict(row, note="z"))])["results"][0]["proposal_id"]
    assert _proposals(there) == []
    assert _decide(there, pid, decision="accept").status_code == 404
    assert _decide(there, str(uuid.uuid4()), decision="accept").status_code == 404
    assert alice.get("/v1/desk/proposals").status_code == 403
    assert _proposals(here)[0]["proposal"]["state"] == "pending"


@pytest.mark.parametrize("decision", ["accept", "reject"])
def test_a_stale_correction_is_refused_but_can_be_rejected(person, h, decision):
    boss, alice = person("boss", role="supervisor"), person("alice")
    row = _ledger(boss, h)
    pid = alice.push_ok([h.change("outfalls", dict(row, note="a"))])["results"][0]["proposal_id"]
    boss.push_ok([h.change("outfalls", dict(row, note="changed by the office"))])
    assert _proposals(boss)[0]["stale"] is True
    answer = _decide(boss, pid, decision=decision, reason="已过时")
    assert answer.status_code == (409 if decision == "accept" else 200)
