"""The pure rules: ownership, areas, locks, conflicts and photo references, without a database."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from sync.protocol import Reason, ResultKind
from sync.server.models import Actor, StoredRecord
from sync.server.rules import IncomingChange, decide, is_provisional, photo_refs

ALICE = Actor("alice", "inspector", frozenset({"320612"}), "dev-a")
BOSS = Actor("boss", "supervisor", frozenset({"320600"}), "dev-b")
ROW = "00000000-0000-4000-8000-000000000001"


def stored(entity: str = "inspections", **kw: Any) -> StoredRecord:
    values: dict[str, Any] = {
        "entity": entity,
        "id": ROW,
        "version": 1,
        "data": {"id": ROW},
        "county_code": "320612",
        "owner": "alice",
        "parent_id": None,
        "status": "draft",
        "review_state": None,
        "deleted": False,
        "hlc": "1800000000000:00000:dev-a",
        "device_id": "dev-a",
        "batch_id": None,
        "updated_at": datetime.now(UTC),
    }
    values.update(kw)
    return StoredRecord(**values)


def upsert(
    entity: str = "inspections", hlc: str = "1800000000001:00000:x", **data: Any
) -> IncomingChange:
    row = {"id": ROW, "author": "alice", "county_code": "320612", **data}
    return IncomingChange(entity, ROW, "upsert", row, hlc)


@pytest.mark.parametrize(
    ("existing", "reason"),
    [
        (None, None),
        (stored(), None),
        (stored(status="complete"), Reason.RECORD_SUBMITTED),
        (stored(status="complete", review_state="returned"), None),
        (stored(status="complete", review_state="approved"), Reason.RECORD_LOCKED),
        (stored(review_state="escalated"), Reason.RECORD_LOCKED),
        (stored(owner="bob"), Reason.NOT_OWNER),
        (stored(county_code="320614"), Reason.AREA_FORBIDDEN),
    ],
)
def test_inspection_ownership_and_locks(
    existing: StoredRecord | None, reason: Reason | None
) -> None:
    decision = decide(upsert(), existing, None, ALICE)
    assert decision.reason == reason
    assert decision.result == (ResultKind.APPLIED if reason is None else ResultKind.REJECTED)


def test_conflict_needs_another_device_and_a_later_clock() -> None:
    later = stored(device_id="dev-z", hlc="1900000000000:00000:z")
    assert decide(upsert(), later, None, ALICE).result is ResultKind.CONFLICT
    own = stored(device_id="dev-a", hlc="1900000000000:00000:z")
    assert decide(upsert(), own, None, ALICE).result is ResultKind.APPLIED
    earlier = stored(device_id="dev-z", hlc="1000000000000:00000:z")
    assert decide(upsert(), earlier, None, ALICE).result is ResultKind.APPLIED


def test_ledger_rules() -> None:
    found = upsert("outfalls", provisional_code="TMP-1", national_code=None, local_code="")
    assert decide(found, None, None, ALICE).result is ResultKind.APPLIED
    coded = upsert("outfalls", provisional_code="TMP-1", national_code="320612N000001")
    assert decide(coded, None, None, ALICE).result is ResultKind.PROPOSED
    existing = stored("outfalls", owner="alice")
    assert decide(found, existing, None, ALICE).result is ResultKind.PROPOSED
    assert decide(coded, existing, None, BOSS).result is ResultKind.APPLIED
    assert is_provisional({"provisional_code": "T"}) and not is_provisional({"local_code": "L"})


def test_children_follow_their_parent() -> None:
    change = IncomingChange(
        "inspection_photos", ROW, "upsert", {"id": ROW, "inspection_id": "p1"}, "2"
    )
    parent = stored(id="p1")
    assert decide(change, None, parent, ALICE).county_code == "320612"
    assert decide(change, None, None, ALICE).reason is Reason.PARENT_UNKNOWN
    assert decide(change, None, stored(id="p1", owner="bob"), ALICE).reason is Reason.NOT_OWNER
    locked = stored(id="p1", review_state="approved")
    assert decide(change, None, locked, ALICE).reason is Reason.RECORD_LOCKED
    hidden = stored(id="p1", county_code="320614")
    assert decide(change, None, hidden, ALICE).reason is Reason.PARENT_UNKNOWN


def test_rejections_before_any_lookup() -> None:
    assert decide(upsert("nope"), None, None, ALICE).reason is Reason.ENTITY_UNKNOWN
    assert decide(upsert("tasks"), None, None, BOSS).reason is Reason.ENTITY_READ_ONLY
    assert decide(upsert("patrols"), None, None, ALICE).reason is Reason.ROLE_FORBIDDEN
    wrong_id = IncomingChange("inspections", ROW, "upsert", {"id": "other"}, "1")
    assert decide(wrong_id, None, None, ALICE).reason is Reason.ROW_ID_MISMATCH
    gone = IncomingChange("inspections", ROW, "delete", None, "1")
    assert decide(gone, None, None, ALICE).reason is Reason.NOT_FOUND


def test_photo_references() -> None:
    a, b = "a" * 64, "b" * 64
    row = {"sha256": a, "photo_sha256s": [b], "photos": [{"sha256": a, "caption": "x"}]}
    assert photo_refs(row) == {a, b}
    assert photo_refs({"items": [{"nested": {"sha256": b}}]}) == {b}
    for bad in ({"sha256": "../../etc"}, {"photo_sha256s": ["A" * 64]}, {"photos": ["x"]}):
        assert photo_refs(bad) is None
    assert photo_refs({"sha256": None, "photos": []}) == set()
