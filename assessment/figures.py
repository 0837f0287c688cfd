"""The cube's counts on one day, summarised per county (and the city) for a progress report.

Percentages and on-track decisions are made with whole numbers and fractions, never floats, so the
device and the server agree to the last outfall. A milestone's *target line* on a day runs
straight from where its scope stood when the plan set it (``start``) to the target at the
deadline; a county at or above the line is on track, below it behind; past the deadline a target
is met or missed.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from assessment.rules import Milestone, ProgressRules
from assessment.timeline import Cube, Group

Counts = Mapping[Group, Mapping[str, int]]
STATUSES = ("met", "on_track", "behind", "missed", "before_start", "no_outfalls")


@dataclass(frozen=True)
class MilestoneResult:
    milestone: Milestone
    in_scope: int
    done: int
    expected: Fraction | None  # the target line's percentage on the day (None before the start)
    status: str  # one of STATUSES

    @property
    def pct(self) -> Fraction:
        return Fraction(self.done * 100, self.in_scope) if self.in_scope else Fraction(0)

    @property
    def short(self) -> int:
        """Outfalls still to bring into the counted states to meet the target."""
        need = -(-self.milestone.target_pct * self.in_scope // 100)
        return max(0, need - self.done)


@dataclass(frozen=True)
class AreaProgress:
    """One county's figures (``county`` None: the whole area asked about)."""

    county: str | None
    total: int  # outfalls known on the day
    by_state: dict[str, int]
    by_basin: dict[str, dict[str, int]]  # basin → state → count
    by_kind: dict[str, dict[str, int]]  # receiving kind → state → count
    milestones: tuple[MilestoneResult, ...]
    overdue: int  # remediation plans past their time
    signs: dict[str, int]  # sign status → outfalls that should carry a sign
    sign_standard: int
    due: int
    inspected: int

    @property
    def sign_total(self) -> int:
        return sum(self.signs.values())


CountyProgress = AreaProgress


@dataclass(frozen=True)
class Progress:
    as_of: dt.date
    rules_version: str
    area: AreaProgress  # every county asked about together
    counties: dict[str, AreaProgress]


def summarise(
    cube: Cube,
    rules: ProgressRules,
    as_of: dt.date,
    counties: Iterable[str] | None = None,
    basin: str | None = None,
) -> Progress:
    """The figures on ``as_of`` for ``counties`` (None: every county in the cube), of one basin's
    outfalls or (None) all."""
    wanted = None if counties is None else frozenset(counties)
    now = _only(cube.counts(as_of.toordinal()), wanted, basin)
    starts = {m.start for m in rules.milestones}
    at_start = {s: _only(cube.counts(s.toordinal()), wanted, basin) for s in starts}
    names = sorted({g[0] for g in now} | (wanted or set()))
    now_by = _by_county(now)
    start_by = {s: _by_county(c) for s, c in at_start.items()}
    per_county = {
        c: _area(c, now_by.get(c, {}), {s: b.get(c, {}) for s, b in start_by.items()}, rules, as_of)
        for c in names
        if wanted is None or c in wanted
    }
    return Progress(
        as_of=as_of,
        rules_version=rules.version,
        area=_area(None, now, at_start, rules, as_of),
        counties=per_county,
    )


def _by_county(counts: Counts) -> dict[str, dict[Group, Mapping[str, int]]]:
    found: dict[str, dict[Group, Mapping[str, int]]] = {}
    for g, v in counts.items():
        found.setdefault(g[0], {})[g] = v
    return found


def _only(counts: Counts, wanted: frozenset[str] | None, basin: str | None = None) -> Counts:
    if wanted is None and basin is None:
        return counts
    return {
        g: v
        for g, v in counts.items()
        if (wanted is None or g[0] in wanted) and (basin is None or g[1] == basin)
    }


def _area(
    county: str | None,
    now: Counts,
    at_start: Mapping[dt.date, Counts],
    rules: ProgressRules,
    as_of: dt.date,
) -> AreaProgress:
    """One area's figures; ``now`` and ``at_start`` hold that area's groups only."""
    groups = now
    by_state: dict[str, int] = {}
    by_basin: dict[str, dict[str, int]] = {}
    by_kind: dict[str, dict[str, int]] = {}
    signs: dict[str, int] = {}
    overdue = due = inspected = 0
    for (_c, basin, kind), measures in groups.items():
        for m, n in measures.items():
            if m.startswith("state:"):
                s = m[6:]
                by_state[s] = by_state.get(s, 0) + n
                b = by_basin.setdefault(basin, {})
                b[s] = b.get(s, 0) + n
                k = by_kind.setdefault(kind, {})
                k[s] = k.get(s, 0) + n
            elif m.startswith("sign:") and m != "sign:not_required":
                signs[m[5:]] = signs.get(m[5:], 0) + n
            elif m == "overdue":
                overdue += n
            elif m == "due":
                due += n
            elif m == "inspected":
                inspected += n
    states_now = _states_of(groups)
    states_at = {start: _states_of(c) for start, c in at_start.items()}
    results = tuple(_milestone(m, states_now, states_at[m.start], as_of) for m in rules.milestones)
    return AreaProgress(
        county=county,
        total=sum(by_state.values()),
        by_state=by_state,
        by_basin=by_basin,
        by_kind=by_kind,
        milestones=results,
        overdue=overdue,
        signs=signs,
        sign_standard=sum(n for s, n in signs.items() if s in rules.sign_standard),
        due=due,
        inspected=inspected,
    )


StateCounts = Mapping[Group, Mapping[str, int]]  # group → lifecycle state → outfalls


def _states_of(counts: Counts) -> dict[Group, dict[str, int]]:
    return {
        g: {m[6:]: n for m, n in measures.items() if m.startswith("state:")}
        for g, measures in counts.items()
    }


def _scope(m: Milestone, states: StateCounts) -> tuple[int, int]:
    in_scope = done = 0
    for (c, basin, kind), by_state in states.items():
        if m.covers(c, basin, kind):
            for state, n in by_state.items():
                in_scope += n
                if state in m.states:
                    done += n
    return in_scope, done


def scope_counts(m: Milestone, county: str | None, counts: Counts) -> tuple[int, int]:
    """(in scope, done) for a milestone over the groups of ``county`` (None: all) in ``counts``."""
    mine = {g: v for g, v in counts.items() if county is None or g[0] == county}
    return _scope(m, _states_of(mine))


def _milestone(
    m: Milestone, now: StateCounts, start: StateCounts, as_of: dt.date
) -> MilestoneResult:
    in_scope, done = _scope(m, now)
    if not in_scope:
        return MilestoneResult(m, 0, 0, None, "no_outfalls")
    if as_of < m.start:
        return MilestoneResult(m, in_scope, done, None, "before_start")
    expected = _line(m, _scope(m, start), as_of)
    if done * 100 >= m.target_pct * in_scope:
        status = "met"
    elif as_of >= m.deadline:
        status = "missed"
    else:
        status = "on_track" if Fraction(done * 100, in_scope) >= expected else "behind"
    return MilestoneResult(m, in_scope, done, expected, status)


def target_line(m: Milestone, county: str | None, start: Counts, as_of: dt.date) -> Fraction:
    """The percentage expected on ``as_of``: from the scope's standing at the start, straight
    to the target at the deadline (the target itself from the deadline on)."""
    return _line(m, scope_counts(m, county, start), as_of)


def _line(m: Milestone, at_start: tuple[int, int], as_of: dt.date) -> Fraction:
    target = Fraction(m.target_pct)
    in_scope, done = at_start
    base = min(target, Fraction(done * 100, in_scope)) if in_scope else Fraction(0)
    span = (m.deadline - m.start).days
    if as_of >= m.deadline or span <= 0:
        return target
    return base + (target - base) * Fraction((as_of - m.start).days, span)


def trend(
    cube: Cube,
    days: Sequence[dt.date],
    counties: Iterable[str] | None = None,
    basin: str | None = None,
) -> list[tuple[dt.date, dict[str, int]]]:
    """Counts by lifecycle state on each of ``days`` (the stage trend)."""
    wanted = None if counties is None else frozenset(counties)
    ordinals = [d.toordinal() for d in days]
    found: list[dict[str, int]] = [{} for _ in days]
    m = len(cube.measures)
    for series, series_days in cube.days.items():
        group, measure = divmod(series, m)
        county, group_basin, _kind = cube.groups[group]
        name = cube.measures[measure]
        if (
            not name.startswith("state:")
            or (wanted is not None and county not in wanted)
            or (basin is not None and group_basin != basin)
        ):
            continue
        state = name[6:]
        totals = cube.totals[series]
        for i, day in enumerate(ordinals):
            k = bisect_right(series_days, day)
            if k and totals[k - 1]:
                found[i][state] = found[i].get(state, 0) + totals[k - 1]
    return list(zip(days, found, strict=True))


def month_ends(first: dt.date, last: dt.date) -> list[dt.date]:
    """The last day of every month from ``first``'s to ``last``'s (``last`` itself ends the list)."""
    found = []
    year, month = first.year, first.month
    while True:
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        end = nxt - dt.timedelta(days=1)
        if end >= last:
            found.append(last)
            return found
        found.append(end)
        year, month = nxt.year, nxt.month
