"""Every route of ``/openapi.json`` as every role, on objects of its own county and of another,
directly and through references: nothing of a county leaves it, nothing in it changes from
outside. On SQLite and PostgreSQL (the ``database_url`` fixture).

Two counties, 通州 320612 and 海门 320614, each with an inspector, a river chief and a county
supervisor; a city supervisor and an administrator. Each county holds a ledger outfall, a newly
found (provisional) outfall, a submitted inspection with an uploaded photo, a patrol, a pending
proposal, a task, and the batches that brought them; every id, hash, name and photo byte of a
county is one of its secrets.

For each request by someone whose area leaves a county out, an *escape* is either a secret of
that county in the answer (one the request itself did not carry) or any change to that county's
rows, proposals, feed, batches, photo holdings, users or devices. ``PROBES`` names the requests
made of each route; a route of the API without probes fails the test, so a new route cannot go
unchecked.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from anyio.from_thread import start_blocking_portal
from sqlalchemy import func, select

from sync.server.app import build_context, create_app
from sync.server.schema import (
    batches,
    complaints,
    devices,
    feed,
    leads,
    photo_holders,
    plans,
    proposals,
    records,
    users,
)
from sync.server.services import admin

TZ, HM, CITY = "320612", "320614", "320600"
Request = tuple[str, str, dict[str, Any]]


@dataclass
class County:
    code: str
    secrets: set[str] = field(default_factory=set)
    photo: bytes = b""
    objects: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, name: str) -> str:
        return self.objects[name]

    def keep(self, name: str, value: str) -> str:
        self.objects[name] = value
        self.secrets.add(value)
        return value


@dataclass
class Actor:
    name: str
    role: str
    county: str  # the area: a county code, or CITY
    install_id: str = ""
    token: str = ""

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", "X-Hekou-Install": self.install_id}


class World:
    def __init__(self, ctx: Any, client: Any, h: Any) -> None:
        self.ctx = ctx
        self.client = client
        self.h = h
        self.counties = {TZ: County(TZ), HM: County(HM)}
        self.actors: list[Actor] = []
        self.known: dict[str, set[str]] = {}  # secrets an area's own people put into it
        for code, tag in ((TZ, "tz"), (HM, "hm")):
            for role, short in (
                ("inspector", "insp"),
                ("river_chief", "chief"),
                ("supervisor", "sup"),
            ):
                self.actors.append(Actor(f"{short}-{tag}", role, code))
                self.counties[code].secrets.add(f"{short}-{tag}")
        self.actors.append(Actor("city-sup", "supervisor", CITY))
        self.actors.append(Actor("root", "admin", CITY))
        for a in self.actors:
            admin.add_user(self.ctx, a.name, h.PASSWORD, a.role, [a.county])
            self.login(a)
        for code in (TZ, HM):
            self.fill(code)

    def actor(self, name: str) -> Actor:
        return next(a for a in self.actors if a.name == name)

    def login(self, a: Actor) -> None:
        a.install_id = str(uuid.uuid4())
        body = {"username": a.name, "password": self.h.PASSWORD, "install_id": a.install_id}
        answer = self.client.post("/v1/login", json=body)
        assert answer.status_code == 200, answer.text
        a.token = answer.json()["token"]
        if a.county != CITY:
            self.counties[a.county].secrets.add(answer.json()["device_id"])

    def call(self, a: Actor, method: str, url: str, **kw: Any) -> Any:
        kw["headers"] = {**a.headers(), **kw.get("headers", {})}
        return self.client.request(method, url, **kw)

    def push(self, a: Actor, changes: list[dict[str, Any]], batch_id: str | None = None) -> Any:
        body = {"batch_id": batch_id or str(uuid.uuid4()), "changes": changes}
        answer = self.call(a, "POST", "/v1/push", json=body)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def fill(self, code: str) -> None:
        c = self.counties[code]
        tag = "tz" if code == TZ else "hm"
        h = self.h
        sup, insp, chief = (self.actor(f"{r}-{tag}") for r in ("sup", "insp", "chief"))
        secret = c.keep("marker", f"SECRET-{tag}-{uuid.uuid4().hex[:10]}")
        ledger = h.outfall(county=code, provisional=False, name=f"{secret} 排口")
        c.keep("ledger", ledger["id"])
        c.keep("national", ledger["national_code"])
        self.push(sup, [h.change("outfalls", ledger)])
        found = h.outfall(county=code, name=f"{secret} 新发现")
        c.keep("provisional", found["id"])
        self.push(insp, [h.change("outfalls", found)])
        proposal = self.push(insp, [h.change("outfalls", dict(ledger, note=f"{secret} 建议"))])
        c.keep("proposal", proposal["results"][0]["proposal_id"])
        c.photo = os.urandom(3000) + secret.encode()
        digest = c.keep("photo", hashlib.sha256(c.photo).hexdigest())
        insp_row = h.inspection(
            insp.name, county=code, status="complete", outfall_id=ledger["id"], findings=secret
        )
        c.keep("inspection", insp_row["id"])
        photo_row = {"id": str(uuid.uuid4()), "inspection_id": insp_row["id"], "sha256": digest}
        c.keep("photo_row", photo_row["id"])
        batch = self.push(
            insp, [h.change("inspections", insp_row), h.change("inspection_photos", photo_row)]
        )
        c.keep("batch", batch["batch_id"])
        put = self.call(
            insp, "PUT", f"/v1/photos/{digest}/upload",
            params={"offset": 0, "total": len(c.photo)}, content=c.photo,
        )  # fmt: skip
        assert put.json()["complete"] is True, put.text
        patrol = {"id": str(uuid.uuid4()), "author": chief.name, "county_code": code,
                  "status": "complete", "note": secret}  # fmt: skip
        c.keep("patrol", patrol["id"])
        problem = {"id": str(uuid.uuid4()), "patrol_id": patrol["id"], "county_code": code,
                   "at": "2026-12-01T02:00:00Z", "note": secret, "category": "outfall",
                   "escalated": 1}  # fmt: skip
        c.keep("problem", problem["id"])
        patrolled = self.push(
            chief, [h.change("patrols", patrol), h.change("patrol_problems", problem)]
        )
        c.keep("patrol_batch", patrolled["batch_id"])
        task = {"id": str(uuid.uuid4()), "county_code": code, "title": secret,
                "outfall_id": ledger["id"]}  # fmt: skip
        c.keep("task", task["id"])
        assert self.call(sup, "POST", "/v1/tasks", json=task).status_code == 201
        lead_file = _lead_file(secret)
        imported = self.call(sup, "POST", "/v1/leads/import", params={"county": code, "name": "航测.zip"}, content=lead_file)  # fmt: skip
        assert imported.status_code == 200, imported.text
        [lead] = imported.json()["leads"]
        c.keep("lead", lead["id"])
        c.keep("lead_photo", lead["photos"][0]["sha256"])
        planned = self.call(sup, "PUT", f"/v1/plans/{ledger['id']}", json=_plan(secret))
        assert planned.status_code == 200, planned.text
        c.keep("plan", planned.json()["id"])
        complaint = _complaint(code, secret, [c["photo"]], insp.name)
        lodged = self.call(sup, "POST", "/v1/complaints", json=complaint)
        assert lodged.status_code == 201, lodged.text
        c.keep("complaint", complaint["id"])
        c.keep("complainant", complaint["contact_phone"])
        spare = Actor(insp.name, "inspector", code)
        self.login(spare)  # a second laptop of the inspector, for the administrator to revoke
        with self.ctx.engine.connect() as conn:
            c.keep(
                "spare_device",
                conn.execute(
                    select(devices.c.id).where(devices.c.install_id == spare.install_id)
                ).scalar_one(),
            )

    def version(self, entity: str, row_id: str) -> int:
        with self.ctx.engine.connect() as conn:
            found = conn.execute(
                select(records.c.version).where(records.c.entity == entity, records.c.id == row_id)
            ).scalar_one_or_none()
        return int(found or 1)

    def snapshot(self, code: str) -> Any:
        """Everything of one county that a request from outside must leave as it is."""
        c = self.counties[code]
        with self.ctx.engine.connect() as conn:
            rows = sorted(
                tuple(map(str, r))
                for r in conn.execute(
                    select(
                        records.c.entity, records.c.id, records.c.version, records.c.data,
                        records.c.review_state, records.c.deleted, records.c.status,
                    ).where(records.c.county_code == code)
                )
            )  # fmt: skip
            props = sorted(
                tuple(map(str, r))
                for r in conn.execute(
                    select(proposals.c.id, proposals.c.state).where(proposals.c.county_code == code)
                )
            )
            fed = conn.execute(
                select(func.count()).select_from(feed).where(feed.c.county_code == code)
            ).scalar_one()
            done = sorted(
                tuple(map(str, r))
                for r in conn.execute(
                    select(batches.c.batch_id, batches.c.complete).where(
                        batches.c.batch_id == c["batch"]
                    )
                )
            )
            holders = sorted(
                tuple(r)
                for r in conn.execute(
                    select(photo_holders.c.sha256, photo_holders.c.username).where(
                        photo_holders.c.sha256 == c["photo"]
                    )
                )
            )
            people = sorted(
                tuple(map(str, r))
                for r in conn.execute(
                    select(
                        users.c.username, users.c.role, users.c.counties, users.c.disabled,
                        devices.c.id, devices.c.revoked_at, devices.c.token_hash,
                    )
                    .join(devices, devices.c.user_id == users.c.id)
                    .where(users.c.counties == json.dumps([code]))
                )
            )  # fmt: skip
            lead_rows = sorted(
                tuple(map(str, r))
                for r in conn.execute(
                    select(leads.c.id, leads.c.state, leads.c.task_id, leads.c.outfall_id,
                           leads.c.cluster_id).where(leads.c.county_code == code)
                )
            )  # fmt: skip
            plan_rows = sorted(
                tuple(map(str, r))
                for r in conn.execute(
                    select(plans.c.id, plans.c.version, plans.c.data).where(
                        plans.c.county_code == code
                    )
                )
            )
            complaint_rows = sorted(
                tuple(map(str, r))
                for r in conn.execute(
                    select(complaints.c.id, complaints.c.state, complaints.c.version,
                           complaints.c.outcome, complaints.c.reply_text).where(
                        complaints.c.county_code == code
                    )
                )
            )  # fmt: skip
        return rows, props, fed, done, holders, people, lead_rows, plan_rows, complaint_rows

    def complaint_version(self, t: County) -> int:
        with self.ctx.engine.connect() as conn:
            found = conn.execute(
                select(complaints.c.version).where(complaints.c.id == t["complaint"])
            ).scalar_one()
        return int(found)


def _complaint(code: str, secret: str, photos: list[str], inspector: str) -> dict[str, Any]:
    """A complaint (举报) whose place, description and complainant are a county's secrets."""
    return {
        "id": str(uuid.uuid4()), "county_code": code, "channel": "hotline_12369",
        "received_at": "2026-12-01T02:00:00+00:00", "place": secret, "description": secret,
        "contact_name": secret, "contact_phone": f"139{uuid.uuid4().int % 10**8:08d}",
        "photos": photos, "assignees": [inspector],
    }  # fmt: skip


def _plan(secret: str, version: int = 0) -> dict[str, Any]:
    """A remediation plan (一口一策) whose measures are a county's secret."""
    return {
        "version": version, "route": "ban", "measures": secret, "responsible_party": "某厂",
        "department": "生态环境局", "deadline": "2027-06-30",
        "milestones": [{"id": str(uuid.uuid4()), "title": "封堵", "due": "2027-03-31",
                        "notes": [{"id": str(uuid.uuid4()), "text": "开工"}]}],
    }  # fmt: skip


def _plan_edit(w: World, t: County) -> dict[str, Any]:
    """A valid edit of the county's plan as it stands now (its version, its milestones)."""
    with w.ctx.engine.connect() as conn:
        version, data = conn.execute(
            select(plans.c.version, plans.c.data).where(plans.c.outfall_id == t["ledger"])
        ).one()
    body = _plan("改写", int(version))
    body["milestones"] = [
        {"id": m["id"], "title": m["title"], "due": m["due"]}
        for m in json.loads(data)["milestones"]
    ]
    return body


# -- the probes: the requests made of each route, for an actor and a target county -----------

Probe = Callable[[World, Actor, County, County], list[Request]]


def _own(world: World, actor: Actor) -> County:
    return world.counties[actor.county if actor.county != CITY else TZ]


def _new_inspection(world: World, actor: Actor, **extra: Any) -> dict[str, Any]:
    return world.h.inspection(actor.name, county=_own(world, actor).code, **extra)


def _push(*changes: dict[str, Any], batch_id: str | None = None) -> Request:
    body = {"batch_id": batch_id or str(uuid.uuid4()), "changes": list(changes)}
    return ("POST", "/v1/push", {"json": body})


def _push_probes(w: World, a: Actor, t: County, own: County) -> list[Request]:
    h = w.h
    mine = _new_inspection(w, a)
    claimed = {"id": str(uuid.uuid4()), "inspection_id": mine["id"], "sha256": t["photo"]}
    event = {"id": str(uuid.uuid4()), "outfall_id": t["ledger"], "action": "x", "actor": a.name}
    stolen = h.inspection(a.name, county=t.code, status="draft")
    stolen["id"] = t["inspection"]
    return [
        _push(h.change("inspections", stolen)),
        _push(h.change("outfalls", None, op="delete", row_id=t["ledger"])),
        _push(h.change("inspections", _new_inspection(w, a, outfall_id=t["ledger"]))),
        _push(h.change("inspections", mine), h.change("inspection_photos", claimed)),
        _push(h.change("outfall_events", event)),
        _push(h.change("inspections", _new_inspection(w, a, supersedes=t["inspection"]))),
        _push(h.change("inspections", _new_inspection(w, a)), batch_id=t["batch"]),
        _push(h.change("patrol_problems", {"id": str(uuid.uuid4()), "patrol_id": t["patrol"]})),
    ]


def _upload(t: County) -> list[Request]:
    fake = os.urandom(len(t.photo))
    url = f"/v1/photos/{t['photo']}/upload"
    return [
        ("PUT", url, {"params": {"offset": 0, "total": len(fake)}, "content": fake}),
        ("PUT", url, {"params": {"offset": 100, "total": len(fake)}, "content": fake[100:]}),
    ]


PROBES: dict[tuple[str, str], Probe] = {
    ("GET", "/health"): lambda w, a, t, o: [("GET", "/health", {})],
    ("GET", "/ready"): lambda w, a, t, o: [("GET", "/ready", {})],
    # from loopback, as the test client calls: the scrape a proxy would refuse from outside
    ("GET", "/metrics"): lambda w, a, t, o: [("GET", "/metrics", {})],
    ("POST", "/v1/login"): lambda w, a, t, o: [
        (
            "POST",
            "/v1/login",
            {
                "json": {
                    "username": f"insp-{'tz' if t.code == TZ else 'hm'}",
                    "password": "not the password at all",
                    "install_id": str(uuid.uuid4()),
                }
            },
        )
    ],
    ("POST", "/v1/logout"): lambda w, a, t, o: [("POST", "/v1/logout", {})],
    ("POST", "/v1/push"): _push_probes,
    ("GET", "/v1/pull"): lambda w, a, t, o: [("GET", "/v1/pull", {"params": {"cursor": 0}})],
    ("POST", "/v1/photos/missing"): lambda w, a, t, o: [
        ("POST", "/v1/photos/missing", {"json": {"sha256s": [t["photo"]]}})
    ],
    ("GET", "/v1/photos/{sha256}/upload"): lambda w, a, t, o: [
        ("GET", f"/v1/photos/{t['photo']}/upload", {})
    ],
    ("PUT", "/v1/photos/{sha256}/upload"): lambda w, a, t, o: _upload(t),
    ("GET", "/v1/batches"): lambda w, a, t, o: [
        ("GET", "/v1/batches", {}),
        ("GET", "/v1/batches", {"params": {"username": f"insp-{'tz' if t.code == TZ else 'hm'}"}}),
    ],
    ("GET", "/v1/batches/{batch_id}"): lambda w, a, t, o: [
        ("GET", f"/v1/batches/{t['batch']}", {})
    ],
    ("GET", "/v1/records"): lambda w, a, t, o: [
        ("GET", "/v1/records", {}),
        ("GET", "/v1/records", {"params": {"batch_id": t["batch"]}}),
        ("GET", "/v1/records", {"params": {"county_code": t.code}}),
    ],
    ("GET", "/v1/records/{entity}/{row_id}"): lambda w, a, t, o: [
        ("GET", f"/v1/records/inspections/{t['inspection']}", {}),
        ("GET", f"/v1/records/outfalls/{t['ledger']}", {}),
        ("GET", f"/v1/records/inspection_photos/{t['photo_row']}", {}),
        ("GET", f"/v1/records/tasks/{t['task']}", {}),
    ],
    ("POST", "/v1/records/{entity}/{row_id}/review"): lambda w, a, t, o: [
        (
            "POST",
            f"/v1/records/inspections/{t['inspection']}/review",
            {"json": {"state": "returned", "comment": "退回"}},
        ),
        (
            "POST",
            f"/v1/records/patrols/{t['patrol']}/review",
            {"json": {"state": "escalated", "comment": "上报"}},
        ),
    ],
    ("GET", "/v1/proposals"): lambda w, a, t, o: [("GET", "/v1/proposals", {})],
    ("POST", "/v1/proposals/{proposal_id}/decision"): lambda w, a, t, o: [
        ("POST", f"/v1/proposals/{t['proposal']}/decision", {"json": {"decision": "reject"}})
    ],
    ("POST", "/v1/tasks"): lambda w, a, t, o: [
        (
            "POST",
            "/v1/tasks",
            {
                "json": {
                    "id": str(uuid.uuid4()),
                    "county_code": t.code,
                    "title": "任务",
                    "kind": "verify",
                    "location": {"lat": 32.0, "lon": 120.9},
                    "assignees": [f"insp-{'tz' if t.code == TZ else 'hm'}"],
                }
            },
        ),
        (  # an outfall of the other county under an assignee of this one
            "POST",
            "/v1/tasks",
            {
                "json": {
                    "id": str(uuid.uuid4()),
                    "county_code": t.code,
                    "title": "任务",
                    "outfall_ids": [o["ledger"]],
                    "assignees": [f"insp-{'tz' if t.code == TZ else 'hm'}"],
                }
            },
        ),
        (  # an assignee of the other county
            "POST",
            "/v1/tasks",
            {
                "json": {
                    "id": str(uuid.uuid4()),
                    "county_code": t.code,
                    "title": "任务",
                    "outfall_ids": [t["ledger"]],
                    "assignees": [f"insp-{'hm' if t.code == TZ else 'tz'}"],
                }
            },
        ),
        (
            "POST",
            "/v1/tasks",
            {
                "json": {
                    "id": str(uuid.uuid4()),
                    "county_code": o.code,
                    "title": "任务",
                    "outfall_id": t["ledger"],
                }
            },
        ),
    ],
    ("GET", "/v1/tasks"): lambda w, a, t, o: [
        ("GET", "/v1/tasks", {}),
        ("GET", "/v1/tasks", {"params": {"county_code": t.code}}),
        ("GET", "/v1/tasks", {"params": {"county_code": t.code, "state": "open"}}),
    ],
    ("GET", "/v1/tasks/assignees"): lambda w, a, t, o: [
        ("GET", "/v1/tasks/assignees", {"params": {"county_code": t.code}})
    ],
    ("POST", "/v1/tasks/{task_id}/cancel"): lambda w, a, t, o: [
        ("POST", f"/v1/tasks/{t['task']}/cancel", {"json": {"reason": "撤销"}})
    ],
    ("GET", "/v1/desk/batches"): lambda w, a, t, o: [
        ("GET", "/v1/desk/batches", {}),
        (
            "GET",
            "/v1/desk/batches",
            {"params": {"username": f"insp-{'tz' if t.code == TZ else 'hm'}"}},
        ),
    ],
    ("GET", "/v1/desk/batches/{batch_id}/records"): lambda w, a, t, o: [
        ("GET", f"/v1/desk/batches/{t['batch']}/records", {})
    ],
    ("GET", "/v1/desk/records/{entity}/{row_id}"): lambda w, a, t, o: [
        ("GET", f"/v1/desk/records/inspections/{t['inspection']}", {})
    ],
    ("POST", "/v1/desk/approve"): lambda w, a, t, o: [
        (
            "POST",
            "/v1/desk/approve",
            {
                "json": {
                    "records": [
                        {
                            "entity": "inspections",
                            "row_id": t["inspection"],
                            "version": w.version("inspections", t["inspection"]),
                        }
                    ]
                }
            },
        )
    ],
    ("POST", "/v1/desk/outfalls/{row_id}/accept"): lambda w, a, t, o: [
        (
            "POST",
            f"/v1/desk/outfalls/{t['provisional']}/accept",
            {
                "json": {
                    "national_code": f"NC{uuid.uuid4().hex[:8]}",
                    "version": w.version("outfalls", t["provisional"]),
                }
            },
        ),
        (
            "POST",
            f"/v1/desk/outfalls/{o['provisional']}/accept",
            {
                "json": {
                    "national_code": t["national"],
                    "version": w.version("outfalls", o["provisional"]),
                }
            },
        ),
    ],
    ("POST", "/v1/desk/outfalls/{row_id}/merge"): lambda w, a, t, o: [
        (
            "POST",
            f"/v1/desk/outfalls/{o['provisional']}/merge",
            {"json": {"into_id": t["ledger"], "version": w.version("outfalls", o["provisional"])}},
        ),
        (
            "POST",
            f"/v1/desk/outfalls/{t['provisional']}/merge",
            {"json": {"into_id": o["ledger"], "version": w.version("outfalls", t["provisional"])}},
        ),
    ],
    ("GET", "/v1/desk/outfalls/{row_id}/history"): lambda w, a, t, o: [
        ("GET", f"/v1/desk/outfalls/{t['ledger']}/history", {}),
        ("GET", f"/v1/desk/outfalls/{t['provisional']}/history", {}),
    ],
    ("GET", "/v1/desk/proposals"): lambda w, a, t, o: [
        ("GET", "/v1/desk/proposals", {}),
        ("GET", "/v1/desk/proposals", {"params": {"state": "decided"}}),
    ],
    ("POST", "/v1/desk/proposals/{proposal_id}/decision"): lambda w, a, t, o: [
        (
            "POST",
            f"/v1/desk/proposals/{t['proposal']}/decision",
            {"json": {"decision": "reject", "reason": "不对"}},
        ),
        (
            "POST",
            f"/v1/desk/proposals/{t['proposal']}/decision",
            {"json": {"decision": "merge", "into_id": o["ledger"]}},
        ),
    ],
    ("GET", "/v1/desk/patrols"): lambda w, a, t, o: [
        ("GET", "/v1/desk/patrols", {}),
        ("GET", "/v1/desk/patrols", {"params": {"batch_id": t["patrol_batch"]}}),
    ],
    ("POST", "/v1/desk/patrol_problems/{row_id}/handled"): lambda w, a, t, o: [
        (
            "POST",
            f"/v1/desk/patrol_problems/{t['problem']}/handled",
            {"json": {"note": "已处理", "version": w.version("patrol_problems", t["problem"])}},
        )
    ],
    ("GET", "/v1/photos/{sha256}"): lambda w, a, t, o: [("GET", f"/v1/photos/{t['photo']}", {})],
    ("GET", "/v1/admin/devices"): lambda w, a, t, o: [("GET", "/v1/admin/devices", {})],
    ("POST", "/v1/admin/devices/{device_id}/revoke"): lambda w, a, t, o: [
        ("POST", f"/v1/admin/devices/{t['spare_device']}/revoke", {})
    ],
}
LAST = ("POST", "/v1/logout")  # signs the actor out: run last, then sign in again
COUNTY_NAMES = {TZ: "通州区", HM: "海门区"}


LEAD_PHOTO_BYTES: dict[str, bytes] = {}


def _lead_file(secret: str) -> bytes:
    """A zip with one aerial-survey lead named by the county's secret and a photo of its own."""
    import io
    import zipfile

    photo = os.urandom(2000) + secret.encode()
    LEAD_PHOTO_BYTES[secret] = photo
    doc = {"type": "FeatureCollection", "features": [{"type": "Feature",
           "geometry": {"type": "Point", "coordinates": [121.0, 32.0]},
           "properties": {"name": f"{secret} 线索", "photo": "p.jpg"}}]}  # fmt: skip
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("leads.geojson", json.dumps(doc, ensure_ascii=False))
        archive.writestr("p.jpg", photo)
    return buffer.getvalue()


def _ledger_csv(t: County) -> bytes:
    """One new outfall in the target's county: an import outside the reader's area must not
    add it (the snapshot of that county would change)."""
    code = f"{t.code}H{uuid.uuid4().int % 10**6:06d}"
    lines = [
        "国家编码,排污口名称,所属县（市、区）,所属镇（街道）,经度,纬度,排污口类型",
        f"{code},{COUNTY_NAMES[t.code]}某镇某村东侧100m排口,{COUNTY_NAMES[t.code]},某镇,121.0,32.0,其他排口",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


PROBES.update(
    {
        ("GET", "/v1/progress"): lambda w, a, t, o: [
            ("GET", "/v1/progress", {"params": {"as_of": "2026-12-01"}}),
            ("GET", "/v1/progress", {"params": {"as_of": "2026-12-01", "county": t.code}}),
        ],
        ("GET", "/v1/progress/outfalls"): lambda w, a, t, o: [
            (
                "GET",
                "/v1/progress/outfalls",
                {"params": {"as_of": "2026-12-01", "measure": "known", "county": t.code}},
            )
        ],
        ("POST", "/v1/ledger/import"): lambda w, a, t, o: [
            (
                "POST",
                "/v1/ledger/import",
                {"content": _ledger_csv(t), "params": {"name": "台账.csv"}},
            )
        ],
        ("PUT", "/v1/plans/{outfall_id}"): lambda w, a, t, o: [
            ("PUT", f"/v1/plans/{t['ledger']}", {"json": _plan_edit(w, t)}),
            ("PUT", f"/v1/plans/{t['ledger']}", {"json": _plan("改写", 0)}),
            ("PUT", f"/v1/plans/{t['provisional']}", {"json": _plan("新建")}),
        ],
        ("GET", "/v1/plans/{outfall_id}"): lambda w, a, t, o: [
            ("GET", f"/v1/plans/{t['ledger']}", {}),
        ],
        ("POST", "/v1/complaints"): lambda w, a, t, o: [
            ("POST", "/v1/complaints", {"json": _complaint(t.code, "新举报", [], "nobody")}),
            ("POST", "/v1/complaints", {"json": _complaint(t.code, "新举报", [t["photo"]], "")}),
        ],
        ("GET", "/v1/complaints"): lambda w, a, t, o: [
            ("GET", "/v1/complaints", {}),
            ("GET", "/v1/complaints", {"params": {"county_code": t.code, "overdue": "true"}}),
        ],
        ("GET", "/v1/complaints/{complaint_id}"): lambda w, a, t, o: [
            ("GET", f"/v1/complaints/{t['complaint']}", {}),
        ],
        ("POST", "/v1/complaints/{complaint_id}/outcome"): lambda w, a, t, o: [
            (
                "POST",
                f"/v1/complaints/{t['complaint']}/outcome",
                {"json": {"outcome": "confirmed", "note": "x", "version": w.complaint_version(t)}},
            ),
        ],
        ("POST", "/v1/complaints/{complaint_id}/reply"): lambda w, a, t, o: [
            (
                "POST",
                f"/v1/complaints/{t['complaint']}/reply",
                {"json": {"text": "已答复", "version": w.complaint_version(t)}},
            ),
        ],
        ("GET", "/v1/complaints/{complaint_id}/photos/{sha256}"): lambda w, a, t, o: [
            ("GET", f"/v1/complaints/{t['complaint']}/photos/{t['photo']}", {}),
        ],
        ("GET", "/v1/plans"): lambda w, a, t, o: [
            ("GET", "/v1/plans", {}),
            ("GET", "/v1/plans", {"params": {"county_code": t.code, "overdue": "false"}}),
        ],
        ("POST", "/v1/leads/import"): lambda w, a, t, o: [
            (
                "POST",
                "/v1/leads/import",
                {"content": _lead_file(t["marker"]), "params": {"county": t.code, "name": "x.zip"}},
            )
        ],
        ("GET", "/v1/desk/leads"): lambda w, a, t, o: [
            ("GET", "/v1/desk/leads", {}),
            ("GET", "/v1/desk/leads", {"params": {"state": "open"}}),
        ],
        ("POST", "/v1/desk/leads/{lead_id}/task"): lambda w, a, t, o: [
            ("POST", f"/v1/desk/leads/{t['lead']}/task", {"json": {"whole_cluster": True}})
        ],
        ("POST", "/v1/desk/leads/{lead_id}/decision"): lambda w, a, t, o: [
            (
                "POST",
                f"/v1/desk/leads/{t['lead']}/decision",
                {
                    "json": {
                        "outcome": "duplicate",
                        "outfall_id": t["ledger"],
                        "evidence": [{"entity": "inspections", "row_id": t["inspection"]}],
                    }
                },
            ),
            (
                "POST",
                f"/v1/desk/leads/{t['lead']}/decision",
                {"json": {"outcome": "confirmed", "outfall_id": o["provisional"]}},
            ),
        ],
        ("GET", "/v1/leads/{lead_id}/photos/{sha256}"): lambda w, a, t, o: [
            ("GET", f"/v1/leads/{t['lead']}/photos/{t['lead_photo']}", {}),
            ("GET", f"/v1/leads/{o['lead']}/photos/{t['lead_photo']}", {}),
        ],
        ("GET", "/v1/ledger/export"): lambda w, a, t, o: [
            ("GET", "/v1/ledger/export", {"params": {"format": "csv"}}),
            ("GET", "/v1/ledger/export", {"params": {"format": "geojson", "kind": "disclosure"}}),
        ],
        ("GET", "/v1/ledger/dossier/{kind}/{row_id}"): lambda w, a, t, o: [
            ("GET", f"/v1/ledger/dossier/inspection/{t['inspection']}", {}),
            ("GET", f"/v1/ledger/dossier/outfall/{t['ledger']}", {}),
        ],
    }
)


@pytest.fixture
def world(database_url: str, tmp_path: Path, h: Any) -> Iterator[World]:
    settings = h.fast_settings(
        database_url,
        tmp_path / "photos",
        login_max_failures_per_user=100_000,
        login_max_failures_per_client=100_000,
    )
    ctx = build_context(settings)
    with start_blocking_portal() as portal:
        client = h.TestClient(create_app(ctx), portal)
        yield World(ctx, client, h)
        client.close()
    ctx.engine.dispose()


def _routes(world: World) -> set[tuple[str, str]]:
    paths = world.client.get("/openapi.json").json()["paths"]
    return {(method.upper(), path) for path, ops in paths.items() for method in ops}


def _leaks(answer: Any, county: County, sent: str, known: set[str] | None = None) -> list[str]:
    """Secrets of ``county`` in an answer, but for those the request carried or the reader's
    area was given by one of its own (an inspector who names a hash in a row of the area)."""
    body = answer.content
    text = body.decode("utf-8", "replace")
    known = known or set()
    found = [s for s in county.secrets if s in text and s not in sent and s not in known]
    if county.photo and county.photo in body:
        found.append("the photo's bytes")
    lead_photo = LEAD_PHOTO_BYTES.get(county.objects.get("marker", ""))
    if lead_photo and lead_photo in body:
        found.append("the lead photo's bytes")
    return found


def test_every_route_as_every_role_keeps_each_county_to_itself(world: World) -> None:
    routes = _routes(world)
    assert routes == set(PROBES), (
        f"routes without probes: {sorted(routes - set(PROBES))}; "
        f"probes of routes that are gone: {sorted(set(PROBES) - routes)}"
    )
    escapes: list[str] = []
    made = 0
    order = sorted(PROBES, key=lambda r: r == LAST)
    for actor in world.actors:
        own = _own(world, actor)
        for route in order:
            for target in (own, *[c for c in world.counties.values() if c is not own]):
                for method, url, kw in PROBES[route](world, actor, target, own):
                    outside = [
                        c for c in world.counties.values() if actor.county not in (CITY, c.code)
                    ]
                    before = {c.code: world.snapshot(c.code) for c in outside}
                    answer = world.call(actor, method, url, **kw)
                    made += 1
                    where = f"{actor.name} {method} {url}"
                    if answer.status_code >= 500:
                        escapes.append(f"{where}: {answer.status_code}")
                    sent = (
                        url + json.dumps(kw.get("json") or {}) + json.dumps(kw.get("params") or {})
                    )
                    known = world.known.setdefault(actor.county, set())
                    for c in outside:
                        leaked = _leaks(answer, c, sent, known)
                        known |= {s for s in c.secrets if s in sent}
                        if leaked:
                            escapes.append(f"{where}: shows {c.code}'s {leaked}")
                        if world.snapshot(c.code) != before[c.code]:
                            escapes.append(f"{where}: changed {c.code}")
            if route == LAST:
                world.login(actor)
    assert made > 600
    assert escapes == [], f"{len(escapes)} escapes in {made} requests:\n" + "\n".join(escapes)


def test_the_matrix_would_see_an_escape(world: World) -> None:
    """The checks are not blind: inside its area a supervisor does see and change things."""
    sup = world.actor("sup-tz")
    tz = world.counties[TZ]
    photo = world.call(sup, "GET", f"/v1/photos/{tz['photo']}")
    assert photo.status_code == 200 and "the photo's bytes" in _leaks(photo, tz, "")
    lead_photo = world.call(sup, "GET", f"/v1/leads/{tz['lead']}/photos/{tz['lead_photo']}")
    assert "the lead photo's bytes" in _leaks(lead_photo, tz, "")
    assert tz["lead"] in _leaks(world.call(sup, "GET", "/v1/desk/leads"), tz, "")
    detail = world.call(sup, "GET", f"/v1/desk/records/inspections/{tz['inspection']}")
    assert tz["marker"] in _leaks(detail, tz, "")
    before = world.snapshot(TZ)
    returned = world.call(sup, "POST", f"/v1/records/inspections/{tz['inspection']}/review",
                          json={"state": "returned", "comment": "退回"})  # fmt: skip
    assert returned.status_code == 200 and world.snapshot(TZ) != before
    before = world.snapshot(TZ)
    edited = world.call(sup, "PUT", f"/v1/plans/{tz['ledger']}", json=_plan_edit(world, tz))
    assert edited.status_code == 200, edited.text
    assert world.snapshot(TZ) != before
    city = world.actor("city-sup")
    hm = world.counties[HM]
    assert world.call(city, "GET", f"/v1/photos/{hm['photo']}").content == hm.photo
