"""The schema of migration 7 (``0007_progress``): the progress figures' cache and what keeps it honest.

``progress_generation`` counts every change that can move a figure (a lifecycle event, an outfall
added, removed or moved to another county, basin or receiving kind, a sign status, a completed
inspection), whether made here or pulled from the server; ``progress_cache`` holds the cube built
at one generation, so opening the progress view reads one row instead of walking a million
events. ``fieldapp.store.progress`` owns both tables. Derived data: never synced, never captured.
"""

from __future__ import annotations

# Migrations 7 and 12 are released: frozen literal text.
MIGRATION_SQL = """
CREATE TABLE progress_generation (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
INSERT INTO progress_generation (id, n) VALUES (1, 1);
CREATE TABLE progress_cache (
    key TEXT PRIMARY KEY,
    generation INTEGER NOT NULL,
    rules_version TEXT NOT NULL,
    built_at TEXT NOT NULL,
    cube BLOB NOT NULL
);
CREATE TRIGGER progress_events_ai AFTER INSERT ON outfall_events BEGIN UPDATE progress_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER progress_events_ad AFTER DELETE ON outfall_events BEGIN UPDATE progress_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER progress_events_au AFTER UPDATE ON outfall_events BEGIN UPDATE progress_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER progress_edits_ai AFTER INSERT ON outfall_edits
    WHEN NEW.field = 'sign_status' BEGIN UPDATE progress_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER progress_outfalls_ai AFTER INSERT ON outfalls BEGIN UPDATE progress_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER progress_outfalls_ad AFTER DELETE ON outfalls BEGIN UPDATE progress_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER progress_outfalls_au
    AFTER UPDATE OF id, county_code, basin, receiving_kind, sign_status ON outfalls BEGIN UPDATE progress_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER progress_inspections_ai AFTER INSERT ON inspections
    WHEN NEW.status = 'complete' BEGIN UPDATE progress_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER progress_inspections_au
    AFTER UPDATE OF status, completed_at, outfall_id ON inspections BEGIN UPDATE progress_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER progress_inspections_ad AFTER DELETE ON inspections
    WHEN OLD.status = 'complete' BEGIN UPDATE progress_generation SET n = n + 1 WHERE id = 1; END;
"""


# Migration 12 (``0012_progress_parts``): the cube kept current one outfall at a time.
# ``progress_dirty`` lists the outfalls whose facts changed since the cube was brought up to date
# (a row per change, in order, so a rebuild can clear exactly what it counted), while
# ``progress_cache`` holds any row (a cube, or the mark a first build leaves); ``progress_part``
# holds each outfall's share of the cube (``assessment.timeline.Part``), so that a change moves
# the cube by new share minus old. The cache is emptied: the first count after the migration
# builds the cube and the shares together.
MIGRATION_12_SQL = """
CREATE TABLE progress_dirty (seq INTEGER PRIMARY KEY, outfall_id TEXT);
CREATE TABLE progress_part (
    outfall_id TEXT PRIMARY KEY,
    county_code TEXT NOT NULL,
    basin TEXT NOT NULL,
    receiving_kind TEXT NOT NULL,
    first_day INTEGER NOT NULL,
    last_day INTEGER NOT NULL,
    deltas TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX progress_part_last ON progress_part (last_day);
DELETE FROM progress_cache;
CREATE TRIGGER progress_dirty_events_ai AFTER INSERT ON outfall_events BEGIN INSERT INTO progress_dirty (outfall_id) SELECT * FROM (SELECT NEW.outfall_id) WHERE EXISTS (SELECT 1 FROM progress_cache); END;
CREATE TRIGGER progress_dirty_events_ad AFTER DELETE ON outfall_events BEGIN INSERT INTO progress_dirty (outfall_id) SELECT * FROM (SELECT OLD.outfall_id) WHERE EXISTS (SELECT 1 FROM progress_cache); END;
CREATE TRIGGER progress_dirty_events_au AFTER UPDATE ON outfall_events
    BEGIN INSERT INTO progress_dirty (outfall_id) SELECT * FROM (SELECT OLD.outfall_id UNION ALL SELECT NEW.outfall_id) WHERE EXISTS (SELECT 1 FROM progress_cache); END;
CREATE TRIGGER progress_dirty_edits_ai AFTER INSERT ON outfall_edits
    WHEN NEW.field = 'sign_status' BEGIN INSERT INTO progress_dirty (outfall_id) SELECT * FROM (SELECT NEW.outfall_id) WHERE EXISTS (SELECT 1 FROM progress_cache); END;
CREATE TRIGGER progress_dirty_edits_ad AFTER DELETE ON outfall_edits
    WHEN OLD.field = 'sign_status' BEGIN INSERT INTO progress_dirty (outfall_id) SELECT * FROM (SELECT OLD.outfall_id) WHERE EXISTS (SELECT 1 FROM progress_cache); END;
CREATE TRIGGER progress_dirty_edits_au AFTER UPDATE ON outfall_edits
    WHEN OLD.field = 'sign_status' OR NEW.field = 'sign_status'
    BEGIN INSERT INTO progress_dirty (outfall_id) SELECT * FROM (SELECT OLD.outfall_id UNION ALL SELECT NEW.outfall_id) WHERE EXISTS (SELECT 1 FROM progress_cache); END;
CREATE TRIGGER progress_dirty_outfalls_ai AFTER INSERT ON outfalls BEGIN INSERT INTO progress_dirty (outfall_id) SELECT * FROM (SELECT NEW.id) WHERE EXISTS (SELECT 1 FROM progress_cache); END;
CREATE TRIGGER progress_dirty_outfalls_ad AFTER DELETE ON outfalls BEGIN INSERT INTO progress_dirty (outfall_id) SELECT * FROM (SELECT OLD.id) WHERE EXISTS (SELECT 1 FROM progress_cache); END;
CREATE TRIGGER progress_dirty_outfalls_au
    AFTER UPDATE OF id, county_code, basin, receiving_kind, sign_status ON outfalls
    BEGIN INSERT INTO progress_dirty (outfall_id) SELECT * FROM (SELECT OLD.id UNION ALL SELECT NEW.id) WHERE EXISTS (SELECT 1 FROM progress_cache); END;
CREATE TRIGGER progress_dirty_inspections_ai AFTER INSERT ON inspections
    WHEN NEW.status = 'complete' BEGIN INSERT INTO progress_dirty (outfall_id) SELECT * FROM (SELECT NEW.outfall_id) WHERE EXISTS (SELECT 1 FROM progress_cache); END;
CREATE TRIGGER progress_dirty_inspections_au
    AFTER UPDATE OF status, completed_at, outfall_id ON inspections
    BEGIN INSERT INTO progress_dirty (outfall_id) SELECT * FROM (SELECT OLD.outfall_id UNION ALL SELECT NEW.outfall_id) WHERE EXISTS (SELECT 1 FROM progress_cache); END;
CREATE TRIGGER progress_dirty_inspections_ad AFTER DELETE ON inspections
    WHEN OLD.status = 'complete' BEGIN INSERT INTO progress_dirty (outfall_id) SELECT * FROM (SELECT OLD.outfall_id) WHERE EXISTS (SELECT 1 FROM progress_cache); END;
"""
