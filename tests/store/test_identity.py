"""Binding a profile's records to the account (fieldapp.store.identity): everything written here
that the server never held is re-attributed in one transaction and queued again; the ledger pulled
from the server is not touched; an interrupted binding leaves nothing half done."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fieldapp.domain import clock
from fieldapp.domain import inspection as model
from fieldapp.store import database, identity, inspections, outfalls, patrols, synced_rows


def _changes(conn: sqlite3.Connection, after: int) -> list[tuple[str, str]]:
    return [
        (r[0], r[1])
        for r in conn.execute(
            "SELECT entity, json_extract(data, '$.author') FROM change_log WHERE seq > ?"
            " ORDER BY seq",
            (after,),
        )
    ]


def test_bind_reattributes_local_records_only(
    tmp_path: Path, make_outfall: Callable[..., Any]
) -> None:
    conn = database.open_profile(tmp_path / "p.sqlite")
    ledger = [make_outfall(updated_by="office") for _ in range(5)]
    outfalls.bulk_load_incoming(conn, [(o, []) for o in ledger])
    me = identity.local_user(conn)
    draft = model.new_draft(ledger[0].id, me, ledger[0].county_code)
    draft = dataclasses.replace(draft, inspectors=(me, "李四"))
    inspections.save_draft(conn, draft)
    patrol = patrols.start(
        conn, author=me, county_code="320612", chief_level="town", river="通吕运河"
    )
    with database.transaction(conn):
        conn.execute(
            "INSERT INTO outfall_events (id, outfall_id, action, from_state, to_state, at, actor,"
            " note) VALUES ('e1', ?, 'monitor', 'surveyed', 'monitored', ?, ?, '')",
            (ledger[1].id, clock.now_iso(), me),
        )
    before = conn.execute("SELECT max(seq) FROM change_log").fetchone()[0]

    binding = identity.bind(conn, "zhangwei")
    assert binding.rows == {"inspections": 1, "patrols": 1, "outfall_events": 1}
    assert binding.replaced == (me,)
    stored = inspections.get(conn, draft.id)
    assert stored is not None and stored.author == "zhangwei"
    assert stored.inspectors == ("zhangwei", "李四")  # the others present stay
    assert patrols.get(conn, patrol.id).author == "zhangwei"  # type: ignore[union-attr]
    assert conn.execute("SELECT actor FROM outfall_events WHERE id = 'e1'").fetchone() == (
        "zhangwei",
    )
    # the pulled ledger is untouched, and not queued
    assert {r[0] for r in conn.execute("SELECT DISTINCT updated_by FROM outfalls")} == {"office"}
    queued = _changes(conn, before)
    assert ("inspections", "zhangwei") in queued and ("patrols", "zhangwei") in queued
    assert not any(entity == "outfalls" for entity, _ in queued)
    # nothing left to bind: a second binding changes and audits nothing
    assert identity.bind(conn, "zhangwei").changed == 0
    assert [e.action for e in identity.audit_log(conn)] == ["bind"]
    conn.close()


def test_a_draft_begun_before_sign_in_names_the_account_once_signed_in(tmp_path: Path) -> None:
    conn = database.open_profile(tmp_path / "p.sqlite")
    me = identity.local_user(conn)
    draft = model.new_draft("00000000-0000-4000-8000-000000000003", me, "320612")
    assert draft.inspectors == ()  # the profile's id is no one's name: nobody is pre-filled
    inspections.save_draft(conn, draft)
    identity.bind(conn, "zhangwei")
    stored = inspections.get(conn, draft.id)
    assert stored is not None and stored.inspectors == ("zhangwei",)
    conn.close()


def test_an_interrupted_binding_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = database.open_profile(tmp_path / "p.sqlite")
    me = identity.local_user(conn)
    first = model.new_draft("00000000-0000-4000-8000-000000000001", me, "320612")
    first = dataclasses.replace(first, inspectors=(me,))  # as a draft of an older release held
    second = model.new_draft("00000000-0000-4000-8000-000000000002", me, "320612")
    inspections.save_draft(conn, first)
    inspections.save_draft(conn, second)
    calls = []

    def failing_requeue(c: sqlite3.Connection, entity: str, row_id: str) -> None:
        calls.append(row_id)
        if len(calls) == 2:
            raise sqlite3.OperationalError("disk I/O error")
        synced_rows.enqueue(c, entity, row_id, synced_rows.row_data(c, entity, row_id) or {})

    monkeypatch.setattr(identity, "_requeue", failing_requeue)
    with pytest.raises(sqlite3.OperationalError):
        identity.bind(conn, "zhangwei")
    authors = {r[0] for r in conn.execute("SELECT author FROM inspections")}
    assert authors == {me} and identity.audit_log(conn) == []
    sections = json.loads(
        conn.execute("SELECT sections FROM inspections WHERE id = ?", (first.id,)).fetchone()[0]
    )
    assert sections["inspectors"] == [me]
    assert conn.execute("SELECT suppressed FROM capture_control").fetchone() == (0,)
    conn.close()
