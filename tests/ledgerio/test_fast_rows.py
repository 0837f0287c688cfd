"""``map_rows`` reuses a step's outcome for cells it has seen: it must read every row exactly as
``map_row`` does, whatever the cells hold (text, numbers, booleans, dates, blanks, bad values)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import geodesy
from ledgerio import rows, sheet
from ledgerio.rows import RowResult
from ledgerio.vocab import load

VOCAB = load()
# field -> cells a bureau's sheet holds in that column, good and bad
CELLS: dict[str, list[Any]] = {
    "national_code": ["320612RH00001", "320612RH00002", 3206120001.0, 12.5, "bad code!", None],
    "local_code": ["NT12-0001", "NT12-0002", "", "  ", None, 17],
    "name": ["新联村闸口排口", "闸口排口", "", "x" * 130, "名\x01称", 5.0],
    "county": ["通州区", "海门区", "320612", "上海市", "", None],
    "type": ["城镇雨洪", "工业排污口", "暂无法确定", "火星排口", "", None],
    "legacy_type": ["工业", "未知分类", "", None],
    "subtype": ["其他", "城镇雨洪排口", "不存在", "", None],
    "lon": [121.07, "121°04′12″", 32.07, "东经", 150.0, None],
    "lat": [32.07, "N32.07", 121.07, 10.0, True, None],
    "datum": ["GCJ-02", "WGS84", "CGCS2000", "北京54", "", None],
    "water_body": ["九圩港", "通吕运河", "y" * 210, 12.0, "", None],
    "town": ["平潮镇", "川姜镇", 1.0, True, 1, "", None],  # equal keys, different texts
    "regime": ["审批", "备案", "乱填", "", None],
    "remediation_route": ["取缔", "整治", "???", "", None],
    "discharging_units": ["甲厂、乙厂", "甲厂,乙厂；丙厂", "", None],
    "regime_date": [
        44000.0,
        44000,
        dt.datetime(2021, 3, 5),
        "2021年3月5日",
        "20210305",
        "明年",
        5.0,
        True,
        None,
    ],
    "position_accuracy_m": [5.0, "3.5", -1.0, "很准", "", None],
    "sign_status": ["完好", "缺失", "坏了", "", None],
}
HEADER_OF = {f: VOCAB.export_headers.get(f, f) for f in CELLS}


def _reference(table: sheet.Table) -> list[RowResult]:
    out = []
    for row, cells in table.rows:
        if all(rows.is_blank(c) for c in cells):
            out.append(RowResult(row, blank=True))
        else:
            out.append(rows.map_row(table, VOCAB, row, cells))
    return out


@st.composite
def tables(draw: Any) -> sheet.Table:
    optional = [f for f in CELLS if f not in ("name", "national_code")]
    fields = ["name", "national_code", *draw(st.lists(st.sampled_from(optional), unique=True))]
    grid: list[list[Any]] = [[HEADER_OF[f] for f in fields]]
    n = draw(st.integers(1, 25))
    for _ in range(n):
        if draw(st.integers(0, 9)) == 0:
            grid.append([None] * len(fields))
        else:
            grid.append([draw(st.sampled_from(CELLS[f])) for f in fields])
    return sheet._table(grid, "t.xlsx", "台账", VOCAB, merged=[], formulas={})


@settings(max_examples=200, deadline=None)
@given(tables())
def test_map_rows_reads_every_row_as_map_row_does(table):
    fast = list(rows.map_rows(table, VOCAB))
    slow = _reference(table)
    assert [(r.row, r.blank, r.values, r.issues) for r in fast] == [
        (r.row, r.blank, r.values, r.issues) for r in slow
    ]
    # a row's list is its own, never shared with another row read from the same cells
    lists = [id(r.values["discharging_units"]) for r in fast if "discharging_units" in r.values]
    assert len(lists) == len(set(lists))


@settings(max_examples=100, deadline=None)
@given(tables(), st.integers(1, 4))
def test_map_rows_reads_alike_across_blocks(table, block):
    """Rows go a block at a time; a memo carried from one block to the next reads alike."""
    saved = rows._BLOCK
    rows._BLOCK = block
    try:
        fast = list(rows.map_rows(table, VOCAB))
    finally:
        rows._BLOCK = saved
    slow = _reference(table)
    assert [(r.row, r.blank, r.values, r.issues) for r in fast] == [
        (r.row, r.blank, r.values, r.issues) for r in slow
    ]


@given(st.text(max_size=12), st.text(max_size=12))
def test_names_compared_with_their_pairs_made_once_as_similarity_does(a, b):
    from ledgerio.plan import _Name, similarity

    assert _Name(a).similarity(_Name(b)) == similarity(a, b)


@settings(max_examples=200, deadline=None)
@given(
    st.floats(31.6, 32.4),
    st.floats(120.4, 121.9),
    st.floats(-0.0008, 0.0008),
    st.floats(-0.0008, 0.0008),
)
def test_a_lookalike_is_found_exactly_within_its_distance(lat, lon, dlat, dlon):
    """The grid skips points by latitude before measuring: it must never skip one in reach."""
    from ledgerio import plan
    from ledgerio.record import with_defaults
    from ledgerio.rows import RowResult

    stored = with_defaults({"id": "a", "name": "平潮镇新联村闸口排口", "national_code": "A1",
                            "county_code": "320612", "lat": lat, "lon": lon})  # fmt: skip
    new = RowResult(2, values={"name": "平潮镇新联村闸口排口", "national_code": "B2",
                               "county_code": "320612", "lat": lat + dlat, "lon": lon + dlon})  # fmt: skip
    found = plan.plan([new], {"name", "national_code", "county", "lat", "lon"}, [stored], VOCAB)
    near = geodesy.distance_m(lat, lon, lat + dlat, lon + dlon) <= VOCAB.lookalike_distance_m
    assert found.rows[0].action == ("lookalike" if near else "insert")
