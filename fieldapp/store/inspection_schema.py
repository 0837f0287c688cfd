"""The schema of migration 3 (`0003_inspections`): inspections and their photos, with change
capture, a freeze trigger as the last line of defence behind `inspections.py`, and an index for
the nearest-outfall query. Released migrations are never edited: add a new one.
"""

from __future__ import annotations

INSPECTION_COLUMNS: tuple[str, ...] = (
    "id",
    "outfall_id",
    "author",
    "county_code",
    "kind",
    "status",
    "version",
    "supersedes",
    "started_at",
    "completed_at",
    "updated_at",
    "sections",
    "position",
    "far_from_outfall",
)
PHOTO_COLUMNS: tuple[str, ...] = (
    "id",
    "inspection_id",
    "sha256",
    "source_name",
    "caption",
    "problem_code",
    "width",
    "height",
    "taken_at",
    "lat",
    "lon",
    "distance_m",
    "time_offset_s",
    "far_from_outfall",
    "time_implausible",
    "added_at",
)

# Released: frozen literal text. The completeness guards test capture_control so that incoming
# server changes (a supervisor returning a record), which run with capture suppressed, pass.
M0003_INSPECTIONS = """
CREATE TABLE inspections (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    outfall_id TEXT NOT NULL,
    author TEXT NOT NULL,
    county_code TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'routine',
    status TEXT NOT NULL CHECK (status IN ('draft', 'complete')),
    version INTEGER NOT NULL DEFAULT 1,
    supersedes TEXT,
    started_at TEXT NOT NULL,
    completed_at TEXT,
    updated_at TEXT NOT NULL,
    sections TEXT NOT NULL DEFAULT '{}',
    position TEXT,
    far_from_outfall INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX inspections_by_outfall ON inspections (outfall_id, updated_at);
CREATE INDEX inspections_by_status ON inspections (status, updated_at);
CREATE TABLE inspection_photos (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    inspection_id TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    source_name TEXT NOT NULL DEFAULT '',
    caption TEXT NOT NULL DEFAULT '',
    problem_code TEXT,
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    taken_at TEXT,
    lat REAL,
    lon REAL,
    distance_m REAL,
    time_offset_s REAL,
    far_from_outfall INTEGER NOT NULL DEFAULT 0,
    time_implausible INTEGER NOT NULL DEFAULT 0,
    added_at TEXT NOT NULL,
    UNIQUE (inspection_id, sha256)
);
CREATE INDEX outfalls_by_lat_lon ON outfalls (lat, lon);

CREATE TRIGGER inspections_frozen_update BEFORE UPDATE ON inspections
WHEN OLD.status = 'complete' AND (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN SELECT RAISE(ABORT, 'inspection_frozen'); END;
CREATE TRIGGER inspections_frozen_delete BEFORE DELETE ON inspections
WHEN OLD.status = 'complete' AND (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN SELECT RAISE(ABORT, 'inspection_frozen'); END;
CREATE TRIGGER inspection_photos_frozen_insert BEFORE INSERT ON inspection_photos
WHEN (SELECT status FROM inspections WHERE id = NEW.inspection_id) = 'complete' AND (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN SELECT RAISE(ABORT, 'inspection_frozen'); END;
CREATE TRIGGER inspection_photos_frozen_update BEFORE UPDATE ON inspection_photos
WHEN (SELECT status FROM inspections WHERE id = OLD.inspection_id) = 'complete' AND (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN SELECT RAISE(ABORT, 'inspection_frozen'); END;
CREATE TRIGGER inspection_photos_frozen_delete BEFORE DELETE ON inspection_photos
WHEN (SELECT status FROM inspections WHERE id = OLD.inspection_id) = 'complete' AND (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN SELECT RAISE(ABORT, 'inspection_frozen'); END;

CREATE TRIGGER inspections_capture_insert AFTER INSERT ON inspections WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'inspections', NEW.id, 'upsert', json_object('id', NEW.id, 'outfall_id', NEW.outfall_id, 'author', NEW.author, 'county_code', NEW.county_code, 'kind', NEW.kind, 'status', NEW.status, 'version', NEW.version, 'supersedes', NEW.supersedes, 'started_at', NEW.started_at, 'completed_at', NEW.completed_at, 'updated_at', NEW.updated_at, 'sections', json(NEW.sections), 'position', json(NEW.position), 'far_from_outfall', NEW.far_from_outfall), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER inspections_capture_update AFTER UPDATE ON inspections WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'inspections', NEW.id, 'upsert', json_object('id', NEW.id, 'outfall_id', NEW.outfall_id, 'author', NEW.author, 'county_code', NEW.county_code, 'kind', NEW.kind, 'status', NEW.status, 'version', NEW.version, 'supersedes', NEW.supersedes, 'started_at', NEW.started_at, 'completed_at', NEW.completed_at, 'updated_at', NEW.updated_at, 'sections', json(NEW.sections), 'position', json(NEW.position), 'far_from_outfall', NEW.far_from_outfall), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER inspections_capture_delete AFTER DELETE ON inspections
BEGIN
    INSERT OR REPLACE INTO tombstones (entity, row_id, deleted_at)
    VALUES ('inspections', OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
    INSERT INTO change_log (change_id, entity, row_id, op, data, at)
    SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'inspections', OLD.id, 'delete', NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE (SELECT suppressed FROM capture_control WHERE id = 1) = 0;
END;

CREATE TRIGGER inspection_photos_capture_insert AFTER INSERT ON inspection_photos WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'inspection_photos', NEW.id, 'upsert', json_object('id', NEW.id, 'inspection_id', NEW.inspection_id, 'sha256', NEW.sha256, 'source_name', NEW.source_name, 'caption', NEW.caption, 'problem_code', NEW.problem_code, 'width', NEW.width, 'height', NEW.height, 'taken_at', NEW.taken_at, 'lat', NEW.lat, 'lon', NEW.lon, 'distance_m', NEW.distance_m, 'time_offset_s', NEW.time_offset_s, 'far_from_outfall', NEW.far_from_outfall, 'time_implausible', NEW.time_implausible, 'added_at', NEW.added_at), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER inspection_photos_capture_update AFTER UPDATE ON inspection_photos WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'inspection_photos', NEW.id, 'upsert', json_object('id', NEW.id, 'inspection_id', NEW.inspection_id, 'sha256', NEW.sha256, 'source_name', NEW.source_name, 'caption', NEW.caption, 'problem_code', NEW.problem_code, 'width', NEW.width, 'height', NEW.height, 'taken_at', NEW.taken_at, 'lat', NEW.lat, 'lon', NEW.lon, 'distance_m', NEW.distance_m, 'time_offset_s', NEW.time_offset_s, 'far_from_outfall', NEW.far_from_outfall, 'time_implausible', NEW.time_implausible, 'added_at', NEW.added_at), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER inspection_photos_capture_delete AFTER DELETE ON inspection_photos
BEGIN
    INSERT OR REPLACE INTO tombstones (entity, row_id, deleted_at)
    VALUES ('inspection_photos', OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
    INSERT INTO change_log (change_id, entity, row_id, op, data, at)
    SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'inspection_photos', OLD.id, 'delete', NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE (SELECT suppressed FROM capture_control WHERE id = 1) = 0;
END;
"""
