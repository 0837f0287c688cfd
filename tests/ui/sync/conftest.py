"""Fixtures of the sync panel's and sign-in dialog's tests: the sync proof's real uvicorn server
and profile template (``tests/sync/conftest.py``), loaded by path (importlib mode cannot import
another conftest)."""

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


TESTS = Path(__file__).resolve().parents[2]
sync_fixtures = _load("hekou_ui_sync_fixtures", TESTS / "sync" / "conftest.py")

fast_tmp = sync_fixtures.fast_tmp
sqlite_server = sync_fixtures.sqlite_server
profile_template = sync_fixtures.profile_template
