"""security: normalised user names, expiring device tokens, photo holders, keyed audit entries

Revision ID: 20261202_01
Revises: 20261128_04
Create Date: 2026-12-02 11:00:00

- ``users.username_key``: the name normalised (NFKC, case-folded, trimmed), unique; a login
  looks the user up by it. Existing names are keyed here; two names that normalise alike stop
  the migration with their names (rename one first).
- ``devices.token_expires_at`` (tokens expire unless used; existing tokens get the default
  30 days from now) and ``devices.prev_token_hash`` (a login replayed by the network leaves the
  token the device already holds valid until one of the two is used).
- ``photo_holders``: which users proved they hold a photo's bytes (uploaded them whole). Filled
  here from the uploader of each stored photo and the users whose batches referred to it.
- ``audit_log.keyed``: the entry's hash is an HMAC (a key kept off the database host).
- ``records.subject_id`` of photo rows is their photo's hash.
- ``record_photos``: the photos each stored row refers to (photo reads go through them), filled
  here from the rows' data.
"""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "20261202_01"
down_revision = "20261128_04"
branch_labels = None
depends_on = None

PHOTO_ROWS = ("inspection_photos", "patrol_photos")
SHA256_CHARS = frozenset("0123456789abcdef")


def _refs(value: object, found: set[str]) -> None:
    """Frozen copy of sync.server.rules.photo_refs (lenient: malformed ones are skipped)."""

    def ok(v: object) -> bool:
        return isinstance(v, str) and len(v) == 64 and set(v) <= SHA256_CHARS

    if isinstance(value, dict):
        for key, item in value.items():
            if key == "sha256" and ok(item):
                found.add(str(item))
            elif key in ("photo_sha256s", "photos") and isinstance(item, list):
                for ref in item:
                    if ok(ref):
                        found.add(str(ref))
                    else:
                        _refs(ref, found)
            else:
                _refs(item, found)
    elif isinstance(value, list):
        for item in value:
            _refs(item, found)


def _key(name: str) -> str:
    # Frozen copy of sync.server.security.username_key as of this revision.
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold()).strip()


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("username_key", sa.String(200), nullable=True))
    keys: dict[str, str] = {}
    for user_id, name in bind.execute(sa.text("SELECT id, username FROM users")).all():
        key = _key(name)
        if key in keys:
            raise RuntimeError(
                f"user names {keys[key]!r} and {name!r} are the same after normalisation: "
                "rename one before upgrading"
            )
        keys[key] = name
        bind.execute(
            sa.text("UPDATE users SET username_key = :k WHERE id = :i"), {"k": key, "i": user_id}
        )
    # Left nullable in the column (always filled by the code): making it NOT NULL would copy
    # the table on SQLite, which the devices' foreign key to it forbids.
    with op.batch_alter_table("users") as batch:
        batch.create_index("ix_users_username_key", ["username_key"], unique=True)

    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("prev_token_hash", sa.String(64), nullable=True))
        batch.add_column(sa.Column("token_expires_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_index("ix_devices_prev_token_hash", ["prev_token_hash"])
    bind.execute(
        sa.text("UPDATE devices SET token_expires_at = :t"),
        {"t": datetime.now(UTC) + timedelta(days=30)},
    )

    op.create_table(
        "photo_holders",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("username", sa.String(64), primary_key=True),
    )
    op.execute(
        "INSERT INTO photo_holders (sha256, username) "
        "SELECT DISTINCT p.sha256, u.username FROM photos p "
        "JOIN devices d ON d.id = p.device_id JOIN users u ON u.id = d.user_id"
    )
    op.execute(
        "INSERT INTO photo_holders (sha256, username) "
        "SELECT DISTINCT bp.sha256, b.username FROM batch_photos bp "
        "JOIN batches b ON b.batch_id = bp.batch_id JOIN photos p ON p.sha256 = bp.sha256 "
        "WHERE NOT EXISTS (SELECT 1 FROM photo_holders h "
        "WHERE h.sha256 = bp.sha256 AND h.username = b.username)"
    )

    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(
            sa.Column("keyed", sa.Boolean(), nullable=False, server_default=sa.false())
        )

    op.create_table(
        "record_photos",
        sa.Column("entity", sa.String(40), primary_key=True),
        sa.Column("row_id", sa.String(36), primary_key=True),
        sa.Column("sha256", sa.String(64), primary_key=True),
    )
    op.create_index("ix_record_photos_sha256", "record_photos", ["sha256"])
    rows = bind.execute(
        sa.text("SELECT entity, id, data FROM records WHERE data IS NOT NULL AND deleted = false")
    )
    refs: list[dict[str, str]] = []
    for entity, row_id, data in rows:
        found: set[str] = set()
        _refs(json.loads(data), found)
        refs.extend({"e": entity, "i": row_id, "s": h} for h in sorted(found))
    if refs:
        bind.execute(
            sa.text("INSERT INTO record_photos (entity, row_id, sha256) VALUES (:e, :i, :s)"), refs
        )

    postgres = bind.dialect.name == "postgresql"
    value = "(data::jsonb)->>'sha256'" if postgres else "json_extract(data, '$.sha256')"
    for entity in PHOTO_ROWS:
        op.execute(
            f"UPDATE records SET subject_id = {value} "
            f"WHERE entity = '{entity}' AND data IS NOT NULL"
        )


def downgrade() -> None:
    for entity in PHOTO_ROWS:
        op.execute(f"UPDATE records SET subject_id = NULL WHERE entity = '{entity}'")
    op.drop_index("ix_record_photos_sha256", "record_photos")
    op.drop_table("record_photos")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("keyed")
    op.drop_table("photo_holders")
    with op.batch_alter_table("devices") as batch:
        batch.drop_index("ix_devices_prev_token_hash")
        batch.drop_column("token_expires_at")
        batch.drop_column("prev_token_hash")
    with op.batch_alter_table("users") as batch:
        batch.drop_index("ix_users_username_key")
        batch.drop_column("username_key")
