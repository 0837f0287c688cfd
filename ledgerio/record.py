"""The outfall as a plain dict, the shape the server stores and devices sync (``records.data``).

The keys are the columns of the device's ``outfalls`` table (``fieldapp.domain.outfall.Outfall``;
a test holds the two together). ``IMPORTED`` are the fields a ledger file can carry.
"""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    "id": "",
    "name": "",
    "national_code": None,
    "local_code": None,
    "provisional_code": None,
    "type_code": "undetermined",
    "subtype_code": None,
    "legacy_type_code": None,
    "receiving_kind": "river",
    "basin": "yangtze",
    "water_body": "",
    "county_code": "",
    "town": "",
    "village": "",
    "lat": None,
    "lon": None,
    "position_accuracy_m": None,
    "position_source": None,
    "position_datum": "WGS84",
    "responsible_party": None,
    "discharging_units": [],
    "channel_kind": None,
    "channel_note": "",
    "regime": None,
    "regime_document_no": "",
    "regime_date": "",
    "sea_tier": None,
    "remediation_route": None,
    "merge_into_id": None,
    "lifecycle_state": "surveyed",
    "sign_status": "unknown",
    "sampling_status": "unknown",
    "note": "",
    "created_at": "",
    "updated_at": "",
    "updated_by": "",
}
FIELDS = tuple(DEFAULTS)
# What a file's column sets (several columns feed one field: type, sub-type, legacy type...).
COLUMN_FIELDS: dict[str, tuple[str, ...]] = {
    "type": ("type_code", "subtype_code", "legacy_type_code"),
    "subtype": ("subtype_code",),
    "legacy_type": ("legacy_type_code", "type_code", "subtype_code"),
    "county": ("county_code",),
    "lon": ("lon", "lat", "position_datum"),
    "lat": ("lon", "lat", "position_datum"),
    "lonlat": ("lon", "lat", "position_datum"),
    "datum": ("position_datum",),
}
# Kept as they are when an update changes them: bookkeeping, not ledger content.
NOT_COMPARED = frozenset({"id", "created_at", "updated_at", "updated_by"})


def fields_of_columns(columns: set[str]) -> set[str]:
    """The record fields a file with these columns speaks for (the rest an update leaves alone)."""
    out: set[str] = set()
    for c in columns:
        out.update(COLUMN_FIELDS.get(c, (c,)))
    if {"lon", "lat"} & out:
        out.add("position_source")
    return out & set(FIELDS)


_LIST_DEFAULTS = tuple(k for k, v in DEFAULTS.items() if isinstance(v, list))


def with_defaults(values: dict[str, Any]) -> dict[str, Any]:
    record = DEFAULTS.copy()
    for k in _LIST_DEFAULTS:  # a record's lists are its own
        record[k] = list(DEFAULTS[k])
    record.update(values)
    return record
