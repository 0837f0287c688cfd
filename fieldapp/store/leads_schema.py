"""Migration 14: aerial-survey leads (航测线索) of the user's county, pulled from the server.

Not captured: the server owns them (entity ``leads`` of its feed) and the device never changes
one; ``fieldapp.store.leads`` is the only module that writes the table. ``photos`` is the JSON
list of ``{"name", "sha256"}`` the server holds; ``data`` is the row as the server sent it.
"""

MIGRATION_SQL = """CREATE TABLE leads (
    id TEXT PRIMARY KEY,
    county_code TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    photos TEXT NOT NULL DEFAULT '[]',
    cluster_id TEXT NOT NULL DEFAULT '',
    near_outfall_id TEXT,
    near_outfall_m REAL,
    state TEXT NOT NULL,
    task_id TEXT,
    outfall_id TEXT,
    source TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL
);
CREATE INDEX leads_by_county_state ON leads (county_code, state);
"""
