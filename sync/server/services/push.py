"""Applying a pushed batch: atomic, idempotent, each change judged by ``sync.server.rules``.

The whole batch runs in one serialised write transaction: its records, feed items, proposals,
applied change ids, audit entries, review items and the stored answer commit together or not at
all. A replayed batch id returns the stored answer and applies nothing.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine

from sync.protocol import (
    Change,
    ChangeResult,
    ErrorCode,
    PushRequest,
    PushResponse,
    Reason,
    ResultKind,
)
from sync.server import db
from sync.server.audit import AuditEntry
from sync.server.canonical import as_utc, dumps, sha256_text, utcnow
from sync.server.errors import ApiError
from sync.server.models import Actor, StoredRecord
from sync.server.queries import applied_changes, audit, batches, feed, photos, proposals, records
from sync.server.rules import (
    ENTITIES,
    Decision,
    IncomingChange,
    decide,
    parent_id_of,
    photo_refs,
    references_of,
)
from sync.server.services import casework, draw_visits, tasks

Key = tuple[str, str]
VISIT_ENTITIES = frozenset({"inspections", "inspection_photos"})  # what a drawn visit may push


def content_hash(changes: list[Change]) -> str:
    """SHA-256 of the batch's changes in canonical JSON."""
    return sha256_text(dumps([c.model_dump(mode="json") for c in changes]))


def push(engine: Engine, actor: Actor, request: PushRequest) -> PushResponse:
    """Apply a batch once; a replay of the same batch returns the stored answer."""
    batch_id = str(request.batch_id)
    digest = content_hash(request.changes)
    with db.write(engine) as conn:
        stored = batches.get_raw(conn, batch_id)
        if stored is not None:
            return _replay(stored, actor, digest)
        run = _BatchRun(conn, actor, batch_id, utcnow())
        run.load(request.changes)
        for position, change in enumerate(request.changes):
            run.apply(position, change)
        return run.store(digest)


def _replay(stored: Any, actor: Actor, digest: str) -> PushResponse:
    if stored.device_id != actor.device_id:
        raise ApiError(409, ErrorCode.BATCH_FOREIGN, "this batch id belongs to another device")
    if stored.content_hash != digest:
        raise ApiError(
            409, ErrorCode.BATCH_ID_REUSED, "this batch id was already used for other changes"
        )
    return PushResponse.model_validate_json(stored.response)


@dataclass
class _BatchRun:
    """The state of one batch while its changes are judged in order."""

    conn: Connection
    actor: Actor
    batch_id: str
    now: datetime
    state: dict[Key, StoredRecord] = field(default_factory=dict)
    in_db: set[Key] = field(default_factory=set)
    dirty: dict[Key, StoredRecord] = field(default_factory=dict)
    seen: dict[str, str] = field(default_factory=dict)
    results: list[ChangeResult] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    feed_rows: list[dict[str, Any]] = field(default_factory=list)
    audit_rows: list[AuditEntry] = field(default_factory=list)
    proposal_rows: list[dict[str, Any]] = field(default_factory=list)
    applied_rows: list[dict[str, str]] = field(default_factory=list)
    refs: set[str] = field(default_factory=set)
    open_visits: list[Any] = field(default_factory=list)  # drawn visits open now
    visits: dict[str, str] = field(default_factory=dict)  # outfalls open to the sender's visits
    step_refusals: dict[str, Reason] = field(default_factory=dict)

    def load(self, changes: list[Change]) -> None:
        """Fetch the stored rows, parents and change ids the batch touches, in a few queries."""
        keys = {(c.entity, str(c.row_id)) for c in changes}
        self.state = records.get_many(self.conn, keys)
        parents: set[Key] = set()
        for c in changes:
            rule = ENTITIES.get(c.entity)
            if rule is not None and rule.parent_entity is not None:
                pid = parent_id_of(c.entity, c.data, self.state.get((c.entity, str(c.row_id))))
                if pid is not None:
                    parents.add((rule.parent_entity, pid))
        named = {ref for c in changes for ref in references_of(c.entity, c.data).values()}
        self.state.update(records.get_many(self.conn, (parents | named) - self.state.keys()))
        self.in_db = set(self.state)
        self.seen = applied_changes.devices_of(self.conn, (str(c.change_id) for c in changes))
        if any(c.entity in VISIT_ENTITIES for c in changes):
            self.open_visits = draw_visits.open_at(self.conn, self.now)
            self.visits = draw_visits.granted(self.open_visits, self.actor.username)
        self.step_refusals = casework.judge_batch(
            self.conn, self.actor, changes, self.state, self.now
        )

    def apply(self, position: int, change: Change) -> None:
        change_id = str(change.change_id)
        key = (change.entity, str(change.row_id))
        decision, refs = self._judge(change_id, change, key)
        current = self.state.get(key)
        result = ChangeResult(change_id=change_id, result=decision.result, reason=decision.reason)
        if decision.result is ResultKind.APPLIED:
            result.version = self._apply(change, key, current, decision)
        elif decision.result is ResultKind.PROPOSED:
            result.proposal_id = self._propose(change, key, current, decision)
        elif decision.result is ResultKind.CONFLICT and current is not None:
            result.version = current.version
            result.server_row = current.data
        if decision.result in (ResultKind.APPLIED, ResultKind.PROPOSED):
            self.seen[change_id] = self.actor.device_id
            self.applied_rows.append(
                {
                    "change_id": change_id,
                    "device_id": self.actor.device_id,
                    "batch_id": self.batch_id,
                }
            )
            self.refs |= refs
        self.results.append(result)
        self.items.append(
            {
                "batch_id": self.batch_id,
                "position": position,
                "change_id": change_id,
                "entity": change.entity,
                "row_id": key[1],
                "op": change.op,
                "result": decision.result.value,
                "reason": None if decision.reason is None else decision.reason.value,
                "county_code": decision.county_code,
            }
        )

    def _judge(self, change_id: str, change: Change, key: Key) -> tuple[Decision, set[str]]:
        if change_id in self.seen:
            if self.seen[change_id] == self.actor.device_id:
                return Decision(ResultKind.DUPLICATE), set()
            return Decision(ResultKind.REJECTED, Reason.CHANGE_ID_FOREIGN), set()
        refs = photo_refs(change.data) if change.data is not None else set()
        if refs is None:
            return Decision(ResultKind.REJECTED, Reason.INVALID_ROW), set()
        current = self.state.get(key)
        parent = None
        rule = ENTITIES.get(change.entity)
        if rule is not None and rule.parent_entity is not None:
            pid = parent_id_of(change.entity, change.data, current)
            parent = None if pid is None else self.state.get((rule.parent_entity, pid))
        incoming = IncomingChange(change.entity, key[1], change.op, change.data, change.hlc)
        named = {
            name: self.state.get(ref)
            for name, ref in references_of(change.entity, change.data).items()
        }
        decision = decide(incoming, current, parent, self.actor, named, self.visits)
        step_refusal = self.step_refusals.get(change_id)
        if step_refusal is not None and decision.result in (
            ResultKind.APPLIED,
            ResultKind.PROPOSED,
        ):
            # A lifecycle step the rules stop: its event and its state change are refused alike.
            return Decision(ResultKind.REJECTED, step_refusal), set()
        return decision, refs

    def _apply(
        self, change: Change, key: Key, current: StoredRecord | None, decision: Decision
    ) -> int:
        if decision.noop and current is not None:
            return current.version
        rule = ENTITIES[change.entity]
        deleted = change.op == "delete"
        new = StoredRecord(
            entity=change.entity,
            id=key[1],
            version=1 if current is None else current.version + 1,
            data=None if deleted else change.data,
            county_code=decision.county_code,
            owner=decision.owner or (current.owner if current else self.actor.username),
            parent_id=decision.parent_id,
            status=decision.status,
            review_state=current.review_state if current and rule.kind == "ledger" else None,
            deleted=deleted,
            hlc=change.hlc,
            device_id=self.actor.device_id,
            batch_id=self.batch_id,
            updated_at=self.now,
        )
        self.state[key] = new
        self.dirty[key] = new
        self.audit_rows.append(
            AuditEntry(
                at=self.now,
                username=self.actor.username,
                device_id=self.actor.device_id,
                action=f"push.{change.op}",
                entity=change.entity,
                row_id=key[1],
                before=None if current is None else current.data,
                after=new.data,
            )
        )
        if rule.in_feed:
            self.feed_rows.append(
                {
                    "change_id": str(change.change_id),
                    "entity": change.entity,
                    "row_id": key[1],
                    "op": change.op,
                    "data": new.data,
                    "at": as_utc(change.at),
                    "hlc": change.hlc,
                    "county_code": decision.county_code,
                }
            )
        return new.version

    def _propose(
        self, change: Change, key: Key, current: StoredRecord | None, decision: Decision
    ) -> str:
        proposal_id = str(uuid.uuid4())
        self.proposal_rows.append(
            {
                "id": proposal_id,
                "entity": change.entity,
                "row_id": key[1],
                "op": change.op,
                "data": change.data,
                "base_version": None if current is None else current.version,
                "proposed_by": self.actor.username,
                "device_id": self.actor.device_id,
                "batch_id": self.batch_id,
                "change_id": str(change.change_id),
                "county_code": decision.county_code,
                "state": "pending",
                "created_at": self.now,
            }
        )
        self.audit_rows.append(
            AuditEntry(
                at=self.now,
                username=self.actor.username,
                device_id=self.actor.device_id,
                action="push.propose",
                entity=change.entity,
                row_id=key[1],
                before=None if current is None else current.data,
                after={"proposal_id": proposal_id, "op": change.op, "data": change.data},
            )
        )
        return proposal_id

    def store(self, digest: str) -> PushResponse:
        """Write everything the batch produced and the answer a replay will get."""
        conn = self.conn
        records.insert_many(conn, [r for k, r in self.dirty.items() if k not in self.in_db])
        records.update_many(conn, [r for k, r in self.dirty.items() if k in self.in_db])
        # A received record linked to a task closes it (its closure goes back through the feed).
        tasks.close_for_records(conn, self.actor, list(self.dirty.values()))
        # Which photos each written row refers to now (a new row without any needs no write).
        photos.set_refs(
            conn,
            [
                (k[0], k[1], photo_refs(r.data) or set())
                for k, r in self.dirty.items()
                if k in self.in_db or photo_refs(r.data)
            ],
        )
        feed.append_many(conn, self.feed_rows)
        draw_visits.note_inspections(
            conn, self.dirty.values(), self.actor.username, self.now, self.open_visits
        )
        proposals.insert_many(conn, self.proposal_rows)
        applied_changes.insert_many(conn, self.applied_rows)
        audit.append_many(conn, self.audit_rows)
        batches.insert_items(conn, self.items)
        missing = sorted(self.refs - photos.held(conn, self.refs, self.actor.username))
        response = PushResponse(
            batch_id=self.batch_id,
            results=self.results,
            missing_photos=missing,
            complete=not missing,
        )
        counts = Counter(r.result.value for r in self.results)
        counties = sorted({i["county_code"] for i in self.items if i["county_code"]})
        batches.insert_batch(
            conn,
            {
                "batch_id": self.batch_id,
                "device_id": self.actor.device_id,
                "username": self.actor.username,
                "received_at": self.now,
                "content_hash": digest,
                "counts": json.dumps(dict(counts), sort_keys=True),
                "total": len(self.results),
                "counties": json.dumps(counties),
                "complete": not missing,
                "response": response.model_dump_json(),
            },
            counties,
        )
        batches.add_photo_refs(conn, self.batch_id, self.refs)
        return response
