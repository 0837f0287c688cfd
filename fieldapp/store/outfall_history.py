"""The laptop's case history of one outfall: one small provider per source over the profile's
tables, merged by ``sync.history`` (newest first). Read-only: what this laptop holds, no more
(the desk asks the server for the whole picture).

Each provider takes the connection and the outfall's id and returns ``Entry`` values; a new
source is one more function added to ``PROVIDERS`` (the remediation plans' is their store's).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

from fieldapp.store import plans
from sync.history import Entry, Kind, merge

StoreProvider = Callable[[sqlite3.Connection, str], list[Entry]]


def _has(conn: sqlite3.Connection, table: str) -> bool:
    # An older profile lacks the later tables (leads, patrols): their source is simply empty.
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    return row is not None


def _json(text: Any) -> Any:
    try:
        return json.loads(text) if text else None
    except ValueError:
        return None


def inspections(conn: sqlite3.Connection, outfall_id: str) -> list[Entry]:
    """Every inspection of the outfall (drafts too: they are this laptop's), with its photos."""
    rows = conn.execute(
        "SELECT id, author, kind, status, coalesce(completed_at, updated_at), version"
        " FROM inspections WHERE outfall_id = ?",
        (outfall_id,),
    ).fetchall()
    out = []
    for inspection_id, author, kind, status, at, version in rows:
        photos = tuple(
            sha
            for (sha,) in conn.execute(
                "SELECT sha256 FROM inspection_photos WHERE inspection_id = ? ORDER BY added_at",
                (inspection_id,),
            )
        )
        out.append(
            Entry(
                Kind.INSPECTION,
                str(inspection_id),
                str(at),
                str(author),
                state=str(status),
                record_id=str(inspection_id),
                photos=photos,
                extra={"inspection_kind": str(kind), "version": int(version or 1)},
            )
        )
    return out


def reviews(conn: sqlite3.Connection, outfall_id: str) -> list[Entry]:
    """The supervisors' decisions on the outfall's inspections, as pulled (approve / return)."""
    rows = conn.execute(
        "SELECT r.id, r.record_id, r.state, r.comment, r.reviewer, r.at FROM sync_reviews r"
        " JOIN inspections i ON i.id = r.record_id"
        " WHERE r.record_entity = 'inspections' AND i.outfall_id = ?",
        (outfall_id,),
    ).fetchall()
    return [
        Entry(
            Kind.REVIEW,
            str(rid),
            str(at),
            str(reviewer),
            state=str(state),
            note=str(comment),
            record_id=str(record_id),
        )
        for rid, record_id, state, comment, reviewer, at in rows
    ]


def steps(conn: sqlite3.Connection, outfall_id: str) -> list[Entry]:
    """The outfall's lifecycle steps (``outfall_events``)."""
    rows = conn.execute(
        "SELECT id, action, from_state, to_state, at, actor, note FROM outfall_events"
        " WHERE outfall_id = ?",
        (outfall_id,),
    ).fetchall()
    return [
        Entry(
            Kind.STEP,
            str(eid),
            str(at),
            str(actor),
            state=str(to_state),
            from_state=str(from_state or ""),
            note=str(note),
            extra={"action": str(action)},
        )
        for eid, action, from_state, to_state, at, actor, note in rows
    ]


def proposals(conn: sqlite3.Connection, outfall_id: str) -> list[Entry]:
    """This laptop's ledger proposals of the outfall, each with its decision once pulled (the
    sync keeps them in ``sync_issues`` and ``sync_reviews``; read here, written there)."""
    decided: dict[str, dict[str, Any]] = {}
    for (data,) in conn.execute(
        "SELECT data FROM sync_reviews WHERE json_extract(data, '$.proposal_id') IS NOT NULL"
        " ORDER BY at"
    ):
        doc = _json(data)
        if isinstance(doc, dict):
            decided[str(doc["proposal_id"])] = doc
    out = []
    for proposal_id, at in conn.execute(
        "SELECT reason, at FROM sync_issues WHERE kind = 'proposed' AND entity = 'outfalls'"
        " AND row_id = ? AND reason IS NOT NULL",
        (outfall_id,),
    ):
        d = decided.get(str(proposal_id), {})
        out.append(
            Entry(
                Kind.PROPOSAL,
                str(proposal_id),
                str(d.get("at") or at),
                str(d.get("reviewer") or ""),
                state=str(d.get("state") or "pending"),
                note=str(d.get("comment") or ""),
                extra={"proposed_at": str(at)},
            )
        )
    return out


def tasks(conn: sqlite3.Connection, outfall_id: str) -> list[Entry]:
    """The pulled tasks that name the outfall (one or among several)."""
    out = []
    for task_id, data in conn.execute("SELECT id, data FROM sync_tasks WHERE deleted = 0"):
        doc = _json(data)
        if not isinstance(doc, dict):
            continue
        named = [str(doc.get("outfall_id") or "")] + [str(x) for x in doc.get("outfall_ids") or []]
        if outfall_id not in named:
            continue
        out.append(
            Entry(
                Kind.TASK,
                str(task_id),
                str(doc.get("closed_at") or doc.get("created_at") or ""),
                str(doc.get("created_by") or ""),
                state=str(doc.get("state") or "open"),
                note=str(doc.get("title") or doc.get("note") or ""),
                extra={"task_kind": str(doc.get("kind") or ""), "due": str(doc.get("due") or "")},
            )
        )
    return out


def leads(conn: sqlite3.Connection, outfall_id: str) -> list[Entry]:
    """Aerial-survey leads that became the outfall, or were found to duplicate it."""
    if not _has(conn, "leads"):
        return []
    out = []
    for lead_id, name, note, state, data in conn.execute(
        "SELECT id, name, note, state, data FROM leads WHERE outfall_id = ?", (outfall_id,)
    ):
        doc = _json(data) or {}
        at = str(doc.get("updated_at") or doc.get("created_at") or doc.get("imported_at") or "")
        out.append(
            Entry(
                Kind.LEAD,
                str(lead_id),
                at,
                str(doc.get("source") or ""),
                state=str(state),
                note=" · ".join(x for x in (str(name), str(note)) if x),
            )
        )
    for vid, lead_id, verdict, note, photos, author, at in conn.execute(
        "SELECT id, lead_id, verdict, note, photo_sha256s, author, at FROM lead_verifications"
        " WHERE outfall_id = ?",
        (outfall_id,),
    ):
        out.append(
            Entry(
                Kind.LEAD,
                str(vid),
                str(at),
                str(author),
                state=str(verdict),
                note=str(note),
                record_id=str(lead_id),
                photos=tuple(str(p) for p in _json(photos) or ()),
            )
        )
    return out


def patrol_problems(conn: sqlite3.Connection, outfall_id: str) -> list[Entry]:
    """Problems river chiefs recorded at the outfall on patrol, with their photos."""
    if not _has(conn, "patrol_problems"):
        return []
    out = []
    for pid, patrol_id, at, note, author in conn.execute(
        "SELECT p.id, p.patrol_id, p.at, p.note, coalesce(t.author, '') FROM patrol_problems p"
        " LEFT JOIN patrols t ON t.id = p.patrol_id WHERE p.outfall_id = ?",
        (outfall_id,),
    ).fetchall():
        photos = tuple(
            sha
            for (sha,) in conn.execute(
                "SELECT sha256 FROM patrol_photos WHERE problem_id = ? ORDER BY added_at", (pid,)
            )
        )
        out.append(
            Entry(
                Kind.PATROL_PROBLEM,
                str(pid),
                str(at),
                str(author),
                note=str(note),
                record_id=str(patrol_id),
                photos=photos,
            )
        )
    return out


PROVIDERS: tuple[StoreProvider, ...] = (
    inspections,
    reviews,
    steps,
    proposals,
    tasks,
    leads,
    patrol_problems,
    plans.history,  # 一口一策: the plan, its milestones and progress notes
)


def history(
    conn: sqlite3.Connection,
    outfall_id: str,
    providers: Iterable[StoreProvider] = PROVIDERS,
) -> list[Entry]:
    """The outfall's case history as this laptop holds it, newest first."""
    return merge(provider(conn, outfall_id) for provider in providers)
