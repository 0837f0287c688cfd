"""The national outfall code's rule (国家编码规则) as the server applies it to ledger rows.

The rule is data: ``sync/server/data/outfall_codes.json``, a copy of the app's
``resources/data/outfall_codes.json`` (the server never reads the app's resources; a test keeps the
two files equal and this check in agreement with the app's ``fieldapp.domain.codes``). A code is
checked for its characters, its length and its GB/T 2260 prefix against the row's county.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

RULE_FILE = Path(__file__).with_name("data") / "outfall_codes.json"


@dataclass(frozen=True)
class CodeRule:
    charset: frozenset[str]
    min_length: int
    max_length: int
    division_prefix: str  # county | county_or_city | city | none
    former_division_codes: dict[str, str]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> CodeRule:
        rule = data["national_code"]
        return cls(
            frozenset(rule["charset"]),
            int(rule["min_length"]),
            int(rule["max_length"]),
            str(rule.get("division_prefix", "none")),
            dict(rule.get("former_division_codes", {})),
        )

    def violations(self, code: str, county_code: str) -> list[str]:
        """The ways ``code`` breaks the rule for a row of ``county_code``: ``bad_chars``,
        ``bad_length``, ``wrong_division`` (empty when it keeps the rule)."""
        out = []
        if any(c not in self.charset for c in code):
            out.append("bad_chars")
        if not self.min_length <= len(code) <= self.max_length:
            out.append("bad_length")
        if self.division_prefix != "none" and _is_division(county_code):
            city = county_code[:4] + "00"
            if self.division_prefix == "city":
                ok = code[:4] == county_code[:4] and _is_division(code[:6])
            else:
                allowed = {county_code} | {
                    old for old, new in self.former_division_codes.items() if new == county_code
                }
                if self.division_prefix == "county_or_city":
                    allowed.add(city)
                ok = code[:6] in allowed
            if not ok:
                out.append("wrong_division")
        return out


def _is_division(text: str) -> bool:
    return len(text) == 6 and text.isascii() and text.isdigit()


@cache
def rule() -> CodeRule:
    """The shipped rule (read once per process)."""
    return CodeRule.from_data(json.loads(RULE_FILE.read_text(encoding="utf-8")))


def national_code_violations(data: dict[str, Any], county_code: str) -> list[str]:
    """The national code of a ledger row against the rule (none when the row has no code)."""
    code = data.get("national_code")
    if code is None or code == "":
        return []
    if not isinstance(code, str):
        return ["bad_chars"]
    return rule().violations(code, county_code)


def shown_code(data: dict[str, Any]) -> str:
    """The code people know an outfall by: national, else local, else provisional ('' if none)."""
    return str(data.get("national_code") or data.get("local_code") or data.get("provisional_code") or "")  # fmt: skip
