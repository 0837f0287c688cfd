"""销号 with authority, walked through laptops: one outfall of each route (取缔, 合并, 规范整治) goes
from 已排查 to the end of its lifecycle on a real server with real profiles and the real sync
engine: a county supervisor's laptop takes the county's steps, an inspector's laptop records the
acceptance inspection (sealed, dry, with a photo), the county approves it on the desk, and the
city supervisor's laptop takes the city's steps. On the way, each step by a role that may not take
it is made on a laptop whose screens are bypassed (the step written straight into its profile)
and sent by its sync: the server refuses it with the rule that was broken, and the outfall stays
where it was on the server. (The same refusals over raw HTTP: tests/server/test_casework_walk.py.)
"""

from __future__ import annotations

import dataclasses
import os
import uuid
from pathlib import Path
from typing import Any

import pytest

from fieldapp import reference_data
from fieldapp.domain.inspection import (
    InspectionPhoto,
    RemediationCheck,
    RetestEntry,
    new_draft,
)
from fieldapp.inspection_data import load_rules
from fieldapp.media.ingest import ingest_photo
from fieldapp.store import inspections, outfalls
from sync.client.review import PhotoCache, ReviewClient
from sync.client.state import account as sync_account
from sync.protocol import CITY_CODE
from sync.server import db
from sync.server.models import Actor
from sync.server.queries import records
from sync.server.services import admin, review

A, B = "320612", "320614"  # 通州区, 海门区
PHOTO = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "photos" / "DSCN0010.jpg"
# the county's and the city's steps; monitor and trace are anyone's in the area
COUNTY_STEPS = ("monitor", "trace", "start_remediation")
END = {"ban": "retire", "merge": "retire", "standardise": "to_routine"}
FINAL = {"ban": "retired", "merge": "retired", "standardise": "routine"}


def _outfall(route: str, i: int) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()), "name": f"销号走查排口{i}", "local_code": f"XH-{i:03d}",
        "county_code": A, "type_code": "other", "subtype_code": "urban_storm",
        "lifecycle_state": "surveyed", "remediation_route": route,
        "responsible_party": "某化工有限公司", "receiving_kind": "river", "basin": "yangtze",
        "created_at": "2026-01-05T08:00:00Z", "updated_at": "2026-01-05T08:00:00Z",
        "updated_by": "ledger-loader", "water_body": "通吕运河", "town": "石港镇", "village": "",
        "position_datum": "WGS84", "discharging_units": [], "channel_note": "",
        "regime_document_no": "", "regime_date": "", "sign_status": "unknown",
        "sampling_status": "unknown", "note": "", "lat": 32.01 + i / 1000, "lon": 120.9,
        "position_source": "gnss", "position_accuracy_m": 3.0,
    }  # fmt: skip


class Walk:
    def __init__(self, server: Any, tmp: Path, template: Path, tools: Any) -> None:
        self.server, self.tmp, self.template, self.tools = server, tmp, template, tools
        self.ref = reference_data.load()
        for name, role, counties in (
            ("ins", "inspector", [A]), ("chief", "river_chief", [A]),
            ("sup_a", "supervisor", [A]), ("city", "supervisor", [CITY_CODE]),
        ):  # fmt: skip
            admin.add_user(server.ctx, name, tools.PASSWORD, role, counties)

    def laptop(self, user: str) -> Any:
        made = self.tools.Laptop(
            self.tmp, self.template, self.server.url, user, self.tools.PASSWORD
        )
        made.sync()
        return made

    def state(self, outfall_id: str) -> tuple[str, tuple[str, ...]]:
        """The outfall's state on the server, and the actions of its history there."""
        with self.server.ctx.engine.connect() as conn:
            row = records.get(conn, "outfalls", outfall_id)
            steps = [e.data for e in records.children(conn, "outfall_events", [outfall_id])]
        assert row is not None and row.data is not None
        steps.sort(key=lambda e: str((e or {}).get("at")))
        return row.data["lifecycle_state"], tuple(str((e or {}).get("action")) for e in steps)

    def step(self, laptop: Any, outfall_id: str, action: str) -> Any:
        """The step written into the laptop's profile (its screens would offer it only to those
        who may take it) and sent by the laptop's sync."""
        actor = laptop.user
        outfalls.transition(laptop.db.conn, outfall_id, action, self.ref, actor)
        return laptop.engine().sync()

    def refused(self, user: str, outfall_id: str, action: str, reason: str) -> None:
        """``user``'s laptop, screens bypassed, takes ``action``: refused, nothing moves."""
        before = self.state(outfall_id)
        rogue = self.laptop(user)
        try:
            report = self.step(rogue, outfall_id, action)
            assert not report.ok and report.error is None
            (refusal,) = [r for r in report.refusals if r.entity == "outfalls"]
            assert reason in refusal.reasons, (user, action, refusal.reasons)
        finally:
            rogue.close()
        assert self.state(outfall_id) == before, (user, action)

    def approve(self, supervisor: Any, inspection_id: str) -> None:
        acct = sync_account.account(supervisor.db.conn)
        assert acct.token is not None
        desk = ReviewClient(
            self.server.url, acct.token, PhotoCache(self.tmp / f"cache-{uuid.uuid4().hex}"),
            install_id=acct.install_id,
        )  # fmt: skip
        try:
            detail = desk.record("inspections", inspection_id)
            assert detail.record.photos_missing == 0  # the photo arrived with the record
            desk.decide("inspections", inspection_id, "approved", detail.record.record.version)
        finally:
            desk.close()


def _acceptance(ins: Any, outfall_id: str, route: str, cod: float | None = None) -> str:
    """The inspector's 验收 on their laptop: sealed and dry, remediation done, the route's
    checklist passed, one photo; with ``cod``, a quick re-test of COD against GB 18918 一级A."""
    rules = load_rules()
    checklist = tuple(sorted((i.term.code, i.good) for i in rules.acceptance_items_for(route)))
    retests = () if cod is None else (
        RetestEntry("cod", cod, "quick", "mg/L", 50.0, None, "gb18918_1a"),
    )  # fmt: skip
    draft = new_draft(outfall_id, "ins", A, kind="acceptance")
    draft = dataclasses.replace(
        draft, discharging="dry_blocked", remediation=RemediationCheck("done", "已封堵，无水"),
        inspectors=("ins",), no_position_reason="接收机故障", acceptance_route=route,
        acceptance_check=checklist, retests=retests,
    )  # fmt: skip
    draft = inspections.save_draft(ins.db.conn, draft)
    photo = ingest_photo(PHOTO, ins.blobs)
    inspections.add_photo(
        ins.db.conn, InspectionPhoto(str(uuid.uuid4()), draft.id, photo.sha256, PHOTO.name)
    )
    inspections.complete(ins.db.conn, draft, load_rules())
    ins.sync()
    return draft.id


@pytest.mark.slow
def test_each_route_walks_to_the_end_through_the_laptops_and_forbidden_steps_are_refused(
    own_server: Any, schedule_tmp: Path, profile_template: Path, sync_world_tools: Any
) -> None:
    walk = Walk(own_server, schedule_tmp, profile_template, sync_world_tools)
    loader = Actor("ledger-loader", "admin", frozenset({CITY_CODE}), "")
    routes = {}
    with db.write(own_server.ctx.engine) as conn:
        receiving = dict(_outfall("standardise", 9), lifecycle_state="routine")  # 合并 into it
        review.publish(conn, loader, "outfalls", receiving, A)
        for i, route in enumerate(END):
            data = _outfall(route, i)
            if route == "merge":
                data["merge_into_id"] = receiving["id"]
            review.publish(conn, loader, "outfalls", data, A)
            routes[route] = data["id"]
    sup, ins, city = walk.laptop("sup_a"), walk.laptop("ins"), walk.laptop("city")
    try:
        for route, oid in routes.items():
            # 已排查: a river chief may not record monitoring; the county takes its three steps,
            # the inspector not the county's start of remediation.
            walk.refused("chief", oid, "monitor", "step_role")
            for action in COUNTY_STEPS:
                if action == "start_remediation":
                    walk.refused("ins", oid, action, "step_role")
                assert walk.step(sup, oid, action).ok
            assert walk.state(oid) == ("remediating", COUNTY_STEPS)

            # 验收 before any acceptance inspection: refused; then the inspector's, approved.
            walk.refused("sup_a", oid, "accept", "step_no_acceptance")
            ins.sync()
            retested: tuple[str, ...] = ()
            if route == "standardise":
                # 复测: a COD over its limit blocks acceptance until a passing re-test is approved
                walk.approve(sup, _acceptance(ins, oid, route, cod=80.0))
                sup.sync()
                walk.refused("sup_a", oid, "accept", "step_exceedance")
                retested = ("inspection_approved",)
            acceptance = _acceptance(ins, oid, route, cod=20.0 if retested else None)
            walk.approve(sup, acceptance)
            sup.sync()
            walk.refused("city", oid, "accept", "step_level")  # the county's step, not the city's
            assert walk.step(sup, oid, "accept").ok
            # the approvals stand in the history as the step's evidence
            accepted = (*COUNTY_STEPS, *retested, "inspection_approved", "accept")
            assert walk.state(oid) == ("accepted", accepted)

            # 县级预销号 by the county only; 市级销号 by the city only, after it.
            walk.refused("city", oid, "pre_close", "step_level")
            assert walk.step(sup, oid, "pre_close").ok
            walk.refused("sup_a", oid, "close", "step_level")
            city.sync()
            assert walk.step(city, oid, "close").ok
            assert walk.state(oid) == ("closed", (*accepted, "pre_close", "close"))
            assert walk.step(city, oid, END[route]).ok
            ended = (*accepted, "pre_close", "close", END[route])
            assert walk.state(oid) == (FINAL[route], ended)

        # Every laptop ends where the server is, with nothing refused or waiting.
        for laptop in (sup, ins, city):
            laptop.sync()
            for route, oid in routes.items():
                stored = outfalls.get(laptop.db.conn, oid)
                assert stored is not None and stored.lifecycle_state == FINAL[route]
    finally:
        for laptop in (sup, ins, city):
            laptop.close()
