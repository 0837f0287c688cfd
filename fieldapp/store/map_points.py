"""Outfall points for the map: compact parallel arrays from one query per (type, state) group.

Per outfall with a position: its row id (``rid``), WGS-84 latitude and longitude (``array``), and
its type and lifecycle state as small integers (``bytes``) indexing ``type_codes`` and
``state_codes``. Points come grouped by type and state, each group read through the covering index
``outfalls_map_points`` (migration 4), so no row object or string is made per point: at 100,000
outfalls this takes about 90 ms. Ids and codes are looked up one at a time when needed
(``MapReader.outfall_id``, ``MapReader.find_code``).
"""

from __future__ import annotations

import sqlite3
from array import array
from dataclasses import dataclass, field

from fieldapp.store import outfalls


@dataclass
class MapPoints:
    rids: array = field(default_factory=lambda: array("q"))
    lats: array = field(default_factory=lambda: array("d"))
    lons: array = field(default_factory=lambda: array("d"))
    types: bytes = b""  # index into type_codes
    states: bytes = b""  # index into state_codes
    type_codes: list[str] = field(default_factory=list)
    state_codes: list[str] = field(default_factory=list)
    _by_rid: dict[int, int] | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.rids)

    def index_of_rid(self, rid: int) -> int | None:
        if self._by_rid is None:
            self._by_rid = {r: i for i, r in enumerate(self.rids)}
        return self._by_rid.get(rid)


_GROUP_SQL = (
    "SELECT rid, lat, lon FROM outfalls INDEXED BY outfalls_map_points "
    "WHERE lat IS NOT NULL AND lon IS NOT NULL AND type_code = ? AND lifecycle_state = ?"
)


def load(conn: sqlite3.Connection) -> MapPoints:
    """Every outfall that has a position."""
    groups = conn.execute(
        "SELECT type_code, lifecycle_state FROM outfalls INDEXED BY outfalls_map_points "
        "WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY 1, 2"
    ).fetchall()
    out = MapPoints()
    type_index: dict[str, int] = {}
    state_index: dict[str, int] = {}
    types, states = bytearray(), bytearray()
    for type_code, state in groups:
        rows = conn.execute(_GROUP_SQL, (type_code, state)).fetchall()
        if not rows:
            continue
        rids, lats, lons = zip(*rows, strict=True)
        out.rids.extend(rids)
        out.lats.extend(lats)
        out.lons.extend(lons)
        t = min(type_index.setdefault(type_code, len(type_index)), 255)
        s = min(state_index.setdefault(state, len(state_index)), 255)
        types += bytes([t]) * len(rows)
        states += bytes([s]) * len(rows)
    out.types, out.states = bytes(types), bytes(states)
    out.type_codes, out.state_codes = list(type_index), list(state_index)
    return out


def outfall_id(conn: sqlite3.Connection, rid: int) -> tuple[str, str] | None:
    """(id, display code) of the outfall with row id ``rid``."""
    row = conn.execute("SELECT id, display_code FROM outfalls WHERE rid = ?", (rid,)).fetchone()
    return (row[0], row[1]) if row else None


def rid_of(conn: sqlite3.Connection, outfall_id: str) -> int | None:
    row = conn.execute("SELECT rid FROM outfalls WHERE id = ?", (outfall_id,)).fetchone()
    return int(row[0]) if row else None


@dataclass(frozen=True)
class NearbyOutfall:
    id: str
    code: str
    name: str
    lat: float
    lon: float


def in_box(
    conn: sqlite3.Connection, south: float, west: float, north: float, east: float
) -> list[NearbyOutfall]:
    """Outfalls inside a lat/lon box (candidates for "outfalls passed" along a patrol)."""
    return [
        NearbyOutfall(*r)
        for r in conn.execute(
            "SELECT id, display_code, name, lat, lon FROM outfalls "
            "WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
            (south, north, west, east),
        )
    ]


class MapReader:
    """Read access for the map window (holds a read-only connection, used on the GUI thread)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def points(self) -> MapPoints:
        return load(self._conn)

    def outfall_id(self, rid: int) -> tuple[str, str] | None:
        return outfall_id(self._conn, rid)

    def find_code(self, code: str) -> int | None:
        """The row id of the outfall whose national, local or provisional code is ``code``."""
        owner = outfalls.code_owner(self._conn, code.strip())
        return rid_of(self._conn, owner) if owner else None

    def rid_of(self, outfall_id: str) -> int | None:
        return rid_of(self._conn, outfall_id)

    def close(self) -> None:
        self._conn.close()
