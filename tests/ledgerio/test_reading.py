"""Reading ledger files: encodings, synonyms, coordinates, and every kind of bad input named by
its row and column."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st

import geodesy
from ledgerio import coords, record
from ledgerio.importer import analyse
from ledgerio.issues import cell_ref
from ledgerio.testing import dms
from ledgerio.vocab import load

HEADER = ["序号", "国家编码", "排污口名称", "所属县区", "经度", "纬度", "审批日期", "类型"]
ROW = ["1", "320612RH00001", "通州区平潮镇新联村闸口东侧100m城镇雨洪排口", "通州区", "121.07", "32.07", "2021-03-05", "城镇雨洪"]  # fmt: skip


def _csv(rows: list[list[str]], encoding: str) -> bytes:
    return "\r\n".join(",".join(r) for r in rows).encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_every_encoding_bureaus_use(encoding):
    plan = analyse(_csv([HEADER, ROW], encoding), load(), [], name="a.csv")
    assert [r.action for r in plan.rows] == ["insert"]
    rec = plan.rows[0].record
    assert rec is not None
    assert rec["name"] == ROW[2] and rec["county_code"] == "320612"
    assert (rec["type_code"], rec["subtype_code"], rec["legacy_type_code"]) == (
        "other",
        "urban_storm",
        "urban_storm",
    )
    assert rec["regime_date"] == "2021-03-05" and rec["lat"] == 32.07


def _xlsx(path: Path, rows: list[list[object]], *, merge: tuple[int, int, int, int] | None = None,
          formula: tuple[int, int, str, object] | None = None, sheets: tuple[str, ...] = ()) -> Path:  # fmt: skip
    book = xlsxwriter.Workbook(str(path))
    for name in sheets:
        book.add_worksheet(name).write(0, 0, "无关内容")
    ws = book.add_worksheet("台账")
    for r, cells in enumerate(rows):
        for c, v in enumerate(cells):
            if v is not None:
                ws.write(r, c, v)
    if merge is not None:
        r0, c0, r1, c1 = merge
        ws.merge_range(r0, c0, r1, c1, rows[r0][c0])  # type: ignore[arg-type]
    if formula is not None:
        r, c, text, value = formula
        ws.write_formula(r, c, text, None, value)
    book.close()
    return path


def _issues(plan, severity="error"):
    found = [i for i in plan.file_issues if i.severity == severity]
    for r in plan.rows:
        found += [i for i in r.issues if i.severity == severity]
    return found


def test_coordinates_outside_nantong_and_swapped_name_their_cells(tmp_path):
    rows = [HEADER, ROW, [*ROW[:4], "116.4", "39.9", *ROW[6:]], [*ROW[:4], "32.07", "121.07", *ROW[6:]]]  # fmt: skip
    rows[2][1], rows[3][1] = "320612RH00002", "320612RH00003"
    plan = analyse(_xlsx(tmp_path / "a.xlsx", rows), load(), [])
    assert [r.action for r in plan.rows] == ["insert", "error", "error"]
    (far,) = plan.rows[1].issues
    assert far.cell == "E3" and "不在南通市范围内" in far.zh
    (swapped,) = plan.rows[2].issues
    assert swapped.cell == "E4" and "填反" in swapped.zh


def test_dates_stored_as_numbers_are_read_and_said(tmp_path):
    rows = [HEADER, [*ROW[:6], 44260, ROW[7]]]
    plan = analyse(_xlsx(tmp_path / "a.xlsx", rows), load(), [])
    assert plan.rows[0].action == "insert"
    assert plan.rows[0].record and plan.rows[0].record["regime_date"] == "2021-03-05"
    (warning,) = _issues(plan, "warning")
    assert warning.cell == "G2" and "44260" in warning.zh


def test_formulas_are_read_by_value_or_refused_without_one(tmp_path):
    rows = [HEADER, ROW, [*ROW[:1], "320612RH00002", *ROW[2:]]]
    good = _xlsx(
        tmp_path / "f.xlsx", rows, formula=(1, 2, '=CONCAT("通州区","排口")', "通州区排口")
    )
    plan = analyse(good, load(), [])
    assert plan.rows[0].record and plan.rows[0].record["name"] == "通州区排口"
    assert any(i.cell == "C2" and "公式" in i.zh for i in _issues(plan, "warning"))
    empty = _xlsx(tmp_path / "g.xlsx", rows, formula=(2, 2, '=A1&"x"', ""))
    plan = analyse(empty, load(), [])
    assert plan.rows[1].action == "error"
    assert any(i.cell == "C3" and "没有计算结果" in i.zh for i in plan.rows[1].issues)


def test_a_merged_header_over_data_columns_is_an_error_naming_the_range(tmp_path):
    header = [*HEADER[:4], "坐标", None, *HEADER[6:]]
    plan = analyse(_xlsx(tmp_path / "m.xlsx", [header, ROW], merge=(0, 4, 0, 5)), load(), [])
    (err,) = [i for i in plan.file_issues if i.severity == "error"]
    assert "E1:F1" in err.zh and "合并单元格" in err.zh


def test_wrong_sheet_and_empty_rows(tmp_path):
    rows = [["南通市排污口台账"], HEADER, ROW, [], ["", "", "  "], [*ROW[:1], "320612RH00009", *ROW[2:]]]  # fmt: skip
    path = _xlsx(tmp_path / "w.xlsx", rows, sheets=("说明", "统计"))
    plan = analyse(path, load(), [])
    # the last row repeats the first one's name and place under another code: a look-alike
    assert [r.action for r in plan.rows] == ["insert", "blank", "blank", "lookalike"]
    assert "台账" in plan.file_issues[0].zh
    wrong = analyse(path, load(), [], sheet_name="说明")
    assert not wrong.rows and "找不到台账表头" in wrong.file_issues[0].zh
    missing = analyse(path, load(), [], sheet_name="2022")
    assert "没有名为“2022”的工作表" in missing.file_issues[0].zh


def test_files_that_are_not_ledgers(tmp_path):
    vocab = load()
    big = dataclasses.replace(vocab, max_bytes=1000)
    path = tmp_path / "huge.csv"
    path.write_bytes(_csv([HEADER] + [ROW] * 40, "utf-8"))
    plan = analyse(path, big, [])
    assert not plan.rows and "文件太大" in plan.file_issues[0].zh
    jpeg = tmp_path / "ledger.xlsx"
    jpeg.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)) * 4)
    assert "不是电子表格" in analyse(jpeg, vocab, []).file_issues[0].zh
    zipped = tmp_path / "other.xlsx"
    zipped.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    assert "不是电子表格" in analyse(zipped, vocab, []).file_issues[0].zh
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert "空" in analyse(empty, vocab, []).file_issues[0].zh


def test_a_hundred_megabyte_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.xlsx"
    with path.open("wb") as f:
        f.truncate(100 * 2**20)  # sparse: 100 MB without writing them
    plan = analyse(path, load(), [])
    assert not plan.rows and "100.0 MB" in plan.file_issues[0].zh


def test_gcj02_said_by_the_header_is_converted(tmp_path):
    lat, lon = 32.07, 121.07
    glat, glon = coords.wgs84_to_gcj02(lat, lon)
    header = [*HEADER[:4], "经度（GCJ-02）", "纬度（GCJ-02）", *HEADER[6:]]
    plan = analyse(_csv([header, [*ROW[:4], repr(glon), repr(glat), *ROW[6:]]], "utf-8"), load(), [], name="g.csv")  # fmt: skip
    rec = plan.rows[0].record
    assert rec is not None and rec["position_datum"] == "WGS84"
    assert geodesy.distance_m(rec["lat"], rec["lon"], lat, lon) < 0.01


@settings(max_examples=200, deadline=None)
@given(st.floats(31.4, 32.95), st.floats(120.0, 122.3))
def test_dms_text_reads_back_within_its_hundredth_of_a_second(lat, lon):
    assert abs(coords.parse_degrees(dms(lat, "N")) - lat) < 1.4e-6
    assert abs(coords.parse_degrees(dms(lon, "E").replace("°", "度").replace("′", "分").replace("″", "秒")) - lon) < 1.4e-6  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.floats(31.4, 32.95), st.floats(120.0, 122.3))
def test_gcj02_inverse_undoes_the_forward_shift(lat, lon):
    glat, glon = coords.wgs84_to_gcj02(lat, lon)
    back = coords.gcj02_to_wgs84(glat, glon)
    assert geodesy.distance_m(back[0], back[1], lat, lon) < 0.001


@pytest.mark.parametrize("text", ["abc", "120°75′00″", "1.2.3", "120 52 30 10"])
def test_bad_coordinates_are_refused(text):
    with pytest.raises(coords.CoordinateError):
        coords.parse_degrees(text)


def test_cell_refs():
    assert [cell_ref(17, 3), cell_ref(1, 25), cell_ref(2, 26), cell_ref(3, 701)] == ["D17", "Z1", "AA2", "ZZ3"]  # fmt: skip


def test_the_record_shape_is_the_devices_outfall():
    from fieldapp.domain.outfall import Outfall

    fields = {f.name: f for f in dataclasses.fields(Outfall)}
    assert set(record.FIELDS) == set(fields)
    for name, f in fields.items():
        if f.default is not dataclasses.MISSING:
            expected = list(f.default) if isinstance(f.default, tuple) else f.default
            assert record.DEFAULTS[name] == expected, name
