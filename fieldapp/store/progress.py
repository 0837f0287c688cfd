"""Progress figures (考核) from the profile: the facts ``assessment`` counts, and its cached cube.

Owns ``progress_generation``, ``progress_cache`` (migration 7), ``progress_dirty`` and
``progress_part`` (migration 12, both in ``progress_schema``). The cube counts every outfall,
lifecycle event, sign-status edit and completed inspection this device holds. Triggers list each
outfall whose facts change (local or pulled); ``refresh`` moves the stored cube by those
outfalls' new shares minus their old ones, in one transaction (milliseconds), so it always
equals a build from scratch. ``rebuild`` walks every history (tens of seconds for a million
events, on the background lane): after the migration, for other rules, or to repair.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

from assessment.figures import month_ends, trend
from assessment.members import Pick, members
from assessment.rules import ProgressRules, read_rules
from assessment.timeline import Cube, Facts, Part, build_cube, outfall_parts, part_changes
from fieldapp.domain import clock

CACHE_KEY = "cube"
TRACKING_KEY = "tracking"  # a row that makes the triggers list changes (a first build is under way)
# More outfalls changed than this (a first pull, a big import): the cube is built from scratch.
INCREMENTAL_LIMIT = 20_000


def load_rules(path: Path, states: frozenset[str]) -> ProgressRules:
    """The milestones file's rules (``resources/data/milestones.json``)."""
    return read_rules(path, states)


def generation(conn: sqlite3.Connection) -> int:
    """How many changes that can move a figure this profile has seen (cheap: one row)."""
    return int(conn.execute("SELECT n FROM progress_generation WHERE id = 1").fetchone()[0])


def load_facts(
    conn: sqlite3.Connection, county: str | None = None, ids: Sequence[str] | None = None
) -> Facts:
    """The facts the figures count, for one county or (None) everything on the device; with
    ``ids``, of those outfalls only."""
    if ids is not None:
        return _facts_of(conn, ids)
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


_CHUNK = 500


def _facts_of(conn: sqlite3.Connection, ids: Sequence[str]) -> Facts:
    facts = Facts([], [], [], [])
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        marks = ", ".join("?" * len(chunk))
        facts.outfalls.extend(  # type: ignore[attr-defined]
            conn.execute(
                "SELECT id, county_code, basin, receiving_kind, sign_status FROM outfalls "
                f"WHERE id IN ({marks}) ORDER BY rid",
                chunk,
            )
        )
        facts.events.extend(  # type: ignore[attr-defined]
            conn.execute(
                "SELECT outfall_id, at, to_state, from_state, id FROM outfall_events "
                f"WHERE outfall_id IN ({marks})",
                chunk,
            )
        )
        facts.sign_edits.extend(  # type: ignore[attr-defined]
            conn.execute(
                "SELECT outfall_id, at, old_value, new_value FROM outfall_edits "
                f"WHERE field = 'sign_status' AND outfall_id IN ({marks})",
                chunk,
            )
        )
        facts.inspections.extend(  # type: ignore[attr-defined]
            conn.execute(
                "SELECT outfall_id, completed_at FROM inspections WHERE +status = 'complete' "
                f"AND completed_at IS NOT NULL AND outfall_id IN ({marks})",
                chunk,
            )
        )
    return facts


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
    moved: int = 0  # outfalls whose shares ``refresh`` counted again


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


def pending(conn: sqlite3.Connection) -> bool:
    """Whether changes came since the stored cube was brought up to date."""
    return conn.execute("SELECT 1 FROM progress_dirty LIMIT 1").fetchone() is not None


def cached_cube(conn: sqlite3.Connection, rules: ProgressRules) -> CubeRead | None:
    """The stored cube when it is current for this profile and these rules; else None."""
    found = stored_cube(conn, rules)
    return None if found is None or found.stale else found


def stored_cube(conn: sqlite3.Connection, rules: ProgressRules) -> CubeRead | None:
    """The stored cube for these rules even when changes came since (``stale`` says so): what a
    view shows at once while the current one is being counted."""
    t0 = time.perf_counter()
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")  # the cube and the list of changes since, as of one moment
    try:
        row = conn.execute(
            "SELECT cube, generation, built_at FROM progress_cache "
            "WHERE key = ? AND rules_version = ?",
            (CACHE_KEY, rules.version),
        ).fetchone()
        stale = row is not None and pending(conn)
    finally:
        if own:
            conn.execute("COMMIT")
    if row is None:
        return None
    cube = Cube.from_bytes(row[0])
    return CubeRead(cube, row[1], False, time.perf_counter() - t0, stale, row[2])


def rebuild(conn: sqlite3.Connection, rules: ProgressRules) -> CubeRead:
    """Builds the cube and every outfall's share of it from every fact on the device, and
    stores them (write connection): after a migration, for other rules, or to repair.

    The facts are read in one transaction, which also notes the last change listed then; the
    changes listed later stay listed and are counted by the next ``refresh``. Should another
    connection bring the cube up to date meanwhile, its cube is kept and this one dropped.
    """
    t0 = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(  # from here on, changes are listed (see progress_schema._mark)
            "INSERT OR IGNORE INTO progress_cache (key, generation, rules_version, built_at, cube)"
            " VALUES (?, 0, '', '', x'')",
            (TRACKING_KEY,),
        )
        gen = generation(conn)
        (last_change,) = conn.execute("SELECT coalesce(max(seq), 0) FROM progress_dirty").fetchone()
        before = _stamp(conn)
        facts = load_facts(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    parts: dict[str, Part] = {}
    cube = build_cube(facts, rules, parts)
    built_at = clock.now_iso()
    conn.execute("BEGIN IMMEDIATE")
    try:
        if _stamp(conn) != before:  # brought up to date by another connection meanwhile
            conn.execute("ROLLBACK")
            return refresh(conn, rules)
        _store(conn, cube, gen, rules, built_at)
        conn.execute("DELETE FROM progress_part")
        conn.executemany(
            "INSERT INTO progress_part (outfall_id, county_code, basin, receiving_kind, "
            "first_day, last_day, deltas) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (_part_row(i, p) for i, p in parts.items()),
        )
        conn.execute("DELETE FROM progress_dirty WHERE seq <= ?", (last_change,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return CubeRead(cube, gen, True, time.perf_counter() - t0, built_at=built_at)


def refresh(conn: sqlite3.Connection, rules: ProgressRules, tries: int = 3) -> CubeRead:
    """The current cube (write connection): the stored one moved by the shares of the outfalls
    changed since (milliseconds for a few outfalls); built from scratch when there is none for
    these rules, or when so many outfalls changed that walking them all is quicker.

    The shares are counted from one reading transaction, without holding the write lock; the
    result is stored in a short write transaction, unless another connection stored a cube
    meanwhile (then it is counted again). Changes listed after the reading stay listed: the next
    refresh counts them against the shares stored here.
    """
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    try:
        row = conn.execute(
            "SELECT cube, generation, built_at FROM progress_cache "
            "WHERE key = ? AND rules_version = ?",
            (CACHE_KEY, rules.version),
        ).fetchone()
        last_change, waiting = conn.execute(
            "SELECT coalesce(max(seq), 0), count(*) FROM progress_dirty"
        ).fetchone()
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT outfall_id FROM progress_dirty "
                "WHERE outfall_id IS NOT NULL LIMIT ?",
                (INCREMENTAL_LIMIT + 1,),
            )
        ]
        if row is None or len(ids) > INCREMENTAL_LIMIT:
            conn.execute("COMMIT")
            return rebuild(conn, rules)
        if not last_change:
            conn.execute("COMMIT")
            cube = Cube.from_bytes(row[0])
            return CubeRead(cube, row[1], False, time.perf_counter() - t0, built_at=row[2])
        stamp, gen = _stamp(conn), generation(conn)
        new = outfall_parts(load_facts(conn, ids=ids), rules)
        old = _stored_parts(conn, ids)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    cube = Cube.from_bytes(row[0])
    cube.apply(part_changes(old, new.values()))
    conn.execute("BEGIN IMMEDIATE")
    try:
        (still,) = conn.execute(
            "SELECT count(*) FROM progress_dirty WHERE seq <= ?", (last_change,)
        ).fetchone()
        if _stamp(conn) != stamp or still != waiting:  # another connection counted meanwhile
            conn.execute("ROLLBACK")
            return refresh(conn, rules, tries - 1) if tries > 0 else rebuild(conn, rules)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            conn.execute(
                f"DELETE FROM progress_part WHERE outfall_id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
        conn.executemany(
            "INSERT INTO progress_part (outfall_id, county_code, basin, receiving_kind, "
            "first_day, last_day, deltas) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (_part_row(i, p) for i, p in new.items()),
        )
        (last,) = conn.execute("SELECT coalesce(max(last_day), 0) FROM progress_part").fetchone()
        cube.last_day = int(last)
        _store(conn, cube, gen, rules, row[2])
        conn.execute("DELETE FROM progress_dirty WHERE seq <= ?", (last_change,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return CubeRead(cube, gen, False, time.perf_counter() - t0, built_at=row[2], moved=len(ids))


def current_cube(conn: sqlite3.Connection, rules: ProgressRules) -> CubeRead:
    """The cube counting every change so far (``refresh``)."""
    return refresh(conn, rules)


def _stored_parts(conn: sqlite3.Connection, ids: list[str]) -> list[Part]:
    """The shares stored for the outfalls ``ids`` (none for an outfall counted in none)."""
    found: list[Part] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        found.extend(
            Part((c, b, k), first, last, tuple((m, d, n) for m, d, n in json.loads(deltas)))
            for c, b, k, first, last, deltas in conn.execute(
                "SELECT county_code, basin, receiving_kind, first_day, last_day, deltas "
                f"FROM progress_part WHERE outfall_id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
        )
    return found


def _part_row(outfall_id: str, p: Part) -> tuple[object, ...]:
    return (
        outfall_id,
        *p.group,
        p.first_day,
        p.last_day,
        json.dumps(p.deltas, ensure_ascii=False, separators=(",", ":")),
    )


def _stamp(conn: sqlite3.Connection) -> tuple[object, ...] | None:
    """What identifies the stored cube's state (changes when any connection stores one)."""
    row = conn.execute(
        "SELECT generation, rules_version, built_at, length(cube) FROM progress_cache "
        "WHERE key = ?",
        (CACHE_KEY,),
    ).fetchone()
    return None if row is None else tuple(row)


def _store(
    conn: sqlite3.Connection, cube: Cube, gen: int, rules: ProgressRules, built_at: str
) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO progress_cache (key, generation, rules_version, built_at, cube) "
        "VALUES (?, ?, ?, ?, ?)",
        (CACHE_KEY, gen, rules.version, built_at, cube.to_bytes()),
    )


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
