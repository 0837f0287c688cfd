"""Read access for the inspection UI over a read-only connection: outfalls, drafts, photos, and
the outfalls nearest a position. Writes go through the background lane, never through here.
"""

from __future__ import annotations

import sqlite3

from fieldapp.domain.inspection import Inspection, InspectionPhoto
from fieldapp.domain.outfall import Outfall
from fieldapp.store import inspections, nearby, outfalls, returns
from fieldapp.store.nearby import NearbyOutfall
from fieldapp.store.returns import ReturnedRecord


class InspectionReader:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def outfall(self, outfall_id: str) -> Outfall | None:
        return outfalls.get(self._conn, outfall_id)

    def inspection(self, inspection_id: str) -> Inspection | None:
        return inspections.get(self._conn, inspection_id)

    def latest_draft(self, outfall_id: str, author: str) -> Inspection | None:
        return inspections.latest_draft(self._conn, outfall_id, author)

    def returned_original(self, record: Inspection) -> ReturnedRecord | None:
        """The returned record ``record`` revises: the supervisor's reason and deadline."""
        return returns.revised_original(self._conn, record)

    def photos(self, inspection_id: str) -> list[InspectionPhoto]:
        return inspections.photos(self._conn, inspection_id)

    def nearest(self, lat: float, lon: float, limit: int = 20) -> list[NearbyOutfall]:
        return nearby.nearest(self._conn, lat, lon, limit)

    def close(self) -> None:
        self._conn.close()
