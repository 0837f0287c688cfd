"""River-chief patrols on the desk: each with its track, duration, distance and problems; an
escalated problem not handled within one working day is flagged (``sync.escalation``); a
supervisor records how an escalated problem was handled.

Reads gather the patrols, their track parts, problems and photo rows in a few chunked queries.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sync.escalation import due_at, is_overdue
from sync.protocol import ErrorCode
from sync.review_protocol import DeskPatrol, DeskPatrolProblem, ProblemHandled
from sync.server import db
from sync.server.canonical import iso, utcnow
from sync.server.context import ServerContext
from sync.server.errors import ApiError, not_found
from sync.server.flags import _when
from sync.server.models import Actor, StoredRecord
from sync.server.queries import batches, records
from sync.server.services import desk_rules
from sync.server.services.desk import view
from sync.server.services.review import publish

PATROLS = "patrols"


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def problem_view(row: StoredRecord, photos: int, now: datetime) -> DeskPatrolProblem:
    d = row.data or {}
    escalated = bool(d.get("escalated"))
    escalated_at = _when(d.get("escalated_at")) or _when(d.get("at")) if escalated else None
    handled_at = _when(d.get("handled_at"))
    return DeskPatrolProblem(
        id=row.id,
        version=row.version,
        at=str(d.get("at") or ""),
        lat=_number(d.get("lat")),
        lon=_number(d.get("lon")),
        note=str(d.get("note") or ""),
        category=d.get("category") or None,
        handling=str(d.get("handling") or ""),
        escalated=escalated,
        escalated_at=None if escalated_at is None else iso(escalated_at),
        due_at=None if escalated_at is None else iso(due_at(escalated_at).astimezone(UTC)),
        handled_at=None if handled_at is None else iso(handled_at),
        handled_by=d.get("handled_by") or None,
        handled_note=str(d.get("handled_note") or ""),
        overdue=escalated_at is not None and is_overdue(escalated_at, handled_at, now),
        photos=photos,
        outfall_id=d.get("outfall_id") or None,
    )


def _track(parts: list[StoredRecord]) -> list[list[list[float]]]:
    """The track's parts in order, as [lat, lon] points (time and accuracy left out)."""
    out: list[list[list[float]]] = []
    for part in sorted(parts, key=lambda p: int((p.data or {}).get("part") or 0)):
        points = (part.data or {}).get("points")
        if not isinstance(points, list):
            continue
        line = [
            [float(p[1]), float(p[2])]
            for p in points
            if isinstance(p, list) and len(p) >= 3 and _number(p[1]) is not None
            and _number(p[2]) is not None
        ]  # fmt: skip
        if line:
            out.append(line)
    return out


def desk_patrols(conn: Any, found: list[StoredRecord], now: datetime) -> list[DeskPatrol]:
    ids = [p.id for p in found]
    if not ids:
        return []
    tracks: dict[str, list[StoredRecord]] = {}
    for t in records.children(conn, "patrol_tracks", ids):
        tracks.setdefault(t.parent_id or "", []).append(t)
    photos: dict[str, int] = {}
    for ph in records.children(conn, "patrol_photos", ids):
        key = str((ph.data or {}).get("problem_id"))
        photos[key] = photos.get(key, 0) + 1
    problems: dict[str, list[DeskPatrolProblem]] = {}
    for pr in records.children(conn, "patrol_problems", ids):
        if not pr.deleted:
            problems.setdefault(pr.parent_id or "", []).append(
                problem_view(pr, photos.get(pr.id, 0), now)
            )
    out = []
    for p in found:
        d = p.data or {}
        mine = sorted(problems.get(p.id, []), key=lambda x: x.at)
        meets = d.get("meets_rules")
        out.append(
            DeskPatrol(
                record=view(p),
                author=str(d.get("author") or p.owner or ""),
                river=str(d.get("river") or ""),
                chief_level=str(d.get("chief_level") or ""),
                started_at=d.get("started_at"),
                ended_at=d.get("ended_at"),
                duration_s=_number(d.get("duration_s")),
                distance_m=_number(d.get("distance_m")),
                meets_rules=None if meets is None else bool(meets),
                track=_track([t for t in tracks.get(p.id, []) if not t.deleted]),
                problems=mine,
                overdue=sum(x.overdue for x in mine),
            )
        )
    return out


def batch_patrols(conn: Any, batch_id: str, actor: Actor) -> list[StoredRecord]:
    """The submitted patrols a batch stored, as they are now, inside the supervisor's area."""
    keys = [
        (i.entity, i.row_id)
        for i in batches.items(conn, batch_id, actor.visible_counties())
        if i.entity == PATROLS and i.op == "upsert" and i.result in ("applied", "duplicate")
    ]
    stored = records.get_many(conn, keys)
    found: dict[str, StoredRecord] = {}
    for key in keys:
        rec = stored.get(key)
        if rec is not None and not rec.deleted and actor.sees(rec.county_code):
            found.setdefault(rec.id, rec)
    return [r for r in found.values() if r.status == "complete"]


def list_patrols(
    ctx: ServerContext,
    actor: Actor,
    *,
    batch_id: str | None,
    author: str | None,
    limit: int,
    offset: int,
    now: datetime | None = None,
) -> list[DeskPatrol]:
    """Submitted patrols of the area (of one batch, or newest first), with their problems."""
    now = now or utcnow()
    with db.read(ctx.engine) as conn:
        if batch_id is not None:
            if batches.get(conn, batch_id, actor.visible_counties()) is None:
                raise not_found("no such batch in your area")
            found = batch_patrols(conn, batch_id, actor)
        else:
            found = [
                r
                for r in records.search(
                    conn,
                    actor.visible_counties(),
                    entity=PATROLS,
                    owner=author,
                    limit=limit,
                    offset=offset,
                )
                if not r.deleted and r.status == "complete"
            ]
        return desk_patrols(conn, found, now)


def handle_problem(
    ctx: ServerContext, actor: Actor, problem_id: str, request: ProblemHandled
) -> DeskPatrolProblem:
    """Record how an escalated problem was handled (who, when, a note) on the problem row, and
    as a ``reviews`` row every laptop of the county pulls. Handled once: a second is refused."""
    with db.write(ctx.engine) as conn:
        row = records.get(conn, "patrol_problems", problem_id)
        if row is None or row.deleted or row.data is None or not actor.sees(row.county_code):
            raise not_found("no such problem in your area")
        if not row.data.get("escalated"):
            raise ApiError(409, ErrorCode.PROBLEM_NOT_ESCALATED, "the problem was not escalated")
        if row.data.get("handled_at"):
            raise ApiError(
                409,
                ErrorCode.ALREADY_EXISTS,
                f"already handled by {row.data.get('handled_by')} at {row.data.get('handled_at')}",
                {"handled_by": row.data.get("handled_by"), "handled_at": row.data["handled_at"]},
            )
        if row.version != request.version:
            raise ApiError(409, ErrorCode.RECORD_CHANGED,
                           "the problem changed since you opened it", {"version": row.version})  # fmt: skip
        now = utcnow()
        data = {**row.data, "handled_at": iso(now), "handled_by": actor.username,
                "handled_note": request.note.strip()}  # fmt: skip
        assert row.county_code is not None
        new = desk_rules.write_row(conn, actor, row, "patrol_problems", problem_id, data,
                                   county=row.county_code, status=row.status,
                                   action="desk.problem_handled")  # fmt: skip
        # problems are not in the feed: the decision row carries the handling to the laptops
        publish(conn, actor, "reviews", {
            "id": str(uuid.uuid4()), "record_entity": "patrol_problems", "record_id": problem_id,
            "patrol_id": row.parent_id, "state": "handled", "comment": data["handled_note"],
            "deadline": None, "reviewer": actor.username, "at": data["handled_at"],
        }, row.county_code)  # fmt: skip
        photos = sum(
            1
            for ph in records.children(conn, "patrol_photos", [row.parent_id or ""])
            if (ph.data or {}).get("problem_id") == problem_id
        )
    return problem_view(new, photos, now)


def counts(conn: Any, batch_id: str, actor: Actor, now: datetime) -> tuple[int, int]:
    """(patrols, overdue problems) of a batch, for the desk's batch list."""
    found = batch_patrols(conn, batch_id, actor)
    if not found:
        return 0, 0
    return len(found), sum(p.overdue for p in desk_patrols(conn, found, now))
