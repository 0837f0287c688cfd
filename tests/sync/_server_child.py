"""Run the real server app under uvicorn in this process (a child the tests can kill -9).

    python _server_child.py DATABASE_URL PHOTO_DIR PORT

Cheap Argon2 parameters (tests log in often); everything else as ``fieldapp-server serve``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import uvicorn

from sync.server.app import build_context, create_app
from sync.server.config import Settings

if __name__ == "__main__":
    url, photos, port = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    settings = Settings(
        database_url=url,
        photo_dir=photos,
        argon2_time_cost=1,
        argon2_memory_kib=1024,
        argon2_parallelism=1,
    )
    uvicorn.run(
        create_app(build_context(settings)), host="127.0.0.1", port=port, log_level="critical"
    )
