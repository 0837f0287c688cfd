"""What an approved inspection changes in the ledger (台账随审核更新): pure functions, no I/O.

When a supervisor approves an inspection, the outfall's sign status (标志牌) and sampling point
status (监测采样点) follow the inspector's checklist, as the rules file says which answers are
good (``sync/server/data/review_rules.json``):

- sign: the "present" item answered no → ``missing``; any answered item other than its good
  answer → ``defective``; otherwise, with the sign present → ``ok``; no sign answers: unchanged.
- sampling point: every "present" item (sampling point, inspection well) answered no →
  ``missing``; any other answered item not good → ``defective``; a present one and nothing bad
  → ``ok``; no answers: unchanged.

Each changed field is a ``FieldChange``; the service stores the new outfall row (attributed to the
reviewer, pulled back to every device), an ``outfall_edits`` row per field and an
``outfall_events`` row holding the approved inspection as lifecycle evidence (取证).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sync.server.flags import ReviewRules, as_dict

NOT_APPLICABLE = "na"


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any
    after: Any


def _answers(sections: dict[str, Any], name: str) -> dict[str, str]:
    raw = as_dict(sections.get(name))
    return {k: v for k, v in raw.items() if isinstance(v, str) and v != NOT_APPLICABLE}


def sign_status(sections: dict[str, Any], rules: ReviewRules) -> str | None:
    answers = _answers(sections, "sign_check")
    if not answers:
        return None
    if answers.get(rules.sign_present_item) == "no":
        return "missing"
    good = rules.sign_items_good
    if any(item in good and answer != good[item] for item, answer in answers.items()):
        return "defective"
    return "ok" if answers.get(rules.sign_present_item) == "yes" else None


def sampling_status(sections: dict[str, Any], rules: ReviewRules) -> str | None:
    answers = _answers(sections, "sampling_check")
    if not answers:
        return None
    present = [answers.get(item) for item in rules.sampling_present_items]
    if present and all(a == "no" for a in present):
        return "missing"
    good = rules.sampling_items_good
    others = {k: v for k, v in answers.items() if k not in rules.sampling_present_items}
    if any(item in good and answer != good[item] for item, answer in others.items()):
        return "defective"
    return "ok" if any(a == "yes" for a in present) else None


def ledger_changes(
    inspection: dict[str, Any], outfall: dict[str, Any], rules: ReviewRules
) -> list[FieldChange]:
    """The outfall fields an approved inspection changes (empty: the ledger stays as it is)."""
    sections = as_dict(inspection.get("sections"))
    changes: list[FieldChange] = []
    for name, value in (
        ("sign_status", sign_status(sections, rules)),
        ("sampling_status", sampling_status(sections, rules)),
    ):
        if value is not None and outfall.get(name) != value:
            changes.append(FieldChange(name, outfall.get(name), value))
    return changes
