"""Migration 11: an inspection names the task it was opened from (``task_id``, NULL otherwise), so
that the server closes the task when the inspection arrives complete (issue 17, item 1).

Released: the SQL below is frozen text, made once by ``capture.recapture_sql`` over
``INSPECTION_COLUMNS``; a test checks that it still equals what the capture code makes.
"""

from fieldapp.store import inspection_schema

INSPECTION_COLUMNS: tuple[str, ...] = (*inspection_schema.INSPECTION_COLUMNS, "task_id")

MIGRATION_SQL = """ALTER TABLE inspections ADD COLUMN task_id TEXT;
CREATE INDEX inspections_by_task ON inspections (task_id) WHERE task_id IS NOT NULL;
DROP TRIGGER inspections_capture_insert;
DROP TRIGGER inspections_capture_update;
CREATE TRIGGER inspections_capture_insert AFTER INSERT ON inspections WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'inspections', NEW.id, 'upsert', json_object(
    'id', CASE WHEN typeof(NEW.id) = 'real' THEN json(printf('%!.20e', NEW.id)) ELSE NEW.id END,
    'outfall_id', CASE WHEN typeof(NEW.outfall_id) = 'real' THEN json(printf('%!.20e', NEW.outfall_id)) ELSE NEW.outfall_id END,
    'author', CASE WHEN typeof(NEW.author) = 'real' THEN json(printf('%!.20e', NEW.author)) ELSE NEW.author END,
    'county_code', CASE WHEN typeof(NEW.county_code) = 'real' THEN json(printf('%!.20e', NEW.county_code)) ELSE NEW.county_code END,
    'kind', CASE WHEN typeof(NEW.kind) = 'real' THEN json(printf('%!.20e', NEW.kind)) ELSE NEW.kind END,
    'status', CASE WHEN typeof(NEW.status) = 'real' THEN json(printf('%!.20e', NEW.status)) ELSE NEW.status END,
    'version', CASE WHEN typeof(NEW.version) = 'real' THEN json(printf('%!.20e', NEW.version)) ELSE NEW.version END,
    'supersedes', CASE WHEN typeof(NEW.supersedes) = 'real' THEN json(printf('%!.20e', NEW.supersedes)) ELSE NEW.supersedes END,
    'started_at', CASE WHEN typeof(NEW.started_at) = 'real' THEN json(printf('%!.20e', NEW.started_at)) ELSE NEW.started_at END,
    'completed_at', CASE WHEN typeof(NEW.completed_at) = 'real' THEN json(printf('%!.20e', NEW.completed_at)) ELSE NEW.completed_at END,
    'updated_at', CASE WHEN typeof(NEW.updated_at) = 'real' THEN json(printf('%!.20e', NEW.updated_at)) ELSE NEW.updated_at END,
    'sections', json(NEW.sections),
    'position', json(NEW.position),
    'far_from_outfall', CASE WHEN typeof(NEW.far_from_outfall) = 'real' THEN json(printf('%!.20e', NEW.far_from_outfall)) ELSE NEW.far_from_outfall END,
    'task_id', CASE WHEN typeof(NEW.task_id) = 'real' THEN json(printf('%!.20e', NEW.task_id)) ELSE NEW.task_id END
), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER inspections_capture_update AFTER UPDATE ON inspections WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'inspections', NEW.id, 'upsert', json_object(
    'id', CASE WHEN typeof(NEW.id) = 'real' THEN json(printf('%!.20e', NEW.id)) ELSE NEW.id END,
    'outfall_id', CASE WHEN typeof(NEW.outfall_id) = 'real' THEN json(printf('%!.20e', NEW.outfall_id)) ELSE NEW.outfall_id END,
    'author', CASE WHEN typeof(NEW.author) = 'real' THEN json(printf('%!.20e', NEW.author)) ELSE NEW.author END,
    'county_code', CASE WHEN typeof(NEW.county_code) = 'real' THEN json(printf('%!.20e', NEW.county_code)) ELSE NEW.county_code END,
    'kind', CASE WHEN typeof(NEW.kind) = 'real' THEN json(printf('%!.20e', NEW.kind)) ELSE NEW.kind END,
    'status', CASE WHEN typeof(NEW.status) = 'real' THEN json(printf('%!.20e', NEW.status)) ELSE NEW.status END,
    'version', CASE WHEN typeof(NEW.version) = 'real' THEN json(printf('%!.20e', NEW.version)) ELSE NEW.version END,
    'supersedes', CASE WHEN typeof(NEW.supersedes) = 'real' THEN json(printf('%!.20e', NEW.supersedes)) ELSE NEW.supersedes END,
    'started_at', CASE WHEN typeof(NEW.started_at) = 'real' THEN json(printf('%!.20e', NEW.started_at)) ELSE NEW.started_at END,
    'completed_at', CASE WHEN typeof(NEW.completed_at) = 'real' THEN json(printf('%!.20e', NEW.completed_at)) ELSE NEW.completed_at END,
    'updated_at', CASE WHEN typeof(NEW.updated_at) = 'real' THEN json(printf('%!.20e', NEW.updated_at)) ELSE NEW.updated_at END,
    'sections', json(NEW.sections),
    'position', json(NEW.position),
    'far_from_outfall', CASE WHEN typeof(NEW.far_from_outfall) = 'real' THEN json(printf('%!.20e', NEW.far_from_outfall)) ELSE NEW.far_from_outfall END,
    'task_id', CASE WHEN typeof(NEW.task_id) = 'real' THEN json(printf('%!.20e', NEW.task_id)) ELSE NEW.task_id END
), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
"""
