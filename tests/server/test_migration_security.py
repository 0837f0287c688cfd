"""Migration 20261202_01 on a database of the schema before it: names keyed, two names that
collide stop it, photo holders filled from uploads and batches, photo rows get their subject,
existing tokens get an expiry."""

from __future__ import annotations

import json

import pytest
from alembic import command
from sqlalchemy import text

from sync.server import db

BEFORE = "20261128_04"
H1, H2 = "a" * 64, "b" * 64


def _old(url: str) -> object:
    engine = db.make_engine(url)
    with engine.connect() as conn:
        command.upgrade(db._alembic_config(conn), BEFORE)
        conn.commit()
    return engine


def _user(conn: object, uid: int, name: str) -> None:
    conn.execute(  # type: ignore[attr-defined]
        text(
            "INSERT INTO users (id, username, password_hash, role, counties, disabled, created_at)"
            " VALUES (:i, :n, 'x', 'inspector', '[\"320612\"]', false, CURRENT_TIMESTAMP)"
        ),
        {"i": uid, "n": name},
    )


def test_rows_stored_before_get_their_security_columns(empty_database_url):
    engine = _old(empty_database_url)
    try:
        with engine.begin() as conn:  # type: ignore[attr-defined]
            _user(conn, 1, "Insp_A")
            _user(conn, 2, "bob")
            conn.execute(
                text(
                    "INSERT INTO devices (id, user_id, install_id, name, token_hash, created_at)"
                    " VALUES ('d-1', 1, 'i-1', 'laptop', :t, CURRENT_TIMESTAMP)"
                ),
                {"t": "c" * 64},
            )
            conn.execute(
                text(
                    "INSERT INTO photos (sha256, size, received_at, device_id)"
                    " VALUES (:a, 10, CURRENT_TIMESTAMP, 'd-1'), (:b, 10, CURRENT_TIMESTAMP, NULL)"
                ),
                {"a": H1, "b": H2},
            )
            conn.execute(
                text(
                    "INSERT INTO batches (batch_id, device_id, username, received_at,"
                    " content_hash, counts, total, counties, complete, response) VALUES"
                    " ('b-1', 'd-2', 'bob', CURRENT_TIMESTAMP, 'h', '{}', 1, '[]', true, '{}')"
                )
            )
            conn.execute(
                text("INSERT INTO batch_photos (batch_id, sha256) VALUES ('b-1', :a), ('b-1', :b)"),
                {"a": H1, "b": H2},
            )
            conn.execute(
                text(
                    "INSERT INTO records (entity, id, version, data, deleted, hlc, updated_at)"
                    " VALUES ('inspection_photos', 'p-1', 1, :d, false, 'h', CURRENT_TIMESTAMP)"
                ),
                {"d": json.dumps({"id": "p-1", "sha256": H1})},
            )
        db.migrate(engine)  # type: ignore[arg-type]
        with engine.connect() as conn:  # type: ignore[attr-defined]
            keys = dict(conn.execute(text("SELECT username, username_key FROM users")).all())
            assert keys == {"Insp_A": "insp_a", "bob": "bob"}
            holders = set(conn.execute(text("SELECT sha256, username FROM photo_holders")).all())
            assert holders == {(H1, "Insp_A"), (H1, "bob"), (H2, "bob")}
            subject = conn.execute(
                text("SELECT subject_id FROM records WHERE id = 'p-1'")
            ).scalar_one()
            assert subject == H1
            refs = conn.execute(text("SELECT entity, row_id, sha256 FROM record_photos")).all()
            assert [tuple(r) for r in refs] == [("inspection_photos", "p-1", H1)]
            expires = conn.execute(text("SELECT token_expires_at FROM devices")).scalar_one()
            assert expires is not None
    finally:
        engine.dispose()  # type: ignore[attr-defined]


def test_two_names_alike_after_normalisation_stop_the_migration(empty_database_url):
    engine = _old(empty_database_url)
    try:
        with engine.begin() as conn:  # type: ignore[attr-defined]
            _user(conn, 1, "insp_a")
            _user(conn, 2, "INSP_A ")
        with pytest.raises(RuntimeError, match="rename one"):
            db.migrate(engine)  # type: ignore[arg-type]
        assert db.current_revision(engine) == BEFORE  # type: ignore[arg-type]
    finally:
        engine.dispose()  # type: ignore[attr-defined]
