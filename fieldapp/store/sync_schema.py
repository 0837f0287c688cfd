"""The schema of migration 5 (``0005_sync``), apart so migrations can import it.

The device's sync (``sync.client.state``) owns these tables, one module each, and describes them.
"""

from __future__ import annotations

MIGRATION_SQL = """
CREATE TABLE sync_account (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    install_id TEXT NOT NULL,
    server_url TEXT,
    username TEXT,
    role TEXT,
    counties TEXT NOT NULL DEFAULT '[]',
    device_id TEXT,
    device_name TEXT NOT NULL DEFAULT '',
    token TEXT,
    auto_sync INTEGER NOT NULL DEFAULT 0,
    hlc_ms INTEGER NOT NULL DEFAULT 0,
    hlc_counter INTEGER NOT NULL DEFAULT 0,
    batched_seq INTEGER NOT NULL DEFAULT 0,
    pull_cursor INTEGER NOT NULL DEFAULT 0,
    last_success_at TEXT,
    last_attempt_at TEXT
);
INSERT INTO sync_account (id, install_id) VALUES (1, lower(hex(randomblob(4)) || '-' ||
    hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' ||
    substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))));
CREATE TABLE sync_batches (
    batch_id TEXT PRIMARY KEY,
    first_seq INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    body TEXT NOT NULL,
    refs TEXT NOT NULL DEFAULT '[]',
    missing TEXT NOT NULL DEFAULT '[]',
    n_changes INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('open', 'answered', 'done')),
    created_at TEXT NOT NULL,
    answered_at TEXT,
    done_at TEXT
);
CREATE INDEX sync_batches_pending ON sync_batches (state, last_seq) WHERE state != 'done';
CREATE TABLE sync_batch_rows (
    batch_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    change_id TEXT NOT NULL,
    op TEXT NOT NULL,
    result TEXT,
    PRIMARY KEY (batch_id, entity, row_id)
) WITHOUT ROWID;
CREATE INDEX sync_batch_rows_row ON sync_batch_rows (entity, row_id);
CREATE TABLE sync_server_rows (
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    data TEXT,
    hlc TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (entity, row_id)
) WITHOUT ROWID;
CREATE TABLE sync_issues (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('conflict', 'rejected', 'proposed')),
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    change_id TEXT NOT NULL UNIQUE,
    reason TEXT,
    local_data TEXT,
    server_data TEXT,
    resolution TEXT NOT NULL
);
CREATE INDEX sync_issues_row ON sync_issues (entity, row_id);
CREATE TABLE sync_reviews (
    id TEXT PRIMARY KEY,
    record_entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    state TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX sync_reviews_record ON sync_reviews (record_entity, record_id, at);
CREATE TABLE sync_tasks (id TEXT PRIMARY KEY, data TEXT, deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE sync_errors (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    code TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
"""

# Migration 6 (``0006_identity``): who this profile writes as, and what became of refusals.
# - ``local_user``: the profile's own user before its first sign-in (records are bound to the
#   server account at sign-in, see ``fieldapp.store.identity``); never the OS login name.
# - ``auto_sync_chosen``: whether the user ever chose; automatic sync is on until they do (existing
#   profiles cannot tell "never chose" from "chose off": both read 0, both get it on once).
# - ``sync_issues.settled``: NULL while a refusal is open; ``accepted`` (a later change of the row
#   was applied), ``resent`` (the user sent it again) or ``withdrawn`` (with ``note``, the reason).
# - ``local_audit``: every binding, resend, withdrawal and discarded draft, with who and when.
MIGRATION_6_SQL = """
ALTER TABLE sync_account ADD COLUMN local_user TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_account ADD COLUMN auto_sync_chosen INTEGER NOT NULL DEFAULT 0;
UPDATE sync_account SET local_user = 'local-' || substr(install_id, 1, 8), auto_sync = 1;
ALTER TABLE sync_issues ADD COLUMN settled TEXT;
ALTER TABLE sync_issues ADD COLUMN settled_at TEXT;
ALTER TABLE sync_issues ADD COLUMN note TEXT NOT NULL DEFAULT '';
CREATE INDEX sync_issues_open ON sync_issues (kind, settled);
CREATE TABLE local_audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    entity TEXT NOT NULL DEFAULT '',
    row_id TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '{}'
);
"""
