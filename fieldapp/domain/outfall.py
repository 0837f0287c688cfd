"""The outfall (排污口) as the ledger (台账) holds it: pure data, no storage, no Qt.

A value may hold invalid input (an edit in progress); `validation.validate` says what is wrong.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass, field
from typing import Any, NewType

OutfallId = NewType("OutfallId", str)
EventId = NewType("EventId", str)


def new_id() -> str:
    """A record id made on the device (UUID 4, lower-case text)."""
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Outfall:
    """One outfall. Codes are opaque strings; coordinates are stored as the source gave them."""

    id: OutfallId
    name: str
    # Identity: national code, local code, and a provisional code for a newly found outfall.
    national_code: str | None = None
    local_code: str | None = None
    provisional_code: str | None = None
    # Classification by the current scheme (HJ 1312-2023); `legacy_type_code` keeps the Nantong
    # 2019-2021 type of an imported row, whose current type came from the legacy mapping.
    type_code: str = "undetermined"
    subtype_code: str | None = None
    legacy_type_code: str | None = None
    # Where it discharges: 入江 / 入海 / 入河, basin, 受纳水体.
    receiving_kind: str = "river"
    basin: str = "yangtze"
    water_body: str = ""
    # Where it is: county by GB/T 2260 code, town (镇/街道), village (村/社区).
    county_code: str = ""
    town: str = ""
    village: str = ""
    lat: float | None = None
    lon: float | None = None
    position_accuracy_m: float | None = None
    position_source: str | None = None
    position_datum: str = "WGS84"
    # Chain of custody: 责任主体 (None while unknown: tracing must find it), 排污单位, 排污通道.
    responsible_party: str | None = None
    discharging_units: tuple[str, ...] = ()
    channel_kind: str | None = None
    channel_note: str = ""
    # Regulatory regime (审批 / 登记 / 备案) with its document; sea outfalls have a tier.
    regime: str | None = None
    regime_document_no: str = ""
    regime_date: str = ""  # ISO date, "" when none
    sea_tier: str | None = None
    # Remediation route (整治方式: 取缔 / 合并 / 规范整治); a merge names the outfall merged into.
    remediation_route: str | None = None
    merge_into_id: str | None = None
    lifecycle_state: str = "surveyed"
    sign_status: str = "unknown"
    sampling_status: str = "unknown"
    note: str = ""
    created_at: str = ""
    updated_at: str = ""
    updated_by: str = ""

    @property
    def display_code(self) -> str:
        """The code people use: national, else local, else provisional."""
        return self.national_code or self.local_code or self.provisional_code or ""

    def codes(self) -> dict[str, str]:
        """The codes this outfall carries, by kind."""
        kinds = {
            "national_code": self.national_code,
            "local_code": self.local_code,
            "provisional_code": self.provisional_code,
        }
        return {k: v for k, v in kinds.items() if v}


# The fields a person edits (the rest is identity or bookkeeping).
EDITABLE_FIELDS: tuple[str, ...] = tuple(
    f.name
    for f in dataclasses.fields(Outfall)
    if f.name not in {"id", "lifecycle_state", "created_at", "updated_at", "updated_by"}
)


@dataclass(frozen=True)
class FieldChange:
    """One field that an edit changed (for the edit history: who changed what and when)."""

    field: str
    old: Any
    new: Any


def changed_fields(old: Outfall, new: Outfall) -> list[FieldChange]:
    """The editable fields whose values differ between two versions of an outfall."""
    return [
        FieldChange(name, getattr(old, name), getattr(new, name))
        for name in EDITABLE_FIELDS
        if getattr(old, name) != getattr(new, name)
    ]


@dataclass(frozen=True)
class LifecycleEvent:
    """A dated, attributed state change in an outfall's history."""

    id: EventId
    outfall_id: OutfallId
    action: str
    from_state: str | None
    to_state: str
    at: str
    actor: str
    note: str = ""


@dataclass(frozen=True)
class EditRecord:
    """One field changed by one person at one time."""

    id: str
    outfall_id: OutfallId
    at: str
    actor: str
    field: str
    old_value: str
    new_value: str


@dataclass(frozen=True)
class OutfallHistory:
    """An outfall's lifecycle events and field edits, oldest first."""

    events: tuple[LifecycleEvent, ...] = ()
    edits: tuple[EditRecord, ...] = field(default=())
