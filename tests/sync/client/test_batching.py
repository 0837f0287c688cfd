"""Cutting the change log into a batch (sync.client.state.batching): pure rules, checked on
examples and over random logs."""

from __future__ import annotations

import dataclasses
import json
import uuid
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from sync.client.state.batching import LoggedChange, body, cut
from sync.client.state.clock import parse_hlc
from sync.client.state.records import RECORD_OF, photo_refs
from sync.protocol import PROTOCOL_VERSION, Change, PushRequest

AT = "2026-12-02T08:00:00.000Z"


def change(
    seq: int, entity: str, row_id: str, op: str = "upsert", data: Any = None
) -> LoggedChange:
    text = None if op == "delete" else json.dumps(data if data is not None else {"id": row_id})
    return LoggedChange(seq, f"c{seq}", entity, row_id, op, text, AT)


def nobody_holds(entity: str, row_id: str) -> bool:
    return False


def test_several_changes_of_a_row_go_as_its_last_state() -> None:
    log = [
        change(1, "inspections", "a", data={"id": "a", "note": "first"}),
        change(2, "inspections", "a", data={"id": "a", "note": "second"}),
    ]
    result = cut(log, nobody_holds, (0, 0), "dev")
    assert [(c["change_id"], c["data"]["note"]) for c in result.changes] == [("c2", "second")]


def test_a_row_made_and_deleted_here_is_not_sent_but_a_delete_of_a_server_row_is() -> None:
    log = [change(1, "inspections", "new"), change(2, "inspections", "new", "delete"),
           change(3, "inspections", "old", "delete")]  # fmt: skip
    result = cut(log, lambda e, r: r == "old", (0, 0), "dev")
    assert [(c["row_id"], c["op"]) for c in result.changes] == [("old", "delete")]


def test_parents_go_before_children_and_children_are_deleted_first() -> None:
    log = [
        change(1, "inspections", "i1"),
        change(2, "inspection_photos", "p1", data={"id": "p1", "inspection_id": "i1"}),
        change(3, "inspections", "i0", "delete"),
        change(4, "inspection_photos", "p0", "delete"),
    ]
    result = cut(log, lambda e, r: True, (0, 0), "dev")
    assert [c["row_id"] for c in result.changes] == ["i1", "p1", "p0", "i0"]


def test_the_photos_a_batch_refers_to_are_listed() -> None:
    log = [change(1, "inspection_photos", "p", data={"id": "p", "sha256": "ab" * 32}),
           change(2, "patrols", "t", data={"id": "t", "photos": ["cd" * 32]})]  # fmt: skip
    assert cut(log, nobody_holds, (0, 0), "dev").refs == ("ab" * 32, "cd" * 32)


def test_stamps_are_later_than_the_clock_even_when_the_device_clock_is_behind() -> None:
    ahead = (4_000_000_000_000, 7)  # a server stamp seen from far in the future
    result = cut([change(1, "patrols", "t")], nobody_holds, ahead, "dev")
    assert result.changes[0]["hlc"] == "4000000000000:00008:dev"
    assert result.clock == (4_000_000_000_000, 8)


def test_the_body_is_the_exact_bytes_a_retry_sends_again() -> None:
    row, batch = str(uuid.uuid4()), str(uuid.uuid4())
    logged = change(1, "patrols", row, data={"id": row, "river": "通吕运河", "x": 5e-324})
    logged = dataclasses.replace(logged, change_id=str(uuid.uuid4()))
    changes = cut([logged], nobody_holds, (0, 0), "dev").changes
    text = body(batch, changes)
    assert text == body(batch, changes)
    assert "通吕运河" in text  # not escaped: what is hashed and stored is what is sent
    sent = PushRequest.model_validate_json(text)  # what the server reads
    assert str(sent.batch_id) == batch and sent.protocol_version == PROTOCOL_VERSION
    assert [c.model_dump(mode="json") for c in sent.changes] == [
        Change.model_validate(c).model_dump(mode="json") for c in changes
    ]
    assert json.loads(text)["changes"][0]["data"] == changes[0]["data"]  # exact floats too


def test_a_change_the_protocol_cannot_carry_is_refused_before_it_is_stored() -> None:
    row = str(uuid.uuid4())
    logged = change(1, "patrols", row, data={"id": row, "note": "a\x00b"})
    logged = dataclasses.replace(logged, change_id=str(uuid.uuid4()))
    changes = cut([logged], nobody_holds, (0, 0), "dev").changes
    with pytest.raises(ValidationError):
        body(str(uuid.uuid4()), changes)


ENTITIES = ["inspections", "inspection_photos", "patrols", "patrol_tracks", "outfalls"]


@st.composite
def logs(draw: st.DrawFn) -> tuple[list[LoggedChange], set[tuple[str, str]]]:
    rows = draw(st.lists(st.tuples(st.sampled_from(ENTITIES), st.sampled_from("abcd")),
                         min_size=1, max_size=30))  # fmt: skip
    log = []
    for seq, (entity, row_id) in enumerate(rows, start=1):
        op = draw(st.sampled_from(["upsert", "upsert", "delete"]))
        sha = draw(st.sampled_from([None, "11" * 32, "22" * 32]))
        data = {"id": row_id, "n": seq} | ({"sha256": sha} if sha else {})
        at = f"2026-12-02T08:00:{draw(st.integers(0, 59)):02d}.000Z"
        text = None if op == "delete" else json.dumps(data)
        log.append(LoggedChange(seq, f"c{seq}", entity, row_id, op, text, at))
    held = draw(st.sets(st.tuples(st.sampled_from(ENTITIES), st.sampled_from("abcd"))))
    return log, held


@settings(max_examples=300)
@given(logs(), st.tuples(st.integers(0, 2 * 10**12), st.integers(0, 10)))
def test_a_cut_sends_each_row_once_in_its_last_state_in_a_safe_order(
    case: tuple[list[LoggedChange], set[tuple[str, str]]], clock: tuple[int, int]
) -> None:
    log, held = case
    result = cut(log, lambda e, r: (e, r) in held, clock, "dev")
    last = {(c.entity, c.row_id): c for c in log}
    first = {}
    for c in log:
        first.setdefault((c.entity, c.row_id), c.seq)
    sent = [(c["entity"], c["row_id"]) for c in result.changes]
    assert len(sent) == len(set(sent))
    expected = {k for k, c in last.items() if c.op == "upsert" or k in held}
    assert set(sent) == expected
    for c in result.changes:
        assert c["change_id"] == last[(c["entity"], c["row_id"])].change_id
    ops = [c["op"] for c in result.changes]
    assert ops == sorted(ops, key=lambda op: op == "delete")  # upserts, then deletes
    upserts = [k for k, c in zip(sent, result.changes, strict=True) if c["op"] == "upsert"]
    assert [first[k] for k in upserts] == sorted(first[k] for k in upserts)
    deletes = [k for k, c in zip(sent, result.changes, strict=True) if c["op"] == "delete"]
    children = [k[0] in RECORD_OF for k in deletes]
    assert children == sorted(children, reverse=True)  # children deleted before records
    stamps = [parse_hlc(c["hlc"]) for c in result.changes]
    assert all(s > clock for s in stamps)
    assert stamps == sorted(set(stamps))  # strictly increasing in sending order
    assert result.clock == (stamps[-1] if stamps else clock)
    assert set(result.refs) == set().union(*(photo_refs(c["data"]) for c in result.changes))
