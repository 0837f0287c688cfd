"""Patrols on the desk (issue 14, item 5): a batch holding only patrols reaches the desk; each
patrol shows its track, duration, distance and problems (category, handling, escalation); an
escalated problem not handled within one working day is flagged; a supervisor records how it was
handled, once. SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any


def _patrol(chief: str, h: Any, escalated_at: str, county: str | None = None) -> list[dict]:
    county = county or h.TOSHI
    patrol = {"id": str(uuid.uuid4()), "author": chief, "county_code": county,
              "status": "complete", "river": "通吕运河", "chief_level": "town",
              "started_at": "2026-12-01T01:00:00Z", "ended_at": "2026-12-01T01:40:00Z",
              "duration_s": 2400.0, "distance_m": 2650.5, "meets_rules": 1}  # fmt: skip
    track = {"id": str(uuid.uuid4()), "patrol_id": patrol["id"], "part": 0,
             "points": [["2026-12-01T01:00:00Z", 32.0, 120.9, 4.0, 0],
                        ["2026-12-01T01:20:00Z", 32.01, 120.91, 5.0, 0]]}  # fmt: skip
    problem = {"id": str(uuid.uuid4()), "patrol_id": patrol["id"], "county_code": county,
               "at": escalated_at, "lat": 32.005, "lon": 120.905, "note": "岸边堆放垃圾",
               "category": "water_bank", "handling": "已通知保洁员", "escalated": 1,
               "escalated_at": escalated_at}  # fmt: skip
    quiet = {"id": str(uuid.uuid4()), "patrol_id": patrol["id"], "county_code": county,
             "at": escalated_at, "note": "公示牌褪色", "category": "notice_board",
             "handling": "", "escalated": 0}  # fmt: skip
    return [
        h.change("patrols", patrol), h.change("patrol_tracks", track),
        h.change("patrol_problems", problem), h.change("patrol_problems", quiet),
    ]  # fmt: skip


def test_a_batch_of_patrols_only_reaches_the_desk_with_track_and_problems(person, h):
    boss, chief = person("boss", role="supervisor"), person("chief", role="river_chief")
    changes = _patrol("chief", h, "2026-12-01T02:00:00Z")  # a Tuesday: overdue long ago
    batch = chief.push_ok(changes)["batch_id"]
    [listed] = boss.get("/v1/desk/batches").json()["batches"]
    assert listed["batch"]["batch_id"] == batch
    assert listed["records"] == 0 and listed["patrols"] == 1 and listed["overdue"] == 1
    [patrol] = boss.get("/v1/desk/patrols", params={"batch_id": batch}).json()["patrols"]
    assert patrol["duration_s"] == 2400.0 and patrol["distance_m"] == 2650.5
    assert patrol["river"] == "通吕运河" and patrol["author"] == "chief"
    assert patrol["track"] == [[[32.0, 120.9], [32.01, 120.91]]]
    by_category = {p["category"]: p for p in patrol["problems"]}
    escalated, quiet = by_category["water_bank"], by_category["notice_board"]
    assert escalated["category"] == "water_bank" and escalated["handling"] == "已通知保洁员"
    assert escalated["escalated"] and escalated["overdue"]
    due = datetime.fromisoformat(escalated["due_at"].replace("Z", "+00:00"))
    assert due == datetime(2026, 12, 2, 2, tzinfo=UTC)  # the next working day, same time
    assert not quiet["escalated"] and not quiet["overdue"] and quiet["due_at"] is None
    assert patrol["overdue"] == 1
    assert boss.get("/v1/desk/patrols").json()["patrols"][0]["record"]["row_id"] == patrol[
        "record"]["row_id"]  # fmt: skip


def test_a_fresh_escalation_is_not_flagged_and_handling_it_reaches_the_chief(person, h):
    boss, chief = person("boss", role="supervisor"), person("chief", role="river_chief")
    just_now = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    changes = _patrol("chief", h, just_now)
    chief.push_ok(changes)
    [patrol] = boss.get("/v1/desk/patrols").json()["patrols"]
    problem = next(p for p in patrol["problems"] if p["escalated"])
    assert problem["escalated"] and not problem["overdue"]
    version = boss.get(f"/v1/records/patrol_problems/{problem['id']}").json()["version"]
    blank = boss.post(f"/v1/desk/patrol_problems/{problem['id']}/handled",
                      json={"note": "", "version": version})  # fmt: skip
    assert blank.status_code == 422
    handled = boss.post(f"/v1/desk/patrol_problems/{problem['id']}/handled",
                        json={"note": "城管已清理", "version": version})  # fmt: skip
    assert handled.status_code == 200, handled.text
    assert handled.json()["handled_by"] == "boss" and not handled.json()["overdue"]
    again = boss.post(f"/v1/desk/patrol_problems/{problem['id']}/handled",
                      json={"note": "再次", "version": version + 1})  # fmt: skip
    assert again.status_code == 409 and again.json()["error"]["detail"]["handled_by"] == "boss"
    quiet = next(p for p in patrol["problems"] if not p["escalated"])
    refused = boss.post(f"/v1/desk/patrol_problems/{quiet['id']}/handled",
                        json={"note": "x", "version": 1})  # fmt: skip
    assert refused.json()["error"]["code"] == "problem_not_escalated"
    pulled = chief.get("/v1/pull", params={"cursor": 0}).json()["items"]
    [review] = [i["data"] for i in pulled if i["entity"] == "reviews"]
    assert (review["record_id"], review["state"], review["comment"], review["reviewer"]) == (
        problem["id"], "handled", "城管已清理", "boss")  # fmt: skip


def test_patrols_of_another_county_stay_there(person, h):
    there = person("there", role="supervisor", counties=(h.HAIMEN,))
    chief = person("chief", role="river_chief")
    batch = chief.push_ok(_patrol("chief", h, "2026-12-01T02:00:00Z"))["batch_id"]
    assert there.get("/v1/desk/patrols").json()["patrols"] == []
    assert there.get("/v1/desk/patrols", params={"batch_id": batch}).status_code == 404
    assert there.get("/v1/desk/batches").json()["batches"] == []
    assert chief.get("/v1/desk/patrols").status_code == 403


def test_a_draft_patrol_is_not_on_the_desk(person, h):
    boss, chief = person("boss", role="supervisor"), person("chief", role="river_chief")
    changes = _patrol("chief", h, (datetime.now(UTC) - timedelta(days=9)).isoformat())
    changes[0]["data"]["status"] = "draft"
    chief.push_ok(changes)
    assert boss.get("/v1/desk/patrols").json()["patrols"] == []
    assert boss.get("/v1/desk/batches").json()["batches"] == []
