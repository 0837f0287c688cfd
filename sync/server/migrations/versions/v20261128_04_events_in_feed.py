"""outfall lifecycle events are pulled by devices: the ones stored so far enter the feed

Revision ID: 20261128_04
Revises: 20261128_03
Create Date: 2026-11-28 14:20:00

From this revision on an applied ``outfall_events`` change is appended to the feed like a ledger
row. The events already stored are appended once here, after every existing feed row, so that
every device gets them at its next pull whatever its cursor.
"""

from __future__ import annotations

from alembic import op

revision = "20261128_04"
down_revision = "20261128_03"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "INSERT INTO feed (change_id, entity, row_id, op, data, at, hlc, county_code) "
        "SELECT id, entity, id, 'upsert', data, updated_at, hlc, county_code FROM records "
        "WHERE entity = 'outfall_events' AND deleted = false AND data IS NOT NULL "
        "ORDER BY updated_at, id"
    )


def downgrade() -> None:
    pass  # the rows stay in the feed: devices may already hold them
