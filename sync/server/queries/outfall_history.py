"""The desk's case history of one outfall, from the server's tables: one provider per source,
merged by ``sync.history`` (newest first). Every provider keeps to the outfall's county, so a
row filed under another county never shows (the route checks the outfall is in the asker's area).

A new source is one more function in ``PROVIDERS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from sync import plans
from sync.history import Entry, Kind, merge
from sync.server.codes import shown_code
from sync.server.queries import plans as plan_rows
from sync.server.queries import records
from sync.server.schema import leads as lead_rows
from sync.server.schema import proposals as proposal_rows
from sync.server.schema import records as record_rows

ServerProvider = Callable[[Connection, str, str], list[Entry]]


def _iso(value: datetime | str | None) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, datetime) else str(value)


def _inspections_of(conn: Connection, outfall_id: str, county: str) -> list[records.StoredRecord]:
    return records.about(conn, "inspections", county, outfall_id, limit=500)


def inspections(conn: Connection, outfall_id: str, county: str) -> list[Entry]:
    found = _inspections_of(conn, outfall_id, county)
    photos: dict[str, list[str]] = {}
    for p in records.children(conn, "inspection_photos", [r.id for r in found]):
        if p.county_code == county and p.data and p.data.get("sha256"):
            photos.setdefault(p.parent_id or "", []).append(str(p.data["sha256"]))
    out = []
    for r in found:
        d = r.data or {}
        out.append(
            Entry(
                Kind.INSPECTION,
                r.id,
                str(d.get("completed_at") or d.get("updated_at") or _iso(r.updated_at)),
                str(d.get("author") or r.owner or ""),
                state=str(d.get("status") or r.status or ""),
                record_id=r.id,
                photos=tuple(photos.get(r.id, ())),
                extra={"inspection_kind": str(d.get("kind") or ""), "review": r.review_state or ""},
            )
        )
    return out


def reviews(conn: Connection, outfall_id: str, county: str) -> list[Entry]:
    """Decisions on the outfall's inspections (approve / return with comments)."""
    out = []
    for inspection in _inspections_of(conn, outfall_id, county):
        for r in records.about(conn, "reviews", county, inspection.id):
            d = r.data or {}
            out.append(
                Entry(
                    Kind.REVIEW,
                    r.id,
                    str(d.get("at") or _iso(r.updated_at)),
                    str(d.get("reviewer") or ""),
                    state=str(d.get("state") or ""),
                    note=str(d.get("comment") or ""),
                    record_id=inspection.id,
                )
            )
    return out


def steps(conn: Connection, outfall_id: str, county: str) -> list[Entry]:
    out = []
    for e in records.children(conn, "outfall_events", [outfall_id]):
        if e.county_code != county:
            continue
        d = e.data or {}
        out.append(
            Entry(
                Kind.STEP,
                e.id,
                str(d.get("at") or _iso(e.updated_at)),
                str(d.get("actor") or ""),
                state=str(d.get("to_state") or ""),
                from_state=str(d.get("from_state") or ""),
                note=str(d.get("note") or ""),
                extra={"action": str(d.get("action") or "")},
            )
        )
    return out


def proposals(conn: Connection, outfall_id: str, county: str) -> list[Entry]:
    """Ledger proposals of the outfall and their decisions (who proposed is in ``extra``)."""
    rows = conn.execute(
        select(proposal_rows).where(
            proposal_rows.c.entity == "outfalls",
            proposal_rows.c.row_id == outfall_id,
            proposal_rows.c.county_code == county,
        )
    )
    return [
        Entry(
            Kind.PROPOSAL,
            p.id,
            _iso(p.decided_at or p.created_at),
            str(p.decided_by or p.proposed_by),
            state=str(p.state),
            note=str(p.comment or ""),
            extra={"proposed_by": p.proposed_by, "proposed_at": _iso(p.created_at)},
        )
        for p in rows
    ]


def _county_rows(conn: Connection, entity: str, county: str) -> Iterable[records.StoredRecord]:
    # Tasks and patrol problems name their outfall inside the document only: read the county's
    # and keep the outfall's (a county holds hundreds of these, not millions).
    rows = conn.execute(
        select(record_rows.c.id).where(
            record_rows.c.entity == entity,
            record_rows.c.county_code == county,
            record_rows.c.deleted.is_(False),
        )
    )
    found = records.get_many(conn, [(entity, str(r.id)) for r in rows])
    return found.values()


def tasks(conn: Connection, outfall_id: str, county: str) -> list[Entry]:
    out = []
    for t in _county_rows(conn, "tasks", county):
        d: dict[str, Any] = t.data or {}
        named = [str(d.get("outfall_id") or "")] + [str(x) for x in d.get("outfall_ids") or []]
        if outfall_id not in named:
            continue
        out.append(
            Entry(
                Kind.TASK,
                t.id,
                str(d.get("closed_at") or d.get("created_at") or _iso(t.updated_at)),
                str(d.get("created_by") or t.owner or ""),
                state=str(d.get("state") or "open"),
                note=str(d.get("title") or d.get("note") or ""),
                extra={"task_kind": str(d.get("kind") or "")},
            )
        )
    return out


def leads(conn: Connection, outfall_id: str, county: str) -> list[Entry]:
    rows = conn.execute(
        select(lead_rows).where(
            lead_rows.c.outfall_id == outfall_id, lead_rows.c.county_code == county
        )
    )
    return [
        Entry(
            Kind.LEAD,
            r.id,
            _iso(r.decided_at or r.created_at),
            str(r.decided_by or r.created_by),
            state=str(r.state),
            note=" · ".join(x for x in (str(r.name), str(r.decision_note or "")) if x),
        )
        for r in rows
    ]


def patrol_problems(conn: Connection, outfall_id: str, county: str) -> list[Entry]:
    problems = [
        p
        for p in _county_rows(conn, "patrol_problems", county)
        if str((p.data or {}).get("outfall_id") or "") == outfall_id
    ]
    photos: dict[str, list[str]] = {}
    for ph in records.children(conn, "patrol_photos", [p.parent_id or "" for p in problems]):
        d = ph.data or {}
        if d.get("sha256"):
            photos.setdefault(str(d.get("problem_id") or ""), []).append(str(d["sha256"]))
    out = []
    for p in problems:
        d = p.data or {}
        out.append(
            Entry(
                Kind.PATROL_PROBLEM,
                p.id,
                str(d.get("at") or _iso(p.updated_at)),
                str(p.owner or ""),
                state="handled" if d.get("handled_note") else "",
                note=str(d.get("note") or ""),
                record_id=p.parent_id or "",
                photos=tuple(photos.get(p.id, ())),
            )
        )
    return out


def plan(conn: Connection, outfall_id: str, county: str) -> list[Entry]:
    """一口一策: the plan, its milestones done and its progress notes."""
    found = plan_rows.of_outfall(conn, outfall_id, frozenset({county}))
    return [] if found is None else plans.history_entries(found["data"])


PROVIDERS: tuple[ServerProvider, ...] = (
    inspections,
    reviews,
    steps,
    proposals,
    tasks,
    leads,
    patrol_problems,
    plan,
)


def outfall_county(conn: Connection, outfall_id: str) -> str | None:
    """The county the outfall is filed under, or None when the server holds no such outfall."""
    found = records.get(conn, "outfalls", outfall_id)
    if found is None or found.deleted:
        return None
    return found.county_code


def heading(conn: Connection, outfall_id: str) -> str:
    """The outfall's code and name, as the history's title."""
    found = records.get(conn, "outfalls", outfall_id)
    d = (found.data if found is not None else None) or {}
    return " ".join(str(x) for x in (shown_code(d), d.get("name") or "") if x)


def history(
    conn: Connection,
    outfall_id: str,
    county: str,
    providers: Iterable[ServerProvider] = PROVIDERS,
) -> list[Entry]:
    return merge(provider(conn, outfall_id, county) for provider in providers)
