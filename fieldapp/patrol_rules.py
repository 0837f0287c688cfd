"""Loads the river-chief patrol rules (``resources/data/patrol_rules.json``): data, not code."""

from __future__ import annotations

import json
from functools import cache

from fieldapp.domain.patrol import PatrolRules
from fieldapp.paths import DATA


@cache
def load() -> PatrolRules:
    return PatrolRules.from_dict(json.loads((DATA / "patrol_rules.json").read_text("utf-8")))
