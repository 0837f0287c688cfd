"""records know their subject (an inspection's outfall, a review's record), indexed

Revision ID: 20261128_03
Revises: 20261128_02
Create Date: 2026-11-28 14:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "20261128_03"
down_revision = "20261128_02"
branch_labels = None
depends_on = None

# The same map as sync.server.queries.records.SUBJECT_KEYS, frozen as of this revision.
SUBJECT_KEYS = {"inspections": "outfall_id", "reviews": "record_id"}


def upgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("subject_id", sa.Text(), nullable=True))
        batch.create_index("ix_records_entity_subject", ["entity", "subject_id"])
    postgres = op.get_bind().dialect.name == "postgresql"
    for entity, key in SUBJECT_KEYS.items():
        value = f"(data::jsonb)->>'{key}'" if postgres else f"json_extract(data, '$.{key}')"
        op.execute(
            f"UPDATE records SET subject_id = {value} "
            f"WHERE entity = '{entity}' AND data IS NOT NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.drop_index("ix_records_entity_subject")
        batch.drop_column("subject_id")
