"""The lifecycle state machine: the whole path, send-back, re-test, route-bound steps, refusals."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.domain.lifecycle import apply_transition, available_actions, previous_state
from fieldapp.domain.outfall import LifecycleEvent, Outfall
from fieldapp.domain.problems import InvalidRecord
from fieldapp.domain.reference import Reference, Transition
from fieldapp.domain.validation import validate

PARTY = "掘港街道新华村村民委员会"
MERGE_TARGET = "9c1e4a5b-7d2f-4c3e-9a8b-1f2e3d4c5b6a"
NOTE = "监测数据超标"


def stamp(i: int) -> str:
    return f"2024-05-{1 + i // 24:02d}T{i % 24:02d}:00:00.000Z"


def walk(
    o: Outfall, actions: Sequence[str], ref: Reference, history: list[LifecycleEvent] | None = None
) -> tuple[Outfall, list[LifecycleEvent]]:
    """Takes each action in turn (with a note), returning the outfall and its whole history."""
    history = list(history or [])
    for action in actions:
        o, event = apply_transition(o, action, ref, history, "张伟", stamp(len(history)), NOTE)
        history.append(event)
    return o, history


def refusal(o: Outfall, action: str, ref: Reference, history=(), actor="张伟", note=NOTE):
    with pytest.raises(InvalidRecord) as info:
        apply_transition(o, action, ref, list(history), actor, stamp(99), note)
    return {(p.field, p.code) for p in info.value.problems}, info.value.problems


@pytest.fixture
def ready(make_outfall) -> Outfall:
    """A surveyed outfall with what every step asks for (party known, route chosen)."""
    return make_outfall(responsible_party=PARTY, remediation_route="standardise")


MAIN_PATH = ["monitor", "trace", "start_remediation", "accept", "pre_close", "close"]


@pytest.mark.parametrize(
    ("route", "last", "end"),
    [
        ("standardise", "to_routine", "routine"),
        ("ban", "retire", "retired"),
        ("merge", "retire", "retired"),
    ],
)
def test_the_whole_path(ref, ready, route, last, end):
    o = dataclasses.replace(
        ready, remediation_route=route, merge_into_id=MERGE_TARGET if route == "merge" else None
    )
    o, history = walk(o, [*MAIN_PATH, last], ref)
    assert o.lifecycle_state == end
    assert [e.to_state for e in history] == [
        "monitored",
        "traced",
        "remediating",
        "accepted",
        "pre_closed",
        "closed",
        end,
    ]
    assert [e.from_state for e in history] == ["surveyed", *(e.to_state for e in history[:-1])]
    assert [e.action for e in history] == [*MAIN_PATH, last]
    for i, e in enumerate(history):
        assert (e.actor, e.at, e.outfall_id, e.note) == ("张伟", stamp(i), o.id, NOTE)
    assert len({e.id for e in history}) == len(history)
    assert o.updated_at == history[-1].at and o.updated_by == "张伟"
    assert available_actions(o, ref) == []
    assert (end in ref.inactive_states) == (end == "retired")
    assert validate(o, ref) == []


def test_each_step_leaves_a_valid_outfall(ref, ready):
    o, history = ready, []
    for action in [*MAIN_PATH, "to_routine"]:
        o, history = walk(o, [action], ref, history)
        assert validate(o, ref) == [], o.lifecycle_state


def test_routes_restrict_the_last_step(ref, ready):
    closed, history = walk(ready, MAIN_PATH, ref)
    problems, _ = refusal(closed, "retire", ref, history)
    assert problems == {("remediation_route", "route_mismatch")}
    banned = dataclasses.replace(closed, remediation_route="ban")
    problems, _ = refusal(banned, "to_routine", ref, history)
    assert problems == {("remediation_route", "route_mismatch")}
    no_route = dataclasses.replace(closed, remediation_route=None)
    assert available_actions(no_route, ref) == []
    assert [t.action for t in available_actions(closed, ref)] == ["to_routine"]
    assert [t.action for t in available_actions(banned, ref)] == ["retire"]


def test_send_back_returns_to_the_previous_state(ref, ready):
    traced, history = walk(ready, ["monitor", "trace"], ref)
    back, history = walk(traced, ["send_back"], ref, history)
    assert back.lifecycle_state == "monitored"
    assert (history[-1].action, history[-1].from_state, history[-1].to_state) == (
        "send_back",
        "traced",
        "monitored",
    )
    assert history[-1].note == NOTE
    further, history = walk(back, ["send_back"], ref, history)
    assert further.lifecycle_state == "surveyed"
    # Nothing comes before the survey.
    problems, _ = refusal(further, "send_back", ref, history)
    assert ("lifecycle_state", "not_allowed") in problems
    again, history = walk(
        further, ["monitor", "trace", "start_remediation", "send_back"], ref, history
    )
    assert again.lifecycle_state == "traced"


def test_send_back_from_pre_closed_returns_to_accepted(ref, ready):
    pre_closed, history = walk(ready, MAIN_PATH[:5], ref)
    back, _ = walk(pre_closed, ["send_back"], ref, history)
    assert back.lifecycle_state == "accepted"


def test_send_back_needs_a_known_previous_state(ref, ready):
    # An imported outfall may arrive mid-way with no history behind it.
    o = dataclasses.replace(ready, lifecycle_state="remediating")
    problems, _ = refusal(o, "send_back", ref, [])
    assert problems == {("lifecycle_state", "no_previous")}
    assert previous_state(o, []) is None


def test_retest_then_pass(ref, ready):
    accepted, history = walk(ready, MAIN_PATH[:4], ref)
    retest, history = walk(accepted, ["request_retest"], ref, history)
    assert retest.lifecycle_state == "retest"
    assert {t.action for t in available_actions(retest, ref)} == {
        "retest_passed",
        "send_back",
        "reopen_remediation",
    }
    passed, history = walk(
        retest, ["retest_passed", "pre_close", "close", "to_routine"], ref, history
    )
    assert passed.lifecycle_state == "routine"


def test_retest_failed_goes_back_to_remediation(ref, ready):
    retest, history = walk(ready, [*MAIN_PATH[:4], "request_retest"], ref)
    again, history = walk(retest, ["reopen_remediation", "accept"], ref, history)
    assert again.lifecycle_state == "accepted"
    pre_closed, history = walk(again, ["pre_close", "reopen_remediation"], ref, history)
    assert pre_closed.lifecycle_state == "remediating"


@pytest.mark.parametrize(
    ("path", "action"),
    [
        (MAIN_PATH[:4], "request_retest"),
        (MAIN_PATH[:2], "send_back"),
        ([*MAIN_PATH[:4], "request_retest"], "reopen_remediation"),
    ],
)
@pytest.mark.parametrize("note", ["", "   \n"])
def test_a_note_is_required_for_some_steps(ref, ready, path, action, note):
    o, history = walk(ready, path, ref)
    problems, found = refusal(o, action, ref, history, note=note)
    assert problems == {("note", "required")}
    assert all(p.zh and p.en for p in found)


def test_a_step_needs_what_it_requires(ref, make_outfall):
    bare = make_outfall(responsible_party=None, remediation_route=None)
    monitored, history = walk(bare, ["monitor"], ref)
    problems, _ = refusal(monitored, "trace", ref, history)
    assert problems == {("responsible_party", "required_for_transition")}
    traced, history = walk(
        dataclasses.replace(monitored, responsible_party=PARTY), ["trace"], ref, history
    )
    problems, _ = refusal(traced, "start_remediation", ref, history)
    assert problems == {("remediation_route", "required_for_transition")}


def test_an_illegal_move_is_refused_with_the_reason(ref, ready):
    problems, found = refusal(ready, "close", ref)
    assert problems == {("lifecycle_state", "not_allowed")}
    (p,) = found
    assert "已排查" in p.zh and "市级销号" in p.zh
    assert "Surveyed" in p.en and "Close (city)" in p.en
    # Every problem is reported at once.
    problems, _ = refusal(ready, "close", ref, actor=" ")
    assert problems == {("lifecycle_state", "not_allowed"), ("", "no_actor")}


def test_an_unknown_action_is_refused(ref, ready):
    problems, _ = refusal(ready, "teleport", ref)
    assert problems == {("", "unknown_action")}


def test_nobody_may_move_an_outfall_anonymously(ref, ready):
    problems, _ = refusal(ready, "monitor", ref, actor="")
    assert problems == {("", "no_actor")}


def test_a_refused_move_leaves_the_outfall_as_it_was(ref, ready):
    before = dataclasses.replace(ready)
    refusal(ready, "close", ref)
    assert ready == before


@pytest.mark.parametrize(
    ("state", "route", "expected"),
    [
        ("surveyed", None, {"monitor"}),
        ("monitored", None, {"trace", "send_back"}),
        ("traced", None, {"start_remediation", "send_back"}),
        ("remediating", "ban", {"accept", "send_back"}),
        ("accepted", "ban", {"request_retest", "pre_close", "send_back"}),
        ("pre_closed", "ban", {"close", "send_back", "reopen_remediation"}),
        ("closed", "standardise", {"to_routine"}),
        ("closed", "merge", {"retire"}),
        ("closed", "ban", {"retire"}),
        ("closed", None, set()),
        ("routine", "standardise", set()),
        ("retired", "ban", set()),
    ],
)
def test_available_actions(ref, make_outfall, state, route, expected):
    o = make_outfall(lifecycle_state=state, remediation_route=route)
    assert {t.action for t in available_actions(o, ref)} == expected


# -- any sequence of actions -----------------------------------------------------------------------


def _expected_previous(state: str, history: Sequence[LifecycleEvent]) -> str | None:
    for e in reversed(history):
        if e.to_state == state and e.action != "send_back":
            return e.from_state
    return None


def _should_succeed(
    o: Outfall, t: Transition | None, history: Sequence[LifecycleEvent], note: str
) -> bool:
    if t is None or o.lifecycle_state not in t.sources:
        return False
    if t.routes and o.remediation_route not in t.routes:
        return False
    if any(getattr(o, f) in (None, "") for f in t.requires):
        return False
    if t.note_required and not note.strip():
        return False
    return not (
        t.target == Transition.PREVIOUS and _expected_previous(o.lifecycle_state, history) is None
    )


ACTIONS = [
    "monitor",
    "trace",
    "start_remediation",
    "accept",
    "request_retest",
    "retest_passed",
    "pre_close",
    "close",
    "send_back",
    "reopen_remediation",
    "to_routine",
    "retire",
    "teleport",
]


@settings(max_examples=300, deadline=None)
@given(
    route=st.sampled_from([None, "standardise", "ban", "merge"]),
    party=st.sampled_from([None, PARTY]),
    steps=st.lists(st.tuples(st.sampled_from(ACTIONS), st.sampled_from(["", NOTE])), max_size=40),
)
def test_any_sequence_of_actions_keeps_the_invariants(ref, make_outfall, route, party, steps):
    o = make_outfall(
        remediation_route=route,
        responsible_party=party,
        merge_into_id=MERGE_TARGET if route == "merge" else None,
    )
    states = {s.code for s in ref.states}
    by_action = {t.action: t for t in ref.transitions}
    history: list[LifecycleEvent] = []
    for i, (action, note) in enumerate(steps):
        t = by_action.get(action)
        offered = action in {a.action for a in available_actions(o, ref)}
        expected = _should_succeed(o, t, history, note)
        try:
            moved, event = apply_transition(o, action, ref, history, "王芳", stamp(i), note)
        except InvalidRecord as exc:
            assert not expected, (o.lifecycle_state, action, exc.problems)
            assert exc.problems and all(p.zh and p.en for p in exc.problems)
            continue
        assert expected, (o.lifecycle_state, action)
        # Whatever succeeded was offered by available_actions.
        assert offered
        assert moved.lifecycle_state in states
        assert event.from_state == o.lifecycle_state
        assert event.to_state == moved.lifecycle_state
        assert (event.action, event.actor, event.at) == (action, "王芳", stamp(i))
        if t is not None and t.target == Transition.PREVIOUS:
            assert moved.lifecycle_state == _expected_previous(o.lifecycle_state, history)
        else:
            assert t is not None and moved.lifecycle_state == t.target
        # Only the state and its bookkeeping change.
        assert (
            dataclasses.replace(
                moved,
                lifecycle_state=o.lifecycle_state,
                updated_at=o.updated_at,
                updated_by=o.updated_by,
            )
            == o
        )
        history.append(event)
        o = moved
    # The history is one unbroken chain from the initial state.
    chain = [ref.initial_state] + [e.to_state for e in history]
    assert [e.from_state for e in history] == chain[:-1]
    assert o.lifecycle_state == chain[-1]
    if o.lifecycle_state in ref.inactive_states:
        assert available_actions(o, ref) == []
