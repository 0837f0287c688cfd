"""Progress against the milestones (考核) for the caller's area, computed by ``assessment``.

Supervisors and leaders only; a county supervisor sees their counties, a city one every county.
A county outside the caller's area is answered as not found, like a record outside it.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import Any

from assessment.figures import AreaProgress, summarise
from assessment.members import Pick, members, valid_measure
from assessment.rules import ProgressRules, read_rules
from assessment.timeline import Cube, build_cube
from sync.progress_protocol import (
    AreaView,
    MemberView,
    MilestoneView,
    ProgressMembers,
    ProgressReport,
)
from sync.protocol import ErrorCode
from sync.server.context import ServerContext
from sync.server.deps import require_role
from sync.server.errors import ApiError, not_found
from sync.server.models import Actor
from sync.server.queries import progress_facts

ROLES = ("supervisor", "leader")
MAX_MEMBERS = 5000


@lru_cache(maxsize=4)
def _rules(path: Path, mtime: float) -> ProgressRules:
    return read_rules(path, None)


def rules(ctx: ServerContext) -> ProgressRules:
    path = Path(ctx.settings.milestones_file)
    return _rules(path, path.stat().st_mtime)


def _area(actor: Actor, county: str | None) -> frozenset[str] | None:
    require_role(actor, *ROLES)
    visible = actor.visible_counties()
    if county is None:
        return visible
    if visible is not None and county not in visible:
        raise not_found("no such county in your area")
    return frozenset({county})


# Cubes built per (area, rules, data signature): a report on another day, or asked again, reads
# no history while nothing changed. A few areas at most are kept.
_cubes: OrderedDict[tuple[Any, ...], Cube] = OrderedDict()
_cubes_lock = threading.Lock()
CUBES_KEPT = 8


def cube_for(ctx: ServerContext, counties: frozenset[str] | None, r: ProgressRules) -> Cube:
    """The cube of ``counties`` (None: the city), built again only after a change."""
    with ctx.engine.connect() as conn:
        key = (
            str(ctx.engine.url),
            None if counties is None else tuple(sorted(counties)),
            r.version,
            progress_facts.signature(conn, counties),
        )
        with _cubes_lock:
            found = _cubes.get(key)
            if found is not None:
                _cubes.move_to_end(key)
                return found
        facts = progress_facts.load_facts(conn, counties)
    cube = build_cube(facts, r)
    with _cubes_lock:
        _cubes[key] = cube
        while len(_cubes) > CUBES_KEPT:
            _cubes.popitem(last=False)
    return cube


def report(ctx: ServerContext, actor: Actor, as_of: dt.date, county: str | None) -> ProgressReport:
    counties = _area(actor, county)
    r = rules(ctx)
    progress = summarise(cube_for(ctx, counties, r), r, as_of, counties)
    return ProgressReport(
        as_of=as_of,
        rules_version=progress.rules_version,
        area=view(progress.area),
        counties=[view(a) for _c, a in sorted(progress.counties.items())],
    )


def view(a: AreaProgress) -> AreaView:
    return AreaView(
        county=a.county,
        total=a.total,
        by_state=a.by_state,
        by_basin=a.by_basin,
        by_kind=a.by_kind,
        milestones=[
            MilestoneView(
                code=m.milestone.code,
                in_scope=m.in_scope,
                done=m.done,
                short=m.short,
                expected_num=None if m.expected is None else m.expected.numerator,
                expected_den=None if m.expected is None else m.expected.denominator,
                status=m.status,
            )
            for m in a.milestones
        ],
        overdue=a.overdue,
        signs=a.signs,
        sign_standard=a.sign_standard,
        due=a.due,
        inspected=a.inspected,
    )


def outfalls_behind(
    ctx: ServerContext,
    actor: Actor,
    as_of: dt.date,
    measure: str,
    county: str | None,
    basin: str | None,
    kind: str | None,
) -> ProgressMembers:
    counties = _area(actor, county)
    r = rules(ctx)
    if not valid_measure(measure, r):
        raise ApiError(422, ErrorCode.INVALID_REQUEST, f"unknown measure {measure!r}")
    with ctx.engine.connect() as conn:
        facts = progress_facts.load_facts(conn, counties)
        ids = members(facts, r, as_of, Pick(measure, county, basin, kind))
        shown = ids[:MAX_MEMBERS]
        described = progress_facts.describe(conn, shown)
    return ProgressMembers(
        as_of=as_of,
        measure=measure,
        total=len(ids),
        outfalls=[
            MemberView(id=i, **described.get(i, {"code": "", "name": "", "county_code": None}))
            for i in shown
        ],
    )
