"""双随机 draws: reproducible from the seed whatever the pools' order, every rule kept on every
visit, shortfalls named with the rule and by how much, and a tampered record caught."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import draws
from draws import Inspector, Pools, Target

ROOT = Path(__file__).resolve().parents[2]
RULES = draws.read_rules(ROOT / "resources" / "data" / "draw_rules.json")
COUNTIES = ("320612", "320623", "320681", "320682", "320685", "320613")
YEAR = (dt.date(2027, 1, 1), dt.date(2027, 12, 31))


def pools(n_targets: int = 600, n_inspectors: int = 18) -> Pools:
    classes = ("key", "special", "ordinary", "ordinary", "ordinary")
    targets = tuple(
        Target(f"o-{i:05d}", COUNTIES[i % len(COUNTIES)], classes[i % len(classes)], i % 11 == 0)
        for i in range(n_targets)
    )
    inspectors = tuple(
        Inspector(
            f"insp{j:02d}", frozenset({COUNTIES[j % len(COUNTIES)]}), frozenset({f"o-{j:05d}"})
        )
        for j in range(n_inspectors)
    )
    return Pools(targets, inspectors)


def test_a_year_is_drawn_to_its_rates_and_rules() -> None:
    made = draws.draw("5eed" * 8, *YEAR, RULES, pools())
    by_class: dict[tuple[str, bool], int] = {}
    pool = pools()
    for t in pool.targets:
        by_class[(t.target_class, t.poor_water)] = (
            by_class.get((t.target_class, t.poor_water), 0) + 1
        )
    drawn = {v.target_id for v in made.visits}
    for (code, poor), members in by_class.items():
        rate = min(1.0, RULES.by_code(code).rate * (RULES.poor_water_factor if poor else 1))
        got = sum(
            1
            for t in pool.targets
            if t.id in drawn and (t.target_class, t.poor_water) == (code, poor)
        )
        assert got == draws.quota(rate, members)
    inspectors = {i.username: i for i in pool.inspectors}
    targets = {t.id: t for t in pool.targets}
    for visit in made.visits:
        assert len(set(visit.inspectors)) == RULES.inspectors_per_visit
        for name in visit.inspectors:
            assert visit.target_id not in inspectors[name].conflicts
            assert targets[visit.target_id].county not in inspectors[name].counties
        assert YEAR[0] <= visit.planned_on <= YEAR[1] and visit.planned_on.isoweekday() <= 5
        assert visit.released_on == visit.planned_on - dt.timedelta(days=1)


def test_the_same_seed_gives_the_same_draw_a_known_answer() -> None:
    """Pinned: a change of method would change every recorded draw's verification."""
    made = draws.draw("2027-南通-双随机", *YEAR, FIXED_RULES, pools())
    record = made.as_data()
    digest = hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()
    assert len(made.visits) == 44
    assert digest == KNOWN_DIGEST
    # The same draw as recorded before the rules had a visit deadline: the visits did not move,
    # and such a record still verifies (its deadline is the default).
    del record["rules"]["deadline_days_after"]
    before = hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()
    assert before == DIGEST_BEFORE_DEADLINES
    assert draws.verify(record) == []
    assert draws.parse_rules(record["rules"]).deadline_days_after == 3


# The rules of the pinned draw, here rather than the bureau's file (which the bureau may change).
FIXED_RULES = draws.parse_rules(
    {
        "classes": [
            {"code": "key", "rate": 0.05, "criteria": {"subtype_code": ["enterprise"]}},
            {"code": "special", "rate": 0.2, "criteria": {"lifecycle_state": ["retest"]}},
            {"code": "ordinary", "rate": 0.02, "criteria": {}},
        ],
        "poor_water": {"factor": 2.0, "water_bodies": []},
        "inspectors_per_visit": 2,
        "exclude_own_county": True,
        "max_visits_per_inspector": None,
        "release_days_before": 1,
        "working_weekdays": [1, 2, 3, 4, 5],
    }
)
KNOWN_DIGEST = "29d8622aa971357cb18b010cd24736b238d451dc090e8137649cef287d04f36e"
DIGEST_BEFORE_DEADLINES = "f235ffcf966c82d4ff34596f3c75ec5c644f53a0dc681a7a0547dcdab436a22c"


@settings(max_examples=40, deadline=None)
@given(
    seed=st.text(min_size=1, max_size=40),
    order=st.randoms(use_true_random=False),
    n_targets=st.integers(0, 200),
    n_inspectors=st.integers(8, 30),
    cap=st.one_of(st.none(), st.integers(1, 40)),
)
def test_any_order_of_the_pools_gives_the_same_draw_and_the_rules_hold(
    seed: str,
    order,
    n_targets: int,
    n_inspectors: int,
    cap: int | None,  # type: ignore[no-untyped-def]
) -> None:
    rules = draws.parse_rules({**RULES.as_data(), "max_visits_per_inspector": cap})
    base = pools(n_targets, n_inspectors)
    targets, inspectors = list(base.targets), list(base.inspectors)
    order.shuffle(targets)
    order.shuffle(inspectors)
    try:
        first = draws.draw(seed, *YEAR, rules, base)
    except draws.DrawImpossible as impossible:
        assert all(s.short_by > 0 for s in impossible.shortfalls)
        with pytest.raises(draws.DrawImpossible):
            draws.draw(seed, *YEAR, rules, Pools(tuple(targets), tuple(inspectors)))
        return
    second = draws.draw(seed, *YEAR, rules, Pools(tuple(targets), tuple(inspectors)))
    assert first.visits == second.visits
    assert draws.verify(first.as_data()) == []
    load: dict[str, int] = {}
    for visit in first.visits:
        for name in visit.inspectors:
            load[name] = load.get(name, 0) + 1
    if cap is not None:
        assert max(load.values(), default=0) <= cap


def test_seeds_draw_different_targets() -> None:
    chosen = {
        tuple(v.target_id for v in draws.draw(f"seed-{i}", *YEAR, RULES, pools()).visits)
        for i in range(12)
    }
    assert len(chosen) == 12


def test_a_tampered_record_is_caught() -> None:
    record = draws.draw("abc", *YEAR, RULES, pools()).as_data()
    assert draws.verify(record) == []
    swapped = copy.deepcopy(record)
    swapped["visits"][0]["inspectors"] = ["insp00", "insp01"]
    assert any("differs" in p for p in draws.verify(swapped))
    dropped = copy.deepcopy(record)
    gone = dropped["visits"].pop()["target_id"]
    assert f"target {gone} was drawn but is not in the record" in draws.verify(dropped)
    reseeded = copy.deepcopy(record)
    reseeded["seed"] = "abd"
    assert draws.verify(reseeded) != []
    edited_pool = copy.deepcopy(record)
    edited_pool["pools"]["inspectors"][0]["conflicts"] = []
    assert "the pools differ from their recorded digest" in draws.verify(edited_pool)


def test_pools_that_cannot_satisfy_the_rules_say_which_rule_and_by_how_much() -> None:
    # Two inspectors, both of the county of every target: none may go anywhere.
    small = Pools(
        tuple(Target(f"o{i}", "320612", "key") for i in range(40)),
        (
            Inspector("a", frozenset({"320612"})),
            Inspector("b", frozenset({"320612", "320623"})),
            Inspector("c", frozenset({"320623"})),
        ),
    )
    with pytest.raises(draws.DrawImpossible) as info:
        draws.draw("x", *YEAR, RULES, small)
    (shortfall,) = info.value.shortfalls
    assert shortfall.rule == "inspectors_per_visit" and shortfall.short_by == 2
    assert "缺 2 个" in info.value.zh and "short by 2" in info.value.en
    capped = draws.parse_rules({**RULES.as_data(), "max_visits_per_inspector": 1})
    with pytest.raises(draws.DrawImpossible) as info:
        draws.draw("x", *YEAR, capped, pools(600, 18))
    assert info.value.shortfalls[0].rule == "max_visits_per_inspector"
    assert info.value.shortfalls[0].short_by == info.value.shortfalls[0].needed - 18


@pytest.mark.parametrize(
    ("change", "names"),
    [
        ({"inspectors_per_visit": 1}, "inspectors_per_visit"),
        ({"classes": []}, "classes"),
        ({"release_days_before": 90}, "release_days_before"),
        ({"working_weekdays": [0]}, "working_weekdays"),
        ({"max_visits_per_inspector": 0}, "max_visits_per_inspector"),
    ],
)
def test_bad_rules_are_named(change: dict[str, object], names: str) -> None:
    with pytest.raises(draws.BadRules) as info:
        draws.parse_rules({**RULES.as_data(), **change})
    assert names.split("_")[0] in info.value.en or "class" in info.value.en


def test_a_class_rate_out_of_range_names_the_class() -> None:
    data = RULES.as_data()
    data["classes"][0]["rate"] = 1.5
    with pytest.raises(draws.BadRules) as info:
        draws.parse_rules(data)
    assert "key" in info.value.en and "0.0..1.0" in info.value.en


def test_the_rules_round_trip_and_the_server_has_the_apps_file() -> None:
    assert draws.parse_rules(RULES.as_data()) == RULES
    server = json.loads((ROOT / "sync" / "server" / "data" / "draw_rules.json").read_text("utf-8"))
    app = json.loads((ROOT / "resources" / "data" / "draw_rules.json").read_text("utf-8"))
    assert server == app


def test_ledger_rows_fall_in_their_classes() -> None:
    rows = [
        {
            "id": "1",
            "county_code": "320612",
            "subtype_code": "park_plant",
            "type_code": "industrial",
        },
        {"id": "2", "county_code": "320612", "type_code": "other", "lifecycle_state": "retest"},
        {"id": "3", "county_code": "320623", "type_code": "other", "subtype_code": "urban_storm"},
    ]
    pool = draws.classify(rows, [], RULES)
    assert [t.target_class for t in pool.targets] == ["key", "special", "ordinary"]
    with pytest.raises(draws.BadPools):
        draws.classify([*rows, rows[0]], [], RULES)


def test_the_public_list_has_no_inspectors() -> None:
    from draws.publication import PublicOutfall, public_rows

    record = draws.draw("pub", *YEAR, RULES, pools()).as_data()
    outfalls = {
        v["target_id"]: PublicOutfall(f"3206{v['target_id']}", "雨水排口", "如东县")
        for v in record["visits"]
    }
    first = record["visits"][0]["target_id"]
    rows = public_rows(record, RULES, outfalls, {first: "未发现问题"})
    assert len(rows) == len(record["visits"])
    assert rows[0][-1] == "未发现问题" and rows[1][-1] == "待检查"
    text = json.dumps(rows, ensure_ascii=False)
    assert "insp" not in text
