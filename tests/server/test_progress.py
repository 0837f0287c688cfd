"""GET /v1/progress and /v1/progress/outfalls on SQLite and PostgreSQL: the known-answer ledger
stored on the server gives exactly the figures a device holding the same ledger computes, on
today and on past dates; area and role are checked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assessment.figures import summarise
from assessment.testing import COUNTIES, STATES, KnownLedger, known_ledger
from fieldapp import reference_data
from fieldapp.demo.known import write_known
from fieldapp.paths import DATA
from fieldapp.store import database, progress
from sync.server import db
from sync.server.canonical import utcnow
from sync.server.models import StoredRecord
from sync.server.queries import records
from sync.server.services.progress import view

CITY = "320600"
DAYS = (
    dt.date(2022, 12, 31),
    dt.date(2023, 6, 30),
    dt.date(2023, 12, 31),
    dt.date(2024, 3, 1),
    dt.date(2024, 12, 19),
    dt.date(2026, 12, 1),
)


@pytest.fixture(scope="module")
def known() -> KnownLedger:
    return known_ledger()


def _record(entity: str, data: dict, county: str) -> StoredRecord:
    return StoredRecord(
        entity=entity,
        id=str(data["id"]),
        version=1,
        data=data,
        county_code=county,
        owner="考核测试",
        parent_id=None,
        status=data.get("status"),
        review_state=None,
        deleted=False,
        hlc="0000000000001:00000:test",
        device_id=None,
        batch_id=None,
        updated_at=utcnow(),
    )


@pytest.fixture
def stored(ctx, known):
    """The known ledger stored on the server, as the device's rows would arrive."""
    county = {o.id: o.county for o in known.outfalls}
    rows = []
    for o in known.outfalls:
        rows.append(
            _record(
                "outfalls",
                {"id": o.id, "name": o.name, "local_code": f"KH-{o.id[:8]}", "county_code": o.county,
                 "basin": o.basin, "receiving_kind": o.kind, "sign_status": o.sign_status,
                 "lifecycle_state": o.final_state},
                o.county,
            )
        )  # fmt: skip
    rows += [_record("outfall_events", dict(e), county[str(e["outfall_id"])]) for e in known.events]
    rows += [_record("outfall_edits", dict(e), county[str(e["outfall_id"])]) for e in known.edits]
    rows += [
        _record(
            "inspections",
            {"id": i["id"], "outfall_id": i["outfall_id"], "status": "complete",
             "completed_at": i["at"], "author": "考核测试"},
            county[str(i["outfall_id"])],
        )
        for i in known.inspections
    ]  # fmt: skip
    with db.write(ctx.engine) as conn:
        records.insert_many(conn, rows)
    return known


@pytest.fixture(scope="module")
def device_cube(tmp_path_factory):
    """The same ledger in a real device profile, and its cube."""
    path: Path = tmp_path_factory.mktemp("device") / "profile.sqlite"
    conn = database.open_profile(path)
    try:
        write_known(conn)
        ref = reference_data.load()
        rules = progress.load_rules(DATA / "milestones.json", frozenset(s.code for s in ref.states))
        return rules, progress.current_cube(conn, rules).cube
    finally:
        conn.close()


@pytest.mark.parametrize("day", DAYS)
def test_the_city_sees_exactly_what_the_device_computes(stored, person, device_cube, day):
    leader = person("leader1", "leader", (CITY,))
    answer = leader.get("/v1/progress", params={"as_of": day.isoformat()})
    assert answer.status_code == 200, answer.text
    rules, cube = device_cube
    on_device = summarise(cube, rules, day)
    body = answer.json()
    assert body["area"] == view(on_device.area).model_dump(mode="json")
    assert body["counties"] == [
        view(a).model_dump(mode="json") for _c, a in sorted(on_device.counties.items())
    ]


def test_the_known_figures_come_back(stored, person):
    supervisor = person("sup_city", "supervisor", (CITY,))
    body = supervisor.get("/v1/progress", params={"as_of": "2023-12-31"}).json()
    by_county = {a["county"]: a for a in body["counties"]}
    for ci, county in enumerate(COUNTIES):
        assert by_county[county]["by_state"] == {s: ci + si + 1 for si, s in enumerate(STATES)}
    assert body["area"]["county"] is None
    assert body["rules_version"] == "nantong-2023-27"


def test_a_county_supervisor_sees_only_their_county(stored, person):
    supervisor = person("sup_tz", "supervisor", ("320612",))
    body = supervisor.get("/v1/progress", params={"as_of": "2023-12-31"}).json()
    assert [a["county"] for a in body["counties"]] == ["320612"]
    assert body["area"]["total"] == sum(0 + si + 1 for si in range(10))
    assert (
        supervisor.get(
            "/v1/progress", params={"as_of": "2023-12-31", "county": "320614"}
        ).status_code
        == 404
    )
    listing = supervisor.get(
        "/v1/progress/outfalls",
        params={"as_of": "2023-12-31", "measure": "state:closed", "county": "320614"},
    )
    assert listing.status_code == 404
    mine = supervisor.get(
        "/v1/progress/outfalls", params={"as_of": "2023-12-31", "measure": "state:closed"}
    ).json()
    assert mine["total"] == 0 + 7 + 1 and {o["county_code"] for o in mine["outfalls"]} == {"320612"}


@pytest.mark.parametrize("role", ["inspector", "river_chief", "admin"])
def test_other_roles_are_refused(stored, person, role):
    someone = person(f"who_{role}", role, (CITY,))
    assert someone.get("/v1/progress", params={"as_of": "2023-12-31"}).status_code == 403


def test_the_list_behind_a_past_number(stored, person):
    leader = person("leader2", "leader", (CITY,))
    past = leader.get(
        "/v1/progress/outfalls",
        params={"as_of": "2023-06-30", "measure": "state:closed", "county": "320623"},
    ).json()
    assert past["total"] == (3 + 8 + 1) + (3 + 9 + 1)  # routine and retired stood closed then
    assert all(o["name"].startswith("考核样例320623") for o in past["outfalls"])
    bad = leader.get("/v1/progress/outfalls", params={"as_of": "2023-06-30", "measure": "x;y"})
    assert bad.status_code == 422
    assert leader.get("/v1/progress", params={"as_of": "2023-02-30"}).status_code == 422


def test_a_change_stored_since_shows_in_the_next_answer(stored, person, ctx):
    leader = person("leader3", "leader", (CITY,))
    first = leader.get("/v1/progress", params={"as_of": "2026-12-01"}).json()
    surveyed = next(
        o for o in stored.outfalls if o.final_state == "surveyed" and o.county == "320612"
    )
    event = {"id": "c0ffee00-0000-4000-8000-000000000001", "outfall_id": surveyed.id,
             "action": "monitor", "from_state": "surveyed", "to_state": "monitored",
             "at": "2026-11-30T03:00:00Z", "actor": "考核测试", "note": ""}  # fmt: skip
    with db.write(ctx.engine) as conn:
        records.insert_many(conn, [_record("outfall_events", event, "320612")])
    again = leader.get("/v1/progress", params={"as_of": "2026-12-01"}).json()
    before = {a["county"]: a["by_state"] for a in first["counties"]}["320612"]
    after = {a["county"]: a["by_state"] for a in again["counties"]}["320612"]
    assert after.get("surveyed", 0) == before["surveyed"] - 1
    assert after["monitored"] == before["monitored"] + 1
