"""Outfall lifecycle events travel to every device of the area through the feed, also the ones
stored before they did (migration 20261128_04)."""

from __future__ import annotations

import json
import uuid

from alembic import command
from sqlalchemy import text

from sync.server import db


def test_outfall_lifecycle_events_reach_every_device_of_the_area(person, h):
    alice = person("alice", counties=(h.TOSHI,))
    bob = person("bob", counties=(h.TOSHI,))
    carol = person("carol", counties=(h.HAIMEN,))
    found = h.outfall(county=h.TOSHI, lifecycle_state="surveyed")
    alice.push_ok([h.change("outfalls", found)])
    event = {
        "id": str(uuid.uuid4()),
        "outfall_id": found["id"],
        "action": "monitor",
        "from_state": "surveyed",
        "to_state": "monitored",
        "at": "2026-11-28T02:00:00Z",
        "actor": "alice",
        "note": "已封堵",
    }
    moved = {**found, "lifecycle_state": "monitored"}
    results = alice.push_ok([h.change("outfalls", moved), h.change("outfall_events", event)])
    assert results["results"][1]["result"] == "applied"
    items = bob.get("/v1/pull").json()["items"]
    assert [(i["entity"], i["row_id"]) for i in items] == [
        ("outfalls", found["id"]),
        ("outfall_events", event["id"]),
    ]
    assert items[1]["data"] == event
    assert carol.get("/v1/pull").json()["items"] == []


def test_events_stored_before_enter_the_feed_once(empty_database_url):
    engine = db.make_engine(empty_database_url)
    try:
        with engine.connect() as conn:
            command.upgrade(db._alembic_config(conn), "20261128_03")
            conn.commit()
        event = {"id": "e-1", "outfall_id": "o-1", "to_state": "closed", "actor": "alice"}
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO feed (change_id, entity, row_id, op, data, at, hlc, county_code)"
                    " VALUES ('c-0', 'outfalls', 'o-1', 'upsert', '{}', CURRENT_TIMESTAMP, 'h0',"
                    " '320612')"
                )
            )
            for row_id, deleted, data in (("e-1", False, event), ("e-2", True, None)):
                conn.execute(
                    text(
                        "INSERT INTO records (entity, id, version, data, county_code, deleted, hlc,"
                        " updated_at) VALUES ('outfall_events', :i, 1, :d, '320612', :x, 'h1',"
                        " CURRENT_TIMESTAMP)"
                    ),
                    {"i": row_id, "d": None if data is None else json.dumps(data), "x": deleted},
                )
        db.migrate(engine)
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT seq, entity, row_id, data FROM feed ORDER BY seq"))
            feed = [(r.entity, r.row_id, json.loads(r.data)) for r in rows]
        assert feed == [("outfalls", "o-1", {}), ("outfall_events", "e-1", event)]
    finally:
        engine.dispose()
