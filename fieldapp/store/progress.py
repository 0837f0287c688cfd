"""Progress figures (考核) from the profile: the facts ``assessment`` counts, and its cached cube.

Owns ``progress_generation`` and ``progress_cache`` (migration 6, ``progress_schema``). The cube
is built from every outfall, lifecycle event, sign-status edit and completed inspection this
device holds, stored with the generation it was built at, and read back while nothing that can
move a figure has changed (triggers count the changes, local or pulled). A stale or missing cube
is rebuilt: that walks every history (seconds for a million events), so callers run it on the
background lane.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import overload

from assessment.figures import month_ends, trend
from assessment.members import Pick, members
from assessment.rules import ProgressRules, read_rules
from assessment.timeline import Cube, Facts, build_cube

CACHE_KEY = "cube"


def load_rules(path: Path, states: frozenset[str]) -> ProgressRules:
    """The milestones file's rules (``resources/data/milestones.json``)."""
    return read_rules(path, states)


def generation(conn: sqlite3.Connection) -> int:
    """How many changes that can move a figure this profile has seen (cheap: one row)."""
    return int(conn.execute("SELECT n FROM progress_generation WHERE id = 1").fetchone()[0])


def load_facts(conn: sqlite3.Connection, county: str | None = None) -> Facts:
    """The facts the figures count, for one county or (None) everything on the device."""
    where, args = ("WHERE o.county_code = ?", (county,)) if county else ("", ())
    outfalls = conn.execute(
        f"SELECT id, county_code, basin, receiving_kind, sign_status FROM outfalls o {where} "
        "ORDER BY rid",
        args,
    ).fetchall()
    events = conn.execute(
        "SELECT e.outfall_id, e.at, e.to_state, e.from_state, e.id FROM outfall_events e "
        + ("JOIN outfalls o ON o.id = e.outfall_id " + where if county else ""),
        args,
    ).fetchall()
    edits = conn.execute(
        "SELECT e.outfall_id, e.at, e.old_value, e.new_value FROM outfall_edits e "
        + ("JOIN outfalls o ON o.id = e.outfall_id " + where + " AND" if county else "WHERE")
        + " e.field = 'sign_status'",
        args,
    ).fetchall()
    inspections = conn.execute(
        "SELECT i.outfall_id, i.completed_at FROM inspections i "
        + ("JOIN outfalls o ON o.id = i.outfall_id " + where + " AND" if county else "WHERE")
        + " i.status = 'complete' AND i.completed_at IS NOT NULL",
        args,
    ).fetchall()
    return Facts(outfalls, events, edits, inspections)


@dataclass(frozen=True)
class CubeRead:
    cube: Cube
    generation: int
    rebuilt: bool
    seconds: float  # how long reading (or rebuilding) took
    stale: bool = False  # built before the latest change (``stored_cube``)
    built_at: str = ""
    # The whole area's counts by state at each month's end (``with_months``), counted off the
    # GUI thread so a view's first paint does not wait for them.
    months: tuple[tuple[dt.date, dict[str, int]], ...] | None = None


@overload
def with_months(read: CubeRead, until: dt.date | None = None) -> CubeRead: ...
@overload
def with_months(read: None, until: dt.date | None = None) -> None: ...
def with_months(read: CubeRead | None, until: dt.date | None = None) -> CubeRead | None:
    """``read`` with its month-end counts by state (the stage trend of every county together)."""
    if read is None:
        return None
    cube = read.cube
    first = dt.date.fromordinal(cube.first_day) if cube.first_day else dt.date.today()
    last = max(dt.date.fromordinal(max(cube.last_day, 1)), until or dt.date.today())
    months = tuple(trend(cube, month_ends(first, last)))
    return dataclasses.replace(read, months=months)


def cached_cube(conn: sqlite3.Connection, rules: ProgressRules) -> CubeRead | None:
    """The stored cube when it is current for this profile and these rules; else None."""
    t0 = time.perf_counter()
    gen = generation(conn)
    row = conn.execute(
        "SELECT cube FROM progress_cache WHERE key = ? AND generation = ? AND rules_version = ?",
        (CACHE_KEY, gen, rules.version),
    ).fetchone()
    if row is None:
        return None
    return CubeRead(Cube.from_bytes(row[0]), gen, False, time.perf_counter() - t0)


def stored_cube(conn: sqlite3.Connection, rules: ProgressRules) -> CubeRead | None:
    """The stored cube for these rules even when changes came since (``stale`` says so): what a
    view shows at once while the current one is being built."""
    t0 = time.perf_counter()
    gen = generation(conn)
    row = conn.execute(
        "SELECT cube, generation, built_at FROM progress_cache WHERE key = ? AND rules_version = ?",
        (CACHE_KEY, rules.version),
    ).fetchone()
    if row is None:
        return None
    cube = Cube.from_bytes(row[0])
    return CubeRead(cube, row[1], False, time.perf_counter() - t0, row[1] != gen, row[2])


def rebuild(conn: sqlite3.Connection, rules: ProgressRules) -> CubeRead:
    """Builds the cube from every fact on the device and stores it (write connection).

    The facts and the generation are read in one transaction, so a change that lands meanwhile
    makes the stored cube stale rather than wrong.
    """
    t0 = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    try:
        gen = generation(conn)
        facts = load_facts(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    cube = build_cube(facts, rules)
    built_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    with conn:
        conn.execute(
            "INSERT OR REPLACE INTO progress_cache (key, generation, rules_version, built_at, cube) "
            "VALUES (?, ?, ?, ?, ?)",
            (CACHE_KEY, gen, rules.version, built_at, cube.to_bytes()),
        )
    return CubeRead(cube, gen, True, time.perf_counter() - t0, built_at=built_at)


def current_cube(conn: sqlite3.Connection, rules: ProgressRules) -> CubeRead:
    """The cached cube, rebuilt first when anything changed since it was built."""
    return cached_cube(conn, rules) or rebuild(conn, rules)


@dataclass(frozen=True)
class MemberRow:
    """One outfall behind a figure, as the list shows it."""

    id: str
    code: str
    name: str
    county_code: str
    town: str
    lifecycle_state: str  # today's (the list says which day its figure was for)


def member_rows(
    conn: sqlite3.Connection, rules: ProgressRules, as_of: dt.date, pick: Pick
) -> list[MemberRow]:
    """The outfalls behind one figure on ``as_of`` (for a county's figure, that county only)."""
    ids = members(load_facts(conn, pick.county), rules, as_of, pick)
    rows: dict[str, MemberRow] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for r in conn.execute(
            "SELECT id, display_code, name, county_code, town, lifecycle_state FROM outfalls "
            f"WHERE id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ):
            rows[r[0]] = MemberRow(*r)
    return sorted(rows.values(), key=lambda r: (r.county_code, r.code, r.name))
