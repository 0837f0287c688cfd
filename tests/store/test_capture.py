"""Change capture: every write path leaves exactly one change per written row, and nothing else."""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.domain.outfall import LifecycleEvent, new_id
from fieldapp.domain.problems import InvalidRecord
from fieldapp.store import capture, database, outfalls

UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
PARTY = "通州恒盛化工有限公司"


def entities(rows) -> list[tuple[str, str, str]]:
    return [(entity, row_id, op) for _, _, entity, row_id, op in rows]


def test_create_leaves_one_outfall_and_one_event_change(profile, ref, make_outfall, changes):
    o = outfalls.create(profile, make_outfall(), ref, "张伟")
    (event,) = outfalls.history(profile, o.id).events
    assert entities(changes(profile)) == [
        ("outfalls", o.id, "upsert"),
        ("outfall_events", event.id, "upsert"),
    ]
    data = json.loads(
        profile.execute("SELECT data FROM change_log WHERE entity = 'outfalls'").fetchone()[0]
    )
    assert data["id"] == o.id and data["name"] == o.name
    assert data["discharging_units"] == ["通州恒盛化工有限公司"]  # JSON, not JSON text
    assert data["lifecycle_state"] == "surveyed"
    assert (event.action, event.from_state, event.to_state, event.actor) == (
        "create",
        None,
        "surveyed",
        "张伟",
    )


def test_update_leaves_one_outfall_change_and_one_edit_per_changed_field(
    profile, ref, make_outfall, changes
):
    o = outfalls.create(profile, make_outfall(), ref, "张伟")
    before = len(changes(profile))
    edited = dataclasses.replace(
        o, water_body="通启运河", responsible_party=PARTY, discharging_units=()
    )
    saved = outfalls.update(profile, edited, ref, "王芳", expected_updated_at=o.updated_at)
    edits = outfalls.history(profile, o.id).edits
    assert {(e.field, e.old_value, e.new_value, e.actor) for e in edits} == {
        ("water_body", "通吕运河", "通启运河", "王芳"),
        ("responsible_party", "", PARTY, "王芳"),
        ("discharging_units", '["通州恒盛化工有限公司"]', "[]", "王芳"),
    }
    assert len({e.at for e in edits}) == 1 and edits[0].at == saved.updated_at
    new = changes(profile)[before:]
    assert sorted(entities(new)) == sorted(
        [("outfalls", o.id, "upsert")] + [("outfall_edits", e.id, "upsert") for e in edits]
    )
    assert outfalls.get(profile, o.id) == saved
    assert saved.updated_by == "王芳" and saved.created_at == o.created_at


def test_a_no_op_update_leaves_no_change(profile, ref, make_outfall, changes):
    o = outfalls.create(profile, make_outfall(), ref, "张伟")
    before = changes(profile)
    # Bookkeeping fields are not edits.
    same = dataclasses.replace(o, updated_by="someone else", lifecycle_state="closed")
    assert outfalls.update(profile, same, ref, "王芳") == o
    assert changes(profile) == before
    assert outfalls.get(profile, o.id) == o
    assert outfalls.history(profile, o.id).edits == ()


def test_transition_leaves_one_outfall_and_one_event_change(profile, ref, make_outfall, changes):
    o = outfalls.create(profile, make_outfall(), ref, "张伟")
    before = len(changes(profile))
    moved = outfalls.transition(profile, o.id, "monitor", ref, "李娜")
    event = outfalls.history(profile, o.id).events[-1]
    assert entities(changes(profile)[before:]) == [
        ("outfalls", o.id, "upsert"),
        ("outfall_events", event.id, "upsert"),
    ]
    assert moved.lifecycle_state == "monitored"
    assert outfalls.get(profile, o.id).lifecycle_state == "monitored"
    assert (event.action, event.from_state, event.to_state, event.actor) == (
        "monitor",
        "surveyed",
        "monitored",
        "李娜",
    )


def test_delete_leaves_one_delete_change_and_a_tombstone(profile, ref, make_outfall, changes):
    o = outfalls.create(profile, make_outfall(), ref, "张伟")
    before = len(changes(profile))
    assert outfalls.delete(profile, o.id) is True
    assert entities(changes(profile)[before:]) == [("outfalls", o.id, "delete")]
    assert outfalls.get(profile, o.id) is None
    assert profile.execute("SELECT entity, row_id FROM tombstones").fetchall() == [
        ("outfalls", o.id)
    ]
    # Deleting what is not there changes nothing.
    assert outfalls.delete(profile, o.id) is False
    assert len(changes(profile)) == before + 1


def test_refused_writes_leave_no_change_and_save_nothing(profile, ref, make_outfall, changes):
    with pytest.raises(InvalidRecord) as info:
        outfalls.create(profile, make_outfall(name="", county_code="999999"), ref, "张伟")
    assert {p.field for p in info.value.problems} == {"name", "county_code"}
    assert outfalls.count(profile) == 0 and changes(profile) == []

    o = outfalls.create(profile, make_outfall(), ref, "张伟")
    before = changes(profile)
    with pytest.raises(InvalidRecord):
        outfalls.update(profile, dataclasses.replace(o, town="", lat=10.0), ref, "王芳")
    with pytest.raises(InvalidRecord):  # a code another outfall already carries
        outfalls.create(profile, make_outfall(local_code=o.local_code), ref, "张伟")
    outfalls.transition(profile, o.id, "monitor", ref, "李娜")  # succeeds: two changes
    with pytest.raises(InvalidRecord):  # the party is not known yet
        outfalls.transition(profile, o.id, "trace", ref, "李娜")
    with pytest.raises(InvalidRecord):
        outfalls.transition(profile, o.id, "close", ref, "李娜")
    with pytest.raises(InvalidRecord):  # merging into an outfall that is not in the ledger
        outfalls.update(
            profile,
            dataclasses.replace(o, remediation_route="merge", merge_into_id=new_id()),
            ref,
            "王芳",
        )
    after = changes(profile)
    assert len(after) == len(before) + 2  # only the one successful 'monitor'
    assert outfalls.get(profile, o.id).town == "金沙街道"
    assert outfalls.count(profile) == 1


def test_writes_while_applying_incoming_are_not_captured(profile, ref, make_outfall, changes):
    o = make_outfall()
    event = LifecycleEvent(new_id(), o.id, "create", None, "surveyed", "2024-01-01T00:00:00Z", "x")
    assert outfalls.bulk_load_incoming(profile, [(o, [event])]) == 1
    with capture.applying_incoming(profile):
        profile.execute("UPDATE outfalls SET town = '石港镇' WHERE id = ?", (o.id,))
    assert changes(profile) == []
    assert outfalls.get(profile, o.id).town == "石港镇"
    assert profile.execute("SELECT suppressed FROM capture_control").fetchone() == (0,)
    # And capture is on again afterwards.
    outfalls.transition(profile, o.id, "monitor", ref, "李娜")
    assert [e for _, _, e, _, _ in changes(profile)] == ["outfalls", "outfall_events"]


def test_an_exception_while_applying_incoming_rolls_back_and_leaves_capture_on(
    profile, ref, make_outfall, changes
):
    o = make_outfall()
    with pytest.raises(RuntimeError, match="boom"), capture.applying_incoming(profile):
        outfalls._insert_row(profile, o)
        raise RuntimeError("boom")
    assert outfalls.get(profile, o.id) is None
    assert not profile.in_transaction
    assert profile.execute("SELECT suppressed FROM capture_control").fetchone() == (0,)
    outfalls.create(profile, o, ref, "张伟")
    assert len(changes(profile)) == 2


def test_applying_incoming_refuses_to_join_an_open_transaction(profile):
    profile.execute("BEGIN")
    try:
        with pytest.raises(RuntimeError), capture.applying_incoming(profile):
            pass
    finally:
        profile.execute("ROLLBACK")


def test_change_ids_are_unique_uuids_and_seq_grows(profile, ref, make_outfall, changes):
    for _ in range(20):
        o = outfalls.create(profile, make_outfall(), ref, "张伟")
        outfalls.update(profile, dataclasses.replace(o, village="友谊村"), ref, "王芳")
        outfalls.transition(profile, o.id, "monitor", ref, "李娜")
    rows = changes(profile)
    assert len(rows) == 20 * 6
    seqs = [r[0] for r in rows]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    ids = [r[1] for r in rows]
    assert len(set(ids)) == len(ids)
    assert all(UUID4.match(i) for i in ids), [i for i in ids if not UUID4.match(i)][:3]


def test_seq_never_goes_back_after_deletes(profile, ref, make_outfall):
    outfalls.create(profile, make_outfall(), ref, "张伟")
    top = profile.execute("SELECT max(seq) FROM change_log").fetchone()[0]
    with database.transaction(profile):
        profile.execute("DELETE FROM change_log")  # as the sync module will after a push
    outfalls.create(profile, make_outfall(), ref, "张伟")
    assert profile.execute("SELECT min(seq) FROM change_log").fetchone()[0] > top


# -- any sequence of writes ------------------------------------------------------------------------

OPS = st.lists(
    st.tuples(
        st.sampled_from(["create", "bad_create", "update", "noop", "bad_update", "move", "delete"]),
        st.integers(0, 10),
        st.sampled_from(["monitor", "trace", "send_back", "close"]),
    ),
    min_size=1,
    max_size=25,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(ops=OPS)
def test_any_sequence_of_writes_leaves_one_change_per_row_written(ref, make_outfall, ops):
    with tempfile.TemporaryDirectory() as tmp:
        conn = database.open_profile(Path(tmp) / "p.sqlite")
        try:
            _run_ops(conn, ref, make_outfall, ops)
        finally:
            conn.close()


def _run_ops(conn: sqlite3.Connection, ref, make_outfall, ops) -> None:
    ids: list[str] = []
    expected = 0
    for op, pick, action in ops:
        before = conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
        target = ids[pick % len(ids)] if ids else new_id()
        if op == "create":
            ids.append(outfalls.create(conn, make_outfall(), ref, "张伟").id)
            expected += 2
        elif op == "bad_create":
            with pytest.raises(InvalidRecord):
                outfalls.create(conn, make_outfall(water_body=""), ref, "张伟")
        elif op in ("update", "noop", "bad_update"):
            current = outfalls.get(conn, target)
            if current is None:
                continue
            if op == "update":
                edited = dataclasses.replace(
                    current, note=current.note + "改", responsible_party=f"单位{pick}"
                )
                n_fields = 1 + (current.responsible_party != f"单位{pick}")
                outfalls.update(conn, edited, ref, "王芳")
                expected += 1 + n_fields
            elif op == "noop":
                outfalls.update(conn, current, ref, "王芳")
            else:
                with pytest.raises(InvalidRecord):
                    outfalls.update(conn, dataclasses.replace(current, lat=1.0), ref, "王芳")
        elif op == "move":
            try:
                outfalls.transition(conn, target, action, ref, "李娜", note="原因")
            except InvalidRecord:
                pass
            else:
                expected += 2
        elif op == "delete" and outfalls.delete(conn, target):
            ids.remove(target)
            expected += 1
        after = conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
        assert after >= before
    rows = conn.execute("SELECT entity, op, row_id FROM change_log").fetchall()
    assert len(rows) == expected
    # Every captured upsert names a row that exists, unless it was deleted afterwards.
    tombstoned = {r for (r,) in conn.execute("SELECT row_id FROM tombstones")}
    for entity, op, row_id in rows:
        if op == "upsert":
            exists = conn.execute(f"SELECT 1 FROM {entity} WHERE id = ?", (row_id,)).fetchone()
            assert exists or row_id in tombstoned
    assert database.integrity_ok(conn)
