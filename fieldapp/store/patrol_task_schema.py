"""Migration 16: a patrol names the task it was started from (``task_id``, NULL otherwise), so
that the server closes a "patrol this stretch" task when the patrol arrives complete (issue 17,
item 1).

Released: the SQL below is frozen text, made once by ``capture.recapture_sql`` over
``PATROL_COLUMNS``; a test checks that it still equals what the capture code makes.
"""

from fieldapp.store import patrol_schema

PATROL_COLUMNS: tuple[str, ...] = (*patrol_schema.PATROL_COLUMNS, "task_id")

MIGRATION_SQL = """ALTER TABLE patrols ADD COLUMN task_id TEXT;
CREATE INDEX patrols_by_task ON patrols (task_id) WHERE task_id IS NOT NULL;
DROP TRIGGER patrols_capture_insert;
DROP TRIGGER patrols_capture_update;
CREATE TRIGGER patrols_capture_insert AFTER INSERT ON patrols WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'patrols', NEW.id, 'upsert', json_object(
    'id', CASE WHEN typeof(NEW.id) = 'real' THEN json(printf('%!.20e', NEW.id)) ELSE NEW.id END,
    'author', CASE WHEN typeof(NEW.author) = 'real' THEN json(printf('%!.20e', NEW.author)) ELSE NEW.author END,
    'county_code', CASE WHEN typeof(NEW.county_code) = 'real' THEN json(printf('%!.20e', NEW.county_code)) ELSE NEW.county_code END,
    'status', CASE WHEN typeof(NEW.status) = 'real' THEN json(printf('%!.20e', NEW.status)) ELSE NEW.status END,
    'chief_level', CASE WHEN typeof(NEW.chief_level) = 'real' THEN json(printf('%!.20e', NEW.chief_level)) ELSE NEW.chief_level END,
    'river', CASE WHEN typeof(NEW.river) = 'real' THEN json(printf('%!.20e', NEW.river)) ELSE NEW.river END,
    'started_at', CASE WHEN typeof(NEW.started_at) = 'real' THEN json(printf('%!.20e', NEW.started_at)) ELSE NEW.started_at END,
    'ended_at', CASE WHEN typeof(NEW.ended_at) = 'real' THEN json(printf('%!.20e', NEW.ended_at)) ELSE NEW.ended_at END,
    'pauses', json(NEW.pauses),
    'duration_s', CASE WHEN typeof(NEW.duration_s) = 'real' THEN json(printf('%!.20e', NEW.duration_s)) ELSE NEW.duration_s END,
    'distance_m', CASE WHEN typeof(NEW.distance_m) = 'real' THEN json(printf('%!.20e', NEW.distance_m)) ELSE NEW.distance_m END,
    'points_recorded', CASE WHEN typeof(NEW.points_recorded) = 'real' THEN json(printf('%!.20e', NEW.points_recorded)) ELSE NEW.points_recorded END,
    'points_kept', CASE WHEN typeof(NEW.points_kept) = 'real' THEN json(printf('%!.20e', NEW.points_kept)) ELSE NEW.points_kept END,
    'meets_rules', CASE WHEN typeof(NEW.meets_rules) = 'real' THEN json(printf('%!.20e', NEW.meets_rules)) ELSE NEW.meets_rules END,
    'rules_version', CASE WHEN typeof(NEW.rules_version) = 'real' THEN json(printf('%!.20e', NEW.rules_version)) ELSE NEW.rules_version END,
    'outfalls_passed', json(NEW.outfalls_passed),
    'closed_automatically', CASE WHEN typeof(NEW.closed_automatically) = 'real' THEN json(printf('%!.20e', NEW.closed_automatically)) ELSE NEW.closed_automatically END,
    'created_at', CASE WHEN typeof(NEW.created_at) = 'real' THEN json(printf('%!.20e', NEW.created_at)) ELSE NEW.created_at END,
    'updated_at', CASE WHEN typeof(NEW.updated_at) = 'real' THEN json(printf('%!.20e', NEW.updated_at)) ELSE NEW.updated_at END,
    'task_id', CASE WHEN typeof(NEW.task_id) = 'real' THEN json(printf('%!.20e', NEW.task_id)) ELSE NEW.task_id END
), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER patrols_capture_update AFTER UPDATE ON patrols WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'patrols', NEW.id, 'upsert', json_object(
    'id', CASE WHEN typeof(NEW.id) = 'real' THEN json(printf('%!.20e', NEW.id)) ELSE NEW.id END,
    'author', CASE WHEN typeof(NEW.author) = 'real' THEN json(printf('%!.20e', NEW.author)) ELSE NEW.author END,
    'county_code', CASE WHEN typeof(NEW.county_code) = 'real' THEN json(printf('%!.20e', NEW.county_code)) ELSE NEW.county_code END,
    'status', CASE WHEN typeof(NEW.status) = 'real' THEN json(printf('%!.20e', NEW.status)) ELSE NEW.status END,
    'chief_level', CASE WHEN typeof(NEW.chief_level) = 'real' THEN json(printf('%!.20e', NEW.chief_level)) ELSE NEW.chief_level END,
    'river', CASE WHEN typeof(NEW.river) = 'real' THEN json(printf('%!.20e', NEW.river)) ELSE NEW.river END,
    'started_at', CASE WHEN typeof(NEW.started_at) = 'real' THEN json(printf('%!.20e', NEW.started_at)) ELSE NEW.started_at END,
    'ended_at', CASE WHEN typeof(NEW.ended_at) = 'real' THEN json(printf('%!.20e', NEW.ended_at)) ELSE NEW.ended_at END,
    'pauses', json(NEW.pauses),
    'duration_s', CASE WHEN typeof(NEW.duration_s) = 'real' THEN json(printf('%!.20e', NEW.duration_s)) ELSE NEW.duration_s END,
    'distance_m', CASE WHEN typeof(NEW.distance_m) = 'real' THEN json(printf('%!.20e', NEW.distance_m)) ELSE NEW.distance_m END,
    'points_recorded', CASE WHEN typeof(NEW.points_recorded) = 'real' THEN json(printf('%!.20e', NEW.points_recorded)) ELSE NEW.points_recorded END,
    'points_kept', CASE WHEN typeof(NEW.points_kept) = 'real' THEN json(printf('%!.20e', NEW.points_kept)) ELSE NEW.points_kept END,
    'meets_rules', CASE WHEN typeof(NEW.meets_rules) = 'real' THEN json(printf('%!.20e', NEW.meets_rules)) ELSE NEW.meets_rules END,
    'rules_version', CASE WHEN typeof(NEW.rules_version) = 'real' THEN json(printf('%!.20e', NEW.rules_version)) ELSE NEW.rules_version END,
    'outfalls_passed', json(NEW.outfalls_passed),
    'closed_automatically', CASE WHEN typeof(NEW.closed_automatically) = 'real' THEN json(printf('%!.20e', NEW.closed_automatically)) ELSE NEW.closed_automatically END,
    'created_at', CASE WHEN typeof(NEW.created_at) = 'real' THEN json(printf('%!.20e', NEW.created_at)) ELSE NEW.created_at END,
    'updated_at', CASE WHEN typeof(NEW.updated_at) = 'real' THEN json(printf('%!.20e', NEW.updated_at)) ELSE NEW.updated_at END,
    'task_id', CASE WHEN typeof(NEW.task_id) = 'real' THEN json(printf('%!.20e', NEW.task_id)) ELSE NEW.task_id END
), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
"""
