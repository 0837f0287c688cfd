"""Migration 14: aerial-survey leads (航测线索) of the user's county, pulled from the server, and
the inspector's verification notes.

``leads`` is not captured: the server owns them (entity ``leads`` of its feed) and the device never
changes one. ``photos`` is the JSON list of ``{"name", "sha256"}`` the server holds; ``data`` is
the row as the server sent it. ``lead_verifications`` is synced (captured): what the inspector
found at a lead that is not a new outfall (``verdict`` not_outfall or duplicate, with the outfall
it duplicates), with a note and photos (``photo_sha256s``), the supervisor's evidence.
``fieldapp.store.leads`` is the only module that writes either table.
"""

from fieldapp.store import capture

VERIFICATION_COLUMNS: tuple[str, ...] = (
    "id", "lead_id", "county_code", "verdict", "outfall_id", "note", "photo_sha256s", "author",
    "at",
)  # fmt: skip

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
CREATE TABLE lead_verifications (
    id TEXT PRIMARY KEY,
    lead_id TEXT NOT NULL,
    county_code TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('not_outfall', 'duplicate')),
    outfall_id TEXT,
    note TEXT NOT NULL DEFAULT '',
    photo_sha256s TEXT NOT NULL DEFAULT '[]',
    author TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX lead_verifications_by_lead ON lead_verifications (lead_id);
""" + capture.triggers_sql(
    "lead_verifications", VERIFICATION_COLUMNS, json_columns=("photo_sha256s",)
)
