"""The device's progress figures (fieldapp.store.progress): the known-answer ledger in a real
profile gives the known figures; the cached cube is used while nothing changed and rebuilt after
any change that can move a figure, local or pulled."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest

from assessment.figures import summarise
from assessment.members import Pick
from assessment.testing import COUNTIES, STATES
from fieldapp.demo.known import write_known
from fieldapp.paths import DATA
from fieldapp.store import outfalls, progress
from fieldapp.store.capture import applying_incoming


@pytest.fixture(scope="module")
def rules(ref):
    return progress.load_rules(DATA / "milestones.json", frozenset(s.code for s in ref.states))


@pytest.fixture
def known_profile(profile: sqlite3.Connection):
    write_known(profile)
    return profile


def test_the_known_ledger_gives_the_known_figures(known_profile, rules):
    read = progress.current_cube(known_profile, rules)
    assert read.rebuilt
    p = summarise(read.cube, rules, dt.date(2023, 12, 31))
    for ci, county in enumerate(COUNTIES):
        assert p.counties[county].by_state == {s: ci + si + 1 for si, s in enumerate(STATES)}
    past = summarise(read.cube, rules, dt.date(2023, 6, 30)).counties["320613"].by_state
    assert past == {"surveyed": 5, "monitored": 4, "traced": 5, "remediating": 6,
                    "accepted": 15, "pre_closed": 9, "closed": 21}  # fmt: skip
    # Inspections and the sign edit come from their own tables.
    assert summarise(read.cube, rules, dt.date(2023, 12, 31)).area.inspected > 0
    before = summarise(read.cube, rules, dt.date(2024, 2, 29)).area.sign_standard
    assert summarise(read.cube, rules, dt.date(2024, 3, 1)).area.sign_standard > before


def test_the_cache_is_read_until_something_changes(known_profile, rules, ref):
    first = progress.current_cube(known_profile, rules)
    again = progress.current_cube(known_profile, rules)
    assert first.rebuilt and not again.rebuilt
    assert again.cube.counts(dt.date(2024, 1, 1).toordinal()) == first.cube.counts(
        dt.date(2024, 1, 1).toordinal()
    )
    # A local step on the lifecycle moves a figure: that outfall's share is counted again.
    surveyed = known_profile.execute(
        "SELECT id FROM outfalls WHERE lifecycle_state = 'surveyed' AND county_code = '320612'"
    ).fetchone()[0]
    outfalls.transition(known_profile, surveyed, "monitor", ref, "tester")
    moved = progress.current_cube(known_profile, rules)
    assert not moved.rebuilt and moved.moved == 1
    today = dt.date.today() + dt.timedelta(days=1)
    by_state = summarise(moved.cube, rules, today).counties["320612"].by_state
    assert "surveyed" not in by_state and by_state["monitored"] == 2 + 1  # county index 0
    # So does a change pulled from the server (applied without capture).
    with applying_incoming(known_profile):
        known_profile.execute(
            "UPDATE outfalls SET county_code = '320613' WHERE id = ?", (surveyed,)
        )
    pulled = progress.current_cube(known_profile, rules)
    assert pulled.moved == 1
    assert pulled.cube.series_map() == progress.rebuild(known_profile, rules).cube.series_map()
    # Other rules (next year's plan) do not reuse this year's cube.
    other = dataclasses.replace(rules, version="next-year")
    assert progress.cached_cube(known_profile, other) is None


def test_an_edit_that_moves_no_figure_keeps_the_cache(known_profile, rules, ref):
    progress.current_cube(known_profile, rules)
    known_profile.execute(
        "INSERT INTO outfall_edits (id, outfall_id, at, actor, field, old_value, new_value) "
        "SELECT 'x', id, '2024-01-01T00:00:00Z', 'a', 'note', '', 'n' FROM outfalls LIMIT 1"
    )
    known_profile.commit()
    assert progress.cached_cube(known_profile, rules) is not None


def test_the_list_behind_a_number_has_that_many_outfalls(known_profile, rules):
    cube = progress.current_cube(known_profile, rules).cube
    day = dt.date(2023, 12, 31)
    county = summarise(cube, rules, day).counties["320623"]  # county index 3
    rows = progress.member_rows(known_profile, rules, day, Pick("state:closed", county="320623"))
    assert len(rows) == county.by_state["closed"] == 3 + 7 + 1
    assert {r.county_code for r in rows} == {"320623"}
    todo = progress.member_rows(
        known_profile, rules, day, Pick("milestone:2023_yangtze_sea_closed:todo", county="320623")
    )
    r = next(r for r in county.milestones if r.milestone.code == "2023_yangtze_sea_closed")
    assert len(todo) == r.in_scope - r.done > 0
    past = progress.member_rows(
        known_profile, rules, dt.date(2023, 6, 30), Pick("state:closed", county="320623")
    )
    # On 30 June the routine and retired outfalls still stood closed; today they are not.
    assert len(past) == (3 + 8 + 1) + (3 + 9 + 1)
    assert {r.lifecycle_state for r in past} == {"routine", "retired"}


def test_the_last_cube_is_kept_for_showing_while_a_new_one_is_counted(known_profile, rules, ref):
    assert progress.stored_cube(known_profile, rules) is None
    progress.current_cube(known_profile, rules)
    fresh = progress.stored_cube(known_profile, rules)
    assert fresh is not None and not fresh.stale and fresh.built_at
    surveyed = known_profile.execute(
        "SELECT id FROM outfalls WHERE lifecycle_state = 'surveyed' LIMIT 1"
    ).fetchone()[0]
    outfalls.transition(known_profile, surveyed, "monitor", ref, "tester")
    old = progress.stored_cube(known_profile, rules)
    assert old is not None and old.stale
    assert progress.cached_cube(known_profile, rules) is None
