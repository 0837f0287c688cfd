"""Generates a realistic Nantong outfall ledger: real counties and towns, names that follow the
naming pattern (county + town + village + bearing + distance + type), positions inside the right
county (Yangtze and sea outfalls on their shore), and a plausible mix of types, routes and states
with dated, attributed histories. Deterministic for a given seed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldapp.demo.geometry import Point, random_inside, random_on_shore
from fieldapp.domain.outfall import EventId, LifecycleEvent, Outfall, OutfallId
from fieldapp.domain.reference import Reference
from fieldapp.domain.validation import expected_regime

# (type, subtype) → weight, a mix like the 2019-2021 survey's.
TYPE_MIX: dict[tuple[str, str | None], float] = {
    ("other", "urban_storm"): 22,
    ("other", "rural_sewage_scattered"): 14,
    ("other", "aquaculture_small"): 9,
    ("agricultural", "aquaculture_large"): 5,
    ("other", "livestock_small"): 4,
    ("agricultural", "livestock_large"): 2,
    ("industrial", "enterprise"): 10,
    ("industrial", "enterprise_storm"): 6,
    ("industrial", "park_plant"): 2,
    ("industrial", "park_storm"): 2,
    ("municipal_plant", "municipal_plant"): 3,
    ("other", "port"): 4,
    ("other", "irrigation"): 3,
    ("other", "urban_sewage_scattered"): 4,
    ("other", "rural_plant"): 3,
    ("other", "other"): 4,
    ("undetermined", None): 3,
}
# Current sub-type → the legacy Nantong type an imported row would carry.
LEGACY_OF: dict[str | None, str] = {
    "urban_storm": "urban_storm",
    "rural_sewage_scattered": "rural_sewage",
    "urban_sewage_scattered": "urban_sewage",
    "port": "port",
    "enterprise": "industrial",
    "enterprise_storm": "industrial",
    "park_plant": "industrial",
    "park_storm": "industrial",
    "other": "ditch",
}
STATE_MIX = {
    "surveyed": 5,
    "monitored": 3,
    "traced": 4,
    "remediating": 8,
    "accepted": 5,
    "retest": 1,
    "pre_closed": 4,
    "closed": 10,
    "routine": 45,
    "retired": 15,
}
PATH = ["surveyed", "monitored", "traced", "remediating", "accepted", "pre_closed", "closed"]
ACTIONS = {
    "monitored": "monitor",
    "traced": "trace",
    "remediating": "start_remediation",
    "accepted": "accept",
    "pre_closed": "pre_close",
    "closed": "close",
    "routine": "to_routine",
    "retired": "retire",
    "retest": "request_retest",
}
GENERATED_AT = dt.datetime(2026, 10, 31, 9, 0, tzinfo=dt.UTC)


@dataclass
class _County:
    code: str
    name_zh: str
    share: float
    huai_share: float
    polygon: list[Point]
    yangtze: list[list[Point]]
    sea: list[list[Point]]
    towns: list[str]
    rivers: list[str]


def load_geography(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


class LedgerGenerator:
    """Makes outfalls one at a time; `generate(n)` yields (outfall, its lifecycle events)."""

    def __init__(self, ref: Reference, geography: dict[str, Any], seed: int = 2023) -> None:
        self.ref = ref
        self.geo = geography
        self.rng = random.Random(seed)
        self.counties = [
            _County(
                code=c["code"],
                name_zh=ref.county(c["code"]).zh,  # type: ignore[union-attr]
                share=c["share"],
                huai_share=c["huai_share"],
                polygon=[tuple(p) for p in c["polygon"]],
                yangtze=[[tuple(p) for p in line] for line in c["yangtze"]],
                sea=[[tuple(p) for p in line] for line in c["sea"]],
                towns=c["towns"],
                rivers=c["rivers"],
            )
            for c in geography["counties"]
        ]
        self._ids_by_county: dict[str, list[str]] = {c.code: [] for c in self.counties}
        self._serial: dict[str, int] = {}

    def _uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def _pick(self, weights: Mapping[Any, float]) -> Any:
        keys = list(weights)
        return self.rng.choices(keys, weights=[weights[k] for k in keys])[0]

    def generate(self, n: int) -> Iterator[tuple[Outfall, list[LifecycleEvent]]]:
        for _ in range(n):
            yield self.one()

    def one(self) -> tuple[Outfall, list[LifecycleEvent]]:
        rng = self.rng
        county = rng.choices(self.counties, weights=[c.share for c in self.counties])[0]
        kinds = {"river": 0.73}
        if county.yangtze:
            kinds["yangtze"] = 0.22
        if county.sea:
            kinds["sea"] = 0.25
        kind = self._pick(kinds)
        type_code, subtype = self._pick(TYPE_MIX)
        if kind == "sea" and type_code == "other" and subtype in ("urban_storm", "irrigation"):
            subtype = "aquaculture_small"  # the coast's small outfalls are mostly fish ponds
        town = rng.choice(county.towns)
        village = rng.choice(self.geo["village_stems"]) + rng.choice(self.geo["village_suffixes"])
        if kind == "river":
            point = random_inside(county.polygon, rng)
            water = rng.choice(county.rivers)
        else:
            shore = rng.choice(county.yangtze if kind == "yangtze" else county.sea)
            point = random_on_shore(shore, county.polygon, rng)
            water = "长江" if kind == "yangtze" else rng.choice(self.geo["sea_water_bodies"])
        basin = "huai" if rng.random() < county.huai_share else "yangtze"
        type_label = (
            self.ref.subtype_term(subtype).zh  # type: ignore[union-attr]
            if subtype
            else "排口"
        )
        name = (
            f"{county.name_zh}{town}{village}"
            f"{rng.choice(self.geo['landmarks']) if rng.random() < 0.4 else ''}"
            f"{rng.choice(self.geo['bearings'])}{rng.randrange(50, 2000, 10)}m{type_label}"
        )
        state = self._pick(STATE_MIX)
        route = self._route_for(state)
        outfall_id = OutfallId(self._uuid())
        national, local, provisional = self._codes(county.code, kind)
        legacy = LEGACY_OF.get(subtype) if rng.random() < 0.35 and subtype in LEGACY_OF else None
        events = self._history(outfall_id, state)
        created = events[0].at
        o = Outfall(
            id=outfall_id,
            name=name,
            national_code=national,
            local_code=local,
            provisional_code=provisional,
            type_code=type_code,
            subtype_code=subtype,
            legacy_type_code=legacy,
            receiving_kind=kind,
            basin=basin,
            water_body=water,
            county_code=county.code,
            town=town,
            village=village,
            lat=round(point[1], 7),
            lon=round(point[0], 7),
            position_accuracy_m=round(rng.uniform(1.5, 12.0), 1),
            position_source=rng.choice(["gnss", "gnss", "survey", "imported"]),
            responsible_party=self._responsible(county, town, village, subtype, state),
            discharging_units=self._units(county, subtype),
            channel_kind=rng.choice(["pipe", "pipe", "ditch", "channel", "culvert", "direct"]),
            lifecycle_state=state,
            remediation_route=route,
            sign_status=self._sign(state),
            sampling_status=self._sign(state),
            created_at=created,
            updated_at=events[-1].at,
            updated_by=events[-1].actor,
        )
        o = self._with_regime(o)
        if route == "merge":
            targets = self._ids_by_county[county.code]
            if targets:
                o = dataclasses.replace(o, merge_into_id=rng.choice(targets))
            else:
                o = dataclasses.replace(o, remediation_route="ban")
                if o.lifecycle_state == "retired":
                    pass
        if state != "retired":
            self._ids_by_county[county.code].append(o.id)
        return o, events

    def _route_for(self, state: str) -> str | None:
        if state in ("surveyed", "monitored", "traced"):
            return self._pick({None: 6, "standardise": 3, "ban": 1})
        if state == "routine":
            return "standardise"
        if state == "retired":
            return self._pick({"ban": 2, "merge": 1})
        return self._pick({"standardise": 7, "ban": 2, "merge": 1})

    def _codes(self, county: str, kind: str) -> tuple[str | None, str | None, str | None]:
        serial = self._serial[county] = self._serial.get(county, 0) + 1
        letter = {"yangtze": "J", "sea": "H", "river": "R"}[kind]
        roll = self.rng.random()
        national = f"{county}{letter}{serial:06d}"
        local = f"NT{county[-2:]}-{2019 + serial % 3}-{serial:05d}"
        if roll < 0.03:
            return None, None, f"LS{county[-2:]}-{self._uuid()[:8].upper()}"
        if roll < 0.13:
            return None, local, None
        return national, local, None

    def _history(self, outfall_id: str, state: str) -> list[LifecycleEvent]:
        rng = self.rng
        if state in PATH:
            steps = PATH[: PATH.index(state) + 1]
        elif state == "retest":
            steps = [*PATH[:5], "retest"]
        else:
            steps = [*PATH, state]
        start = dt.datetime(2019, 3, 1, tzinfo=dt.UTC) + dt.timedelta(days=rng.uniform(0, 900))
        span = (GENERATED_AT - start).total_seconds()
        times = sorted(rng.uniform(0, span) for _ in steps[1:])
        events = []
        previous: str | None = None
        for i, step in enumerate(steps):
            at = start if i == 0 else start + dt.timedelta(seconds=times[i - 1])
            events.append(
                LifecycleEvent(
                    id=EventId(self._uuid()),
                    outfall_id=outfall_id,  # type: ignore[arg-type]
                    action="create" if i == 0 else ACTIONS[step],
                    from_state=previous,
                    to_state=step,
                    at=at.isoformat(timespec="seconds").replace("+00:00", "Z"),
                    actor=rng.choice(self.geo["actors"]),
                    note="超标，需复测" if step == "retest" else "",
                )
            )
            previous = step
        return events

    def _responsible(
        self, county: _County, town: str, village: str, subtype: str | None, state: str
    ) -> str | None:
        rng = self.rng
        if state in ("surveyed", "monitored") and rng.random() < 0.5:
            return None
        if subtype in ("enterprise", "enterprise_storm"):
            return self._company(county)
        if subtype in ("park_plant", "park_storm"):
            return f"{county.name_zh}{town}工业园区管理委员会"
        if subtype == "municipal_plant":
            return f"{county.name_zh}{town}污水处理有限公司"
        if subtype == "port":
            return f"南通港{rng.choice(self.geo['company_stems'])}码头有限公司"
        if subtype in ("urban_storm", "urban_sewage_scattered"):
            return f"{county.name_zh}住房和城乡建设局"
        if subtype in ("aquaculture_large", "aquaculture_small"):
            return f"{town}{village}{rng.choice(self.geo['company_stems'])}水产养殖场"
        if subtype in ("livestock_large", "livestock_small"):
            return f"{town}{village}{rng.choice(self.geo['company_stems'])}畜禽养殖场"
        return f"{town}{village}村民委员会"

    def _company(self, county: _County) -> str:
        rng = self.rng
        stem = rng.choice(self.geo["company_stems"])
        trade = rng.choice(self.geo["company_trades"])
        return f"{county.name_zh[:2]}{stem}{trade}有限公司"

    def _units(self, county: _County, subtype: str | None) -> tuple[str, ...]:
        if subtype in ("park_plant", "park_storm", "municipal_plant"):
            return tuple(self._company(county) for _ in range(self.rng.randint(1, 4)))
        if subtype in ("enterprise", "enterprise_storm"):
            return (self._company(county),)
        return ()

    def _sign(self, state: str) -> str:
        if state in ("closed", "routine"):
            return self._pick({"ok": 8, "defective": 2})
        if state == "retired":
            return "not_required"
        return self._pick({"unknown": 5, "missing": 3, "defective": 1, "ok": 1})

    def _with_regime(self, o: Outfall) -> Outfall:
        regime = expected_regime(o, self.ref)
        if regime is None or self.rng.random() < 0.25:
            return o
        year = self.rng.randint(2019, 2025)
        prefix = {"approval": "通环审", "registration": "通环登", "filing": "通环备"}[regime]
        date = dt.date(year, self.rng.randint(1, 12), self.rng.randint(1, 28))
        tier = None
        if o.receiving_kind == "sea":
            tier = (
                "key"
                if o.subtype_code in self.ref.sea_tier_key
                else "simplified"
                if o.subtype_code in self.ref.sea_tier_simplified
                else "other"
            )
        return dataclasses.replace(
            o,
            regime=regime,
            regime_document_no=f"{prefix}〔{year}〕{self.rng.randint(1, 300)}号",
            regime_date=date.isoformat(),
            sea_tier=tier,
        )
