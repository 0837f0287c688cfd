"""The profile's aerial-survey leads (migration 14): stored as pulled, read for the map."""

from __future__ import annotations

from fieldapp.store import database, leads, migrations


def _row(**extra: object) -> dict[str, object]:
    return {
        "id": "lead-1", "county_code": "320612", "name": "暗管A", "note": "岸边", "lat": 32.05,
        "lon": 120.95, "photos": [{"name": "a.jpg", "sha256": "ab" * 32}], "cluster_id": "lead-1",
        "near_outfall_id": None, "near_outfall_m": None, "state": "open", "task_id": None,
        "outfall_id": None, "source": "survey.zip", **extra,
    }  # fmt: skip


def test_pulled_leads_are_kept_replaced_and_dropped(db_path) -> None:
    conn = database.open_profile(db_path)
    with conn:
        leads.apply(conn, "lead-1", _row(), deleted=False)
        leads.apply(conn, "lead-2", _row(id="lead-2", name="B", state="duplicate"), deleted=False)
        leads.apply(conn, "lead-3", {"id": "lead-3", "lat": "north"}, deleted=False)
    [shown] = leads.to_verify(conn)
    assert (shown.name, shown.lat, shown.photos[0].name, shown.to_verify) == (
        "暗管A",
        32.05,
        "a.jpg",
        True,
    )
    assert leads.get(conn, "lead-2") is not None and leads.get(conn, "lead-3") is None
    with conn:
        leads.apply(conn, "lead-1", _row(state="tasked", task_id="t1"), deleted=False)
    assert leads.to_verify(conn)[0].task_id == "t1"
    with conn:
        leads.apply(conn, "lead-1", None, deleted=True)
    assert leads.to_verify(conn) == []
    conn.close()


def test_the_version_never_goes_down_when_a_lower_number_comes_later(db_path) -> None:
    conn = database.open_profile(db_path)
    assert database.schema_version(conn) == migrations.LATEST >= 14
    lower = migrations._script_migration(13, "CREATE TABLE later_feature (id TEXT);")
    lower(conn)
    assert database.schema_version(conn) == migrations.LATEST
    conn.close()
