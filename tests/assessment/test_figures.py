"""The progress figures on a ledger whose answers are known in advance (assessment.testing), and
the cube against a day-by-day recount on random histories."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.figures import month_ends, summarise, target_line, trend
from assessment.members import Pick, members
from assessment.rules import RulesError, parse_rules, read_rules
from assessment.testing import (
    COUNTIES,
    INSPECTED,
    LAST_STEP,
    STATES,
    KnownLedger,
    KnownOutfall,
    known_ledger,
)
from assessment.timeline import (
    Facts,
    build_cube,
    china_day,
    history_of,
    measures_at,
    outfall_parts,
    part_changes,
)

DATA = Path(__file__).resolve().parents[2] / "resources" / "data"
KNOWN_STATES = frozenset(
    s["code"] for s in json.loads((DATA / "lifecycle.json").read_text("utf-8"))["states"]
)
DAYS = (
    dt.date(2022, 12, 31),
    dt.date(2023, 6, 30),
    dt.date(2023, 12, 19),
    dt.date(2023, 12, 20),
    dt.date(2023, 12, 31),
    dt.date(2024, 2, 29),
    dt.date(2024, 3, 1),
    dt.date(2024, 12, 18),
    dt.date(2024, 12, 19),
    dt.date(2025, 1, 1),
)


@pytest.fixture(scope="module")
def rules():
    return read_rules(DATA / "milestones.json", KNOWN_STATES)


@pytest.fixture(scope="module")
def known() -> KnownLedger:
    return known_ledger()


def facts_of(k: KnownLedger) -> Facts:
    return Facts(
        outfalls=[(o.id, o.county, o.basin, o.kind, o.sign_status) for o in k.outfalls],
        events=[
            (e["outfall_id"], e["at"], e["to_state"], e["from_state"], e["id"]) for e in k.events
        ],  # type: ignore[misc]
        sign_edits=[(e["outfall_id"], e["at"], e["old_value"], e["new_value"]) for e in k.edits],  # type: ignore[misc]
        inspections=[(i["outfall_id"], i["at"]) for i in k.inspections],  # type: ignore[misc]
    )


@pytest.fixture(scope="module")
def cube(known, rules):
    return build_cube(facts_of(known), rules)


def test_on_the_last_day_of_2023_every_cell_holds_county_plus_state_plus_one(cube, rules):
    progress = summarise(cube, rules, dt.date(2023, 12, 31))
    for ci, county in enumerate(COUNTIES):
        assert progress.counties[county].by_state == {s: ci + si + 1 for si, s in enumerate(STATES)}
    assert progress.area.total == sum(ci + si + 1 for ci in range(7) for si in range(10))


def test_on_30_june_2023_each_outfall_stands_one_step_short(cube, rules):
    by_state = summarise(cube, rules, dt.date(2023, 6, 30)).counties["320613"].by_state
    # County index 1, so a cell holds 2 + state index outfalls. One step short of the end:
    # surveyed (2) and monitored (3) → surveyed; traced (4) → monitored; remediating (5) →
    # traced; accepted (6) → remediating; retest (7) and pre_closed (8) → accepted; closed (9) →
    # pre_closed; routine (10) and retired (11) → closed.
    assert by_state == {
        "surveyed": 5,
        "monitored": 4,
        "traced": 5,
        "remediating": 6,
        "accepted": 15,
        "pre_closed": 9,
        "closed": 21,
    }


def test_before_anything_was_found_there_is_nothing(cube, rules):
    progress = summarise(cube, rules, dt.date(2022, 12, 31))
    assert progress.area.total == 0
    assert {r.status for r in progress.area.milestones} == {"no_outfalls"}


@pytest.mark.parametrize("day", DAYS)
def test_every_figure_matches_the_fixture_rules(cube, rules, known, day):
    progress = summarise(cube, rules, day)
    for county in COUNTIES:
        mine = [o for o in known.outfalls if o.county == county]
        got = progress.counties.get(county)
        expect = _expected(mine, day, rules)
        if got is None:
            assert expect["total"] == 0
            continue
        assert got.total == expect["total"]
        assert got.by_state == expect["by_state"]
        assert got.overdue == expect["overdue"]
        assert got.signs == expect["signs"]
        assert (got.due, got.inspected) == (expect["due"], expect["inspected"])
        for r in got.milestones:
            assert (r.in_scope, r.done) == expect["milestones"][r.milestone.code], r.milestone.code


def _expected(outfalls: list[KnownOutfall], day: dt.date, rules) -> dict:
    by_state: Counter[str] = Counter()
    signs: Counter[str] = Counter()
    overdue = due = inspected = 0
    milestones = {m.code: [0, 0] for m in rules.milestones}
    for o in outfalls:
        state = o.state_on(day)
        if state is None:
            continue
        by_state[state] += 1
        if state in rules.sign_states and o.sign_on(day) != "not_required":
            signs[o.sign_on(day)] += 1
        # Only outfalls that end under remediation are still there a year after it began.
        if state == "remediating" and day >= LAST_STEP + dt.timedelta(365):
            overdue += 1
        if state in rules.inspection_due_states:
            due += 1
            quarter_start = dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
            if o.j % 3 == 0 and quarter_start <= INSPECTED <= day:
                inspected += 1
        for m in rules.milestones:
            if m.covers(o.county, o.basin, o.kind):
                milestones[m.code][0] += 1
                milestones[m.code][1] += state in m.states
    return {
        "total": sum(by_state.values()),
        "by_state": dict(by_state),
        "signs": dict(signs),
        "overdue": overdue,
        "due": due,
        "inspected": inspected,
        "milestones": {c: tuple(v) for c, v in milestones.items()},
    }


def test_overdue_plans_appear_a_plan_year_after_remediation_began(cube, rules):
    assert summarise(cube, rules, dt.date(2024, 12, 18)).area.overdue == 0
    on = summarise(cube, rules, dt.date(2024, 12, 19)).area.overdue
    assert on == sum(ci + 3 + 1 for ci in range(7))  # every outfall that ends under remediation


def test_the_sign_edit_counts_from_its_day(cube, rules):
    before = summarise(cube, rules, dt.date(2024, 2, 29)).counties["320612"]  # ci = 0
    after = summarise(cube, rules, dt.date(2024, 3, 1)).counties["320612"]
    assert after.sign_standard - before.sign_standard == sum(
        len(range(0, si + 1, 4)) for si, s in enumerate(STATES) if s in rules.sign_states
    )


def test_inspections_count_in_their_quarter_only(cube, rules):
    q4 = summarise(cube, rules, dt.date(2023, 12, 31)).area
    q1 = summarise(cube, rules, dt.date(2024, 1, 1)).area
    assert q4.due == q1.due > 0
    assert q4.inspected > 0 and q1.inspected == 0


def test_milestone_status_follows_the_target_line(cube, rules):
    m = rules.milestone("2023_huai_remediated_60")
    early = summarise(cube, rules, dt.date(2023, 6, 30)).counties["320685"]
    result = next(r for r in early.milestones if r.milestone is m)
    # On 15 May 2023 the scope stood at (done / in scope); the line runs from there to 60%.
    assert result.expected is not None and result.expected > Fraction(0)
    assert result.status in ("on_track", "behind")
    assert (result.pct >= result.expected) == (result.status == "on_track")
    late = summarise(cube, rules, dt.date(2024, 1, 1)).counties["320685"]
    final = next(r for r in late.milestones if r.milestone is m)
    assert final.expected == 60
    assert final.status == ("met" if final.done * 100 >= 60 * final.in_scope else "missed")


def test_target_line_runs_straight_from_the_start():
    from assessment.rules import Milestone

    m = Milestone(
        "x", "x", "x", dt.date(2024, 1, 1), dt.date(2024, 1, 11), 100, frozenset({"closed"})
    )
    start = {("320612", "huai", "river"): {"state:closed": 1, "state:surveyed": 3}}  # 25% then
    assert target_line(m, None, start, dt.date(2024, 1, 1)) == 25
    assert target_line(m, None, start, dt.date(2024, 1, 6)) == Fraction(125, 2)
    assert target_line(m, None, start, dt.date(2024, 3, 1)) == 100


def test_trend_counts_by_state_month_by_month(cube, rules):
    days = month_ends(dt.date(2023, 1, 1), dt.date(2024, 1, 15))
    assert days[0] == dt.date(2023, 1, 31) and days[-1] == dt.date(2024, 1, 15)
    rows = trend(cube, days, ["320612"])
    assert rows[-1][1] == summarise(cube, rules, days[-1]).counties["320612"].by_state


def test_a_step_late_in_the_utc_day_belongs_to_the_next_chinese_day(rules):
    facts = Facts(
        outfalls=[("a", "320612", "huai", "river", "unknown")],
        events=[
            ("a", "2023-06-01T01:00:00Z", "surveyed", None, "1"),
            ("a", "2023-12-31T16:30:00Z", "monitored", "surveyed", "2"),  # 1 Jan 2024, 00:30
        ],
    )
    cube = build_cube(facts, rules)
    assert summarise(cube, rules, dt.date(2023, 12, 31)).area.by_state == {"surveyed": 1}
    assert summarise(cube, rules, dt.date(2024, 1, 1)).area.by_state == {"monitored": 1}
    assert china_day("2023-12-31T23:30:00+08:00") == dt.date(2023, 12, 31).toordinal()


def test_two_steps_in_one_second_count_in_the_order_taken(rules):
    facts = Facts(
        outfalls=[("a", "320612", "huai", "river", "unknown")],
        events=[  # ids sort against the order taken
            ("a", "2023-06-01T01:00:00Z", "surveyed", None, "9"),
            ("a", "2023-07-01T01:00:00Z", "traced", "monitored", "1"),
            ("a", "2023-07-01T01:00:00Z", "monitored", "surveyed", "2"),
        ],
    )
    cube = build_cube(facts, rules)
    assert summarise(cube, rules, dt.date(2023, 7, 1)).area.by_state == {"traced": 1}


def test_members_are_as_many_as_the_number(known, rules, cube):
    facts = facts_of(known)
    day = dt.date(2023, 12, 31)
    county = summarise(cube, rules, day).counties["320681"]
    assert len(members(facts, rules, day, Pick("state:closed", county="320681"))) == 4 + 7 + 1
    todo = members(facts, rules, day, Pick("milestone:2023_huai_traced:todo", county="320681"))
    r = next(r for r in county.milestones if r.milestone.code == "2023_huai_traced")
    assert len(todo) == r.in_scope - r.done
    assert len(members(facts, rules, day, Pick("overdue"))) == 0
    assert len(members(facts, rules, day, Pick("not_inspected", county="320681"))) == (
        county.due - county.inspected
    )


def test_a_bad_milestones_file_names_every_problem():
    data = {
        "milestones": [
            {"code": "a", "start": "2024-13-01", "deadline": "2024-12-31", "target_pct": 0,
             "states": ["closed", "finished"]},
        ],
        "inspections": {"period": "fortnight", "due_states": ["routine"]},
        "signs": {"states": ["routine"]},
        "remediation_plan_days": 0,
    }  # fmt: skip
    with pytest.raises(RulesError) as caught:
        parse_rules(data, KNOWN_STATES)
    text = str(caught.value)
    for words in ("not a date", "target_pct", "finished", "period", "remediation_plan_days"):
        assert words in text


# -- the cube against a recount, day by day, on random histories -----------------------------
STEPS = st.lists(
    st.tuples(st.integers(0, 900), st.integers(0, 23), st.sampled_from(sorted(KNOWN_STATES))),
    min_size=1,
    max_size=6,
)


@st.composite
def random_facts(draw):
    n = draw(st.integers(1, 6))
    base = dt.date(2023, 1, 1)
    outfalls, events, edits, inspections = [], [], [], []
    for i in range(n):
        oid = f"o{i}"
        county = draw(st.sampled_from(COUNTIES[:2]))
        outfalls.append((oid, county, draw(st.sampled_from(["huai", "yangtze"])), "river",
                         draw(st.sampled_from(["ok", "missing", "unknown"]))))  # fmt: skip
        for k, (d, h, s) in enumerate(draw(STEPS)):
            events.append((oid, f"{base + dt.timedelta(d)}T{h:02d}:00:00Z", s, None, f"{i}-{k}"))
        for d, h in draw(st.lists(st.tuples(st.integers(0, 900), st.integers(0, 23)), max_size=2)):
            at = f"{base + dt.timedelta(d)}T{h:02d}:00:00Z"
            edits.append((oid, at, draw(st.sampled_from(["missing", "defective"])), "ok"))
        for d in draw(st.lists(st.integers(0, 900), max_size=3)):
            inspections.append((oid, f"{base + dt.timedelta(d)}T03:00:00Z"))
    return Facts(outfalls, events, edits, inspections)


@settings(max_examples=60, deadline=None)
@given(facts=random_facts(), offset=st.integers(-5, 1300))
def test_the_cube_equals_a_recount_on_any_day(rules, facts, offset):
    day = dt.date(2023, 1, 1) + dt.timedelta(offset)
    cube = build_cube(facts, rules)
    recount: dict = {}
    for oid, county, basin, kind, sign in facts.outfalls:
        h = history_of(
            [e for e in facts.events if e[0] == oid],
            sign,
            [e for e in facts.sign_edits if e[0] == oid],
            [x for x in facts.inspections if x[0] == oid],
            8,
        )
        for m in measures_at(h, day.toordinal(), rules):
            g = recount.setdefault((county, basin, kind), {})
            g[m] = g.get(m, 0) + 1
    assert cube.counts(day.toordinal()) == recount


def test_the_cube_survives_its_bytes(cube, rules):
    again = type(cube).from_bytes(cube.to_bytes())
    for day in DAYS:
        assert again.counts(day.toordinal()) == cube.counts(day.toordinal())


def _without(facts: Facts, gone: set[str]) -> Facts:
    return Facts(
        [o for o in facts.outfalls if o[0] not in gone],
        [e for e in facts.events if e[0] not in gone],  # type: ignore[attr-defined]
        [e for e in facts.sign_edits if e[0] not in gone],  # type: ignore[attr-defined]
        [x for x in facts.inspections if x[0] not in gone],  # type: ignore[attr-defined]
    )


@settings(max_examples=60, deadline=None)
@given(before=random_facts(), after=random_facts(), changed=st.sets(st.integers(0, 5)))
def test_moving_a_cube_by_changed_shares_equals_building_it_again(rules, before, after, changed):
    """Some outfalls' facts are replaced by others (a county moved, events added or dropped):
    the old cube moved by their new shares minus their old ones is the new cube built anew."""
    ids = {f"o{i}" for i in changed}
    new_facts = Facts(
        [*_without(before, ids).outfalls, *[o for o in after.outfalls if o[0] in ids]],
        [*_without(before, ids).events, *[e for e in after.events if e[0] in ids]],  # type: ignore[attr-defined]
        [*_without(before, ids).sign_edits, *[e for e in after.sign_edits if e[0] in ids]],  # type: ignore[attr-defined]
        [*_without(before, ids).inspections, *[x for x in after.inspections if x[0] in ids]],  # type: ignore[attr-defined]
    )
    old_parts: dict = {}
    cube = build_cube(before, rules, old_parts)
    new_parts = outfall_parts(new_facts, rules)
    cube.apply(
        part_changes(
            [p for i, p in old_parts.items() if i in ids],
            [p for i, p in new_parts.items() if i in ids],
        )
    )
    scratch = build_cube(new_facts, rules)
    assert cube.series_map() == scratch.series_map()
    assert cube.first_day == scratch.first_day
    assert {g for g in cube.groups} == {g for g in scratch.groups}
    for day in DAYS:
        assert cube.counts(day.toordinal()) == scratch.counts(day.toordinal())
    again = type(cube).from_bytes(cube.to_bytes())
    assert again.series_map() == scratch.series_map()
