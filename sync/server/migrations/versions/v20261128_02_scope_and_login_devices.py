"""login failures remember the device they came from; devices remember the area they pulled

Revision ID: 20261128_02
Revises: 20261128_01
Create Date: 2026-11-28 14:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "20261128_02"
down_revision = "20261128_01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("login_failures") as batch:
        batch.add_column(sa.Column("install_id", sa.String(length=36), nullable=True))
        batch.create_index(
            "ix_login_failures_username_install_at", ["username", "install_id", "at"]
        )
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("pull_scope", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("pull_scope")
    with op.batch_alter_table("login_failures") as batch:
        batch.drop_index("ix_login_failures_username_install_at")
        batch.drop_column("install_id")
