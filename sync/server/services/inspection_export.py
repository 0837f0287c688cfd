"""Inspections of an area with their photos and a SHA-256 manifest (``ledgerio.bundle``)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from ledgerio import bundle
from ledgerio.vocab import load as load_vocab
from sync.server import db
from sync.server.context import ServerContext
from sync.server.models import Actor
from sync.server.queries import records
from sync.server.schema import records as records_table


def export_inspections(ctx: ServerContext, actor: Actor, out_dir: Path) -> dict[str, str]:
    """Every submitted inspection the actor may see, oldest first; returns the manifest."""
    counties = actor.visible_counties()
    items = []
    with db.read(ctx.engine) as conn:
        query = select(records_table.c.id).where(
            records_table.c.entity == "inspections",
            records_table.c.deleted.is_(False),
            records_table.c.status == "complete",
        )
        if counties is not None:
            query = query.where(records_table.c.county_code.in_(sorted(counties)))
        ids = [r.id for r in conn.execute(query.order_by(records_table.c.updated_at))]
        stored = records.get_many(conn, [("inspections", i) for i in ids])
        for inspection_id in ids:
            record = stored[("inspections", inspection_id)]
            data = record.data or {}
            outfall = records.get(conn, "outfalls", str(data.get("outfall_id")))
            photos = []
            for child in records.children(conn, "inspection_photos", [inspection_id]):
                sha = str((child.data or {}).get("sha256") or "")
                has = bool(sha) and ctx.photo_store.has(sha)
                photos.append((sha, ctx.photo_store.read(sha) if has else None))
            items.append(
                bundle.InspectionItem(
                    data, (outfall.data if outfall else None) or {}, record.review_state, photos
                )
            )
    return bundle.write(out_dir, items, load_vocab())
