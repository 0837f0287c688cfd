"""Validation of an outfall: returns every problem at once, each in Chinese and English."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from fieldapp.domain.outfall import Outfall
from fieldapp.domain.problems import Problem
from fieldapp.domain.reference import Reference

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-]{0,39}\Z")  # \Z: "$" lets "\n" through
NAME_MAX = 120
TEXT_MAX = 200
# A generous box around Nantong: a position outside it is a typing or datum error.
NANTONG_BOX = (31.4, 32.95, 120.0, 122.3)  # lat min, lat max, lon min, lon max
# States that come after tracing: by then the responsible party must be known.
STATES_AFTER_TRACING = frozenset(
    {"traced", "remediating", "accepted", "retest", "pre_closed", "closed", "routine", "retired"}
)
STATES_NEEDING_ROUTE = frozenset(
    {"remediating", "accepted", "retest", "pre_closed", "closed", "routine", "retired"}
)
DATUMS = frozenset({"WGS84", "CGCS2000"})

CodeOwner = Callable[[str], str | None]


def validate(
    outfall: Outfall,
    ref: Reference,
    code_owner: CodeOwner | None = None,
    today: dt.date | None = None,
) -> list[Problem]:
    """All problems with `outfall`; `code_owner(code)` names the outfall already using a code."""
    today = today or dt.date.today()
    problems: list[Problem] = []
    problems += _identity(
        outfall, code_owner, ruled={"national_code"} if ref.national_code_rule else set()
    )
    problems += _national_code_rule(outfall, ref)
    problems += _classification(outfall, ref)
    problems += _place(outfall, ref)
    problems += _position(outfall, ref)
    problems += _custody(outfall, ref)
    problems += _regime(outfall, ref, today)
    problems += _remediation(outfall, ref)
    return problems


def _p(field: str, code: str, zh: str, en: str) -> Problem:
    return Problem(field, code, zh, en)


def _has_control_chars(text: str) -> bool:
    return any(ord(c) < 32 for c in text)


def _identity(o: Outfall, code_owner: CodeOwner | None, ruled: set[str]) -> list[Problem]:
    """Name and codes; a code in ``ruled`` has a rule of its own (``_national_code_rule``) in
    place of the general shape."""
    out = []
    name = o.name.strip()
    if not name:
        out.append(_p("name", "required", "排污口名称不能为空。", "The outfall needs a name."))
    elif len(name) > NAME_MAX:
        out.append(
            _p(
                "name",
                "too_long",
                f"排污口名称不能超过 {NAME_MAX} 个字符。",
                f"The name is longer than {NAME_MAX} characters.",
            )
        )
    elif _has_control_chars(name):
        out.append(
            _p("name", "bad_chars", "名称含有不可见字符。", "The name has control characters.")
        )
    codes = o.codes()
    if not codes:
        out.append(
            _p(
                "national_code",
                "required",
                "至少需要一个编码（国家编码、地方编码或临时编码）。",
                "The outfall needs at least one code (national, local or provisional).",
            )
        )
    labels = {
        "national_code": ("国家编码", "national code"),
        "local_code": ("地方编码", "local code"),
        "provisional_code": ("临时编码", "provisional code"),
    }
    for field, code in codes.items():
        zh, en = labels[field]
        if field not in ruled and not CODE_PATTERN.match(code):
            out.append(
                _p(
                    field,
                    "bad_code",
                    f"{zh}“{code}”只能由字母、数字和 . _ - 组成，且不超过 40 个字符。",
                    f"The {en} '{code}' may hold only letters, digits and . _ - "
                    "(at most 40 characters).",
                )
            )
        elif code_owner is not None:
            owner = code_owner(code)
            if owner is not None and owner != o.id:
                out.append(
                    _p(
                        field,
                        "duplicate_code",
                        f"{zh}“{code}”已被另一个排污口使用。",
                        f"The {en} '{code}' is already used by another outfall.",
                    )
                )
    return out


def _national_code_rule(o: Outfall, ref: Reference) -> list[Problem]:
    """The national code against its rule (``resources/data/outfall_codes.json``): characters,
    length, and the county's administrative-division prefix (GB/T 2260)."""
    rule = ref.national_code_rule
    code = o.national_code
    if rule is None or not code:
        return []
    county = ref.county(o.county_code)
    if county is None:  # an unknown county is its own problem: check the code's shape alone
        return [_p("national_code", v.kind, v.zh, v.en) for v in rule.check(code, "")]
    name = (county.zh, county.en)
    return [_p("national_code", v.kind, v.zh, v.en) for v in rule.check(code, o.county_code, name)]


def _classification(o: Outfall, ref: Reference) -> list[Problem]:
    out = []
    if o.type_code not in ref.type_codes():
        out.append(_p("type_code", "unknown", "排污口类型无效。", "Unknown outfall type."))
        return out
    if o.subtype_code is not None:
        if o.type_code == ref.undetermined.code:
            out.append(
                _p(
                    "subtype_code",
                    "unexpected",
                    "类型暂无法确定时不能选择子类。",
                    "A sub-type cannot be set while the type is not yet determined.",
                )
            )
        elif o.subtype_code not in {s.code for s in ref.subtypes_of(o.type_code)}:
            out.append(
                _p(
                    "subtype_code",
                    "mismatch",
                    "子类不属于所选类型。",
                    "The sub-type does not belong to the chosen type.",
                )
            )
    if o.legacy_type_code is not None:
        mapping = ref.legacy_to_current(o.legacy_type_code)
        if mapping is None:
            out.append(
                _p(
                    "legacy_type_code",
                    "unknown",
                    "原南通分类无效。",
                    "Unknown type in the legacy Nantong scheme.",
                )
            )
        elif o.type_code not in (mapping.type_code, ref.undetermined.code):
            out.append(
                _p(
                    "type_code",
                    "legacy_mismatch",
                    "现行分类与原南通分类的对应关系不符。",
                    "The current type does not match the legacy Nantong type's mapping.",
                )
            )
    return out


def _place(o: Outfall, ref: Reference) -> list[Problem]:
    out = []
    if ref.term("receiving_kind", o.receiving_kind) is None:
        out.append(
            _p("receiving_kind", "unknown", "入江/入海/入河类别无效。", "Unknown receiving kind.")
        )
    if ref.term("basin", o.basin) is None:
        out.append(_p("basin", "unknown", "所属流域无效。", "Unknown basin."))
    if not o.water_body.strip():
        out.append(
            _p(
                "water_body",
                "required",
                "受纳水体不能为空。",
                "The receiving water body is required.",
            )
        )
    if ref.county(o.county_code) is None:
        out.append(
            _p(
                "county_code",
                "unknown",
                "所属县（市、区）无效。",
                "The county must be one of Nantong's counties, districts or cities.",
            )
        )
    if not o.town.strip():
        out.append(_p("town", "required", "所在镇（街道）不能为空。", "The town is required."))
    for field in ("water_body", "town", "village", "channel_note", "regime_document_no"):
        value = getattr(o, field)
        if len(value) > TEXT_MAX or _has_control_chars(value):
            out.append(
                _p(
                    field,
                    "bad_text",
                    f"内容过长（最多 {TEXT_MAX} 字）或含不可见字符。",
                    f"Too long (at most {TEXT_MAX} characters) or has control characters.",
                )
            )
    return out


def _position(o: Outfall, ref: Reference) -> list[Problem]:
    out = []
    if (o.lat is None) != (o.lon is None):
        out.append(
            _p("lat", "incomplete", "经度和纬度必须同时填写。", "Give both latitude and longitude.")
        )
        return out
    if o.lat is None or o.lon is None:
        return out
    if not (-90 <= o.lat <= 90) or not (-180 <= o.lon <= 180):
        out.append(
            _p("lat", "out_of_range", "经纬度超出范围。", "Latitude or longitude out of range.")
        )
    else:
        lat_min, lat_max, lon_min, lon_max = NANTONG_BOX
        if not (lat_min <= o.lat <= lat_max and lon_min <= o.lon <= lon_max):
            out.append(
                _p(
                    "lat",
                    "outside_city",
                    "位置不在南通市范围内，请检查经纬度（是否填反或坐标系有误）。",
                    "The position is outside Nantong: check the coordinates "
                    "(swapped, or in another datum).",
                )
            )
    if o.position_accuracy_m is not None and not (0 <= o.position_accuracy_m <= 100_000):
        out.append(
            _p(
                "position_accuracy_m",
                "out_of_range",
                "定位精度无效。",
                "Invalid position accuracy.",
            )
        )
    if ref.term("position_source", o.position_source) is None:
        out.append(
            _p(
                "position_source",
                "required",
                "请注明位置来源。",
                "Say where the position came from.",
            )
        )
    if o.position_datum not in DATUMS:
        out.append(
            _p(
                "position_datum",
                "unknown",
                "坐标系须为 WGS84 或 CGCS2000（不得存储 GCJ-02 / BD-09 坐标）。",
                "The datum must be WGS84 or CGCS2000 (never store GCJ-02 or BD-09).",
            )
        )
    return out


def _custody(o: Outfall, ref: Reference) -> list[Problem]:
    out = []
    if o.responsible_party is not None and not o.responsible_party.strip():
        out.append(
            _p(
                "responsible_party",
                "blank",
                "责任主体不明时请标记为“不明”，不要留空。",
                "Mark the responsible party as unknown instead of leaving it blank.",
            )
        )
    if o.responsible_party is None and o.lifecycle_state in STATES_AFTER_TRACING:
        out.append(
            _p(
                "responsible_party",
                "required_after_tracing",
                "溯源完成后必须明确责任主体。",
                "After tracing, the responsible party must be known.",
            )
        )
    if any(not u.strip() for u in o.discharging_units):
        out.append(
            _p(
                "discharging_units",
                "blank",
                "排污单位名称不能为空。",
                "A discharging unit has no name.",
            )
        )
    if o.channel_kind is not None and ref.term("channel_kind", o.channel_kind) is None:
        out.append(
            _p("channel_kind", "unknown", "排污通道类型无效。", "Unknown discharge channel.")
        )
    for field, vocabulary in (
        ("sign_status", "sign_status"),
        ("sampling_status", "sampling_status"),
    ):
        if ref.term(vocabulary, getattr(o, field)) is None:
            out.append(_p(field, "unknown", "状态无效。", "Unknown status."))
    return out


def expected_regime(o: Outfall, ref: Reference) -> str | None:
    """The regime the rules ask for: sea → filing; approval-list types → approval; else register."""
    if o.receiving_kind == "sea":
        return "filing"
    if o.type_code == ref.undetermined.code:
        return None
    if o.subtype_code in ref.approval_required or o.type_code in ref.approval_required:
        return "approval"
    if o.subtype_code is None and o.type_code == "industrial":
        return None  # which industrial sub-type decides; not known yet
    return "registration"


def _regime(o: Outfall, ref: Reference, today: dt.date) -> list[Problem]:
    out = []
    if o.regime is not None:
        if ref.term("regime", o.regime) is None:
            out.append(_p("regime", "unknown", "管理方式无效。", "Unknown regulatory regime."))
        else:
            expected = expected_regime(o, ref)
            if expected is not None and expected != o.regime:
                want = ref.term("regime", expected)
                assert want is not None
                out.append(
                    _p(
                        "regime",
                        "mismatch",
                        f"按排污口类型和去向，应实行“{want.zh}”。",
                        f"For this type and receiving water, the regime is {want.en.lower()}.",
                    )
                )
    elif o.regime_document_no.strip():
        out.append(
            _p(
                "regime",
                "required",
                "填写了文号，请同时选择管理方式。",
                "A document number is given: choose the regime too.",
            )
        )
    if o.regime_date:
        try:
            date = dt.date.fromisoformat(o.regime_date)
            if date.isoformat() != o.regime_date:  # Python 3.11 also takes 20210630, 2021-W26-3
                raise ValueError(o.regime_date)
        except ValueError:
            out.append(
                _p("regime_date", "bad_date", "日期格式应为 YYYY-MM-DD。", "Dates are YYYY-MM-DD.")
            )
        else:
            if date > today:
                out.append(
                    _p("regime_date", "future", "日期不能晚于今天。", "The date is in the future.")
                )
    if o.sea_tier is not None:
        if o.receiving_kind != "sea":
            out.append(
                _p(
                    "sea_tier",
                    "not_sea",
                    "只有入海排污口分级管理。",
                    "Only sea outfalls have a tier.",
                )
            )
        elif ref.term("sea_tier", o.sea_tier) is None:
            out.append(
                _p("sea_tier", "unknown", "入海排污口分级无效。", "Unknown sea-outfall tier.")
            )
    return out


def _remediation(o: Outfall, ref: Reference) -> list[Problem]:
    out = []
    if (
        o.remediation_route is not None
        and ref.term("remediation_route", o.remediation_route) is None
    ):
        out.append(
            _p("remediation_route", "unknown", "整治方式无效。", "Unknown remediation route.")
        )
    if o.remediation_route == "merge":
        if not o.merge_into_id:
            out.append(
                _p(
                    "merge_into_id",
                    "required",
                    "合并整治须注明并入的排污口。",
                    "A merge must name the outfall it merges into.",
                )
            )
        elif o.merge_into_id == o.id:
            out.append(
                _p(
                    "merge_into_id",
                    "self",
                    "排污口不能并入自身。",
                    "An outfall cannot merge into itself.",
                )
            )
    elif o.merge_into_id:
        out.append(
            _p(
                "merge_into_id",
                "unexpected",
                "只有合并整治才填写并入的排污口。",
                "Only a merge names an outfall to merge into.",
            )
        )
    if ref.state(o.lifecycle_state) is None:
        out.append(_p("lifecycle_state", "unknown", "状态无效。", "Unknown lifecycle state."))
    elif o.remediation_route is None and o.lifecycle_state in STATES_NEEDING_ROUTE:
        out.append(
            _p(
                "remediation_route",
                "required",
                "进入整治后必须明确整治方式（取缔、合并或规范整治）。",
                "Once remediation starts, the route (ban, merge or standardise) is required.",
            )
        )
    return out
