"""Migration 10: a patrol problem's category, what was done on the spot, and escalation
(issue 14, item 5).

- ``category``: a code of ``resources/data/patrol_problems.json`` (water and bank, outfall, water
  activity, hydraulic structure, notice board); NULL on problems recorded before;
- ``handling``: what the river chief did on the spot ('' when nothing);
- ``escalated`` (0/1) and ``escalated_at``: passed up because it could not be solved on the spot;
  the desk flags it when not handled within one working day (``sync.escalation``).

Released: the SQL below is frozen text, made once by ``capture.recapture_sql`` over
``PROBLEM_COLUMNS``; a test checks that it still equals what the capture code makes.
"""

PROBLEM_COLUMNS: tuple[str, ...] = (
    "id",
    "patrol_id",
    "county_code",
    "at",
    "lat",
    "lon",
    "error_m",
    "note",
    "outfall_id",
    "category",
    "handling",
    "escalated",
    "escalated_at",
)

MIGRATION_SQL = """ALTER TABLE patrol_problems ADD COLUMN category TEXT;
ALTER TABLE patrol_problems ADD COLUMN handling TEXT NOT NULL DEFAULT '';
ALTER TABLE patrol_problems ADD COLUMN escalated INTEGER NOT NULL DEFAULT 0 CHECK (escalated IN (0, 1));
ALTER TABLE patrol_problems ADD COLUMN escalated_at TEXT;
DROP TRIGGER patrol_problems_capture_insert;
DROP TRIGGER patrol_problems_capture_update;
CREATE TRIGGER patrol_problems_capture_insert AFTER INSERT ON patrol_problems WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'patrol_problems', NEW.id, 'upsert', json_object(
    'id', CASE WHEN typeof(NEW.id) = 'real' THEN json(printf('%!.20e', NEW.id)) ELSE NEW.id END,
    'patrol_id', CASE WHEN typeof(NEW.patrol_id) = 'real' THEN json(printf('%!.20e', NEW.patrol_id)) ELSE NEW.patrol_id END,
    'county_code', CASE WHEN typeof(NEW.county_code) = 'real' THEN json(printf('%!.20e', NEW.county_code)) ELSE NEW.county_code END,
    'at', CASE WHEN typeof(NEW.at) = 'real' THEN json(printf('%!.20e', NEW.at)) ELSE NEW.at END,
    'lat', CASE WHEN typeof(NEW.lat) = 'real' THEN json(printf('%!.20e', NEW.lat)) ELSE NEW.lat END,
    'lon', CASE WHEN typeof(NEW.lon) = 'real' THEN json(printf('%!.20e', NEW.lon)) ELSE NEW.lon END,
    'error_m', CASE WHEN typeof(NEW.error_m) = 'real' THEN json(printf('%!.20e', NEW.error_m)) ELSE NEW.error_m END,
    'note', CASE WHEN typeof(NEW.note) = 'real' THEN json(printf('%!.20e', NEW.note)) ELSE NEW.note END,
    'outfall_id', CASE WHEN typeof(NEW.outfall_id) = 'real' THEN json(printf('%!.20e', NEW.outfall_id)) ELSE NEW.outfall_id END,
    'category', CASE WHEN typeof(NEW.category) = 'real' THEN json(printf('%!.20e', NEW.category)) ELSE NEW.category END,
    'handling', CASE WHEN typeof(NEW.handling) = 'real' THEN json(printf('%!.20e', NEW.handling)) ELSE NEW.handling END,
    'escalated', CASE WHEN typeof(NEW.escalated) = 'real' THEN json(printf('%!.20e', NEW.escalated)) ELSE NEW.escalated END,
    'escalated_at', CASE WHEN typeof(NEW.escalated_at) = 'real' THEN json(printf('%!.20e', NEW.escalated_at)) ELSE NEW.escalated_at END
), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER patrol_problems_capture_update AFTER UPDATE ON patrol_problems WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'patrol_problems', NEW.id, 'upsert', json_object(
    'id', CASE WHEN typeof(NEW.id) = 'real' THEN json(printf('%!.20e', NEW.id)) ELSE NEW.id END,
    'patrol_id', CASE WHEN typeof(NEW.patrol_id) = 'real' THEN json(printf('%!.20e', NEW.patrol_id)) ELSE NEW.patrol_id END,
    'county_code', CASE WHEN typeof(NEW.county_code) = 'real' THEN json(printf('%!.20e', NEW.county_code)) ELSE NEW.county_code END,
    'at', CASE WHEN typeof(NEW.at) = 'real' THEN json(printf('%!.20e', NEW.at)) ELSE NEW.at END,
    'lat', CASE WHEN typeof(NEW.lat) = 'real' THEN json(printf('%!.20e', NEW.lat)) ELSE NEW.lat END,
    'lon', CASE WHEN typeof(NEW.lon) = 'real' THEN json(printf('%!.20e', NEW.lon)) ELSE NEW.lon END,
    'error_m', CASE WHEN typeof(NEW.error_m) = 'real' THEN json(printf('%!.20e', NEW.error_m)) ELSE NEW.error_m END,
    'note', CASE WHEN typeof(NEW.note) = 'real' THEN json(printf('%!.20e', NEW.note)) ELSE NEW.note END,
    'outfall_id', CASE WHEN typeof(NEW.outfall_id) = 'real' THEN json(printf('%!.20e', NEW.outfall_id)) ELSE NEW.outfall_id END,
    'category', CASE WHEN typeof(NEW.category) = 'real' THEN json(printf('%!.20e', NEW.category)) ELSE NEW.category END,
    'handling', CASE WHEN typeof(NEW.handling) = 'real' THEN json(printf('%!.20e', NEW.handling)) ELSE NEW.handling END,
    'escalated', CASE WHEN typeof(NEW.escalated) = 'real' THEN json(printf('%!.20e', NEW.escalated)) ELSE NEW.escalated END,
    'escalated_at', CASE WHEN typeof(NEW.escalated_at) = 'real' THEN json(printf('%!.20e', NEW.escalated_at)) ELSE NEW.escalated_at END
), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
"""
