"""The national outfall code's rule (国家编码规则), kept as data (``resources/data/outfall_codes.json``).

A national code is otherwise opaque (its inner structure varies by source, DOMAIN.md): what is
checked is what every source shares. The characters it may hold, its length, and that it begins
with the GB/T 2260 code of the outfall's county (or the city's, or a former code of a division
since merged or renamed, as the data says). ``check`` returns every way a code breaks the rule, each
with its message in Chinese and English. Pure: no I/O.

The server applies the same rule from its own copy of the data (``sync/server/codes.py``); tests
keep the two files equal and the two checks in agreement.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

DivisionPrefix = Literal["county", "county_or_city", "city", "none"]
PREFIX_MODES: tuple[DivisionPrefix, ...] = ("county", "county_or_city", "city", "none")
DIVISION_LENGTH = 6  # GB/T 2260 codes: 2 province + 2 city + 2 county digits


@dataclass(frozen=True, slots=True)
class CodeViolation:
    """One way a code breaks the rule: ``kind`` is ``bad_chars``, ``bad_length`` or
    ``wrong_division``."""

    kind: str
    zh: str
    en: str


@dataclass(frozen=True, slots=True)
class NationalCodeRule:
    """What a national code must look like (see the data file's comment)."""

    charset: frozenset[str]
    charset_zh: str
    charset_en: str
    min_length: int
    max_length: int
    division_prefix: DivisionPrefix
    former_division_codes: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> NationalCodeRule:
        """From the ``national_code`` object of the data file; ValueError when it is not sound."""
        charset = data["charset"]
        low, high = int(data["min_length"]), int(data["max_length"])
        mode = data.get("division_prefix", "none")
        former = dict(data.get("former_division_codes", {}))
        if not isinstance(charset, str) or not charset or any(c.isspace() for c in charset):
            raise ValueError("charset must be a non-empty string of visible characters")
        if not 1 <= low <= high:
            raise ValueError(f"bad length range {low}..{high}")
        if mode not in PREFIX_MODES:
            raise ValueError(f"division_prefix must be one of {PREFIX_MODES}, not {mode!r}")
        if mode != "none" and (low < DIVISION_LENGTH or not set("0123456789") <= set(charset)):
            raise ValueError("a division prefix needs digits and at least 6 characters")
        for old, new in former.items():
            if not (_is_division(old) and _is_division(new)):
                raise ValueError(f"former division code {old!r} -> {new!r} is not 6 digits")
        return cls(
            frozenset(charset),
            str(data.get("charset_zh", charset)),
            str(data.get("charset_en", charset)),
            low,
            high,
            mode,
            former,
        )

    def allowed_prefixes(self, county_code: str) -> frozenset[str]:
        """The six-digit prefixes a code of an outfall in ``county_code`` may start with."""
        if self.division_prefix == "none":
            return frozenset()
        counties = {county_code} | {
            old for old, new in self.former_division_codes.items() if new == county_code
        }
        if self.division_prefix == "county_or_city":
            counties.add(city_of(county_code))
        return frozenset(counties)

    def check(
        self, code: str, county_code: str, county_name: tuple[str, str] = ("", "")
    ) -> list[CodeViolation]:
        """Every way ``code`` breaks the rule for an outfall in ``county_code`` (empty: none).

        ``county_name`` (zh, en) only makes the message friendlier.
        """
        out: list[CodeViolation] = []
        bad = sorted({c for c in code if c not in self.charset})
        if bad:
            shown = "".join(_visible(c) for c in bad[:5])
            out.append(
                CodeViolation(
                    "bad_chars",
                    f"国家编码“{code}”含有不允许的字符 {shown}：只能由{self.charset_zh}组成。",
                    f"The national code '{code}' has characters it may not hold ({shown}): "
                    f"only {self.charset_en}.",
                )
            )
        if not self.min_length <= len(code) <= self.max_length:
            out.append(
                CodeViolation(
                    "bad_length",
                    f"国家编码应为 {self.min_length}–{self.max_length} 位，“{code}”是 {len(code)} 位。",
                    f"A national code has {self.min_length} to {self.max_length} characters; "
                    f"'{code}' has {len(code)}.",
                )
            )
        wrong = self._division_problem(code, county_code, county_name)
        if wrong is not None:
            out.append(wrong)
        return out

    def _division_problem(
        self, code: str, county_code: str, county_name: tuple[str, str]
    ) -> CodeViolation | None:
        if self.division_prefix == "none" or not _is_division(county_code):
            return None  # an unknown county is a problem of its own field
        head = code[:DIVISION_LENGTH]
        zh_name, en_name = county_name
        where_zh = f"{county_code}（{zh_name}）" if zh_name else county_code
        where_en = f"{county_code} ({en_name})" if en_name else county_code
        if self.division_prefix == "city":
            prefix = county_code[:4]
            if code[:4] == prefix and _is_division(head):
                return None
            return CodeViolation(
                "wrong_division",
                f"国家编码“{code}”应以本市行政区划代码 {prefix} 开头。",
                f"The national code '{code}' should start with the division code of the city, {prefix}.",
            )
        allowed = self.allowed_prefixes(county_code)
        if head in allowed:
            return None
        city_code = city_of(county_code)
        also_zh = f"或本市代码 {city_code}" if self.division_prefix == "county_or_city" else ""
        also_en = (
            f" or the city code {city_code}" if self.division_prefix == "county_or_city" else ""
        )
        return CodeViolation(
            "wrong_division",
            f"国家编码“{code}”的前 6 位应为排污口所属县（市、区）的行政区划代码 {where_zh}"
            f"{also_zh}，现为“{head}”。",
            f"The first 6 characters of the national code '{code}' should be the division code "
            f"of the county of the outfall, {where_en}{also_en}; they are '{head}'.",
        )


def city_of(county_code: str) -> str:
    """The GB/T 2260 code of the city a county belongs to (320612 → 320600)."""
    return county_code[:4] + "00"


def _is_division(text: str) -> bool:
    return len(text) == DIVISION_LENGTH and text.isascii() and text.isdigit()


def _visible(c: str) -> str:
    if c.isspace() or not c.isprintable():
        return f"U+{ord(c):04X}"
    return f"'{c}'"
