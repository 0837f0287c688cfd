"""The patrol tables (巡河记录): one module owns them. Plain functions taking the connection first.

Tables (migration 4, ``MIGRATION_SQL``):

- ``patrols``: one row per patrol, captured for sync (entity ``patrols``: ``id``, ``author``,
  ``county_code``, ``status`` "draft" until finished, then "complete");
- ``patrol_points``: the raw fixes, a local journal, NOT captured. Each fix is committed in its
  own transaction as it arrives (``add_point``; the profile runs ``synchronous=FULL``), so a crash,
  a kill or a power cut loses no point that was reported saved;
- ``patrol_tracks``: the track for sync, captured, written once at finish in parts of at most
  ``TRACK_PART_POINTS`` fixes (JSON ``[[time, lat, lon, error_m, piece], ...]``), so a long patrol
  makes a few changes, not thousands;
- ``patrol_problems`` (captured): note, position, time, an optional outfall, category, what was
  done on the spot and escalation;
- ``patrol_photos`` (captured): one row per photo of a problem, referencing it by ``sha256``.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Sequence
from datetime import date, datetime

from fieldapp.domain import clock
from fieldapp.domain.patrol import (
    PassedOutfall,
    Patrol,
    PatrolRules,
    Pause,
    Problem,
    TrackPoint,
    bounds,
    format_time,
    is_stale,
    outfalls_passed,
    parse_time,
)
from fieldapp.store import map_points
from fieldapp.store.database import transaction

TRACK_PART_POINTS = 1000


def _new_id() -> str:
    return str(uuid.uuid4())


def start(
    conn: sqlite3.Connection,
    *,
    author: str,
    county_code: str,
    chief_level: str,
    river: str,
    at: datetime | None = None,
    task_id: str | None = None,
) -> Patrol:
    """Starts a patrol (status "draft") and returns it; ``task_id``: the task it answers."""
    started = at or clock.now()
    patrol = Patrol(_new_id(), author, county_code, chief_level, river, started, task_id=task_id)
    now = clock.now_iso()
    with transaction(conn):
        conn.execute(
            "INSERT INTO patrols (id, author, county_code, status, chief_level, river, "
            "started_at, created_at, updated_at, task_id) "
            "VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?)",
            (patrol.id, author, county_code, chief_level, river, format_time(started), now, now,
             task_id),
        )  # fmt: skip
    return patrol


def add_point(conn: sqlite3.Connection, patrol_id: str, point: TrackPoint) -> None:
    """Commits one fix (its own transaction: a crash after this returns keeps it)."""
    with transaction(conn):
        conn.execute(
            "INSERT OR IGNORE INTO patrol_points (patrol_id, seq, t, lat, lon, error_m, piece) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                patrol_id,
                point.seq,
                format_time(point.t),
                point.lat,
                point.lon,
                point.error_m,
                point.piece,
            ),
        )


def _set_pauses(conn: sqlite3.Connection, patrol_id: str, pauses: Sequence[Pause]) -> None:
    data = json.dumps(
        [[format_time(p.start), format_time(p.end) if p.end else None] for p in pauses]
    )
    conn.execute(
        "UPDATE patrols SET pauses = ?, updated_at = ? WHERE id = ? AND status = 'draft'",
        (data, clock.now_iso(), patrol_id),
    )


def pause(conn: sqlite3.Connection, patrol_id: str, at: datetime | None = None) -> Patrol:
    with transaction(conn):
        patrol = _require(conn, patrol_id)
        if not patrol.paused:
            patrol.pauses.append(Pause(at or clock.now()))
            _set_pauses(conn, patrol_id, patrol.pauses)
    return patrol


def resume(conn: sqlite3.Connection, patrol_id: str, at: datetime | None = None) -> Patrol:
    with transaction(conn):
        patrol = _require(conn, patrol_id)
        if patrol.paused:
            patrol.pauses[-1] = Pause(patrol.pauses[-1].start, at or clock.now())
            _set_pauses(conn, patrol_id, patrol.pauses)
    return patrol


def add_problem(
    conn: sqlite3.Connection,
    patrol_id: str,
    *,
    note: str,
    lat: float | None,
    lon: float | None,
    error_m: float | None,
    photo_sha256s: Sequence[str] = (),
    outfall_id: str | None = None,
    at: datetime | None = None,
    category: str | None = None,
    handling: str = "",
    escalated: bool = False,
) -> Problem:
    """Records a problem with its photos (already in the evidence store, by SHA-256), its
    category, what was done on the spot and whether it is escalated (then from its time)."""
    problem = Problem(
        _new_id(),
        patrol_id,
        at or clock.now(),
        lat,
        lon,
        error_m,
        note,
        outfall_id,
        tuple(photo_sha256s),
        category,
        handling.strip(),
        escalated,
    )
    with transaction(conn):
        county = conn.execute("SELECT county_code FROM patrols WHERE id = ?", (patrol_id,))
        row = county.fetchone()
        if row is None:
            raise KeyError(patrol_id)
        conn.execute(
            "INSERT INTO patrol_problems (id, patrol_id, county_code, at, lat, lon, error_m, "
            "note, outfall_id, category, handling, escalated, escalated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                problem.id,
                patrol_id,
                row[0],
                format_time(problem.at),
                lat,
                lon,
                error_m,
                note,
                outfall_id,
                category,
                problem.handling,
                int(escalated),
                format_time(problem.at) if escalated else None,
            ),
        )
        added = clock.now_iso()
        for sha in problem.photo_sha256s:
            conn.execute(
                "INSERT INTO patrol_photos (id, patrol_id, problem_id, sha256, added_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (_new_id(), patrol_id, problem.id, sha, added),
            )
    return problem


def get(conn: sqlite3.Connection, patrol_id: str) -> Patrol | None:
    """The patrol with its points, problems and the outfalls it passed."""
    row = conn.execute(
        "SELECT id, author, county_code, chief_level, river, started_at, status, ended_at, "
        "pauses, outfalls_passed, closed_automatically, task_id FROM patrols WHERE id = ?",
        (patrol_id,),
    ).fetchone()
    if row is None:
        return None
    patrol = Patrol(
        id=row[0],
        author=row[1],
        county_code=row[2],
        chief_level=row[3],
        river=row[4],
        started_at=parse_time(row[5]),
        status=row[6],
        ended_at=parse_time(row[7]) if row[7] else None,
        pauses=[Pause(parse_time(a), parse_time(b) if b else None) for a, b in json.loads(row[8])],
        passed=[PassedOutfall(**p) for p in json.loads(row[9])],
        closed_automatically=bool(row[10]),
        task_id=row[11],
    )
    patrol.points = [
        TrackPoint(seq, parse_time(t), lat, lon, err, piece)
        for seq, t, lat, lon, err, piece in conn.execute(
            "SELECT seq, t, lat, lon, error_m, piece FROM patrol_points WHERE patrol_id = ? "
            "ORDER BY seq",
            (patrol_id,),
        )
    ]
    photos: dict[str, list[str]] = {}
    for problem_id, sha in conn.execute(
        "SELECT problem_id, sha256 FROM patrol_photos WHERE patrol_id = ? ORDER BY added_at, id",
        (patrol_id,),
    ):
        photos.setdefault(problem_id, []).append(sha)
    patrol.problems = [
        Problem(
            pid,
            patrol_id,
            parse_time(at),
            lat,
            lon,
            err,
            note,
            oid,
            tuple(photos.get(pid, [])),
            category,
            handling,
            bool(escalated),
        )
        for pid, at, lat, lon, err, note, oid, category, handling, escalated in conn.execute(
            "SELECT id, at, lat, lon, error_m, note, outfall_id, category, handling, escalated "
            "FROM patrol_problems "
            "WHERE patrol_id = ? ORDER BY at, id",
            (patrol_id,),
        )
    ]
    return patrol


def _require(conn: sqlite3.Connection, patrol_id: str) -> Patrol:
    patrol = get(conn, patrol_id)
    if patrol is None:
        raise KeyError(patrol_id)
    return patrol


def open_patrol(conn: sqlite3.Connection, author: str) -> Patrol | None:
    """The author's unfinished patrol (the one to resume after a crash or restart), if any."""
    row = conn.execute(
        "SELECT id FROM patrols WHERE author = ? AND status = 'draft' "
        "ORDER BY started_at DESC LIMIT 1",
        (author,),
    ).fetchone()
    return get(conn, row[0]) if row else None


def passed_outfalls(
    conn: sqlite3.Connection, patrol: Patrol, rules: PatrolRules
) -> list[PassedOutfall]:
    """The outfalls within the rules' radius of the patrol's filtered track."""
    track = patrol.filtered(rules)
    kept = track.kept
    if not kept:
        return []
    radius = rules.passed_outfall_radius_m
    south, west, north, east = bounds(kept, radius)
    candidates = map_points.in_box(conn, south, west, north, east)
    return outfalls_passed(track.pieces, candidates, radius)


def finish(
    conn: sqlite3.Connection,
    patrol_id: str,
    rules: PatrolRules,
    at: datetime | None = None,
    *,
    automatically: bool = False,
) -> Patrol:
    """Finishes the patrol: summary, outfalls passed, the track for sync; status "complete"."""
    with transaction(conn):
        patrol = _require(conn, patrol_id)
        if not patrol.is_open:
            return patrol
        end = at or clock.now()
        if patrol.paused:
            patrol.pauses[-1] = Pause(patrol.pauses[-1].start, end)
        patrol.ended_at = end
        patrol.status = "complete"
        patrol.closed_automatically = automatically
        patrol.passed = passed_outfalls(conn, patrol, rules)
        summary = patrol.summary(rules)
        for part, start_at in enumerate(range(0, len(patrol.points), TRACK_PART_POINTS)):
            chunk = patrol.points[start_at : start_at + TRACK_PART_POINTS]
            data = [[format_time(p.t), p.lat, p.lon, p.error_m, p.piece] for p in chunk]
            conn.execute(
                "INSERT INTO patrol_tracks (id, patrol_id, part, points) VALUES (?, ?, ?, ?)",
                (_new_id(), patrol_id, part, json.dumps(data)),
            )
        _set_pauses(conn, patrol_id, patrol.pauses)
        conn.execute(
            "UPDATE patrols SET status = 'complete', ended_at = ?, duration_s = ?, "
            "distance_m = ?, points_recorded = ?, points_kept = ?, meets_rules = ?, "
            "rules_version = ?, outfalls_passed = ?, closed_automatically = ?, updated_at = ? "
            "WHERE id = ?",
            (
                format_time(end),
                round(summary.duration_s, 1),
                round(summary.distance_m, 1),
                summary.points_recorded,
                summary.points_kept,
                int(summary.meets_rules),
                rules.version,
                json.dumps([p.__dict__ for p in patrol.passed], ensure_ascii=False),
                int(automatically),
                clock.now_iso(),
                patrol_id,
            ),
        )
    return patrol


def finish_if_stale(
    conn: sqlite3.Connection, patrol: Patrol, rules: PatrolRules, now: datetime | None = None
) -> Patrol:
    """A patrol left open too long is finished at its last activity (patrol module doc)."""
    if patrol.is_open and is_stale(patrol.last_activity(), now or clock.now(), rules):
        return finish(conn, patrol.id, rules, patrol.last_activity(), automatically=True)
    return patrol


def qualifying_days(conn: sqlite3.Connection, author: str, chief_level: str) -> list[date]:
    """Days of the author's finished patrols at this level that met the minimums."""
    return [
        parse_time(r[0]).date()
        for r in conn.execute(
            "SELECT started_at FROM patrols WHERE author = ? AND chief_level = ? "
            "AND status = 'complete' AND meets_rules = 1",
            (author, chief_level),
        )
    ]
