"""The laptop's case history read from a real profile: inspections with photos, reviews, lifecycle
steps, tasks and patrol problems of one outfall, newest first; another outfall's stay out."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from fieldapp.domain import inspection as model
from fieldapp.domain.outfall import Outfall
from fieldapp.domain.reference import Reference
from fieldapp.store import inspections, outfall_history, outfalls
from sync.history import Kind

SHA = "ab" * 32


def test_history_of_one_outfall(
    profile: sqlite3.Connection, ref: Reference, make_outfall: Callable[..., Outfall]
) -> None:
    o = outfalls.create(profile, make_outfall(), ref, "张伟")
    other = outfalls.create(profile, make_outfall(), ref, "李娜")
    outfalls.transition(profile, o.id, "monitor", ref, "王芳", note="水质已测")
    draft = inspections.save_draft(
        profile, model.new_draft(o.id, "张伟", o.county_code, at="2030-01-02T08:00:00Z")
    )
    inspections.add_photo(profile, model.InspectionPhoto("ph1", draft.id, SHA, added_at="x"))
    inspections.save_draft(profile, model.new_draft(other.id, "李娜", other.county_code))
    with profile:
        profile.execute(
            "INSERT INTO sync_reviews (id, record_entity, record_id, state, comment, reviewer,"
            " at, data) VALUES ('r1', 'inspections', ?, 'returned', '照片模糊', '赵主任',"
            " '2030-01-03T00:00:00Z', '{}')",
            (draft.id,),
        )
        profile.execute(
            "INSERT INTO sync_tasks (id, data) VALUES ('t1', ?), ('t2', ?)",
            (
                json.dumps({"outfall_ids": [o.id], "state": "open", "kind": "inspect",
                            "created_at": "2030-01-01T00:00:00Z", "created_by": "赵主任"}),
                json.dumps({"outfall_id": other.id, "state": "open"}),
            ),
        )  # fmt: skip
        profile.execute(
            "INSERT INTO patrols (id, author, county_code, chief_level, started_at, created_at,"
            " updated_at) VALUES ('pt', '河长甲', ?, 'town', 'a', 'a', 'a')",
            (o.county_code,),
        )
        profile.execute(
            "INSERT INTO patrol_problems (id, patrol_id, county_code, at, note, outfall_id)"
            " VALUES ('pp', 'pt', ?, '2030-01-04T00:00:00Z', '岸边垃圾', ?)",
            (o.county_code, o.id),
        )
        profile.execute(
            "INSERT INTO patrol_photos (id, patrol_id, problem_id, sha256, added_at)"
            " VALUES ('pf', 'pt', 'pp', ?, 'x')",
            (SHA,),
        )

    got = outfall_history.history(profile, o.id)

    # the task (2030-01-01) is newer than the draft, saved now, after the two steps
    assert [e.kind for e in got] == [
        Kind.PATROL_PROBLEM, Kind.REVIEW, Kind.TASK, Kind.INSPECTION, Kind.STEP, Kind.STEP,
    ]  # fmt: skip
    by_kind = {e.kind: e for e in got}
    assert by_kind[Kind.INSPECTION].photos == (SHA,)
    assert by_kind[Kind.INSPECTION].who == "张伟"
    assert by_kind[Kind.REVIEW].state == "returned"
    assert by_kind[Kind.REVIEW].record_id == draft.id
    assert by_kind[Kind.PATROL_PROBLEM].who == "河长甲"
    assert by_kind[Kind.PATROL_PROBLEM].photos == (SHA,)
    steps = [e for e in got if e.kind == Kind.STEP]
    assert [s.state for s in steps] == ["monitored", "surveyed"]
    assert steps[0].who == "王芳" and steps[0].note == "水质已测"
    assert all(e.entry_id not in {"t2"} for e in got)
    assert {e.kind for e in outfall_history.history(profile, other.id)} == {
        Kind.INSPECTION, Kind.STEP, Kind.TASK,
    }  # fmt: skip


def test_proposals_with_their_decisions_and_leads(
    profile: sqlite3.Connection, ref: Reference, make_outfall: Callable[..., Outfall]
) -> None:
    o = outfalls.create(profile, make_outfall(), ref, "张伟")
    with profile:
        profile.execute(
            "INSERT INTO sync_issues (at, kind, entity, row_id, change_id, reason, local_data,"
            " resolution) VALUES ('2030-02-01T00:00:00Z', 'proposed', 'outfalls', ?, 'c1',"
            " 'prop-1', '{}', 'pending'), ('2030-02-02T00:00:00Z', 'proposed', 'outfalls', ?,"
            " 'c2', 'prop-2', '{}', 'pending')",
            (o.id, o.id),
        )
        profile.execute(
            "INSERT INTO sync_reviews (id, record_entity, record_id, state, comment, reviewer,"
            " at, data) VALUES ('d1', 'outfalls', ?, 'rejected', '位置不符', '赵主任',"
            " '2030-02-03T00:00:00Z', ?)",
            (o.id, json.dumps({"proposal_id": "prop-1", "state": "rejected", "comment": "位置不符",
                               "reviewer": "赵主任", "at": "2030-02-03T00:00:00Z"})),
        )  # fmt: skip
        profile.execute(
            "INSERT INTO leads (id, county_code, name, lat, lon, state, outfall_id, data)"
            " VALUES ('lead-1', ?, '航测疑似排口7', 32.0, 120.9, 'confirmed', ?, ?)",
            (o.county_code, o.id, json.dumps({"updated_at": "2030-01-15T00:00:00Z"})),
        )

    got = outfall_history.history(profile, o.id)

    [decided, pending] = sorted(
        (e for e in got if e.kind == Kind.PROPOSAL), key=lambda e: e.entry_id
    )
    assert (decided.state, decided.who, decided.note) == ("rejected", "赵主任", "位置不符")
    assert decided.at == "2030-02-03T00:00:00Z"  # when it was decided
    assert (pending.state, pending.at) == ("pending", "2030-02-02T00:00:00Z")
    [lead] = [e for e in got if e.kind == Kind.LEAD]
    assert lead.state == "confirmed" and "航测疑似排口7" in lead.note
    assert [e.kind for e in got][:3] == [Kind.PROPOSAL, Kind.PROPOSAL, Kind.LEAD]
