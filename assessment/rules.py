"""The milestones and counting rules (``resources/data/milestones.json``), parsed and checked.

Parsing takes the decoded JSON (a mapping), so the device and the server each read the file
their own way and get the same rules; a bad file is refused with every problem named.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PERIODS = ("month", "quarter", "year")


class RulesError(ValueError):
    """The milestones file is not usable (each problem on its own line)."""


@dataclass(frozen=True)
class Milestone:
    """One dated target: the share of outfalls in scope that must be in ``states`` by ``deadline``."""

    code: str
    zh: str
    en: str
    start: dt.date
    deadline: dt.date
    target_pct: int
    states: frozenset[str]
    basins: frozenset[str] | None = None
    kinds: frozenset[str] | None = None
    counties: frozenset[str] | None = None

    def label(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en

    def covers(self, county: str, basin: str, kind: str) -> bool:
        """Whether outfalls of this (county, basin, receiving kind) are in the target's scope."""
        return (
            (self.counties is None or county in self.counties)
            and (self.basins is None or basin in self.basins)
            and (self.kinds is None or kind in self.kinds)
        )


@dataclass(frozen=True)
class ProgressRules:
    version: str
    tz_hours: int
    milestones: tuple[Milestone, ...]
    remediation_plan_days: int  # a plan still under remediation this long after it began is overdue
    inspection_period: str  # month / quarter / year
    inspection_count: int
    inspection_due_states: frozenset[str]
    sign_states: frozenset[str]
    sign_standard: frozenset[str]

    def milestone(self, code: str) -> Milestone | None:
        return next((m for m in self.milestones if m.code == code), None)


def parse_rules(data: Mapping[str, Any], known_states: frozenset[str] | None) -> ProgressRules:
    """The rules from decoded JSON; ``known_states`` are the lifecycle's state codes (the device
    checks them against ``lifecycle.json``; None: not checked, as on the server, which does not
    read the app's lifecycle file)."""
    problems: list[str] = []

    def states_of(where: str, codes: Any) -> frozenset[str]:
        if not isinstance(codes, list) or not codes:
            problems.append(f"{where}: states must be a non-empty list")
            return frozenset()
        unknown = [] if known_states is None else sorted(set(codes) - known_states)
        if unknown:
            problems.append(f"{where}: unknown lifecycle states {unknown}")
        return frozenset(codes)

    def date_of(where: str, value: Any) -> dt.date:
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            problems.append(f"{where}: {value!r} is not a date (YYYY-MM-DD)")
            return dt.date.min

    milestones = []
    seen: set[str] = set()
    for i, m in enumerate(data.get("milestones", [])):
        code = str(m.get("code", ""))
        where = f"milestone {code or i}"
        if not code or code in seen:
            problems.append(f"{where}: a unique code is needed")
        seen.add(code)
        scope = m.get("scope", {})
        start = date_of(where, m.get("start"))
        deadline = date_of(where, m.get("deadline"))
        if start > deadline:
            problems.append(f"{where}: starts after its deadline")
        target = m.get("target_pct")
        if not isinstance(target, int) or not 0 < target <= 100:
            problems.append(f"{where}: target_pct must be a whole number from 1 to 100")
            target = 100
        milestones.append(
            Milestone(
                code=code,
                zh=str(m.get("zh", code)),
                en=str(m.get("en", code)),
                start=start,
                deadline=deadline,
                target_pct=target,
                states=states_of(where, m.get("states")),
                basins=_optional_set(scope.get("basins")),
                kinds=_optional_set(scope.get("receiving_kinds")),
                counties=_optional_set(scope.get("counties")),
            )
        )
    inspections = data.get("inspections", {})
    period = inspections.get("period")
    if period not in PERIODS:
        problems.append(f"inspections: period must be one of {', '.join(PERIODS)}")
    signs = data.get("signs", {})
    days = data.get("remediation_plan_days")
    if not isinstance(days, int) or days <= 0:
        problems.append("remediation_plan_days must be a positive whole number")
        days = 1
    tz = data.get("timezone_offset_hours", 8)
    if not isinstance(tz, int) or not -12 <= tz <= 14:
        problems.append("timezone_offset_hours must be a whole number of hours")
        tz = 8
    rules = ProgressRules(
        version=str(data.get("version", "")),
        tz_hours=tz,
        milestones=tuple(milestones),
        remediation_plan_days=days,
        inspection_period=str(period),
        inspection_count=int(inspections.get("count", 1)),
        inspection_due_states=states_of("inspections", inspections.get("due_states")),
        sign_states=states_of("signs", signs.get("states")),
        sign_standard=frozenset(signs.get("standard", ["ok"])),
    )
    if problems:
        raise RulesError("\n".join(problems))
    return rules


def _optional_set(value: Any) -> frozenset[str] | None:
    return None if not value else frozenset(str(v) for v in value)


def period_start(day: dt.date, period: str) -> dt.date:
    """The first day of the inspection period holding ``day``."""
    if period == "month":
        return day.replace(day=1)
    if period == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    return day.replace(month=1, day=1)


def next_period_start(day: dt.date, period: str) -> dt.date:
    """The first day of the period after the one holding ``day``."""
    start = period_start(day, period)
    months = {"month": 1, "quarter": 3, "year": 12}[period]
    month = start.month - 1 + months
    return dt.date(start.year + month // 12, month % 12 + 1, 1)


def read_rules(path: Path, known_states: frozenset[str] | None) -> ProgressRules:
    """The rules from a milestones file (``resources/data/milestones.json``)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RulesError(f"{path}: {exc}") from exc
    return parse_rules(data, known_states)
