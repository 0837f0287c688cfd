"""双随机、一公开: random inspections drawn from two pools (targets and inspectors) under rules kept
as data, reproducible from a recorded seed and checkable by anyone holding the record.

Pure code (no Qt, SQL, HTTP, app or server), so the server, its command line and a later auditor's
script compute the same draw (an import-linter contract keeps it pure).

- ``rules``: the classes, rates and inspector rules (``resources/data/draw_rules.json``).
- ``pools``: targets and inspectors in canonical form, with the digest a draw records.
- ``engine``: ``draw`` (by HMAC lots of the seed) and ``verify`` (the same again, compared).
- ``publication``: the public list of a draw's visits and outcomes (no personal data).
"""

from draws.engine import METHOD, Draw, Visit, draw, lot, new_seed, quota, verify
from draws.errors import BadPools, BadRules, DrawError, DrawImpossible, Shortfall
from draws.pools import Inspector, Pools, Target, classify, pools_from_data
from draws.rules import DrawRules, TargetClass, parse_rules, read_rules

__all__ = [
    "METHOD",
    "BadPools",
    "BadRules",
    "Draw",
    "DrawError",
    "DrawImpossible",
    "DrawRules",
    "Inspector",
    "Pools",
    "Shortfall",
    "Target",
    "TargetClass",
    "Visit",
    "classify",
    "draw",
    "lot",
    "new_seed",
    "parse_rules",
    "pools_from_data",
    "quota",
    "read_rules",
    "verify",
]
