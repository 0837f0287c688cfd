"""What the user does about a record the server refused (被拒): send it again, or withdraw it with a
reason. Nothing is dropped silently: the record stays on the laptop either way, each step is
written to the profile's audit (``fieldapp.store.identity.audit``), and the refusal stays in the
issue list (``issues``) with how it was settled.

Sending again queues the refused rows' current state (the record before its photos or track), so
a record fixed in its window, or bound to the account since, goes with the next sync; if the
server refuses it again, that is a new refusal with its own reason.
"""

from __future__ import annotations

import sqlite3

from fieldapp.store import identity, synced_rows
from sync.client.state import issues
from sync.client.state.records import parents_first


class NothingToSettle(LookupError):
    """The record has no open refusal (settled meanwhile, e.g. by another window)."""


def _refusal(conn: sqlite3.Connection, entity: str, row_id: str) -> issues.Refusal:
    for r in issues.refused_records(conn):
        if (r.entity, r.row_id) == (entity, row_id):
            return r
    raise NothingToSettle(f"{entity} {row_id}")


def resend(conn: sqlite3.Connection, entity: str, row_id: str, actor: str | None = None) -> int:
    """Queue a refused record's refused rows again (parents first); how many rows were queued.
    ``actor``: who does it (default: the profile's current user)."""
    actor = actor or identity.current_user(conn)
    with conn:
        refusal = _refusal(conn, entity, row_id)
        rows = parents_first(list(refusal.rows))
        queued = 0
        for row_entity, rid in rows:
            data = synced_rows.row_data(conn, row_entity, rid)
            if data is not None:  # deleted here since: nothing to send
                synced_rows.enqueue(conn, row_entity, rid, data)
                queued += 1
            issues.settle(conn, row_entity, rid, "resent")
        identity.audit(
            conn, "resend", actor, entity, row_id,
            {"reasons": list(refusal.reasons), "rows": queued},
        )  # fmt: skip
    return queued


def withdraw(
    conn: sqlite3.Connection, entity: str, row_id: str, reason: str, actor: str | None = None
) -> None:
    """Stop trying to send a refused record; it stays on this laptop, marked withdrawn."""
    actor = actor or identity.current_user(conn)
    reason = reason.strip()
    if not reason:
        raise ValueError("a withdrawal needs a reason")
    with conn:
        refusal = _refusal(conn, entity, row_id)
        for row_entity, rid in refusal.rows:
            issues.settle(conn, row_entity, rid, "withdrawn", reason)
        identity.audit(
            conn, "withdraw", actor, entity, row_id,
            {"reason": reason, "refused_for": list(refusal.reasons)},
        )  # fmt: skip
