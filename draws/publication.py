"""一公开: the public list of a draw's visits and their outcomes. Outfall facts are public by
design; the inspectors' names are not published here (personal data), nor anything of a
complainant."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from draws.rules import DrawRules

HEADERS_ZH = (
    "抽查期间",
    "排污口编码",
    "排污口名称",
    "所在县（市、区）",
    "对象类别",
    "计划检查日期",
    "检查结果",
)
HEADERS_EN = ("Period", "Outfall code", "Outfall name", "County", "Class", "Planned on", "Outcome")


@dataclass(frozen=True, slots=True)
class PublicOutfall:
    code: str
    name: str
    county_name: str


def public_rows(
    record: Mapping[str, Any],
    rules: DrawRules,
    outfalls: Mapping[str, PublicOutfall],
    outcomes: Mapping[str, str],
    lang: str = "zh_CN",
) -> list[tuple[str, ...]]:
    """One row per visit of a recorded draw (``Draw.as_data``), in the order of its days; an
    outcome not yet known reads as pending."""
    start, end = record["period"]
    period = f"{start} – {end}"
    pending = "待检查" if lang.startswith("zh") else "pending"
    rows: list[tuple[str, ...]] = []
    for visit in record["visits"]:
        outfall = outfalls.get(visit["target_id"], PublicOutfall(visit["target_id"], "", ""))
        target_class = rules.by_code(visit["class"])
        rows.append(
            (
                period,
                outfall.code,
                outfall.name,
                outfall.county_name,
                target_class.zh if lang.startswith("zh") else target_class.en,
                visit["planned_on"],
                outcomes.get(visit["target_id"], pending),
            )
        )
    return rows
