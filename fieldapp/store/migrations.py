"""Numbered forward migrations of the profile database, run at start.

Each runs in its own transaction through sqlite-utils' `Migrations`, and also sets
`PRAGMA user_version` to its number, so start-up can tell in one cheap read whether anything is
pending, and refuse a file made by a newer version. Never edit a released migration: add one.

Released migrations are literal SQL text (frozen from the column lists of their day, never built
from today's): tests/store/test_released_profiles.py pins each one's SHA-256 and upgrades a
profile made by each released version to the latest.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

from fieldapp.store import (
    exact_reals_schema,
    inspection_schema,
    leads_schema,
    patrol_problems_schema,
    patrol_schema,
    patrol_task_schema,
    plans_schema,
    progress_schema,
    sync_schema,
    task_link_schema,
)

MIGRATION_SET = "hekou_profile"

OUTFALL_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "national_code",
    "local_code",
    "provisional_code",
    "type_code",
    "subtype_code",
    "legacy_type_code",
    "receiving_kind",
    "basin",
    "water_body",
    "county_code",
    "town",
    "village",
    "lat",
    "lon",
    "position_accuracy_m",
    "position_source",
    "position_datum",
    "responsible_party",
    "discharging_units",
    "channel_kind",
    "channel_note",
    "regime",
    "regime_document_no",
    "regime_date",
    "sea_tier",
    "remediation_route",
    "merge_into_id",
    "lifecycle_state",
    "sign_status",
    "sampling_status",
    "note",
    "created_at",
    "updated_at",
    "updated_by",
)
EVENT_COLUMNS = ("id", "outfall_id", "action", "from_state", "to_state", "at", "actor", "note")
EDIT_COLUMNS = ("id", "outfall_id", "at", "actor", "field", "old_value", "new_value")

_M0001_CORE = """
CREATE TABLE change_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    change_id TEXT NOT NULL UNIQUE,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    data TEXT,
    at TEXT NOT NULL
);
CREATE INDEX change_log_row ON change_log (entity, row_id);
CREATE TABLE tombstones (
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    deleted_at TEXT NOT NULL,
    PRIMARY KEY (entity, row_id)
) WITHOUT ROWID;
CREATE TABLE capture_control (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    suppressed INTEGER NOT NULL DEFAULT 0
);
INSERT INTO capture_control (id, suppressed) VALUES (1, 0);

CREATE TABLE outfalls (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    national_code TEXT UNIQUE,
    local_code TEXT UNIQUE,
    provisional_code TEXT UNIQUE,
    display_code TEXT GENERATED ALWAYS AS
        (coalesce(national_code, local_code, provisional_code, '')) VIRTUAL,
    type_code TEXT NOT NULL,
    subtype_code TEXT,
    legacy_type_code TEXT,
    receiving_kind TEXT NOT NULL,
    basin TEXT NOT NULL,
    water_body TEXT NOT NULL DEFAULT '',
    county_code TEXT NOT NULL,
    town TEXT NOT NULL DEFAULT '',
    village TEXT NOT NULL DEFAULT '',
    lat REAL,
    lon REAL,
    position_accuracy_m REAL,
    position_source TEXT,
    position_datum TEXT NOT NULL DEFAULT 'WGS84',
    responsible_party TEXT,
    discharging_units TEXT NOT NULL DEFAULT '[]',
    channel_kind TEXT,
    channel_note TEXT NOT NULL DEFAULT '',
    regime TEXT,
    regime_document_no TEXT NOT NULL DEFAULT '',
    regime_date TEXT NOT NULL DEFAULT '',
    sea_tier TEXT,
    remediation_route TEXT,
    merge_into_id TEXT,
    lifecycle_state TEXT NOT NULL,
    sign_status TEXT NOT NULL DEFAULT 'unknown',
    sampling_status TEXT NOT NULL DEFAULT 'unknown',
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT ''
);
CREATE TABLE outfall_events (
    id TEXT PRIMARY KEY,
    outfall_id TEXT NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outfall_events_outfall ON outfall_events (outfall_id, at);
CREATE TABLE outfall_edits (
    id TEXT PRIMARY KEY,
    outfall_id TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL
);
CREATE INDEX outfall_edits_outfall ON outfall_edits (outfall_id, at);

CREATE TRIGGER outfalls_capture_insert AFTER INSERT ON outfalls WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'outfalls', NEW.id, 'upsert', json_object('id', NEW.id, 'name', NEW.name, 'national_code', NEW.national_code, 'local_code', NEW.local_code, 'provisional_code', NEW.provisional_code, 'type_code', NEW.type_code, 'subtype_code', NEW.subtype_code, 'legacy_type_code', NEW.legacy_type_code, 'receiving_kind', NEW.receiving_kind, 'basin', NEW.basin, 'water_body', NEW.water_body, 'county_code', NEW.county_code, 'town', NEW.town, 'village', NEW.village, 'lat', NEW.lat, 'lon', NEW.lon, 'position_accuracy_m', NEW.position_accuracy_m, 'position_source', NEW.position_source, 'position_datum', NEW.position_datum, 'responsible_party', NEW.responsible_party, 'discharging_units', json(NEW.discharging_units), 'channel_kind', NEW.channel_kind, 'channel_note', NEW.channel_note, 'regime', NEW.regime, 'regime_document_no', NEW.regime_document_no, 'regime_date', NEW.regime_date, 'sea_tier', NEW.sea_tier, 'remediation_route', NEW.remediation_route, 'merge_into_id', NEW.merge_into_id, 'lifecycle_state', NEW.lifecycle_state, 'sign_status', NEW.sign_status, 'sampling_status', NEW.sampling_status, 'note', NEW.note, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER outfalls_capture_update AFTER UPDATE ON outfalls WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'outfalls', NEW.id, 'upsert', json_object('id', NEW.id, 'name', NEW.name, 'national_code', NEW.national_code, 'local_code', NEW.local_code, 'provisional_code', NEW.provisional_code, 'type_code', NEW.type_code, 'subtype_code', NEW.subtype_code, 'legacy_type_code', NEW.legacy_type_code, 'receiving_kind', NEW.receiving_kind, 'basin', NEW.basin, 'water_body', NEW.water_body, 'county_code', NEW.county_code, 'town', NEW.town, 'village', NEW.village, 'lat', NEW.lat, 'lon', NEW.lon, 'position_accuracy_m', NEW.position_accuracy_m, 'position_source', NEW.position_source, 'position_datum', NEW.position_datum, 'responsible_party', NEW.responsible_party, 'discharging_units', json(NEW.discharging_units), 'channel_kind', NEW.channel_kind, 'channel_note', NEW.channel_note, 'regime', NEW.regime, 'regime_document_no', NEW.regime_document_no, 'regime_date', NEW.regime_date, 'sea_tier', NEW.sea_tier, 'remediation_route', NEW.remediation_route, 'merge_into_id', NEW.merge_into_id, 'lifecycle_state', NEW.lifecycle_state, 'sign_status', NEW.sign_status, 'sampling_status', NEW.sampling_status, 'note', NEW.note, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER outfalls_capture_delete AFTER DELETE ON outfalls
BEGIN
    INSERT OR REPLACE INTO tombstones (entity, row_id, deleted_at)
    VALUES ('outfalls', OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
    INSERT INTO change_log (change_id, entity, row_id, op, data, at)
    SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'outfalls', OLD.id, 'delete', NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE (SELECT suppressed FROM capture_control WHERE id = 1) = 0;
END;

CREATE TRIGGER outfall_events_capture_insert AFTER INSERT ON outfall_events WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'outfall_events', NEW.id, 'upsert', json_object('id', NEW.id, 'outfall_id', NEW.outfall_id, 'action', NEW.action, 'from_state', NEW.from_state, 'to_state', NEW.to_state, 'at', NEW.at, 'actor', NEW.actor, 'note', NEW.note), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER outfall_events_capture_update AFTER UPDATE ON outfall_events WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'outfall_events', NEW.id, 'upsert', json_object('id', NEW.id, 'outfall_id', NEW.outfall_id, 'action', NEW.action, 'from_state', NEW.from_state, 'to_state', NEW.to_state, 'at', NEW.at, 'actor', NEW.actor, 'note', NEW.note), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER outfall_events_capture_delete AFTER DELETE ON outfall_events
BEGIN
    INSERT OR REPLACE INTO tombstones (entity, row_id, deleted_at)
    VALUES ('outfall_events', OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
    INSERT INTO change_log (change_id, entity, row_id, op, data, at)
    SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'outfall_events', OLD.id, 'delete', NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE (SELECT suppressed FROM capture_control WHERE id = 1) = 0;
END;

CREATE TRIGGER outfall_edits_capture_insert AFTER INSERT ON outfall_edits WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'outfall_edits', NEW.id, 'upsert', json_object('id', NEW.id, 'outfall_id', NEW.outfall_id, 'at', NEW.at, 'actor', NEW.actor, 'field', NEW.field, 'old_value', NEW.old_value, 'new_value', NEW.new_value), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER outfall_edits_capture_update AFTER UPDATE ON outfall_edits WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'outfall_edits', NEW.id, 'upsert', json_object('id', NEW.id, 'outfall_id', NEW.outfall_id, 'at', NEW.at, 'actor', NEW.actor, 'field', NEW.field, 'old_value', NEW.old_value, 'new_value', NEW.new_value), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER outfall_edits_capture_delete AFTER DELETE ON outfall_edits
BEGIN
    INSERT OR REPLACE INTO tombstones (entity, row_id, deleted_at)
    VALUES ('outfall_edits', OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
    INSERT INTO change_log (change_id, entity, row_id, op, data, at)
    SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'outfall_edits', OLD.id, 'delete', NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE (SELECT suppressed FROM capture_control WHERE id = 1) = 0;
END;
"""

# Search and sorting for the ledger window. The search text is derived, so it is not captured.
# FTS5's trigram tokenizer answers queries of three characters and more; `outfall_grams` answers
# shorter ones (see search_grams). Writers register the grams function (database._connect).
_M0002_SEARCH = """
CREATE TABLE outfall_search (rid INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE VIRTUAL TABLE outfall_fts USING fts5(
    text, content='outfall_search', content_rowid='rid', tokenize='trigram'
);
CREATE VIRTUAL TABLE outfall_grams USING fts5(
    grams, content='', detail=none, columnsize=0, tokenize='ascii'
);
CREATE TRIGGER outfall_search_ai AFTER INSERT ON outfall_search BEGIN
    INSERT INTO outfall_fts (rowid, text) VALUES (NEW.rid, NEW.text);
    INSERT INTO outfall_grams (rowid, grams) VALUES (NEW.rid, hekou_grams(NEW.text));
END;
CREATE TRIGGER outfall_search_ad AFTER DELETE ON outfall_search BEGIN
    INSERT INTO outfall_fts (outfall_fts, rowid, text) VALUES ('delete', OLD.rid, OLD.text);
    INSERT INTO outfall_grams (outfall_grams, rowid, grams)
        VALUES ('delete', OLD.rid, hekou_grams(OLD.text));
END;
CREATE TRIGGER outfall_search_au AFTER UPDATE ON outfall_search BEGIN
    INSERT INTO outfall_fts (outfall_fts, rowid, text) VALUES ('delete', OLD.rid, OLD.text);
    INSERT INTO outfall_grams (outfall_grams, rowid, grams)
        VALUES ('delete', OLD.rid, hekou_grams(OLD.text));
    INSERT INTO outfall_fts (rowid, text) VALUES (NEW.rid, NEW.text);
    INSERT INTO outfall_grams (rowid, grams) VALUES (NEW.rid, hekou_grams(NEW.text));
END;
CREATE TRIGGER outfalls_search_ai AFTER INSERT ON outfalls BEGIN
    INSERT INTO outfall_search (rid, text) VALUES (NEW.rid, lower(coalesce(NEW.national_code, '') || ' ' || coalesce(NEW.local_code, '') || ' ' || coalesce(NEW.provisional_code, '') || ' ' || NEW.name || ' ' || NEW.water_body || ' ' || NEW.town || ' ' || NEW.village || ' ' || coalesce(NEW.responsible_party, '')));
END;
CREATE TRIGGER outfalls_search_au AFTER UPDATE ON outfalls BEGIN
    UPDATE outfall_search SET text = lower(coalesce(NEW.national_code, '') || ' ' || coalesce(NEW.local_code, '') || ' ' || coalesce(NEW.provisional_code, '') || ' ' || NEW.name || ' ' || NEW.water_body || ' ' || NEW.town || ' ' || NEW.village || ' ' || coalesce(NEW.responsible_party, '')) WHERE rid = NEW.rid AND text != lower(coalesce(NEW.national_code, '') || ' ' || coalesce(NEW.local_code, '') || ' ' || coalesce(NEW.provisional_code, '') || ' ' || NEW.name || ' ' || NEW.water_body || ' ' || NEW.town || ' ' || NEW.village || ' ' || coalesce(NEW.responsible_party, ''));
END;
CREATE TRIGGER outfalls_search_ad AFTER DELETE ON outfalls BEGIN
    DELETE FROM outfall_search WHERE rid = OLD.rid;
END;
INSERT INTO outfall_search (rid, text)
    SELECT rid, lower(coalesce(national_code, '') || ' ' || coalesce(local_code, '') || ' ' || coalesce(provisional_code, '') || ' ' || name || ' ' || water_body || ' ' || town || ' ' || village || ' ' || coalesce(responsible_party, '')) FROM outfalls;
CREATE INDEX outfalls_by_display_code ON outfalls (display_code, rid);
CREATE INDEX outfalls_by_name ON outfalls (name, rid);
CREATE INDEX outfalls_by_county_code ON outfalls (county_code, rid);
CREATE INDEX outfalls_by_town ON outfalls (town, rid);
CREATE INDEX outfalls_by_water_body ON outfalls (water_body, rid);
CREATE INDEX outfalls_by_receiving_kind ON outfalls (receiving_kind, rid);
CREATE INDEX outfalls_by_type_code ON outfalls (type_code, rid);
CREATE INDEX outfalls_by_lifecycle_state ON outfalls (lifecycle_state, rid);
CREATE INDEX outfalls_by_remediation_route ON outfalls (remediation_route, rid);
CREATE INDEX outfalls_by_responsible_party ON outfalls (responsible_party, rid);
CREATE INDEX outfalls_by_updated_at ON outfalls (updated_at, rid);
CREATE INDEX outfalls_by_county_state ON outfalls (county_code, lifecycle_state);
"""


def statements(script: str) -> Iterator[str]:
    """Splits a script into complete statements (executescript would commit mid-migration)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer.strip()
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement: {buffer[:80]!r}")


def _script_migration(number: int, script: str) -> Callable[[object], None]:
    def migrate(db: object) -> None:
        for statement in statements(script):
            db.execute(statement)  # type: ignore[attr-defined]
        # Numbers are reserved per feature and merged out of order: migration 11 can run after 12
        # on an existing profile, and must not make start-up think 12 is still to come.
        current = db.execute("PRAGMA user_version").fetchone()[0]  # type: ignore[attr-defined]
        db.execute(f"PRAGMA user_version = {max(number, current)}")  # type: ignore[attr-defined]

    return migrate


# The released migrations' SQL, frozen: editing one fails tests/store/test_released_profiles.py.
RELEASED_SQL: dict[int, str] = {
    1: _M0001_CORE,
    2: _M0002_SEARCH,
    3: inspection_schema.M0003_INSPECTIONS,
    4: patrol_schema.MIGRATION_SQL,
    5: sync_schema.MIGRATION_SQL,
    6: sync_schema.MIGRATION_6_SQL,
    7: progress_schema.MIGRATION_SQL,
    8: exact_reals_schema.MIGRATION_SQL,
    10: patrol_problems_schema.MIGRATION_SQL,
    12: progress_schema.MIGRATION_12_SQL,
}

# (number, name, function). Append only.
MIGRATIONS: list[tuple[int, str, Callable[[object], None]]] = [
    (1, "0001_core", _script_migration(1, _M0001_CORE)),
    (2, "0002_search", _script_migration(2, _M0002_SEARCH)),
    (3, "0003_inspections", _script_migration(3, inspection_schema.M0003_INSPECTIONS)),
    (4, "0004_patrols", _script_migration(4, patrol_schema.MIGRATION_SQL)),
    (5, "0005_sync", _script_migration(5, sync_schema.MIGRATION_SQL)),
    (6, "0006_identity", _script_migration(6, sync_schema.MIGRATION_6_SQL)),
    (7, "0007_progress", _script_migration(7, progress_schema.MIGRATION_SQL)),
    (8, "0008_exact_reals", _script_migration(8, exact_reals_schema.MIGRATION_SQL)),
    (10, "0010_patrol_problems", _script_migration(10, patrol_problems_schema.MIGRATION_SQL)),
    (12, "0012_progress_parts", _script_migration(12, progress_schema.MIGRATION_12_SQL)),
    (11, "0011_task_link", _script_migration(11, task_link_schema.MIGRATION_SQL)),
    (14, "0014_aerial_leads", _script_migration(14, leads_schema.MIGRATION_SQL)),
    (16, "0016_patrol_task", _script_migration(16, patrol_task_schema.MIGRATION_SQL)),
    (9, "0009_remediation_plans", _script_migration(9, plans_schema.MIGRATION_SQL)),
]
LATEST = max(number for number, _name, _fn in MIGRATIONS)


_MIGRATIONS_TABLE = "_sqlite_migrations"


def repair(conn: sqlite3.Connection) -> None:
    """Give the migrations table its unique index if a kill cut its creation short.

    sqlite-utils creates the table and then, in a separate statement, its unique index on
    (migration_set, name); a kill between the two leaves a table that sqlite-utils never fixes,
    and a migration could then be recorded twice. Duplicate records (none are expected) keep
    their first row."""
    if not conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (_MIGRATIONS_TABLE,)
    ).fetchone():
        return
    for _seq, name, unique, *_ in conn.execute(f"PRAGMA index_list('{_MIGRATIONS_TABLE}')"):
        columns = [r[2] for r in conn.execute(f"PRAGMA index_info('{name}')")]
        if unique and columns == ["migration_set", "name"]:
            return
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            f"DELETE FROM {_MIGRATIONS_TABLE} WHERE rowid NOT IN (SELECT min(rowid) FROM "
            f"{_MIGRATIONS_TABLE} GROUP BY migration_set, name)"
        )
        conn.execute(
            f"CREATE UNIQUE INDEX idx__sqlite_migrations_migration_set_name "
            f"ON {_MIGRATIONS_TABLE} (migration_set, name)"
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def pending(conn: sqlite3.Connection) -> bool:
    """Whether a migration is still to run. ``user_version`` below ``LATEST`` says so in one read;
    at ``LATEST`` a migration numbered lower but merged later (11 after 12) may still be missing,
    which the migrations table tells."""
    if int(conn.execute("PRAGMA user_version").fetchone()[0]) < LATEST:
        return True
    if not conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (_MIGRATIONS_TABLE,)
    ).fetchone():
        return True
    applied = {
        r[0]
        for r in conn.execute(
            f"SELECT name FROM {_MIGRATIONS_TABLE} WHERE migration_set = ?", (MIGRATION_SET,)
        )
    }
    return any(name not in applied for _number, name, _fn in MIGRATIONS)


def migrate(conn: sqlite3.Connection, up_to: int = LATEST) -> None:
    """Applies the pending migrations up to `up_to`, each in its own transaction."""
    from sqlite_utils import Database  # import here: it costs ~80 ms, start-up rarely needs it
    from sqlite_utils.migrations import Migrations

    db = Database(conn, execute_plugins=False)
    migrations = Migrations(MIGRATION_SET)
    for number, name, fn in MIGRATIONS:
        if number <= up_to:
            migrations(name=name)(fn)
    migrations.apply(db)
