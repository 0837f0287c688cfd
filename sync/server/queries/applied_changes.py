"""The ``applied_changes`` table: every change id ever applied, with the device that sent it."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, select

from sync.server.queries._bulk import insert_rows, one_of
from sync.server.schema import applied_changes

CHUNK = 500


def devices_of(conn: Connection, change_ids: Iterable[str]) -> dict[str, str]:
    """change id → device id, for the ids already applied."""
    ids = sorted(set(change_ids))
    found: dict[str, str] = {}
    for start in range(0, len(ids), CHUNK):
        rows = conn.execute(
            select(applied_changes.c.change_id, applied_changes.c.device_id).where(
                one_of(conn, applied_changes.c.change_id, ids[start : start + CHUNK])
            )
        )
        found.update({r.change_id: r.device_id for r in rows})
    return found


def insert_many(conn: Connection, rows: list[dict[str, str]]) -> None:
    insert_rows(conn, applied_changes, rows)
