"""Applying the server's answer to a batch on the device (the rules are ``conflicts``')."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from fieldapp.store import capture, synced_rows
from sync.client.state import conflicts, issues, outbox, server_rows
from sync.protocol import ChangeResult, PushResponse, ResultKind


@dataclass(frozen=True)
class AnswerSummary:
    applied: int
    duplicate: int
    proposed: int
    conflict: int
    rejected: int
    missing_photos: tuple[str, ...]


def record_answer(
    conn: sqlite3.Connection, batch: outbox.Batch, answer: PushResponse
) -> AnswerSummary:
    """Apply the server's answer to a batch, in one uncaptured transaction; idempotent (an
    answer to a batch no longer open applies nothing)."""
    sent = {c["change_id"]: c for c in json.loads(batch.body)["changes"]}
    counts = dict.fromkeys(ResultKind, 0)
    with capture.applying_incoming(conn):
        if not outbox.is_open(conn, batch.batch_id):
            return AnswerSummary(0, 0, 0, 0, 0, outbox.missing_of(conn, batch.batch_id))
        for result in answer.results:
            change = sent.get(result.change_id)
            if change is None:
                continue
            counts[result.result] += 1
            _apply(conn, batch, change, result)
        missing = tuple(answer.missing_photos)
        results = [(r.change_id, r.result) for r in answer.results]
        outbox.mark_answered(conn, batch.batch_id, results, missing)
    return AnswerSummary(
        counts[ResultKind.APPLIED], counts[ResultKind.DUPLICATE], counts[ResultKind.PROPOSED],
        counts[ResultKind.CONFLICT], counts[ResultKind.REJECTED], missing,
    )  # fmt: skip


def _apply(
    conn: sqlite3.Connection, batch: outbox.Batch, change: dict[str, Any], result: ChangeResult
) -> None:
    entity, row_id = change["entity"], change["row_id"]
    known, server_data = (
        (False, None)  # not needed: what was sent is what the server holds
        if result.result in conflicts.ACCEPTED
        else server_rows.known(conn, entity, row_id)
    )
    newer_local = outbox.has_local_change(conn, entity, row_id, batch.last_seq)
    done = conflicts.resolve(change, result, known, server_data, newer_local)
    if done.remember:
        server_rows.remember(conn, entity, row_id, done.remembered, done.remembered_hlc)
    if done.accepted:
        issues.settle(conn, entity, row_id, "accepted")  # an earlier refusal is behind us
    if done.issue is not None:
        note = done.issue
        issues.add(conn, note.kind, change, note.reason, note.server_data, note.resolution)
    if done.write:
        synced_rows.write_row(conn, entity, done.local, row_id)
    if done.requeue:
        synced_rows.enqueue(conn, entity, row_id, done.local)
