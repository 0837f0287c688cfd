"""Migration 8: the capture triggers of every synced table write REAL values exactly.

Before it, `json_object` wrote a REAL with 15 significant digits, so a latitude kept on the device
as 43.46708166666389 reached the server as 43.4670816666639 (see capture.exact_value_sql). Released:
the SQL below is frozen text, made once by `capture.recapture_sql` over the synced tables of
schema 7; a test checks that it still equals what the capture code makes for today's tables.
"""

MIGRATION_SQL = """DROP TRIGGER outfalls_capture_insert;
DROP TRIGGER outfalls_capture_update;
CREATE TRIGGER outfalls_capture_insert AFTER INSERT ON outfalls WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'outfalls', NEW.id, 'upsert', json_object(
    'id', CASE WHEN typeof(NEW.id) = 'real' THEN json(printf('%!.20e', NEW.id)) ELSE NEW.id END,
    'name', CASE WHEN typeof(NEW.name) = 'real' THEN json(printf('%!.20e', NEW.name)) ELSE NEW.name END,
    'national_code', CASE WHEN typeof(NEW.national_code) = 'real' THEN json(printf('%!.20e', NEW.national_code)) ELSE NEW.national_code END,
    'local_code', CASE WHEN typeof(NEW.local_code) = 'real' THEN json(printf('%!.20e', NEW.local_code)) ELSE NEW.local_code END,
    'provisional_code', CASE WHEN typeof(NEW.provisional_code) = 'real' THEN json(printf('%!.20e', NEW.provisional_code)) ELSE NEW.provisional_code END,
    'type_code', CASE WHEN typeof(NEW.type_code) = 'real' THEN json(printf('%!.20e', NEW.type_code)) ELSE NEW.type_code END,
    'subtype_code', CASE WHEN typeof(NEW.subtype_code) = 'real' THEN json(printf('%!.20e', NEW.subtype_code)) ELSE NEW.subtype_code END,
    'legacy_type_code', CASE WHEN typeof(NEW.legacy_type_code) = 'real' THEN json(printf('%!.20e', NEW.legacy_type_code)) ELSE NEW.legacy_type_code END,
    'receiving_kind', CASE WHEN typeof(NEW.receiving_kind) = 'real' THEN json(printf('%!.20e', NEW.receiving_kind)) ELSE NEW.receiving_kind END,
    'basin', CASE WHEN typeof(NEW.basin) = 'real' THEN json(printf('%!.20e', NEW.basin)) ELSE NEW.basin END,
    'water_body', CASE WHEN typeof(NEW.water_body) = 'real' THEN json(printf('%!.20e', NEW.water_body)) ELSE NEW.water_body END,
    'county_code', CASE WHEN typeof(NEW.county_code) = 'real' THEN json(printf('%!.20e', NEW.county_code)) ELSE NEW.county_code END,
    'town', CASE WHEN typeof(NEW.town) = 'real' THEN json(printf('%!.20e', NEW.town)) ELSE NEW.town END,
    'village', CASE WHEN typeof(NEW.village) = 'real' THEN json(printf('%!.20e', NEW.village)) ELSE NEW.village END,
    'lat', CASE WHEN typeof(NEW.lat) = 'real' THEN json(printf('%!.20e', NEW.lat)) ELSE NEW.lat END,
    'lon', CASE WHEN typeof(NEW.lon) = 'real' THEN json(printf('%!.20e', NEW.lon)) ELSE NEW.lon END,
    'position_accuracy_m', CASE WHEN typeof(NEW.position_accuracy_m) = 'real' THEN json(printf('%!.20e', NEW.position_accuracy_m)) ELSE NEW.position_accuracy_m END,
    'position_source', CASE WHEN typeof(NEW.position_source) = 'real' THEN json(printf('%!.20e', NEW.position_source)) ELSE NEW.position_source END,
    'position_datum', CASE WHEN typeof(NEW.position_datum) = 'real' THEN json(printf('%!.20e', NEW.position_datum)) ELSE NEW.position_datum END,
    'responsible_party', CASE WHEN typeof(NEW.responsible_party) = 'real' THEN json(printf('%!.20e', NEW.responsible_party)) ELSE NEW.responsible_party END,
    'discharging_units', json(NEW.discharging_units),
    'channel_kind', CASE WHEN typeof(NEW.channel_kind) = 'real' THEN json(printf('%!.20e', NEW.channel_kind)) ELSE NEW.channel_kind END,
    'channel_note', CASE WHEN typeof(NEW.channel_note) = 'real' THEN json(printf('%!.20e', NEW.channel_note)) ELSE NEW.channel_note END,
    'regime', CASE WHEN typeof(NEW.regime) = 'real' THEN json(printf('%!.20e', NEW.regime)) ELSE NEW.regime END,
    'regime_document_no', CASE WHEN typeof(NEW.regime_document_no) = 'real' THEN json(printf('%!.20e', NEW.regime_document_no)) ELSE NEW.regime_document_no END,
    'regime_date', CASE WHEN typeof(NEW.regime_date) = 'real' THEN json(printf('%!.20e', NEW.regime_date)) ELSE NEW.regime_date END,
    'sea_tier', CASE WHEN typeof(NEW.sea_tier) = 'real' THEN json(printf('%!.20e', NEW.sea_tier)) ELSE NEW.sea_tier END,
    'remediation_route', CASE WHEN typeof(NEW.remediation_route) = 'real' THEN json(printf('%!.20e', NEW.remediation_route)) ELSE NEW.remediation_route END,
    'merge_into_id', CASE WHEN typeof(NEW.merge_into_id) = 'real' THEN json(printf('%!.20e', NEW.merge_into_id)) ELSE NEW.merge_into_id END,
    'lifecycle_state', CASE WHEN typeof(NEW.lifecycle_state) = 'real' THEN json(printf('%!.20e', NEW.lifecycle_state)) ELSE NEW.lifecycle_state END,
    'sign_status', CASE WHEN typeof(NEW.sign_status) = 'real' THEN json(printf('%!.20e', NEW.sign_status)) ELSE NEW.sign_status END,
    'sampling_status', CASE WHEN typeof(NEW.sampling_status) = 'real' THEN json(printf('%!.20e', NEW.sampling_status)) ELSE NEW.sampling_status END,
    'note', CASE WHEN typeof(NEW.note) = 'real' THEN json(printf('%!.20e', NEW.note)) ELSE NEW.note END,
    'created_at', CASE WHEN typeof(NEW.created_at) = 'real' THEN json(printf('%!.20e', NEW.created_at)) ELSE NEW.created_at END,
    'updated_at', CASE WHEN typeof(NEW.updated_at) = 'real' THEN json(printf('%!.20e', NEW.updated_at)) ELSE NEW.updated_at END,
    'updated_by', CASE WHEN typeof(NEW.updated_by) = 'real' THEN json(printf('%!.20e', NEW.updated_by)) ELSE NEW.updated_by END
), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER outfalls_capture_update AFTER UPDATE ON outfalls WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'outfalls', NEW.id, 'upsert', json_object(
    'id', CASE WHEN typeof(NEW.id) = 'real' THEN json(printf('%!.20e', NEW.id)) ELSE NEW.id END,
    'name', CASE WHEN typeof(NEW.name) = 'real' THEN json(printf('%!.20e', NEW.name)) ELSE NEW.name END,
    'national_code', CASE WHEN typeof(NEW.national_code) = 'real' THEN json(printf('%!.20e', NEW.national_code)) ELSE NEW.national_code END,
    'local_code', CASE WHEN typeof(NEW.local_code) = 'real' THEN json(printf('%!.20e', NEW.local_code)) ELSE NEW.local_code END,
    'provisional_code', CASE WHEN typeof(NEW.provisional_code) = 'real' THEN json(printf('%!.20e', NEW.provisional_code)) ELSE NEW.provisional_code END,
    'type_code', CASE WHEN typeof(NEW.type_code) = 'real' THEN json(printf('%!.20e', NEW.type_code)) ELSE NEW.type_code END,
    'subtype_code', CASE WHEN typeof(NEW.subtype_code) = 'real' THEN json(printf('%!.20e', NEW.subtype_code)) ELSE NEW.subtype_code END,
    'legacy_type_code', CASE WHEN typeof(NEW.legacy_type_code) = 'real' THEN json(printf('%!.20e', NEW.legacy_type_code)) ELSE NEW.legacy_type_code END,
    'receiving_kind', CASE WHEN typeof(NEW.receiving_kind) = 'real' THEN json(printf('%!.20e', NEW.receiving_kind)) ELSE NEW.receiving_kind END,
    'basin', CASE WHEN typeof(NEW.basin) = 'real' THEN json(printf('%!.20e', NEW.basin)) ELSE NEW.basin END,
    'water_body', CASE WHEN typeof(NEW.water_body) = 'real' THEN json(printf('%!.20e', NEW.water_body)) ELSE NEW.water_body END,
    'county_code', CASE WHEN typeof(NEW.county_code) = 'real' THEN json(printf('%!.20e', NEW.county_code)) ELSE NEW.county_code END,
    'town', CASE WHEN typeof(NEW.town) = 'real' THEN json(printf('%!.20e', NEW.town)) ELSE NEW.town END,
    'village', CASE WHEN typeof(NEW.village) = 'real' THEN json(printf('%!.20e', NEW.village)) ELSE NEW.village END,
    'lat', CASE WHEN typeof(NEW.lat) = 'real' THEN json(printf('%!.20e', NEW.lat)) ELSE NEW.lat END,
    'lon', CASE WHEN typeof(NEW.lon) = 'real' THEN json(printf('%!.20e', NEW.lon)) ELSE NEW.lon END,
    'position_accuracy_m', CASE WHEN typeof(NEW.position_accuracy_m) = 'real' THEN json(printf('%!.20e', NEW.position_accuracy_m)) ELSE NEW.position_accuracy_m END,
    'position_source', CASE WHEN typeof(NEW.position_source) = 'real' THEN json(printf('%!.20e', NEW.position_source)) ELSE NEW.position_source END,
    'position_datum', CASE WHEN typeof(NEW.position_datum) = 'real' THEN json(printf('%!.20e', NEW.position_datum)) ELSE NEW.position_datum END,
    'responsible_party', CASE WHEN typeof(NEW.responsible_party) = 'real' THEN json(printf('%!.20e', NEW.responsible_party)) ELSE NEW.responsible_party END,
    'discharging_units', json(NEW.discharging_units),
    'channel_kind', CASE WHEN typeof(NEW.channel_kind) = 'real' THEN json(printf('%!.20e', NEW.channel_kind)) ELSE NEW.channel_kind END,
    'channel_note', CASE WHEN typeof(NEW.channel_note) = 'real' THEN json(printf('%!.20e', NEW.channel_note)) ELSE NEW.channel_note END,
    'regime', CASE WHEN typeof(NEW.regime) = 'real' THEN json(printf('%!.20e', NEW.regime)) ELSE NEW.regime END,
    'regime_document_no', CASE WHEN typeof(NEW.regime_document_no) = 'real' THEN json(printf('%!.20e', NEW.regime_document_no)) ELSE NEW.regime_document_no END,
    'regime_date', CASE WHEN typeof(NEW.regime_date) = 'real' THEN json(printf('%!.20e', NEW.regime_date)) ELSE NEW.regime_date END,
    'sea_tier', CASE WHEN typeof(NEW.sea_tier) = 'real' THEN json(printf('%!.20e', NEW.sea_tier)) ELSE NEW.sea_tier END,
    'remediation_route', CASE WHEN typeof(NEW.remediation_route) = 'real' THEN json(printf('%!.20e', NEW.remediation_route)) ELSE NEW.remediation_route END,
    'merge_into_id', CASE WHEN typeof(NEW.merge_into_id) = 'real' THEN json(printf('%!.20e', NEW.merge_into_id)) ELSE NEW.merge_into_id END,
    'lifecycle_state', CASE WHEN typeof(NEW.lifecycle_state) = 'real' THEN json(printf('%!.20e', NEW.lifecycle_state)) ELSE NEW.lifecycle_state END,
    'sign_status', CASE WHEN typeof(NEW.sign_status) = 'real' THEN json(printf('%!.20e', NEW.sign_status)) ELSE NEW.sign_status END,
    'sampling_status', CASE WHEN typeof(NEW.sampling_status) = 'real' THEN json(printf('%!.20e', NEW.sampling_status)) ELSE NEW.sampling_status END,
    'note', CASE WHEN typeof(NEW.note) = 'real' THEN json(printf('%!.20e', NEW.note)) ELSE NEW.note END,
    'created_at', CASE WHEN typeof(NEW.created_at) = 'real' THEN json(printf('%!.20e', NEW.created_at)) ELSE NEW.created_at END,
    'updated_at', CASE WHEN typeof(NEW.updated_at) = 'real' THEN json(printf('%!.20e', NEW.updated_at)) ELSE NEW.updated_at END,
    'updated_by', CASE WHEN typeof(NEW.updated_by) = 'real' THEN json(printf('%!.20e', NEW.updated_by)) ELSE NEW.updated_by END
), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
DROP TRIGGER outfall_events_capture_insert;
DROP TRIGGER outfall_events_capture_update;
CREATE TRIGGER outfall_events_capture_insert AFTER INSERT ON outfall_events WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'outfall_events', NEW.id, 'upsert', json_object(
    'id', CASE WHEN typeof(NEW.id) = 'real' THEN json(printf('%!.20e', NEW.id)) ELSE NEW.id END,
    'outfall_id', CASE WHEN typeof(NEW.outfall_id) = 'real' THEN json(printf('%!.20e', NEW.outfall_id)) ELSE NEW.outfall_id END,
    'action', CASE WHEN typeof(NEW.action) = 'real' THEN json(printf('%!.20e', NEW.action)) ELSE NEW.action END,
    'from_state', CASE WHEN typeof(NEW.from_state) = 'real' THEN json(printf('%!.20e', NEW.from_state)) ELSE NEW.from_state END,
    'to_state', CASE WHEN typeof(NEW.to_state) = 'real' THEN json(printf('%!.20e', NEW.to_state)) ELSE NEW.to_state END,
    'at', CASE WHEN typeof(NEW.at) = 'real' THEN json(printf('%!.20e', NEW.at)) ELSE NEW.at END,
    'actor', CASE WHEN typeof(NEW.actor) = 'real' THEN json(printf('%!.20e', NEW.actor)) ELSE NEW.actor END,
    'note', CASE WHEN typeof(NEW.note) = 'real' THEN json(printf('%!.20e', NEW.note)) ELSE NEW.note END
), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER outfall_events_capture_update AFTER UPDATE ON outfall_events WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'outfall_events', NEW.id, 'upsert', json_object(
    'id', CASE WHEN typeof(NEW.id) = 'real' THEN json(printf('%!.20e', NEW.id)) ELSE NEW.id END,
    'outfall_id', CASE WHEN typeof(NEW.outfall_id) = 'real' THEN json(printf('%!.20e', NEW.outfall_id)) ELSE NEW.outfall_id END,
    'action', CASE WHEN typeof(NEW.action) = 'real' THEN json(printf('%!.20e', NEW.action)) ELSE NEW.action END,
    'from_state', CASE WHEN typeof(NEW.from_state) = 'real' THEN json(printf('%!.20e', NEW.from_state)) ELSE NEW.from_state END,
    'to_state', CASE WHEN typeof(NEW.to_state) = 'real' THEN json(printf('%!.20e', NEW.to_state)) ELSE NEW.to_state END,
    'at', CASE WHEN typeof(NEW.at) = 'real' THEN json(printf('%!.20e', NEW.at)) ELSE NEW.at END,
    'actor', CASE WHEN typeof(NEW.actor) = 'real' THEN json(printf('%!.20e', NEW.actor)) ELSE NEW.actor END,
    'note', CASE WHEN typeof(NEW.note) = 'real' THEN json(printf('%!.20e', NEW.note)) ELSE NEW.note END
), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
DROP TRIGGER outfall_edits_capture_insert;
DROP TRIGGER outfall_edits_capture_update;
CREATE TRIGGER outfall_edits_capture_insert AFTER INSERT ON outfall_edits WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'outfall_edits', NEW.id, 'upsert', json_object(
    'id', CASE WHEN typeof(NEW.id) = 'real' THEN json(printf('%!.20e', NEW.id)) ELSE NEW.id END,
    'outfall_id', CASE WHEN typeof(NEW.outfall_id) = 'real' THEN json(printf('%!.20e', NEW.outfall_id)) ELSE NEW.outfall_id END,
    'at', CASE WHEN typeof(NEW.at) = 'real' THEN json(printf('%!.20e', NEW.at)) ELSE NEW.at END,
    'actor', CASE WHEN typeof(NEW.actor) = 'real' THEN json(printf('%!.20e', NEW.actor)) ELSE NEW.actor END,
    'field', CASE WHEN typeof(NEW.field) = 'real' THEN json(printf('%!.20e', NEW.field)) ELSE NEW.field END,
    'old_value', CASE WHEN typeof(NEW.old_value) = 'real' THEN json(printf('%!.20e', NEW.old_value)) ELSE NEW.old_value END,
    'new_value', CASE WHEN typeof(NEW.new_value) = 'real' THEN json(printf('%!.20e', NEW.new_value)) ELSE NEW.new_value END
), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER outfall_edits_capture_update AFTER UPDATE ON outfall_edits WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'outfall_edits', NEW.id, 'upsert', json_object(
    'id', CASE WHEN typeof(NEW.id) = 'real' THEN json(printf('%!.20e', NEW.id)) ELSE NEW.id END,
    'outfall_id', CASE WHEN typeof(NEW.outfall_id) = 'real' THEN json(printf('%!.20e', NEW.outfall_id)) ELSE NEW.outfall_id END,
    'at', CASE WHEN typeof(NEW.at) = 'real' THEN json(printf('%!.20e', NEW.at)) ELSE NEW.at END,
    'actor', CASE WHEN typeof(NEW.actor) = 'real' THEN json(printf('%!.20e', NEW.actor)) ELSE NEW.actor END,
    'field', CASE WHEN typeof(NEW.field) = 'real' THEN json(printf('%!.20e', NEW.field)) ELSE NEW.field END,
    'old_value', CASE WHEN typeof(NEW.old_value) = 'real' THEN json(printf('%!.20e', NEW.old_value)) ELSE NEW.old_value END,
    'new_value', CASE WHEN typeof(NEW.new_value) = 'real' THEN json(printf('%!.20e', NEW.new_value)) ELSE NEW.new_value END
), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
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
    'far_from_outfall', CASE WHEN typeof(NEW.far_from_outfall) = 'real' THEN json(printf('%!.20e', NEW.far_from_outfall)) ELSE NEW.far_from_outfall END
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
    'far_from_outfall', CASE WHEN typeof(NEW.far_from_outfall) = 'real' THEN json(printf('%!.20e', NEW.far_from_outfall)) ELSE NEW.far_from_outfall END
), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
DROP TRIGGER inspection_photos_capture_insert;
DROP TRIGGER inspection_photos_capture_update;
CREATE TRIGGER inspection_photos_capture_insert AFTER INSERT ON inspection_photos WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'inspection_photos', NEW.id, 'upsert', json_object(
    'id', CASE WHEN typeof(NEW.id) = 'real' THEN json(printf('%!.20e', NEW.id)) ELSE NEW.id END,
    'inspection_id', CASE WHEN typeof(NEW.inspection_id) = 'real' THEN json(printf('%!.20e', NEW.inspection_id)) ELSE NEW.inspection_id END,
    'sha256', CASE WHEN typeof(NEW.sha256) = 'real' THEN json(printf('%!.20e', NEW.sha256)) ELSE NEW.sha256 END,
    'source_name', CASE WHEN typeof(NEW.source_name) = 'real' THEN json(printf('%!.20e', NEW.source_name)) ELSE NEW.source_name END,
    'caption', CASE WHEN typeof(NEW.caption) = 'real' THEN json(printf('%!.20e', NEW.caption)) ELSE NEW.caption END,
    'problem_code', CASE WHEN typeof(NEW.problem_code) = 'real' THEN json(printf('%!.20e', NEW.problem_code)) ELSE NEW.problem_code END,
    'width', CASE WHEN typeof(NEW.width) = 'real' THEN json(printf('%!.20e', NEW.width)) ELSE NEW.width END,
    'height', CASE WHEN typeof(NEW.height) = 'real' THEN json(printf('%!.20e', NEW.height)) ELSE NEW.height END,
    'taken_at', CASE WHEN typeof(NEW.taken_at) = 'real' THEN json(printf('%!.20e', NEW.taken_at)) ELSE NEW.taken_at END,
    'lat', CASE WHEN typeof(NEW.lat) = 'real' THEN json(printf('%!.20e', NEW.lat)) ELSE NEW.lat END,
    'lon', CASE WHEN typeof(NEW.lon) = 'real' THEN json(printf('%!.20e', NEW.lon)) ELSE NEW.lon END,
    'distance_m', CASE WHEN typeof(NEW.distance_m) = 'real' THEN json(printf('%!.20e', NEW.distance_m)) ELSE NEW.distance_m END,
    'time_offset_s', CASE WHEN typeof(NEW.time_offset_s) = 'real' THEN json(printf('%!.20e', NEW.time_offset_s)) ELSE NEW.time_offset_s END,
    'far_from_outfall', CASE WHEN typeof(NEW.far_from_outfall) = 'real' THEN json(printf('%!.20e', NEW.far_from_outfall)) ELSE NEW.far_from_outfall END,
    'time_implausible', CASE WHEN typeof(NEW.time_implausible) = 'real' THEN json(printf('%!.20e', NEW.time_implausible)) ELSE NEW.time_implausible END,
    'added_at', CASE WHEN typeof(NEW.added_at) = 'real' THEN json(printf('%!.20e', NEW.added_at)) ELSE NEW.added_at END
), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER inspection_photos_capture_update AFTER UPDATE ON inspection_photos WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'inspection_photos', NEW.id, 'upsert', json_object(
    'id', CASE WHEN typeof(NEW.id) = 'real' THEN json(printf('%!.20e', NEW.id)) ELSE NEW.id END,
    'inspection_id', CASE WHEN typeof(NEW.inspection_id) = 'real' THEN json(printf('%!.20e', NEW.inspection_id)) ELSE NEW.inspection_id END,
    'sha256', CASE WHEN typeof(NEW.sha256) = 'real' THEN json(printf('%!.20e', NEW.sha256)) ELSE NEW.sha256 END,
    'source_name', CASE WHEN typeof(NEW.source_name) = 'real' THEN json(printf('%!.20e', NEW.source_name)) ELSE NEW.source_name END,
    'caption', CASE WHEN typeof(NEW.caption) = 'real' THEN json(printf('%!.20e', NEW.caption)) ELSE NEW.caption END,
    'problem_code', CASE WHEN typeof(NEW.problem_code) = 'real' THEN json(printf('%!.20e', NEW.problem_code)) ELSE NEW.problem_code END,
    'width', CASE WHEN typeof(NEW.width) = 'real' THEN json(printf('%!.20e', NEW.width)) ELSE NEW.width END,
    'height', CASE WHEN typeof(NEW.height) = 'real' THEN json(printf('%!.20e', NEW.height)) ELSE NEW.height END,
    'taken_at', CASE WHEN typeof(NEW.taken_at) = 'real' THEN json(printf('%!.20e', NEW.taken_at)) ELSE NEW.taken_at END,
    'lat', CASE WHEN typeof(NEW.lat) = 'real' THEN json(printf('%!.20e', NEW.lat)) ELSE NEW.lat END,
    'lon', CASE WHEN typeof(NEW.lon) = 'real' THEN json(printf('%!.20e', NEW.lon)) ELSE NEW.lon END,
    'distance_m', CASE WHEN typeof(NEW.distance_m) = 'real' THEN json(printf('%!.20e', NEW.distance_m)) ELSE NEW.distance_m END,
    'time_offset_s', CASE WHEN typeof(NEW.time_offset_s) = 'real' THEN json(printf('%!.20e', NEW.time_offset_s)) ELSE NEW.time_offset_s END,
    'far_from_outfall', CASE WHEN typeof(NEW.far_from_outfall) = 'real' THEN json(printf('%!.20e', NEW.far_from_outfall)) ELSE NEW.far_from_outfall END,
    'time_implausible', CASE WHEN typeof(NEW.time_implausible) = 'real' THEN json(printf('%!.20e', NEW.time_implausible)) ELSE NEW.time_implausible END,
    'added_at', CASE WHEN typeof(NEW.added_at) = 'real' THEN json(printf('%!.20e', NEW.added_at)) ELSE NEW.added_at END
), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
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
    'updated_at', CASE WHEN typeof(NEW.updated_at) = 'real' THEN json(printf('%!.20e', NEW.updated_at)) ELSE NEW.updated_at END
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
    'updated_at', CASE WHEN typeof(NEW.updated_at) = 'real' THEN json(printf('%!.20e', NEW.updated_at)) ELSE NEW.updated_at END
), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
DROP TRIGGER patrol_tracks_capture_insert;
DROP TRIGGER patrol_tracks_capture_update;
CREATE TRIGGER patrol_tracks_capture_insert AFTER INSERT ON patrol_tracks WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'patrol_tracks', NEW.id, 'upsert', json_object(
    'id', CASE WHEN typeof(NEW.id) = 'real' THEN json(printf('%!.20e', NEW.id)) ELSE NEW.id END,
    'patrol_id', CASE WHEN typeof(NEW.patrol_id) = 'real' THEN json(printf('%!.20e', NEW.patrol_id)) ELSE NEW.patrol_id END,
    'part', CASE WHEN typeof(NEW.part) = 'real' THEN json(printf('%!.20e', NEW.part)) ELSE NEW.part END,
    'points', json(NEW.points)
), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER patrol_tracks_capture_update AFTER UPDATE ON patrol_tracks WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'patrol_tracks', NEW.id, 'upsert', json_object(
    'id', CASE WHEN typeof(NEW.id) = 'real' THEN json(printf('%!.20e', NEW.id)) ELSE NEW.id END,
    'patrol_id', CASE WHEN typeof(NEW.patrol_id) = 'real' THEN json(printf('%!.20e', NEW.patrol_id)) ELSE NEW.patrol_id END,
    'part', CASE WHEN typeof(NEW.part) = 'real' THEN json(printf('%!.20e', NEW.part)) ELSE NEW.part END,
    'points', json(NEW.points)
), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
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
    'outfall_id', CASE WHEN typeof(NEW.outfall_id) = 'real' THEN json(printf('%!.20e', NEW.outfall_id)) ELSE NEW.outfall_id END
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
    'outfall_id', CASE WHEN typeof(NEW.outfall_id) = 'real' THEN json(printf('%!.20e', NEW.outfall_id)) ELSE NEW.outfall_id END
), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
DROP TRIGGER patrol_photos_capture_insert;
DROP TRIGGER patrol_photos_capture_update;
CREATE TRIGGER patrol_photos_capture_insert AFTER INSERT ON patrol_photos WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'patrol_photos', NEW.id, 'upsert', json_object(
    'id', CASE WHEN typeof(NEW.id) = 'real' THEN json(printf('%!.20e', NEW.id)) ELSE NEW.id END,
    'patrol_id', CASE WHEN typeof(NEW.patrol_id) = 'real' THEN json(printf('%!.20e', NEW.patrol_id)) ELSE NEW.patrol_id END,
    'problem_id', CASE WHEN typeof(NEW.problem_id) = 'real' THEN json(printf('%!.20e', NEW.problem_id)) ELSE NEW.problem_id END,
    'sha256', CASE WHEN typeof(NEW.sha256) = 'real' THEN json(printf('%!.20e', NEW.sha256)) ELSE NEW.sha256 END,
    'added_at', CASE WHEN typeof(NEW.added_at) = 'real' THEN json(printf('%!.20e', NEW.added_at)) ELSE NEW.added_at END
), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
CREATE TRIGGER patrol_photos_capture_update AFTER UPDATE ON patrol_photos WHEN (SELECT suppressed FROM capture_control WHERE id = 1) = 0
BEGIN INSERT INTO change_log (change_id, entity, row_id, op, data, at) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)),2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)),2) || '-' || hex(randomblob(6))), 'patrol_photos', NEW.id, 'upsert', json_object(
    'id', CASE WHEN typeof(NEW.id) = 'real' THEN json(printf('%!.20e', NEW.id)) ELSE NEW.id END,
    'patrol_id', CASE WHEN typeof(NEW.patrol_id) = 'real' THEN json(printf('%!.20e', NEW.patrol_id)) ELSE NEW.patrol_id END,
    'problem_id', CASE WHEN typeof(NEW.problem_id) = 'real' THEN json(printf('%!.20e', NEW.problem_id)) ELSE NEW.problem_id END,
    'sha256', CASE WHEN typeof(NEW.sha256) = 'real' THEN json(printf('%!.20e', NEW.sha256)) ELSE NEW.sha256 END,
    'added_at', CASE WHEN typeof(NEW.added_at) = 'real' THEN json(printf('%!.20e', NEW.added_at)) ELSE NEW.added_at END
), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
"""
