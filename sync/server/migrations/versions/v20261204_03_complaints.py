"""complaints: 举报 recorded by bureau staff, verified through a task, answered

Revision ID: 20261204_03
Revises: 20261204_01
Create Date: 2026-12-04 11:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "20261204_03"
down_revision = "20261204_01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    when = sa.DateTime(timezone=True)
    op.create_table(
        "complaints",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("received_at", when, nullable=False),
        sa.Column("place", sa.Text, nullable=False),
        sa.Column("lat", sa.Float(53)),
        sa.Column("lon", sa.Float(53)),
        sa.Column("outfall_id", sa.String(36)),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("photos", sa.Text, nullable=False),
        sa.Column("contact_name", sa.Text, nullable=False),
        sa.Column("contact_phone", sa.Text, nullable=False),
        sa.Column("task_id", sa.String(36)),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("outcome", sa.String(40)),
        sa.Column("outcome_note", sa.Text, nullable=False),
        sa.Column("outcome_by", sa.String(64)),
        sa.Column("outcome_at", when),
        sa.Column("reply_text", sa.Text, nullable=False),
        sa.Column("reply_by", sa.String(64)),
        sa.Column("reply_at", when),
        sa.Column("verify_due", when, nullable=False),
        sa.Column("answer_due", when, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", when, nullable=False),
    )
    op.create_index("ix_complaints_county_state", "complaints", ["county_code", "state"])


def downgrade() -> None:
    op.drop_index("ix_complaints_county_state", "complaints")
    op.drop_table("complaints")
