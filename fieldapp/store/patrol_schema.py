"""The schema of migration 4 (river-chief patrols, issue 7), apart so migrations can import it.

``fieldapp.store.patrols`` owns these tables and describes them; the covering index
``outfalls_map_points`` serves ``fieldapp.store.map_points`` (the map reads every outfall's
position, type and state from the index alone).
"""

from __future__ import annotations

from fieldapp.store import capture

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

MIGRATION_SQL = (
    """
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
"""
    + capture.released_triggers_sql(
        "patrols", PATROL_COLUMNS, json_columns=("pauses", "outfalls_passed")
    )
    + capture.released_triggers_sql("patrol_tracks", TRACK_COLUMNS, json_columns=("points",))
    + capture.released_triggers_sql("patrol_problems", PROBLEM_COLUMNS)
    + capture.released_triggers_sql("patrol_photos", PHOTO_COLUMNS)
    + MAP_POINTS_INDEX_SQL
)
