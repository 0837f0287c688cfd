"""A lifecycle event another inspector recorded, pulled from the server, joins the outfall's
history on this laptop without being captured as a local change to push back."""

from __future__ import annotations

from pathlib import Path

from fieldapp.store import outfalls
from fieldapp.store.database import open_profile
from sync.client.state import account as sync_account
from sync.client.state import clock, pull
from sync.protocol import PulledChange


def test_a_pulled_lifecycle_event_joins_the_outfalls_history(tmp_path: Path) -> None:
    conn = open_profile(tmp_path / "profile.db")
    try:
        event = {
            "id": "6a1f0e52-1f1c-4d0a-9d55-0b7b3f6f2a10",
            "outfall_id": "0c3d7b7e-5f0e-4bb5-9a77-2f4c1d6e8a90",
            "action": "remediation_started",
            "from_state": "monitoring",
            "to_state": "remediating",
            "at": "2026-11-28T02:00:00Z",
            "actor": "alice",
            "note": "已封堵",
        }
        item = {"seq": 7, "change_id": "c7", "at": event["at"], "entity": "outfall_events", "row_id": event["id"], "op": "upsert",
                "data": event, "hlc": clock.format_hlc(1_795_000_000_000, 0, "server")}  # fmt: skip
        assert pull.apply_pulled(conn, [PulledChange.model_validate(item)], 7) == 1
        events = outfalls.history(conn, event["outfall_id"]).events
        assert [(e.id, e.to_state, e.actor, e.note) for e in events] == [
            (event["id"], "remediating", "alice", "已封堵")
        ]
        assert sync_account.pull_cursor(conn) == 7
        pending = conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
        assert pending == 0  # an incoming row is not a change of ours
    finally:
        conn.close()
