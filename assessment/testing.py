"""A ledger whose figures are known in advance, for the tests of the device and the server alike.

Every county gets, for every lifecycle state, ``county_index + state_index + 1`` outfalls that end
in that state; each walks the lifecycle path to it one step every 20 days from 2023-01-10, and takes its
last step on ``LAST_STEP`` (2023-12-20), so on 2023-06-30 each stands one step short of its end
(the known "past"), and from 2023-12-20 on in its final state. Outfall ``j`` of a cell is
Huai basin when ``j`` is even, and into a river, the Yangtze or the sea by ``j % 3``. Signs: the
outfall's sign is standard now when ``j`` is even, missing when odd; when ``j % 4 == 0`` it was
made standard on 2024-03-01 (an edit; missing before). Inspections: outfalls whose ``j % 3 == 0``
were inspected on 2023-12-25. ``expected_*`` restate those rules as plain counting.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

COUNTIES = ("320612", "320613", "320614", "320623", "320681", "320682", "320685")
STATES = (
    "surveyed",
    "monitored",
    "traced",
    "remediating",
    "accepted",
    "retest",
    "pre_closed",
    "closed",
    "routine",
    "retired",
)
PATH = ("surveyed", "monitored", "traced", "remediating", "accepted", "pre_closed", "closed")
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
FIRST_STEP = dt.date(2023, 1, 10)
LAST_STEP = dt.date(2023, 12, 20)
SIGN_FIXED = dt.date(2024, 3, 1)
INSPECTED = dt.date(2023, 12, 25)
KINDS = ("river", "yangtze", "sea")


def path_to(state: str) -> tuple[str, ...]:
    if state in PATH:
        return PATH[: PATH.index(state) + 1]
    if state == "retest":
        return (*PATH[:5], "retest")
    return (*PATH, state)


@dataclass(frozen=True)
class KnownOutfall:
    id: str
    name: str
    county: str
    basin: str
    kind: str
    final_state: str
    j: int
    route: str | None
    sign_status: str  # now

    @property
    def path(self) -> tuple[str, ...]:
        return path_to(self.final_state)

    def state_on(self, day: dt.date) -> str | None:
        """The state on ``day`` by the fixture's own rule (for the expected figures)."""
        steps = self.path
        if day < FIRST_STEP:
            return None
        if day >= LAST_STEP:
            return steps[-1]
        return steps[max(0, len(steps) - 2)]

    def sign_on(self, day: dt.date) -> str:
        if self.j % 4 == 0 and self.sign_status == "ok" and day < SIGN_FIXED:
            return "missing"
        return self.sign_status


@dataclass(frozen=True)
class KnownLedger:
    outfalls: tuple[KnownOutfall, ...]
    events: tuple[dict[str, object], ...]  # lifecycle events as the ledger stores them
    edits: tuple[dict[str, object], ...]  # sign-status edits
    inspections: tuple[dict[str, object], ...]  # completed inspections


def _uid(*parts: object) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "hekou-known/" + "/".join(map(str, parts))))


def _at(day: dt.date, hour: int = 2) -> str:
    return f"{day.isoformat()}T{hour:02d}:00:00Z"


def known_ledger() -> KnownLedger:
    outfalls: list[KnownOutfall] = []
    events: list[dict[str, object]] = []
    edits: list[dict[str, object]] = []
    inspections: list[dict[str, object]] = []
    for ci, county in enumerate(COUNTIES):
        for si, state in enumerate(STATES):
            for j in range(ci + si + 1):
                oid = _uid(county, state, j)
                route = (
                    "standardise"
                    if state in ("routine",) or (state not in ("retired",) and j % 2 == 0)
                    else ("ban" if state == "retired" or j % 4 == 1 else None)
                )
                if state in PATH[3:] and route is None:
                    route = "ban"
                sign = "not_required" if state == "retired" else ("ok" if j % 2 == 0 else "missing")
                o = KnownOutfall(
                    id=oid,
                    name=f"考核样例{county}{state}{j}号排口",
                    county=county,
                    basin="huai" if j % 2 == 0 else "yangtze",
                    kind=KINDS[j % 3],
                    final_state=state,
                    j=j,
                    route=route,
                    sign_status=sign,
                )
                outfalls.append(o)
                steps = o.path
                previous = None
                for k, step in enumerate(steps):
                    day = (
                        LAST_STEP
                        if k == len(steps) - 1 and k
                        else FIRST_STEP + dt.timedelta(20 * k)
                    )
                    events.append(
                        {
                            "id": _uid(oid, "event", k),
                            "outfall_id": oid,
                            "action": "create" if k == 0 else ACTIONS[step],
                            "from_state": previous,
                            "to_state": step,
                            "at": _at(day),
                            "actor": "考核测试",
                            "note": "超标" if step == "retest" else "",
                        }
                    )
                    previous = step
                if j % 4 == 0 and sign == "ok":
                    edits.append(
                        {
                            "id": _uid(oid, "edit"),
                            "outfall_id": oid,
                            "at": _at(SIGN_FIXED),
                            "actor": "考核测试",
                            "field": "sign_status",
                            "old_value": "missing",
                            "new_value": "ok",
                        }
                    )
                if j % 3 == 0:
                    inspections.append(
                        {"id": _uid(oid, "inspection"), "outfall_id": oid, "at": _at(INSPECTED)}
                    )
    return KnownLedger(tuple(outfalls), tuple(events), tuple(edits), tuple(inspections))
