"""Drawn visits reach only their inspectors, only in their window (SQLite and PostgreSQL, through
the real app): an inspector of county A drawn for an outfall of county B gets that one outfall and
a task, and may push that one inspection, from release to the window's end; before the release,
after the window and for any other outfall of B they get nothing and are refused. Their inspection
marks the visit done; ``draw release`` and ``draw status`` on the command line."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from draws.visits import CHINA_TIME, TASK_KIND
from sync.server import db
from sync.server.cli import main as server_main
from sync.server.models import Actor
from sync.server.services import draw_visits, review
from sync.server.services import draws as service
from sync.server.services import pull as pull_service
from sync.server.services import push as push_service

A = "320612"  # 通州区: the inspectors' own county
B = "320614"  # 海门区: the drawn outfall's county
CITY = Actor("city_sup", "supervisor", frozenset({"320600"}), "")
PLANNED = dt.date(2027, 3, 3)  # a Wednesday: released on the 2nd, done by the end of the 6th
SEED = "2027-03-海门-双随机"


def at(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2027, 3, day, hour, tzinfo=CHINA_TIME)


class World:
    """Four ordinary outfalls in B and one in A; two inspectors of A, one of B, a supervisor of
    B, all signed in; a one-day draw whose only visit goes to an outfall of B (nobody visits
    their own county, so the two inspectors of A are its team)."""

    def __init__(self, ctx: Any, person: Callable[..., Any], h: Any) -> None:
        self.ctx, self.h = ctx, h
        loader = Actor("ledger-loader", "admin", frozenset({"320600"}), "")
        self.outfalls: dict[str, str] = {}
        with db.write(ctx.engine) as conn:
            for county in (B, B, B, B, A):
                data = h.outfall(county, provisional=False, type_code="other")
                data["subtype_code"] = "urban_storm"
                review.publish(conn, loader, "outfalls", data, county)
                self.outfalls[data["id"]] = county
        self.a1 = person("ins_a1", "inspector", (A,))
        self.a2 = person("ins_a2", "inspector", (A,))
        self.b1 = person("ins_b1", "inspector", (B,))
        self.sup_b = person("sup_b", "supervisor", (B,))
        made = service.make(ctx, CITY, PLANNED, PLANNED, seed=SEED)
        assert made.visits == 1
        self.draw_id = made.draw_id
        (self.visit,) = draw_visits.status(ctx, self.draw_id)
        self.target = self.visit.target_id
        self.others_of_b = [o for o, c in self.outfalls.items() if c == B and o != self.target]

    def pull(self, who: Any) -> list[dict[str, Any]]:
        response = who.get("/v1/pull", params={"cursor": 0, "limit": 1000})
        assert response.status_code == 200, response.text
        items: list[dict[str, Any]] = response.json()["items"]
        return items

    def inspect(self, who: Any, outfall: str, county: str, status: str = "draft") -> Any:
        row = self.h.inspection(who.name, county, status, outfall_id=outfall)
        return row, who.push_ok([self.h.change("inspections", row)])["results"][0]


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[dt.datetime]:
    """The server's time in the pull and push services (the draw's days are in 2027)."""
    now = [at(1, 12)]
    monkeypatch.setattr(pull_service, "utcnow", lambda: now[0].astimezone(dt.UTC))
    monkeypatch.setattr(push_service, "utcnow", lambda: now[0].astimezone(dt.UTC))
    return now


@pytest.fixture
def world(ctx, person, h, clock) -> World:  # type: ignore[no-untyped-def]
    return World(ctx, person, h)


def _of_b(items: list[dict[str, Any]], world: World) -> list[tuple[str, str]]:
    """The (entity, row id) of county B's rows and of tasks among pulled items."""
    return [
        (i["entity"], i["row_id"])
        for i in items
        if i["entity"] == "tasks" or world.outfalls.get(i["row_id"]) == B
    ]


def test_the_team_gets_exactly_its_outfall_and_inspection_in_the_window(
    world: World, clock: list[dt.datetime]
) -> None:
    w = world
    assert w.visit.inspectors == ("ins_a1", "ins_a2") and w.visit.county_code == B
    assert w.visit.state == "secret"

    # Before the release day: nothing of B, no task, and the inspection is refused.
    assert draw_visits.release(w.ctx, CITY, at(1, 23)) == []
    assert _of_b(w.pull(w.a1), w) == []
    _, refused = w.inspect(w.a1, w.target, B)
    assert (refused["result"], refused["reason"]) == ("rejected", "area_forbidden")

    # The release day: the release is the city's, and once made reaches the two inspectors only.
    with pytest.raises(service.DrawRefused):
        draw_visits.release(w.ctx, Actor("sup_b", "supervisor", frozenset({B}), ""), at(2, 8))
    clock[0] = at(2, 8)
    assert _of_b(w.pull(w.a1), w) == []  # not released yet: the day alone sends nothing
    (released,) = draw_visits.release(w.ctx, CITY, at(2, 8))
    assert released.inspectors == ("ins_a1", "ins_a2") and released.closes == at(7, 0)
    assert draw_visits.release(w.ctx, CITY, at(2, 9)) == []  # once only

    items = w.pull(w.a1)
    task_id = draw_visits.task_id(w.draw_id, w.target, "ins_a1")
    assert sorted(_of_b(items, w)) == sorted([("outfalls", w.target), ("tasks", task_id)])
    assert not any(i["row_id"] in w.others_of_b for i in items)
    assert any(w.outfalls.get(i["row_id"]) == A for i in items)  # their own county as before
    (task,) = [i["data"] for i in items if i["entity"] == "tasks"]
    assert task["kind"] == TASK_KIND and task["assignee"] == "ins_a1"
    assert task["state"] == "open" and task["assignees"] == ["ins_a1"]
    assert task["outfall_id"] == w.target and task["county_code"] == B
    assert task["visit"] == {"draw_id": w.draw_id, "target_id": w.target}
    assert task["co_inspectors"] == ["ins_a2"] and task["planned_on"] == "2027-03-03"
    assert dt.datetime.fromisoformat(task["due"]) == at(7, 0)
    (outfall_row,) = [i["data"] for i in items if i["row_id"] == w.target]
    assert outfall_row["county_code"] == B and outfall_row["id"] == w.target
    # The co-inspector gets their own task; B's inspector and supervisor get none.
    assert ("tasks", draw_visits.task_id(w.draw_id, w.target, "ins_a2")) in _of_b(w.pull(w.a2), w)
    for outsider in (w.b1, w.sup_b):
        assert not [i for i in w.pull(outsider) if i["entity"] == "tasks"]

    # In the window: any other outfall of B, the ledger row itself, its history, a row claiming
    # another county, or someone else's inspection of it: refused.
    for other in w.others_of_b:
        _, result = w.inspect(w.a1, other, B)
        assert (result["result"], result["reason"]) == ("rejected", "area_forbidden")
    _, wrong_county = w.inspect(w.a1, w.target, A)
    assert wrong_county["result"] == "rejected"
    edit = dict(outfall_row, name="改名")
    refused_edit = w.a1.push_ok([w.h.change("outfalls", edit)])["results"][0]
    assert (refused_edit["result"], refused_edit["reason"]) == ("rejected", "area_forbidden")
    event = {"id": str(uuid.uuid4()), "outfall_id": w.target, "actor": "ins_a1", "step": "x"}
    refused_event = w.a1.push_ok([w.h.change("outfall_events", event)])["results"][0]
    assert refused_event["result"] == "rejected"
    b1_row, _ = w.inspect(w.b1, w.target, B)  # B's own inspector may, as always
    stolen = w.a1.push_ok([w.h.change("inspections", dict(b1_row, findings="x"))])["results"][0]
    assert stolen["result"] == "rejected"

    # Their inspection of it, with a photo, is taken; completing it marks the visit done.
    clock[0] = at(3, 10)
    row, result = w.inspect(w.a1, w.target, B)
    assert result["result"] == "applied"
    photo = {"id": str(uuid.uuid4()), "inspection_id": row["id"], "sha256": "a" * 64}
    assert w.a1.push_ok([w.h.change("inspection_photos", photo)])["results"][0]["result"] == (
        "applied"
    )
    (open_visit,) = draw_visits.status(w.ctx, w.draw_id, at(3, 10))
    assert open_visit.state == "open"
    done = dict(row, status="complete", completed_at=at(3, 11).isoformat())
    assert w.a1.push_ok([w.h.change("inspections", done)])["results"][0]["result"] == "applied"
    (visit,) = draw_visits.status(w.ctx, w.draw_id, at(3, 12))
    assert (visit.state, visit.done_record) == ("done", row["id"])
    # Both inspectors' tasks are closed by it, and each learns so alone.
    for who in (w.a1, w.a2):
        (closed,) = [i["data"] for i in w.pull(who) if i["entity"] == "tasks"][-1:]
        assert closed["state"] == "done" and closed["assignee"] == who.name
        assert closed["closed_by"] == {"entity": "inspections", "id": row["id"]}
    assert not [i for i in w.pull(w.b1) if i["entity"] == "tasks"]

    # After the window: the co-inspector pulling from scratch gets nothing of B, and is refused.
    clock[0] = at(7, 0)
    assert _of_b(w.pull(w.a2), w) == []
    _, late = w.inspect(w.a2, w.target, B)
    assert (late["result"], late["reason"]) == ("rejected", "area_forbidden")
    assert draw_visits.status(w.ctx, w.draw_id, at(8, 0))[0].state == "done"
    base = ["--database", w.ctx.settings.database_url, "--photos", str(w.ctx.settings.photo_dir)]
    assert server_main([*base, "audit", "verify"]) == 0  # tasks sent and closed, all audited


def test_an_undone_visit_is_overdue_and_the_cli_releases_and_reports(
    world: World, clock: list[dt.datetime], capsys: pytest.CaptureFixture[str]
) -> None:
    w = world
    base = ["--database", w.ctx.settings.database_url, "--photos", str(w.ctx.settings.photo_dir)]
    assert server_main([*base, "draw", "status", w.draw_id, "--at", "2027-03-01T12:00"]) == 0
    assert "secret" in capsys.readouterr().out
    assert server_main([*base, "draw", "release", "--at", "2027-03-01T23:59"]) == 0
    assert "0 visits released" in capsys.readouterr().out
    assert server_main([*base, "draw", "release", "--at", "2027-03-02T00:00"]) == 0
    out = capsys.readouterr().out
    assert f"released {w.target}" in out and "ins_a1, ins_a2" in out and "1 visits released" in out
    assert server_main([*base, "draw", "status", w.draw_id, "--at", "2027-03-04T09:00"]) == 0
    assert "1 open" in capsys.readouterr().out
    assert server_main([*base, "draw", "status", w.draw_id, "--at", "2027-03-07T00:00"]) == 0
    shown = capsys.readouterr().out
    assert "overdue" in shown and "2027-03-07 00:00" in shown
    # A county supervisor's status of a secret draw is not a thing: the CLI is the city's.
    assert server_main([*base, "draw", "status", str(uuid.uuid4())]) == 2
    assert server_main([*base, "audit", "verify"]) == 0


def test_the_done_visit_is_published_with_its_outcome(
    world: World, clock: list[dt.datetime]
) -> None:
    w = world
    draw_visits.release(w.ctx, CITY, at(2, 0))
    clock[0] = at(3, 15)
    row = w.h.inspection("ins_a2", B, "complete", outfall_id=w.target)
    row |= {"completed_at": at(3, 15).isoformat(), "problems": [{"code": "no_sign"}]}
    assert w.a2.push_ok([w.h.change("inspections", row)])["results"][0]["result"] == "applied"
    service.publish(w.ctx, CITY, w.draw_id)
    (public,) = service.public_list(w.ctx, w.draw_id)
    assert public[-1] == "已检查（2027-03-03），发现问题 1 项"
    assert "ins_a" not in "".join(public)


def test_the_decision_on_a_drawn_inspection_reaches_its_author_from_another_county(
    world: World, clock: list[dt.datetime], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The author of A does not pull B's feed: B's supervisor's decision is addressed to them,
    once; B's own inspector gets it through the county as before, not twice."""
    from sync.protocol import ReviewRequest, ReviewState

    w = world
    monkeypatch.setattr(review, "utcnow", lambda: clock[0].astimezone(dt.UTC))
    draw_visits.release(w.ctx, CITY, at(2, 0))
    clock[0] = at(3, 15)
    row = w.h.inspection("ins_a1", B, "complete", outfall_id=w.target)
    row |= {"completed_at": at(3, 15).isoformat()}
    assert w.a1.push_ok([w.h.change("inspections", row)])["results"][0]["result"] == "applied"
    own = w.h.inspection("ins_b1", B, "complete", outfall_id=w.target)
    own |= {"completed_at": at(3, 15).isoformat()}
    assert w.b1.push_ok([w.h.change("inspections", own)])["results"][0]["result"] == "applied"
    sup_b = Actor("sup_b", "supervisor", frozenset({B}), "")
    asked = ReviewRequest(state=ReviewState.RETURNED, comment="标志牌照片不清楚，请补拍")
    with db.write(w.ctx.engine) as conn:
        returned = review.review_in(conn, sup_b, "inspections", row["id"], asked)
        b1_returned = review.review_in(conn, sup_b, "inspections", own["id"], asked)

    clock[0] = at(4, 9)  # after the window: the decision still reaches the author
    decisions = [i for i in w.pull(w.a1) if i["entity"] == "reviews"]
    assert [(d["row_id"], d["data"]["record_id"]) for d in decisions] == [(returned, row["id"])]
    assert decisions[0]["data"]["state"] == "returned"
    assert decisions[0]["data"]["comment"] == "标志牌照片不清楚，请补拍"
    # the co-inspector did not write it; B's inspector gets their own decision exactly once
    assert not [i for i in w.pull(w.a2) if i["entity"] == "reviews"]
    b1_decisions = [i["row_id"] for i in w.pull(w.b1) if i["entity"] == "reviews"]
    assert b1_decisions.count(b1_returned) == 1


def _stored(entity: str, data: dict[str, Any], county: str, owner: str) -> Any:
    from sync.server.canonical import utcnow
    from sync.server.models import StoredRecord

    return StoredRecord(
        entity=entity, id=data["id"], version=1, data=data, county_code=county, owner=owner,
        parent_id=None, status=data.get("status"), review_state=None, deleted=False,
        hlc="0000000000001:00000:x", device_id="dev-x", batch_id=None, updated_at=utcnow(),
    )  # fmt: skip


def test_the_rules_grant_one_outfall_and_the_senders_own_rows_of_it_only() -> None:
    """Pure: ``decide`` with a visit's grant, on what the HTTP test does not reach."""
    from sync.protocol import ResultKind
    from sync.server.rules import IncomingChange, decide

    me = Actor("ins_a1", "inspector", frozenset({A}), "dev-a1")
    target, other = str(uuid.uuid4()), str(uuid.uuid4())
    visits = {target: B}
    outfall = _stored("outfalls", {"id": target, "county_code": B}, B, "loader")

    def insp(owner: str, **extra: Any) -> dict[str, Any]:
        return {"id": str(uuid.uuid4()), "outfall_id": target, "author": owner,
                "county_code": B, "status": "draft", **extra}  # fmt: skip

    def judge(entity: str, data: dict[str, Any] | None, **kw: Any) -> Any:
        row_id = kw.pop("row_id", None) or (data or {})["id"]
        change = IncomingChange(entity, row_id, kw.pop("op", "upsert"), data, "9999999999999:0:x")
        return decide(change, kw.pop("existing", None), kw.pop("parent", None), me,
                      kw.pop("refs", None), kw.pop("visits", visits))  # fmt: skip

    mine = insp("ins_a1")
    assert judge("inspections", mine, refs={"outfall_id": outfall}).result is ResultKind.APPLIED
    assert judge("inspections", mine, visits={}).reason is not None  # no grant: refused
    assert judge("inspections", dict(mine, outfall_id=other)).result is ResultKind.REJECTED
    # Deleting one's own draft of it is allowed; someone else's inspection of it is not.
    stored_mine = _stored("inspections", mine, B, "ins_a1")
    deleted = judge("inspections", None, row_id=mine["id"], op="delete", existing=stored_mine)
    assert deleted.result is ResultKind.APPLIED
    theirs = _stored("inspections", insp("ins_b1"), B, "ins_b1")
    assert judge("inspections", dict(theirs.data, author="ins_a1"), existing=theirs).result is (
        ResultKind.REJECTED
    )
    # Superseding someone else's record, or a photo on someone else's inspection: refused.
    superseding = insp("ins_a1", supersedes=theirs.id)
    assert (
        judge("inspections", superseding, refs={"outfall_id": outfall, "supersedes": theirs}).result
        is ResultKind.REJECTED
    )
    photo = {"id": str(uuid.uuid4()), "inspection_id": theirs.id}
    assert judge("inspection_photos", photo, parent=theirs).result is ResultKind.REJECTED
    mine_photo = {"id": str(uuid.uuid4()), "inspection_id": mine["id"]}
    assert judge("inspection_photos", mine_photo, parent=stored_mine).result is ResultKind.APPLIED
    # Patrols and the ledger are not what a visit grants.
    patrol = {"id": str(uuid.uuid4()), "author": "ins_a1", "county_code": B, "status": "draft"}
    assert judge("patrols", patrol).result is ResultKind.REJECTED
