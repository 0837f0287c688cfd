"""The schema of migration 3 (`0003_inspections`): inspections and their photos, with change
capture, a freeze trigger as the last line of defence behind `inspections.py`, and an index for
the nearest-outfall query. Released migrations are never edited: add a new one.
"""

from __future__ import annotations

from fieldapp.store import capture

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

# Incoming server changes (a supervisor returning a record) pass: they run with capture suppressed.
_LOCAL = "(SELECT suppressed FROM capture_control WHERE id = 1) = 0"
_PARENT_COMPLETE = "(SELECT status FROM inspections WHERE id = {ref}.inspection_id) = 'complete'"

M0003_INSPECTIONS = (
    """
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
"""
    + f"""
CREATE TRIGGER inspections_frozen_update BEFORE UPDATE ON inspections
WHEN OLD.status = 'complete' AND {_LOCAL}
BEGIN SELECT RAISE(ABORT, 'inspection_frozen'); END;
CREATE TRIGGER inspections_frozen_delete BEFORE DELETE ON inspections
WHEN OLD.status = 'complete' AND {_LOCAL}
BEGIN SELECT RAISE(ABORT, 'inspection_frozen'); END;
CREATE TRIGGER inspection_photos_frozen_insert BEFORE INSERT ON inspection_photos
WHEN {_PARENT_COMPLETE.format(ref="NEW")} AND {_LOCAL}
BEGIN SELECT RAISE(ABORT, 'inspection_frozen'); END;
CREATE TRIGGER inspection_photos_frozen_update BEFORE UPDATE ON inspection_photos
WHEN {_PARENT_COMPLETE.format(ref="OLD")} AND {_LOCAL}
BEGIN SELECT RAISE(ABORT, 'inspection_frozen'); END;
CREATE TRIGGER inspection_photos_frozen_delete BEFORE DELETE ON inspection_photos
WHEN {_PARENT_COMPLETE.format(ref="OLD")} AND {_LOCAL}
BEGIN SELECT RAISE(ABORT, 'inspection_frozen'); END;
"""
    + capture.released_triggers_sql(
        "inspections", INSPECTION_COLUMNS, json_columns=("sections", "position")
    )
    + capture.released_triggers_sql("inspection_photos", PHOTO_COLUMNS)
)
