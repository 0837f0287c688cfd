"""draw release: drawn visits sent to their inspectors (feed items for one user until a time) and
marked done

Revision ID: 20261203_02
Revises: 20261202_05
Create Date: 2026-12-03 07:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "20261203_02"
down_revision = "20261202_05"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feed") as feed:
        feed.add_column(sa.Column("audience", sa.String(64)))
        feed.add_column(sa.Column("audience_until", sa.DateTime(timezone=True)))
    op.create_index("ix_feed_audience_seq", "feed", ["audience", "seq"])
    with op.batch_alter_table("draw_visits") as visits:
        visits.add_column(sa.Column("released_at", sa.DateTime(timezone=True)))
        visits.add_column(sa.Column("closes_at", sa.DateTime(timezone=True)))
        visits.add_column(sa.Column("done_at", sa.DateTime(timezone=True)))
        visits.add_column(sa.Column("done_record", sa.String(36)))
    op.create_index("ix_draw_visits_target_id", "draw_visits", ["target_id"])


def downgrade() -> None:
    op.drop_index("ix_draw_visits_target_id", "draw_visits")
    with op.batch_alter_table("draw_visits") as visits:
        for name in ("done_record", "done_at", "closes_at", "released_at"):
            visits.drop_column(name)
    op.drop_index("ix_feed_audience_seq", "feed")
    with op.batch_alter_table("feed") as feed:
        feed.drop_column("audience_until")
        feed.drop_column("audience")
