"""One outfall of each route (取缔, 合并, 规范整治) walked from 已排查 to the end of the lifecycle
over HTTP by an inspector, a county supervisor and a city supervisor; at every step each role
that may not take it is refused, and a refused step leaves the outfall exactly where it was.

(The walk with two laptop profiles and the real sync engine is not built yet; this is the
server's half, raw pushes as a bypassed device would send them.)"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest

from sync import casework
from sync.protocol import CITY_CODE
from sync.server.queries import records
from sync.server.services.casework import rules

RULES = rules()[0]
WHO = {
    "inspector": casework.Who("inspector", frozenset({"320612"})),
    "county": casework.Who("supervisor", frozenset({"320612"})),
    "city": casework.Who("supervisor", frozenset({CITY_CODE})),
}
# action, target state, who may take it (the others are refused at that step)
WALK = [
    ("monitor", "monitored", "inspector"),
    ("trace", "traced", "inspector"),
    ("start_remediation", "remediating", "county"),
    ("accept", "accepted", "county"),
    ("pre_close", "pre_closed", "county"),
    ("close", "closed", "city"),
]
END = {"ban": ("retire", "retired"), "merge": ("retire", "retired"),
       "standardise": ("to_routine", "routine")}  # fmt: skip


def _stored(engine: Any, outfall_id: str) -> tuple[dict[str, Any], int]:
    with engine.connect() as conn:
        row = records.get(conn, "outfalls", outfall_id)
        events = records.children(conn, "outfall_events", [outfall_id])
    assert row is not None and row.data is not None
    return row.data, len(events)


def _push_step(who: Any, h: Any, current: dict[str, Any], action: str, to: str) -> list[Any]:
    event = {
        "id": str(uuid.uuid4()), "outfall_id": current["id"], "action": action,
        "from_state": current["lifecycle_state"], "to_state": to,
        "at": datetime.now(UTC).isoformat(), "actor": who.name, "note": "",
    }  # fmt: skip
    moved = dict(current, lifecycle_state=to)
    answer = who.push_ok([h.change("outfalls", moved), h.change("outfall_events", event)])
    return [(r["result"], r["reason"]) for r in answer["results"]]


@pytest.mark.parametrize("route", ["ban", "merge", "standardise"])
def test_each_route_walks_to_its_end_and_every_forbidden_step_is_refused(
    route: str, person, h, engine
) -> None:
    people = {
        "inspector": person("insp", counties=(h.TOSHI,)),
        "county": person("county", role="supervisor", counties=(h.TOSHI,)),
        "city": person("city", role="supervisor", counties=(CITY_CODE,)),
    }
    found = h.outfall(lifecycle_state="surveyed", remediation_route=route,
                      responsible_party="某公司")  # fmt: skip
    assert people["county"].push_ok([h.change("outfalls", found)])["results"][0]["reason"] is None
    current = found
    end_action, end_state = END[route]
    for action, to, taker in [*WALK, (end_action, end_state, "city")]:
        if action == "accept":
            # 验收: the inspector records it sealed and dry, with a photo; the county approves.
            check = h.inspection(
                "insp", status="complete", outfall_id=found["id"], kind="acceptance",
                completed_at=datetime.now(UTC).isoformat(), discharging="dry_blocked",
                remediation={"finding": "done", "note": ""},
                acceptance_check=h.passing_checklist(),
            )  # fmt: skip
            photo = {"id": str(uuid.uuid4()), "inspection_id": check["id"], "sha256": "c" * 64}
            people["inspector"].push_ok(
                [h.change("inspections", check), h.change("inspection_photos", photo)]
            )
            review = people["county"].post(
                f"/v1/records/inspections/{check['id']}/review",
                json={"state": "approved", "override_reason": "照片稍后上传"},
            )
            assert review.status_code == 200, review.text
        for name, who in people.items():
            if not casework.allowed_by_authority(RULES, action, WHO[name], h.TOSHI):
                continue  # this one may take it (the walk has the taker take it)
            before = _stored(engine, found["id"])
            answer = _push_step(who, h, current, action, to)
            assert all(result == "rejected" for result, _ in answer), (action, name, answer)
            assert _stored(engine, found["id"]) == before, f"{name} half-applied {action}"
        answer = _push_step(people[taker], h, current, action, to)
        expected = "proposed" if taker == "inspector" else "applied"
        assert answer == [(expected, None), ("applied", None)], (action, answer)
        current = dict(current, lifecycle_state=to)
        if taker == "inspector":
            # The desk accepts the inspector's ledger change; its step is already history.
            pending = people["county"].get("/v1/proposals").json()["proposals"]
            (proposal,) = [p for p in pending if p["state"] == "pending"]
            decided = people["county"].post(
                f"/v1/proposals/{proposal['proposal_id']}/decision", json={"decision": "accept"}
            )
            assert decided.status_code == 200, decided.text
        data, _events = _stored(engine, found["id"])
        assert data["lifecycle_state"] == to
    # The same step again (a replay by another batch) moves nothing: it is not a step from here.
    assert _push_step(people["city"], h, current, end_action, end_state)[1][0] == "rejected"


@pytest.mark.parametrize("state", ["remediating", "accepted", "pre_closed", "closed", "retired"])
def test_a_new_ledger_row_cannot_arrive_past_the_guarded_steps(
    state: str, person, h, engine
) -> None:
    """A supervisor (even the city's) pushing a brand-new outfall already closed would skip
    acceptance and both 销号 steps: refused, nothing stored; the open states still arrive."""
    for who in (person("county", role="supervisor", counties=(h.TOSHI,)),
                person("city", role="supervisor", counties=(CITY_CODE,))):  # fmt: skip
        skipping = h.outfall(lifecycle_state=state, remediation_route="ban")
        (result,) = who.push_ok([h.change("outfalls", skipping)])["results"]
        assert (result["result"], result["reason"]) == ("rejected", "step_unexplained")
        with engine.connect() as conn:
            assert records.get(conn, "outfalls", skipping["id"]) is None
        found = h.outfall(lifecycle_state="traced", remediation_route="ban")
        assert who.push_ok([h.change("outfalls", found)])["results"][0]["reason"] is None
