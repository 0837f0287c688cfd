"""The lifecycle steps' authority and evidence rules (sync.casework): who may take which step, with
what proof, and the server's copy of the data equal to the app's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from sync import casework
from sync.protocol import CITY_CODE, Reason

ROOT = Path(__file__).resolve().parents[2]
RULES = casework.load(ROOT / "resources" / "data" / "casework.json")
MACHINE = casework.Machine.load(ROOT / "resources" / "data" / "lifecycle.json")
NOW = dt.datetime(2026, 12, 3, 8, 0, tzinfo=dt.UTC)
TONGZHOU, HAIMEN = "320612", "320614"
COUNTY_SUP = casework.Who("supervisor", frozenset({TONGZHOU}))
OTHER_COUNTY_SUP = casework.Who("supervisor", frozenset({HAIMEN}))
CITY_SUP = casework.Who("supervisor", frozenset({CITY_CODE}))
INSPECTOR = casework.Who("inspector", frozenset({TONGZHOU}))
PASSING = tuple(sorted((i.code, i.good) for i in RULES.acceptance_checklist))  # every route's


def acceptance(
    days_ago: float = 1, approved: bool = True, retests: tuple[casework.Retest, ...] = (), **kw
) -> casework.InspectionFacts:
    return casework.InspectionFacts(
        id=f"i-{days_ago}",
        kind=kw.pop("kind", "acceptance"),
        approved=approved,
        at=NOW - dt.timedelta(days=days_ago),
        discharging=kw.pop("discharging", "dry_blocked"),
        finding=kw.pop("finding", "done"),
        photo_count=kw.pop("photo_count", 2),
        retests=retests,
        acceptance=kw.pop("acceptance", PASSING),
    )


def outfall(state: str, route: str | None = "standardise", past: tuple[str, ...] = ()):
    return casework.OutfallFacts(TONGZHOU, state, route, past)


def test_the_servers_copies_are_the_apps() -> None:
    for name in ("casework.json", "lifecycle.json"):
        app = (ROOT / "resources" / "data" / name).read_text(encoding="utf-8")
        server = (ROOT / "sync" / "server" / "data" / name).read_text(encoding="utf-8")
        assert app == server, f"sync/server/data/{name} differs from resources/data/{name}"


def test_every_lifecycle_action_has_its_authority() -> None:
    assert set(RULES.steps) == set(MACHINE.sources)


def test_county_pre_closing_only_by_a_supervisor_of_that_county_with_a_fresh_acceptance() -> None:
    facts = outfall("accepted")
    fresh = [acceptance(days_ago=3)]
    assert casework.refusals(RULES, "pre_close", COUNTY_SUP, facts, fresh, NOW) == []
    assert casework.refusals(RULES, "pre_close", OTHER_COUNTY_SUP, facts, fresh, NOW) == [
        Reason.STEP_LEVEL
    ]
    assert casework.refusals(RULES, "pre_close", CITY_SUP, facts, fresh, NOW) == [Reason.STEP_LEVEL]
    assert Reason.STEP_ROLE in casework.refusals(RULES, "pre_close", INSPECTOR, facts, fresh, NOW)
    stale = [acceptance(days_ago=RULES.acceptance_max_age_days + 1)]
    assert casework.refusals(RULES, "pre_close", COUNTY_SUP, facts, stale, NOW) == [
        Reason.STEP_NO_ACCEPTANCE
    ]
    unapproved = [acceptance(approved=False)]
    assert casework.refusals(RULES, "pre_close", COUNTY_SUP, facts, unapproved, NOW) == [
        Reason.STEP_NO_ACCEPTANCE
    ]
    routine = [acceptance(kind="routine")]
    assert casework.refusals(RULES, "pre_close", COUNTY_SUP, facts, routine, NOW) == [
        Reason.STEP_NO_ACCEPTANCE
    ]


def test_city_closing_only_by_the_city_after_the_county_step() -> None:
    before = outfall("pre_closed", past=("monitor", "trace", "start_remediation", "accept"))
    after = outfall("pre_closed", past=(*before.past_actions, "pre_close"))
    assert casework.refusals(RULES, "close", CITY_SUP, after, [], NOW) == []
    assert casework.refusals(RULES, "close", CITY_SUP, before, [], NOW) == [
        Reason.STEP_NO_COUNTY_STEP
    ]
    assert casework.refusals(RULES, "close", COUNTY_SUP, after, [], NOW) == [Reason.STEP_LEVEL]


def test_a_banned_outfall_closes_only_on_photos_of_it_sealed_and_dry() -> None:
    facts = outfall("pre_closed", route="ban", past=("pre_close",))
    sealed = [acceptance()]
    assert casework.refusals(RULES, "close", CITY_SUP, facts, sealed, NOW) == []
    for bad in (
        acceptance(photo_count=0),
        acceptance(discharging="yes"),
        acceptance(finding="still_flowing"),
    ):
        assert casework.refusals(RULES, "close", CITY_SUP, facts, [bad], NOW) == [
            Reason.STEP_NOT_SEALED
        ]
    # The latest approved inspection counts: a later one finding it flowing undoes the proof.
    flowing_later = acceptance(days_ago=0.5, discharging="intermittent", photo_count=1)
    assert casework.refusals(RULES, "close", CITY_SUP, facts, [*sealed, flowing_later], NOW) == [
        Reason.STEP_NOT_SEALED
    ]


def test_an_exceedance_blocks_acceptance_until_a_passing_retest() -> None:
    over = casework.Retest("quick", "cod", 80.0, "mg/L", 50.0)
    passing = casework.Retest("lab", "cod", 30.0, "mg/L", 50.0)
    facts = outfall("remediating")
    first = acceptance(days_ago=5, retests=(over,))
    assert casework.refusals(RULES, "accept", COUNTY_SUP, facts, [first], NOW) == [
        Reason.STEP_EXCEEDANCE
    ]
    retested = acceptance(days_ago=1, retests=(passing,))
    assert casework.refusals(RULES, "accept", COUNTY_SUP, facts, [first, retested], NOW) == []
    # A re-test not yet approved does not lift the block.
    pending = acceptance(days_ago=1, approved=False, retests=(passing,))
    assert casework.refusals(RULES, "accept", COUNTY_SUP, facts, [first, pending], NOW) == [
        Reason.STEP_EXCEEDANCE
    ]


def test_a_later_approved_inspection_that_finds_it_flowing_contradicts_the_closing() -> None:
    closed = outfall("closed", route="ban")
    assert casework.contradicts(RULES, closed, acceptance(discharging="yes"))
    assert casework.contradicts(RULES, outfall("pre_closed"), acceptance(finding="merely_blocked"))
    assert not casework.contradicts(RULES, closed, acceptance(discharging="yes", approved=False))
    assert not casework.contradicts(
        RULES, outfall("remediating", "ban"), acceptance(discharging="yes")
    )
    assert not casework.contradicts(RULES, closed, acceptance())


def test_judge_step_checks_the_state_machine_first() -> None:
    facts = outfall("remediating")
    reasons = casework.judge_step(
        RULES, MACHINE, "close", "remediating", "closed", CITY_SUP, facts, [], NOW
    )
    assert reasons[0] is Reason.STEP_NOT_ALLOWED
    assert casework.judge_step(
        RULES, MACHINE, "fly", "remediating", "closed", CITY_SUP, facts, [], NOW
    ) == [Reason.STEP_UNKNOWN]
    # A step claiming to start from another state than the outfall's is not allowed.
    assert Reason.STEP_NOT_ALLOWED in casework.judge_step(
        RULES,
        MACHINE,
        "accept",
        "remediating",
        "accepted",
        COUNTY_SUP,
        outfall("traced"),
        [acceptance()],
        NOW,
    )
    assert casework.judge_step(
        RULES,
        MACHINE,
        "retire",
        "closed",
        "retired",
        CITY_SUP,
        outfall("closed", route="standardise", past=("pre_close",)),
        [],
        NOW,
    ) == [Reason.STEP_NOT_ALLOWED]


def test_retests_of_skip_malformed_entries() -> None:
    data = {
        "retests": [
            {"code": "cod", "value": "12.5", "limit": 50, "unit": "mg/L"},
            {"code": "tp"},
            "junk",
            {"code": "nh3_n", "value": "x", "limit": 5},
        ]
    }
    assert casework.retests_of(data) == (casework.Retest("quick", "cod", 12.5, "mg/L", 50.0),)


counties = st.sets(st.sampled_from([TONGZHOU, HAIMEN, "320623", CITY_CODE]), min_size=1)
roles = st.sampled_from(["inspector", "river_chief", "supervisor", "admin"])


@given(role=roles, held=counties, action=st.sampled_from(sorted(RULES.steps)))
def test_authority_follows_role_level_and_county(role: str, held: set[str], action: str) -> None:
    who = casework.Who(role, frozenset(held))
    refused = casework.allowed_by_authority(RULES, action, who, TONGZHOU)
    rule = RULES.steps[action]
    if Reason.STEP_ROLE in refused:
        assert role not in rule.roles
    if not refused:
        assert role in rule.roles
        if rule.level == "city":
            assert CITY_CODE in held
        if rule.level == "county":
            assert TONGZHOU in held and CITY_CODE not in held
        if rule.level == "any":
            assert TONGZHOU in held or CITY_CODE in held
    offered = casework.steps_for(RULES, [action], who, TONGZHOU)
    assert offered == ([] if refused else [action])


@given(
    values=st.lists(
        st.tuples(st.floats(0, 200, allow_nan=False), st.floats(1, 100, allow_nan=False)),
        min_size=1,
        max_size=6,
    )
)
def test_only_the_latest_retest_of_a_parameter_decides(values: list[tuple[float, float]]) -> None:
    inspections = [
        acceptance(
            days_ago=len(values) - n, retests=(casework.Retest("lab", "cod", v, "mg/L", lim),)
        )
        for n, (v, lim) in enumerate(values)
    ]
    last_value, last_limit = values[-1]
    assert bool(casework.exceedances(inspections, "acceptance")) == (last_value > last_limit)


def test_a_devices_inspection_row_is_read_from_its_sections() -> None:
    """Devices push the answers under ``sections`` (an object, or JSON text from older ones);
    photos are their own rows, counted by the caller."""
    import json

    sections = {
        "discharging": "dry_blocked",
        "remediation": {"finding": "done", "note": ""},
        "retests": [{"method": "lab", "code": "cod", "value": 12, "unit": "mg/L", "limit": 50}],
    }
    for packed in (sections, json.dumps(sections)):
        row = {"id": "i-1", "kind": "acceptance", "completed_at": "2026-12-02T08:00:00Z",
               "sections": packed}  # fmt: skip
        facts = casework.inspection_facts(row, approved=True, photo_count=3)
        assert facts is not None
        assert (facts.discharging, facts.finding, facts.photo_count) == ("dry_blocked", "done", 3)
        assert facts.retests == (casework.Retest("lab", "cod", 12.0, "mg/L", 50.0),)
    assert casework.inspection_facts({"id": "x", "sections": "{"}, approved=True) is None


def test_the_acceptance_kind_the_rules_look_for_is_one_a_laptop_can_record() -> None:
    import json

    kinds = json.loads((ROOT / "resources" / "data" / "inspection.json").read_text("utf-8"))
    assert RULES.acceptance_kind in {k["code"] for k in kinds["kinds"]}


def test_only_the_states_before_the_first_guarded_step_are_open() -> None:
    rules_, machine_ = RULES, MACHINE
    assert casework.open_states(rules_, machine_, "surveyed") == {
        "surveyed", "monitored", "traced",
    }  # fmt: skip
    # were tracing the county's, the open states would end at monitored
    county_traces = dict(rules_.steps)
    county_traces["trace"] = casework.StepRule(frozenset({"supervisor"}), "county", ())
    stricter = casework.Casework(**{**rules_.__dict__, "steps": county_traces})
    assert casework.open_states(stricter, machine_, "surveyed") == {"surveyed", "monitored"}


def test_an_acceptance_failing_its_routes_checklist_is_no_acceptance_until_one_passes() -> None:
    """A must-check item of the outfall's route answered wrong, or not at all, voids the
    acceptance; items of other routes do not count; a later acceptance that passes stands."""
    ban, standardise = outfall("remediating", "ban"), outfall("remediating", "standardise")
    failed = dict(PASSING) | {"outlet_sealed": "no"}  # a ban item
    wrong = [acceptance(days_ago=2, acceptance=tuple(sorted(failed.items())))]
    assert casework.refusals(RULES, "accept", COUNTY_SUP, ban, wrong, NOW) == [
        Reason.STEP_CHECKLIST_FAILED
    ]
    assert casework.refusals(RULES, "accept", COUNTY_SUP, standardise, wrong, NOW) == []
    unanswered = dict(PASSING)
    del unanswered["sign_to_standard"]
    silent = [acceptance(acceptance=tuple(sorted(unanswered.items())))]
    assert casework.refusals(RULES, "accept", COUNTY_SUP, standardise, silent, NOW) == [
        Reason.STEP_CHECKLIST_FAILED
    ]
    assert casework.refusals(RULES, "accept", COUNTY_SUP, ban, [*wrong, acceptance()], NOW) == []
    optional = dict(PASSING) | {"ledger_matches": "no"}  # not a must-check item
    fine = [acceptance(acceptance=tuple(sorted(optional.items())))]
    assert casework.refusals(RULES, "accept", COUNTY_SUP, ban, fine, NOW) == []


def test_every_route_has_must_check_items_and_the_standards_name_known_parameters() -> None:
    for route in ("ban", "merge", "standardise"):
        assert any(i.required and i.routes for i in RULES.checklist_for(route)), route
    assert RULES.retest_standards
    for standard in RULES.retest_standards:
        assert {"ph", "cod", "nh3_n"} <= set(standard.limits)


def test_a_ph_below_its_lower_limit_exceeds_as_one_above_its_upper() -> None:
    def ph(value: float) -> casework.Retest:
        return casework.Retest("quick", "ph", value, "", 9.0, 6.0)

    assert ph(5.5).exceeds and ph(9.5).exceeds and not ph(7.2).exceeds
    found = casework.retests_of({"retests": [
        {"code": "ph", "value": 5.1, "limit": 9, "lower": 6},
        {"code": "cod", "value": 30},  # no limit: not a test of anything
    ]})  # fmt: skip
    assert [r.code for r in found] == ["ph"] and found[0].exceeds
