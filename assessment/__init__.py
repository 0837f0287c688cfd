"""考核: progress against the plan's milestones, computed the same way on the device and the server.

Pure code (no Qt, SQLite, SQLAlchemy or HTTP), imported by ``fieldapp.store`` and ``sync.server``
alike, so that the figures a county sees on its laptop and the city sees on the server cannot
drift apart (an import-linter contract keeps it pure).

- ``rules``: the milestones and counting rules, parsed from ``resources/data/milestones.json``.
- ``timeline``: the facts (outfalls, lifecycle events, sign edits, inspections) turned into a
  cube of daily changes per (county, basin, receiving kind) and measure, answered for any day.
- ``figures``: the cube's counts on a day summarised per county and basin, each milestone's
  percentage against its target line, on track or behind.
- ``members``: which outfalls stand behind one number (the list a figure opens).
"""

from assessment.figures import CountyProgress, MilestoneResult, Progress, summarise
from assessment.rules import Milestone, ProgressRules, parse_rules
from assessment.timeline import (
    Cube,
    Facts,
    InspectionFact,
    OutfallFact,
    SignEdit,
    StateEvent,
    build_cube,
    china_day,
)

__all__ = [
    "CountyProgress",
    "Cube",
    "Facts",
    "InspectionFact",
    "Milestone",
    "MilestoneResult",
    "OutfallFact",
    "Progress",
    "ProgressRules",
    "SignEdit",
    "StateEvent",
    "build_cube",
    "china_day",
    "parse_rules",
    "summarise",
]
