"""What the server is known to hold (``sync_server_rows``): the only module that writes it.

The last state of each row the server holds, from answers and pulls: the base of field-level
merges and what a proposal or rejection reverts to. ``data`` None: the server deleted the row.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any


def known(conn: sqlite3.Connection, entity: str, row_id: str) -> tuple[bool, Any]:
    """(known, data) of the server's last known state of a row (data None: deleted there)."""
    row = conn.execute(
        "SELECT data FROM sync_server_rows WHERE entity = ? AND row_id = ?", (entity, row_id)
    ).fetchone()
    if row is None:
        return False, None
    return True, None if row[0] is None else json.loads(row[0])


def holds(conn: sqlite3.Connection, entity: str, row_id: str) -> bool:
    """Whether the server is known to hold the row now (known and not deleted there)."""
    return known(conn, entity, row_id)[1] is not None


def ever_known(conn: sqlite3.Connection, entity: str, row_id: str) -> bool:
    """Whether the server ever answered or sent this row (deleted there or not)."""
    return (
        conn.execute(
            "SELECT 1 FROM sync_server_rows WHERE entity = ? AND row_id = ?", (entity, row_id)
        ).fetchone()
        is not None
    )


def remember(conn: sqlite3.Connection, entity: str, row_id: str, data: Any, hlc: str = "") -> None:
    """The server's state of a row, as an answer or a pull told it. Inside a transaction."""
    conn.execute(
        "INSERT OR REPLACE INTO sync_server_rows (entity, row_id, data, hlc) VALUES (?, ?, ?, ?)",
        (entity, row_id, None if data is None else json.dumps(data, ensure_ascii=False), hlc),
    )
