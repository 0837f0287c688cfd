"""The synced tables and their rows as the change log carries them.

The device's sync (``sync.client.state``) reads a row as a change carries it, writes a row the
server sent, and queues a change made outside capture (a merge result, a re-attributed or resent
row) through here; ``change_log`` itself is ``capture``'s. Server changes are written inside
``capture.applying_incoming`` so they are not captured again.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from typing import Any

from fieldapp.domain import clock
from fieldapp.store import (
    inspection_schema,
    leads_schema,
    patrol_problems_schema,
    patrol_schema,
    patrol_task_schema,
    task_link_schema,
)
from fieldapp.store.migrations import EDIT_COLUMNS, EVENT_COLUMNS, OUTFALL_COLUMNS


@dataclass(frozen=True)
class Table:
    """A synced table: its columns (as captured) and which of them hold JSON text."""

    name: str
    columns: tuple[str, ...]
    json_columns: tuple[str, ...] = ()


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table("outfalls", OUTFALL_COLUMNS, ("discharging_units",)),
        Table("outfall_events", EVENT_COLUMNS),
        Table("outfall_edits", EDIT_COLUMNS),
        Table("inspections", task_link_schema.INSPECTION_COLUMNS, ("sections", "position")),
        Table("inspection_photos", inspection_schema.PHOTO_COLUMNS),
        Table("patrols", patrol_task_schema.PATROL_COLUMNS, ("pauses", "outfalls_passed")),
        Table("patrol_tracks", patrol_schema.TRACK_COLUMNS, ("points",)),
        Table("patrol_problems", patrol_problems_schema.PROBLEM_COLUMNS),
        Table("patrol_photos", patrol_schema.PHOTO_COLUMNS),
        Table("lead_verifications", leads_schema.VERIFICATION_COLUMNS, ("photo_sha256s",)),
    )
}


def row_data(conn: sqlite3.Connection, entity: str, row_id: str) -> dict[str, Any] | None:
    """A local row as the change log carries it (JSON columns embedded), or None."""
    table = TABLES[entity]
    row = conn.execute(
        f"SELECT {', '.join(table.columns)} FROM {table.name} WHERE id = ?", (row_id,)
    ).fetchone()
    if row is None:
        return None
    data = dict(zip(table.columns, row, strict=True))
    for c in table.json_columns:
        if data[c] is not None:
            data[c] = json.loads(data[c])
    return data


def write_row(
    conn: sqlite3.Connection, entity: str, data: dict[str, Any] | None, row_id: str
) -> None:
    """Make the local row equal to ``data`` (None: delete); not a synced table: nothing. Call
    inside ``capture.applying_incoming``."""
    table = TABLES.get(entity)
    if table is None:
        return
    if data is None:
        conn.execute(f"DELETE FROM {table.name} WHERE id = ?", (row_id,))
        return
    values = []
    for c in table.columns:
        v = data.get(c)
        if c in table.json_columns and v is not None:
            v = json.dumps(v, ensure_ascii=False, sort_keys=True)
        values.append(v)
    cols = ", ".join(table.columns)
    updates = ", ".join(f"{c} = excluded.{c}" for c in table.columns if c != "id")
    conn.execute(
        f"INSERT INTO {table.name} ({cols}) VALUES ({', '.join('?' * len(values))})"
        f" ON CONFLICT (id) DO UPDATE SET {updates}",
        values,
    )


def enqueue(conn: sqlite3.Connection, entity: str, row_id: str, data: dict[str, Any]) -> None:
    """A change made outside capture (a merge result, a re-attributed or resent row), sent like
    any captured change. Call inside a transaction."""
    conn.execute(
        "INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (?, ?, ?, ?, ?, ?)",
        (
            str(uuid.uuid4()),
            entity,
            row_id,
            "upsert",
            json.dumps(data, ensure_ascii=False),
            clock.now_iso(),
        ),
    )
