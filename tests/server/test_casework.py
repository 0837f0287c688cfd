"""Lifecycle steps pushed over HTTP are judged by their authority and evidence (casework.json):
a refused step leaves neither its event nor its state change behind."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sync.protocol import CITY_CODE
from sync.server import db
from sync.server.models import Actor
from sync.server.queries import proposals, records
from sync.server.services import review as review_service


def _seed(engine: Any, data: dict[str, Any]) -> None:
    """An outfall already past the guarded steps, as the bureau's ledger import brings it (a
    push may not: a new row arrives only in an open state)."""
    loader = Actor("ledger-loader", "admin", frozenset({CITY_CODE}), "")
    with db.write(engine) as conn:
        review_service.publish(conn, loader, "outfalls", data, data["county_code"])


def _step(outfall: dict[str, Any], action: str, to: str, actor: str) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "outfall_id": outfall["id"],
        "action": action,
        "from_state": outfall["lifecycle_state"],
        "to_state": to,
        "at": datetime.now(UTC).isoformat(),
        "actor": actor,
        "note": "",
    }


def _take(who: Any, h: Any, outfall: dict[str, Any], action: str, to: str) -> list[Any]:
    moved = dict(outfall, lifecycle_state=to)
    event = _step(outfall, action, to, who.name)
    answer = who.push_ok([h.change("outfalls", moved), h.change("outfall_events", event)])
    return [(r["result"], r["reason"]) for r in answer["results"]]


def _state(engine: Any, outfall_id: str) -> tuple[str, int]:
    with engine.connect() as conn:
        stored = records.get(conn, "outfalls", outfall_id)
        events = records.children(conn, "outfall_events", [outfall_id])
    assert stored is not None and stored.data is not None
    return stored.data["lifecycle_state"], len(events)


def test_pre_closing_and_closing_need_their_level_and_evidence(person, h, engine):
    county = person("county", role="supervisor", counties=(h.TOSHI,))
    city = person("city", role="supervisor", counties=(CITY_CODE,))
    inspector = person("insp", counties=(h.TOSHI,))
    found = h.outfall(lifecycle_state="accepted", remediation_route="standardise")
    _seed(engine, found)

    refused = [("rejected", "step_no_acceptance")] * 2
    assert _take(county, h, found, "pre_close", "pre_closed") == refused
    assert _state(engine, found["id"]) == ("accepted", 0)
    # The state moved without a step (a device bypassed): refused as unexplained.
    alone = county.push_ok([h.change("outfalls", dict(found, lifecycle_state="closed"))])
    assert alone["results"][0]["reason"] == "step_unexplained"
    # An inspector may not take the county's step at all.
    assert _take(inspector, h, found, "pre_close", "pre_closed")[1] == ("rejected", "step_role")

    check = h.inspection(
        "insp", status="complete", outfall_id=found["id"], kind="acceptance",
        completed_at=datetime.now(UTC).isoformat(), discharging="no",
    acceptance_check=h.passing_checklist(),
    )  # fmt: skip
    inspector.push_ok([h.change("inspections", check)])
    review = county.post(
        f"/v1/records/inspections/{check['id']}/review", json={"state": "approved"}
    )
    assert review.status_code == 200, review.text

    assert _take(city, h, found, "pre_close", "pre_closed") == [("rejected", "step_level")] * 2
    assert _take(county, h, found, "pre_close", "pre_closed") == [
        ("applied", None),
        ("applied", None),
    ]
    pre_closed = dict(found, lifecycle_state="pre_closed")
    assert _take(county, h, pre_closed, "close", "closed") == [("rejected", "step_level")] * 2
    assert _state(engine, found["id"])[0] == "pre_closed"
    assert _take(city, h, pre_closed, "close", "closed") == [("applied", None), ("applied", None)]
    assert _state(engine, found["id"])[0] == "closed"


def test_an_exceedance_blocks_acceptance_until_a_passing_retest(person, h, engine):
    county = person("county", role="supervisor", counties=(h.TOSHI,))
    inspector = person("insp", counties=(h.TOSHI,))
    found = h.outfall(lifecycle_state="remediating", remediation_route="standardise")
    _seed(engine, found)

    def acceptance(value: float) -> None:
        row = h.inspection(
            "insp", status="complete", outfall_id=found["id"], kind="acceptance",
            completed_at=datetime.now(UTC).isoformat(),
            acceptance_check=h.passing_checklist(),
            retests=[{"method": "lab", "code": "cod", "value": value, "unit": "mg/L", "limit": 50}],
        )  # fmt: skip
        inspector.push_ok([h.change("inspections", row)])
        county.post(f"/v1/records/inspections/{row['id']}/review", json={"state": "approved"})

    acceptance(80)
    assert _take(county, h, found, "accept", "accepted") == [("rejected", "step_exceedance")] * 2
    acceptance(20)
    assert _take(county, h, found, "accept", "accepted") == [("applied", None)] * 2


def test_an_acceptance_failing_its_checklist_is_refused_even_from_a_bypassed_device(
    person, h, engine
):
    """验收清单: a banned outfall's acceptance whose outlet was found not sealed (answered by a
    device that skipped its own form's check) is no acceptance; a later passing one is."""
    county = person("county", role="supervisor", counties=(h.TOSHI,))
    inspector = person("insp", counties=(h.TOSHI,))
    found = h.outfall(lifecycle_state="remediating", remediation_route="ban")
    _seed(engine, found)

    def acceptance(**answers: str) -> None:
        row = h.inspection(
            "insp", status="complete", outfall_id=found["id"], kind="acceptance",
            completed_at=datetime.now(UTC).isoformat(), discharging="dry_blocked",
            acceptance_check={**h.passing_checklist(), **answers},
        )  # fmt: skip
        inspector.push_ok([h.change("inspections", row)])
        county.post(f"/v1/records/inspections/{row['id']}/review", json={"state": "approved"})

    acceptance(outlet_sealed="no")
    assert (
        _take(county, h, found, "accept", "accepted") == [("rejected", "step_checklist_failed")] * 2
    )
    assert _state(engine, found["id"])[0] == "remediating"  # nothing half-applied
    acceptance()
    assert _take(county, h, found, "accept", "accepted") == [("applied", None)] * 2


def test_an_approved_inspection_finding_it_still_flowing_sends_the_outfall_back(person, h, engine):
    person("city", role="supervisor", counties=(CITY_CODE,))
    county = person("county", role="supervisor", counties=(h.TOSHI,))
    inspector = person("insp", counties=(h.TOSHI,))
    found = h.outfall(lifecycle_state="closed", remediation_route="ban")
    _seed(engine, found)
    row = h.inspection(
        "insp", status="complete", outfall_id=found["id"], kind="routine",
        completed_at=datetime.now(UTC).isoformat(), discharging="yes",
        remediation={"finding": "still_flowing", "note": "仍在排放"},
    )  # fmt: skip
    inspector.push_ok([h.change("inspections", row)])
    assert _state(engine, found["id"])[0] == "closed"  # not before the desk approves it
    review = county.post(f"/v1/records/inspections/{row['id']}/review", json={"state": "approved"})
    assert review.status_code == 200, review.text
    assert _state(engine, found["id"])[0] == "remediating"
    with engine.connect() as conn:
        events = [e.data for e in records.children(conn, "outfall_events", [found["id"]])]
    sent_back = [e for e in events if e and e["action"] == "reopen_remediation"]
    assert len(sent_back) == 1 and row["id"] in sent_back[0]["note"]
    assert (sent_back[0]["from_state"], sent_back[0]["to_state"]) == ("closed", "remediating")


def test_the_desk_accepts_a_proposed_state_change_only_with_its_step(person, h, engine):
    county = person("county", role="supervisor", counties=(h.TOSHI,))
    inspector = person("insp", counties=(h.TOSHI,))
    found = h.outfall(lifecycle_state="surveyed")
    county.push_ok([h.change("outfalls", found)])
    # An inspector's step: the event is history at once, the ledger change a proposal.
    assert _take(inspector, h, found, "monitor", "monitored") == [
        ("proposed", None),
        ("applied", None),
    ]
    # A proposal stored without its step (from before steps were judged) cannot be accepted.
    stray = dict(found, lifecycle_state="closed")
    with engine.begin() as conn:
        stored = records.get(conn, "outfalls", found["id"])
        assert stored is not None
        proposals.insert_many(
            conn,
            [
                {
                    "id": str(uuid.uuid4()), "entity": "outfalls", "row_id": found["id"],
                    "op": "upsert", "data": stray, "base_version": stored.version,
                    "proposed_by": "insp", "device_id": "old-device", "batch_id": "old-batch",
                    "change_id": str(uuid.uuid4()), "county_code": h.TOSHI,
                    "state": "pending", "created_at": datetime.now(UTC),
                }
            ],
        )  # fmt: skip
    pending = {
        p["data"]["lifecycle_state"]: p["proposal_id"]
        for p in county.get("/v1/proposals").json()["proposals"]
    }
    refused = county.post(
        f"/v1/proposals/{pending['closed']}/decision", json={"decision": "accept"}
    )
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "proposal_step_unexplained"
    assert _state(engine, found["id"])[0] == "surveyed"
    accepted = county.post(
        f"/v1/proposals/{pending['monitored']}/decision", json={"decision": "accept"}
    )
    assert accepted.status_code == 200, accepted.text
    assert _state(engine, found["id"])[0] == "monitored"
