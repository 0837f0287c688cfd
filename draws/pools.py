"""The two pools a draw takes (一单两库): targets (outfalls with their class) and inspectors (with
their county and declared conflicts), in a canonical form whose digest the draw records."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from draws.errors import BadPools
from draws.rules import DrawRules


@dataclass(frozen=True, slots=True)
class Target:
    id: str
    county: str
    target_class: str
    poor_water: bool = False


@dataclass(frozen=True, slots=True)
class Inspector:
    username: str
    counties: frozenset[str]  # the counties the inspector works in (their own)
    conflicts: frozenset[str] = frozenset()  # target ids and county codes declared


@dataclass(frozen=True, slots=True)
class Pools:
    targets: tuple[Target, ...]
    inspectors: tuple[Inspector, ...]

    def as_data(self) -> dict[str, Any]:
        return {
            "targets": [
                {
                    "id": t.id,
                    "county": t.county,
                    "class": t.target_class,
                    "poor_water": t.poor_water,
                }
                for t in sorted(self.targets, key=lambda t: t.id)
            ],
            "inspectors": [
                {
                    "username": i.username,
                    "counties": sorted(i.counties),
                    "conflicts": sorted(i.conflicts),
                }
                for i in sorted(self.inspectors, key=lambda i: i.username)
            ],
        }

    def digest(self) -> str:
        """SHA-256 of the canonical JSON: what the draw records and ``verify`` checks."""
        return hashlib.sha256(canonical(self.as_data())).hexdigest()


def canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def pools_from_data(data: Mapping[str, Any], rules: DrawRules) -> Pools:
    """Pools from their recorded form (``Pools.as_data``); a repeated id or an unknown class is a
    ``BadPools``."""
    try:
        targets = tuple(
            Target(str(t["id"]), str(t["county"]), str(t["class"]), bool(t.get("poor_water")))
            for t in data["targets"]
        )
        inspectors = tuple(
            Inspector(
                str(i["username"]),
                frozenset(map(str, i["counties"])),
                frozenset(map(str, i["conflicts"])),
            )
            for i in data["inspectors"]
        )
    except (KeyError, TypeError) as exc:
        raise BadPools(f"the pools lack a field: {exc}", f"抽查库缺少字段：{exc}") from exc
    return checked(Pools(targets, inspectors), rules)


def classify(
    outfalls: Iterable[Mapping[str, Any]],
    inspectors: Iterable[Inspector],
    rules: DrawRules,
) -> Pools:
    """Pools from ledger rows (``id``, ``county_code``, ``type_code``, ``subtype_code``, ``sea_tier``,
    ``lifecycle_state``, ``water_body``): each outfall in its class, poor water marked."""
    targets = []
    for row in outfalls:
        facts = {name: _text(row.get(name)) for name in row}
        target_class = rules.class_of(facts)
        targets.append(
            Target(
                id=str(row["id"]),
                county=str(row.get("county_code") or ""),
                target_class=target_class.code,
                poor_water=str(row.get("water_body") or "") in rules.poor_water_bodies,
            )
        )
    return checked(Pools(tuple(targets), tuple(inspectors)), rules)


def checked(pools: Pools, rules: DrawRules) -> Pools:
    ids = [t.id for t in pools.targets]
    if len(set(ids)) != len(ids):
        raise BadPools("a target appears twice in the pool", "对象库中有重复对象")
    names = [i.username for i in pools.inspectors]
    if len(set(names)) != len(names):
        raise BadPools("an inspector appears twice in the pool", "检查人员库中有重复人员")
    known = {c.code for c in rules.classes}
    unknown = sorted({t.target_class for t in pools.targets} - known)
    if unknown:
        raise BadPools(
            f"targets of unknown classes: {', '.join(unknown)}",
            f"对象类别未知：{'、'.join(unknown)}",
        )
    return pools


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
