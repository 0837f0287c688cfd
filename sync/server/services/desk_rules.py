"""Review rules that touch storage: which photos of a record are missing, and the ledger
following an approved inspection (the pure part is ``sync.server.ledger_follow``)."""

from __future__ import annotations

import functools
import uuid
from typing import Any

from sync import casework as case_rules
from sync.server.audit import AuditEntry
from sync.server.canonical import iso, server_hlc, utcnow
from sync.server.flags import ReviewRules
from sync.server.ledger_follow import ledger_changes
from sync.server.models import Actor, StoredRecord
from sync.server.queries import audit, feed, photos, records
from sync.server.rules import ENTITIES, photo_refs
from sync.server.services import casework

PHOTO_CHILDREN = {"inspections": "inspection_photos", "patrols": "patrol_photos"}


@functools.cache
def rules() -> ReviewRules:
    """The desk's rules from the data file (read once per process)."""
    return ReviewRules.load()


def photo_hashes(conn: Any, record: StoredRecord) -> set[str]:
    """Every photo a record refers to, itself or through its photo rows."""
    found = set(photo_refs(record.data) or ())
    child = PHOTO_CHILDREN.get(record.entity)
    if child is not None:
        for row in records.children(conn, child, [record.id]):
            found |= photo_refs(row.data) or set()
    return found


def missing_photos(conn: Any, record: StoredRecord) -> set[str]:
    """The record's photos its author has not uploaded (naming a hash is not having it)."""
    wanted = photo_hashes(conn, record)
    return wanted - photos.held(conn, wanted, record.owner or "")


def write_row(
    conn: Any,
    actor: Actor,
    current: StoredRecord | None,
    entity: str,
    row_id: str,
    data: dict[str, Any],
    *,
    county: str,
    status: str | None,
    action: str,
    parent_id: str | None = None,
) -> StoredRecord:
    """Store a server-made row (a new version), put it in the feed when its entity is pulled,
    and append the attributed audit entry."""
    now = utcnow()
    hlc = server_hlc()
    new = StoredRecord(
        entity=entity,
        id=row_id,
        version=1 if current is None else current.version + 1,
        data=data,
        county_code=county,
        owner=current.owner if current is not None else actor.username,
        parent_id=parent_id if current is None else current.parent_id,
        status=status,
        review_state=None if current is None else current.review_state,
        deleted=False,
        hlc=hlc,
        device_id=actor.device_id,
        batch_id=None,
        updated_at=now,
    )
    if current is None:
        records.insert_many(conn, [new])
    else:
        records.update_many(conn, [new])
    rule = ENTITIES.get(entity)
    if rule is not None and rule.in_feed:
        feed.append_many(
            conn, [feed.item(entity, row_id, data, at=now, hlc=hlc, county_code=county)]
        )
    audit.append_many(
        conn,
        [
            AuditEntry(
                at=now,
                username=actor.username,
                device_id=actor.device_id,
                action=action,
                entity=entity,
                row_id=row_id,
                before=None if current is None else current.data,
                after=data,
            )
        ],
    )
    return new


def outfall_event(
    conn: Any, actor: Actor, outfall: StoredRecord, action: str, to_state: str, note: str
) -> None:
    """An ``outfall_events`` history row written by the server (the outfall's evidence trail)."""
    assert outfall.data is not None and outfall.county_code is not None
    event_id = str(uuid.uuid4())
    data = {
        "id": event_id,
        "outfall_id": outfall.id,
        "action": action,
        "from_state": outfall.data.get("lifecycle_state"),
        "to_state": to_state,
        "at": iso(utcnow()),
        "actor": actor.username,
        "note": note,
    }
    write_row(
        conn, actor, None, "outfall_events", event_id, data, county=outfall.county_code,
        status=None, action=f"review.{action}", parent_id=outfall.id,
    )  # fmt: skip


def follow_ledger(conn: Any, actor: Actor, inspection: StoredRecord, review_id: str) -> None:
    """An approved inspection updates its outfall where the rules say so, attributed to the
    reviewer, and stands as lifecycle evidence in the outfall's history."""
    data = inspection.data or {}
    outfall_id = str(data.get("outfall_id") or "")
    outfall = records.get(conn, "outfalls", outfall_id) if outfall_id else None
    if (
        outfall is None
        or outfall.deleted
        or outfall.data is None
        or outfall.county_code != inspection.county_code  # never another county's ledger
    ):
        return
    changes = ledger_changes(data, outfall.data, rules())
    if changes:
        now = iso(utcnow())
        new_data = dict(outfall.data)
        for change in changes:
            new_data[change.field] = change.after
        new_data.update(updated_at=now, updated_by=actor.username)
        assert outfall.county_code is not None
        write_row(
            conn, actor, outfall, "outfalls", outfall.id, new_data, county=outfall.county_code,
            status=outfall.status, action="review.ledger_follow",
        )  # fmt: skip
        outfall = records.get(conn, "outfalls", outfall.id)
        assert outfall is not None
    fields = ", ".join(f"{c.field}: {c.before} → {c.after}" for c in changes) or "no ledger change"
    state = str((outfall.data or {}).get("lifecycle_state") or "")
    photos_note = ", ".join(sorted(photo_hashes(conn, inspection)))[:2000]
    outfall_event(
        conn,
        actor,
        outfall,
        "inspection_approved",
        state,
        f"inspection {inspection.id} v{inspection.version} approved (review {review_id}); "
        f"{fields}; photos: {photos_note or 'none'}",
    )
    _send_back_if_contradicted(conn, actor, inspection, review_id)


def _send_back_if_contradicted(
    conn: Any, actor: Actor, inspection: StoredRecord, review_id: str
) -> None:
    """An approved inspection that contradicts where the outfall stands (a banned outfall still
    flowing, a remediation found not done) sends it back to remediation (casework.json), as a
    step in its history naming the inspection."""
    outfall = records.get(conn, "outfalls", str((inspection.data or {}).get("outfall_id") or ""))
    if outfall is None or outfall.deleted or outfall.data is None or inspection.data is None:
        return
    rules, _machine = casework.rules()
    facts = case_rules.inspection_facts(inspection.data, approved=True)
    state = case_rules.OutfallFacts(
        outfall.county_code or "",
        str(outfall.data.get("lifecycle_state") or ""),
        outfall.data.get("remediation_route"),
    )
    if facts is None or not case_rules.contradicts(rules, state, facts):
        return
    target = rules.contradiction_sends_to
    outfall_event(
        conn,
        actor,
        outfall,
        "reopen_remediation",
        target,
        f"contradicted by inspection {inspection.id} v{inspection.version} "
        f"(review {review_id}): discharging {facts.discharging}, finding {facts.finding}",
    )
    now = iso(utcnow())
    data = {**outfall.data, "lifecycle_state": target, "updated_at": now,
            "updated_by": actor.username}  # fmt: skip
    assert outfall.county_code is not None
    write_row(
        conn, actor, outfall, "outfalls", outfall.id, data, county=outfall.county_code,
        status=outfall.status, action="review.contradicted",
    )  # fmt: skip
