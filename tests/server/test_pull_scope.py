"""A user's counties change: a device whose area grew pulls again from the start."""

from __future__ import annotations

from sqlalchemy import update

from sync.server.queries import devices
from sync.server.schema import devices as devices_table
from sync.server.services import admin
from sync.server.services import pull as pull_service

RESTART = {"items": [], "cursor": 0, "more": True, "restart": True}


def pull_all(who, cursor=0):  # type: ignore[no-untyped-def]
    """Every page from ``cursor`` on: (row ids in order, the last cursor)."""
    ids: list[str] = []
    while True:
        page = who.get("/v1/pull", params={"cursor": cursor, "limit": 2}).json()
        assert not page["restart"], page
        ids += [i["row_id"] for i in page["items"]]
        cursor = page["cursor"]
        if not page["more"]:
            return ids, cursor


def recorded_scope(ctx, who):  # type: ignore[no-untyped-def]
    with ctx.engine.connect() as conn:
        return devices.pull_scope(conn, who.device_id)


def test_scope_text_and_what_widens_it():
    assert pull_service.scope_of(None) == "city"
    assert pull_service.scope_of(frozenset({"320614", "320612"})) == "320612,320614"
    assert pull_service.scope_of(frozenset()) == ""
    widens = pull_service.widens
    assert widens("320612", "320612,320614")
    assert widens("320612", "city")
    assert widens("", "320612")
    assert widens("320612,320614", "320612,320623")  # one lost, one gained
    assert not widens("320612,320614", "320612")
    assert not widens("320612", "320612")
    assert not widens("city", "320612")
    assert not widens("city", "city")
    assert not widens("320612", "")


def test_a_gained_county_restarts_the_pull_and_brings_its_older_rows(ctx, person, h):
    alice = person("alice", counties=(h.TOSHI,))
    carol = person("carol", counties=(h.HAIMEN,))
    haimen_old = h.outfall(county=h.HAIMEN)
    carol.push_ok([h.change("outfalls", haimen_old)])
    toshi = h.outfall(county=h.TOSHI)
    alice.push_ok([h.change("outfalls", toshi)])
    ids, cursor = pull_all(alice)
    assert ids == [toshi["id"]] and recorded_scope(ctx, alice) == h.TOSHI

    admin.set_counties(ctx, "alice", [h.TOSHI, h.HAIMEN])
    assert alice.get("/v1/pull", params={"cursor": cursor}).json() == RESTART
    # the recorded area changes only when the device pulls from 0: asking again restarts again
    assert alice.get("/v1/pull", params={"cursor": cursor}).json() == RESTART
    assert recorded_scope(ctx, alice) == h.TOSHI

    ids, cursor = pull_all(alice)
    assert ids == [haimen_old["id"], toshi["id"]]
    assert recorded_scope(ctx, alice) == f"{h.TOSHI},{h.HAIMEN}"
    haimen_new = h.outfall(county=h.HAIMEN)
    carol.push_ok([h.change("outfalls", haimen_new)])
    ids, _ = pull_all(alice, cursor)
    assert ids == [haimen_new["id"]]


def test_becoming_city_wide_restarts_the_pull(ctx, person, h):
    alice = person("alice", counties=(h.TOSHI,))
    alice.push_ok([h.change("outfalls", h.outfall(county=h.TOSHI))])
    _, cursor = pull_all(alice)
    admin.set_counties(ctx, "alice", [h.CITY])
    assert alice.get("/v1/pull", params={"cursor": cursor}).json() == RESTART
    pull_all(alice)
    assert recorded_scope(ctx, alice) == "city"


def test_losing_a_county_does_not_restart_but_regaining_it_does(ctx, person, h):
    alice = person("alice", counties=(h.TOSHI, h.HAIMEN))
    alice.push_ok([h.change("outfalls", h.outfall(county=h.HAIMEN))])
    _, cursor = pull_all(alice)
    admin.set_counties(ctx, "alice", [h.TOSHI])
    page = alice.get("/v1/pull", params={"cursor": cursor}).json()
    assert page == {"items": [], "cursor": cursor, "more": False, "restart": False}
    assert recorded_scope(ctx, alice) == h.TOSHI
    admin.set_counties(ctx, "alice", [h.TOSHI, h.HAIMEN])
    assert alice.get("/v1/pull", params={"cursor": cursor}).json() == RESTART


def test_a_device_without_a_recorded_area_is_served_and_its_area_recorded(ctx, person, h):
    alice = person("alice", counties=(h.TOSHI,))
    carol = person("carol", counties=(h.HAIMEN,))
    carol.push_ok([h.change("outfalls", h.outfall(county=h.HAIMEN))])
    _, cursor = pull_all(carol)
    # a device that pulled before the server recorded areas has a cursor but no area
    with ctx.engine.begin() as conn:
        conn.execute(update(devices_table).values(pull_scope=None))
    admin.set_counties(ctx, "carol", [h.HAIMEN, h.TOSHI])
    page = carol.get("/v1/pull", params={"cursor": cursor}).json()
    assert not page["restart"] and page["cursor"] == cursor
    assert recorded_scope(ctx, carol) == f"{h.TOSHI},{h.HAIMEN}"
    # one that never pulled at all is not told to restart either
    admin.set_counties(ctx, "alice", [h.HAIMEN])
    assert recorded_scope(ctx, alice) is None
    assert not alice.get("/v1/pull", params={"cursor": cursor}).json()["restart"]
    assert recorded_scope(ctx, alice) == h.HAIMEN


def test_each_device_keeps_its_own_area(ctx, client, person, h):
    alice = person("alice", counties=(h.TOSHI,))
    alice.push_ok([h.change("outfalls", h.outfall(county=h.TOSHI))])
    _, cursor = pull_all(alice)
    admin.set_counties(ctx, "alice", [h.TOSHI, h.HAIMEN])
    second = h.login(client, "alice").json()
    headers = {"Authorization": f"Bearer {second['token']}"}
    first_page = client.get("/v1/pull", params={"cursor": 0}, headers=headers).json()
    assert not first_page["restart"]
    assert alice.get("/v1/pull", params={"cursor": cursor}).json() == RESTART


def test_an_unchanged_area_writes_nothing(ctx, person, h, monkeypatch):
    alice = person("alice")
    _, cursor = pull_all(alice)
    writes: list[str] = []
    monkeypatch.setattr(devices, "set_pull_scope", lambda conn, d, s: writes.append(s))
    for _ in range(3):
        assert alice.get("/v1/pull", params={"cursor": cursor}).json()["items"] == []
    assert writes == []
