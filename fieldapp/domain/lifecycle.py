"""The outfall lifecycle state machine (DOMAIN.md, Remediation and lifecycle), driven by data.

The transitions live in `resources/data/lifecycle.json`; this module only applies them: who may move
an outfall from which state to which, what must be filled in first, and the dated, attributed event
each move leaves in the history.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from fieldapp.domain.outfall import EventId, LifecycleEvent, Outfall, new_id
from fieldapp.domain.problems import InvalidRecord, Problem
from fieldapp.domain.reference import Reference, Transition


def available_actions(outfall: Outfall, ref: Reference) -> list[Transition]:
    """The transitions that may be taken from the outfall's current state given its route."""
    return [
        t
        for t in ref.transitions_from(outfall.lifecycle_state)
        if not t.routes or outfall.remediation_route in t.routes
    ]


def previous_state(outfall: Outfall, history: Sequence[LifecycleEvent]) -> str | None:
    """The state the outfall came from into its current state (where a send-back returns it)."""
    for event in reversed(history):
        if event.to_state == outfall.lifecycle_state and event.action != "send_back":
            return event.from_state
    return None


def apply_transition(
    outfall: Outfall,
    action: str,
    ref: Reference,
    history: Sequence[LifecycleEvent],
    actor: str,
    at: str,
    note: str = "",
) -> tuple[Outfall, LifecycleEvent]:
    """Takes `action`; returns the moved outfall and its event, or raises InvalidRecord."""
    transition = next((t for t in ref.transitions if t.action == action), None)
    if transition is None:
        raise InvalidRecord(
            [Problem("", "unknown_action", "未知的操作。", f"Unknown action {action!r}.")]
        )
    problems = _check(outfall, transition, ref, actor, note)
    target = transition.target
    if transition.target == Transition.PREVIOUS:
        previous = previous_state(outfall, history)
        if previous is None:
            problems.append(
                Problem(
                    "lifecycle_state",
                    "no_previous",
                    "没有可退回的上一个状态。",
                    "There is no earlier state to send this outfall back to.",
                )
            )
        else:
            target = previous
    if problems:
        raise InvalidRecord(problems)
    moved = dataclasses.replace(outfall, lifecycle_state=target, updated_at=at, updated_by=actor)
    event = LifecycleEvent(
        id=EventId(new_id()),
        outfall_id=outfall.id,
        action=action,
        from_state=outfall.lifecycle_state,
        to_state=target,
        at=at,
        actor=actor,
        note=note.strip(),
    )
    return moved, event


def _check(
    outfall: Outfall, transition: Transition, ref: Reference, actor: str, note: str
) -> list[Problem]:
    problems = []
    state = ref.state(outfall.lifecycle_state)
    state_zh = state.zh if state else outfall.lifecycle_state
    state_en = state.en if state else outfall.lifecycle_state
    if outfall.lifecycle_state not in transition.sources:
        problems.append(
            Problem(
                "lifecycle_state",
                "not_allowed",
                f"当前状态“{state_zh}”下不能执行“{transition.term.zh}”。",
                f"'{transition.term.en}' is not possible from the state '{state_en}'.",
            )
        )
    if transition.routes and outfall.remediation_route not in transition.routes:
        problems.append(
            Problem(
                "remediation_route",
                "route_mismatch",
                f"“{transition.term.zh}”只适用于特定整治方式。",
                f"'{transition.term.en}' applies only to certain remediation routes.",
            )
        )
    for field in transition.requires:
        if getattr(outfall, field) in (None, ""):
            problems.append(
                Problem(
                    field,
                    "required_for_transition",
                    f"执行“{transition.term.zh}”前须先填写此项。",
                    f"Fill this in before '{transition.term.en}'.",
                )
            )
    if transition.note_required and not note.strip():
        problems.append(Problem("note", "required", "请填写原因。", "Give a reason for this step."))
    if not actor.strip():
        problems.append(Problem("", "no_actor", "缺少操作人。", "Nobody is named as doing this."))
    return problems
