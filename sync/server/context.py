"""What every request needs: settings, the database engine, the password hasher, the photo store
and the queue that registers arrived photos."""

from __future__ import annotations

from dataclasses import dataclass, field

from argon2 import PasswordHasher
from sqlalchemy import Engine

from sync.server.config import Settings
from sync.server.groupcommit import GroupCommit
from sync.server.models import PhotoArrival
from sync.server.photostorage import PhotoStorage


@dataclass(frozen=True)
class ServerContext:
    settings: Settings
    engine: Engine
    hasher: PasswordHasher
    photo_store: PhotoStorage
    photo_arrivals: GroupCommit[PhotoArrival] = field(default_factory=GroupCommit)
