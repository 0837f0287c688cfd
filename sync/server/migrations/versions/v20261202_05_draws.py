"""draws: 双随机 random inspections (their records and visits) and declared conflicts of interest

Revision ID: 20261202_05
Revises: 20261202_01
Create Date: 2026-12-02 16:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "20261202_05"
down_revision = "20261202_01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "draws",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("period_start", sa.String(10), nullable=False),
        sa.Column("period_end", sa.String(10), nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("record_sha256", sa.String(64), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "draw_visits",
        sa.Column("draw_id", sa.String(36), sa.ForeignKey("draws.id"), primary_key=True),
        sa.Column("target_id", sa.String(36), primary_key=True),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("inspectors", sa.Text, nullable=False),
        sa.Column("planned_on", sa.String(10), nullable=False),
        sa.Column("released_on", sa.String(10), nullable=False),
    )
    op.create_index("ix_draw_visits_released_on", "draw_visits", ["released_on"])
    op.create_table(
        "inspector_conflicts",
        sa.Column("username", sa.String(64), primary_key=True),
        sa.Column("subject", sa.String(36), primary_key=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("declared_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("inspector_conflicts")
    op.drop_index("ix_draw_visits_released_on", "draw_visits")
    op.drop_table("draw_visits")
    op.drop_table("draws")
