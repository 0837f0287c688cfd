"""The review desk's flags on an inspection (审核提示): pure functions, no I/O.

A flag tells the supervisor where to look; it never decides. The thresholds are data
(``sync/server/data/review_rules.json``, loaded by ``ReviewRules.load``), the names are
``sync.review_protocol.FLAGS``:

- ``far_from_outfall``: recorded farther from the registered outfall than the threshold;
- ``photo_inconsistent``: a photo taken far from the record's position or long before/after it
  (the device's own photo flags count too);
- ``poor_accuracy``: no position, a manual one, or an accuracy worse than the threshold;
- ``remediation_contradicted``: the inspector found the claimed remediation not done;
- ``new_outfall``: the record's outfall is still a provisional ledger entry;
- ``possible_duplicate``: that provisional outfall lies near a registered one of similar name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from geodesy import distance_m
from sync.review_protocol import (
    FAR_FROM_OUTFALL,
    FLAGS,
    NEW_OUTFALL,
    PHOTO_INCONSISTENT,
    POOR_ACCURACY,
    POSSIBLE_DUPLICATE,
    REMEDIATION_CONTRADICTED,
)

RULES_FILE = Path(__file__).with_name("data") / "review_rules.json"


@dataclass(frozen=True)
class ReviewRules:
    """Thresholds and check vocabularies of the desk (see the data file)."""

    far_from_outfall_m: float = 50
    max_position_error_m: float = 20
    photo_max_distance_m: float = 100
    photo_max_time_offset_s: float = 7200
    duplicate_max_distance_m: float = 200
    duplicate_min_name_similarity: float = 0.6
    sign_items_good: dict[str, str] = field(default_factory=dict)
    sign_present_item: str = "present"
    sampling_items_good: dict[str, str] = field(default_factory=dict)
    sampling_present_items: tuple[str, ...] = ()
    contradicted_remediation: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path = RULES_FILE) -> ReviewRules:
        raw = json.loads(path.read_text(encoding="utf-8"))
        raw.pop("_comment", None)
        raw["sampling_present_items"] = tuple(raw.get("sampling_present_items", ()))
        raw["contradicted_remediation"] = frozenset(raw.get("contradicted_remediation", ()))
        return cls(**raw)


@dataclass(frozen=True)
class Candidate:
    """A registered outfall the duplicate check compares against."""

    id: str
    name: str
    code: str
    lat: float | None
    lon: float | None


def _bigrams(text: str) -> set[str]:
    chars = "".join(ch for ch in text if not ch.isspace())
    return {chars[i : i + 2] for i in range(len(chars) - 1)} or ({chars} if chars else set())


def name_similarity(a: str, b: str) -> float:
    """Dice coefficient of character pairs: 1.0 for equal names, 0.0 for nothing shared."""
    x, y = _bigrams(a), _bigrams(b)
    if not x or not y:
        return 0.0
    return 2 * len(x & y) / (len(x) + len(y))


def as_dict(value: Any) -> dict[str, Any]:
    """A JSON column as pushed: an object, or (older devices) JSON text."""
    if isinstance(value, dict):
        return value
    if isinstance(value, str) and value:
        try:
            loaded = json.loads(value)
        except ValueError:
            return {}
        return loaded if isinstance(loaded, dict) else {}
    return {}


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _when(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        at = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def record_position(data: dict[str, Any]) -> tuple[float, float] | None:
    pos = as_dict(data.get("position"))
    lat, lon = _number(pos.get("lat")), _number(pos.get("lon"))
    return None if lat is None or lon is None else (lat, lon)


def outfall_position(outfall: dict[str, Any] | None) -> tuple[float, float] | None:
    if not outfall:
        return None
    lat, lon = _number(outfall.get("lat")), _number(outfall.get("lon"))
    return None if lat is None or lon is None else (lat, lon)


def distance_to_outfall(data: dict[str, Any], outfall: dict[str, Any] | None) -> float | None:
    """Metres from the record's position to the registered outfall (the device's figure when
    the outfall has no position on the server)."""
    here, there = record_position(data), outfall_position(outfall)
    if here is not None and there is not None:
        return distance_m(*here, *there)
    return _number(as_dict(data.get("position")).get("distance_m"))


def is_far(data: dict[str, Any], outfall: dict[str, Any] | None, rules: ReviewRules) -> bool:
    if outfall is not None and outfall.get("_status") == "provisional":
        return False  # the inspection registered it: its position is the outfall's
    d = distance_to_outfall(data, outfall)
    return d is not None and d > rules.far_from_outfall_m


def photo_inconsistent(data: dict[str, Any], photo: dict[str, Any], rules: ReviewRules) -> bool:
    if photo.get("far_from_outfall") or photo.get("time_implausible"):
        return True
    offset = _number(photo.get("time_offset_s"))
    if offset is not None and abs(offset) > rules.photo_max_time_offset_s:
        return True
    here = record_position(data)
    lat, lon = _number(photo.get("lat")), _number(photo.get("lon"))
    if (
        here is not None
        and lat is not None
        and lon is not None
        and distance_m(*here, lat, lon) > rules.photo_max_distance_m
    ):
        return True
    taken, start = _when(photo.get("taken_at")), _when(data.get("started_at"))
    end = _when(data.get("completed_at")) or start
    if offset is not None or taken is None or start is None or end is None:
        return False
    slack = rules.photo_max_time_offset_s
    return not (start.timestamp() - slack <= taken.timestamp() <= end.timestamp() + slack)


def poor_accuracy(data: dict[str, Any], rules: ReviewRules) -> bool:
    pos = as_dict(data.get("position"))
    if record_position(data) is None or pos.get("source") == "manual":
        return True
    accuracy = _number(pos.get("accuracy_m"))
    return accuracy is None or accuracy > rules.max_position_error_m


def remediation_contradicted(data: dict[str, Any], rules: ReviewRules) -> bool:
    sections = as_dict(data.get("sections"))
    finding = as_dict(sections.get("remediation")).get("finding")
    return finding in rules.contradicted_remediation


def duplicates(
    outfall: dict[str, Any] | None, candidates: Iterable[Candidate], rules: ReviewRules
) -> list[Candidate]:
    """Registered outfalls near a provisional one and of similar name, nearest first."""
    here = outfall_position(outfall)
    if outfall is None or here is None:
        return []
    name = str(outfall.get("name") or "")
    found: list[tuple[float, Candidate]] = []
    for c in candidates:
        if c.id == outfall.get("id") or c.lat is None or c.lon is None:
            continue
        d = distance_m(*here, c.lat, c.lon)
        if d <= rules.duplicate_max_distance_m and (
            name_similarity(name, c.name) >= rules.duplicate_min_name_similarity
        ):
            found.append((d, c))
    return [c for _, c in sorted(found, key=lambda pair: pair[0])]


def flags_of(
    data: dict[str, Any],
    photos: Sequence[dict[str, Any]],
    outfall: dict[str, Any] | None,
    duplicate_candidates: Sequence[Candidate],
    rules: ReviewRules,
) -> list[str]:
    """Every flag of one inspection, in ``FLAGS`` order. ``outfall`` carries ``_status`` (the
    server's ledger status: ``ledger`` or ``provisional``)."""
    found: set[str] = set()
    if is_far(data, outfall, rules):
        found.add(FAR_FROM_OUTFALL)
    if any(photo_inconsistent(data, p, rules) for p in photos):
        found.add(PHOTO_INCONSISTENT)
    if poor_accuracy(data, rules):
        found.add(POOR_ACCURACY)
    if remediation_contradicted(data, rules):
        found.add(REMEDIATION_CONTRADICTED)
    if outfall is not None and outfall.get("_status") == "provisional":
        found.add(NEW_OUTFALL)
        if duplicates(outfall, duplicate_candidates, rules):
            found.add(POSSIBLE_DUPLICATE)
    return [f for f in FLAGS if f in found]
