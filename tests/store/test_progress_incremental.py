"""The cube kept current one outfall at a time (fieldapp.store.progress.refresh) equals a build
from scratch, after random changes of every kind that can move a figure, made here or pulled."""

from __future__ import annotations

import datetime as dt
import itertools
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment.figures import summarise
from assessment.testing import COUNTIES, STATES
from assessment.timeline import build_cube
from fieldapp.demo.known import write_known
from fieldapp.paths import DATA
from fieldapp.store import database, progress
from fieldapp.store.capture import applying_incoming

_serial = itertools.count(1)
SIGNS = ("ok", "missing", "damaged", "nonstandard", "unknown")
BASINS = ("huai", "yangtze")


@pytest.fixture(scope="module")
def rules(ref):
    return progress.load_rules(DATA / "milestones.json", frozenset(s.code for s in ref.states))


@pytest.fixture(scope="module")
def known_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("known") / "profile.sqlite"
    conn = database.open_profile(path)
    write_known(conn)
    conn.close()
    return path


@pytest.fixture
def known(known_file, tmp_path):
    import shutil

    path = tmp_path / "p.sqlite"
    shutil.copyfile(known_file, path)
    conn = database.open_profile(path)
    yield conn
    conn.close()


def _at(day: int, hour: int) -> str:
    return f"{dt.date(2022, 1, 1) + dt.timedelta(days=day)}T{hour:02d}:30:00Z"


def _ids(conn: sqlite3.Connection, sql: str) -> list[str]:
    return [r[0] for r in conn.execute(sql)]


def _change(conn: sqlite3.Connection, kind: str, pick: int, day: int, hour: int, n: int) -> None:
    """One change of the given kind to the ``pick``-th outfall (or event, or inspection)."""
    outfalls = _ids(conn, "SELECT id FROM outfalls ORDER BY rid")
    oid = outfalls[pick % len(outfalls)]
    at = _at(day, hour)
    if kind == "event":
        conn.execute(
            "INSERT INTO outfall_events (id, outfall_id, action, from_state, to_state, at, actor) "
            "VALUES (?, ?, 'test', NULL, ?, ?, 't')",
            (f"ev-{next(_serial)}", oid, STATES[n % len(STATES)], at),
        )
    elif kind == "drop_event":
        events = _ids(conn, "SELECT id FROM outfall_events ORDER BY id")
        conn.execute("DELETE FROM outfall_events WHERE id = ?", (events[pick % len(events)],))
    elif kind == "move_event":
        events = _ids(conn, "SELECT id FROM outfall_events ORDER BY id")
        conn.execute(
            "UPDATE outfall_events SET at = ?, outfall_id = ? WHERE id = ?",
            (at, oid, events[n % len(events)]),
        )
    elif kind == "sign":
        (old,) = conn.execute("SELECT sign_status FROM outfalls WHERE id = ?", (oid,)).fetchone()
        new = SIGNS[n % len(SIGNS)]
        conn.execute(
            "INSERT INTO outfall_edits (id, outfall_id, at, actor, field, old_value, new_value) "
            "VALUES (?, ?, ?, 't', 'sign_status', ?, ?)",
            (f"ed-{next(_serial)}", oid, at, old, new),
        )
        conn.execute("UPDATE outfalls SET sign_status = ? WHERE id = ?", (new, oid))
    elif kind == "place":
        conn.execute(
            "UPDATE outfalls SET county_code = ?, basin = ? WHERE id = ?",
            (COUNTIES[n % len(COUNTIES)], BASINS[n % 2], oid),
        )
    elif kind == "inspection":  # completed inspections are frozen: a new one, done or not
        conn.execute(
            "INSERT INTO inspections (id, outfall_id, author, county_code, status, started_at, "
            "completed_at, updated_at) VALUES (?, ?, 't', '320612', ?, ?, ?, ?)",
            (f"in-{next(_serial)}", oid, "complete" if n % 3 else "draft", at,
             at if n % 3 else None, at),
        )  # fmt: skip
    elif kind == "remove":
        conn.execute("DELETE FROM outfalls WHERE id = ?", (oid,))
    conn.commit()


change = st.tuples(
    st.sampled_from(
        ("event", "event", "drop_event", "move_event", "sign", "place", "inspection", "remove")
    ),
    st.integers(0, 10_000),  # which outfall, event or inspection
    st.integers(0, 1400),  # the day
    st.integers(0, 23),  # the hour (UTC; from 16:00 it is the next day in China)
    st.integers(0, 100),  # which state, sign, county
    st.booleans(),  # pulled from the server (applied without capture)
    st.booleans(),  # the cube is brought up to date right after it
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(changes=st.lists(change, min_size=1, max_size=12))
def test_kept_current_equals_built_from_scratch(known, rules, changes):
    first = progress.current_cube(known, rules)
    assert first.rebuilt or first.moved >= 0
    for kind, pick, day, hour, n, pulled, refresh in changes:
        if pulled:
            with applying_incoming(known):
                _change(known, kind, pick, day, hour, n)
        else:
            _change(known, kind, pick, day, hour, n)
        if refresh:
            assert not progress.current_cube(known, rules).rebuilt
    kept = progress.current_cube(known, rules)
    assert not kept.rebuilt
    assert progress.cached_cube(known, rules) is not None  # nothing left to count
    scratch = build_cube(progress.load_facts(known), rules)
    assert kept.cube.series_map() == scratch.series_map()
    assert (kept.cube.first_day, kept.cube.last_day) == (scratch.first_day, scratch.last_day)
    assert {g[0] for g in kept.cube.groups} == {g[0] for g in scratch.groups}
    day = dt.date(2023, 12, 31)
    assert summarise(kept.cube, rules, day) == summarise(scratch, rules, day)
    # And read back from the profile, it is the same cube.
    stored = progress.cached_cube(known, rules)
    assert stored is not None and stored.cube.series_map() == scratch.series_map()


def test_a_change_is_counted_in_milliseconds_not_by_walking_every_history(known, rules, ref):
    from fieldapp.store import outfalls

    progress.current_cube(known, rules)
    surveyed = _ids(known, "SELECT id FROM outfalls WHERE lifecycle_state = 'surveyed'")
    outfalls.transition(known, surveyed[0], "monitor", ref, "tester")
    outfalls.transition(known, surveyed[1], "monitor", ref, "tester")
    stale = progress.stored_cube(known, rules)
    assert stale is not None and stale.stale
    read = progress.current_cube(known, rules)
    assert not read.rebuilt and read.moved == 2
    assert not progress.pending(known)


def test_a_first_count_after_the_migration_builds_the_shares_too(known, rules):
    known.execute("DELETE FROM progress_cache")
    known.execute("DELETE FROM progress_part")
    known.commit()
    # With no cube kept, changes are not listed (a device that never counts keeps no list).
    _change(known, "event", 3, 500, 10, 4)
    assert not progress.pending(known)
    read = progress.current_cube(known, rules)
    assert read.rebuilt
    (parts,) = known.execute("SELECT count(*) FROM progress_part").fetchone()
    assert parts == len({e[0] for e in progress.load_facts(known).events})
    _change(known, "event", 3, 501, 10, 5)
    assert progress.pending(known)
    assert progress.current_cube(known, rules).moved == 1


def test_so_many_changes_that_walking_everything_is_quicker_rebuild(known, rules, monkeypatch):
    progress.current_cube(known, rules)
    monkeypatch.setattr(progress, "INCREMENTAL_LIMIT", 2)
    for pick in range(3):
        _change(known, "sign", pick, 100, 3, pick)
    read = progress.current_cube(known, rules)
    assert read.rebuilt and not progress.pending(known)


def _path(conn: sqlite3.Connection) -> str:
    return str(conn.execute("PRAGMA database_list").fetchone()[2])


@pytest.mark.parametrize("meanwhile", ["a change", "another count"])
def test_what_happens_while_the_shares_are_counted_is_not_lost(
    known, rules, monkeypatch, meanwhile
):
    """The shares are counted without the write lock: a change made meanwhile stays listed for
    the next count; a cube stored meanwhile by another connection makes this one count again."""
    progress.current_cube(known, rules)
    _change(known, "event", 1, 300, 4, 2)
    other = database.open_profile(_path(known))
    counting = progress.outfall_parts
    calls: list[int] = []

    def interrupted(facts, r):
        calls.append(1)
        if len(calls) == 1:
            if meanwhile == "a change":
                _change(other, "sign", 9, 310, 5, 1)
            else:
                assert progress.refresh(other, rules).moved == 1
        return counting(facts, r)

    monkeypatch.setattr(progress, "outfall_parts", interrupted)
    read = progress.current_cube(known, rules)
    assert not read.rebuilt
    if meanwhile == "a change":
        assert progress.pending(known)  # the sign edit made meanwhile is still listed
        assert progress.current_cube(known, rules).moved == 1
    else:
        # Counted here, then in the other connection, which stored its cube first: this count
        # is dropped and asked again, and finds nothing left to count.
        assert len(calls) == 2 and read.moved == 0
    other.close()
    kept = progress.cached_cube(known, rules)
    scratch = build_cube(progress.load_facts(known), rules)
    assert kept is not None and kept.cube.series_map() == scratch.series_map()
