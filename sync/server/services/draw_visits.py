"""Drawn visits in the field: released to their inspectors on the day the draw says, done when the
team's inspection arrives, overdue when their window closes first.

Releasing a visit sends each of its inspectors, and no one else, a task (kind
``random_inspection``: the visit, the outfall, the window, the co-inspectors) and the outfall's
ledger row: feed items addressed to that user until the window closes (``feed.audience``), so an
inspector drawn for another county's outfall gets that one row and nothing else of the county.
While the window lasts, ``granted`` lets the push rules accept that inspector's inspection of that
outfall (``sync.server.rules.decide``). Before the release nothing of a visit leaves the server.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import draws
from draws.visits import CHINA_TIME, VisitWindow, closed_task, state, task_data, window
from sync.server import db
from sync.server.audit import AuditEntry
from sync.server.canonical import as_utc, server_hlc, utcnow
from sync.server.context import ServerContext
from sync.server.models import Actor, StoredRecord
from sync.server.queries import audit, feed, records
from sync.server.queries import draws as stored
from sync.server.services.draws import DrawRefused, may_draw

TASK_IDS = uuid.UUID("5f0c6d2e-8a4b-4e1f-9a57-2d0b1c3e7a90")  # namespace of visit task ids


@dataclass(frozen=True, slots=True)
class Released:
    draw_id: str
    target_id: str
    inspectors: tuple[str, ...]
    closes: dt.datetime


@dataclass(frozen=True, slots=True)
class VisitStatus:
    target_id: str
    county_code: str
    inspectors: tuple[str, ...]
    planned_on: str
    released_on: str
    closes: dt.datetime
    state: str  # secret / open / done / overdue (``draws.visits.state``)
    done_at: dt.datetime | None
    done_record: str | None


def task_id(draw_id: str, target_id: str, inspector: str) -> str:
    """The same task id each time (a release run twice sends nothing new)."""
    return str(uuid.uuid5(TASK_IDS, f"{draw_id}/{target_id}/{inspector}"))


def release(ctx: ServerContext, actor: Actor, now: dt.datetime | None = None) -> list[Released]:
    """Release every visit whose release day has come (China time) and that was not released:
    tasks and outfall rows to its inspectors, audited. Only the city releases."""
    if not may_draw(actor):
        raise DrawRefused("only the city releases drawn visits", "只有市级可以下达抽查任务")
    at = (now or utcnow()).astimezone(dt.UTC)  # stored and hashed (audit) as UTC
    today = at.astimezone(CHINA_TIME).date().isoformat()
    done: list[Released] = []
    with db.write(ctx.engine) as conn:
        rules_of: dict[str, draws.DrawRules] = {}
        for visit in stored.due_unreleased(conn, today):
            if visit.draw_id not in rules_of:
                row = stored.get(conn, visit.draw_id)
                assert row is not None
                rules_of[visit.draw_id] = draws.parse_rules(json.loads(row.record)["rules"])
            opening = window(
                dt.date.fromisoformat(visit.released_on),
                dt.date.fromisoformat(visit.planned_on),
                rules_of[visit.draw_id],
            )
            _send(conn, actor, visit, opening, at)
            stored.set_released(
                conn, visit.draw_id, visit.target_id, at, opening.closes.astimezone(dt.UTC)
            )
            done.append(Released(visit.draw_id, visit.target_id, visit.inspectors, opening.closes))
    return done


def _send(
    conn: Any, actor: Actor, visit: stored.StoredVisit, opening: VisitWindow, at: dt.datetime
) -> None:
    outfall = records.get(conn, "outfalls", visit.target_id)
    until = opening.closes.astimezone(dt.UTC)
    hlc = server_hlc()
    tasks: list[StoredRecord] = []
    items: list[dict[str, Any]] = []
    for inspector in visit.inspectors:
        tid = task_id(visit.draw_id, visit.target_id, inspector)
        data = task_data(
            tid,
            visit.draw_id,
            visit.target_id,
            visit.county_code,
            inspector,
            visit.inspectors,
            dt.date.fromisoformat(visit.planned_on),
            opening,
            actor.username,
        )
        tasks.append(
            StoredRecord(
                entity="tasks", id=tid, version=1, data=data, county_code=visit.county_code,
                owner=actor.username, parent_id=None, status=None, review_state=None,
                deleted=False, hlc=hlc, device_id=actor.device_id or None, batch_id=None,
                updated_at=at,
            )
        )  # fmt: skip
        addressed: dict[str, Any] = {"at": at, "county_code": visit.county_code}
        addressed |= {"audience": inspector, "until": until}
        if outfall is not None and not outfall.deleted:
            items.append(feed.item("outfalls", outfall.id, outfall.data, hlc=outfall.hlc,
                                   **addressed))  # fmt: skip
        items.append(feed.item("tasks", tid, data, hlc=hlc, **addressed))
    records.insert_many(conn, tasks)
    feed.append_many(conn, items)
    audit.append_many(
        conn,
        [
            *(
                AuditEntry(
                    at, actor.username, actor.device_id or None, "server.tasks", "tasks",
                    t.id, None, t.data,
                )
                for t in tasks
            ),
            AuditEntry(
                at, actor.username, actor.device_id or None, "draw.released", "draw_visits",
                visit.target_id, None,
                {"draw": visit.draw_id, "inspectors": list(visit.inspectors),
                 "closes": until.isoformat(),
                 "tasks": [t.id for t in tasks]},
            )
        ],
    )  # fmt: skip


def open_at(conn: Any, now: dt.datetime) -> list[stored.StoredVisit]:
    """The released visits whose window is open at ``now`` (one query; a push loads them once)."""
    return stored.open_at(conn, now)


def granted(visits: Iterable[stored.StoredVisit], username: str) -> dict[str, str]:
    """The outfalls (id → county) that the user's open visits grant."""
    return {v.target_id: v.county_code for v in visits if username in v.inspectors}


def note_inspections(
    conn: Any,
    written: Iterable[StoredRecord],
    by: str,
    now: dt.datetime,
    visits: Iterable[stored.StoredVisit],
) -> list[tuple[str, str]]:
    """Mark done the open visits (``open_at``) that the pushed, completed inspections of their
    team did; the (draw id, outfall id) pairs marked."""
    undone: dict[str, list[stored.StoredVisit]] = {}
    for visit in visits:
        if visit.done_at is None:
            undone.setdefault(visit.target_id, []).append(visit)
    marked: list[tuple[str, str]] = []
    if not undone:
        return marked
    for record in written:
        data = record.data or {}
        if record.entity != "inspections" or record.deleted or record.status != "complete":
            continue
        authors = {by, str(data.get("author", "")), *map(str, data.get("inspectors") or ())}
        for visit in undone.get(str(data.get("outfall_id", "")).lower(), []):
            key = (visit.draw_id, visit.target_id)
            if key in marked or record.county_code != visit.county_code:
                continue
            if not authors & set(visit.inspectors):
                continue
            stored.set_done(conn, visit.draw_id, visit.target_id, now, record.id)
            _close_tasks(conn, visit, record.id, by, now)
            marked.append(key)
            audit.append_many(
                conn,
                [
                    AuditEntry(
                        now, by, None, "draw.visit_done", "draw_visits",
                        visit.target_id, None,
                        {"draw": visit.draw_id, "inspection": record.id},
                    )
                ],
            )  # fmt: skip
    return marked


def _close_tasks(
    conn: Any, visit: stored.StoredVisit, inspection_id: str, by: str, now: dt.datetime
) -> None:
    """Each inspector's task of the visit done, sent to that inspector alone like the task."""
    hlc = server_hlc()
    until = as_utc(visit.closes_at) if visit.closes_at is not None else now
    updated: list[StoredRecord] = []
    items: list[dict[str, Any]] = []
    entries: list[AuditEntry] = []
    for inspector in visit.inspectors:
        task = records.get(conn, "tasks", task_id(visit.draw_id, visit.target_id, inspector))
        if task is None or task.data is None:
            continue
        data = closed_task(task.data, inspection_id, now)
        updated.append(dataclasses.replace(task, version=task.version + 1, data=data, hlc=hlc,
                                           updated_at=now))  # fmt: skip
        items.append(feed.item("tasks", task.id, data, at=now, hlc=hlc,
                               county_code=visit.county_code, audience=inspector, until=until))  # fmt: skip
        entries.append(AuditEntry(now, by, None, "server.tasks", "tasks", task.id, task.data, data))
    records.update_many(conn, updated)
    feed.append_many(conn, items)
    audit.append_many(conn, entries)


def status(ctx: ServerContext, draw_id: str, now: dt.datetime | None = None) -> list[VisitStatus]:
    """Each visit of a draw: secret, open, done or overdue at ``now``."""
    at = now or utcnow()
    with ctx.engine.connect() as conn:
        row = stored.get(conn, draw_id)
        if row is None:
            raise DrawRefused(f"no draw {draw_id}", f"没有抽查 {draw_id}")
        visits = stored.visits(conn, draw_id)
    rules = draws.parse_rules(json.loads(row.record)["rules"])
    out = []
    for v in visits:
        closes = (
            as_utc(v.closes_at)
            if v.closes_at is not None
            else window(
                dt.date.fromisoformat(v.released_on), dt.date.fromisoformat(v.planned_on), rules
            ).closes
        )
        done_at = None if v.done_at is None else as_utc(v.done_at)
        released_at = None if v.released_at is None else as_utc(v.released_at)
        out.append(
            VisitStatus(
                v.target_id, v.county_code, v.inspectors, v.planned_on, v.released_on, closes,
                state(released_at, done_at, closes, at), done_at, v.done_record,
            )
        )  # fmt: skip
    return out
