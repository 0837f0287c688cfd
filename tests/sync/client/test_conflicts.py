"""What an answer does to a row (sync.client.state.conflicts): the field-level merge and the
rules per answer, on examples and over random rows."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sync.client.state.conflicts import merge, resolve
from sync.protocol import ChangeResult

FIELDS = st.sampled_from(["note", "colour", "flow", "status"])
VALUES = st.one_of(st.none(), st.integers(0, 3), st.sampled_from(["清", "浑", "黑"]))
ROWS = st.dictionaries(FIELDS, VALUES, max_size=4)


def test_a_field_only_we_changed_keeps_ours_and_every_other_field_takes_the_servers() -> None:
    base = {"note": "a", "colour": "清", "flow": 1}
    ours = {"note": "mine", "colour": "清", "flow": 2}
    theirs = {"note": "a", "colour": "浑", "flow": 3}
    assert merge(base, ours, theirs) == {"note": "mine", "colour": "浑", "flow": 3}


def test_a_delete_against_an_edit_keeps_the_later_writer() -> None:
    assert merge({"note": "a"}, None, {"note": "b"}) == {"note": "b"}  # their later edit
    assert merge({"note": "a"}, {"note": "mine"}, None) is None  # their later delete


def test_without_a_common_base_our_fields_win_over_the_servers() -> None:
    assert merge(None, {"note": "mine"}, {"note": "b", "flow": 1}) == {"note": "mine", "flow": 1}


@settings(max_examples=300)
@given(ROWS, ROWS, ROWS)
def test_merge_field_by_field(
    base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]
) -> None:
    merged = merge(base, ours, theirs)
    for field in set(ours) | set(theirs):
        we_changed = field in ours and (field not in base or base[field] != ours[field])
        they_changed = field not in base or base[field] != theirs.get(field)
        if we_changed and (field not in base or not they_changed):
            assert merged[field] == ours[field]
        elif field in theirs:
            assert merged[field] == theirs[field]  # theirs is the later writer
        else:
            assert field not in merged


@given(ROWS, ROWS, ROWS)
def test_merge_laws(base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]) -> None:
    assert merge(base, base, theirs) == theirs  # nothing of ours changed: the server's row
    assert merge(base, ours, base) == {**base, **ours}  # the server changed nothing: ours
    once = merge(base, ours, theirs)
    assert merge(base, ours, once) == once  # merging again changes nothing


def answer(fields: dict[str, Any]) -> ChangeResult:
    """One change's answer as the engine reads it off the wire."""
    return ChangeResult.model_validate(fields)


CHANGE = {"change_id": "c1", "entity": "inspections", "row_id": "i1",
          "data": {"note": "mine"}, "hlc": "0001796198400250:00000:dev"}  # fmt: skip


def test_an_applied_change_is_what_the_server_holds_and_settles_its_refusals() -> None:
    for kind in ("applied", "duplicate"):
        done = resolve(
            CHANGE, answer({"change_id": "c1", "result": kind}), True, {"note": "old"}, False
        )
        assert (done.remember, done.remembered, done.remembered_hlc) == (
            True,
            {"note": "mine"},
            CHANGE["hlc"],
        )
        assert done.accepted and done.issue is None and not done.write and not done.requeue


@pytest.mark.parametrize(
    ("kind", "field", "resolution"),
    [("proposed", "proposal_id", "awaiting_review"), ("rejected", "reason", "kept_server")],
)
def test_a_proposal_or_refusal_returns_the_row_to_the_servers_but_never_wipes_field_data(
    kind: str, field: str, resolution: str
) -> None:
    why = "not_owner" if field == "reason" else "p-17"
    result = answer({"change_id": "c1", "result": kind, field: why})
    done = resolve(CHANGE, result, True, {"note": "server"}, False)
    assert done.issue is not None
    assert (done.issue.kind, done.issue.reason, done.issue.resolution) == (kind, why, resolution)
    assert done.issue.server_data == {"note": "server"}
    assert done.write and done.local == {"note": "server"} and not done.requeue
    never_held = resolve(CHANGE, result, False, None, False)
    assert never_held.issue is not None and not never_held.write  # the row stays here


def test_a_conflict_sends_the_merge_as_a_new_change() -> None:
    result = answer(
        {"change_id": "c1", "result": "conflict", "server_row": {"note": "old", "flow": 2}}
    )
    done = resolve(CHANGE, result, True, {"note": "old", "flow": 1}, False)
    assert done.remember and done.remembered == {"note": "old", "flow": 2}
    assert done.issue is not None and done.issue.resolution == "merged"
    assert done.write and done.requeue and done.local == {"note": "mine", "flow": 2}


def test_a_conflict_the_server_wins_whole_is_kept_without_sending_again() -> None:
    result = answer({"change_id": "c1", "result": "conflict", "server_row": {"note": "x"}})
    done = resolve(CHANGE, result, True, {"note": "mine"}, False)
    assert done.issue is not None and done.issue.resolution == "kept_server"
    assert done.write and done.local == {"note": "x"} and not done.requeue


KINDS = st.sampled_from(["applied", "duplicate", "proposed", "rejected", "conflict"])


@settings(max_examples=300)
@given(
    KINDS,
    ROWS,
    st.one_of(st.none(), ROWS),
    st.booleans(),
    st.one_of(st.none(), ROWS),
    st.booleans(),
)
def test_an_answer_never_overwrites_a_newer_local_change(
    kind: str,
    ours: dict[str, Any],
    server_data: dict[str, Any] | None,
    known: bool,
    theirs: dict[str, Any] | None,
    newer_local: bool,
) -> None:
    change = {**CHANGE, "data": ours}
    result = answer({"change_id": "c1", "result": kind, "server_row": theirs})
    done = resolve(change, result, known, server_data, newer_local)
    if newer_local:
        assert not done.write and not done.requeue
    if done.requeue:
        assert done.write and done.local == merge(server_data if known else None, ours, theirs)
        assert done.local != theirs
    if kind in ("proposed", "rejected", "conflict"):
        assert done.issue is not None and done.issue.kind == kind
    if kind == "conflict":
        assert done.remember and done.remembered == theirs
    if done.write and kind in ("proposed", "rejected"):
        assert known and done.local == server_data
