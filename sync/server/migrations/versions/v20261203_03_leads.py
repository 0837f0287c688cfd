"""leads: aerial-survey leads (航测线索) to verify on the ground

Revision ID: 20261203_03
Revises: 20261203_02
Create Date: 2026-12-03 06:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "20261203_03"
down_revision = "20261203_02"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "leads",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("import_id", sa.String(36), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("feature", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("lat", sa.Float(53), nullable=False),
        sa.Column("lon", sa.Float(53), nullable=False),
        sa.Column("source_datum", sa.String(10), nullable=False),
        sa.Column("photos", sa.Text, nullable=False),
        sa.Column("cluster_id", sa.String(36), nullable=False),
        sa.Column("near_outfall_id", sa.String(36)),
        sa.Column("near_outfall_m", sa.Float(53)),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("task_id", sa.String(36)),
        sa.Column("outfall_id", sa.String(36)),
        sa.Column("evidence", sa.Text),
        sa.Column("decision_note", sa.Text),
        sa.Column("decided_by", sa.String(64)),
        sa.Column("decided_at", sa.DateTime(timezone=True)),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_leads_county_state", "leads", ["county_code", "state"])


def downgrade() -> None:
    op.drop_index("ix_leads_county_state", "leads")
    op.drop_table("leads")
