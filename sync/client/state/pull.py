"""Applying what the server sends on pull; the supervisors' decisions (``sync_reviews``) and
tasks (``sync_tasks``) pulled from it: the only module that writes those two tables. Aerial-survey
leads and remediation plans go to their own modules, ``fieldapp.store.leads`` and ``.plans``."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from fieldapp.store import capture, synced_rows
from fieldapp.store import leads as lead_rows
from fieldapp.store import plans as plan_rows
from sync.client.state import account, clock, issues, outbox, server_rows
from sync.protocol import PulledChange


def apply_pulled(conn: sqlite3.Connection, items: Sequence[PulledChange], cursor: int) -> int:
    """Apply one page of server changes and store the cursor, in one uncaptured transaction.

    A row with a local change the server has not answered yet is not overwritten: only the
    server's state is remembered, and the answer to that change reconciles the row later.
    Returns how many rows were written locally.
    """
    written = 0
    with capture.applying_incoming(conn):
        state = account.clock(conn)
        after = outbox.answered_seq(conn)
        for item in items:
            state = clock.witness(state, item.hlc)
            entity, row_id, data, op = item.entity, item.row_id, item.data, item.op
            if entity == "reviews":
                _store_review(conn, data, row_id, op)
                continue
            if entity == "tasks":
                conn.execute(
                    "INSERT OR REPLACE INTO sync_tasks (id, data, deleted) VALUES (?, ?, ?)",
                    (row_id, json.dumps(data, ensure_ascii=False), int(op == "delete")),
                )
                continue
            if entity == "leads":  # aerial-survey leads of the county: the map's "to verify"
                lead_rows.apply(conn, row_id, data, op == "delete")
                continue
            if entity == "plans":  # remediation plans (一口一策) of the area
                plan_rows.apply(conn, row_id, data, op == "delete")
                continue
            if entity not in synced_rows.TABLES:
                continue
            data = None if op == "delete" else data
            server_rows.remember(conn, entity, row_id, data, item.hlc)
            if outbox.has_local_change(conn, entity, row_id, after):
                continue
            synced_rows.write_row(conn, entity, data, row_id)
            written += 1
        account.set_clock(conn, state)
        account.advance_pull_cursor(conn, cursor)
    return written


def _store_review(conn: sqlite3.Connection, data: Any, row_id: str, op: str) -> None:
    if op == "delete" or not isinstance(data, dict):
        conn.execute("DELETE FROM sync_reviews WHERE id = ?", (row_id,))
        return
    if data.get("proposal_id") and data.get("state"):  # the decision shows on the proposal
        issues.decide_proposal(conn, str(data["proposal_id"]), str(data["state"]))
    conn.execute(
        "INSERT OR REPLACE INTO sync_reviews (id, record_entity, record_id, state, comment,"
        " reviewer, at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            row_id,
            str(data.get("record_entity", "")),
            str(data.get("record_id", "")),
            str(data.get("state", "")),
            str(data.get("comment") or ""),
            str(data.get("reviewer") or ""),
            str(data.get("at") or ""),
            json.dumps(data, ensure_ascii=False),
        ),
    )
