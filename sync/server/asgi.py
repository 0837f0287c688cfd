"""The app for several server processes: ``fieldapp-server serve --workers N`` starts N uvicorn
worker processes, each of which builds its app here from the settings the parent handed down.

The server holds no state between requests outside the database and the photo folder (writers
are serialised in the database; photo uploads resume from the bytes on disk), so processes, on
one machine or behind one proxy on several, can share the work.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from sync.server import db, observe
from sync.server.app import build_context, create_app
from sync.server.config import Settings

SETTINGS_VARIABLE = "HEKOU_SERVER_SETTINGS"
ANCHOR_VARIABLE = "HEKOU_ANCHOR_EVERY"
LOG_LEVEL_VARIABLE = "HEKOU_LOG_LEVEL"


def hand_down(settings: Settings, anchor_every: float) -> None:
    """Put the settings where the worker processes (started with this environment) find them."""
    os.environ[SETTINGS_VARIABLE] = json.dumps(dataclasses.asdict(settings), default=str)
    os.environ[ANCHOR_VARIABLE] = str(anchor_every)
    os.environ[LOG_LEVEL_VARIABLE] = logging.getLevelName(observe.log.level)


def _settings_from_environment() -> Settings:
    values: dict[str, Any] = json.loads(os.environ[SETTINGS_VARIABLE])
    for field in dataclasses.fields(Settings):
        if field.type in (Path, "Path") and values.get(field.name) is not None:
            values[field.name] = Path(values[field.name])
    return Settings(**values)


def app_from_environment() -> FastAPI:
    """One worker's app (uvicorn calls this in each worker process)."""
    observe.configure_logging(logging.getLevelName(os.environ.get(LOG_LEVEL_VARIABLE, "INFO")))
    ctx = build_context(_settings_from_environment())
    db.check_revision(ctx.engine)
    return create_app(ctx, anchor_every=float(os.environ.get(ANCHOR_VARIABLE, "0")))
