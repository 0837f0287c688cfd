"""验收 on the laptop, pure: an acceptance inspection answers its route's must-check items, each
re-test names its test, value and limit (a lab result its report); the sections round-trip; and
the laptop's 超标 is the server's (sync.casework reads the stored sections the same way)."""

from __future__ import annotations

import dataclasses
import json

from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain import inspection as model
from fieldapp.domain.completion_summary import summarise
from fieldapp.domain.inspection_validation import problems_for_completion
from fieldapp.inspection_data import load_rules
from sync import casework

RULES = load_rules()


def _acceptance(route: str | None = "merge", **fields: object) -> model.Inspection:
    draft = model.new_draft("o-1", "ins", "320612", kind="acceptance")
    base = dict(
        discharging="dry_blocked", inspectors=("ins", "wang"), no_position_reason="—",
        acceptance_route=route,
        acceptance_check=tuple(sorted((i.term.code, i.good)
                                      for i in RULES.acceptance_items_for(route))),
    )  # fmt: skip
    return dataclasses.replace(draft, **{**base, **fields})  # type: ignore[arg-type]


def _codes(insp: model.Inspection) -> list[str]:
    return [p.field for p in problems_for_completion(insp, [], RULES)]


def test_a_passing_acceptance_completes_and_each_must_check_item_is_asked_for() -> None:
    assert _codes(_acceptance()) == []
    unanswered = _acceptance(acceptance_check=())
    asked = _codes(unanswered)
    must = [f"acceptance.{i.term.code}" for i in RULES.acceptance_items_for("merge") if i.required]
    assert asked == must and "acceptance.connection_seen" in asked
    assert "acceptance.outlet_sealed" not in asked  # a ban item, not this route's
    routine = dataclasses.replace(unanswered, kind="routine")
    assert _codes(routine) == []  # only an acceptance has a checklist


def test_each_retest_needs_its_test_value_limit_and_a_lab_report() -> None:
    retests = (
        model.RetestEntry("", 12.0, limit=50.0),
        model.RetestEntry("cod", None, limit=50.0),
        model.RetestEntry("cod", 30.0),
        model.RetestEntry("cod", 30.0, "lab", limit=50.0),
        model.RetestEntry("ph", 7.0, lower=6.0, limit=9.0),
    )
    problems = problems_for_completion(_acceptance(retests=retests), [], RULES)
    assert [p.field for p in problems] == ["retests.1", "retests.2", "retests.3", "retests.4"]
    assert "lab report" in problems[-1].en and "检测报告编号" in problems[-1].zh


def test_exceedances_and_failed_items_are_flagged_before_completing_not_blocking() -> None:
    failed = dict(_acceptance().acceptance_check) | {"receiver_no_overflow": "no"}
    insp = _acceptance(
        acceptance_check=tuple(sorted(failed.items())),
        retests=(model.RetestEntry("nh3_n", 8.0, unit="mg/L", limit=5.0),),
    )
    summary = summarise(insp, [], RULES)
    assert summary.can_complete
    flags = {f.code: f for f in summary.flags}
    assert "接收排污口运行正常" in flags["acceptance_failed"].zh
    assert flags["retest_exceeds"].en.startswith("Re-test over its limit: Ammonia nitrogen 8 mg/L")


def test_the_acceptance_sections_round_trip() -> None:
    insp = _acceptance(retests=(model.RetestEntry("ph", 5.5, "lab", "", 9.0, 6.0, "", "R-1"),))
    back = model.sections_from_dict(json.loads(json.dumps(model.sections_to_dict(insp))))
    assert back["acceptance_check"] == insp.acceptance_check
    assert back["retests"] == insp.retests and back["acceptance_route"] == "merge"


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


@given(value=finite, upper=st.none() | finite, lower=st.none() | finite)
def test_the_laptops_verdict_is_the_servers(value: float, upper: float | None,
                                            lower: float | None) -> None:  # fmt: skip
    entry = model.RetestEntry("cod", value, "quick", "mg/L", upper, lower)
    stored = json.loads(json.dumps(model.sections_to_dict(_acceptance(retests=(entry,)))))
    judged = casework.retests_of(stored)
    if upper is None and lower is None:
        assert judged == () and not entry.exceeds
    else:
        assert [r.exceeds for r in judged] == [entry.exceeds]
