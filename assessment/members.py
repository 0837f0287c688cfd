"""Which outfalls stand behind a number: the list a figure opens.

A ``Pick`` names a number the way the figures are built (area, then a measure), and ``members``
evaluates each candidate outfall's history on the day with the same ``measures_at`` the cube was
built with, so the list always has as many rows as the number said.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from assessment.rules import ProgressRules
from assessment.timeline import Facts, history_of, measures_at

# Measures a Pick may name besides the cube's own (state:..., sign:..., overdue, due, inspected).
DERIVED = ("known", "not_inspected", "sign_nonstandard")


@dataclass(frozen=True)
class Pick:
    """One number: ``measure`` among the outfalls of the area (None: any county/basin/kind).

    ``measure`` is a cube measure, one of ``DERIVED``, or ``milestone:<code>:<part>`` with part
    ``scope`` (outfalls the target covers), ``done`` or ``todo``.
    """

    measure: str
    county: str | None = None
    basin: str | None = None
    kind: str | None = None

    def in_area(self, county: str, basin: str, kind: str) -> bool:
        return (
            (self.county is None or county == self.county)
            and (self.basin is None or basin == self.basin)
            and (self.kind is None or kind == self.kind)
        )


def picks(
    pick: Pick, rules: ProgressRules, group: tuple[str, str, str], has: tuple[str, ...]
) -> bool:
    """Whether an outfall of ``group`` with measures ``has`` on the day is behind the number."""
    if not has or not pick.in_area(*group):
        return False
    m = pick.measure
    if m == "known":
        return True
    if m == "not_inspected":
        return "due" in has and "inspected" not in has
    if m == "sign_nonstandard":
        return any(
            x.startswith("sign:") and x[5:] not in rules.sign_standard and x != "sign:not_required"
            for x in has
        )
    if m.startswith("milestone:"):
        _, code, part = m.split(":", 2)
        milestone = rules.milestone(code)
        if milestone is None or not milestone.covers(*group):
            return False
        state = next(x[6:] for x in has if x.startswith("state:"))
        done = state in milestone.states
        return part == "scope" or (part == "done") == done
    return m in has


def members(facts: Facts, rules: ProgressRules, as_of: dt.date, pick: Pick) -> list[str]:
    """The ids of the outfalls behind ``pick`` on ``as_of``, in the order ``facts`` lists them."""
    day = as_of.toordinal()
    events: dict[str, list] = defaultdict(list)
    for e in facts.events:
        events[e[0]].append(e)
    edits: dict[str, list] = defaultdict(list)
    for s in facts.sign_edits:
        edits[s[0]].append(s)
    inspected: dict[str, list] = defaultdict(list)
    for x in facts.inspections:
        inspected[x[0]].append(x)
    found = []
    for outfall_id, county, basin, kind, sign_now in facts.outfalls:
        if not pick.in_area(county, basin, kind) or outfall_id not in events:
            continue
        h = history_of(
            events[outfall_id], sign_now, edits[outfall_id], inspected[outfall_id], rules.tz_hours
        )
        if picks(pick, rules, (county, basin, kind), measures_at(h, day, rules)):
            found.append(outfall_id)
    return found


_CODE = re.compile(r"^[a-z_]{1,40}$")


def valid_measure(measure: str, rules: ProgressRules) -> bool:
    """Whether ``measure`` is shaped like something a Pick can select (for checking requests)."""
    if measure in DERIVED or measure in ("overdue", "due", "inspected"):
        return True
    if measure.startswith(("state:", "sign:")):
        return bool(_CODE.match(measure.split(":", 1)[1]))
    if measure.startswith("milestone:"):
        parts = measure.split(":")
        return (
            len(parts) == 3
            and rules.milestone(parts[1]) is not None
            and parts[2]
            in (
                "scope",
                "done",
                "todo",
            )
        )
    return False
