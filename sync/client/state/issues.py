"""Conflicts, rejections and proposals kept for the user (``sync_issues``): the only module that
writes it.

Every issue keeps both values (the device's and the server's). A rejection is a *refusal* of its
record until it is settled: ``accepted`` (a later change of the row went through), ``resent``
or ``withdrawn`` (the user's choice, ``sync.client.state.refusals``).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from fieldapp.domain import clock
from fieldapp.store.synced_rows import TABLES, row_data
from sync.client.errors import LocalReason
from sync.client.state.records import record_key


@dataclass(frozen=True)
class Issue:
    at: str
    kind: str
    entity: str
    row_id: str
    reason: str | None
    local_data: Any
    server_data: Any
    resolution: str
    settled: str | None = None  # refusals: accepted / resent / withdrawn, None while open
    note: str = ""  # a withdrawal's reason
    record_entity: str = ""  # the record the row belongs to (inspections / patrols / outfalls)
    record_label: str = ""  # what people call that record (the outfall's code and name…)


@dataclass(frozen=True)
class Refusal:
    """One open refusal of a record: the rows of it the server refused, and why."""

    entity: str  # inspections / patrols / outfalls
    row_id: str
    label: str
    at: str  # the latest refusal
    reasons: tuple[str, ...]  # reason codes, the record's own first
    rows: tuple[tuple[str, str], ...]  # (entity, row_id) of every refused row


def add(
    conn: sqlite3.Connection,
    kind: str,
    change: dict[str, Any],
    reason: str | None,
    server_data: Any,
    resolution: str,
) -> None:
    """Keep an issue about a sent change (once per change and kind). Inside a transaction."""
    conn.execute(
        "INSERT OR IGNORE INTO sync_issues (at, kind, entity, row_id, change_id, reason,"
        " local_data, server_data, resolution) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            clock.now_iso(),
            kind,
            change["entity"],
            change["row_id"],
            change["change_id"],
            reason,
            json.dumps(change["data"], ensure_ascii=False),
            json.dumps(server_data, ensure_ascii=False),
            resolution,
        ),
    )


def photo_lost(conn: sqlite3.Connection, sha: str) -> None:
    """A photo whose file is gone from this laptop: never uploaded. Inside a transaction."""
    lost = {"entity": "photos", "row_id": sha, "change_id": f"photo-lost:{sha}",
            "data": {"sha256": sha}}  # fmt: skip
    add(conn, "rejected", lost, LocalReason.PHOTO_MISSING_LOCALLY, None, "not_uploaded")


def settle(conn: sqlite3.Connection, entity: str, row_id: str, how: str, note: str = "") -> int:
    """Close the open refusals of one row (inside the caller's transaction); how many."""
    return conn.execute(
        "UPDATE sync_issues SET settled = ?, settled_at = ?, note = ? WHERE entity = ?"
        " AND row_id = ? AND kind = 'rejected' AND settled IS NULL",
        (how, clock.now_iso(), note, entity, row_id),
    ).rowcount


_LABELS = {
    "inspections": "SELECT coalesce(o.display_code || ' ' || o.name, i.outfall_id) FROM"
    " inspections AS i LEFT JOIN outfalls AS o ON o.id = i.outfall_id WHERE i.id = ?",
    "patrols": "SELECT river FROM patrols WHERE id = ?",
    "outfalls": "SELECT coalesce(display_code || ' ', '') || name FROM outfalls WHERE id = ?",
}


def label(conn: sqlite3.Connection, entity: str, row_id: str) -> str:
    """What people call a record (the outfall's code and name, the river), or ''."""
    sql = _LABELS.get(entity)
    row = conn.execute(sql, (row_id,)).fetchone() if sql else None
    return str(row[0]) if row and row[0] else ""


def issues(conn: sqlite3.Connection, limit: int = 500) -> list[Issue]:
    """The latest issues, newest first."""
    out = []
    for r in conn.execute(
        "SELECT at, kind, entity, row_id, reason, local_data, server_data, resolution, settled,"
        " note FROM sync_issues ORDER BY id DESC LIMIT ?",
        (limit,),
    ):
        local = json.loads(r[5] or "null")
        record = record_key(r[2], r[3], local)
        out.append(
            Issue(r[0], r[1], r[2], r[3], r[4], local, json.loads(r[6] or "null"), r[7], r[8],
                  r[9] or "", record[0], label(conn, *record))
        )  # fmt: skip
    return out


def refused_records(conn: sqlite3.Connection) -> list[Refusal]:
    """Records with a refusal not yet settled, newest first. A photo whose file is gone is not a
    refusal (it is listed as an issue; the record itself synced)."""
    grouped: dict[tuple[str, str], list[tuple[str, str, str, str]]] = {}
    for at, entity, row_id, reason, data in conn.execute(
        "SELECT at, entity, row_id, coalesce(reason, ''),"
        " CASE WHEN coalesce(local_data, 'null') = 'null' THEN server_data ELSE local_data END"
        " FROM sync_issues"
        " WHERE kind = 'rejected' AND settled IS NULL AND resolution != 'not_uploaded'"
        " ORDER BY id"
    ):
        if entity in TABLES and row_data(conn, entity, row_id) is None:
            continue  # deleted here since (e.g. the photo of a discarded draft): nothing to do
        key = record_key(entity, row_id, json.loads(data or "null"))
        grouped.setdefault(key, []).append((at, entity, row_id, reason))
    out = []
    for (entity, row_id), items in grouped.items():
        own = [i[3] for i in items if (i[1], i[2]) == (entity, row_id)]
        reasons = tuple(dict.fromkeys(own + [i[3] for i in items]))
        rows = tuple(dict.fromkeys((i[1], i[2]) for i in items))
        out.append(
            Refusal(entity, row_id, label(conn, entity, row_id), max(i[0] for i in items),
                    reasons, rows)
        )  # fmt: skip
    out.sort(key=lambda r: r.at, reverse=True)
    return out


def withdrawn(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    """The records the user withdrew (a refusal settled as withdrawn)."""
    out = set()
    for entity, row_id, data in conn.execute(
        "SELECT entity, row_id, local_data FROM sync_issues WHERE settled = 'withdrawn'"
    ):
        out.add(record_key(entity, row_id, json.loads(data or "null")))
    return out


def decide_proposal(conn: sqlite3.Connection, proposal_id: str, state: str) -> None:
    """A supervisor's decision on one of this profile's ledger proposals, pulled: it shows on the
    proposal (accepted, merged or rejected)."""
    conn.execute(
        "UPDATE sync_issues SET resolution = ? WHERE kind = 'proposed' AND reason = ?",
        (f"proposal_{state}", proposal_id),
    )
