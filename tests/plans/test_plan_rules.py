"""一口一策: the pure rules of a remediation plan (sync.plans): overdue and validation."""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync import plans
from sync.plan_protocol import PlanRequest

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 4)


def _plan(**kw: object) -> dict[str, object]:
    plan: dict[str, object] = {
        "route": "ban",
        "measures": "封堵排口",
        "responsible_party": "某化工厂",
        "department": "生态环境局",
        "deadline": "2027-03-31",
        "milestones": [],
    }
    plan.update(kw)
    return plan


def _milestone(due: str, done: bool = False, done_on: str | None = None) -> dict[str, object]:
    return {"id": str(uuid.uuid4()), "title": "节点", "due": due, "done": done, "done_on": done_on}


def test_routes_are_the_vocabulary_of_remediation_routes() -> None:
    vocab = json.loads((ROOT / "resources/data/vocabularies.json").read_text("utf-8"))
    assert tuple(v["code"] for v in vocab["remediation_route"]) == plans.ROUTES


def test_overdue_on_the_day_after_the_deadline_not_on_it() -> None:
    plan = _plan(deadline="2026-12-04")
    assert not plans.is_overdue(plan, TODAY)
    assert plans.is_overdue(plan, TODAY + timedelta(days=1))


def test_a_milestone_not_done_makes_the_plan_overdue_before_its_deadline() -> None:
    late = _milestone("2026-12-01")
    plan = _plan(milestones=[late, _milestone("2027-01-01")])
    assert plans.is_overdue(plan, TODAY)
    assert plans.overdue_milestones(plan, TODAY) == [late["id"]]
    late.update(done=True, done_on="2026-12-03")  # done late, but done: no longer overdue
    assert not plans.is_overdue(plan, TODAY)


def test_a_completed_plan_is_never_overdue() -> None:
    plan = _plan(deadline="2026-01-01", completed_on="2026-02-01")
    assert not plans.is_overdue(plan, TODAY)
    assert plans.next_due(plan) is None


day = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


@given(deadline=day, dues=st.lists(st.tuples(day, st.booleans()), max_size=8), today=day)
def test_overdue_is_exactly_something_not_done_due_before_today(
    deadline: date, dues: list[tuple[date, bool]], today: date
) -> None:
    milestones = [
        _milestone(d.isoformat(), done, d.isoformat() if done else None) for d, done in dues
    ]
    plan = _plan(deadline=deadline.isoformat(), milestones=milestones)
    expected = deadline < today or any(d < today and not done for d, done in dues)
    assert plans.is_overdue(plan, today) == expected
    # and a day later it stays overdue: nothing becomes un-overdue by waiting
    if expected:
        assert plans.is_overdue(plan, today + timedelta(days=1))
    upcoming = plans.next_due(plan)
    assert upcoming is not None and upcoming <= deadline


def test_every_problem_at_once_in_both_languages() -> None:
    found = plans.problems(
        {"route": "paint", "milestones": [{"id": "a", "done": True}, {"id": "a"}]}
    )
    english = [en for en, _zh in found]
    assert "choose a remediation route" in english
    assert "describe the measures" in english
    assert "name the responsible party" in english
    assert "give the deadline" in english
    assert "every milestone needs its own id" in english
    assert "milestone 1: a done milestone has its date" in english
    assert all(zh for _en, zh in found)


def test_a_milestone_after_the_deadline_and_completion_with_open_milestones_are_refused() -> None:
    plan = _plan(milestones=[_milestone("2027-06-01")], completed_on="2027-01-01")
    english = [en for en, _zh in plans.problems(plan)]
    assert "milestone 1 is due after the plan's deadline" in english
    assert "a plan is completed only when every milestone is done" in english
    assert plans.problems(_plan(milestones=[_milestone("2027-01-01")])) == []


@given(funding=st.one_of(st.floats(allow_nan=True), st.booleans(), st.text(max_size=3)))
def test_funding_must_be_a_sum_of_at_least_zero(funding: object) -> None:
    ok = isinstance(funding, float) and funding >= 0
    assert (plans.problems(_plan(funding_wan=funding)) == []) == ok


def test_the_request_refuses_a_plan_that_breaks_the_rules() -> None:
    with pytest.raises(ValueError, match="remediation route"):
        PlanRequest.model_validate({**_plan(route="paint"), "version": 0})
    ok = PlanRequest.model_validate({**_plan(), "version": 0})
    assert ok.as_data()["deadline"] == "2027-03-31"


def test_stored_notes_keep_their_author_and_new_ones_are_the_senders() -> None:
    old = {"id": "n1", "text": "已封堵", "evidence": [], "by": "county_sup", "at": "2026-12-01"}
    forged = {"id": "n1", "text": "改过", "by": "someone", "at": "1999-01-01"}
    new = {"id": "n2", "text": "复查", "evidence": ["a" * 64]}
    stamped = plans.stamp_notes([old], [forged, new], "city_sup", "2026-12-04T10:00:00+00:00")
    assert stamped[0] == old
    assert stamped[1]["by"] == "city_sup" and stamped[1]["evidence"] == ["a" * 64]
    # a note left out of a later save is kept all the same
    assert plans.stamp_notes(stamped, [], "x", "y") == stamped


def test_only_milestones_with_notes_are_kept_from_removal() -> None:
    noted = {**_milestone("2027-01-01"), "title": "封堵", "notes": [{"id": "n"}]}
    bare = _milestone("2027-02-01")
    previous = _plan(milestones=[noted, bare])
    assert plans.dropped_with_notes(previous, [noted]) == []
    assert plans.dropped_with_notes(previous, [bare]) == ["封堵"]
    assert plans.dropped_with_notes(None, []) == []


def test_who_marked_a_milestone_done_stays_while_it_stays_done() -> None:
    now, later = "2026-12-04T10:00:00+00:00", "2026-12-05T10:00:00+00:00"
    first = plans.stamp_done(None, {"done": True}, "alice", now)
    assert first == {"done_by": "alice", "done_at": now}
    kept = plans.stamp_done({"done": True, **first}, {"done": True, "done_by": "x"}, "bob", later)
    assert kept == first  # a later save by another keeps who did it
    assert plans.stamp_done({"done": True, **first}, {"done": False}, "bob", later) == {
        "done_by": None, "done_at": None}  # fmt: skip
    assert plans.stamp_completed(None, "2026-12-01", "boss", now)["completed_by"] == "boss"
    assert plans.stamp_completed(None, None, "boss", now)["completed_by"] is None
