"""The supervisor's desk (审核台): batches with their flags, records with photos and history,
bulk approval, and the acceptance or merge of a newly found outfall.

Reads gather a batch's inspections, their photo rows and outfalls in a few chunked queries and
compute the flags with the pure functions of ``sync.server.flags``.
"""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import datetime
from typing import Any

from sync.protocol import ErrorCode, RecordView, ReviewRequest, ReviewState
from sync.review_protocol import (
    BulkApproveRequest,
    BulkApproveResult,
    DeskBatch,
    DeskPhoto,
    DeskRecord,
    DeskRecordDetail,
    FieldChange,
    HistoryEntry,
    OutfallAccept,
    OutfallDecision,
    OutfallMerge,
    Refusal,
)
from sync.server import codes, db
from sync.server.canonical import iso, utcnow
from sync.server.context import ServerContext
from sync.server.errors import ApiError, not_found
from sync.server.flags import Candidate, duplicates, flags_of
from sync.server.models import Actor, StoredRecord
from sync.server.queries import batches, devices, photos, records
from sync.server.services import desk_rules
from sync.server.services.review import publish, review_in

INSPECTIONS = "inspections"
# Fields that change with every version and say nothing about what the inspector found.
BOOKKEEPING = frozenset(
    {"id", "version", "status", "started_at", "completed_at", "updated_at", "supersedes"}
)


def view(r: StoredRecord) -> RecordView:
    return RecordView(
        entity=r.entity, row_id=r.id, version=r.version, data=r.data, county_code=r.county_code,
        owner=r.owner, review_state=r.review_state, deleted=r.deleted, updated_at=r.updated_at,
    )  # fmt: skip


def _outfall_dict(rec: StoredRecord | None) -> dict[str, Any] | None:
    if rec is None or rec.deleted or rec.data is None:
        return None
    return {**rec.data, "_status": rec.status, "_version": rec.version}


def _candidates(conn: Any, county: str, cache: dict[str, list[Candidate]]) -> list[Candidate]:
    if county not in cache:
        cache[county] = [
            Candidate(
                r.id,
                str((r.data or {}).get("name") or ""),
                str((r.data or {}).get("national_code") or (r.data or {}).get("local_code") or ""),
                (r.data or {}).get("lat"),
                (r.data or {}).get("lon"),
            )
            for r in records.live_in_county(conn, "outfalls", county)
            if r.status == "ledger"
        ]
    return cache[county]


def _same_county(named: StoredRecord | None, record: StoredRecord) -> StoredRecord | None:
    """A row a record names, only when it lies in the record's county (a reference into
    another county shows nothing of it)."""
    if named is None or named.county_code != record.county_code:
        return None
    return named


def _photo(row: StoredRecord, held: set[tuple[str, str]]) -> DeskPhoto:
    d = row.data or {}
    known = {k: d[k] for k in DeskPhoto.model_fields if k in d and d[k] is not None}
    known.pop("arrived", None)
    known["id"] = row.id
    known["far_from_outfall"] = bool(d.get("far_from_outfall"))
    known["time_implausible"] = bool(d.get("time_implausible"))
    return DeskPhoto(arrived=(str(d.get("sha256")), row.owner or "") in held, **known)


def desk_records(conn: Any, found: list[StoredRecord]) -> list[DeskRecord]:
    """Desk views of inspections: flags, photos (arrived or not), outfall, duplicates."""
    if not found:
        return []
    rows = desk_rules.rules()
    photo_rows = records.children(conn, "inspection_photos", [r.id for r in found])
    by_parent: dict[str, list[StoredRecord]] = {}
    for p in photo_rows:
        by_parent.setdefault(p.parent_id or "", []).append(p)
    # A photo has arrived for a row when the row's author uploaded it (naming a hash is not
    # having it: ``services.photos``).
    owned = {(str((p.data or {}).get("sha256")), p.owner or "") for p in photo_rows}
    held = photos.held_pairs(conn, owned)
    outfall_keys = [("outfalls", str((r.data or {}).get("outfall_id"))) for r in found]
    outfalls = records.get_many(conn, outfall_keys)
    cache: dict[str, list[Candidate]] = {}
    views: list[DeskRecord] = []
    for r in found:
        data = r.data or {}
        outfall = _outfall_dict(
            _same_county(outfalls.get(("outfalls", str(data.get("outfall_id")))), r)
        )
        mine = sorted(by_parent.get(r.id, []), key=lambda p: str((p.data or {}).get("added_at")))
        candidates: list[Candidate] = []
        if outfall is not None and outfall["_status"] == "provisional" and r.county_code:
            candidates = _candidates(conn, r.county_code, cache)
        desk_photos = [_photo(p, held) for p in mine]
        flags = flags_of(data, [p.data or {} for p in mine], outfall, candidates, rows)
        dups = duplicates(outfall, candidates, rows) if candidates else []
        views.append(
            DeskRecord(
                record=view(r),
                flags=flags,
                photos=desk_photos,
                photos_missing=sum(not p.arrived for p in desk_photos),
                outfall=outfall,
                duplicate_of=[{"id": c.id, "name": c.name, "code": c.code} for c in dups[:5]],
            )
        )
    return views


def _batch_inspections(conn: Any, batch_id: str, actor: Actor) -> list[StoredRecord]:
    items = batches.items(conn, batch_id, actor.visible_counties())
    keys = [
        (i.entity, i.row_id)
        for i in items
        if i.entity == INSPECTIONS and i.op == "upsert" and i.result in ("applied", "duplicate")
    ]
    stored = records.get_many(conn, keys)
    seen: set[tuple[str, str]] = set()
    found: list[StoredRecord] = []
    for key in keys:
        rec = stored.get(key)
        if rec is None or key in seen or rec.deleted or not actor.sees(rec.county_code):
            continue
        seen.add(key)
        found.append(rec)
    return found


def list_batches(
    ctx: ServerContext,
    actor: Actor,
    *,
    username: str | None,
    since: datetime | None,
    until: datetime | None,
    limit: int,
    offset: int,
) -> list[DeskBatch]:
    """Batches of the area holding inspections or patrols, newest first, with their flags,
    review states, patrols and overdue escalated problems (batches of ledger edits only are
    decided as proposals and left out)."""
    from sync.server.services import desk_patrols  # it builds on this module

    counties = actor.visible_counties()
    now = utcnow()
    with db.read(ctx.engine) as conn:
        summaries = batches.search(
            conn, counties, username=username, device_id=None, complete=None,
            since=since, until=until, holding=(INSPECTIONS, desk_patrols.PATROLS), limit=limit,
            offset=offset,
        )  # fmt: skip
        names: dict[str, str] = {}
        result: list[DeskBatch] = []
        for summary in summaries:
            if summary.device_id not in names:
                device = devices.by_id(conn, summary.device_id)
                names[summary.device_id] = device.name if device is not None else ""
            views = desk_records(conn, _batch_inspections(conn, summary.batch_id, actor))
            patrols, overdue = desk_patrols.counts(conn, summary.batch_id, actor, now)
            if not views and not patrols:
                continue  # its records were all deleted since, or lie outside the area
            flag_counts = Counter(f for v in views for f in v.flags)
            review = Counter(v.record.review_state or "pending" for v in views)
            shown = [p for v in views for p in v.photos]
            result.append(
                DeskBatch(
                    batch=summary,
                    device_name=names[summary.device_id],
                    records=len(views),
                    photos=len(shown),
                    photos_arrived=sum(p.arrived for p in shown),
                    flags=dict(flag_counts),
                    review=dict(review),
                    patrols=patrols,
                    overdue=overdue,
                )
            )
    return result


def batch_records(ctx: ServerContext, actor: Actor, batch_id: str) -> list[DeskRecord]:
    with db.read(ctx.engine) as conn:
        if batches.get(conn, batch_id, actor.visible_counties()) is None:
            raise not_found("no such batch in your area")
        return desk_records(conn, _batch_inspections(conn, batch_id, actor))


def _flat(data: dict[str, Any]) -> dict[str, Any]:
    """A record's fields with its JSON sections one level down (``sections.sign_check.present``)."""
    flat: dict[str, Any] = {}

    def walk(prefix: str, value: Any, depth: int) -> None:
        if isinstance(value, dict) and depth < 3:
            for key, item in value.items():
                walk(f"{prefix}.{key}" if prefix else key, item, depth + 1)
        else:
            flat[prefix] = value

    walk("", {k: v for k, v in data.items() if k not in BOOKKEEPING}, 0)
    return flat


def changes_between(original: dict[str, Any], revision: dict[str, Any]) -> list[FieldChange]:
    """What a revision changed against the record it supersedes, field by field."""
    before, after = _flat(original), _flat(revision)
    return [
        FieldChange(field=k, before=before.get(k), after=after.get(k))
        for k in sorted(set(before) | set(after))
        if before.get(k) != after.get(k)
    ]


def _history(conn: Any, outfall_id: str, county: str | None) -> list[HistoryEntry]:
    """The outfall's events and decisions, of the record's county only."""
    entries: list[HistoryEntry] = []
    for e in records.children(conn, "outfall_events", [outfall_id]):
        if e.county_code != county:
            continue
        d = e.data or {}
        text = f"{d.get('action')}: {d.get('from_state') or ''} → {d.get('to_state') or ''}"
        if d.get("note"):
            text += f" ({d['note']})"
        entries.append(HistoryEntry(at=str(d.get("at") or ""), kind="event",
                                    actor=str(d.get("actor") or ""), text=text, data=d))  # fmt: skip
    for r in records.about(conn, "reviews", county, outfall_id):
        d = r.data or {}
        entries.append(HistoryEntry(at=str(d.get("at") or ""), kind="review",
                                    actor=str(d.get("reviewer") or ""),
                                    text=f"{d.get('state')}: {d.get('comment') or ''}", data=d))  # fmt: skip
    return sorted(entries, key=lambda e: e.at, reverse=True)


def record_detail(ctx: ServerContext, actor: Actor, entity: str, row_id: str) -> DeskRecordDetail:
    """A record for the desk: itself, what it revises and what changed, the outfall's history,
    earlier inspections of the same outfall, and the decisions on it."""
    with db.read(ctx.engine) as conn:
        rec = records.get(conn, entity, row_id)
        if rec is None or rec.deleted or entity != INSPECTIONS or not actor.sees(rec.county_code):
            raise not_found("no such record in your area")
        data = rec.data or {}
        original_id = data.get("supersedes")
        original = records.get(conn, entity, str(original_id)) if original_id else None
        original = _same_county(original, rec)
        views = desk_records(conn, [rec] + ([original] if original is not None else []))
        outfall_id = str(data.get("outfall_id") or "")
        earlier = [
            view(r)
            for r in records.about(conn, entity, rec.county_code, outfall_id)
            if r.id != rec.id
        ]
        reviews = [r.data or {} for r in records.about(conn, "reviews", rec.county_code, rec.id)]
        return DeskRecordDetail(
            record=views[0],
            original=views[1] if len(views) > 1 else None,
            changes=changes_between(original.data or {}, data) if original is not None else [],
            history=_history(conn, outfall_id, rec.county_code) if outfall_id else [],
            earlier=earlier,
            reviews=sorted(reviews, key=lambda d: str(d.get("at") or "")),
        )


def bulk_approve(
    ctx: ServerContext, actor: Actor, request: BulkApproveRequest
) -> BulkApproveResult:
    """Approve each record that has no flag, all its photos and the version sent; refuse the
    others one by one (each approval is its own attributed decision)."""
    approved: list[str] = []
    refused: list[Refusal] = []
    for ref in request.records:
        try:
            with db.write(ctx.engine) as conn:
                rec = records.get(conn, ref.entity, ref.row_id)
                if rec is None or not actor.sees(rec.county_code) or ref.entity != INSPECTIONS:
                    raise not_found("no such record in your area")
                flags = desk_records(conn, [rec])[0].flags
                if flags:
                    raise ApiError(409, ErrorCode.RECORD_FLAGGED,
                                   "flagged records are decided one by one", flags)  # fmt: skip
                review_in(conn, actor, ref.entity, ref.row_id, ReviewRequest(
                    state=ReviewState.APPROVED, comment=request.comment, version=ref.version))  # fmt: skip
        except ApiError as exc:
            refused.append(Refusal(row_id=ref.row_id, code=exc.code.value, message=exc.message))
        else:
            approved.append(ref.row_id)
    return BulkApproveResult(approved=approved, refused=refused)


def _provisional(conn: Any, actor: Actor, row_id: str, version: int) -> StoredRecord:
    rec = records.get(conn, "outfalls", row_id)
    if rec is None or rec.deleted or rec.data is None or not actor.sees(rec.county_code):
        raise not_found("no such outfall in your area")
    if rec.status != "provisional":
        raise ApiError(409, ErrorCode.NOT_PROVISIONAL, "this outfall is already in the ledger")
    if rec.version != version:
        raise ApiError(409, ErrorCode.RECORD_CHANGED,
                       "the outfall changed since you opened it", {"version": rec.version})  # fmt: skip
    return rec


def _decision_row(
    conn: Any, actor: Actor, rec: StoredRecord, state: str, comment: str, **extra: Any
) -> str:
    review_id = str(uuid.uuid4())
    data = {
        "id": review_id,
        "record_entity": "outfalls",
        "record_id": rec.id,
        "record_version": rec.version,
        "state": state,
        "comment": comment,
        "deadline": None,
        "reviewer": actor.username,
        "at": iso(utcnow()),
        **extra,
    }
    assert rec.county_code is not None
    publish(conn, actor, "reviews", data, rec.county_code)
    return review_id


def accept_outfall(
    ctx: ServerContext, actor: Actor, row_id: str, request: OutfallAccept
) -> OutfallDecision:
    """A newly found outfall enters the ledger with its real code (国家编码 / 地方编码)."""
    if not (request.national_code or request.local_code):
        raise ApiError(422, ErrorCode.INVALID_REQUEST, "give the national or the local code")
    with db.write(ctx.engine) as conn:
        rec = _provisional(conn, actor, row_id, request.version)
        broken = codes.national_code_violations(
            {"national_code": request.national_code}, rec.county_code or ""
        )
        if broken:
            raise ApiError(422, ErrorCode.INVALID_CODE,
                           f"the national code breaks the code rule: {', '.join(broken)}",
                           {"violations": broken})  # fmt: skip
        for key, code in (("national_code", request.national_code),
                          ("local_code", request.local_code)):  # fmt: skip
            # Only outfalls the supervisor sees are compared: the answer must not tell what
            # another county's ledger holds.
            if code and any(
                r.id != row_id and actor.sees(r.county_code)
                for r in records.mentioning(conn, "outfalls", None, key, code)
            ):
                raise ApiError(409, ErrorCode.ALREADY_EXISTS, f"another outfall has {key} {code}")
        assert rec.data is not None and rec.county_code is not None
        data = {**rec.data, "updated_at": iso(utcnow()), "updated_by": actor.username}
        if request.national_code:
            data["national_code"] = request.national_code
        if request.local_code:
            data["local_code"] = request.local_code
        review_id = _decision_row(conn, actor, rec, "accepted", request.comment,
                                  national_code=request.national_code,
                                  local_code=request.local_code)  # fmt: skip
        new = desk_rules.write_row(conn, actor, rec, "outfalls", row_id, data,
                                   county=rec.county_code, status="ledger",
                                   action="review.outfall_accept")  # fmt: skip
    return OutfallDecision(review_id=review_id, outfall=view(new), decided_at=new.updated_at)


def merge_outfall(
    ctx: ServerContext, actor: Actor, row_id: str, request: OutfallMerge
) -> OutfallDecision:
    """A newly found outfall is the same as a registered one: it leaves the active ledger
    (lifecycle ``retired``, ``merge_into_id`` naming the one it went into) and stays in history."""
    into_id = str(request.into_id)
    with db.write(ctx.engine) as conn:
        rec = _provisional(conn, actor, row_id, request.version)
        target = records.get(conn, "outfalls", into_id)
        if (
            target is None
            or target.deleted
            or not actor.sees(target.county_code)
            or into_id == row_id
        ):
            raise not_found("no such outfall to merge into in your area")
        assert rec.data is not None and rec.county_code is not None
        data = {**rec.data, "merge_into_id": into_id, "lifecycle_state": "retired",
                "updated_at": iso(utcnow()), "updated_by": actor.username}  # fmt: skip
        review_id = _decision_row(
            conn, actor, rec, "merged", request.comment, merge_into_id=into_id
        )
        desk_rules.outfall_event(conn, actor, rec, "merged_duplicate", "retired",
                                 f"duplicate of {into_id} (review {review_id})")  # fmt: skip
        new = desk_rules.write_row(conn, actor, rec, "outfalls", row_id, data,
                                   county=rec.county_code, status="merged",
                                   action="review.outfall_merge")  # fmt: skip
    return OutfallDecision(review_id=review_id, outfall=view(new), decided_at=new.updated_at)
