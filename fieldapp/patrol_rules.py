"""Loads the river-chief patrol rules (``resources/data/patrol_rules.json``) and the categories of
the problems a patrol finds (``resources/data/patrol_problems.json``): data, not code."""

from __future__ import annotations

import json
from functools import cache

from fieldapp.domain.patrol import PatrolRules
from fieldapp.paths import DATA


@cache
def load() -> PatrolRules:
    return PatrolRules.from_dict(json.loads((DATA / "patrol_rules.json").read_text("utf-8")))


@cache
def problem_categories() -> tuple[tuple[str, str, str], ...]:
    """(code, Chinese, English) of each problem category, in the data file's order."""
    data = json.loads((DATA / "patrol_problems.json").read_text("utf-8"))
    return tuple((c["code"], c["zh"], c["en"]) for c in data["categories"])
