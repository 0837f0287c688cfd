"""One data row of a ledger file to an outfall's fields, with every problem and its cell. Pure.

Only the fields the file has columns for are set; ``record.fields_of_columns`` says which those
are, so an update leaves the rest alone.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from ledgerio import coords
from ledgerio.issues import Issue
from ledgerio.sheet import Column, Table
from ledgerio.vocab import Vocab, norm

_CONTROL = re.compile(r"[\x00-\x1f]")
CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-]{0,39}\Z")
NAME_MAX = 120
TEXT_MAX = 200
EXCEL_EPOCH = dt.date(1899, 12, 30)
_DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
TEXT_FIELDS = ("water_body", "town", "village", "channel_note", "regime_document_no", "note")
NULLABLE_TEXT = ("responsible_party",)
ENUM_NULLABLE = ("regime", "sea_tier", "remediation_route", "channel_kind", "position_source")
ENUM_DEFAULTED = {
    "receiving_kind": "river",
    "basin": "yangtze",
    "sign_status": "unknown",
    "sampling_status": "unknown",
}


@dataclass
class RowResult:
    """A data row read: its fields (only those the file speaks for) and its problems."""

    row: int
    values: dict[str, Any] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    blank: bool = False

    @property
    def ok(self) -> bool:
        return not any(i.severity == "error" for i in self.issues)


def is_blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _has_content(cells: list[Any]) -> bool:
    """``not all(is_blank(c) for c in cells)``, without a call per cell."""
    for c in cells:  # noqa: SIM110 - a loop, not a generator: this runs for every row
        if c is not None and (not isinstance(c, str) or c.strip()):
            return True
    return False


def cell_text(cell: Any) -> str:
    """A cell as text: integral numbers without ``.0`` (codes typed as numbers), dates in ISO."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "是" if cell else "否"
    if isinstance(cell, float):
        if math.isfinite(cell) and cell.is_integer():
            return str(int(cell))
        return repr(cell)
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat(" ")
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return str(cell).strip()


class _Row:
    """Reads one row's cells into values, collecting issues with their cells."""

    def __init__(self, table: Table, vocab: Vocab, row: int, cells: list[Any]) -> None:
        self.table, self.vocab, self.row, self.cells = table, vocab, row, cells
        self.result = RowResult(row)
        self.by_field = table.by_field()

    def cell(self, f: str) -> tuple[Column | None, Any]:
        col = self.by_field.get(f)
        if col is None or col.index >= len(self.cells):
            return col, None
        value = self.cells[col.index]
        formula = self.table.formulas.get((self.row, col.index)) if self.table.formulas else None
        if formula is not None:
            if is_blank(value):
                self.error(col, "formula_no_value", f"是公式（={formula}）且没有计算结果；请在 Excel 中重新计算并保存，或改为数值。", f"is a formula (={formula}) without a computed value; recalculate and save in Excel, or type the value.")  # fmt: skip
            else:
                self.warn(col, "formula", f"是公式（={formula}），按其计算结果“{cell_text(value)}”读取。", f"is a formula (={formula}); its computed value '{cell_text(value)}' was read.")  # fmt: skip
        return col, None if is_blank(value) else value

    def issue(self, severity: Any, col: Column | None, code: str, zh: str, en: str) -> None:
        self.result.issues.append(
            Issue(
                severity,
                code,
                zh,
                en,
                row=self.row,
                col=None if col is None else col.index,
                field=None if col is None else col.field,
                header=None if col is None else col.header,
            )
        )

    def error(self, col: Column | None, code: str, zh: str, en: str) -> None:
        self.issue("error", col, code, zh, en)

    def warn(self, col: Column | None, code: str, zh: str, en: str) -> None:
        self.issue("warning", col, code, zh, en)

    def set(self, name: str, value: Any) -> None:
        self.result.values[name] = value


def map_rows(table: Table, vocab: Vocab, default_datum: str = "wgs84") -> Iterator[RowResult]:
    """Every data row of the table, read (blank rows marked blank, with no problems).

    The same as ``map_row`` on each row, faster: a step that reads only its own columns (type,
    county, each text, value list and date column) is worked out once per distinct content of
    those cells and its outcome reused (ledgers repeat the same few towns, types and dates over
    thousands of rows). The steps go a column at a time over blocks of rows: each cell's key and
    outcome are found by one pass down its column, and a step whose outcomes in the block set the
    same fields without a problem gives its values to every row in one go. Rows holding a
    formula go through ``map_row`` whole."""
    steps = _memo_steps(table, vocab)
    formula_rows = {r for r, _c in table.formulas}
    fields = table.fields()
    position = bool(fields & {"lon", "lat", "lonlat"})
    all_rows = table.rows
    for start in range(0, len(all_rows), _BLOCK):
        block = all_rows[start : start + _BLOCK]
        kinds = [
            2 if row in formula_rows else 1 if _has_content(cells) else 0 for row, cells in block
        ]  # 0 blank, 1 plain, 2 with a formula
        plain = [rc for rc, kind in zip(block, kinds, strict=True) if kind == 1]
        cell_lists = [cells for _row, cells in plain]
        before = _block_steps(table, vocab, steps[0], cell_lists)
        after = _block_steps(table, vocab, steps[1], cell_lists)
        mapped = _block_rows(table, vocab, plain, before, after, position, fields, default_datum)
        for (row, cells), kind in zip(block, kinds, strict=True):
            if kind == 1:
                yield next(mapped)
            elif kind == 0 or all(is_blank(c) for c in cells):
                yield RowResult(row, blank=True)
            else:
                yield map_row(table, vocab, row, cells, default_datum)


_BLOCK = 4096
_LIST_FIELDS = frozenset({"discharging_units"})
_Outcome = tuple[dict[str, Any], tuple[Issue, ...], bool]
_Step = tuple[Any, tuple[int, ...], dict[tuple[Any, ...], _Outcome]]
# A step over one block: either the fields it sets and their value columns (every outcome in
# the block sets those fields, with no problem and no list), or its outcome for each row.
_BlockStep = tuple[tuple[str, ...], list[list[Any]] | None, list[_Outcome] | None]


def _memo_steps(table: Table, vocab: Vocab) -> tuple[list[_Step], list[_Step]]:
    """The memoisable steps before and after the position, in ``map_row``'s order, each with the
    column indexes it reads and its memo (cell contents -> values set and problems)."""
    fields = table.fields()
    by_field = table.by_field()

    def step(fn: Any, *names: str) -> _Step:
        return (fn, tuple(by_field[n].index for n in names if n in by_field), {})

    before = []
    if fields & {"type", "subtype", "legacy_type"}:
        before.append(step(lambda r: _classification(r, fields), "type", "legacy_type", "subtype"))
    if "county" in fields:
        before.append(step(_county, "county"))
    after = []
    if not fields & {"lon", "lat", "lonlat"} and "datum" in fields:
        after.append(step(_datum_only, "datum"))
    for f in TEXT_FIELDS:
        if f in fields:
            after.append(step(lambda r, f=f: _text(r, f, nullable=False), f))
    for f in NULLABLE_TEXT:
        if f in fields:
            after.append(step(lambda r, f=f: _text(r, f, nullable=True), f))
    for f in ENUM_NULLABLE:
        if f in fields:
            after.append(step(lambda r, f=f: _enum(r, f, None), f))
    for f, default in ENUM_DEFAULTED.items():
        if f in fields:
            after.append(step(lambda r, f=f, d=default: _enum(r, f, d), f))
    if "lifecycle_state" in fields:
        after.append(step(lambda r: _enum(r, "lifecycle_state", vocab.initial_state), "lifecycle_state"))  # fmt: skip
    if "discharging_units" in fields:
        after.append(step(_units, "discharging_units"))
    if "regime_date" in fields:
        after.append(step(lambda r: _date(r, "regime_date"), "regime_date"))
    if "position_accuracy_m" in fields:
        after.append(step(_accuracy, "position_accuracy_m"))
    return before, after


def _block_steps(
    table: Table, vocab: Vocab, steps: list[_Step], cell_lists: list[list[Any]]
) -> list[_BlockStep]:
    out: list[_BlockStep] = []
    for fn, idxs, memo in steps:
        # the type is part of the key: True, 1 and 1.0 are equal keys but read differently
        columns = [[c[i] if i < len(c) else None for c in cell_lists] for i in idxs]
        if len(columns) == 1:
            keys: list[Any] = list(zip(map(type, columns[0]), columns[0], strict=True))
        else:
            keys = list(
                zip(*[zip(map(type, col), col, strict=True) for col in columns], strict=True)
            )
        uniq = set(keys)
        for key in uniq - memo.keys():
            probe = _Row(table, vocab, 0, _probe_cells(idxs, key if len(idxs) != 1 else (key,)))
            fn(probe)
            has_list = not _LIST_FIELDS.isdisjoint(probe.result.values)
            memo[key] = (probe.result.values, tuple(probe.result.issues), has_list)
        outcomes = list(map(memo.__getitem__, keys))
        distinct = [memo[k] for k in uniq]
        names = tuple(distinct[0][0]) if distinct else ()
        if all(not o[1] and not o[2] and tuple(o[0]) == names for o in distinct):
            out.append((names, [[o[0][n] for o in outcomes] for n in names], None))
        else:
            out.append(((), None, outcomes))
    return out


def _probe_cells(idxs: tuple[int, ...], key: tuple[tuple[type, Any], ...]) -> list[Any]:
    """Cells holding only what a step reads (the rest blank)."""
    cells: list[Any] = [None] * (max(idxs) + 1 if idxs else 0)
    for i, (_t, v) in zip(idxs, key, strict=True):
        cells[i] = v
    return cells


def _block_rows(
    table: Table,
    vocab: Vocab,
    plain: list[tuple[int, list[Any]]],
    before: list[_BlockStep],
    after: list[_BlockStep],
    position: bool,
    fields: set[str],
    default_datum: str,
) -> Iterator[RowResult]:
    regular = [(names, cols) for names, cols, _o in before + after if cols is not None]
    names = tuple(n for ns, _c in regular for n in ns)
    value_rows: Iterator[tuple[Any, ...]] = zip(
        *[col for _ns, cols in regular for col in cols], strict=True
    )
    if not names:
        value_rows = iter([()] * len(plain))
    irregular_before = [o for _n, cols, o in before if o is not None]
    irregular_after = [o for _n, cols, o in after if o is not None]
    for k, ((row, cells), values_in_row) in enumerate(zip(plain, value_rows, strict=True)):
        r = _Row(table, vocab, row, cells)
        _identity(r)
        values, issues = r.result.values, r.result.issues
        for outcomes in irregular_before:
            _apply(outcomes[k], values, issues, row)
        if position:
            _position(r, fields, default_datum)
        # after the position: an enum column (the position's source) outweighs what it set
        values.update(zip(names, values_in_row, strict=True))
        for outcomes in irregular_after:
            _apply(outcomes[k], values, issues, row)
        yield r.result


def _apply(found: _Outcome, values: dict[str, Any], issues: list[Issue], row: int) -> None:
    if found[2]:  # a row's list is its own (callers may change it)
        values.update({k: list(v) if isinstance(v, list) else v for k, v in found[0].items()})
    else:
        values.update(found[0])
    if found[1]:
        issues.extend(replace(i, row=row) for i in found[1])


def map_row(
    table: Table, vocab: Vocab, row: int, cells: list[Any], default_datum: str = "wgs84"
) -> RowResult:
    r = _Row(table, vocab, row, cells)
    fields = table.fields()
    _identity(r)
    if fields & {"type", "subtype", "legacy_type"}:
        _classification(r, fields)
    if "county" in fields:
        _county(r)
    if fields & {"lon", "lat", "lonlat"}:
        _position(r, fields, default_datum)
    elif "datum" in fields:
        _datum_only(r)
    for f in TEXT_FIELDS:
        if f in fields:
            _text(r, f, nullable=False)
    for f in NULLABLE_TEXT:
        if f in fields:
            _text(r, f, nullable=True)
    for f in ENUM_NULLABLE:
        if f in fields:
            _enum(r, f, None)
    for f, default in ENUM_DEFAULTED.items():
        if f in fields:
            _enum(r, f, default)
    if "lifecycle_state" in fields:
        _enum(r, "lifecycle_state", vocab.initial_state)
    if "discharging_units" in fields:
        _units(r)
    if "regime_date" in fields:
        _date(r, "regime_date")
    if "position_accuracy_m" in fields:
        _accuracy(r)
    return r.result


def _identity(r: _Row) -> None:
    col, value = r.cell("name")
    name = cell_text(value)
    if not name:
        r.error(col, "required", "排污口名称不能为空。", "The outfall needs a name.")
    elif len(name) > NAME_MAX:
        r.error(col, "too_long", f"名称超过 {NAME_MAX} 个字符。", f"The name is longer than {NAME_MAX} characters.")  # fmt: skip
    elif _CONTROL.search(name):
        r.error(col, "bad_chars", "名称含有不可见字符。", "The name has control characters.")
    r.set("name", name)
    any_code = False
    for f, zh in (("national_code", "国家编码"), ("local_code", "地方编码")):
        if f not in r.by_field:
            continue
        col, value = r.cell(f)
        if isinstance(value, float) and not value.is_integer():
            r.error(col, "bad_code", f"{zh}“{value}”是小数；编码应按文本填写。", f"The code '{value}' is a decimal number; type codes as text.")  # fmt: skip
            continue
        code = cell_text(value)
        if code and not CODE_PATTERN.match(code):
            r.error(col, "bad_code", f"{zh}“{code}”只能由字母、数字和 . _ - 组成，且不超过 40 个字符。", f"The code '{code}' may hold only letters, digits and . _ - (at most 40).")  # fmt: skip
        any_code = any_code or bool(code)
        r.set(f, code or None)
    if not any_code:
        col = r.by_field.get("national_code") or r.by_field.get("local_code")
        r.error(col, "code_required", "至少需要国家编码或地方编码之一。", "The row needs a national or a local code.")  # fmt: skip


def _classification(r: _Row, fields: set[str]) -> None:
    v = r.vocab
    type_code, subtype, legacy = v.undetermined, None, None
    col, value = r.cell("type")
    text = cell_text(value)
    if "type" in fields and text:
        key = norm(text)
        if key in v.undetermined_spellings:
            pass
        elif key in v.types:
            type_code, subtype = v.types[key]
        elif key in v.legacy:
            legacy = v.legacy[key]
            type_code, subtype = v.legacy_mapping[legacy]
        else:
            allowed = "、".join(v.type_labels.values())
            r.error(col, "unknown_type", f"不认识的类型“{text}”；应为 HJ 1312-2023 的类型（{allowed}）或原南通分类。", f"Unknown type '{text}': use an HJ 1312-2023 type or a legacy Nantong category.")  # fmt: skip
    lcol, lvalue = r.cell("legacy_type")
    ltext = cell_text(lvalue)
    if ltext:
        code = v.legacy.get(norm(ltext))
        if code is None:
            r.error(lcol, "unknown_legacy", f"不认识的原南通分类“{ltext}”（应为：{'、'.join(v.legacy_labels.values())}）。", f"Unknown legacy Nantong category '{ltext}'.")  # fmt: skip
        else:
            legacy = code
            if not text:  # only the legacy category: the current type follows the mapping
                type_code, subtype = v.legacy_mapping[code]
    scol, svalue = r.cell("subtype")
    stext = cell_text(svalue)
    if stext:
        found = v.subtypes.get(norm(stext))
        if found is not None and found[0] != type_code:
            # a sub-type name shared by two types ("其他"): the one under the row's type
            found = next(
                (
                    k
                    for k in v.subtypes.values()
                    if k[0] == type_code and v.subtype_labels[k[1]] == stext
                ),
                found,
            )
        if found is None:
            r.error(scol, "unknown_subtype", f"不认识的子类“{stext}”。", f"Unknown sub-type '{stext}'.")  # fmt: skip
        elif type_code == v.undetermined:
            r.error(scol, "subtype_unexpected", "类型暂无法确定时不能填写子类。", "A sub-type needs a determined type.")  # fmt: skip
        elif found[0] != type_code:
            r.error(scol, "subtype_mismatch", f"子类“{stext}”不属于类型“{v.type_labels[type_code]}”。", f"Sub-type '{stext}' does not belong to type '{type_code}'.")  # fmt: skip
        else:
            subtype = found[1]
    r.set("type_code", type_code)
    r.set("subtype_code", subtype)
    r.set("legacy_type_code", legacy)


def _county(r: _Row) -> None:
    col, value = r.cell("county")
    text = cell_text(value)
    if not text:
        r.error(col, "required", "所属县（市、区）不能为空。", "The county is required.")
        return
    code = r.vocab.county_code(text)
    if code is None:
        names = "、".join(r.vocab.county_labels.values())
        r.error(col, "unknown_county", f"“{text}”不是南通市的县（市、区）（应为：{names}，或其 6 位区划代码）。", f"'{text}' is not a county of Nantong.")  # fmt: skip
        return
    r.set("county_code", code)


def _datum_of(r: _Row, default: str) -> tuple[str, Column | None]:
    col, value = r.cell("datum")
    text = cell_text(value)
    if text:
        d = r.vocab.datum(text)
        if d is None:
            r.error(col, "unknown_datum", f"不认识的坐标系“{text}”（应为 WGS84、CGCS2000 或 GCJ-02）。", f"Unknown coordinate system '{text}' (WGS84, CGCS2000 or GCJ-02).")  # fmt: skip
        return d or default, col
    for f in ("lon", "lat", "lonlat"):
        c = r.by_field.get(f)
        if c is not None and c.datum:
            return c.datum, c
    return default, None


def _datum_only(r: _Row) -> None:
    d, _ = _datum_of(r, "wgs84")
    r.set("position_datum", "CGCS2000" if d == "cgcs2000" else "WGS84")


def _position(r: _Row, fields: set[str], default_datum: str) -> None:
    area = r.vocab.area
    lon = lat = None
    if "lonlat" in fields and not ({"lon", "lat"} <= fields):
        col, value = r.cell("lonlat")
        if value is not None:
            try:
                lon, lat = coords.parse_pair(value)
            except coords.CoordinateError as exc:
                r.error(col, "bad_coordinate", exc.zh, exc.en)
                return
        lon_col = lat_col = col
    else:
        lon_col, lon_value = r.cell("lon")
        lat_col, lat_value = r.cell("lat")
        for which, col, value in (("lon", lon_col, lon_value), ("lat", lat_col, lat_value)):
            if value is None:
                continue
            try:
                parsed = coords.parse_degrees(value)
            except coords.CoordinateError as exc:
                r.error(col, "bad_coordinate", exc.zh, exc.en)
                return
            if which == "lon":
                lon = parsed
            else:
                lat = parsed
        if (lon is None) != (lat is None):
            col = lon_col if lon is None else lat_col
            r.error(col, "half_position", "经度和纬度应同时填写或同时留空。", "Give both longitude and latitude, or neither.")  # fmt: skip
            return
    datum, _ = _datum_of(r, default_datum)
    if lon is None or lat is None:
        r.set("lon", None)
        r.set("lat", None)
        r.set("position_datum", "CGCS2000" if datum == "cgcs2000" else "WGS84")
        return
    if not area.contains(lat, lon):
        if area.contains(lon, lat):
            r.error(lon_col, "swapped", f"经度 {lon} 与纬度 {lat} 似乎填反了。", f"Longitude {lon} and latitude {lat} look swapped.")  # fmt: skip
        else:
            lat_ok = area.lat_min <= lat <= area.lat_max
            lon_ok = area.lon_min <= lon <= area.lon_max
            r.error(lat_col if lon_ok and not lat_ok else lon_col, "outside_area", f"坐标（经度 {lon}，纬度 {lat}）不在{area.name}范围内（纬度 {area.lat_min}–{area.lat_max}，经度 {area.lon_min}–{area.lon_max}）。", f"The position ({lon}, {lat}) lies outside {area.name}.")  # fmt: skip
        return
    if datum == "gcj02":
        lat, lon = coords.gcj02_to_wgs84(lat, lon)
        lat, lon = round(lat, 8), round(lon, 8)
    r.set("lon", lon)
    r.set("lat", lat)
    r.set("position_datum", "CGCS2000" if datum == "cgcs2000" else "WGS84")
    r.set("position_source", "imported")


def _text(r: _Row, f: str, *, nullable: bool) -> None:
    col, value = r.cell(f)
    text = cell_text(value)
    if len(text) > TEXT_MAX:
        r.error(col, "too_long", f"超过 {TEXT_MAX} 个字符。", f"Longer than {TEXT_MAX} characters.")
    r.set(f, (text or None) if nullable else text)


def _enum(r: _Row, f: str, default: str | None) -> None:
    col, value = r.cell(f)
    text = cell_text(value)
    if not text:
        r.set(f, default)
        return
    code = r.vocab.enum_code(f, text)
    if code is None:
        allowed = "、".join(r.vocab.labels.get(f, {}).values())
        r.error(col, "unknown_value", f"不认识的值“{text}”（应为：{allowed}）。", f"Unknown value '{text}'.")  # fmt: skip
        return
    r.set(f, code)


def _units(r: _Row) -> None:
    _col, value = r.cell("discharging_units")
    text = cell_text(value)
    for sep in r.vocab.separators[1:]:
        text = text.replace(sep, r.vocab.separators[0])
    r.set("discharging_units", [u.strip() for u in text.split(r.vocab.separators[0]) if u.strip()])


def _date(r: _Row, f: str) -> None:
    col, value = r.cell(f)
    if value is None:
        r.set(f, "")
        return
    if isinstance(value, dt.datetime):
        r.set(f, value.date().isoformat())
        return
    if isinstance(value, dt.date):
        r.set(f, value.isoformat())
        return
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 20000 <= value <= 80000:  # 1954 to 2119 as Excel day numbers
            day = EXCEL_EPOCH + dt.timedelta(days=int(value))
            r.warn(col, "date_as_number", f"日期以数字 {cell_text(value)} 存储，按 Excel 日期读作 {day.isoformat()}。", f"The date is stored as the number {cell_text(value)}; read as Excel day {day.isoformat()}.")  # fmt: skip
            r.set(f, day.isoformat())
            return
        text = cell_text(value)
    else:
        text = cell_text(value)
    m = _DATE_TEXT.match(text) or _DATE_COMPACT.match(text)
    if m is not None:
        try:
            r.set(f, dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat())
            return
        except ValueError:
            pass
    r.error(col, "bad_date", f"“{text}”不是日期（应如 2021-03-05 或 2021年3月5日）。", f"'{text}' is not a date (e.g. 2021-03-05).")  # fmt: skip


def _accuracy(r: _Row) -> None:
    col, value = r.cell("position_accuracy_m")
    if value is None:
        r.set("position_accuracy_m", None)
        return
    try:
        number = float(cell_text(value))
    except ValueError:
        number = -1.0
    if not math.isfinite(number) or number < 0:
        r.error(col, "bad_number", f"“{cell_text(value)}”不是非负数。", f"'{cell_text(value)}' is not a non-negative number.")  # fmt: skip
        return
    r.set("position_accuracy_m", number)
