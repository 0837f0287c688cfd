"""Progress against the plan's milestones (考核), the server's answer, shared with the device.

``GET /v1/progress?as_of=YYYY-MM-DD[&county=C]`` → ``ProgressReport``: per county of the caller's
area (a county supervisor: theirs; the city: every county) and for the area as a whole, counts by
lifecycle state (and by basin and receiving kind), each milestone's outfalls in scope and done with
its target line on the day and status, overdue remediation plans, sign standardisation and
inspections done against due. ``GET /v1/progress/outfalls?as_of=...&measure=...[&county&basin&kind]``
→ ``ProgressMembers``: the outfalls behind one number. Supervisors and leaders only. The figures
are computed by the pure package ``assessment``, as on the device.
"""

from __future__ import annotations

from datetime import date

from sync.protocol import _Strict

MILESTONE_STATUSES = ("met", "on_track", "behind", "missed", "before_start", "no_outfalls")


class MilestoneView(_Strict):
    code: str
    in_scope: int
    done: int
    short: int  # outfalls still to bring in to meet the target
    # The target line's percentage on the day as an exact fraction (None before the start).
    expected_num: int | None = None
    expected_den: int | None = None
    status: str


class AreaView(_Strict):
    county: str | None  # None: the whole area asked about
    total: int
    by_state: dict[str, int]
    by_basin: dict[str, dict[str, int]]
    by_kind: dict[str, dict[str, int]]
    milestones: list[MilestoneView]
    overdue: int
    signs: dict[str, int]
    sign_standard: int
    due: int
    inspected: int


class ProgressReport(_Strict):
    as_of: date
    rules_version: str
    area: AreaView
    counties: list[AreaView]


class MemberView(_Strict):
    id: str
    code: str
    name: str
    county_code: str | None


class ProgressMembers(_Strict):
    as_of: date
    measure: str
    total: int
    outfalls: list[MemberView]
