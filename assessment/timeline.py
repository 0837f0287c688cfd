"""Facts over time: where every outfall stood on every day, as a cube of daily changes.

Each outfall's history (its lifecycle events, the edits of its sign status, its completed
inspections) is walked once. On each day something changes, its *measures* are evaluated:

- ``state:<code>``: the lifecycle state after the last event of the day or before (none before
  its first event: the outfall was not known yet);
- ``sign:<status>``: the sign status that day (the current one, unless a later edit says what it
  was before), counted only while the state is one that should carry a sign;
- ``overdue``: under remediation ``remediation_plan_days`` or more after remediation first began;
- ``due`` / ``inspected``: in a state due for inspection, and inspected enough times in the
  period (month, quarter, year) up to that day.

Every change of a measure is a +1/-1 on (county, basin, receiving kind, measure) that day; running
sums of those changes answer "how many on day D" with one binary search per series, so any date
is as cheap as today. Days are calendar days in China (``tz_hours``, +8): an event at 20:00 UTC
on 31 December belongs to 1 January.
"""

from __future__ import annotations

import datetime as dt
import json
from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from assessment.rules import ProgressRules, next_period_start, period_start

# Plain tuples (rows as a database returns them); named here for readers and type checkers.
OutfallFact = tuple[str, str, str, str, str]  # id, county, basin, receiving kind, sign status now
StateEvent = tuple[str, str, str, str | None, str]  # outfall id, at, to state, from state, event id
SignEdit = tuple[str, str, str, str]  # outfall id, at, old sign status, new sign status
InspectionFact = tuple[str, str]  # outfall id, completed at
Group = tuple[str, str, str]  # county, basin, receiving kind

NONE = -1
_KEY = 4_000_000  # above every date ordinal: series * _KEY + day is one dict key


@dataclass
class Facts:
    """Everything the figures are computed from."""

    outfalls: Sequence[OutfallFact]
    events: Iterable[StateEvent]
    sign_edits: Iterable[SignEdit] = ()
    inspections: Iterable[InspectionFact] = ()


@lru_cache(maxsize=8192)
def _date_ordinal(date_text: str) -> int:
    return dt.date.fromisoformat(date_text).toordinal()


@lru_cache(maxsize=65536)
def _utc_hour_day(date_hour: str, tz_hours: int) -> int:
    return _date_ordinal(date_hour[:10]) + (int(date_hour[11:13]) + tz_hours) // 24


def china_day(at: str, tz_hours: int = 8) -> int:
    """The calendar day (date ordinal) of an ISO timestamp in the plan's time zone.

    Timestamps are stored in UTC ("...Z"); those with another offset are converted first.
    """
    if len(at) >= 19 and at[10] == "T" and (at[-1] == "Z" or at.endswith("+00:00")):
        return _utc_hour_day(at[:13], tz_hours)
    if len(at) == 10:  # a bare date is already a local day
        return _date_ordinal(at)
    when = dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    local = when.astimezone(dt.timezone(dt.timedelta(hours=tz_hours)))
    return local.date().toordinal()


@dataclass
class Cube:
    """Running counts per series (group, measure), answered for any day."""

    groups: list[Group]
    measures: list[str]
    # series id → (days ascending, running count after that day); series = group * M + measure
    days: dict[int, array] = field(default_factory=dict)
    totals: dict[int, array] = field(default_factory=dict)
    first_day: int = 0
    last_day: int = 0
    _memo: dict[int, dict[Group, dict[str, int]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def counts(self, day: int) -> dict[Group, dict[str, int]]:
        """How many outfalls had each measure at the end of ``day``, per group (zeros left out).

        Answers are kept (a cube never changes): the milestones' start days are asked for on
        every summary. Callers must not change what they get."""
        found = self._memo.get(day)
        if found is None:
            if len(self._memo) >= 64:
                self._memo.clear()
            found = self._memo[day] = self._count(day)
        return found

    def _count(self, day: int) -> dict[Group, dict[str, int]]:
        m = len(self.measures)
        found: dict[Group, dict[str, int]] = {}
        for series, days in self.days.items():
            i = bisect_right(days, day)
            if i:
                n = self.totals[series][i - 1]
                if n:
                    group, measure = divmod(series, m)
                    found.setdefault(self.groups[group], {})[self.measures[measure]] = n
        return found

    def apply(self, changes: Mapping[tuple[Group, str], Mapping[int, int]]) -> None:
        """Adds daily changes, (group, measure) → day → +n/-n, as one outfall's new part minus
        its old one. Afterwards the cube holds what a build from scratch would: only the days on
        which a count changes, no empty series, no group without outfalls (``series_map``
        compares them). ``first_day`` follows; ``last_day`` is the caller's to set."""
        self._memo.clear()
        groups = self.groups + sorted({g for g, _m in changes} - set(self.groups))
        measures = sorted(set(self.measures) | {m for _g, m in changes})
        self._reindex(groups, measures)
        group_ids = {g: i for i, g in enumerate(self.groups)}
        rank = {m: i for i, m in enumerate(self.measures)}
        n_measures = len(self.measures)
        for (group, measure), by_day in changes.items():
            self._merge(group_ids[group] * n_measures + rank[measure], by_day)
        used = sorted({s // n_measures for s in self.days})
        if len(used) < len(self.groups):
            self._reindex([self.groups[g] for g in used], self.measures)
        state_days = [
            d[0] for s, d in self.days.items() if self.measures[s % n_measures].startswith("state:")
        ]
        self.first_day = min(state_days, default=0)

    def _merge(self, series: int, by_day: Mapping[int, int]) -> None:
        changes: dict[int, int] = {}
        days, totals = self.days.get(series), self.totals.get(series)
        if days is not None and totals is not None:
            previous = 0
            for day, total in zip(days, totals, strict=True):
                changes[day] = total - previous
                previous = total
        for day, n in by_day.items():
            changes[day] = changes.get(day, 0) + n
        kept = sorted((d, n) for d, n in changes.items() if n)
        if not kept:
            self.days.pop(series, None)
            self.totals.pop(series, None)
            return
        running, new_totals = 0, array("i")
        for _day, n in kept:
            running += n
            new_totals.append(running)
        self.days[series] = array("i", (d for d, _n in kept))
        self.totals[series] = new_totals

    def _reindex(self, groups: list[Group], measures: list[str]) -> None:
        """Renumbers the series for new lists of groups and measures (each holding every group
        and measure that has a series)."""
        if groups == self.groups and measures == self.measures:
            return
        old_m, new_m = len(self.measures), len(measures)
        group_ids = {g: i for i, g in enumerate(groups)}
        rank = {m: i for i, m in enumerate(measures)}
        days: dict[int, array] = {}
        totals: dict[int, array] = {}
        for series in sorted(self.days, key=lambda s: (group_ids[self.groups[s // old_m]],
                                                       rank[self.measures[s % old_m]])):  # fmt: skip
            g, m = divmod(series, old_m)
            new = group_ids[self.groups[g]] * new_m + rank[self.measures[m]]
            days[new], totals[new] = self.days[series], self.totals[series]
        self.groups, self.measures, self.days, self.totals = list(groups), measures, days, totals

    def series_map(self) -> dict[tuple[Group, str], tuple[list[int], list[int]]]:
        """Every series by (group, measure) name: two cubes that count alike have equal maps."""
        m = len(self.measures)
        return {
            (self.groups[s // m], self.measures[s % m]): (list(d), list(self.totals[s]))
            for s, d in self.days.items()
        }

    def to_bytes(self) -> bytes:
        """A compact form for a cache: a JSON header, then the series as 32-bit integers."""
        header = json.dumps(
            {
                "groups": self.groups,
                "measures": self.measures,
                "series": [[s, len(d)] for s, d in self.days.items()],
                "first_day": self.first_day,
                "last_day": self.last_day,
            },
            ensure_ascii=False,
        ).encode()
        body = array("i")
        for s, d in self.days.items():
            body.extend(d)
            body.extend(self.totals[s])
        return len(header).to_bytes(4, "little") + header + body.tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Cube:
        size = int.from_bytes(data[:4], "little")
        header = json.loads(data[4 : 4 + size])
        body = array("i")
        body.frombytes(data[4 + size :])
        cube = cls(
            groups=[(g[0], g[1], g[2]) for g in header["groups"]],
            measures=list(header["measures"]),
            first_day=int(header["first_day"]),
            last_day=int(header["last_day"]),
        )
        at = 0
        for series, n in header["series"]:
            cube.days[series] = body[at : at + n]
            cube.totals[series] = body[at + n : at + 2 * n]
            at += 2 * n
        return cube


@dataclass(frozen=True)
class History:
    """One outfall's facts, ordered and turned into days (what ``measures_at`` evaluates)."""

    state_days: list[int]
    states: list[str]
    first_remediation: int | None
    sign_now: str
    sign_days: list[int]  # days of the sign edits, ascending
    sign_before: list[str]  # the status before each edit
    inspection_days: list[int]


def order_events(events: list[StateEvent]) -> list[StateEvent]:
    """An outfall's events in time order; within one timestamp, following from-state → to-state
    (then by id), so that two steps taken in the same second count in the order they were taken."""
    events = sorted(events, key=lambda e: (e[1], e[4]))
    i = 0
    ordered: list[StateEvent] = []
    while i < len(events):
        j = i
        while j + 1 < len(events) and events[j + 1][1] == events[i][1]:
            j += 1
        if j == i:
            ordered.append(events[i])
        else:
            pending = events[i : j + 1]
            current = ordered[-1][2] if ordered else None
            while pending:
                nxt = next((e for e in pending if e[3] == current), pending[0])
                pending.remove(nxt)
                ordered.append(nxt)
                current = nxt[2]
        i = j + 1
    return ordered


def history_of(
    events: list[StateEvent],
    sign_now: str,
    sign_edits: list[SignEdit],
    inspections: list[InspectionFact],
    tz_hours: int,
) -> History:
    """Orders one outfall's facts and puts them on days."""
    ordered = order_events(events) if len(events) > 1 else events
    state_days = [china_day(e[1], tz_hours) for e in ordered]
    states = [e[2] for e in ordered]
    first_rem = next(
        (d for d, s in zip(state_days, states, strict=True) if s == "remediating"), None
    )
    edits = sorted(sign_edits, key=lambda e: e[1]) if len(sign_edits) > 1 else sign_edits
    return History(
        state_days=state_days,
        states=states,
        first_remediation=first_rem,
        sign_now=sign_now,
        sign_days=[china_day(e[1], tz_hours) for e in edits],
        sign_before=[e[2] for e in edits],
        inspection_days=sorted([china_day(i[1], tz_hours) for i in inspections]),
    )


def measures_at(h: History, day: int, rules: ProgressRules) -> tuple[str, ...]:
    """The measures one outfall has at the end of ``day`` (empty before it was known)."""
    i = bisect_right(h.state_days, day)
    if not i:
        return ()
    state = h.states[i - 1]
    found = [f"state:{state}"]
    if state in rules.sign_states:
        k = bisect_right(h.sign_days, day)
        found.append(f"sign:{h.sign_before[k] if k < len(h.sign_days) else h.sign_now}")
    if (
        state == "remediating"
        and h.first_remediation is not None
        and day >= h.first_remediation + rules.remediation_plan_days
    ):
        found.append("overdue")
    if state in rules.inspection_due_states:
        found.append("due")
        since = period_start(dt.date.fromordinal(day), rules.inspection_period).toordinal()
        done = bisect_right(h.inspection_days, day) - bisect_right(h.inspection_days, since - 1)
        if done >= rules.inspection_count:
            found.append("inspected")
    return tuple(found)


def change_days(h: History, rules: ProgressRules) -> list[int]:
    """The days on which any of the outfall's measures may change."""
    days = set(h.state_days)
    days.update(h.sign_days)
    if h.first_remediation is not None:
        days.add(h.first_remediation + rules.remediation_plan_days)
    for d in h.inspection_days:
        days.add(d)
        days.add(next_period_start(dt.date.fromordinal(d), rules.inspection_period).toordinal())
    return sorted(days)


class _Walker:
    """Turns one outfall's ordered history into daily changes of its measures (ids, not text)."""

    def __init__(self, rules: ProgressRules) -> None:
        self.rules = rules
        self.ids: dict[str, int] = {}
        self.overdue = self.id("overdue")
        self.due = self.id("due")
        self.inspected = self.id("inspected")
        self._period: dict[int, int] = {}
        self._base: dict[tuple[str, str], tuple[int, ...]] = {}

    def id(self, measure: str) -> int:
        return self.ids.setdefault(measure, len(self.ids))

    def period_of(self, day: int) -> int:
        found = self._period.get(day)
        if found is None:
            start = period_start(dt.date.fromordinal(day), self.rules.inspection_period)
            found = self._period[day] = start.toordinal()
        return found

    def base_of(self, state: str, sign: str) -> tuple[int, ...]:
        """The measures that follow from the state (and the sign, where it counts)."""
        key = (state, sign)
        found = self._base.get(key)
        if found is None:
            rules = self.rules
            ids = [self.id("state:" + state)]
            if state in rules.sign_states:
                ids.append(self.id("sign:" + sign))
            if state in rules.inspection_due_states:
                ids.append(self.due)
            found = self._base[key] = tuple(ids)
        return found

    def walk(
        self,
        h: History,
        emit: dict[tuple[int, int, tuple[int, ...], tuple[int, ...]], int],
        group: int,
        trail: list[tuple[int, tuple[int, ...], tuple[int, ...]]] | None = None,
    ) -> None:
        """Counts the outfall's changes of measures in ``emit``, keyed by (group, day, measures
        before, measures after): outfalls that change alike share a key, so the +1/-1 per
        measure are worked out once per key, not once per outfall. ``trail``, when given,
        receives this outfall's own (day, before, after)."""
        rules = self.rules
        before: tuple[int, ...] = ()
        state_days, states = h.state_days, h.states
        n_states = len(state_days)
        sign_days, inspection_days = h.sign_days, h.inspection_days
        overdue_from = (
            None
            if h.first_remediation is None
            else h.first_remediation + rules.remediation_plan_days
        )
        p = 0
        for day in change_days(h, rules):
            while p < n_states and state_days[p] <= day:
                p += 1
            if not p:
                continue
            state = states[p - 1]
            if sign_days:
                k = bisect_right(sign_days, day)
                sign = h.sign_before[k] if k < len(sign_days) else h.sign_now
            else:
                sign = h.sign_now
            current = self.base_of(state, sign)
            if overdue_from is not None and state == "remediating" and day >= overdue_from:
                current = (*current, self.overdue)
            if inspection_days and state in rules.inspection_due_states:
                since = self.period_of(day)
                done = bisect_right(inspection_days, day) - bisect_right(inspection_days, since - 1)
                if done >= rules.inspection_count:
                    current = (*current, self.inspected)
            if current != before:
                key = (group, day, before, current)
                emit[key] = emit.get(key, 0) + 1
                if trail is not None:
                    trail.append((day, before, current))
                before = current

    def part(
        self,
        group: Group,
        h: History,
        trail: list[tuple[int, tuple[int, ...], tuple[int, ...]]],
    ) -> Part:
        """One outfall's share of the cube, from its trail (measures by name)."""
        names = {i: m for m, i in self.ids.items()}
        deltas: list[Delta] = []
        for day, before, after in trail:
            deltas.extend((names[m], day, -1) for m in before if m not in after)
            deltas.extend((names[m], day, 1) for m in after if m not in before)
        return Part(group, h.state_days[0], h.state_days[-1], tuple(deltas))


Delta = tuple[str, int, int]  # measure, day, +1 or -1


@dataclass(frozen=True)
class Part:
    """One outfall's share of a cube: its group, the days of its first and last lifecycle
    events, and the +1/-1 of its measures. A cube is the sum of its outfalls' parts, so a change
    to one outfall moves the cube by (new part - old part) (``Cube.apply``)."""

    group: Group
    first_day: int
    last_day: int
    deltas: tuple[Delta, ...]


def build_cube(facts: Facts, rules: ProgressRules, parts: dict[str, Part] | None = None) -> Cube:
    """Walks every outfall's history once and sums the daily changes of its measures.

    ``parts``, when given, receives each outfall's share (outfalls with no lifecycle event have
    none), for keeping the cube current one outfall at a time."""
    by_outfall: dict[str, list[StateEvent]] = defaultdict(list)
    for e in facts.events:
        by_outfall[e[0]].append(e)
    edits: dict[str, list[SignEdit]] = defaultdict(list)
    for s in facts.sign_edits:
        edits[s[0]].append(s)
    inspected: dict[str, list[InspectionFact]] = defaultdict(list)
    for x in facts.inspections:
        inspected[x[0]].append(x)

    walker = _Walker(rules)
    group_ids: dict[Group, int] = {}
    emit: dict[tuple[int, int, tuple[int, ...], tuple[int, ...]], int] = {}
    first_day, last_day = 0, 0
    no_edits: list[SignEdit] = []
    no_inspections: list[InspectionFact] = []
    for outfall_id, county, basin, kind, sign_now in facts.outfalls:
        events = by_outfall.get(outfall_id)
        if not events:
            continue
        group = group_ids.setdefault((county, basin, kind), len(group_ids))
        h = history_of(
            events,
            sign_now,
            edits.get(outfall_id, no_edits),
            inspected.get(outfall_id, no_inspections),
            rules.tz_hours,
        )
        if parts is None:
            walker.walk(h, emit, group)
        else:
            trail: list[tuple[int, tuple[int, ...], tuple[int, ...]]] = []
            walker.walk(h, emit, group, trail)
            parts[outfall_id] = walker.part((county, basin, kind), h, trail)
        first_day = min(first_day or h.state_days[0], h.state_days[0])
        last_day = max(last_day, h.state_days[-1])
    # Working measure ids → the cube's (measures sorted by name, series = group * M + measure).
    measures = sorted(walker.ids)
    rank = {walker.ids[m]: i for i, m in enumerate(measures)}
    deltas: dict[tuple[int, int], int] = defaultdict(int)
    n_measures = len(measures)
    for (group, day, before, after), n in emit.items():
        for m in before:
            if m not in after:
                deltas[(group * n_measures + rank[m], day)] -= n
        for m in after:
            if m not in before:
                deltas[(group * n_measures + rank[m], day)] += n
    by_series: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (series, day), n in deltas.items():
        if n:
            by_series[series].append((day, n))
    cube = Cube(
        groups=sorted(group_ids, key=group_ids.__getitem__),
        measures=measures,
        first_day=first_day,
        last_day=last_day,
    )
    for series, changes in sorted(by_series.items()):
        changes.sort()
        running, totals = 0, array("i")
        for _day, n in changes:
            running += n
            totals.append(running)
        cube.days[series] = array("i", (d for d, _n in changes))
        cube.totals[series] = totals
    return cube


def part_changes(
    old: Iterable[Part], new: Iterable[Part]
) -> dict[tuple[Group, str], dict[int, int]]:
    """What moves a cube from counting the ``old`` parts to counting the ``new`` (for
    ``Cube.apply``): the new parts' deltas minus the old ones'."""
    changes: dict[tuple[Group, str], dict[int, int]] = {}
    for parts, sign in ((old, -1), (new, 1)):
        for part in parts:
            for measure, day, n in part.deltas:
                by_day = changes.setdefault((part.group, measure), {})
                by_day[day] = by_day.get(day, 0) + sign * n
    return changes


def outfall_parts(facts: Facts, rules: ProgressRules) -> dict[str, Part]:
    """Each outfall's share of the cube of ``facts`` (none for an outfall with no event)."""
    parts: dict[str, Part] = {}
    build_cube(facts, rules, parts)
    return parts
