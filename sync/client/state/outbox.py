"""The outbox (``sync_batches``, ``sync_batch_rows``): the only module that writes them.

Every batch is cut (``batching``) and stored *before* it is sent, with its exact body, so a retry
sends the same id and the same bytes, and with the rows it carries. States: ``open`` (made, no
answer yet) → ``answered`` (results applied, photos may be missing) → ``done`` (every change and
every photo it refers to is on the server). Only ``done`` counts as sent.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from fieldapp.domain import clock
from sync.client.state import account, batching, issues, server_rows
from sync.client.state.records import photo_refs


@dataclass(frozen=True)
class Batch:
    batch_id: str
    first_seq: int
    last_seq: int
    body: str
    refs: tuple[str, ...]
    missing: tuple[str, ...]
    n_changes: int
    state: str


_BATCH_COLS = "batch_id, first_seq, last_seq, body, refs, missing, n_changes, state"


def _batch(row: Sequence[Any]) -> Batch:
    return Batch(
        row[0], row[1], row[2], row[3], tuple(json.loads(row[4])), tuple(json.loads(row[5])),
        row[6], row[7],
    )  # fmt: skip


def unfinished_batches(conn: sqlite3.Connection) -> list[Batch]:
    """Batches not yet done, oldest first (open ones must be answered in this order)."""
    return [
        _batch(r)
        for r in conn.execute(
            f"SELECT {_BATCH_COLS} FROM sync_batches WHERE state != 'done' ORDER BY last_seq"
        )
    ]


def make_batch(conn: sqlite3.Connection, max_changes: int, node: str) -> Batch | None:
    """Take the next changes of the log into a new stored batch (None: nothing to send); the
    rules are ``batching.cut``'s."""
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        log = [
            batching.LoggedChange(*r)
            for r in conn.execute(
                "SELECT seq, change_id, entity, row_id, op, data, at FROM change_log"
                " WHERE seq > ? ORDER BY seq LIMIT ?",
                (account.batched_seq(conn), max_changes),
            )
        ]
        if not log:
            return None
        cut = batching.cut(
            log, lambda e, r: server_rows.holds(conn, e, r), account.clock(conn), node
        )
        account.set_clock(conn, cut.clock)
        account.set_batched_seq(conn, log[-1].seq)
        if not cut.changes:
            return None
        batch_id = str(uuid.uuid4())
        body = batching.body(batch_id, cut.changes)
        conn.execute(
            "INSERT INTO sync_batches (batch_id, first_seq, last_seq, body, refs, n_changes,"
            " state, created_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?)",
            (
                batch_id,
                log[0].seq,
                log[-1].seq,
                body,
                json.dumps(list(cut.refs)),
                len(cut.changes),
                clock.now_iso(),
            ),
        )
        conn.executemany(
            "INSERT INTO sync_batch_rows (batch_id, entity, row_id, change_id, op)"
            " VALUES (?, ?, ?, ?, ?)",
            [(batch_id, c["entity"], c["row_id"], c["change_id"], c["op"]) for c in cut.changes],
        )
        return Batch(
            batch_id, log[0].seq, log[-1].seq, body, cut.refs, (), len(cut.changes), "open"
        )


def unsent_photos(conn: sqlite3.Connection) -> set[str]:
    """Every photo the server may still lack: those the unbatched changes refer to, those of
    batches not answered yet, and those answered batches still wait for."""
    shas: set[str] = set()
    start = account.batched_seq(conn)
    for (data,) in conn.execute("SELECT data FROM change_log WHERE seq > ?", (start,)):
        if data:
            shas |= photo_refs(json.loads(data))
    for b in unfinished_batches(conn):
        shas |= set(b.refs if b.state == "open" else b.missing)
    return shas


def is_open(conn: sqlite3.Connection, batch_id: str) -> bool:
    row = conn.execute("SELECT state FROM sync_batches WHERE batch_id = ?", (batch_id,)).fetchone()
    return row is not None and row[0] == "open"


def missing_of(conn: sqlite3.Connection, batch_id: str) -> tuple[str, ...]:
    """The photos an answered batch still waits for."""
    row = conn.execute(
        "SELECT missing FROM sync_batches WHERE batch_id = ?", (batch_id,)
    ).fetchone()
    return () if row is None else tuple(json.loads(row[0]))


def mark_answered(
    conn: sqlite3.Connection,
    batch_id: str,
    results: Sequence[tuple[str, str]],
    missing: Sequence[str],
) -> None:
    """Store the answer's result of each change (``(change_id, result)``); the batch is done unless photos are missing.
    Inside the caller's transaction (the one that applies the answer)."""
    conn.executemany(
        "UPDATE sync_batch_rows SET result = ? WHERE batch_id = ? AND change_id = ?",
        [(result, batch_id, change_id) for change_id, result in results],
    )
    done = not missing
    now = clock.now_iso()
    conn.execute(
        "UPDATE sync_batches SET state = ?, missing = ?, answered_at = ?, done_at = ?"
        " WHERE batch_id = ?",
        ("done" if done else "answered", json.dumps(list(missing)), now, now if done else None,
         batch_id),
    )  # fmt: skip


def mark_photos_arrived(
    conn: sqlite3.Connection, batch_id: str, still_missing: Iterable[str]
) -> bool:
    """Record which photos of an answered batch the server still lacks; done when none."""
    left = sorted(set(still_missing))
    with conn:
        conn.execute(
            "UPDATE sync_batches SET missing = ?, state = CASE WHEN ? THEN 'done' ELSE state END,"
            " done_at = CASE WHEN ? THEN ? ELSE done_at END WHERE batch_id = ? AND state = 'answered'",
            (json.dumps(left), not left, not left, clock.now_iso(), batch_id),
        )
    return not left


def give_up_photos(conn: sqlite3.Connection, batch_id: str, lost: Iterable[str]) -> None:
    """An answered batch is done although these photos never reached the server: their files
    are gone from this laptop. Each is kept as an issue the user sees; the server keeps the
    batch marked incomplete, so reviewers see the photo missing too. Nothing else waits."""
    shas = sorted(set(lost))
    with conn:
        for sha in shas:
            issues.photo_lost(conn, sha)
        conn.execute(
            "UPDATE sync_batches SET missing = ?, state = 'done', done_at = ?"
            " WHERE batch_id = ? AND state = 'answered'",
            (json.dumps(shas), clock.now_iso(), batch_id),
        )


def has_local_change(conn: sqlite3.Connection, entity: str, row_id: str, after_seq: int) -> bool:
    """Whether the row has a change after ``after_seq`` that the server has not answered yet."""
    if conn.execute(
        "SELECT 1 FROM change_log WHERE entity = ? AND row_id = ? AND seq > ? LIMIT 1",
        (entity, row_id, after_seq),
    ).fetchone():
        return True
    return bool(
        conn.execute(
            "SELECT 1 FROM sync_batch_rows r JOIN sync_batches b USING (batch_id)"
            " WHERE r.entity = ? AND r.row_id = ? AND b.state = 'open' AND b.last_seq > ? LIMIT 1",
            (entity, row_id, after_seq),
        ).fetchone()
    )


def answered_seq(conn: sqlite3.Connection) -> int:
    """The log position up to which every change has an answer from the server."""
    row = conn.execute(
        "SELECT min(first_seq) - 1 FROM sync_batches WHERE state = 'open'"
    ).fetchone()
    return int(row[0]) if row[0] is not None else account.batched_seq(conn)


def in_flight(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """(entity, row_id) of rows in unfinished batches: ``open`` or ``answered``."""
    return {
        (entity, row_id): state
        for entity, row_id, state in conn.execute(
            "SELECT r.entity, r.row_id, b.state FROM sync_batch_rows r JOIN sync_batches b"
            " USING (batch_id) WHERE b.state != 'done'"
        )
    }
