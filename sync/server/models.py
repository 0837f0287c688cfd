"""Plain value types of the server: users, devices, the acting identity and stored records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, NewType

from sync.protocol import CITY_CODE

UserId = NewType("UserId", int)
DeviceId = NewType("DeviceId", str)


@dataclass(frozen=True)
class User:
    id: UserId
    username: str
    password_hash: str
    role: str
    counties: tuple[str, ...]
    disabled: bool
    created_at: datetime


@dataclass(frozen=True)
class Device:
    id: DeviceId
    user_id: UserId
    install_id: str
    name: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


@dataclass(frozen=True)
class Actor:
    """Who is calling: the user, their role and counties, and the device they call from."""

    username: str
    role: str
    counties: frozenset[str]
    device_id: str

    def sees(self, county_code: str | None) -> bool:
        """Whether a row of this county is inside the actor's area."""
        if CITY_CODE in self.counties:
            return True
        return county_code is not None and county_code in self.counties

    def visible_counties(self) -> frozenset[str] | None:
        """The counties to filter by, or None for the whole city."""
        return None if CITY_CODE in self.counties else self.counties


@dataclass(frozen=True)
class StoredRecord:
    """A row of the server store: a JSON document keyed by (entity, id) with a version."""

    entity: str
    id: str
    version: int
    data: dict[str, Any] | None
    county_code: str | None
    owner: str | None
    parent_id: str | None
    status: str | None
    review_state: str | None
    deleted: bool
    hlc: str
    device_id: str | None
    batch_id: str | None
    updated_at: datetime


@dataclass(frozen=True)
class PhotoArrival:
    """A photo stored whole and verified, waiting to be registered."""

    sha256: str
    size: int
    actor: Actor
