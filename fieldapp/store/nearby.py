"""Outfalls near a position (the "nearest outfalls" list), and the provisional ledger entry for a
newly discovered one.

Nearest: a bounding-box query on the (lat, lon) index, widened until enough outfalls fall inside,
then exact geodesic distances (domain.geo) to sort and cut; only outfalls inside the circle count,
so an outfall in a corner of the box never pushes out a closer one outside it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import sqlite3
from dataclasses import dataclass

from fieldapp.domain import geo
from fieldapp.domain.inspection import provisional_code
from fieldapp.domain.outfall import Outfall, OutfallId, new_id
from fieldapp.domain.reference import Reference
from fieldapp.store import outfalls

_M_PER_DEG_LAT = 111_320.0
RADII_M = (500.0, 2_000.0, 10_000.0, 50_000.0)


@dataclass(frozen=True)
class NearbyOutfall:
    id: str
    code: str
    name: str
    lat: float
    lon: float
    distance_m: float
    bearing_deg: float  # from the position towards the outfall


def _box(lat: float, lon: float, radius_m: float) -> tuple[float, float, float, float]:
    dlat = radius_m / _M_PER_DEG_LAT
    dlon = radius_m / (_M_PER_DEG_LAT * max(math.cos(math.radians(lat)), 0.01))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def nearest(
    conn: sqlite3.Connection, lat: float, lon: float, limit: int = 20, max_radius_m: float = 50_000
) -> list[NearbyOutfall]:
    """Up to ``limit`` outfalls within ``max_radius_m`` of (lat, lon), nearest first."""
    found: list[NearbyOutfall] = []
    for radius in (*(r for r in RADII_M if r < max_radius_m), max_radius_m):
        lat0, lat1, lon0, lon1 = _box(lat, lon, radius)
        rows = conn.execute(
            "SELECT id, display_code, name, lat, lon FROM outfalls "
            "WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
            (lat0, lat1, lon0, lon1),
        ).fetchall()
        found = []
        for oid, code, name, olat, olon in rows:
            distance, bearing = geo.inverse(lat, lon, olat, olon)
            if distance <= radius:
                found.append(NearbyOutfall(oid, code, name, olat, olon, distance, bearing))
        if len(found) >= limit:
            break
    found.sort(key=lambda n: (n.distance_m, n.code))
    return found[:limit]


def create_provisional(
    conn: sqlite3.Connection,
    ref: Reference,
    draft: Outfall,
    actor: str,
    day: dt.date | None = None,
    path: str = "",
) -> Outfall:
    """Adds a newly discovered outfall with a fresh provisional code only (validated as any
    outfall is); a clash of the random suffix is retried."""
    day = day or dt.date.today()
    for _ in range(20):
        code = provisional_code(draft.county_code, day)
        if outfalls.code_owner(conn, code) is None:
            break
    candidate = dataclasses.replace(
        draft,
        id=OutfallId(draft.id or new_id()),
        national_code=None,
        local_code=None,
        provisional_code=code,
    )
    return outfalls.create(conn, candidate, ref, actor, path)
