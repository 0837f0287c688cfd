"""Who this profile writes as (身份), and binding its records to the server account at sign-in.

Every record's author, inspectors and actor are the signed-in server account: never the laptop's
login name, which the server does not know. Before the first sign-in the profile has a user of its
own (``sync_account.local_user``, ``local-<8 hex>``); signing in binds the profile to the account
and re-attributes, in one transaction, every record the server has never held: inspections (author
and the name in 在场检查人员), patrols, outfall history rows and new outfalls. Each re-attributed
record is queued again with its children (photos, tracks, problems), so a photo refused earlier as
``parent_unknown`` goes again with its parent. The binding is written to ``local_audit`` (this
module owns that table) with the names it replaced and how many rows.

The sign-in itself is ``sync.client.state.account.sign_in``: it stores the account and binds in
one transaction. Binding runs again at the start of every sync: a window left open across the sign-in may save a
draft under the old name once more, and that draft must not be refused for it.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from fieldapp.domain import clock
from fieldapp.store import capture, synced_rows

# table -> (author column, children: (table, parent column))
_OWNED: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "inspections": ("author", (("inspection_photos", "inspection_id"),)),
    "patrols": (
        "author",
        (
            ("patrol_tracks", "patrol_id"),
            ("patrol_problems", "patrol_id"),
            ("patrol_photos", "patrol_id"),
        ),
    ),
    "outfall_events": ("actor", ()),
    "outfall_edits": ("actor", ()),
    "outfalls": ("updated_by", ()),
    "lead_verifications": ("author", ()),
}


def current_user(conn: sqlite3.Connection) -> str:
    """The name this profile writes records under: the account once signed in, else its own."""
    row = conn.execute("SELECT username, local_user FROM sync_account WHERE id = 1").fetchone()
    return str(row[0] or row[1])


def local_user(conn: sqlite3.Connection) -> str:
    return str(conn.execute("SELECT local_user FROM sync_account WHERE id = 1").fetchone()[0])


@dataclass(frozen=True)
class Binding:
    """What a binding re-attributed: rows per table, and the names it replaced."""

    username: str
    rows: dict[str, int]
    replaced: tuple[str, ...]

    @property
    def changed(self) -> int:
        return sum(self.rows.values())


def bind(conn: sqlite3.Connection, username: str) -> Binding:
    """Re-attribute every record written here that the server never held to ``username``, in
    one transaction (the profile belongs to one account: signing in as another is refused while
    anything is unsent or refused, see ``sync.client.engine``)."""
    with capture.applying_incoming(conn):
        return bind_in_transaction(conn, username)


def bind_in_transaction(conn: sqlite3.Connection, username: str) -> Binding:
    """``bind`` inside the caller's ``applying_incoming`` transaction (as the sign-in saves)."""
    rows: dict[str, int] = {}
    replaced: set[str] = set()
    own = local_user(conn)
    for table, (column, children) in _OWNED.items():
        # Rows written here (captured at least once) that the server has never held; driven by
        # the change log, so a 100,000-outfall ledger pulled from the server costs nothing.
        strangers = conn.execute(
            f"SELECT t.id, t.{column} FROM (SELECT DISTINCT row_id FROM change_log"
            f" WHERE entity = ?) AS c JOIN {table} AS t ON t.id = c.row_id"
            f" WHERE t.{column} IS NOT NULL AND t.{column} != ? AND NOT EXISTS"
            " (SELECT 1 FROM sync_server_rows s WHERE s.entity = ? AND s.row_id = t.id"
            " AND s.data IS NOT NULL) ORDER BY t.rowid",
            (table, username, table),
        ).fetchall()
        for row_id, old in strangers:
            replaced.add(str(old))
            conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (username, row_id))
            if table == "inspections":
                _rename_inspector(conn, row_id, {str(old), own}, username)
            _requeue(conn, table, row_id)
            for child, parent_column in children:
                for (child_id,) in conn.execute(
                    f"SELECT id FROM {child} WHERE {parent_column} = ? ORDER BY rowid", (row_id,)
                ).fetchall():
                    _requeue(conn, child, child_id)
        if strangers:
            rows[table] = len(strangers)
    binding = Binding(username, rows, tuple(sorted(replaced)))
    if binding.changed:
        audit(conn, "bind", username, detail={"replaced": binding.replaced, "rows": rows})
    return binding


def _rename_inspector(
    conn: sqlite3.Connection, inspection_id: str, old_names: set[str], username: str
) -> None:
    """The first 在场检查人员 is the author: the old name becomes the account, once; a draft begun
    before the first sign-in with no one named yet gets the account."""
    (sections,) = conn.execute(
        "SELECT sections FROM inspections WHERE id = ?", (inspection_id,)
    ).fetchone()
    data = json.loads(sections or "{}")
    names = [username if n in old_names else n for n in data.get("inspectors") or []]
    deduped = list(dict.fromkeys(names)) or [username]
    if deduped != data.get("inspectors"):
        data["inspectors"] = deduped
        conn.execute(
            "UPDATE inspections SET sections = ? WHERE id = ?",
            (json.dumps(data, ensure_ascii=False, sort_keys=True), inspection_id),
        )


def _requeue(conn: sqlite3.Connection, entity: str, row_id: str) -> None:
    data = synced_rows.row_data(conn, entity, row_id)
    if data is not None:
        synced_rows.enqueue(conn, entity, row_id, data)


def audit(
    conn: sqlite3.Connection,
    action: str,
    actor: str,
    entity: str = "",
    row_id: str = "",
    detail: dict[str, Any] | None = None,
) -> None:
    """One line of the profile's own audit (call inside the transaction of what it records)."""
    conn.execute(
        "INSERT INTO local_audit (at, action, actor, entity, row_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
        (
            clock.now_iso(),
            action,
            actor,
            entity,
            row_id,
            json.dumps(detail or {}, ensure_ascii=False, sort_keys=True),
        ),
    )


@dataclass(frozen=True)
class AuditEntry:
    at: str
    action: str
    actor: str
    entity: str
    row_id: str
    detail: dict[str, Any]


def audit_log(conn: sqlite3.Connection, limit: int = 200) -> list[AuditEntry]:
    return [
        AuditEntry(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]))
        for r in conn.execute(
            "SELECT at, action, actor, entity, row_id, detail FROM local_audit"
            " ORDER BY id DESC LIMIT ?",
            (limit,),
        )
    ]
