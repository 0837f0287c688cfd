"""What every request needs: settings, the database engine, the password hasher, the photo store."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from sqlalchemy import Engine

from sync.server.config import Settings
from sync.server.photostore import PhotoStore


@dataclass(frozen=True)
class ServerContext:
    settings: Settings
    engine: Engine
    hasher: PasswordHasher
    photo_store: PhotoStore
