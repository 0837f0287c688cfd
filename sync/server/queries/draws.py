"""The ``draws``, ``draw_visits`` and ``inspector_conflicts`` tables (双随机 random inspections)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from sync.server.schema import draw_visits, draws, inspector_conflicts


@dataclass(frozen=True, slots=True)
class StoredDraw:
    id: str
    period_start: str
    period_end: str
    record: str  # the JSON text, as stored (its SHA-256 is in the audit log)
    record_sha256: str
    created_by: str
    created_at: datetime
    published_at: datetime | None
    visits: int = 0


@dataclass(frozen=True, slots=True)
class StoredVisit:
    draw_id: str
    target_id: str
    county_code: str
    inspectors: tuple[str, ...]
    planned_on: str
    released_on: str
    released_at: datetime | None = None
    closes_at: datetime | None = None
    done_at: datetime | None = None
    done_record: str | None = None


def add(conn: Connection, row: StoredDraw, visits: list[StoredVisit]) -> None:
    conn.execute(
        insert(draws).values(
            id=row.id,
            period_start=row.period_start,
            period_end=row.period_end,
            record=row.record,
            record_sha256=row.record_sha256,
            created_by=row.created_by,
            created_at=row.created_at,
            published_at=None,
        )
    )
    if visits:
        conn.execute(
            insert(draw_visits),
            [
                {
                    "draw_id": v.draw_id,
                    "target_id": v.target_id,
                    "county_code": v.county_code,
                    "inspectors": json.dumps(list(v.inspectors)),
                    "planned_on": v.planned_on,
                    "released_on": v.released_on,
                }
                for v in visits
            ],
        )


def get(conn: Connection, draw_id: str) -> StoredDraw | None:
    row = conn.execute(select(draws).where(draws.c.id == draw_id)).first()
    return None if row is None else _draw(row)


def list_all(conn: Connection) -> list[StoredDraw]:
    counts = {
        draw_id: int(n)
        for draw_id, n in conn.execute(
            select(draw_visits.c.draw_id, func.count()).group_by(draw_visits.c.draw_id)
        )
    }
    rows = conn.execute(select(draws).order_by(draws.c.created_at))
    return [_draw(r, counts.get(r.id, 0)) for r in rows]


def set_published(conn: Connection, draw_id: str, at: datetime) -> None:
    conn.execute(update(draws).where(draws.c.id == draw_id).values(published_at=at))


def visits(conn: Connection, draw_id: str) -> list[StoredVisit]:
    rows = conn.execute(
        select(draw_visits)
        .where(draw_visits.c.draw_id == draw_id)
        .order_by(draw_visits.c.planned_on, draw_visits.c.target_id)
    )
    return [_visit(r) for r in rows]


def due_unreleased(conn: Connection, today: str) -> list[StoredVisit]:
    """The visits whose release day has come and that were not released yet."""
    rows = conn.execute(
        select(draw_visits)
        .where(draw_visits.c.released_on <= today, draw_visits.c.released_at.is_(None))
        .order_by(draw_visits.c.planned_on, draw_visits.c.target_id)
    )
    return [_visit(r) for r in rows]


def set_released(
    conn: Connection, draw_id: str, target_id: str, at: datetime, closes_at: datetime
) -> None:
    conn.execute(
        update(draw_visits)
        .where(draw_visits.c.draw_id == draw_id, draw_visits.c.target_id == target_id)
        .values(released_at=at, closes_at=closes_at)
    )


def open_at(conn: Connection, now: datetime) -> list[StoredVisit]:
    """The released visits whose window has not closed at ``now`` (few at any time: a year's
    visits are spread over its working days)."""
    rows = conn.execute(
        select(draw_visits).where(
            draw_visits.c.released_at.is_not(None),
            draw_visits.c.released_at <= now,
            draw_visits.c.closes_at > now,
        )
    )
    return [_visit(r) for r in rows]


def set_done(conn: Connection, draw_id: str, target_id: str, at: datetime, record_id: str) -> None:
    conn.execute(
        update(draw_visits)
        .where(draw_visits.c.draw_id == draw_id, draw_visits.c.target_id == target_id)
        .values(done_at=at, done_record=record_id)
    )


def declare_conflict(
    conn: Connection, username: str, subject: str, reason: str, at: datetime
) -> bool:
    """Record a conflict; False when it was declared before (nothing changes)."""
    exists = conn.execute(
        select(inspector_conflicts.c.username).where(
            inspector_conflicts.c.username == username, inspector_conflicts.c.subject == subject
        )
    ).first()
    if exists is not None:
        return False
    conn.execute(
        insert(inspector_conflicts).values(
            username=username, subject=subject, reason=reason, declared_at=at
        )
    )
    return True


def withdraw_conflict(conn: Connection, username: str, subject: str) -> bool:
    done = conn.execute(
        delete(inspector_conflicts).where(
            inspector_conflicts.c.username == username, inspector_conflicts.c.subject == subject
        )
    )
    return bool(done.rowcount)


def conflicts(conn: Connection) -> dict[str, list[tuple[str, str]]]:
    """User name → its declared (subject, reason) pairs."""
    out: dict[str, list[tuple[str, str]]] = {}
    rows = conn.execute(select(inspector_conflicts).order_by(inspector_conflicts.c.username))
    for row in rows:
        out.setdefault(row.username, []).append((row.subject, row.reason))
    return out


def _draw(row: Any, visits: int = 0) -> StoredDraw:
    return StoredDraw(
        row.id,
        row.period_start,
        row.period_end,
        row.record,
        row.record_sha256,
        row.created_by,
        row.created_at,
        row.published_at,
        visits,
    )


def _visit(row: Any) -> StoredVisit:
    return StoredVisit(
        row.draw_id,
        row.target_id,
        row.county_code,
        tuple(json.loads(row.inspectors)),
        row.planned_on,
        row.released_on,
        row.released_at,
        row.closes_at,
        row.done_at,
        row.done_record,
    )
