"""Returned records (退回) on the inspector's laptop: what the supervisor said, by when, and the
revision made of it. Reads ``sync_reviews`` (pulled) and ``inspections``; a revision is a new
inspection version that names the original in ``supersedes`` (the original stays as it was)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from fieldapp.domain import inspection as model
from fieldapp.domain.inspection import Inspection
from fieldapp.store import inspections


@dataclass(frozen=True)
class ReturnedRecord:
    inspection_id: str
    outfall_id: str
    outfall_name: str
    outfall_code: str
    completed_at: str | None
    reason: str
    deadline: str | None
    reviewer: str
    returned_at: str
    revision_id: str | None
    revision_status: str | None


def returned(conn: sqlite3.Connection, author: str | None = None) -> list[ReturnedRecord]:
    """Inspections whose latest decision is "returned", oldest deadline first."""
    rows = conn.execute(
        """
        SELECT r.record_id, r.comment, r.reviewer, r.at, r.data, i.outfall_id, i.completed_at,
               coalesce(o.name, ''), coalesce(o.display_code, ''),
               (SELECT v.id FROM inspections v WHERE v.supersedes = i.id
                ORDER BY v.version DESC LIMIT 1),
               (SELECT v.status FROM inspections v WHERE v.supersedes = i.id
                ORDER BY v.version DESC LIMIT 1)
        FROM sync_reviews r
        JOIN inspections i ON i.id = r.record_id
        LEFT JOIN outfalls o ON o.id = i.outfall_id
        WHERE r.record_entity = 'inspections' AND r.state = 'returned'
          AND r.at = (SELECT max(x.at) FROM sync_reviews x
                      WHERE x.record_entity = 'inspections' AND x.record_id = r.record_id)
          AND (? IS NULL OR i.author = ?)
        """,
        (author, author),
    ).fetchall()
    found = [
        ReturnedRecord(
            inspection_id=row[0],
            outfall_id=row[5],
            outfall_name=row[7],
            outfall_code=row[8],
            completed_at=row[6],
            reason=row[1],
            deadline=json.loads(row[4]).get("deadline"),
            reviewer=row[2],
            returned_at=row[3],
            revision_id=row[9],
            revision_status=row[10],
        )
        for row in rows
    ]
    return sorted(found, key=lambda r: (r.deadline is None, r.deadline or "", r.returned_at))


def review_of(conn: sqlite3.Connection, inspection_id: str) -> ReturnedRecord | None:
    """The returned record ``inspection_id`` or the one it revises, if any."""
    insp = inspections.get(conn, inspection_id)
    if insp is None:
        return None
    for r in returned(conn):
        if r.inspection_id in (inspection_id, insp.supersedes):
            return r
    return None


def revised_original(conn: sqlite3.Connection, revision: Inspection) -> ReturnedRecord | None:
    """The returned record that ``revision`` revises (its reason and deadline), if it is one."""
    if revision.supersedes is None:
        return None
    return next((r for r in returned(conn) if r.inspection_id == revision.supersedes), None)


def revise(conn: sqlite3.Connection, inspection_id: str, author: str) -> Inspection:
    """The draft revising a returned record: the existing draft revision, or a new one."""
    for r in returned(conn):
        if r.inspection_id == inspection_id and r.revision_id is not None:
            existing = inspections.get(conn, r.revision_id)
            if existing is not None and not existing.is_complete:
                return existing
    original = inspections.get(conn, inspection_id)
    if original is None:
        raise KeyError(inspection_id)
    return inspections.save_draft(conn, model.correction_of(original, author))
