"""Remediation plans (一口一策) on the server: only a supervisor of the outfall's area writes one;
saves are checked against the version seen; notes keep who wrote them and when; the plan reaches
the devices of its county through the pull, and no other county's."""

from __future__ import annotations

import uuid
from typing import Any


def _plan(version: int = 0, **fields: Any) -> dict[str, Any]:
    return {
        "version": version,
        "route": "standardise",
        "measures": "雨污分流改造",
        "responsible_party": "海安某印染厂",
        "department": "县生态环境局",
        "deadline": "2027-06-30",
        "funding_wan": 120.5,
        "funding_source": "企业自筹",
        "milestones": [
            {
                "id": str(uuid.uuid4()),
                "title": "完成设计",
                "due": "2020-01-31",
                "notes": [
                    {"id": str(uuid.uuid4()), "text": "已委托设计院", "evidence": ["a" * 64]}
                ],
            }
        ],
        **fields,
    }


def _ledger(boss: Any, h: Any, county: str | None = None) -> dict[str, Any]:
    row = h.outfall(county=county or h.TOSHI, provisional=False)
    boss.push_ok([h.change("outfalls", row)])
    return row


def test_a_county_supervisor_writes_a_plan_and_its_county_pulls_it(person, h):
    boss = person("boss", role="supervisor")
    alice = person("alice")
    carol = person("carol", counties=(h.HAIMEN,))
    outfall = _ledger(boss, h)
    made = boss.put(f"/v1/plans/{outfall['id']}", json=_plan())
    assert made.status_code == 200, made.text
    view = made.json()
    assert view["version"] == 1 and view["county_code"] == h.TOSHI
    assert view["created_by"] == "boss" and view["overdue"] is True  # the milestone is long past
    [milestone] = view["milestones"]
    assert milestone["overdue"] is True and milestone["notes"][0]["by"] == "boss"
    assert boss.get(f"/v1/plans/{outfall['id']}").json()["id"] == view["id"]
    listed = boss.get("/v1/plans", params={"overdue": "true"}).json()
    assert listed["total"] == 1 and listed["plans"][0]["id"] == view["id"]
    assert listed["plans"][0]["outfall_name"] == outfall["name"]
    pulled = [i for i in alice.get("/v1/pull").json()["items"] if i["entity"] == "plans"]
    assert [i["data"]["measures"] for i in pulled] == ["雨污分流改造"]
    assert [i for i in carol.get("/v1/pull").json()["items"] if i["entity"] == "plans"] == []


def test_wrong_role_wrong_area_and_a_stale_version_are_refused_and_nothing_changes(person, h):
    boss = person("boss", role="supervisor")
    alice = person("alice")
    other = person("other", role="supervisor", counties=(h.HAIMEN,))
    city = person("city", role="supervisor", counties=(h.CITY,))
    outfall = _ledger(boss, h)
    url = f"/v1/plans/{outfall['id']}"
    inspector = alice.put(url, json=_plan())
    assert inspector.status_code == 403
    assert inspector.json()["error"]["code"] == "role_forbidden"
    assert other.put(url, json=_plan()).status_code == 404
    assert other.get(url).status_code == 404
    assert boss.get(url).status_code == 404  # none was made
    bad = boss.put(url, json=_plan(route="paint"))
    assert bad.status_code == 422
    first = boss.put(url, json=_plan()).json()
    # the city supervisor edits it; the county one, still at version 1, is told it changed
    done = _plan(1)
    done["milestones"][0]["id"] = first["milestones"][0]["id"]
    done["milestones"][0].update(done=True, done_on="2026-11-30")
    second = city.put(url, json=done)
    assert second.status_code == 200 and second.json()["version"] == 2
    stale = boss.put(url, json=_plan(1))
    assert stale.status_code == 409
    assert stale.json()["error"]["code"] == "record_changed"
    assert stale.json()["error"]["detail"] == {"version": 2}
    kept = boss.get(url).json()
    assert kept["updated_by"] == "city" and kept["created_by"] == "boss"
    assert kept["milestones"][0]["done"] is True and kept["overdue"] is False
    assert other.get("/v1/plans").json()["total"] == 0
    assert city.get("/v1/plans", params={"county_code": h.TOSHI}).json()["total"] == 1


def test_stored_notes_keep_their_author_a_later_save_adds_its_own(person, h):
    boss = person("boss", role="supervisor")
    city = person("city", role="supervisor", counties=(h.CITY,))
    outfall = _ledger(boss, h)
    url = f"/v1/plans/{outfall['id']}"
    first = boss.put(url, json=_plan()).json()
    milestone = first["milestones"][0]
    again = _plan(1)
    again["milestones"][0]["id"] = milestone["id"]
    again["milestones"][0]["notes"] = [
        {"id": milestone["notes"][0]["id"], "text": "改写旧记录"},
        {"id": str(uuid.uuid4()), "text": "已开工"},
    ]
    notes = city.put(url, json=again).json()["milestones"][0]["notes"]
    assert [(n["text"], n["by"]) for n in notes] == [("已委托设计院", "boss"), ("已开工", "city")]


def test_a_plan_pushed_by_a_device_is_refused_read_only_even_from_a_supervisor(person, h):
    boss = person("boss", role="supervisor")
    alice = person("alice")
    outfall = _ledger(boss, h)
    row = {**_plan(), "id": str(uuid.uuid4()), "outfall_id": outfall["id"], "county_code": h.TOSHI}
    for who in (boss, alice):
        [result] = who.push_ok([h.change("plans", row)])["results"]
        assert (result["result"], result["reason"]) == ("rejected", "entity_read_only")
    assert boss.get(f"/v1/plans/{outfall['id']}").status_code == 404
    assert [i for i in alice.get("/v1/pull").json()["items"] if i["entity"] == "plans"] == []


def test_a_milestone_with_progress_notes_cannot_be_dropped(person, h):
    boss = person("boss", role="supervisor")
    outfall = _ledger(boss, h)
    url = f"/v1/plans/{outfall['id']}"
    made = boss.put(url, json=_plan()).json()
    dropped = boss.put(url, json=_plan(1, milestones=[]))
    assert dropped.status_code == 422
    assert dropped.json()["error"]["detail"] == {"milestones": ["完成设计"]}
    assert boss.get(url).json()["version"] == 1  # nothing changed
    # one without notes may go
    bare = _plan(1)
    bare["milestones"][0]["id"] = made["milestones"][0]["id"]
    extra = {"id": str(uuid.uuid4()), "title": "验收", "due": "2027-05-01"}
    bare["milestones"].append(extra)
    assert boss.put(url, json=bare).status_code == 200
    bare["milestones"].pop()
    bare["version"] = 2
    assert boss.put(url, json=bare).status_code == 200


def test_who_ticked_a_milestone_and_completed_the_plan_is_kept(person, h):
    """The case history says who marked a milestone done and who completed the plan: the one who
    saved it so first, kept through later saves by others, whatever they send."""
    boss = person("boss", role="supervisor")
    deputy = person("deputy", role="supervisor")
    outfall = _ledger(boss, h)
    url = f"/v1/plans/{outfall['id']}"
    first = boss.put(url, json=_plan()).json()
    milestone = {k: first["milestones"][0][k] for k in ("id", "title", "due")}
    done = {**milestone, "done": True, "done_on": "2026-11-30", "done_by": "forged"}
    refused = deputy.put(url, json=_plan(1, milestones=[done]))
    assert refused.status_code == 422  # who did it is the server's to say, not the sender's
    ticked = deputy.put(url, json=_plan(1, milestones=[{k: v for k, v in done.items()
                                                       if k != "done_by"}]))  # fmt: skip
    assert ticked.status_code == 200, ticked.text
    assert ticked.json()["milestones"][0]["done_by"] == "deputy"
    again = {k: v for k, v in done.items() if k != "done_by"}
    closed = boss.put(url, json=_plan(2, milestones=[again], completed_on="2026-12-01"))
    assert closed.status_code == 200, closed.text
    view = closed.json()
    assert view["milestones"][0]["done_by"] == "deputy" and view["completed_by"] == "boss"
    history = boss.get(f"/v1/desk/outfalls/{outfall['id']}/history").json()
    whos = {(e["state"], e["who"]) for e in history["entries"] if e["kind"] == "plan"}
    assert ("milestone_done", "deputy") in whos and ("plan_completed", "boss") in whos
