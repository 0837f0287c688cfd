"""Which record a synced row belongs to (pure: no database, no network).

The user thinks in records (an inspection, a patrol, an outfall), the sync in rows: a photo, a
track or a history row is shown, refused, resent and withdrawn as part of its record.
"""

from __future__ import annotations

from typing import Any

# the record a row belongs to: (its entity, the field naming it in the row)
RECORD_OF: dict[str, tuple[str, str]] = {
    "inspection_photos": ("inspections", "inspection_id"),
    "patrol_tracks": ("patrols", "patrol_id"),
    "patrol_problems": ("patrols", "patrol_id"),
    "patrol_photos": ("patrols", "patrol_id"),
    "outfall_events": ("outfalls", "outfall_id"),
    "outfall_edits": ("outfalls", "outfall_id"),
}
PARENT_FIRST = ("outfalls", "inspections", "patrols")  # resent before the rows that follow them
PHOTO_LIST_FIELDS = ("photo_sha256s", "photos")


def record_key(entity: str, row_id: str, data: Any) -> tuple[str, str]:
    """(entity, id) of the record a row belongs to; a record's own row is its own record."""
    parent = RECORD_OF.get(entity)
    if parent is not None and isinstance(data, dict) and data.get(parent[1]):
        return parent[0], str(data[parent[1]])
    return entity, row_id


def parents_first(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(entity, row_id) pairs with records before their rows (stable otherwise)."""
    order = {e: i for i, e in enumerate(PARENT_FIRST)}
    return sorted(rows, key=lambda r: order.get(r[0], len(order)))


def photo_refs(data: Any) -> set[str]:
    """SHA-256 photo references in a row (fields named ``sha256`` or photo lists), at any depth."""
    found: set[str] = set()
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "sha256" and isinstance(item, str):
                    found.add(item)
                elif key in PHOTO_LIST_FIELDS and isinstance(item, list):
                    found.update(r for r in item if isinstance(r, str))
                    stack.extend(r for r in item if isinstance(r, dict))
                else:
                    stack.append(item)
        elif isinstance(value, list):
            stack.extend(value)
    return found
