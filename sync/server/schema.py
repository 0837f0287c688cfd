"""The server's tables (SQLAlchemy Core). Changed only together with a new migration."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect


class UtcDateTime(TypeDecorator[datetime]):
    """A moment, stored as UTC on both databases. SQLite keeps no offset: an aware time of
    another zone (a deadline at Nantong's midnight) written as it is reads back 8 hours off
    there, while PostgreSQL converts it; turned to UTC on the way in, both agree."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            return value.astimezone(UTC)
        return value


metadata = MetaData()

# BigInteger primary keys that still autoincrement on SQLite (where only INTEGER does).
BigId = BigInteger().with_variant(Integer(), "sqlite")

users = Table(
    "users",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False, unique=True),
    # The name normalised (NFKC, case-folded, trimmed: ``security.username_key``); unique.
    # Always filled; nullable only because SQLite cannot make it NOT NULL in place.
    Column("username_key", String(200)),
    Column("password_hash", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("counties", Text, nullable=False),  # JSON list of GB/T 2260 codes
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_users_username_key", "username_key", unique=True),
)

devices = Table(
    "devices",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("user_id", BigId, ForeignKey("users.id"), nullable=False),
    Column("install_id", String(36), nullable=False),
    Column("name", String(120), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("last_used_at", UtcDateTime()),
    Column("revoked_at", UtcDateTime()),
    # The counties the device's pull cursor was built for (``sync.server.services.pull``).
    Column("pull_scope", Text),
    # The token before the last login from this install: valid until one of the two is used
    # (a login replayed by the network must not sign the device out).
    Column("prev_token_hash", String(64)),
    Column("token_expires_at", UtcDateTime()),  # pushed forward while in use
    Index("ix_devices_user_install", "user_id", "install_id", unique=True),
    Index("ix_devices_prev_token_hash", "prev_token_hash"),
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False),
    Column("client", String(64), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("install_id", String(36)),  # the device that tried, as it named itself
    Index("ix_login_failures_username_at", "username", "at"),
    Index("ix_login_failures_username_install_at", "username", "install_id", "at"),
    Index("ix_login_failures_client_at", "client", "at"),
)

records = Table(
    "records",
    metadata,
    Column("entity", String(40), primary_key=True),
    Column("id", String(36), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("data", Text),  # the row as a JSON document; NULL for a tombstone
    Column("county_code", String(6)),
    Column("owner", String(64)),
    Column("parent_id", String(36)),
    Column("status", String(20)),
    Column("review_state", String(20)),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("hlc", String(64), nullable=False),
    Column("device_id", String(36)),
    Column("batch_id", String(36)),
    Column("updated_at", UtcDateTime(), nullable=False),
    # What the row is about (``queries.records.SUBJECT_KEYS``): an inspection's outfall, ...
    Column("subject_id", Text),
    Index("ix_records_county_entity", "county_code", "entity"),
    Index("ix_records_entity_subject", "entity", "subject_id"),
)

feed = Table(
    "feed",
    metadata,
    Column("seq", BigId, primary_key=True, autoincrement=True),
    Column("change_id", String(36), nullable=False),
    Column("entity", String(40), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("op", String(10), nullable=False),
    Column("data", Text),
    Column("at", UtcDateTime(), nullable=False),
    Column("hlc", String(64), nullable=False),
    Column("county_code", String(6)),
    # An item for one user only (a drawn visit's task and outfall, sent to its inspectors
    # whatever their area) until ``audience_until``; NULL: for every device of the county.
    Column("audience", String(64)),
    Column("audience_until", UtcDateTime()),
    Index("ix_feed_county_seq", "county_code", "seq"),
    Index("ix_feed_audience_seq", "audience", "seq"),
)

batches = Table(
    "batches",
    metadata,
    Column("batch_id", String(36), primary_key=True),
    Column("device_id", String(36), nullable=False),
    Column("username", String(64), nullable=False),
    Column("received_at", UtcDateTime(), nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("counts", Text, nullable=False),  # JSON {result: count}
    Column("total", Integer, nullable=False),
    Column("counties", Text, nullable=False),  # JSON list
    Column("complete", Boolean, nullable=False),
    Column("response", Text, nullable=False),  # the stored answer, returned again on a replay
    Index("ix_batches_received", "received_at"),
)

batch_items = Table(
    "batch_items",
    metadata,
    Column("batch_id", String(36), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("change_id", String(36), nullable=False),
    Column("entity", String(40), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("op", String(10), nullable=False),
    Column("result", String(20), nullable=False),
    Column("reason", String(40)),
    Column("county_code", String(6)),
)

batch_counties = Table(
    "batch_counties",
    metadata,
    Column("batch_id", String(36), primary_key=True),
    Column("county_code", String(6), primary_key=True),
    Index("ix_batch_counties_county", "county_code"),
)

applied_changes = Table(
    "applied_changes",
    metadata,
    Column("change_id", String(36), primary_key=True),
    Column("device_id", String(36), nullable=False),
    Column("batch_id", String(36), nullable=False),
)

photos = Table(
    "photos",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("received_at", UtcDateTime(), nullable=False),
    Column("device_id", String(36)),
)

# Users who proved they hold a photo's bytes (they uploaded it whole): a photo row refers to a
# photo only for its owner's holding, so naming someone else's hash gives nothing.
photo_holders = Table(
    "photo_holders",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("username", String(64), primary_key=True),
)

# The photos each stored row refers to (``rules.photo_refs``): a photo is read only through a
# live row of the reader's area whose owner holds it.
record_photos = Table(
    "record_photos",
    metadata,
    Column("entity", String(40), primary_key=True),
    Column("row_id", String(36), primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Index("ix_record_photos_sha256", "sha256"),
)

batch_photos = Table(
    "batch_photos",
    metadata,
    Column("batch_id", String(36), primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Index("ix_batch_photos_sha256", "sha256"),
)

proposals = Table(
    "proposals",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("entity", String(40), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("op", String(10), nullable=False),
    Column("data", Text),
    Column("base_version", Integer),
    Column("proposed_by", String(64), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("batch_id", String(36), nullable=False),
    Column("change_id", String(36), nullable=False),
    Column("county_code", String(6)),
    Column("state", String(20), nullable=False),
    Column("decided_by", String(64)),
    Column("decided_at", UtcDateTime()),
    Column("comment", Text),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_proposals_county_state", "county_code", "state"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", BigId, primary_key=True, autoincrement=True),
    Column("at", UtcDateTime(), nullable=False),
    Column("username", String(64)),
    Column("device_id", String(36)),
    Column("action", String(40), nullable=False),
    Column("entity", String(40)),
    Column("row_id", String(64)),
    Column("before", Text),
    Column("after", Text),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("keyed", Boolean, nullable=False, default=False),  # HMAC-SHA256 with the audit key
)

# 双随机 draws (package ``draws``): the whole record (method, seed, rules, pools, visits) as JSON,
# its SHA-256 in the audit log; the seed stays on the server (the draw is secret until its visits
# are released) and the record is what ``draw verify`` recomputes.
draws = Table(
    "draws",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("period_start", String(10), nullable=False),
    Column("period_end", String(10), nullable=False),
    Column("record", Text, nullable=False),
    Column("record_sha256", String(64), nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("published_at", UtcDateTime()),
)

draw_visits = Table(
    "draw_visits",
    metadata,
    Column("draw_id", String(36), ForeignKey("draws.id"), primary_key=True),
    Column("target_id", String(36), primary_key=True),
    Column("county_code", String(6), nullable=False),
    Column("inspectors", Text, nullable=False),  # JSON list of user names
    Column("planned_on", String(10), nullable=False),
    Column("released_on", String(10), nullable=False),
    # Set by ``draw release`` (its tasks sent) and when the team's inspection arrives.
    Column("released_at", UtcDateTime()),
    Column("closes_at", UtcDateTime()),  # the end of the visit's window
    Column("done_at", UtcDateTime()),
    Column("done_record", String(36)),  # the inspection that did it
    Index("ix_draw_visits_released_on", "released_on"),
    Index("ix_draw_visits_target_id", "target_id"),
)

# Declared conflicts of interest: an inspector never drawn for that outfall or county.
inspector_conflicts = Table(
    "inspector_conflicts",
    metadata,
    Column("username", String(64), primary_key=True),
    Column("subject", String(36), primary_key=True),  # an outfall id or a county code
    Column("reason", Text, nullable=False),
    Column("declared_at", UtcDateTime(), nullable=False),
)

# Aerial-survey leads (航测线索, package ``leads``): suspected outfalls imported from a drone or
# aerial survey, one row each, owned by ``queries.leads``. A lead is a county's secret until it is
# verified: it reaches only that county's devices (entity ``leads`` of the feed). ``state``: open,
# tasked (a verification task exists), then one outcome decided by a supervisor: confirmed (the
# inspector's newly found outfall, ``outfall_id``), not_outfall, or duplicate (of ``outfall_id``).
leads = Table(
    "leads",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("county_code", String(6), nullable=False),
    Column("import_id", String(36), nullable=False),  # one file's import
    Column("source", Text, nullable=False),  # the file's name
    Column("feature", Integer, nullable=False),  # 1-based feature number in the file
    Column("name", Text, nullable=False),
    Column("note", Text, nullable=False),
    Column("lat", Float(53), nullable=False),  # WGS-84
    Column("lon", Float(53), nullable=False),
    Column("source_datum", String(10), nullable=False),
    Column("photos", Text, nullable=False),  # JSON list of {"name", "sha256"}
    Column("cluster_id", String(36), nullable=False),  # the first lead of its cluster
    Column("near_outfall_id", String(36)),  # an existing outfall within the duplicate distance
    Column("near_outfall_m", Float(53)),
    Column("state", String(20), nullable=False),
    Column("task_id", String(36)),
    Column("outfall_id", String(36)),  # confirmed: the new outfall; duplicate: the existing one
    Column("evidence", Text),  # JSON list of {"entity", "row_id"}: the verification's records
    Column("decision_note", Text),
    Column("decided_by", String(64)),
    Column("decided_at", UtcDateTime()),
    Column("created_by", String(64), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_leads_county_state", "county_code", "state"),
)

# Remediation plans (一口一策, ``sync.plans``): one per outfall, written whole by a supervisor of the
# outfall's county (or of the city), owned by ``queries.plans``. ``data`` is the plan as the devices
# receive it (entity ``plans`` of the county's feed); ``deadline`` and ``next_due`` (the earliest
# date still to meet, null once completed) are copied out so the desk can sort and filter.
plans = Table(
    "plans",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("outfall_id", String(36), nullable=False, unique=True),
    Column("county_code", String(6), nullable=False),
    Column("route", String(20), nullable=False),
    Column("deadline", String(10), nullable=False),  # YYYY-MM-DD
    Column("next_due", String(10)),
    Column("data", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_by", String(64), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Index("ix_plans_county_next_due", "county_code", "next_due"),
)

# Complaints (举报, ``sync.complaints``): recorded by bureau staff, verified through a task, given an
# outcome and answered to the complainant; owned by ``queries.complaints``. The complainant's
# ``contact_name`` and ``contact_phone`` live in this table only (no feed, task or audit entry
# carries them). Times are aware; ``answer_due`` is the deadline to answer the complainant.
complaints = Table(
    "complaints",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("county_code", String(6), nullable=False),
    Column("channel", String(40), nullable=False),
    Column("received_at", UtcDateTime(), nullable=False),
    Column("place", Text, nullable=False),
    Column("lat", Float(53)),
    Column("lon", Float(53)),
    Column("outfall_id", String(36)),
    Column("description", Text, nullable=False),
    Column("photos", Text, nullable=False),  # JSON list of SHA-256
    Column("contact_name", Text, nullable=False),
    Column("contact_phone", Text, nullable=False),
    Column("task_id", String(36)),
    Column("state", String(20), nullable=False),
    Column("outcome", String(40)),
    Column("outcome_note", Text, nullable=False),
    Column("outcome_by", String(64)),
    Column("outcome_at", UtcDateTime()),
    Column("reply_text", Text, nullable=False),
    Column("reply_by", String(64)),
    Column("reply_at", UtcDateTime()),
    Column("verify_due", UtcDateTime(), nullable=False),
    Column("answer_due", UtcDateTime(), nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_complaints_county_state", "county_code", "state"),
)
