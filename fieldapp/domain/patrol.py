"""River-chief patrols (巡河): the track filter, distance, duration and the local rules.

Pure: fixes in, numbers out. The rules are data (``resources/data/patrol_rules.json``):

- minimums a patrol must reach (duration, distance) and a frequency per river-chief level
  (city / county / town / village: so many patrols per week, month, quarter, half-year or year);
- the track filter: a fix whose estimated error is over ``max_error_m`` is *inaccurate*; one that
  would mean moving faster than ``max_speed_mps`` from the last kept point is a *spike* (it is kept
  in the raw record, never in the track); one closer than ``min_step_m`` to the last kept point is
  *jitter* (standing still: not added to the distance). If ``reanchor_after`` spikes in a row lie
  within ``reanchor_spread_m`` of each other the receiver really is elsewhere (a log restarted, a
  car ride while paused): the track starts a new piece there, and the jump itself is never counted
  as distance. A fix dated before the last kept one is *out of order* and skipped.
- duration: from start to finish, less the user's pauses, less any gap longer than ``max_gap_s``
  without a single fix (receiver off or lost for long: that time is not shown as patrolled).
- a patrol left open (never finished) for longer than ``max_open_hours`` after its last point is
  not resumed: it is finished at its last recorded point (``finish_stale``), and says so.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any

import geodesy
from fieldapp.domain import clock


class Verdict(StrEnum):
    KEPT = "kept"
    JITTER = "jitter"
    INACCURATE = "inaccurate"
    SPIKE = "spike"
    OUT_OF_ORDER = "out_of_order"


class PatrolStatus(StrEnum):
    RECORDING = "recording"
    PAUSED = "paused"


@dataclass(frozen=True)
class TrackFilterRules:
    max_error_m: float = 50.0
    max_speed_mps: float = 15.0
    min_step_m: float = 5.0
    reanchor_after: int = 4
    reanchor_spread_m: float = 60.0


@dataclass(frozen=True)
class ChiefLevel:
    code: str
    zh: str
    en: str
    period: str  # week, month, quarter, half_year, year
    count: int

    def label(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass(frozen=True)
class PatrolRules:
    version: str
    min_duration_s: float
    min_distance_m: float
    levels: tuple[ChiefLevel, ...]
    passed_outfall_radius_m: float
    track_filter: TrackFilterRules
    max_gap_s: float
    max_open_hours: float

    def level(self, code: str) -> ChiefLevel | None:
        return next((lv for lv in self.levels if lv.code == code), None)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PatrolRules:
        periods = {"week", "month", "quarter", "half_year", "year"}
        levels = tuple(
            ChiefLevel(lv["code"], lv["zh"], lv["en"], lv["period"], int(lv["count"]))
            for lv in d["levels"]
        )
        bad = [lv.period for lv in levels if lv.period not in periods]
        if bad:
            raise ValueError(f"unknown patrol frequency period(s): {bad}")
        return cls(
            version=str(d.get("version", "")),
            min_duration_s=float(d["minimum"]["duration_min"]) * 60,
            min_distance_m=float(d["minimum"]["distance_m"]),
            levels=levels,
            passed_outfall_radius_m=float(d["passed_outfall_radius_m"]),
            track_filter=TrackFilterRules(**d["track_filter"]),
            max_gap_s=float(d["max_gap_s"]),
            max_open_hours=float(d["max_open_hours"]),
        )


@dataclass(frozen=True)
class TrackPoint:
    """One recorded fix of a patrol (raw, as the receiver gave it). ``piece`` grows at resume."""

    seq: int
    t: datetime
    lat: float
    lon: float
    error_m: float | None = None
    piece: int = 0


@dataclass
class FilteredTrack:
    pieces: list[list[TrackPoint]] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)

    @property
    def kept(self) -> list[TrackPoint]:
        return [p for piece in self.pieces for p in piece]

    def count(self, verdict: Verdict) -> int:
        return sum(1 for v in self.verdicts if v is verdict)

    def distance_m(self) -> float:
        return sum(
            geodesy.distance_m(a.lat, a.lon, b.lat, b.lon)
            for piece in self.pieces
            for a, b in itertools.pairwise(piece)
        )


def filter_track(points: Iterable[TrackPoint], rules: TrackFilterRules) -> FilteredTrack:
    """Sorts each fix into kept / jitter / inaccurate / spike / out of order (see module doc)."""
    out = FilteredTrack()
    last: TrackPoint | None = None
    suspects: list[TrackPoint] = []
    for p in points:
        if last is not None and p.piece != last.piece:
            last, suspects = None, []  # a resume after a pause: a new piece, no distance across
        if p.error_m is not None and p.error_m > rules.max_error_m:
            out.verdicts.append(Verdict.INACCURATE)
            continue
        if last is None:
            out.pieces.append([p])
            out.verdicts.append(Verdict.KEPT)
            last = p
            continue
        dt = (p.t - last.t).total_seconds()
        if dt < 0:
            out.verdicts.append(Verdict.OUT_OF_ORDER)
            continue
        d = geodesy.distance_m(last.lat, last.lon, p.lat, p.lon)
        if d > rules.max_speed_mps * max(dt, 1.0):
            suspects.append(p)
            out.verdicts.append(Verdict.SPIKE)
            if _settled(suspects, rules):
                out.pieces.append([suspects[-1]])
                last, suspects = suspects[-1], []
            continue
        suspects = []
        if d < rules.min_step_m:
            out.verdicts.append(Verdict.JITTER)
            continue
        out.pieces[-1].append(p)
        out.verdicts.append(Verdict.KEPT)
        last = p
    return out


def _settled(suspects: Sequence[TrackPoint], rules: TrackFilterRules) -> bool:
    """Several spikes in a row close together: the receiver really is somewhere else."""
    if len(suspects) < rules.reanchor_after:
        return False
    recent = suspects[-rules.reanchor_after :]
    anchor = recent[-1]
    return all(
        geodesy.distance_m(anchor.lat, anchor.lon, s.lat, s.lon) <= rules.reanchor_spread_m
        for s in recent
    )


# -- time ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pause:
    start: datetime
    end: datetime | None = None  # None: paused now


def active_seconds(
    started: datetime,
    ended: datetime,
    pauses: Sequence[Pause],
    fix_times: Sequence[datetime],
    max_gap_s: float,
) -> float:
    """Start to end, less pauses, less gaps without any fix longer than ``max_gap_s``."""
    total = (ended - started).total_seconds()
    for pause in pauses:
        start = max(pause.start, started)
        end = min(pause.end or ended, ended)
        total -= max(0.0, (end - start).total_seconds())
    in_pause = [(p.start, p.end or ended) for p in pauses]
    marks = [started, *sorted(t for t in fix_times if started <= t <= ended), ended]
    for a, b in itertools.pairwise(marks):
        gap = (b - a).total_seconds()
        if gap > max_gap_s:
            paused = sum(max(0.0, (min(b, pe) - max(a, ps)).total_seconds()) for ps, pe in in_pause)
            total -= max(0.0, gap - paused - max_gap_s)
    return max(0.0, total)


def is_stale(last_activity: datetime, now: datetime, rules: PatrolRules) -> bool:
    """An open patrol untouched for longer than the rules allow is not resumed (module doc)."""
    return (now - last_activity).total_seconds() > rules.max_open_hours * 3600


# -- rules -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PatrolSummary:
    duration_s: float
    distance_m: float
    points_recorded: int
    points_kept: int
    spikes: int
    problems: int
    outfalls_passed: int
    meets_duration: bool
    meets_distance: bool

    @property
    def meets_rules(self) -> bool:
        return self.meets_duration and self.meets_distance


def summarise(
    track: FilteredTrack,
    duration_s: float,
    problems: int,
    outfalls_passed: int,
    rules: PatrolRules,
) -> PatrolSummary:
    distance = track.distance_m()
    return PatrolSummary(
        duration_s=duration_s,
        distance_m=distance,
        points_recorded=len(track.verdicts),
        points_kept=len(track.kept),
        spikes=track.count(Verdict.SPIKE),
        problems=problems,
        outfalls_passed=outfalls_passed,
        meets_duration=duration_s >= rules.min_duration_s,
        meets_distance=distance >= rules.min_distance_m,
    )


def period_start(period: str, day: date) -> date:
    """The first day of the calendar period (week from Monday) that holds ``day``."""
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    if period == "quarter":
        return day.replace(month=3 * ((day.month - 1) // 3) + 1, day=1)
    if period == "half_year":
        return day.replace(month=1 if day.month <= 6 else 7, day=1)
    if period == "year":
        return day.replace(month=1, day=1)
    raise ValueError(f"unknown period {period!r}")


@dataclass(frozen=True)
class FrequencyStatus:
    level: str
    period: str
    since: date
    done: int  # patrols in this period that met the minimums
    required: int

    @property
    def met(self) -> bool:
        return self.done >= self.required


def frequency_status(
    level: ChiefLevel, qualifying_days: Iterable[date], today: date
) -> FrequencyStatus:
    """How many qualifying patrols the chief has made in the current period, of how many due."""
    since = period_start(level.period, today)
    done = sum(1 for d in qualifying_days if since <= d <= today)
    return FrequencyStatus(level.code, level.period, since, done, level.count)


# -- outfalls passed -------------------------------------------------------------------------


@dataclass(frozen=True)
class PassedOutfall:
    outfall_id: str
    code: str
    name: str
    distance_m: float


def outfalls_passed(
    track: Sequence[Sequence[TrackPoint]],
    candidates: Iterable[tuple[str, str, str, float, float]],
    radius_m: float,
) -> list[PassedOutfall]:
    """Outfalls (id, code, name, lat, lon) within ``radius_m`` of the track, nearest first.

    Distances are to the track's segments (a local flat projection: exact to centimetres at
    these distances), found through a grid of ``radius_m`` cells so the cost stays linear.
    """
    pieces = [list(piece) for piece in track if piece]
    if not pieces:
        return []
    lat0 = pieces[0][0].lat
    kx, ky = geodesy.metres_per_degree(lat0)
    cell = max(radius_m, 1.0)
    grid: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}
    for piece in pieces:
        xy = [(p.lon * kx, p.lat * ky) for p in piece]
        segments = list(itertools.pairwise(xy)) or [(xy[0], xy[0])]
        for (ax, ay), (bx, by) in segments:
            for gx in range(int(min(ax, bx) // cell), int(max(ax, bx) // cell) + 1):
                for gy in range(int(min(ay, by) // cell), int(max(ay, by) // cell) + 1):
                    grid.setdefault((gx, gy), []).append((ax, ay, bx, by))
    found = []
    for oid, code, name, lat, lon in candidates:
        x, y = lon * kx, lat * ky
        gx, gy = int(x // cell), int(y // cell)
        best = math.inf
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for seg in grid.get((gx + dx, gy + dy), ()):
                    best = min(best, _segment_distance(x, y, *seg))
        if best <= radius_m:
            found.append(PassedOutfall(oid, code, name, best))
    found.sort(key=lambda p: p.distance_m)
    return found


def _segment_distance(x: float, y: float, ax: float, ay: float, bx: float, by: float) -> float:
    vx, vy = bx - ax, by - ay
    length2 = vx * vx + vy * vy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((x - ax) * vx + (y - ay) * vy) / length2))
    return math.hypot(x - (ax + t * vx), y - (ay + t * vy))


def bounds(points: Iterable[TrackPoint], margin_m: float) -> tuple[float, float, float, float]:
    """(south, west, north, east) around the points, widened by ``margin_m``."""
    pts = list(points)
    south, north = min(p.lat for p in pts), max(p.lat for p in pts)
    west, east = min(p.lon for p in pts), max(p.lon for p in pts)
    box = geodesy.box_around(south, west, north, east, margin_m)
    return box.south, box.west, box.north, box.east


def parse_time(text: str) -> datetime:
    """ISO 8601 text as stored (``...Z`` or with an offset) → aware UTC datetime."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def format_time(t: datetime) -> str:
    return clock.iso(t)


# -- records -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """A problem seen along the way (沿途发现的问题): note, position, photos by SHA-256."""

    id: str
    patrol_id: str
    at: datetime
    lat: float | None
    lon: float | None
    error_m: float | None
    note: str
    outfall_id: str | None = None
    photo_sha256s: tuple[str, ...] = ()
    category: str | None = None  # a code of resources/data/patrol_problems.json
    handling: str = ""  # what was done on the spot
    escalated: bool = False  # passed up: it could not be solved on the spot


@dataclass
class Patrol:
    """One patrol with what was recorded. ``status``: "draft" until finished, then "complete"."""

    id: str
    author: str
    county_code: str
    chief_level: str
    river: str
    started_at: datetime
    status: str = "draft"
    ended_at: datetime | None = None
    pauses: list[Pause] = field(default_factory=list)
    points: list[TrackPoint] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    passed: list[PassedOutfall] = field(default_factory=list)
    closed_automatically: bool = False
    task_id: str | None = None  # the task (patrol this stretch) it was started from

    @property
    def is_open(self) -> bool:
        return self.status == "draft"

    @property
    def paused(self) -> bool:
        return bool(self.pauses) and self.pauses[-1].end is None

    @property
    def piece(self) -> int:
        """The piece number new fixes get (one more after every resume)."""
        return sum(1 for p in self.pauses if p.end is not None)

    def last_activity(self) -> datetime:
        times = [self.started_at, *(p.t for p in self.points[-1:])]
        times += [p.start for p in self.pauses] + [p.end for p in self.pauses if p.end]
        return max(times)

    def filtered(self, rules: PatrolRules) -> FilteredTrack:
        return filter_track(self.points, rules.track_filter)

    def summary(self, rules: PatrolRules, now: datetime | None = None) -> PatrolSummary:
        end = self.ended_at or now or clock.now()
        track = self.filtered(rules)
        duration = active_seconds(
            self.started_at, end, self.pauses, [p.t for p in self.points], rules.max_gap_s
        )
        return summarise(track, duration, len(self.problems), len(self.passed), rules)
