"""Rows know what they are about: an inspection its outfall, a review its record; found by an
index, filled in for rows stored before the column existed."""

from __future__ import annotations

import json

from alembic import command
from sqlalchemy import text

from sync.server import db
from sync.server.queries import records


def test_rows_stored_before_the_column_get_their_subject(empty_database_url):
    engine = db.make_engine(empty_database_url)
    try:
        with engine.connect() as conn:
            command.upgrade(db._alembic_config(conn), "20261128_02")
            conn.commit()
        rows = [
            ("inspections", "i-1", {"outfall_id": "o-1", "findings": "清澈"}),
            ("reviews", "r-1", {"record_id": "i-1", "state": "approved"}),
            ("outfalls", "o-1", {"code": "NT-001"}),
        ]
        with engine.begin() as conn:
            for entity, row_id, data in rows:
                conn.execute(
                    text(
                        "INSERT INTO records (entity, id, version, data, deleted, hlc, updated_at)"
                        " VALUES (:e, :i, 1, :d, false, 'h', CURRENT_TIMESTAMP)"
                    ),
                    {"e": entity, "i": row_id, "d": json.dumps(data, ensure_ascii=False)},
                )
        db.migrate(engine)
        with engine.connect() as conn:
            found = dict(conn.execute(text("SELECT id, subject_id FROM records")).all())
            assert found == {"i-1": "o-1", "r-1": "i-1", "o-1": None}
            assert [r.id for r in records.about(conn, "inspections", None, "o-1")] == ["i-1"]
    finally:
        engine.dispose()


def test_earlier_inspections_of_an_outfall_are_found_by_subject(person, h, engine):
    alice = person("alice")
    outfall, other = "11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"
    mine = [h.inspection("alice", outfall_id=outfall) for _ in range(3)]
    alice.push_ok([h.change("inspections", row) for row in mine])
    alice.push_ok([h.change("inspections", h.inspection("alice", outfall_id=other))])
    alice.push_ok([h.change("inspections", None, op="delete", row_id=mine[0]["id"])])
    with engine.connect() as conn:
        about = records.about(conn, "inspections", h.TOSHI, outfall)
        assert sorted(r.id for r in about) == sorted(r["id"] for r in mine[1:])
        assert records.about(conn, "inspections", h.HAIMEN, outfall) == []  # another county
        stored = conn.execute(
            text("SELECT subject_id FROM records WHERE id = :i"), {"i": mine[1]["id"]}
        ).scalar_one()
    assert stored == outfall
