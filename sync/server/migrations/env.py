"""Alembic environment: runs on the connection handed over by ``sync.server.db.migrate``."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from sync.server.schema import metadata

connection: Connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
