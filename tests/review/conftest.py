"""Fixtures of the review tests: the server tests' in-process app on SQLite and PostgreSQL
(``tests/server/conftest.py``) and the sync proof's real uvicorn server and devices
(``tests/sync/conftest.py``), loaded by path (importlib mode cannot import another conftest)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def _load(name: str, path: Path) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


HERE = Path(__file__).resolve().parent
server_fixtures = _load("hekou_review_server_fixtures", HERE.parent / "server" / "conftest.py")
sync_fixtures = _load("hekou_review_sync_fixtures", HERE.parent / "sync" / "conftest.py")
# the desk loops' world (a real server, its county and devices) and helpers, for the tests that
# build on them: ``import hekou_review_proposals_loop``
_load("hekou_review_proposals_loop", HERE / "test_desk_proposals_loop.py")

# the server tests' fixtures, by name, so pytest finds them here
pg_database = server_fixtures.pg_database
sqlite_template = server_fixtures.sqlite_template
database_url = server_fixtures.database_url
ctx = server_fixtures.ctx
engine = server_fixtures.engine
client = server_fixtures.client
person = server_fixtures.person
h = server_fixtures.h
# the sync proof's: a real server on loopback, and a profile template for devices
fast_tmp = sync_fixtures.fast_tmp
sqlite_server = sync_fixtures.sqlite_server
pg_server = sync_fixtures.pg_server
profile_template = sync_fixtures.profile_template
