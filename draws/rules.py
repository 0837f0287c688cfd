"""The draw's rules (``resources/data/draw_rules.json``), parsed and checked: target classes with
their criteria and rates, the water bodies inspected more often, and the rules for inspectors."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from draws.errors import BadRules

CRITERIA_FIELDS = ("type_code", "subtype_code", "sea_tier", "lifecycle_state", "county_code", "id")


@dataclass(frozen=True, slots=True)
class TargetClass:
    code: str
    zh: str
    en: str
    rate: float  # the share of the class's targets drawn per period, at least
    criteria: Mapping[str, frozenset[str]]  # field → values; empty: every target

    def admits(self, facts: Mapping[str, str | None]) -> bool:
        if not self.criteria:
            return True
        return any(facts.get(name) in values for name, values in self.criteria.items())


@dataclass(frozen=True, slots=True)
class DrawRules:
    classes: tuple[TargetClass, ...]
    poor_water_factor: float
    poor_water_bodies: frozenset[str]
    inspectors_per_visit: int
    exclude_own_county: bool
    max_visits_per_inspector: int | None
    release_days_before: int
    working_weekdays: frozenset[int]  # ISO weekdays, Monday = 1
    # The visit may still be done this many days after its planned day; its inspectors' access to
    # the outfall ends with that day (``draws.visits``).
    deadline_days_after: int = 3

    def class_of(self, facts: Mapping[str, str | None]) -> TargetClass:
        """The first class whose criteria the target meets (the last admits everything)."""
        for target_class in self.classes:
            if target_class.admits(facts):
                return target_class
        return self.classes[-1]

    def by_code(self, code: str) -> TargetClass:
        for target_class in self.classes:
            if target_class.code == code:
                return target_class
        raise KeyError(code)

    def as_data(self) -> dict[str, Any]:
        """The rules as JSON data, the form a draw records (and ``parse_rules`` reads back)."""
        return {
            "classes": [
                {
                    "code": c.code,
                    "zh": c.zh,
                    "en": c.en,
                    "rate": c.rate,
                    "criteria": {k: sorted(v) for k, v in sorted(c.criteria.items())},
                }
                for c in self.classes
            ],
            "poor_water": {
                "factor": self.poor_water_factor,
                "water_bodies": sorted(self.poor_water_bodies),
            },
            "inspectors_per_visit": self.inspectors_per_visit,
            "exclude_own_county": self.exclude_own_county,
            "max_visits_per_inspector": self.max_visits_per_inspector,
            "release_days_before": self.release_days_before,
            "working_weekdays": sorted(self.working_weekdays),
            "deadline_days_after": self.deadline_days_after,
        }


def read_rules(path: Path) -> DrawRules:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BadRules(f"{path}: {exc}", f"{path}：{exc}") from exc
    return parse_rules(data)


def parse_rules(data: Any) -> DrawRules:
    """Rules from JSON data; anything wrong is a ``BadRules`` naming the entry."""
    if not isinstance(data, dict):
        raise BadRules("the rules are not a JSON object", "抽查规则不是 JSON 对象")
    raw_classes = data.get("classes")
    if not isinstance(raw_classes, list) or not raw_classes:
        raise BadRules("the rules name no target classes", "抽查规则没有对象类别")
    classes = tuple(_target_class(i, raw) for i, raw in enumerate(raw_classes))
    codes = [c.code for c in classes]
    if len(set(codes)) != len(codes):
        raise BadRules(f"target classes repeat a code: {codes}", f"对象类别代码重复：{codes}")
    if classes[-1].criteria:
        raise BadRules(
            f"the last class ({classes[-1].code}) must take every remaining target (no criteria)",
            f"最后一个类别（{classes[-1].code}）须收纳其余全部对象（不设条件）",
        )
    poor = data.get("poor_water") or {}
    factor = _number(poor.get("factor", 1.0), "poor_water.factor", low=1.0)
    bodies = poor.get("water_bodies", [])
    if not isinstance(bodies, list) or not all(isinstance(b, str) for b in bodies):
        raise BadRules(
            "poor_water.water_bodies must be a list of names", "水质较差水体须为名称列表"
        )
    per_visit = data.get("inspectors_per_visit", 2)
    if not isinstance(per_visit, int) or per_visit < 2:
        raise BadRules(
            f"inspectors_per_visit must be a whole number of at least 2, not {per_visit!r}",
            f"每次检查人数须为不少于 2 的整数，而不是 {per_visit!r}",
        )
    cap = data.get("max_visits_per_inspector")
    if cap is not None and (not isinstance(cap, int) or cap < 1):
        raise BadRules(
            f"max_visits_per_inspector must be a positive whole number or null, not {cap!r}",
            f"每名检查人员最多检查次数须为正整数或 null，而不是 {cap!r}",
        )
    release = data.get("release_days_before", 1)
    if not isinstance(release, int) or not 0 <= release <= 30:
        raise BadRules(
            f"release_days_before must be 0..30, not {release!r}",
            f"提前告知天数须在 0 到 30 之间，而不是 {release!r}",
        )
    deadline = data.get("deadline_days_after", 3)
    if isinstance(deadline, bool) or not isinstance(deadline, int) or not 0 <= deadline <= 60:
        raise BadRules(
            f"deadline_days_after must be 0..60, not {deadline!r}",
            f"检查期限（计划日后天数）须在 0 到 60 之间，而不是 {deadline!r}",
        )
    weekdays = data.get("working_weekdays", [1, 2, 3, 4, 5])
    if (
        not isinstance(weekdays, list)
        or not weekdays
        or not all(isinstance(d, int) and 1 <= d <= 7 for d in weekdays)
    ):
        raise BadRules(
            f"working_weekdays must list ISO weekdays 1..7, not {weekdays!r}",
            f"工作日须列出 1 到 7 的星期几，而不是 {weekdays!r}",
        )
    return DrawRules(
        classes=classes,
        poor_water_factor=factor,
        poor_water_bodies=frozenset(bodies),
        inspectors_per_visit=per_visit,
        exclude_own_county=bool(data.get("exclude_own_county", True)),
        max_visits_per_inspector=cap,
        release_days_before=release,
        working_weekdays=frozenset(weekdays),
        deadline_days_after=deadline,
    )


def _target_class(index: int, raw: Any) -> TargetClass:
    where = f"classes[{index}]"
    if not isinstance(raw, dict) or not isinstance(raw.get("code"), str) or not raw["code"]:
        raise BadRules(f"{where} has no code", f"{where} 没有代码")
    rate = _number(raw.get("rate"), f"{where}.rate ({raw['code']})", low=0.0, high=1.0)
    criteria_raw = raw.get("criteria", {})
    if not isinstance(criteria_raw, dict):
        raise BadRules(f"{where}.criteria must be an object", f"{where}.criteria 须为对象")
    criteria: dict[str, frozenset[str]] = {}
    for name, values in criteria_raw.items():
        if name not in CRITERIA_FIELDS:
            raise BadRules(
                f"{where}.criteria: unknown field {name!r} (known: {', '.join(CRITERIA_FIELDS)})",
                f"{where}.criteria：未知字段 {name!r}（可用：{'、'.join(CRITERIA_FIELDS)}）",
            )
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise BadRules(
                f"{where}.criteria.{name} must list values", f"{where}.criteria.{name} 须为取值列表"
            )
        criteria[name] = frozenset(values)
    return TargetClass(
        code=raw["code"],
        zh=str(raw.get("zh", raw["code"])),
        en=str(raw.get("en", raw["code"])),
        rate=rate,
        criteria=criteria,
    )


def _number(value: Any, name: str, *, low: float, high: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadRules(
            f"{name} must be a number, not {value!r}", f"{name} 须为数字，而不是 {value!r}"
        )
    if value < low or (high is not None and value > high):
        span = f"{low}..{high}" if high is not None else f"at least {low}"
        span_zh = f"{low} 到 {high}" if high is not None else f"不小于 {low}"
        raise BadRules(
            f"{name} must be {span}, not {value}", f"{name} 须为 {span_zh}，而不是 {value}"
        )
    return float(value)
