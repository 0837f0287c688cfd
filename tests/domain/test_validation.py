"""Validation of an outfall: every problem at once, each in both languages, on the right field."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import typing

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.domain.outfall import Outfall
from fieldapp.domain.problems import Problem
from fieldapp.domain.validation import (
    STATES_AFTER_TRACING,
    expected_regime,
    validate,
)

TODAY = dt.date(2026, 11, 1)
CJK = re.compile(r"[\u4e00-\u9fff]")
OTHER_ID = "9c1e4a5b-7d2f-4c3e-9a8b-1f2e3d4c5b6a"


def problems_of(o: Outfall, ref, **kwargs) -> set[tuple[str, str]]:
    return {(p.field, p.code) for p in validate(o, ref, today=TODAY, **kwargs)}


def assert_bilingual(problems: list[Problem]) -> None:
    for p in problems:
        assert p.zh.strip() and CJK.search(p.zh), p
        # English messages may quote the user's value ('…'), but are English otherwise.
        assert p.en.strip() and not CJK.search(re.sub(r"'[^']*'", "", p.en)), p
        assert p.message("zh_CN") == p.zh
        assert p.message("en") == p.en


def test_a_valid_outfall_has_no_problems(ref, make_outfall):
    assert validate(make_outfall(), ref, today=TODAY) == []


def test_an_outfall_with_many_faults_reports_every_problem_at_once(ref, make_outfall):
    o = make_outfall(
        name="",
        national_code="bad code!",
        type_code="industrial",
        subtype_code="port",
        receiving_kind="lake",
        basin="pearl",
        water_body=" ",
        county_code="110101",
        town="",
        lat=39.9,
        lon=116.4,
        position_source=None,
        position_datum="GCJ02",
        responsible_party="  ",
        discharging_units=("",),
        channel_kind="river",
        sign_status="shiny",
        sampling_status="shiny",
        regime="permit",
        regime_date="2020-13-01",
        sea_tier="key",
        remediation_route="merge",
        merge_into_id=None,
    )
    problems = validate(o, ref, today=TODAY)
    assert {(p.field, p.code) for p in problems} == {
        ("name", "required"),
        ("national_code", "bad_chars"),  # the county is unknown: no division to match
        ("national_code", "bad_length"),
        ("subtype_code", "mismatch"),
        ("receiving_kind", "unknown"),
        ("basin", "unknown"),
        ("water_body", "required"),
        ("county_code", "unknown"),
        ("town", "required"),
        ("lat", "outside_city"),
        ("position_source", "required"),
        ("position_datum", "unknown"),
        ("responsible_party", "blank"),
        ("discharging_units", "blank"),
        ("channel_kind", "unknown"),
        ("sign_status", "unknown"),
        ("sampling_status", "unknown"),
        ("regime", "unknown"),
        ("regime_date", "bad_date"),
        ("sea_tier", "not_sea"),
        ("merge_into_id", "required"),
    }
    assert len(problems) == 21
    assert_bilingual(problems)


# -- codes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code", ["320623R000001", "NT23-2020-00001", "LS23-0A1B2C3D", "a.b_c-d", "7", "A" * 40]
)
@pytest.mark.parametrize("field", ["local_code", "provisional_code"])
def test_well_formed_codes_are_accepted(ref, make_outfall, field, code):
    o = make_outfall(**{"national_code": None, "local_code": None, field: code})
    assert validate(o, ref, today=TODAY) == []


@pytest.mark.parametrize(
    "code",
    [
        "A" * 41,
        "-320623",
        ".abc",
        "320623 R01",
        "320623/R01",
        "编码320623",
        "ＮＴ２３",  # full-width letters and digits
        "320623R01\n",  # a pasted line break must not slip through
        "\n320623R01",
        "320623R01\t",
    ],
)
@pytest.mark.parametrize("field", ["local_code", "provisional_code"])
def test_malformed_codes_are_refused_on_their_field(ref, make_outfall, field, code):
    o = make_outfall(**{"national_code": None, "local_code": None, field: code})
    problems = validate(o, ref, today=TODAY)
    assert [(p.field, p.code) for p in problems] == [(field, "bad_code")]
    assert_bilingual(problems)


def test_an_outfall_without_any_code_is_refused(ref, make_outfall):
    o = make_outfall(national_code=None, local_code=None, provisional_code=None)
    assert problems_of(o, ref) == {("national_code", "required")}
    # An empty string counts as no code.
    o = make_outfall(national_code="", local_code="", provisional_code="")
    assert problems_of(o, ref) == {("national_code", "required")}


def test_a_code_used_by_another_outfall_is_a_duplicate(ref, make_outfall):
    o = make_outfall(provisional_code="LS23-0A1B2C3D")
    asked: list[str] = []

    def owner(code: str) -> str | None:
        asked.append(code)
        return OTHER_ID if code == "NT23-2020-00001" else None

    assert problems_of(o, ref, code_owner=owner) == {("local_code", "duplicate_code")}
    assert sorted(asked) == sorted(["320623R000001", "NT23-2020-00001", "LS23-0A1B2C3D"])


def test_a_code_owned_by_the_outfall_itself_is_not_a_duplicate(ref, make_outfall):
    o = make_outfall()
    assert problems_of(o, ref, code_owner=lambda code: o.id) == set()
    assert problems_of(o, ref, code_owner=lambda code: None) == set()


def test_every_duplicate_code_is_reported(ref, make_outfall):
    o = make_outfall(provisional_code="LS23-0A1B2C3D")
    assert problems_of(o, ref, code_owner=lambda code: OTHER_ID) == {
        ("national_code", "duplicate_code"),
        ("local_code", "duplicate_code"),
        ("provisional_code", "duplicate_code"),
    }


# -- regime --------------------------------------------------------------------------------------

REGIME_CASES = [
    # (receiving kind, type, sub-type, expected regime)
    ("sea", "industrial", "enterprise", "filing"),
    ("sea", "other", "aquaculture_small", "filing"),
    ("sea", "municipal_plant", "municipal_plant", "filing"),
    ("sea", "undetermined", None, "filing"),
    ("river", "industrial", "enterprise", "approval"),
    ("river", "industrial", "park_plant", "approval"),
    ("yangtze", "municipal_plant", "municipal_plant", "approval"),
    ("yangtze", "municipal_plant", None, "approval"),
    ("river", "industrial", "enterprise_storm", "registration"),
    ("river", "industrial", "park_storm", "registration"),
    ("yangtze", "other", "port", "registration"),
    ("river", "agricultural", "livestock_large", "registration"),
    ("river", "agricultural", None, "registration"),
    ("river", "other", "urban_storm", "registration"),
    ("river", "undetermined", None, None),
    ("river", "industrial", None, None),
]


@pytest.mark.parametrize(("kind", "type_code", "subtype", "expected"), REGIME_CASES)
def test_expected_regime(ref, make_outfall, kind, type_code, subtype, expected):
    o = make_outfall(receiving_kind=kind, type_code=type_code, subtype_code=subtype)
    assert expected_regime(o, ref) == expected


@pytest.mark.parametrize(("kind", "type_code", "subtype", "expected"), REGIME_CASES)
@pytest.mark.parametrize("regime", ["approval", "registration", "filing"])
def test_a_regime_other_than_the_expected_one_is_refused(
    ref, make_outfall, kind, type_code, subtype, expected, regime
):
    o = make_outfall(
        receiving_kind=kind,
        water_body="黄海" if kind == "sea" else "如泰运河",
        type_code=type_code,
        subtype_code=subtype,
        regime=regime,
        regime_document_no="通环审〔2021〕12号",
        regime_date="2021-06-30",
    )
    problems = validate(o, ref, today=TODAY)
    if expected is None or regime == expected:
        assert problems == []
    else:
        assert [(p.field, p.code) for p in problems] == [("regime", "mismatch")]
        want = ref.term("regime", expected)
        assert want.zh in problems[0].zh
        assert want.en.lower() in problems[0].en
        assert_bilingual(problems)


def test_a_document_number_without_a_regime_is_refused(ref, make_outfall):
    o = make_outfall(regime=None, regime_document_no="通环登〔2021〕3号")
    assert problems_of(o, ref) == {("regime", "required")}


def test_sea_tiers(ref, make_outfall):
    sea = dict(receiving_kind="sea", water_body="黄海")
    assert problems_of(make_outfall(**sea, sea_tier="key"), ref) == set()
    assert problems_of(make_outfall(**sea, sea_tier="gold"), ref) == {("sea_tier", "unknown")}
    assert problems_of(make_outfall(sea_tier="other"), ref) == {("sea_tier", "not_sea")}


# -- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("date", ["", "2019-01-01", "2024-02-29", TODAY.isoformat()])
def test_good_regime_dates(ref, make_outfall, date):
    o = make_outfall(regime="registration", regime_document_no="x", regime_date=date)
    assert problems_of(o, ref) == set()


@pytest.mark.parametrize(
    "date",
    [
        "2021/06/30",
        "2021-6-30",
        "2023-02-29",
        "2021-13-01",
        "30.06.2021",
        "昨天",
        "2021-06-30 ",
        "20210630",  # the other ISO 8601 spellings are not what the message asks for
        "2021-W26-3",
    ],
)
def test_bad_regime_dates(ref, make_outfall, date):
    o = make_outfall(regime="registration", regime_document_no="x", regime_date=date)
    assert problems_of(o, ref) == {("regime_date", "bad_date")}


def test_a_regime_date_in_the_future_is_refused(ref, make_outfall):
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    o = make_outfall(regime="registration", regime_document_no="x", regime_date=tomorrow)
    assert problems_of(o, ref) == {("regime_date", "future")}


# -- merge and route -----------------------------------------------------------------------------


def test_merge_rules(ref, make_outfall):
    merge = dict(remediation_route="merge")
    assert problems_of(make_outfall(**merge, merge_into_id=OTHER_ID), ref) == set()
    assert problems_of(make_outfall(**merge), ref) == {("merge_into_id", "required")}
    assert problems_of(make_outfall(**merge, merge_into_id=""), ref) == {
        ("merge_into_id", "required")
    }
    o = make_outfall(**merge)
    assert problems_of(dataclasses.replace(o, merge_into_id=o.id), ref) == {
        ("merge_into_id", "self")
    }
    for route in (None, "ban", "standardise"):
        o = make_outfall(remediation_route=route, merge_into_id=OTHER_ID)
        assert problems_of(o, ref) == {("merge_into_id", "unexpected")}
    assert problems_of(make_outfall(remediation_route="demolish"), ref) == {
        ("remediation_route", "unknown")
    }


@pytest.mark.parametrize("state", ["remediating", "accepted", "retest", "pre_closed", "closed"])
def test_a_route_is_required_once_remediation_starts(ref, make_outfall, state):
    o = make_outfall(lifecycle_state=state, responsible_party="如东县住房和城乡建设局")
    assert problems_of(o, ref) == {("remediation_route", "required")}
    assert problems_of(dataclasses.replace(o, remediation_route="ban"), ref) == set()


def test_an_unknown_lifecycle_state_is_refused(ref, make_outfall):
    assert problems_of(make_outfall(lifecycle_state="lost"), ref) == {
        ("lifecycle_state", "unknown")
    }


# -- responsible party ---------------------------------------------------------------------------


@pytest.mark.parametrize("state", ["surveyed", "monitored"])
def test_the_responsible_party_may_be_unknown_before_tracing(ref, make_outfall, state):
    assert problems_of(make_outfall(lifecycle_state=state, responsible_party=None), ref) == set()


@pytest.mark.parametrize("state", sorted(STATES_AFTER_TRACING))
def test_the_responsible_party_is_required_after_tracing(ref, make_outfall, state):
    o = make_outfall(lifecycle_state=state, responsible_party=None, remediation_route="ban")
    assert problems_of(o, ref) == {("responsible_party", "required_after_tracing")}
    o = dataclasses.replace(o, responsible_party="掘港街道新华村村民委员会")
    assert problems_of(o, ref) == set()


def test_every_lifecycle_state_after_surveying_is_covered_by_the_tracing_rule(ref):
    # A state added to lifecycle.json must be placed before or after tracing on purpose.
    before = {"surveyed", "monitored"}
    assert {s.code for s in ref.states} == before | STATES_AFTER_TRACING


def test_a_blank_responsible_party_is_refused(ref, make_outfall):
    assert problems_of(make_outfall(responsible_party=" "), ref) == {("responsible_party", "blank")}


# -- classification ------------------------------------------------------------------------------


def test_classification_rules(ref, make_outfall):
    assert problems_of(make_outfall(type_code="mystery"), ref) == {("type_code", "unknown")}
    assert problems_of(make_outfall(type_code="undetermined", subtype_code=None), ref) == set()
    assert problems_of(make_outfall(type_code="undetermined", subtype_code="port"), ref) == {
        ("subtype_code", "unexpected")
    }
    assert problems_of(make_outfall(type_code="agricultural", subtype_code="port"), ref) == {
        ("subtype_code", "mismatch")
    }
    assert problems_of(make_outfall(type_code="industrial", subtype_code=None), ref) == set()


def test_legacy_type_must_agree_with_the_current_type(ref, make_outfall):
    ok = make_outfall(legacy_type_code="urban_storm")
    assert problems_of(ok, ref) == set()
    undetermined = make_outfall(
        legacy_type_code="industrial", type_code="undetermined", subtype_code=None
    )
    assert problems_of(undetermined, ref) == set()
    assert problems_of(make_outfall(legacy_type_code="industrial"), ref) == {
        ("type_code", "legacy_mismatch")
    }
    assert problems_of(make_outfall(legacy_type_code="mystery"), ref) == {
        ("legacy_type_code", "unknown")
    }


# -- text and place ------------------------------------------------------------------------------


def test_place_and_text_rules(ref, make_outfall):
    assert problems_of(make_outfall(name="x" * 121), ref) == {("name", "too_long")}
    assert problems_of(make_outfall(name="x" * 120), ref) == set()
    assert problems_of(make_outfall(name="排口\x07"), ref) == {("name", "bad_chars")}
    assert problems_of(make_outfall(village="新华村\x00"), ref) == {("village", "bad_text")}
    assert problems_of(make_outfall(channel_note="长" * 201), ref) == {("channel_note", "bad_text")}
    assert problems_of(make_outfall(town="   "), ref) == {("town", "required")}
    assert problems_of(make_outfall(county_code="320600"), ref) == {("county_code", "unknown")}


@pytest.mark.parametrize(
    "county", ["320613", "320612", "320614", "320623", "320681", "320682", "320685"]
)
def test_every_county_of_nantong_is_accepted(ref, make_outfall, county):
    o = make_outfall(county_code=county, national_code=f"{county}R000001")
    assert problems_of(o, ref) == set()


# -- position ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        (32.31, 121.12, set()),
        (31.98, 120.89, set()),  # 南通市区
        (31.23, 121.47, {("lat", "outside_city")}),  # 上海
        (32.06, 118.80, {("lat", "outside_city")}),  # 南京
        (121.12, 32.31, {("lat", "out_of_range")}),  # swapped
        (32.31, -121.12, {("lat", "outside_city")}),
        (0.0, 0.0, {("lat", "outside_city")}),
        (91.0, 121.0, {("lat", "out_of_range")}),
        (float("nan"), 121.12, {("lat", "out_of_range")}),
        (32.31, float("inf"), {("lat", "out_of_range")}),
        (32.31, None, {("lat", "incomplete")}),
        (None, 121.12, {("lat", "incomplete")}),
        (None, None, set()),
    ],
)
def test_positions(ref, make_outfall, lat, lon, expected):
    assert problems_of(make_outfall(lat=lat, lon=lon), ref) == expected


def test_position_details(ref, make_outfall):
    assert problems_of(make_outfall(position_source=None), ref) == {("position_source", "required")}
    assert problems_of(make_outfall(lat=None, lon=None, position_source=None), ref) == set()
    assert problems_of(make_outfall(position_accuracy_m=-1.0), ref) == {
        ("position_accuracy_m", "out_of_range")
    }
    assert problems_of(make_outfall(position_datum="CGCS2000"), ref) == set()
    for datum in ("GCJ-02", "BD-09", "wgs84"):
        assert problems_of(make_outfall(position_datum=datum), ref) == {
            ("position_datum", "unknown")
        }


# -- arbitrary input -----------------------------------------------------------------------------


def _string_fields() -> dict[str, bool]:
    """Outfall's string fields → whether they may be None."""
    hints = typing.get_type_hints(Outfall)
    out = {}
    for f in dataclasses.fields(Outfall):
        hint = hints[f.name]
        if hint is str:
            out[f.name] = False
        elif hint == (str | None):
            out[f.name] = True
    return out


STRING_FIELDS = _string_fields()
OUTFALL_FIELDS = {f.name for f in dataclasses.fields(Outfall)} | {"", "note"}


def test_the_string_fields_are_found():
    assert {"name", "national_code", "regime_date", "responsible_party", "type_code"} <= set(
        STRING_FIELDS
    )


_text = st.text(max_size=60) | st.sampled_from(["", " ", "2021-06-30", "sea", "merge", "closed"])


@st.composite
def arbitrary_outfalls(draw):
    changes = {}
    for name in draw(st.sets(st.sampled_from(sorted(STRING_FIELDS)))):
        nullable = STRING_FIELDS[name]
        changes[name] = draw(st.none() | _text) if nullable else draw(_text)
    if draw(st.booleans()):
        changes["lat"] = draw(st.none() | st.floats())
        changes["lon"] = draw(st.none() | st.floats())
    changes["discharging_units"] = tuple(draw(st.lists(_text, max_size=3)))
    return changes


@settings(max_examples=300, deadline=None)
@given(changes=arbitrary_outfalls(), owner=st.none() | st.text(max_size=8), use_owner=st.booleans())
def test_validate_never_raises_and_returns_bilingual_problems(
    ref, make_outfall, changes, owner, use_owner
):
    o = make_outfall(**changes)
    code_owner = (lambda code: owner) if use_owner else None
    problems = validate(o, ref, code_owner=code_owner, today=TODAY)
    assert isinstance(problems, list)
    assert all(isinstance(p, Problem) for p in problems)
    assert all(p.field in OUTFALL_FIELDS for p in problems)
    assert all(p.zh.strip() and p.en.strip() for p in problems)
    # The same input gives the same answer.
    assert validate(o, ref, code_owner=code_owner, today=TODAY) == problems
