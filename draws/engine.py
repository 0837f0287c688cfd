"""The draw itself: targets by lot within each class, inspectors by lot among those allowed,
visit days by lot among the period's working days; and ``verify``, which does it again.

Every lot is an HMAC-SHA256 of the recorded seed and the names involved, not Python's random
generator: the same seed and pools give the same draw on any machine and any Python version, and
anyone with the record can recompute it by hand (the method is the documentation). Order does not
matter: pools are taken in their canonical (sorted) order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import math
import secrets
from collections import Counter
from dataclasses import dataclass
from typing import Any

from draws.errors import DrawError, DrawImpossible, Shortfall
from draws.pools import Inspector, Pools, Target, pools_from_data
from draws.rules import DrawRules, parse_rules

METHOD = "hmac-sha256-lots/1"


@dataclass(frozen=True, slots=True)
class Visit:
    target_id: str
    county: str
    target_class: str
    inspectors: tuple[str, ...]
    planned_on: dt.date
    released_on: dt.date  # the day its inspectors' devices may learn of it

    def as_data(self) -> dict[str, Any]:
        return {
            "target_id": self.target_id,
            "county": self.county,
            "class": self.target_class,
            "inspectors": list(self.inspectors),
            "planned_on": self.planned_on.isoformat(),
            "released_on": self.released_on.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class Draw:
    seed: str
    period_start: dt.date
    period_end: dt.date
    rules: DrawRules
    pools: Pools
    visits: tuple[Visit, ...]

    def as_data(self) -> dict[str, Any]:
        """Everything needed to check the draw later: method, seed, period, rules, pools (with
        their digest) and the visits."""
        return {
            "method": METHOD,
            "seed": self.seed,
            "period": [self.period_start.isoformat(), self.period_end.isoformat()],
            "rules": self.rules.as_data(),
            "pools": self.pools.as_data(),
            "pools_sha256": self.pools.digest(),
            "visits": [v.as_data() for v in self.visits],
        }


def new_seed() -> str:
    """A fresh seed (128 bits from the OS), recorded with the draw."""
    return secrets.token_hex(16)


def draw(
    seed: str, period_start: dt.date, period_end: dt.date, rules: DrawRules, pools: Pools
) -> Draw:
    """The draw for the period; ``DrawImpossible`` lists every rule the pools cannot satisfy."""
    if not seed:
        raise DrawError("a draw needs a seed", "抽取需要随机种子")
    if period_end < period_start:
        raise DrawError(
            f"the period ends ({period_end}) before it starts ({period_start})",
            f"期间结束（{period_end}）早于开始（{period_start}）",
        )
    days = _working_days(period_start, period_end, rules)
    if not days:
        raise DrawError(
            f"the period {period_start}..{period_end} has no working day",
            f"期间 {period_start} 至 {period_end} 没有工作日",
        )
    shortfalls: list[Shortfall] = []
    chosen = _targets(seed, rules, pools, shortfalls)
    visits = _assign(seed, rules, pools, chosen, days, shortfalls)
    if shortfalls:
        raise DrawImpossible(shortfalls)
    visits.sort(key=lambda v: (v.planned_on, v.target_id))
    return Draw(seed, period_start, period_end, rules, pools, tuple(visits))


def verify(record: dict[str, Any]) -> list[str]:
    """Recompute a recorded draw (``Draw.as_data``) from its seed, rules and pools; the
    differences found, in English (empty: the record is the draw)."""
    problems: list[str] = []
    if record.get("method") != METHOD:
        return [f"unknown method {record.get('method')!r}"]
    rules = parse_rules(record["rules"])
    pools = pools_from_data(record["pools"], rules)
    if pools.digest() != record.get("pools_sha256"):
        problems.append("the pools differ from their recorded digest")
    start, end = (dt.date.fromisoformat(d) for d in record["period"])
    again = draw(record["seed"], start, end, rules, pools)
    recorded = record.get("visits", [])
    fresh = [v.as_data() for v in again.visits]
    if recorded != fresh:
        recorded_ids = {v["target_id"] for v in recorded}
        fresh_ids = {v["target_id"] for v in fresh}
        for missing in sorted(fresh_ids - recorded_ids):
            problems.append(f"target {missing} was drawn but is not in the record")
        for extra in sorted(recorded_ids - fresh_ids):
            problems.append(f"target {extra} is in the record but was not drawn")
        by_id = {v["target_id"]: v for v in fresh}
        for visit in recorded:
            same = by_id.get(visit["target_id"])
            if same is not None and same != visit:
                problems.append(f"the visit to {visit['target_id']} differs from the draw")
        if not problems:
            problems.append("the visits are in another order than the draw's")
    return problems


def lot(seed: str, *names: str) -> bytes:
    """The lot of ``names`` under ``seed``: smaller lots are drawn first."""
    return hmac.new(seed.encode(), "\x1f".join(names).encode(), hashlib.sha256).digest()


def quota(rate: float, members: int) -> int:
    """How many of ``members`` a rate asks for: at least the rate (rounded up)."""
    if members <= 0 or rate <= 0:
        return 0
    return min(members, math.ceil(round(rate * members, 9)))


def _targets(
    seed: str, rules: DrawRules, pools: Pools, shortfalls: list[Shortfall]
) -> list[Target]:
    chosen: list[Target] = []
    for target_class in rules.classes:
        for poor in (False, True):
            stratum = [
                t
                for t in pools.targets
                if t.target_class == target_class.code and t.poor_water is poor
            ]
            rate = min(1.0, target_class.rate * (rules.poor_water_factor if poor else 1.0))
            wanted = quota(rate, len(stratum))
            if not wanted:
                continue
            stratum.sort(key=lambda t: lot(seed, "target", t.id))
            # Targets too few inspectors may visit are passed over; a class that runs out of
            # visitable targets cannot meet its rate.
            visitable = [
                t for t in stratum if len(_allowed(t, pools, rules)) >= rules.inspectors_per_visit
            ]
            if len(visitable) < wanted:
                label = f"{target_class.code}{' (poor water)' if poor else ''}"
                label_zh = f"{target_class.zh}{'（水质较差）' if poor else ''}"
                shortfalls.append(
                    Shortfall(
                        "inspectors_per_visit",
                        label,
                        wanted,
                        len(visitable),
                        f"class {label} needs {wanted} targets ({rate:.0%} of {len(stratum)}) but "
                        f"only {len(visitable)} have {rules.inspectors_per_visit} inspectors "
                        f"allowed to visit them (short by {wanted - len(visitable)})",
                        f"{label_zh}类需抽取 {wanted} 个对象（{len(stratum)} 个的 {rate:.0%}），"
                        f"但只有 {len(visitable)} 个有 {rules.inspectors_per_visit} 名可派检查人员"
                        f"（缺 {wanted - len(visitable)} 个）",
                    )
                )
            chosen.extend(visitable[:wanted])
    return chosen


def _allowed(target: Target, pools: Pools, rules: DrawRules) -> list[Inspector]:
    return [
        i
        for i in pools.inspectors
        if target.id not in i.conflicts
        and target.county not in i.conflicts
        and not (rules.exclude_own_county and target.county in i.counties)
    ]


def _assign(
    seed: str,
    rules: DrawRules,
    pools: Pools,
    chosen: list[Target],
    days: list[dt.date],
    shortfalls: list[Shortfall],
) -> list[Visit]:
    cap = rules.max_visits_per_inspector
    needed = len(chosen) * rules.inspectors_per_visit
    if cap is not None and needed > cap * len(pools.inspectors):
        shortfalls.append(
            Shortfall(
                "max_visits_per_inspector",
                "all",
                needed,
                cap * len(pools.inspectors),
                f"{len(chosen)} visits need {needed} inspector places but {len(pools.inspectors)} "
                f"inspectors at most {cap} each give {cap * len(pools.inspectors)} "
                f"(short by {needed - cap * len(pools.inspectors)})",
                f"{len(chosen)} 次检查需 {needed} 人次，而 {len(pools.inspectors)} 名检查人员每人最多 "
                f"{cap} 次，共 {cap * len(pools.inspectors)} 人次（缺 {needed - cap * len(pools.inspectors)} 人次）",
            )
        )
        return []
    # The targets with the fewest allowed inspectors are staffed first, so that they are not left
    # without when the busy ones have filled up; then by lot.
    order = sorted(chosen, key=lambda t: (len(_allowed(t, pools, rules)), lot(seed, "order", t.id)))
    load: Counter[str] = Counter()
    visits = []
    for target in order:
        allowed = [
            i for i in _allowed(target, pools, rules) if cap is None or load[i.username] < cap
        ]
        if len(allowed) < rules.inspectors_per_visit:
            shortfalls.append(
                Shortfall(
                    "max_visits_per_inspector",
                    target.id,
                    rules.inspectors_per_visit,
                    len(allowed),
                    f"target {target.id} has {len(allowed)} allowed inspectors left with room "
                    f"under max_visits_per_inspector ({cap}) of {rules.inspectors_per_visit} "
                    f"needed (short by {rules.inspectors_per_visit - len(allowed)})",
                    f"对象 {target.id} 只剩 {len(allowed)} 名未超过每人最多 {cap} 次的可派人员，"
                    f"需 {rules.inspectors_per_visit} 名（缺 {rules.inspectors_per_visit - len(allowed)} 名）",
                )
            )
            continue
        allowed.sort(
            key=lambda i: (load[i.username], lot(seed, "inspector", target.id, i.username))
        )
        team = tuple(sorted(i.username for i in allowed[: rules.inspectors_per_visit]))
        for name in team:
            load[name] += 1
        planned = days[int.from_bytes(lot(seed, "day", target.id)[:8], "big") % len(days)]
        visits.append(
            Visit(
                target.id,
                target.county,
                target.target_class,
                team,
                planned,
                planned - dt.timedelta(days=rules.release_days_before),
            )
        )
    return visits


def _working_days(start: dt.date, end: dt.date, rules: DrawRules) -> list[dt.date]:
    days = []
    day = start
    while day <= end:
        if day.isoweekday() in rules.working_weekdays:
            days.append(day)
        day += dt.timedelta(days=1)
    return days
