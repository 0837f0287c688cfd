"""The schema of migration 7 (``0007_progress``): the progress figures' cache and what keeps it honest.

``progress_generation`` counts every change that can move a figure (a lifecycle event, an outfall
added, removed or moved to another county, basin or receiving kind, a sign status, a completed
inspection), whether made here or pulled from the server; ``progress_cache`` holds the cube built
at one generation, so opening the progress view reads one row instead of walking a million
events. ``fieldapp.store.progress`` owns both tables. Derived data: never synced, never captured.
"""

from __future__ import annotations

_BUMP = "BEGIN UPDATE progress_generation SET n = n + 1 WHERE id = 1; END;"

MIGRATION_SQL = f"""
CREATE TABLE progress_generation (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
INSERT INTO progress_generation (id, n) VALUES (1, 1);
CREATE TABLE progress_cache (
    key TEXT PRIMARY KEY,
    generation INTEGER NOT NULL,
    rules_version TEXT NOT NULL,
    built_at TEXT NOT NULL,
    cube BLOB NOT NULL
);
CREATE TRIGGER progress_events_ai AFTER INSERT ON outfall_events {_BUMP}
CREATE TRIGGER progress_events_ad AFTER DELETE ON outfall_events {_BUMP}
CREATE TRIGGER progress_events_au AFTER UPDATE ON outfall_events {_BUMP}
CREATE TRIGGER progress_edits_ai AFTER INSERT ON outfall_edits
    WHEN NEW.field = 'sign_status' {_BUMP}
CREATE TRIGGER progress_outfalls_ai AFTER INSERT ON outfalls {_BUMP}
CREATE TRIGGER progress_outfalls_ad AFTER DELETE ON outfalls {_BUMP}
CREATE TRIGGER progress_outfalls_au
    AFTER UPDATE OF id, county_code, basin, receiving_kind, sign_status ON outfalls {_BUMP}
CREATE TRIGGER progress_inspections_ai AFTER INSERT ON inspections
    WHEN NEW.status = 'complete' {_BUMP}
CREATE TRIGGER progress_inspections_au
    AFTER UPDATE OF status, completed_at, outfall_id ON inspections {_BUMP}
CREATE TRIGGER progress_inspections_ad AFTER DELETE ON inspections
    WHEN OLD.status = 'complete' {_BUMP}
"""
