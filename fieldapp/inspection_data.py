"""Loads `resources/data/inspection.json` into the domain's `InspectionRules`, with the acceptance
checklist and re-test standards of `casework.json` (read by the same rules the server judges by)."""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from pathlib import Path

from fieldapp.domain.inspection_rules import (
    CheckItem,
    InspectionRules,
    RetestStandardSpec,
    build_rules,
)
from fieldapp.domain.reference import Term
from fieldapp.paths import DATA
from sync import casework


@cache
def load_rules(data_dir: Path = DATA) -> InspectionRules:
    """The inspection rules shipped with the app (read once per process)."""
    with (data_dir / "inspection.json").open(encoding="utf-8") as f:
        rules = build_rules(json.load(f))
    case = casework.load(data_dir / "casework.json")
    return dataclasses.replace(
        rules,
        acceptance_kind=case.acceptance_kind,
        acceptance_items=tuple(
            CheckItem(Term(i.code, i.zh, i.en), i.good, i.required, i.routes)
            for i in case.acceptance_checklist
        ),
        retest_standards=tuple(
            RetestStandardSpec(
                Term(s.code, s.zh, s.en),
                {code: (lim.lower, lim.upper) for code, lim in s.limits.items()},
            )
            for s in case.retest_standards
        ),
    )
