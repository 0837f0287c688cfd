"""The schema of migration 4 (river-chief patrols, issue 7), apart so migrations can import it.

``fieldapp.store.patrols`` owns these tables and describes them; the covering index
``outfalls_map_points`` serves ``fieldapp.store.map_points`` (the map reads every outfall's
position, type and state from the index alone).
"""

from __future__ import annotations

MAP_POINTS_INDEX_SQL = (
    "CREATE INDEX outfalls_map_points ON outfalls (type_code, lifecycle_state, rid, lat, lon) "
    "WHERE lat IS NOT NULL AND lon IS NOT NULL;\n"
)


PATROL_COLUMNS = (
    "id",
    "author",
    "county_code",
    "status",
    "chief_level",
    "river",
    "started_at",
    "ended_at",
    "pauses",
    "duration_s",
    "distance_m",
    "points_recorded",
    "points_kept",
    "meets_rules",
    "rules_version",
    "outfalls_passed",
    "closed_automatically",
    "created_at",
    "updated_at",
)
TRACK_COLUMNS = ("id", "patrol_id", "part", "points")
PROBLEM_COLUMNS = (
    "id",
    "patrol_id",
    "county_code",
    "at",
    "lat",
    "lon",
    "error_m",
    "note",
    "outfall_id",
)
PHOTO_COLUMNS = ("id", "patrol_id", "problem_id", "sha256", "added_at")

MIGRATION_SQL = """
CREATE TABLE patrols (
    id TEXT PRIMARY KEY,
    author TEXT NOT NULL,
    county_code TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'complete')),
    chief_level TEXT NOT NULL,
    river TEXT NOT NULL DEFAULT '',
    started_at TEXT NOT NULL,
    ended_at TEXT,
    pauses TEXT NOT NULL DEFAULT '[]',
    duration_s REAL,
    distance_m REAL,
    points_recorded INTEGER,
    points_kept INTEGER,
    meets_rules INTEGER,
    rules_version TEXT,
    outfalls_passed TEXT NOT NULL DEFAULT '[]',
    closed_automatically INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX patrols_by_author ON patrols (author, status, started_at);
CREATE TABLE patrol_points (
    patrol_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    t TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    error_m REAL,
    piece INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (patrol_id, seq)
) WITHOUT ROWID;
CREATE TABLE patrol_tracks (
    id TEXT PRIMARY KEY,
    patrol_id TEXT NOT NULL,
    part INTEGER NOT NULL,
    points TEXT NOT NULL
);
CREATE INDEX patrol_tracks_by_patrol ON patrol_tracks (patrol_id, part);
CREATE TABLE patrol_problems (
    id TEXT PRIMARY KEY,
    patrol_id TEXT NOT NULL,
    county_code TEXT NOT NULL,
    at TEXT NOT NULL,
    lat REAL,
    lon REAL,
    error_m REAL,
    note TEXT NOT NULL DEFAULT '',
    outfall_id TEXT
);
CREATE INDEX patrol_problems_by_patrol ON patrol_problems (patrol_id, at);
CREATE TABLE patrol_photos (
    id TEXT PRIMARY KEY,
    patrol_id TEXT NOT NULL,
    problem_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX patrol_photos_by_problem ON patrol_photos (problem_id);

CREATE TRIGGER patrols_capture_insert AFTER INSERT ON patrols WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'patrols', NEW.id, 'upsert', json_object('id', NEW.id, 'author', NEW.author, 'county_code', NEW.county_code, 'status', NEW.status, 'chief_level', NEW.chief_level, 'river', NEW.river, 'started_at', NEW.started_at, 'ended_at', NEW.ended_at, 'pauses', json(NEW.pauses), 'duration_s', NEW.duration_s, 'distance_m', NEW.distance_m, 'points_recorded', NEW.points_recorded, 'points_kept', NEW.points_kept, 'meets_rules', NEW.meets_rules, 'rules_version', NEW.rules_version, 'outfalls_passed', json(NEW.outfalls_passed), 'closed_automatically', NEW.closed_automatically, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER patrols_capture_update AFTER UPDATE ON patrols WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'patrols', NEW.id, 'upsert', json_object('id', NEW.id, 'author', NEW.author, 'county_code', NEW.county_code, 'status', NEW.status, 'chief_level', NEW.chief_level, 'river', NEW.river, 'started_at', NEW.started_at, 'ended_at', NEW.ended_at, 'pauses', json(NEW.pauses), 'duration_s', NEW.duration_s, 'distance_m', NEW.distance_m, 'points_recorded', NEW.points_recorded, 'points_kept', NEW.points_kept, 'meets_rules', NEW.meets_rules, 'rules_version', NEW.rules_version, 'outfalls_passed', json(NEW.outfalls_passed), 'closed_automatically', NEW.closed_automatically, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER patrols_capture_delete AFTER DELETE ON patrols
BEGIN
    INSERT OR REPLACE INTO tombstones (entity, row_id, deleted_at)
    VALUES ('patrols', OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
    INSERT INTO change_log (change_id, entity, row_id, op, data, at)
    SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'patrols', OLD.id, 'delete', NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE (SELECT suppressed FROM capture_control WHERE id = 1) = 0;
END;

CREATE TRIGGER patrol_tracks_capture_insert AFTER INSERT ON patrol_tracks WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'patrol_tracks', NEW.id, 'upsert', json_object('id', NEW.id, 'patrol_id', NEW.patrol_id, 'part', NEW.part, 'points', json(NEW.points)), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER patrol_tracks_capture_update AFTER UPDATE ON patrol_tracks WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'patrol_tracks', NEW.id, 'upsert', json_object('id', NEW.id, 'patrol_id', NEW.patrol_id, 'part', NEW.part, 'points', json(NEW.points)), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER patrol_tracks_capture_delete AFTER DELETE ON patrol_tracks
BEGIN
    INSERT OR REPLACE INTO tombstones (entity, row_id, deleted_at)
    VALUES ('patrol_tracks', OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
    INSERT INTO change_log (change_id, entity, row_id, op, data, at)
    SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'patrol_tracks', OLD.id, 'delete', NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE (SELECT suppressed FROM capture_control WHERE id = 1) = 0;
END;

CREATE TRIGGER patrol_problems_capture_insert AFTER INSERT ON patrol_problems WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'patrol_problems', NEW.id, 'upsert', json_object('id', NEW.id, 'patrol_id', NEW.patrol_id, 'county_code', NEW.county_code, 'at', NEW.at, 'lat', NEW.lat, 'lon', NEW.lon, 'error_m', NEW.error_m, 'note', NEW.note, 'outfall_id', NEW.outfall_id), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER patrol_problems_capture_update AFTER UPDATE ON patrol_problems WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'patrol_problems', NEW.id, 'upsert', json_object('id', NEW.id, 'patrol_id', NEW.patrol_id, 'county_code', NEW.county_code, 'at', NEW.at, 'lat', NEW.lat, 'lon', NEW.lon, 'error_m', NEW.error_m, 'note', NEW.note, 'outfall_id', NEW.outfall_id), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER patrol_problems_capture_delete AFTER DELETE ON patrol_problems
BEGIN
    INSERT OR REPLACE INTO tombstones (entity, row_id, deleted_at)
    VALUES ('patrol_problems', OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
    INSERT INTO change_log (change_id, entity, row_id, op, data, at)
    SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'patrol_problems', OLD.id, 'delete', NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE (SELECT suppressed FROM capture_control WHERE id = 1) = 0;
END;

CREATE TRIGGER patrol_photos_capture_insert AFTER INSERT ON patrol_photos WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'patrol_photos', NEW.id, 'upsert', json_object('id', NEW.id, 'patrol_id', NEW.patrol_id, 'problem_id', NEW.problem_id, 'sha256', NEW.sha256, 'added_at', NEW.added_at), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER patrol_photos_capture_update AFTER UPDATE ON patrol_photos WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'patrol_photos', NEW.id, 'upsert', json_object('id', NEW.id, 'patrol_id', NEW.patrol_id, 'problem_id', NEW.problem_id, 'sha256', NEW.sha256, 'added_at', NEW.added_at), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER patrol_photos_capture_delete AFTER DELETE ON patrol_photos
BEGIN
    INSERT OR REPLACE INTO tombstones (entity, row_id, deleted_at)
    VALUES ('patrol_photos', OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
    INSERT INTO change_log (change_id, entity, row_id, op, data, at)
    SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'patrol_photos', OLD.id, 'delete', NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE (SELECT suppressed FROM capture_control WHERE id = 1) = 0;
END;
CREATE INDEX outfalls_map_points ON outfalls (type_code, lifecycle_state, rid, lat, lon) WHERE lat IS NOT NULL AND lon IS NOT NULL;
"""
