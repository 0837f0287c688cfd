"""Loads `resources/data/inspection.json` into the domain's `InspectionRules`."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from fieldapp.domain.inspection_rules import InspectionRules, build_rules
from fieldapp.paths import DATA


@cache
def load_rules(data_dir: Path = DATA) -> InspectionRules:
    """The inspection rules shipped with the app (read once per process)."""
    with (data_dir / "inspection.json").open(encoding="utf-8") as f:
        return build_rules(json.load(f))
