"""The demo ledger: valid, unique, in the right places, a realistic mix, reproducible."""

from __future__ import annotations

import dataclasses
import math
from collections import Counter

from fieldapp.demo.generator import LedgerGenerator
from fieldapp.demo.geometry import contains
from fieldapp.domain.lifecycle import apply_transition
from fieldapp.domain.validation import validate

SHORE_KM = 2.0


def test_every_generated_outfall_is_valid_and_its_codes_unique(ref, generated):
    owners: dict[str, str] = {}
    for o, _ in generated:
        for code in o.codes().values():
            assert code not in owners, code
            owners[code] = o.id
    ids = {o.id for o, _ in generated}
    assert len(ids) == len(generated)
    for o, _ in generated:
        assert validate(o, ref, code_owner=owners.get) == [], o
        if o.merge_into_id:
            assert o.merge_into_id in ids


def _polygons(geography):
    return {c["code"]: [tuple(p) for p in c["polygon"]] for c in geography["counties"]}


def test_each_position_lies_inside_its_county(generated, geography):
    polygons = _polygons(geography)
    for o, _ in generated:
        assert contains(polygons[o.county_code], (o.lon, o.lat)), (o.county_code, o.lon, o.lat)


def _km_to_segment(p, a, b) -> float:
    """Distance in km from p to segment ab (lon/lat degrees, locally flat)."""
    k = math.cos(math.radians(p[1]))
    px, py = p[0] * k * 111.32, p[1] * 110.57
    ax, ay = a[0] * k * 111.32, a[1] * 110.57
    bx, by = b[0] * k * 111.32, b[1] * 110.57
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / ((dx * dx + dy * dy) or 1.0)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def _km_to_shore(p, lines) -> float:
    return min(
        _km_to_segment(p, line[i], line[i + 1]) for line in lines for i in range(len(line) - 1)
    )


def test_yangtze_and_sea_outfalls_lie_on_their_shore(generated, geography):
    shores = {c["code"]: {"yangtze": c["yangtze"], "sea": c["sea"]} for c in geography["counties"]}
    far = []
    checked = Counter()
    for o, _ in generated:
        if o.receiving_kind == "river":
            continue
        lines = shores[o.county_code][o.receiving_kind]
        assert lines, (o.county_code, o.receiving_kind)  # only counties with that shore
        checked[o.receiving_kind] += 1
        d = _km_to_shore((o.lon, o.lat), lines)
        if d > SHORE_KM:
            far.append((o.county_code, o.receiving_kind, round(d, 1)))
    assert checked["yangtze"] > 50 and checked["sea"] > 50
    assert far == []


def test_the_water_body_fits_the_receiving_kind(generated, geography):
    sea_names = set(geography["sea_water_bodies"])
    for o, _ in generated:
        if o.receiving_kind == "yangtze":
            assert o.water_body == "长江"
        elif o.receiving_kind == "sea":
            assert o.water_body in sea_names
        else:
            assert o.water_body not in sea_names | {"长江"}


def test_the_mix_is_realistic(ref, generated):
    outfalls = [o for o, _ in generated]
    assert {o.county_code for o in outfalls} == {c.code for c in ref.counties}
    kinds = Counter(o.receiving_kind for o in outfalls)
    assert set(kinds) == {"yangtze", "sea", "river"}
    assert kinds["river"] > kinds["yangtze"] and kinds["river"] > kinds["sea"]
    states = Counter(o.lifecycle_state for o in outfalls)
    assert len(states) >= 8
    assert states["routine"] == max(states.values())
    routes = Counter(o.remediation_route for o in outfalls)
    assert set(routes) == {None, "ban", "merge", "standardise"}
    types = Counter(o.type_code for o in outfalls)
    assert set(types) == ref.type_codes()
    assert {o.basin for o in outfalls} == {"yangtze", "huai"}
    assert any(o.legacy_type_code for o in outfalls)
    assert any(o.responsible_party is None for o in outfalls)
    assert any(o.provisional_code and not o.national_code for o in outfalls)


def test_names_follow_the_naming_pattern(ref, generated):
    for o, _ in generated:
        county = ref.county(o.county_code).zh
        assert o.name.startswith(f"{county}{o.town}{o.village}"), o.name
        label = ref.subtype_term(o.subtype_code).zh if o.subtype_code else "排口"
        assert o.name.endswith(f"m{label}"), o.name


def test_each_history_replays_through_the_state_machine(ref, generated):
    for o, events in generated:
        assert events[0].action == "create" and events[0].to_state == ref.initial_state
        state = dataclasses.replace(o, lifecycle_state=ref.initial_state)
        history = [events[0]]
        for e in events[1:]:
            state, replayed = apply_transition(state, e.action, ref, history, e.actor, e.at, e.note)
            assert replayed.to_state == e.to_state and replayed.from_state == e.from_state
            history.append(e)
        assert state.lifecycle_state == o.lifecycle_state
        assert [e.at for e in events] == sorted(e.at for e in events)
        assert o.created_at == events[0].at and o.updated_at == events[-1].at
        assert all(e.outfall_id == o.id for e in events)


def test_the_same_seed_gives_the_same_ledger(ref, geography, generated):
    again = list(LedgerGenerator(ref, geography, 2023).generate(200))
    assert again == generated[:200]
    other = list(LedgerGenerator(ref, geography, 2024).generate(200))
    assert [o.id for o, _ in other] != [o.id for o, _ in again]
