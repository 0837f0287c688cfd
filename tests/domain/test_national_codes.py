"""National outfall codes against their rule (resources/data/outfall_codes.json): the characters,
the length and the county's GB/T 2260 prefix, reported like every other validation problem (all at
once, on the national_code field, in Chinese and English). Hypothesis varies the codes."""

from __future__ import annotations

import datetime as dt
import json
import string
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from fieldapp.domain.codes import NationalCodeRule
from fieldapp.domain.validation import validate
from fieldapp.paths import DATA

from .test_validation import assert_bilingual

TODAY = dt.date(2026, 11, 1)
RULE_DATA: dict[str, Any] = json.loads((DATA / "outfall_codes.json").read_text("utf-8"))[
    "national_code"
]
RULE = NationalCodeRule.from_data(RULE_DATA)
COUNTIES = ["320613", "320612", "320614", "320623", "320681", "320682", "320685"]
CHARSET = "".join(sorted(RULE.charset))
TAIL = st.text(alphabet=CHARSET, min_size=RULE.min_length - 6, max_size=RULE.max_length - 6)


def code_problems(ref, make_outfall, code: str, county: str = "320623") -> list[tuple[str, str]]:
    o = make_outfall(county_code=county, national_code=code)
    problems = validate(o, ref, today=TODAY)
    assert_bilingual(problems)
    assert all(p.field == "national_code" for p in problems), problems
    return sorted(p.code for p in problems)


def test_the_shipped_rule_is_loaded(ref) -> None:
    assert ref.national_code_rule == RULE
    assert RULE.division_prefix == "county"
    assert set(string.digits + string.ascii_uppercase) == RULE.charset


@pytest.mark.parametrize(
    "code", ["320623R000001", "320623J000123", "3206230001", "320623" + "Z" * 26]
)
def test_good_codes(ref, make_outfall, code: str) -> None:
    assert code_problems(ref, make_outfall, code) == []


def test_a_code_of_another_county_names_the_right_one(ref, make_outfall) -> None:
    o = make_outfall(county_code="320623", national_code="320612R000001")
    (problem,) = validate(o, ref, today=TODAY)
    assert (problem.field, problem.code) == ("national_code", "wrong_division")
    assert "320623（如东县）" in problem.zh and "320612" in problem.zh
    assert "320623 (Rudong County)" in problem.en and "they are '320612'" in problem.en


def test_codes_issued_before_a_division_changed_keep_their_prefix(ref, make_outfall) -> None:
    # 港闸区 (320611) merged into 崇川区 (320613) in 2020; 海门市 (320684) became 海门区 (320614).
    assert code_problems(ref, make_outfall, "320611R000009", county="320613") == []
    assert code_problems(ref, make_outfall, "320684R000009", county="320614") == []
    # ... but an old code of one county is no code of another.
    assert code_problems(ref, make_outfall, "320611R000009", county="320614") == ["wrong_division"]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("320623r000001", ["bad_chars"]),  # lower case
        ("320623R00000１", ["bad_chars"]),  # a full-width digit
        ("320623-R-0001", ["bad_chars"]),
        ("320623R01\n", ["bad_chars"]),  # a pasted line break
        ("320623R01", ["bad_length"]),
        ("320623" + "0" * 27, ["bad_length"]),
        ("3206", ["bad_length", "wrong_division"]),
        ("编码320623", ["bad_chars", "bad_length", "wrong_division"]),
        ("bad code!", ["bad_chars", "bad_length", "wrong_division"]),
    ],
)
def test_bad_codes_report_every_problem_at_once(ref, make_outfall, code, expected) -> None:
    assert code_problems(ref, make_outfall, code) == expected


def test_local_and_provisional_codes_keep_their_general_shape(ref, make_outfall) -> None:
    o = make_outfall(local_code="nt-23.x", provisional_code="LS23-0a1b")
    assert validate(o, ref, today=TODAY) == []


def test_an_outfall_without_a_national_code_is_not_checked_against_the_rule(ref, make_outfall):
    assert validate(make_outfall(national_code=None), ref, today=TODAY) == []


# -- hypothesis ----------------------------------------------------------------------------------


@given(county=st.sampled_from(COUNTIES), tail=TAIL)
def test_any_code_of_the_county_within_the_rule_passes(ref, make_outfall, county, tail) -> None:
    assert code_problems(ref, make_outfall, county + tail, county) == []


@given(county=st.sampled_from(COUNTIES), tail=TAIL, bad=st.characters(), at=st.integers(0, 40))
def test_any_foreign_character_is_reported(ref, make_outfall, county, tail, bad, at) -> None:
    assume(bad not in RULE.charset)
    code = county + tail
    at = min(at, len(code))
    code = code[:at] + bad + code[at:]
    assert "bad_chars" in code_problems(ref, make_outfall, code, county)


@given(county=st.sampled_from(COUNTIES), tail=st.text(alphabet=CHARSET, max_size=60))
def test_the_length_is_checked(ref, make_outfall, county, tail) -> None:
    code = county + tail
    problems = code_problems(ref, make_outfall, code, county)
    assert ("bad_length" in problems) == (not RULE.min_length <= len(code) <= RULE.max_length)
    assert "wrong_division" not in problems and "bad_chars" not in problems


@given(
    county=st.sampled_from(COUNTIES),
    prefix=st.text(alphabet=string.digits, min_size=6, max_size=6),
    tail=TAIL,
)
def test_the_prefix_must_be_the_county(ref, make_outfall, county, prefix, tail) -> None:
    problems = code_problems(ref, make_outfall, prefix + tail, county)
    allowed = RULE.allowed_prefixes(county)
    assert county in allowed
    assert ("wrong_division" in problems) == (prefix not in allowed)


# -- other rules, as the data may say ---------------------------------------------------------------


@given(county=st.sampled_from(COUNTIES), prefix=st.sampled_from(["320600", "320612", "321000"]))
def test_county_or_city(county: str, prefix: str) -> None:
    rule = NationalCodeRule.from_data({**RULE_DATA, "division_prefix": "county_or_city"})
    kinds = [v.kind for v in rule.check(prefix + "R000001", county)]
    assert (kinds == []) == (prefix in (county, "320600"))


def test_city_prefix_and_none() -> None:
    city = NationalCodeRule.from_data({**RULE_DATA, "division_prefix": "city"})
    assert city.check("320699R000001", "320612") == []
    (v,) = city.check("321099R000001", "320612")
    assert v.kind == "wrong_division" and "3206" in v.zh and "3206" in v.en
    free = NationalCodeRule.from_data(
        {**RULE_DATA, "division_prefix": "none", "charset": "ABC-", "min_length": 1}
    )
    assert free.check("A-B", "320612") == []


@pytest.mark.parametrize(
    "change",
    [
        {"charset": ""},
        {"charset": "AB C"},
        {"min_length": 0},
        {"min_length": 12, "max_length": 11},
        {"division_prefix": "province"},
        {"min_length": 4},  # too short to hold a division code
        {"charset": "ABCDEF"},  # no digits for a division code
        {"former_division_codes": {"32061": "320613"}},
    ],
)
def test_unsound_rules_are_refused_when_loaded(change: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        NationalCodeRule.from_data({**RULE_DATA, **change})
