"""The profile's remediation plans (migration 9): stored as pulled, overdue found in one read,
listed as dated events with who and when for the case history."""

from __future__ import annotations

from datetime import date

from fieldapp.store import database, migrations, plans

TODAY = date(2026, 12, 4)


def _plan(**extra: object) -> dict[str, object]:
    return {
        "id": "plan-1", "outfall_id": "of-1", "county_code": "320612", "route": "merge",
        "measures": "并入污水管网", "responsible_party": "某厂", "department": "住建局",
        "deadline": "2027-06-30", "funding_wan": 30.0, "funding_source": "财政",
        "milestones": [
            {"id": "m1", "title": "接管设计", "due": "2026-11-30", "done": False, "done_on": None,
             "evidence": [], "notes": [{"id": "n1", "text": "已踏勘", "evidence": ["ab" * 32],
                                        "by": "boss", "at": "2026-11-20T02:00:00+00:00"}]},
            {"id": "m2", "title": "完成接管", "due": "2027-05-31", "done": False, "done_on": None,
             "evidence": [], "notes": []},
        ],
        "completed_on": None, "created_by": "boss", "created_at": "2026-11-10T02:00:00+00:00",
        "updated_by": "city", "updated_at": "2026-11-25T02:00:00+00:00", "version": 2, **extra,
    }  # fmt: skip


def test_a_pulled_plan_is_read_back_with_its_overdue_milestone(db_path) -> None:
    conn = database.open_profile(db_path)
    with conn:
        plans.apply(conn, "plan-1", _plan(), deleted=False)
        plans.apply(conn, "plan-bad", {"id": "plan-bad", "deadline": "soon"}, deleted=False)
    shown = plans.of_outfall(conn, "of-1", TODAY)
    assert shown is not None and shown.version == 2 and shown.overdue
    assert [m.overdue for m in shown.milestones] == [True, False]
    assert shown.milestones[0].notes[0].by == "boss"
    assert plans.of_outfall(conn, "of-2", TODAY) is None
    assert conn.execute("SELECT count(*) FROM plans").fetchone()[0] == 1
    conn.close()


def test_overdue_outfalls_follow_milestones_done_and_completion(db_path) -> None:
    conn = database.open_profile(db_path)
    with conn:
        plans.apply(conn, "plan-1", _plan(), deleted=False)
        plans.apply(conn, "plan-2", _plan(id="plan-2", outfall_id="of-2", milestones=[]),
                    deleted=False)  # fmt: skip
    assert plans.overdue_outfalls(conn, TODAY) == {"of-1"}
    assert plans.overdue_outfalls(conn, date(2026, 11, 30)) == frozenset()  # due that day: not yet
    assert plans.overdue_outfalls(conn, date(2027, 7, 1)) == {"of-1", "of-2"}
    done = _plan()
    done["milestones"][0].update(done=True, done_on="2026-12-01")  # type: ignore[index]
    with conn:
        plans.apply(conn, "plan-1", done, deleted=False)
    assert plans.overdue_outfalls(conn, TODAY) == frozenset()
    with conn:
        plans.apply(conn, "plan-2", _plan(id="plan-2", outfall_id="of-2", milestones=[],
                                          completed_on="2027-01-01"), deleted=False)  # fmt: skip
        plans.apply(conn, "plan-1", None, deleted=True)
    assert plans.overdue_outfalls(conn, date(2028, 1, 1)) == frozenset()
    assert plans.of_outfall(conn, "of-1", TODAY) is None
    conn.close()


def test_events_list_the_plan_with_who_and_when_oldest_first(db_path) -> None:
    conn = database.open_profile(db_path)
    done = _plan(completed_on=None)
    done["milestones"][0].update(done=True, done_on="2026-11-28")  # type: ignore[index]
    with conn:
        plans.apply(conn, "plan-1", done, deleted=False)
    found = [(e.kind, e.by, e.title) for e in plans.events(conn, "of-1")]
    assert found == [
        ("plan_created", "boss", ""),
        ("note", "boss", "接管设计"),
        ("plan_updated", "city", ""),
        ("milestone_done", "city", "接管设计"),
    ]
    assert plans.events(conn, "of-1")[1].evidence == ("ab" * 32,)
    assert plans.events(conn, "nothing") == []
    conn.close()


def test_the_plan_stands_in_the_outfalls_case_history(db_path) -> None:
    from fieldapp.store import outfall_history
    from sync.history import Kind

    conn = database.open_profile(db_path)
    with conn:
        plans.apply(conn, "plan-1", _plan(), deleted=False)
    entries = [e for e in outfall_history.history(conn, "of-1") if e.kind == Kind.PLAN]
    assert [(e.state, e.who) for e in entries] == [  # newest first
        ("plan_updated", "city"), ("note", "boss"), ("plan_created", "boss"),
    ]  # fmt: skip
    (note,) = [e for e in entries if e.state == "note"]
    assert note.note == "接管设计：已踏勘" and note.photos == ("ab" * 32,)
    assert note.record_id == "plan-1"
    assert not [e for e in outfall_history.history(conn, "of-2") if e.kind == Kind.PLAN]
    conn.close()


def test_migration_9_runs_after_14_on_a_profile_made_before_it(db_path) -> None:
    conn = database.open_profile(db_path)
    with conn:
        conn.execute("DROP TABLE plans")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0009_remediation_plans'")
    assert migrations.pending(conn)
    migrations.migrate(conn)
    assert not migrations.pending(conn)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert conn.execute("SELECT count(*) FROM plans").fetchone()[0] == 0
    conn.close()
