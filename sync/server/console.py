"""The ``fieldapp-server`` command: says so plainly when the server's libraries are not installed
(a laptop installed with ``hekou[desktop]`` has the code but not FastAPI, SQLAlchemy, ...)."""

from __future__ import annotations

import sys

SERVER_LIBRARIES = frozenset(
    {"fastapi", "starlette", "uvicorn", "sqlalchemy", "alembic", "psycopg", "argon2",
     "prometheus_client"}
)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    try:
        from sync.server.cli import main as server_main
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in SERVER_LIBRARIES:
            raise
        print(
            f"fieldapp-server: the server is not installed here ({exc.name} is missing): "
            "pip install 'hekou[server]'",
            file=sys.stderr,
        )
        return 2
    return server_main(argv)


if __name__ == "__main__":
    sys.exit(main())
