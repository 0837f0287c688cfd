"""Evidence dossiers from the server's records (``ledgerio.dossier`` draws them).

An inspection's: its outfall, its photos from the photo store, the reviewers' decisions and the
audit entries about it. An outfall's: its ledger row, lifecycle events, audit entries and every
inspection of it. Only inside the caller's area (None for the command line: the whole city).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ledgerio import dossier
from ledgerio.vocab import load as load_vocab
from sync.server import db
from sync.server.canonical import iso, utcnow
from sync.server.context import ServerContext
from sync.server.models import Actor, StoredRecord
from sync.server.queries import audit, records


class DossierNotFound(LookupError):
    """No such record in the caller's area."""


def _visible(record: StoredRecord | None, actor: Actor) -> StoredRecord:
    if (
        record is None
        or record.deleted
        or record.data is None
        or not actor.sees(record.county_code)
    ):
        raise DossierNotFound("no such record in your area")
    return record


def _audit_refs(conn: Any, row_id: str) -> list[dossier.AuditRef]:
    return [
        dossier.AuditRef(seq, iso(e.at), e.username, e.action, digest)
        for seq, e, digest in audit.for_row(conn, row_id)
    ]


def _evidence(ctx: ServerContext, conn: Any, inspection: StoredRecord) -> dossier.Evidence:
    photos = []
    for child in records.children(conn, "inspection_photos", [inspection.id]):
        d = child.data or {}
        sha = str(d.get("sha256") or "")
        stored = bool(sha) and ctx.photo_store.has(sha)
        photos.append(
            dossier.PhotoEvidence(
                sha256=sha,
                data=ctx.photo_store.read(sha) if stored else None,
                taken_at=d.get("taken_at"),
                lat=d.get("lat"),
                lon=d.get("lon"),
                caption=str(d.get("caption") or ""),
                distance_m=d.get("distance_m"),
            )
        )
    reviews = [r.data for r in records.about(conn, "reviews", None, inspection.id) if r.data]
    reviews.sort(key=lambda r: str(r.get("at")))
    assert inspection.data is not None
    return dossier.Evidence(
        inspection.data, inspection.version, photos, reviews, _audit_refs(conn, inspection.id)
    )


def inspection_pdf(ctx: ServerContext, actor: Actor, inspection_id: str, out: Path) -> None:
    with db.read(ctx.engine) as conn:
        inspection = _visible(records.get(conn, "inspections", inspection_id), actor)
        assert inspection.data is not None
        outfall = records.get(conn, "outfalls", str(inspection.data.get("outfall_id")))
        evidence = _evidence(ctx, conn, inspection)
    dossier.inspection_pdf(
        out,
        (outfall.data if outfall and outfall.data else {}) or {},
        evidence,
        load_vocab(),
        generated_at=iso(utcnow()),
    )


def outfall_pdf(ctx: ServerContext, actor: Actor, outfall_id: str, out: Path) -> None:
    with db.read(ctx.engine) as conn:
        outfall = _visible(records.get(conn, "outfalls", outfall_id), actor)
        events = [e.data for e in records.children(conn, "outfall_events", [outfall_id]) if e.data]
        events.sort(key=lambda e: str(e.get("at")))
        inspections = records.about(conn, "inspections", None, outfall_id, limit=200)
        evidence = [_evidence(ctx, conn, i) for i in reversed(inspections) if i.data]
        refs = _audit_refs(conn, outfall_id)
    assert outfall.data is not None
    dossier.outfall_pdf(
        out,
        outfall.data,
        outfall.version,
        events,
        evidence,
        refs,
        load_vocab(),
        generated_at=iso(utcnow()),
    )


def patrol_gpx(ctx: ServerContext, actor: Actor, patrol_id: str) -> str:
    """A patrol's track and problems as GPX (``ledgerio.gpx``)."""
    from ledgerio import gpx

    with db.read(ctx.engine) as conn:
        patrol = _visible(records.get(conn, "patrols", patrol_id), actor)
        parts = [r.data for r in records.children(conn, "patrol_tracks", [patrol_id]) if r.data]
        problems = [
            r.data for r in records.children(conn, "patrol_problems", [patrol_id]) if r.data
        ]
    assert patrol.data is not None
    waypoints = [
        (str(p.get("at")), float(p["lat"]), float(p["lon"]), str(p.get("note") or ""))
        for p in problems
        if p.get("lat") is not None and p.get("lon") is not None
    ]
    name = f"{patrol.data.get('river') or '巡河'} {patrol.data.get('started_at') or ''}".strip()
    return gpx.gpx_text(name, gpx.track_pieces(parts), waypoints)
