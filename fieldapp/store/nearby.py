"""Outfalls near a position (the "nearest outfalls" list), and the provisional ledger entry for a
newly discovered one.

Nearest: a bounding-box query on the (lat, lon) index, widened until enough outfalls fall inside,
then exact geodesic distances (domain.geo) to sort and cut; only outfalls inside the circle count,
so an outfall in a corner of the box never pushes out a closer one outside it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from dataclasses import dataclass

import geodesy
from fieldapp.domain.inspection import provisional_code
from fieldapp.domain.outfall import Outfall, OutfallId, new_id
from fieldapp.domain.reference import Reference
from fieldapp.store import outfalls

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


def within(
    conn: sqlite3.Connection, lat: float, lon: float, radius_m: float
) -> list[NearbyOutfall]:
    """Every outfall within ``radius_m`` of (lat, lon), nearest first."""
    box = geodesy.bounding_box(lat, lon, radius_m)
    rows = conn.execute(
        "SELECT id, display_code, name, lat, lon FROM outfalls "
        "WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
        (box.south, box.north, box.west, box.east),
    ).fetchall()
    found = []
    for oid, code, name, olat, olon in rows:
        distance, bearing = geodesy.inverse(lat, lon, olat, olon)
        if distance <= radius_m:
            found.append(NearbyOutfall(oid, code, name, olat, olon, distance, bearing))
    found.sort(key=lambda n: (n.distance_m, n.code))
    return found


def nearest(
    conn: sqlite3.Connection, lat: float, lon: float, limit: int = 20, max_radius_m: float = 50_000
) -> list[NearbyOutfall]:
    """Up to ``limit`` outfalls within ``max_radius_m`` of (lat, lon), nearest first."""
    found: list[NearbyOutfall] = []
    for radius in (*(r for r in RADII_M if r < max_radius_m), max_radius_m):
        found = within(conn, lat, lon, radius)
        if len(found) >= limit:
            break
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
