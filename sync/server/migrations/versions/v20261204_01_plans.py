"""plans: remediation plans (一口一策), one per outfall

Revision ID: 20261204_01
Revises: 20261203_03
Create Date: 2026-12-04 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "20261204_01"
down_revision = "20261203_03"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("outfall_id", sa.String(36), nullable=False, unique=True),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("route", sa.String(20), nullable=False),
        sa.Column("deadline", sa.String(10), nullable=False),
        sa.Column("next_due", sa.String(10)),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_plans_county_next_due", "plans", ["county_code", "next_due"])


def downgrade() -> None:
    op.drop_index("ix_plans_county_next_due", "plans")
    op.drop_table("plans")
