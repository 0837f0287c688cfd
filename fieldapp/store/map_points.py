"""Outfall points for the map: compact parallel arrays from one query per (type, state) group.

Per outfall with a position: its row id (``rid``), its web-mercator world coordinates ``xs`` and
``ys`` (``array``; ``fieldapp.domain.tiles``), and its type and lifecycle state as small integers
(``bytes``) indexing ``type_codes`` and ``state_codes``. Points come grouped by type and state,
each group read through the covering index ``outfalls_map_points`` (migration 4), so no row object
or string is made per point.

The projection is done by SQLite's built-in math functions inside the query, in C: at 100,000
outfalls reading projected points costs about 10 ms more than reading raw latitudes and
longitudes, where projecting them afterwards in Python cost 35–75 ms (measured by bench/map.py).
A SQLite built without math functions gets the same numbers from ``tiles.to_world`` in Python.
WGS-84 ``lats``/``lons`` are worked back from the world coordinates on first use. Nothing is cached
across reads, so a moved outfall shows where it now is the next time the points are read.

Ids and codes are looked up one at a time when needed (``MapReader.outfall_id``,
``MapReader.find_code``).
"""

from __future__ import annotations

import math
import sqlite3
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain

from fieldapp.domain import tiles
from fieldapp.store import nearby, outfalls
from fieldapp.store.nearby import NearbyOutfall


@dataclass
class MapPoints:
    xs: array = field(default_factory=lambda: array("d"))  # world x (tiles.world_x)
    ys: array = field(default_factory=lambda: array("d"))  # world y (tiles.world_y)
    types: bytes = b""  # index into type_codes
    states: bytes = b""  # index into state_codes
    type_codes: list[str] = field(default_factory=list)
    state_codes: list[str] = field(default_factory=list)
    _rids: array | None = field(default=None, repr=False)
    _rid_reader: Callable[[], array] | None = field(default=None, repr=False)
    _by_rid: dict[int, int] | None = field(default=None, repr=False)
    _lats: array | None = field(default=None, repr=False)
    _lons: array | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.xs)

    @property
    def rids(self) -> array:
        """Row ids, in the order of ``xs``/``ys`` (read on first use when ``load`` deferred them)."""
        if self._rids is None:
            self._rids = self._rid_reader() if self._rid_reader is not None else array("q")
            self._rid_reader = None
        return self._rids

    def rids_loaded(self) -> bool:
        return self._rids is not None

    @property
    def lats(self) -> array:
        """WGS-84 latitudes (worked back from ``ys`` on first use; within 1e-9 degrees)."""
        if self._lats is None:
            sinh, atan, deg, pi = math.sinh, math.atan, math.degrees, math.pi
            self._lats = array("d", [deg(atan(sinh(pi * (1 - 2 * y)))) for y in self.ys])
        return self._lats

    @property
    def lons(self) -> array:
        """WGS-84 longitudes (worked back from ``xs`` on first use)."""
        if self._lons is None:
            self._lons = array("d", [x * 360.0 - 180.0 for x in self.xs])
        return self._lons

    def index_of_rid(self, rid: int) -> int | None:
        if self._by_rid is None:
            self._by_rid = {r: i for i, r in enumerate(self.rids)}
        return self._by_rid.get(rid)


_GROUP_WHERE = (
    "FROM outfalls INDEXED BY outfalls_map_points "
    "WHERE lat IS NOT NULL AND lon IS NOT NULL AND type_code = ? AND lifecycle_state = ?"
)
# tiles.world_x / tiles.world_y in SQL: y = 0.5 - ln((1 + s) / (1 - s)) / 4π = 0.5 - atanh(s) / 2π
# with s = sin(lat), the latitude clamped to web mercator's square world.
_PROJECTED = (
    f"(lon + 180.0) * {1 / 360.0!r}, "
    f"0.5 - atanh(sin(max({-tiles.MAX_LATITUDE!r}, min({tiles.MAX_LATITUDE!r}, lat)) "
    f"* {math.pi / 180.0!r})) * {1 / (2 * math.pi)!r}"
)
_RID_SQL = f"SELECT rid {_GROUP_WHERE}"  # the index orders each group by rid, as below


def has_math_functions(conn: sqlite3.Connection) -> bool:
    """Whether this SQLite was built with its math functions (``atanh``, ``sin``)."""
    from fieldapp.store.database import db_errors

    try:
        conn.execute("SELECT atanh(sin(0.5))").fetchone()
    except db_errors():
        return False
    return True


def _group_positions(
    conn: sqlite3.Connection, type_code: str, state: str, in_sql: bool
) -> list[tuple[float, float]]:
    """(world x, world y) of one group's outfalls, in rid order."""
    if in_sql:
        return conn.execute(f"SELECT {_PROJECTED} {_GROUP_WHERE}", (type_code, state)).fetchall()
    return [
        tiles.to_world(lat, lon)
        for lat, lon in conn.execute(f"SELECT lat, lon {_GROUP_WHERE}", (type_code, state))
    ]


def load(conn: sqlite3.Connection, *, defer_rids: bool = False) -> MapPoints:
    """Every outfall that has a position, projected to world coordinates.

    Positions and row ids are two reads in one snapshot (a read transaction), so they match even
    if outfalls change in between. ``defer_rids``: only what drawing needs (positions, type, state)
    is read now, the row ids on first use of ``MapPoints.rids``, the snapshot staying open until
    then; the map window reads them in idle time just after its first frame (they are about a
    quarter of the read).
    """
    in_sql = has_math_functions(conn)
    own_snapshot = not conn.in_transaction
    if own_snapshot:
        conn.execute("BEGIN")
    try:
        out, sizes = _read_positions(conn, in_sql)
    except BaseException:
        if own_snapshot and conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    out._rid_reader = lambda: _read_rids(conn, sizes, own_snapshot)
    if not defer_rids:
        out.rids  # noqa: B018 (reads them now)
    return out


def _read_positions(
    conn: sqlite3.Connection, in_sql: bool
) -> tuple[MapPoints, list[tuple[str, str, int]]]:
    groups = conn.execute(
        "SELECT type_code, lifecycle_state FROM outfalls INDEXED BY outfalls_map_points "
        "WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY 1, 2"
    ).fetchall()
    out = MapPoints()
    xy = array("d")  # x0, y0, x1, y1, ...: filled from the row tuples in C, split once at the end
    sizes: list[tuple[str, str, int]] = []
    type_index: dict[str, int] = {}
    state_index: dict[str, int] = {}
    types, states = bytearray(), bytearray()
    for type_code, state in groups:
        rows = _group_positions(conn, type_code, state, in_sql)
        if not rows:
            continue
        xy.extend(chain.from_iterable(rows))
        sizes.append((type_code, state, len(rows)))
        t = min(type_index.setdefault(type_code, len(type_index)), 255)
        s = min(state_index.setdefault(state, len(state_index)), 255)
        types += bytes([t]) * len(rows)
        states += bytes([s]) * len(rows)
    out.xs, out.ys = xy[0::2], xy[1::2]
    out.types, out.states = bytes(types), bytes(states)
    out.type_codes, out.state_codes = list(type_index), list(state_index)
    return out, sizes


def _read_rids(
    conn: sqlite3.Connection, sizes: list[tuple[str, str, int]], own_snapshot: bool
) -> array:
    """The row ids of the groups ``load`` read, in its order, ending its snapshot."""
    try:
        rids = array("q")
        for type_code, state, size in sizes:
            before = len(rids)
            rids.extend(r for (r,) in conn.execute(_RID_SQL, (type_code, state)))
            if len(rids) - before != size:  # a bug: the snapshot should make this impossible
                raise RuntimeError(f"map points changed between positions and ids ({type_code})")
    finally:
        if own_snapshot and conn.in_transaction:
            conn.execute("COMMIT")
    return rids


def outfall_id(conn: sqlite3.Connection, rid: int) -> tuple[str, str] | None:
    """(id, display code) of the outfall with row id ``rid``."""
    row = conn.execute("SELECT id, display_code FROM outfalls WHERE rid = ?", (rid,)).fetchone()
    return (row[0], row[1]) if row else None


def rid_of(conn: sqlite3.Connection, outfall_id: str) -> int | None:
    row = conn.execute("SELECT rid FROM outfalls WHERE id = ?", (outfall_id,)).fetchone()
    return int(row[0]) if row else None


def in_box(
    conn: sqlite3.Connection, south: float, west: float, north: float, east: float
) -> list[tuple[str, str, str, float, float]]:
    """(id, code, name, lat, lon) of the outfalls inside a lat/lon box (candidates for
    "outfalls passed" along a patrol)."""
    return [
        (str(r[0]), str(r[1] or ""), str(r[2] or ""), float(r[3]), float(r[4]))
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

    def points(self, *, defer_rids: bool = False) -> MapPoints:
        """Every outfall with a position (``load``; the map window defers the row ids)."""
        return load(self._conn, defer_rids=defer_rids)

    def outfall_id(self, rid: int) -> tuple[str, str] | None:
        return outfall_id(self._conn, rid)

    def find_code(self, code: str) -> int | None:
        """The row id of the outfall whose national, local or provisional code is ``code``."""
        owner = outfalls.code_owner(self._conn, code.strip())
        return rid_of(self._conn, owner) if owner else None

    def rid_of(self, outfall_id: str) -> int | None:
        return rid_of(self._conn, outfall_id)

    def near(self, lat: float, lon: float, radius_m: float) -> list[NearbyOutfall]:
        """Outfalls within ``radius_m`` of a position, nearest first."""
        return nearby.within(self._conn, lat, lon, radius_m)

    def close(self) -> None:
        self._conn.close()
