"""Lifecycle steps judged on the server (``sync.casework``'s rules with the stored facts).

A step arrives as an ``outfall_events`` row beside the ``outfalls`` row whose ``lifecycle_state``
it moves. Both are judged together before the batch applies anything: a step that breaks a rule
refuses the event and the state change alike, and a state change no valid step explains is
refused, so an outfall is never left half-moved, whatever sent the batch.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from sqlalchemy import Connection

from sync import casework
from sync.protocol import Change, Reason, ReviewState
from sync.server.config import CASEWORK_FILE, LIFECYCLE_FILE
from sync.server.models import Actor, StoredRecord
from sync.server.queries import records

Key = tuple[str, str]
INSPECTIONS_READ = 500


@cache
def rules() -> tuple[casework.Casework, casework.Machine]:
    return casework.load(CASEWORK_FILE), casework.Machine.load(LIFECYCLE_FILE)


@cache
def guarded_states() -> frozenset[str]:
    """The lifecycle states a new ledger row may not carry into the ledger by push: every known
    state but the open ones needs its steps. Values the machine does not know are left to the
    row's validation."""
    case_rules, machine = rules()
    lifecycle = json.loads(LIFECYCLE_FILE.read_text(encoding="utf-8"))
    known = {s["code"] for s in lifecycle["states"]}
    guarded = known - casework.open_states(case_rules, machine, lifecycle["initial"])
    return frozenset(guarded)


def inspections_of(conn: Connection, outfall_id: str) -> list[casework.InspectionFacts]:
    """The outfall's stored inspections as the rules read them (approved = reviewed approved),
    each with the count of its live photo rows."""
    rows = [
        r
        for r in records.about(conn, "inspections", None, outfall_id, limit=INSPECTIONS_READ)
        if r.data is not None
    ]
    photo_counts = Counter(
        p.parent_id
        for p in records.children(conn, "inspection_photos", [r.id for r in rows])
        if not p.deleted
    )
    found = []
    for rec in rows:
        assert rec.data is not None
        approved = rec.review_state == ReviewState.APPROVED.value
        facts = casework.inspection_facts(rec.data, approved, photo_counts[rec.id])
        if facts is not None:
            found.append(facts)
    return found


def past_actions(conn: Connection, outfall_id: str) -> tuple[str, ...]:
    """The actions of the outfall's stored steps, oldest first."""
    events = [r.data for r in records.children(conn, "outfall_events", [outfall_id]) if r.data]
    events.sort(key=lambda d: str(d.get("at") or ""))
    return tuple(str(d.get("action") or "") for d in events)


@dataclass(frozen=True)
class _Step:
    change_id: str
    action: str
    from_state: str
    to_state: str
    actor_name: str


def judge_batch(
    conn: Connection,
    actor: Actor,
    changes: Sequence[Change],
    state: Mapping[Key, StoredRecord],
    now: dt.datetime,
) -> dict[str, Reason]:
    """The refusal of each change of the batch that a lifecycle rule stops (change id → reason)."""
    case_rules, machine = rules()
    moves: dict[str, Change] = {}
    steps: dict[str, list[_Step]] = {}
    event_ids: set[str] = set()
    for c in changes:
        if c.data is None or c.op == "delete":
            continue
        row_id = str(c.row_id)
        if c.entity == "outfalls":
            stored = state.get(("outfalls", row_id))
            old = (
                None
                if stored is None or stored.data is None
                else stored.data.get("lifecycle_state")
            )
            if c.data.get("lifecycle_state") != old:
                moves[row_id] = c
        elif (
            c.entity == "outfall_events"
            and ("outfall_events", row_id) not in state
            and row_id not in event_ids
        ):
            # A repeat of the same event in the batch is the decide rules' (noop or immutable).
            event_ids.add(row_id)
            oid = str(c.data.get("outfall_id") or "").lower()
            steps.setdefault(oid, []).append(
                _Step(
                    str(c.change_id),
                    str(c.data.get("action") or ""),
                    str(c.data.get("from_state") or ""),
                    str(c.data.get("to_state") or ""),
                    str(c.data.get("actor") or ""),
                )
            )
    refused: dict[str, Reason] = {}
    who = casework.Who(actor.role, actor.counties)
    for oid in moves.keys() | steps.keys():
        stored = state.get(("outfalls", oid))
        move = moves.get(oid)
        if stored is None or stored.deleted or stored.data is None:
            # A new ledger row (a newly found outfall, a supervisor's new entry) carries the state
            # it was registered in, if no step guards that state; a step cannot come with it,
            # having nothing to move from. (The bureau's ledger import keeps its states: it is
            # not a push.)
            for step in steps.get(oid, ()):
                refused[step.change_id] = Reason.STEP_UNEXPLAINED
            arriving = None if move is None or move.data is None else move.data
            if arriving is not None and arriving.get("lifecycle_state") in guarded_states():
                assert move is not None
                refused[str(move.change_id)] = Reason.STEP_UNEXPLAINED
            continue
        data = move.data if move is not None and move.data is not None else stored.data
        route = data.get("remediation_route")
        running = str(stored.data.get("lifecycle_state") or "")
        done = list(past_actions(conn, oid))
        inspections = inspections_of(conn, oid) if oid in steps else []
        failure: Reason | None = None
        for step in steps.get(oid, ()):
            if failure is not None:
                refused[step.change_id] = failure
                continue
            facts = casework.OutfallFacts(stored.county_code or "", running, route, tuple(done))
            reasons: list[Reason] = []
            if step.actor_name != actor.username:
                reasons.append(Reason.NOT_OWNER)
            if move is None and step.to_state == running:
                # The state moved in an earlier batch (a batch cut between the row and its step):
                # the step is judged from where it started.
                facts = casework.OutfallFacts(
                    facts.county_code, step.from_state, route, facts.past_actions
                )
            elif move is None:
                reasons.append(Reason.STEP_UNEXPLAINED)
            reasons += casework.judge_step(
                case_rules,
                machine,
                step.action,
                step.from_state,
                step.to_state,
                who,
                facts,
                inspections,
                now,
            )
            if reasons:
                failure = reasons[0]
                refused[step.change_id] = failure
                continue
            running = step.to_state
            done.append(step.action)
        if move is not None:
            target = move.data.get("lifecycle_state") if move.data else None
            if failure is not None:
                refused[str(move.change_id)] = failure
            elif oid not in steps or running != target:
                refused[str(move.change_id)] = Reason.STEP_UNEXPLAINED
    return refused
