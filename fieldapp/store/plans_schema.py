"""Migration 9: remediation plans (一口一策) of the user's area, pulled from the server.

``plans`` is not captured: the server owns the plans (entity ``plans`` of its feed; supervisors
write them through ``/v1/plans``) and the device only keeps what it pulled, one row per outfall.
``data`` is the plan as the server sent it; ``deadline``, ``next_due`` (the earliest date still to
meet, null once completed) and ``completed_on`` are copied out so that the ledger can find the
overdue plans in one indexed read. ``fieldapp.store.plans`` is the only module that touches it.
"""

MIGRATION_SQL = """CREATE TABLE plans (
    id TEXT PRIMARY KEY,
    outfall_id TEXT NOT NULL UNIQUE,
    county_code TEXT NOT NULL,
    route TEXT NOT NULL,
    deadline TEXT NOT NULL,
    next_due TEXT,
    completed_on TEXT,
    version INTEGER NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL
);
CREATE INDEX plans_by_next_due ON plans (next_due);
"""
