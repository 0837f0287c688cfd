"""The inspection store (change capture, freeze, photos once) and the completion rules."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from fieldapp import reference_data
from fieldapp.domain.inspection import (
    InspectionPhoto,
    PositionRecord,
    ProblemFound,
    QuickTest,
    RecordFrozen,
    new_draft,
)
from fieldapp.domain.inspection_validation import problems_for_completion
from fieldapp.domain.outfall import Outfall, OutfallId
from fieldapp.domain.problems import InvalidRecord
from fieldapp.inspection_data import load_rules
from fieldapp.store import database, inspections, nearby
from fieldapp.store.capture import applying_incoming

from .conftest import NANTONG

RULES = load_rules()
SHA = "a" * 64


def changes(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    return conn.execute("SELECT entity, row_id, op FROM change_log ORDER BY seq").fetchall()


def valid(insp):  # type: ignore[no-untyped-def]
    return dataclasses.replace(
        insp, discharging="no", inspectors=("张伟", "李娜"), no_position_reason="接收机故障"
    )


@pytest.fixture
def conn(profile_path):  # type: ignore[no-untyped-def]
    c = database.open_profile(profile_path)
    c.execute("DELETE FROM change_log")
    c.commit()
    yield c
    c.close()


def test_each_written_row_is_one_change_and_an_unchanged_save_writes_nothing(conn) -> None:
    draft = new_draft(NANTONG.id, "张伟", "320612")
    saved = inspections.save_draft(conn, draft)
    assert changes(conn) == [("inspections", draft.id, "upsert")]
    inspections.save_draft(conn, saved)
    assert len(changes(conn)) == 1
    inspections.save_draft(conn, dataclasses.replace(saved, notes="东侧有异味"))
    assert len(changes(conn)) == 2
    photo = InspectionPhoto("p1", draft.id, SHA, "a.jpg", added_at="2024-01-01T00:00:00Z")
    inspections.add_photo(conn, photo)
    again, new = inspections.add_photo(conn, dataclasses.replace(photo, id="p2"))
    assert (again.id, new) == ("p1", False)  # the same photo twice is kept once
    inspections.update_photo(conn, "p1", "排口全景", None)
    assert [c[0] for c in changes(conn)[2:]] == ["inspection_photos"] * 2
    data = conn.execute("SELECT data FROM change_log ORDER BY seq LIMIT 1").fetchone()[0]
    assert '"status":"draft"' in data and '"author":"张伟"' in data and '"county_code"' in data


def test_complete_freezes_and_the_trigger_backs_it_up(conn) -> None:
    draft = inspections.save_draft(conn, valid(new_draft(NANTONG.id, "张伟", "320612")))
    done = inspections.complete(conn, draft, RULES)
    assert inspections.get(conn, draft.id).status == "complete"
    with pytest.raises(RecordFrozen):
        inspections.save_draft(conn, dataclasses.replace(done, status="draft", notes="改"))
    with pytest.raises(RecordFrozen):
        inspections.add_photo(conn, InspectionPhoto("p", draft.id, SHA, added_at="x"))
    with pytest.raises(sqlite3.IntegrityError, match="inspection_frozen"):
        conn.execute("UPDATE inspections SET kind = 'formal' WHERE id = ?", (draft.id,))
    conn.rollback()
    with pytest.raises(sqlite3.IntegrityError, match="inspection_frozen"):
        conn.execute("DELETE FROM inspections WHERE id = ?", (draft.id,))
    conn.rollback()
    # A supervisor's return comes from the server and passes (not captured again).
    before = len(changes(conn))
    with applying_incoming(conn):
        conn.execute("UPDATE inspections SET status = 'draft' WHERE id = ?", (draft.id,))
    assert len(changes(conn)) == before


def test_completion_lists_every_problem_in_both_languages() -> None:
    insp = dataclasses.replace(
        new_draft("o", "张伟", "320612", kind="formal"),
        discharging="yes",
        quick_tests=(QuickTest("ph", 12.5), QuickTest("cod", -3.0)),
        problems=(ProblemFound("hidden_pipe", ""),),
        remediation=dataclasses.replace(
            new_draft("o", "", "").remediation, finding="still_flowing"
        ),
    )
    problems = problems_for_completion(insp, [], RULES)
    codes = {(p.field, p.code) for p in problems}
    assert ("inspectors", "too_few") in codes
    assert ("quick_tests.ph", "confirm") in codes
    assert ("quick_tests.cod", "impossible") in codes
    assert ("problems.hidden_pipe", "note_required") in codes
    assert ("problems.hidden_pipe", "photo_required") in codes
    assert ("remediation", "problem_missing") in codes
    assert ("position", "required") in codes
    assert ("appearance.colour", "required") in codes and ("flow.method", "required") in codes
    assert all(p.zh and p.en and p.zh != p.en for p in problems)

    fixed = dataclasses.replace(
        insp,
        inspectors=("张伟", "李娜"),
        discharging="no",
        quick_tests=(QuickTest("ph", 12.5, confirmed=True),),
        problems=(ProblemFound("hidden_pipe", "河岸下发现暗管"),),
        remediation=dataclasses.replace(insp.remediation, finding=None),
        position=PositionRecord(32.08, 121.05, 3.0, "gnss", 5),
    )
    photo = InspectionPhoto("p", insp.id, SHA, problem_code="hidden_pipe")
    assert problems_for_completion(fixed, [photo], RULES) == []


def test_nearest_is_sorted_by_distance_and_a_new_outfall_gets_a_provisional_code(conn) -> None:
    near = nearby.nearest(conn, 32.0835, 121.05, limit=3)
    assert [n.distance_m for n in near] == sorted(n.distance_m for n in near)
    assert near[0].id.endswith("3") and len(near) == 3
    draft = Outfall(
        id=OutfallId(""),
        name="通州区金沙街道新华村北侧新发现排口",
        county_code="320612",
        town="金沙街道",
        water_body="通吕运河",
        lat=32.09,
        lon=121.06,
        position_source="gnss",
    )
    created = nearby.create_provisional(conn, reference_data.load(), draft, "张伟")
    assert created.provisional_code.startswith("LS320612-")
    assert created.national_code is None and created.local_code is None
    with pytest.raises(InvalidRecord):
        nearby.create_provisional(
            conn, reference_data.load(), dataclasses.replace(draft, town=""), "张伟"
        )
