"""Alembic migrations of the server database, for SQLite and PostgreSQL (dated revisions)."""
