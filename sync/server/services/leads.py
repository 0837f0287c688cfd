"""Aerial-survey leads (航测线索) on the server: import, clusters, verification tasks, outcomes.

A lead file is read by the pure ``leads`` package; its leads belong to one county (the caller's
area must hold it) and reach only that county's devices, as entity ``leads`` of the feed. Near
leads share a cluster; a lead near an existing outfall is flagged as its likely duplicate. A
supervisor makes a lead (or its cluster) a verification task through ``services.tasks.create_in``, the
same path as every task, and decides its outcome with the inspector's records as evidence:
confirmed (the newly found outfall the inspector recorded, a provisional outfall that the desk
then accepts like any other), not an outfall, or a duplicate of an existing outfall. Every
import, task and decision is audited.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from typing import Any

from leads import LeadFile, cluster, likely_duplicates, parse
from leads.parse import LeadFileError, iter_photo_names
from ledgerio.vocab import load as load_vocab
from sync.leads_protocol import LeadDecisionRequest, LeadTaskRequest
from sync.protocol import ErrorCode
from sync.server import db
from sync.server.audit import AuditEntry
from sync.server.canonical import server_hlc, utcnow
from sync.server.codes import shown_code
from sync.server.context import ServerContext
from sync.server.errors import ApiError, not_found
from sync.server.flags import outfall_position
from sync.server.models import Actor
from sync.server.queries import audit, feed, records
from sync.server.queries import leads as lead_rows
from sync.server.services import tasks as task_service
from sync.task_protocol import Location, TaskRequest
from sync.tasks import TaskKind

PHOTO_OWNER = "leads"  # the photo store's partial folder for lead photos
DEVICE_FIELDS = (
    "id", "county_code", "name", "note", "lat", "lon", "photos", "cluster_id",
    "near_outfall_id", "near_outfall_m", "state", "task_id", "outfall_id", "source",
)  # fmt: skip


VERIFICATION_FIELDS = ("id", "verdict", "outfall_id", "note", "photo_sha256s", "author", "at")


@dataclass
class LeadImport:
    """What an import did (or, in a dry run, would do)."""

    county_code: str
    source: str
    sha256: str
    dry_run: bool
    leads: list[dict[str, Any]] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        clusters = {lead["cluster_id"] for lead in self.leads}
        return {
            "county_code": self.county_code,
            "source": self.source,
            "sha256": self.sha256,
            "dry_run": self.dry_run,
            "imported": 0 if self.dry_run else len(self.leads),
            "clusters": len(clusters),
            "likely_duplicates": sum(1 for lead in self.leads if lead["near_outfall_id"]),
            "leads": self.leads,
            "problems": self.problems,
        }


def _device_row(lead: dict[str, Any]) -> dict[str, Any]:
    return {key: lead[key] for key in DEVICE_FIELDS}


def _feed_row(lead: dict[str, Any], now: Any) -> dict[str, Any]:
    return {
        "change_id": str(uuid.uuid4()),
        "entity": "leads",
        "row_id": lead["id"],
        "op": "upsert",
        "data": _device_row(lead),
        "at": now,
        "hlc": server_hlc(),
        "county_code": lead["county_code"],
    }


def _read(name: str, data: bytes) -> LeadFile:
    try:
        return parse(name, data, load_vocab().area)
    except LeadFileError as exc:
        raise ApiError(
            422, ErrorCode.LEAD_FILE_INVALID, exc.en, {"code": exc.code, "zh": exc.zh, "en": exc.en}
        ) from exc


def _store_photo(ctx: ServerContext, data: bytes) -> str:
    sha256 = hashlib.sha256(data).hexdigest()
    if not ctx.photo_store.has(sha256):
        writer = ctx.photo_store.open_chunk(sha256, 0, len(data), PHOTO_OWNER)
        try:
            writer.write(data)
            writer.finish()
        finally:
            writer.close()
    return sha256


def import_file(
    ctx: ServerContext, actor: Actor, data: bytes, *, name: str, county: str, dry_run: bool
) -> LeadImport:
    """Import a lead file's leads into ``county``; a dry run writes nothing."""
    if not actor.sees(county):
        raise not_found("no such county in your area")
    parsed = _read(name or "leads.geojson", data)
    outcome = LeadImport(county, name, hashlib.sha256(data).hexdigest(), dry_run)
    outcome.problems = [
        {"feature": p.index, "name": p.name, "code": p.code, "zh": p.zh, "en": p.en}
        for p in parsed.problems
    ]
    photo_hashes: dict[tuple[int, str], str] = {}
    if not dry_run:  # photos first: a row never names a photo the store lacks
        for lead, ref, photo in iter_photo_names(parsed):
            photo_hashes[(lead.index, ref)] = _store_photo(ctx, photo)
    now = utcnow()
    import_id = str(uuid.uuid4())
    with db.write(ctx.engine) as conn:
        outfalls = [
            (r.id, *position)
            for r in records.live_in_county(conn, "outfalls", county)
            if (position := outfall_position(r.data)) is not None
        ]
        rows: list[dict[str, Any]] = []
        for lead in parsed.leads:
            photos = [
                {"name": ref, "sha256": photo_hashes.get((lead.index, ref))}
                for ref in lead.photos
                if dry_run or (lead.index, ref) in photo_hashes
            ]
            rows.append(
                {
                    "id": str(uuid.uuid4()), "county_code": county, "import_id": import_id,
                    "source": name, "feature": lead.index, "name": lead.name, "note": lead.note,
                    "lat": lead.lat, "lon": lead.lon, "source_datum": lead.source_datum,
                    "photos": photos, "cluster_id": "", "near_outfall_id": None,
                    "near_outfall_m": None, "state": "open", "task_id": None, "outfall_id": None,
                    "evidence": [], "decision_note": None, "decided_by": None,
                    "decided_at": None, "created_by": actor.username, "created_at": now,
                }
            )  # fmt: skip
        near = likely_duplicates([(r["id"], r["lat"], r["lon"]) for r in rows], outfalls)
        for r in rows:
            if r["id"] in near:
                r["near_outfall_id"] = near[r["id"]].outfall_id
                r["near_outfall_m"] = near[r["id"]].distance_m
        existing = lead_rows.positions_in(conn, county)
        groups = cluster(existing + [(r["id"], r["lat"], r["lon"]) for r in rows])
        by_id = {r["id"]: r for r in rows}
        changed_clusters: dict[str, list[str]] = {}
        group: list[str]
        for group in groups:
            for lead_id in group:
                if lead_id in by_id:
                    by_id[lead_id]["cluster_id"] = group[0]
                else:
                    changed_clusters.setdefault(group[0], []).append(lead_id)
        outcome.leads = [{**r, "created_at": now.isoformat(), "evidence": []} for r in rows]
        if dry_run:  # nothing written: the transaction ends empty
            return outcome
        lead_rows.insert_many(conn, rows)
        regrouped = []
        for cluster_id, ids in changed_clusters.items():
            lead_rows.set_cluster(conn, ids, cluster_id)
            regrouped += ids
        fed = [_feed_row(r, now) for r in rows]
        for lead_id in regrouped:
            current = lead_rows.get(conn, lead_id, None)
            assert current is not None
            fed.append(_feed_row(current, now))
        feed.append_many(conn, fed)
        audit.append_many(
            conn,
            [
                AuditEntry(
                    at=now, username=actor.username, device_id=actor.device_id or None,
                    action="leads.import", entity="leads", row_id=import_id, before=None,
                    after={"county_code": county, "source": name, "sha256": outcome.sha256,
                           "leads": [r["id"] for r in rows], "refused": len(outcome.problems)},
                )
            ],
        )  # fmt: skip
    return outcome


def list_leads(
    ctx: ServerContext, actor: Actor, *, state: str | None, limit: int, offset: int
) -> list[dict[str, Any]]:
    """Leads of the caller's area, each with its task's state (and the record that closed it),
    what inspectors recorded at it (their ``lead_verifications``) and the name and code of each
    outfall it mentions that lies in the caller's area."""
    counties = actor.visible_counties()
    with db.read(ctx.engine) as conn:
        found = lead_rows.search(conn, counties, state=state, limit=limit, offset=offset)
        keys = [("tasks", r["task_id"]) for r in found if r["task_id"]]
        tasks = records.get_many(conn, keys) if keys else {}
        notes = records.live_in_counties(conn, "lead_verifications", counties) if found else []
        by_lead: dict[str, list[dict[str, Any]]] = {}
        for note in sorted(notes, key=lambda n: str((n.data or {}).get("at") or "")):
            data = note.data or {}
            by_lead.setdefault(str(data.get("lead_id")), []).append(
                {key: data.get(key) for key in VERIFICATION_FIELDS}
            )
        for lead in found:
            task = tasks.get(("tasks", lead["task_id"])) if lead["task_id"] else None
            lead["task_state"] = None if task is None else (task.data or {}).get("state")
            lead["task_closed_by"] = None if task is None else (task.data or {}).get("closed_by")
            lead["verifications"] = by_lead.get(lead["id"], [])
        named = sorted({i for lead in found for i in _outfall_ids(lead)})
        outfalls = records.get_many(conn, [("outfalls", i) for i in named]) if named else {}
    labels = {
        r.id: _outfall_label(r.data or {})
        for r in outfalls.values()
        if not r.deleted and (counties is None or r.county_code in counties)
    }  # an outfall outside the caller's area is not named to them
    for lead in found:
        lead["outfall_labels"] = {i: labels[i] for i in _outfall_ids(lead) if i in labels}
    return found


def _outfall_ids(lead: dict[str, Any]) -> list[str]:
    """The outfalls a listed lead mentions: the one it lies near, the one it was decided to be,
    the one that closed its task and those its inspectors named."""
    ids = [lead.get("near_outfall_id"), lead.get("outfall_id")]
    closed = lead.get("task_closed_by") or {}
    if closed.get("entity") == "outfalls":
        ids.append(closed.get("id"))
    ids += [v.get("outfall_id") for v in lead.get("verifications") or []]
    return [str(i) for i in ids if i]


def _outfall_label(data: dict[str, Any]) -> str:
    """An outfall as a person knows it: its name and its code (national, local or provisional)."""
    code = shown_code(data)
    name = str(data.get("name") or "")
    return f"{name} ({code})" if code else name


def _visible(conn: Any, actor: Actor, lead_id: str) -> dict[str, Any]:
    lead = lead_rows.get(conn, lead_id, actor.visible_counties())
    if lead is None:
        raise not_found("no such lead in your area")
    return lead


def _audit(conn: Any, actor: Actor, action: str, before: Any, after: Any, row_id: str) -> None:
    audit.append_many(
        conn,
        [
            AuditEntry(
                at=utcnow(), username=actor.username, device_id=actor.device_id or None,
                action=action, entity="leads", row_id=row_id, before=before, after=after,
            )
        ],
    )  # fmt: skip


def make_task(
    ctx: ServerContext, actor: Actor, lead_id: str, request: LeadTaskRequest
) -> dict[str, Any]:
    """A verification task for a lead (or every undecided lead of its cluster)."""
    with db.write(ctx.engine) as conn:
        lead = _visible(conn, actor, lead_id)
        if lead["state"] in lead_rows.OUTCOMES:
            raise ApiError(409, ErrorCode.LEAD_DECIDED, "the lead already has an outcome")
        members = [lead]
        if request.whole_cluster:
            members = [
                m
                for m in lead_rows.search(
                    conn, frozenset({lead["county_code"]}), cluster_id=lead["cluster_id"]
                )
                if m["state"] not in lead_rows.OUTCOMES
            ]
        places = "；".join(
            f"{m['name'] or '线索'} ({m['lat']:.6f}, {m['lon']:.6f})" for m in members
        )
        task = TaskRequest(
            id=uuid.uuid4(),
            county_code=lead["county_code"],
            kind=TaskKind.VERIFY,
            title=f"核查航测线索：{lead['name'] or lead['source']}"[:200],
            assignee=request.assignee,
            location=Location(lat=lead["lat"], lon=lead["lon"]),
            place=places[:400],
            due=request.due,
            note=(f"{request.note}\n{places}" if request.note else places)[:4000],
        )
        # The tasks' own checks (assignee of the county, a role that verifies) and closing.
        data = task_service.create_in(
            conn,
            actor,
            task,
            source={"kind": "lead", "id": lead["id"]},
            extra={"lead_ids": [m["id"] for m in members]},
        )
        now = utcnow()
        fed = []
        for m in members:
            lead_rows.update_one(conn, m["id"], {"task_id": data["id"], "state": "tasked"})
            updated = {**m, "task_id": data["id"], "state": "tasked"}
            fed.append(_feed_row(updated, now))
            _audit(conn, actor, "leads.task", {"state": m["state"], "task_id": m["task_id"]},
                   {"state": "tasked", "task_id": data["id"]}, m["id"])  # fmt: skip
        feed.append_many(conn, fed)
    return data


def _evidence_invalid(why: str) -> ApiError:
    return ApiError(422, ErrorCode.LEAD_EVIDENCE_INVALID, why)


def decide(
    ctx: ServerContext, actor: Actor, lead_id: str, request: LeadDecisionRequest
) -> dict[str, Any]:
    """Record a lead's outcome, checked against the records it names; the lead as it is now."""
    with db.write(ctx.engine) as conn:
        lead = _visible(conn, actor, lead_id)
        if lead["state"] in lead_rows.OUTCOMES:
            raise ApiError(409, ErrorCode.LEAD_DECIDED, "the lead already has an outcome")
        county = lead["county_code"]
        evidence = [(e.entity, e.row_id) for e in request.evidence]
        outfall_id = None if request.outfall_id is None else str(request.outfall_id)
        if request.outcome in ("confirmed", "duplicate"):
            if outfall_id is None:
                raise _evidence_invalid("confirmed and duplicate need the outfall")
            outfall = records.get(conn, "outfalls", outfall_id)
            if outfall is None or outfall.deleted or outfall.county_code != county:
                raise _evidence_invalid("no such outfall in the lead's county")
            new = outfall.status == "provisional"
            if (request.outcome == "confirmed") != new:
                raise _evidence_invalid(
                    "confirmed needs the newly found (provisional) outfall the inspector recorded"
                    if request.outcome == "confirmed"
                    else "a duplicate is of an outfall of the ledger"
                )
            if request.outcome == "confirmed" and ("outfalls", outfall_id) not in evidence:
                evidence.append(("outfalls", outfall_id))
        elif outfall_id is not None:
            raise _evidence_invalid("not an outfall names no outfall")
        if not evidence:
            raise _evidence_invalid("name the inspector's verification records as evidence")
        stored = records.get_many(conn, evidence)
        for key in evidence:
            rec = stored.get(key)
            if rec is None or rec.deleted or rec.county_code != county:
                raise _evidence_invalid(f"no record {key[0]}/{key[1]} in the lead's county")
        if request.outcome == "not_outfall" and not request.note.strip():
            raise _evidence_invalid("say why it is not an outfall")
        now = utcnow()
        values = {
            "state": request.outcome,
            "outfall_id": outfall_id,
            "evidence": [{"entity": e, "row_id": r} for e, r in evidence],
            "decision_note": request.note.strip(),
            "decided_by": actor.username,
            "decided_at": now,
        }
        lead_rows.update_one(conn, lead_id, values)
        updated = {**lead, **values, "decided_at": now.isoformat()}
        feed.append_many(conn, [_feed_row(updated, now)])
        _audit(conn, actor, "leads.decide", {"state": lead["state"]},
               {k: v for k, v in values.items() if k != "decided_at"}, lead_id)  # fmt: skip
    return updated


def photo_of(ctx: ServerContext, actor: Actor, lead_id: str, sha256: str) -> bytes:
    """A lead's photo, for people of the lead's county only (404 otherwise)."""
    with db.read(ctx.engine) as conn:
        lead = _visible(conn, actor, lead_id)
    if sha256 not in {p.get("sha256") for p in lead["photos"]} or not ctx.photo_store.has(sha256):
        raise not_found("no such photo")
    return ctx.photo_store.read(sha256)
