"""The `outfalls` table and its history tables (`outfall_events`, `outfall_edits`): the only module
that writes them. Every write validates first, and a refused write changes nothing.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from fieldapp.domain import clock, lifecycle
from fieldapp.domain.outfall import (
    EditRecord,
    LifecycleEvent,
    Outfall,
    OutfallHistory,
    OutfallId,
    changed_fields,
    new_id,
)
from fieldapp.domain.problems import InvalidRecord, Problem
from fieldapp.domain.reference import Reference
from fieldapp.domain.validation import validate
from fieldapp.store.capture import applying_incoming
from fieldapp.store.database import transaction
from fieldapp.store.migrations import EDIT_COLUMNS, EVENT_COLUMNS, OUTFALL_COLUMNS

_SELECT = f"SELECT {', '.join(OUTFALL_COLUMNS)} FROM outfalls"


def to_row(o: Outfall) -> dict[str, Any]:
    row = {c: getattr(o, c) for c in OUTFALL_COLUMNS}
    row["discharging_units"] = json.dumps(list(o.discharging_units), ensure_ascii=False)
    return row


def from_row(row: sqlite3.Row | tuple[Any, ...]) -> Outfall:
    values = dict(zip(OUTFALL_COLUMNS, row, strict=True))
    values["discharging_units"] = tuple(json.loads(values["discharging_units"] or "[]"))
    values["id"] = OutfallId(values["id"])
    return Outfall(**values)


def get(conn: sqlite3.Connection, outfall_id: str) -> Outfall | None:
    row = conn.execute(f"{_SELECT} WHERE id = ?", (outfall_id,)).fetchone()
    return None if row is None else from_row(row)


def count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM outfalls").fetchone()[0])


def code_owner(conn: sqlite3.Connection, code: str) -> str | None:
    """The id of the outfall that carries `code` in any of its code fields."""
    row = conn.execute(
        "SELECT id FROM outfalls WHERE national_code = ?1 OR local_code = ?1 "
        "OR provisional_code = ?1 LIMIT 1",
        (code,),
    ).fetchone()
    return None if row is None else str(row[0])


def history(conn: sqlite3.Connection, outfall_id: str) -> OutfallHistory:
    events = conn.execute(
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM outfall_events WHERE outfall_id = ? "
        "ORDER BY at, rowid",
        (outfall_id,),
    ).fetchall()
    edits = conn.execute(
        f"SELECT {', '.join(EDIT_COLUMNS)} FROM outfall_edits WHERE outfall_id = ? "
        "ORDER BY at, rowid",
        (outfall_id,),
    ).fetchall()
    return OutfallHistory(
        events=tuple(LifecycleEvent(*r) for r in events),
        edits=tuple(EditRecord(*r) for r in edits),
    )


def _check(conn: sqlite3.Connection, o: Outfall, ref: Reference) -> None:
    problems = validate(o, ref, code_owner=lambda code: code_owner(conn, code))
    if o.merge_into_id and o.merge_into_id != o.id and get(conn, o.merge_into_id) is None:
        problems.append(
            Problem(
                "merge_into_id",
                "not_found",
                "并入的排污口不在台账中。",
                "The outfall to merge into is not in the ledger.",
            )
        )
    if problems:
        raise InvalidRecord(problems)


def _insert_row(conn: sqlite3.Connection, o: Outfall) -> None:
    row = to_row(o)
    conn.execute(
        f"INSERT INTO outfalls ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        tuple(row.values()),
    )


def _insert_event(conn: sqlite3.Connection, e: LifecycleEvent) -> None:
    values = tuple(getattr(e, c) for c in EVENT_COLUMNS)
    conn.execute(
        f"INSERT INTO outfall_events ({', '.join(EVENT_COLUMNS)}) VALUES "
        f"({', '.join('?' * len(values))})",
        values,
    )


def create(
    conn: sqlite3.Connection, o: Outfall, ref: Reference, actor: str, path: str = ""
) -> Outfall:
    """Adds a new outfall in its initial state, with the event that records its creation.

    Later states are reached through `transition`, which checks and records each step.
    """
    at = clock.now_iso()
    o = dataclasses.replace(
        o,
        lifecycle_state=ref.initial_state,
        created_at=o.created_at or at,
        updated_at=at,
        updated_by=actor,
    )
    with transaction(conn, path):
        _check(conn, o, ref)
        _insert_row(conn, o)
        _insert_event(
            conn,
            LifecycleEvent(new_id(), o.id, "create", None, o.lifecycle_state, at, actor),  # type: ignore[arg-type]
        )
    return o


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return json.dumps(list(value), ensure_ascii=False)
    return str(value)


class StaleEdit(Exception):
    """The outfall changed since the edit began (another save came first)."""


def update(
    conn: sqlite3.Connection,
    edited: Outfall,
    ref: Reference,
    actor: str,
    expected_updated_at: str | None = None,
    path: str = "",
) -> Outfall:
    """Saves an edit: validates, records each changed field (who, what, when), writes the row.

    `expected_updated_at` guards against overwriting a change made since the editor opened.
    Lifecycle state is not editable here: use `transition`.
    """
    with transaction(conn, path):
        current = get(conn, edited.id)
        if current is None:
            raise InvalidRecord(
                [Problem("", "not_found", "该排污口已不存在。", "This outfall no longer exists.")]
            )
        if expected_updated_at is not None and current.updated_at != expected_updated_at:
            raise StaleEdit(edited.id)
        changes = changed_fields(current, edited)
        if not changes:
            return current
        at = clock.now_iso()
        saved = dataclasses.replace(
            edited,
            lifecycle_state=current.lifecycle_state,
            created_at=current.created_at,
            updated_at=at,
            updated_by=actor,
        )
        _check(conn, saved, ref)
        row = to_row(saved)
        del row["id"]
        conn.execute(
            f"UPDATE outfalls SET {', '.join(f'{c} = ?' for c in row)} WHERE id = ?",
            (*row.values(), saved.id),
        )
        conn.executemany(
            f"INSERT INTO outfall_edits ({', '.join(EDIT_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (new_id(), saved.id, at, actor, c.field, _as_text(c.old), _as_text(c.new))
                for c in changes
            ],
        )
    return saved


def transition(
    conn: sqlite3.Connection,
    outfall_id: str,
    action: str,
    ref: Reference,
    actor: str,
    note: str = "",
    path: str = "",
) -> Outfall:
    """Moves an outfall along its lifecycle and records the event; refuses illegal moves."""
    with transaction(conn, path):
        current = get(conn, outfall_id)
        if current is None:
            raise InvalidRecord(
                [Problem("", "not_found", "该排污口已不存在。", "This outfall no longer exists.")]
            )
        events = history(conn, outfall_id).events
        moved, event = lifecycle.apply_transition(
            current, action, ref, events, actor, clock.now_iso(), note
        )
        _check(conn, moved, ref)
        conn.execute(
            "UPDATE outfalls SET lifecycle_state = ?, updated_at = ?, updated_by = ? WHERE id = ?",
            (moved.lifecycle_state, moved.updated_at, moved.updated_by, moved.id),
        )
        _insert_event(conn, event)
    return moved


def delete(conn: sqlite3.Connection, outfall_id: str, path: str = "") -> bool:
    """Removes an outfall (a provisional entry made in error); leaves a tombstone."""
    with transaction(conn, path):
        cur = conn.execute("DELETE FROM outfalls WHERE id = ?", (outfall_id,))
    return cur.rowcount == 1


def bulk_load_incoming(
    conn: sqlite3.Connection, rows: Iterable[tuple[Outfall, list[LifecycleEvent]]]
) -> int:
    """Loads ledger rows that came from the server (or stand in for it, as the demo ledger does)
    in one transaction, without capturing them as local changes.

    The caller vouches for validity: the server validated them, and the generator's tests do.
    """
    n = 0
    # A big cache keeps a bulk load from spilling half-done pages to the WAL again and again.
    (cache_size,) = conn.execute("PRAGMA cache_size").fetchone()
    conn.execute("PRAGMA cache_size = -262144")
    with applying_incoming(conn):
        for outfall, events in rows:
            _insert_row(conn, outfall)
            for event in events:
                _insert_event(conn, event)
            n += 1
    conn.execute(f"PRAGMA cache_size = {int(cache_size)}")
    return n
