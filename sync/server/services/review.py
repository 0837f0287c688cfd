"""Supervisors' decisions: review a record, accept or reject a ledger proposal, assign a task.

Each decision is itself a row of entity ``reviews`` (or ``tasks``) published in the pull feed of
the record's county, and an entry of the audit log.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sync.protocol import (
    CITY_CODE,
    DecisionRequest,
    ErrorCode,
    ProposalView,
    ReviewRequest,
    ReviewState,
)
from sync.server import db
from sync.server.audit import AuditEntry
from sync.server.canonical import iso, server_hlc, utcnow
from sync.server.context import ServerContext
from sync.server.errors import ApiError, not_found
from sync.server.models import Actor, StoredRecord
from sync.server.queries import audit, feed, photos, proposals, records, users
from sync.server.rules import REVIEWABLE, photo_refs
from sync.server.services import desk_rules


def publish(conn: Any, actor: Actor, entity: str, data: dict[str, Any], county: str) -> None:
    """Store a server-made row (a review decision, a task), put it in the feed and the audit log."""
    row_id = str(data["id"])
    current = records.get(conn, entity, row_id)
    desk_rules.write_row(
        conn,
        actor,
        current,
        entity,
        row_id,
        data,
        county=county,
        status=None,
        action=f"server.{entity}",
    )


# How long a decision addressed to an author outside the record's county waits for their pull.
AUTHOR_REACH = dt.timedelta(days=365)


def _address_author_outside(
    conn: Any, record: StoredRecord, review_id: str, data: dict[str, Any], now: dt.datetime
) -> None:
    """An author whose area does not hold the record's county (an inspector drawn for another
    county's outfall, 双随机) never pulls that county's feed: the decision is addressed to them too,
    or their laptop would never learn it was returned."""
    author = users.by_username(conn, record.owner) if record.owner else None
    if author is None or CITY_CODE in author.counties or record.county_code in author.counties:
        return
    stored = records.get(conn, "reviews", review_id)
    assert stored is not None
    addressed = feed.item(
        "reviews", review_id, data, at=now, hlc=stored.hlc, county_code=record.county_code,
        audience=author.username, until=now + AUTHOR_REACH,
    )  # fmt: skip
    feed.append_many(conn, [addressed])


def review_record(
    ctx: ServerContext, actor: Actor, entity: str, row_id: str, request: ReviewRequest
) -> tuple[str, StoredRecord]:
    """Set a submitted record's review state; approved or escalated locks it, returned unlocks."""
    with db.write(ctx.engine) as conn:
        review_id = review_in(conn, actor, entity, row_id, request)
        updated = records.get(conn, entity, row_id)
    assert updated is not None
    return review_id, updated


def review_in(conn: Any, actor: Actor, entity: str, row_id: str, request: ReviewRequest) -> str:
    """One decision inside the caller's write transaction; refusals raise before any write.

    Refused: a record outside the area (404), not reviewable or still a draft, changed since the
    reviewer opened it (``request.version``), approved while photos are missing without an
    override reason. An approved inspection makes the ledger follow (``ledger_follow``).
    """
    record = records.get(conn, entity, row_id)
    if record is None or record.deleted or not actor.sees(record.county_code):
        raise not_found("no such record in your area")
    if entity not in REVIEWABLE:
        raise ApiError(409, ErrorCode.NOT_REVIEWABLE, f"{entity} rows are not reviewed")
    if entity != "outfall_events" and record.status != "complete":
        raise ApiError(409, ErrorCode.RECORD_NOT_SUBMITTED, "the record is still a draft")
    if request.version is not None and request.version != record.version:
        raise ApiError(
            409,
            ErrorCode.RECORD_CHANGED,
            "the record changed since you opened it: open it again and decide on what it says now",
            {"version": record.version, "opened": request.version},
        )
    approving = request.state == ReviewState.APPROVED
    missing = sorted(desk_rules.missing_photos(conn, record))
    override = request.override_reason.strip()
    if approving and missing and not override:
        raise ApiError(
            409,
            ErrorCode.PHOTOS_MISSING,
            f"{len(missing)} photo(s) of this record have not arrived; approve only with a reason",
            {"missing": missing},
        )
    now = utcnow()
    review_id = str(uuid.uuid4())
    data = {
        "id": review_id,
        "record_entity": entity,
        "record_id": row_id,
        "record_version": record.version,
        "state": request.state.value,
        "comment": request.comment,
        "deadline": None if request.deadline is None else iso(request.deadline),
        "reviewer": actor.username,
        "at": iso(now),
    }
    if missing:
        data["photos_missing"] = len(missing)
        data["override_reason"] = override
    assert record.county_code is not None
    publish(conn, actor, "reviews", data, record.county_code)
    _address_author_outside(conn, record, review_id, data, now)
    records.set_review_state(conn, entity, row_id, request.state.value, now)
    if approving and entity == "inspections":
        desk_rules.follow_ledger(conn, actor, record, review_id)
    return review_id


def decide_proposal(
    ctx: ServerContext, actor: Actor, proposal_id: str, request: DecisionRequest
) -> ProposalView:
    """Accept (apply to the ledger) or reject a pending field proposal."""
    with db.write(ctx.engine) as conn:
        return decide_in(conn, actor, proposal_id, request.decision, request.comment)


DECIDED_STATES = {"accept": "accepted", "merge": "merged", "reject": "rejected"}


def already_decided(proposal: ProposalView) -> ApiError:
    """The answer to a second decision: who decided it, when, and how."""
    at = "" if proposal.decided_at is None else iso(proposal.decided_at)
    return ApiError(
        409,
        ErrorCode.PROPOSAL_DECIDED,
        f"the proposal was already decided ({proposal.state}) by {proposal.decided_by} at {at}",
        {"state": proposal.state, "decided_by": proposal.decided_by, "decided_at": at},
    )


def decide_in(
    conn: Any,
    actor: Actor,
    proposal_id: str,
    decision: str,
    comment: str,
    into_id: str | None = None,
) -> ProposalView:
    """One decision on a proposal inside the caller's write transaction; refusals raise first.

    ``accept`` applies it to the ledger (refused when the row changed since: ``proposal_stale``);
    ``merge`` is for a proposed new outfall only: it does not enter the ledger, the decision
    names the registered outfall it is the same as (``into_id``); ``reject`` keeps the reason.
    A proposal decided already (by another supervisor, even a moment ago) is refused with who
    decided it and when; the conditional update makes that true under concurrency too.
    """
    counties = actor.visible_counties()
    proposal = proposals.get(conn, proposal_id, counties)
    if proposal is None:
        raise not_found("no such proposal in your area")
    if proposal.state != "pending":
        raise already_decided(proposal)
    state = DECIDED_STATES[decision]
    extra: dict[str, Any] = {}
    if state == "accepted":
        _refuse_if_stale(conn, proposal)
        _refuse_unexplained_step(conn, proposal)
    if state == "merged":
        extra["merge_into_id"] = _merge_target(conn, actor, proposal, into_id)
    now = utcnow()
    if not proposals.decide(conn, proposal_id, state, actor.username, comment, now):
        again = proposals.get(conn, proposal_id, counties)
        assert again is not None
        raise already_decided(again)
    county = proposal.county_code or ""
    if state == "accepted":
        _apply_to_ledger(conn, actor, proposal, county)
    review = {
        "id": str(uuid.uuid4()),
        "record_entity": proposal.entity,
        "record_id": proposal.row_id,
        "proposal_id": proposal_id,
        "state": state,
        "comment": comment,
        "deadline": None,
        "reviewer": actor.username,
        "proposed_by": proposal.proposed_by,
        "at": iso(now),
        **extra,
    }
    publish(conn, actor, "reviews", review, county)
    decided = proposals.get(conn, proposal_id, counties)
    assert decided is not None
    return decided


def _merge_target(conn: Any, actor: Actor, proposal: ProposalView, into_id: str | None) -> str:
    """A proposed new outfall merges into a registered outfall the supervisor sees."""
    current = records.get(conn, proposal.entity, proposal.row_id)
    new_outfall = proposal.entity == "outfalls" and proposal.op == "upsert"
    if not new_outfall or (current is not None and not current.deleted):
        raise ApiError(
            409,
            ErrorCode.PROPOSAL_NOT_MERGEABLE,
            "only a proposed new outfall can be merged; accept or reject a correction",
        )
    target = None if into_id is None else records.get(conn, "outfalls", into_id)
    if (
        target is None
        or target.deleted
        or target.status != "ledger"
        or not actor.sees(target.county_code)
        or into_id == proposal.row_id
    ):
        raise not_found("no such outfall to merge into in your area")
    return target.id


def _refuse_unexplained_step(conn: Any, proposal: ProposalView) -> None:
    """A proposed outfall change may move its lifecycle state only as far as a step the push
    judged (``services.casework``) and stored: accepting it never moves the state by itself."""
    if proposal.entity != "outfalls" or proposal.op == "delete" or not proposal.data:
        return
    current = records.get(conn, "outfalls", proposal.row_id)
    if current is None or current.deleted or current.data is None:
        return
    before = current.data.get("lifecycle_state")
    after = proposal.data.get("lifecycle_state")
    if before == after:
        return
    steps = [e.data for e in records.children(conn, "outfall_events", [proposal.row_id]) if e.data]
    if not any(
        e.get("from_state") == before
        and e.get("to_state") == after
        and e.get("actor") == proposal.proposed_by
        for e in steps
    ):
        raise ApiError(
            409,
            ErrorCode.PROPOSAL_STEP_UNEXPLAINED,
            "this proposal moves the outfall's lifecycle state without a recorded step",
            {"from_state": before, "to_state": after},
        )


def _refuse_if_stale(conn: Any, proposal: ProposalView) -> None:
    """A proposal edits the row as it was when proposed: accepting it over a later change would
    silently undo that change."""
    current = records.get(conn, proposal.entity, proposal.row_id)
    version = None if current is None else current.version
    if version != proposal.base_version:
        raise ApiError(
            409,
            ErrorCode.PROPOSAL_STALE,
            "the ledger row changed since this was proposed: reject it, or have it proposed "
            "again from the current row",
            {"base_version": proposal.base_version, "version": version},
        )


def _apply_to_ledger(conn: Any, actor: Actor, proposal: ProposalView, county: str) -> None:
    if proposal.op == "delete":
        current = records.get(conn, proposal.entity, proposal.row_id)
        if current is None or current.deleted:
            return
        _write_ledger(conn, actor, proposal, current, None, current.county_code or county)
        return
    assert proposal.data is not None
    current = records.get(conn, proposal.entity, proposal.row_id)
    if current is not None and current.county_code != county:
        raise not_found("no such proposal in your area")
    _write_ledger(conn, actor, proposal, current, proposal.data, county)


def _write_ledger(
    conn: Any,
    actor: Actor,
    proposal: ProposalView,
    current: StoredRecord | None,
    data: dict[str, Any] | None,
    county: str,
) -> None:
    now = utcnow()
    hlc = server_hlc()
    new = StoredRecord(
        entity=proposal.entity,
        id=proposal.row_id,
        version=1 if current is None else current.version + 1,
        data=data,
        county_code=county,
        owner=current.owner if current else proposal.proposed_by,
        parent_id=None,
        status="ledger",
        review_state=None,
        deleted=data is None,
        hlc=hlc,
        device_id=actor.device_id,
        batch_id=None,
        updated_at=now,
    )
    if current is None:
        records.insert_many(conn, [new])
    else:
        records.update_many(conn, [new])
    photos.set_refs(conn, [(proposal.entity, proposal.row_id, photo_refs(data) or set())])
    op = "delete" if data is None else "upsert"
    feed.append_many(
        conn,
        [
            feed.item(
                proposal.entity, proposal.row_id, data, at=now, hlc=hlc, county_code=county, op=op
            )
        ],
    )
    audit.append_many(
        conn,
        [
            AuditEntry(
                at=now,
                username=actor.username,
                device_id=actor.device_id,
                action=f"proposal.accept.{op}",
                entity=proposal.entity,
                row_id=proposal.row_id,
                before=None if current is None else current.data,
                after=data,
            )
        ],
    )
