"""Test data: a bureau ledger workbook with the mess real ones have, and plain ledger records.

``bureau_workbook`` writes what a county office keeps in Excel since the 2019-2021 survey: a notes
sheet first, merged title rows, a two-row header under a merged "坐标" group, synonyms for the
column names, legacy Nantong categories, coordinates in decimal degrees and in degrees-minutes-
seconds, some in GCJ-02 (said so in a 坐标系 column), approval dates as date cells, as bare Excel
day numbers and as Chinese text, a county merged down over its rows, a formula column, and blank
rows. It returns what an import must make of each outfall.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ledgerio import coords

COUNTIES = [  # code, name, centre (lat, lon)
    ("320613", "崇川区", 32.00, 120.89),
    ("320612", "通州区", 32.07, 121.07),
    ("320614", "海门区", 31.87, 121.18),
    ("320623", "如东县", 32.33, 121.18),
    ("320681", "启东市", 31.80, 121.66),
    ("320682", "如皋市", 32.37, 120.57),
    ("320685", "海安市", 32.53, 120.47),
]
TOWNS = ["金沙街道", "石港镇", "平潮镇", "刘桥镇", "二甲镇", "兴仁镇", "川姜镇", "三星镇"]
VILLAGES = ["新联村", "永安村", "红星村", "光明社区", "朝阳村", "东兴村", "民主村"]
LANDMARKS = ["闸口", "桥", "泵站", "码头", "涵洞", "厂区"]
BEARINGS = ["东北侧", "西南侧", "东侧", "北侧", "西侧", "南侧"]
LEGACY = [  # legacy label, legacy code, current (type, subtype), type word in names
    ("工业", "industrial", ("industrial", None), "工业排污口"),
    ("城镇生活污水", "urban_sewage", ("other", "urban_sewage_scattered"), "生活污水排口"),
    ("城镇雨洪", "urban_storm", ("other", "urban_storm"), "城镇雨洪排口"),
    ("农村生活污水", "rural_sewage", ("other", "rural_sewage_scattered"), "农村生活污水排口"),
    ("港口码头", "port", ("other", "port"), "港口码头排口"),
    ("沟渠、河港（涌）、排干", "ditch", ("other", "other"), "排干排口"),
]
WATERS = ["长江", "通吕运河", "如泰运河", "通扬运河", "九圩港", "黄海"]
PARTIES = [
    "南通华强化工有限公司",
    "通州区水务局",
    "如东县洋口港务有限公司",
    None,
    "海门区三星镇人民政府",
]


def dms(value: float, hemi: str) -> str:
    d = int(value)
    m_float = (value - d) * 60
    m = int(m_float)
    s = round((m_float - m) * 60, 2)
    if s >= 60:
        m, s = m + 1, 0.0
    return f"{d}°{m}′{s}″{hemi}"


@dataclass
class Expected:
    row: int
    national_code: str
    local_code: str
    name: str
    county_code: str
    lat: float
    lon: float
    type_code: str
    subtype_code: str | None
    legacy_type_code: str
    regime_date: str


def ledger_records(n: int, seed: int = 0) -> list[dict[str, Any]]:
    """``n`` plausible outfall records (the server's shape), positions inside their county."""
    from ledgerio.record import with_defaults

    rnd = random.Random(seed)
    out = []
    for i in range(n):
        code, county, lat0, lon0 = COUNTIES[i % len(COUNTIES)]
        _label, legacy, (type_code, subtype), word = LEGACY[i % len(LEGACY)]
        town, village = rnd.choice(TOWNS), rnd.choice(VILLAGES)
        name = f"{county}{town}{village}{rnd.choice(LANDMARKS)}{rnd.choice(BEARINGS)}{rnd.randint(1, 99) * 10}m{word}{i}"
        out.append(
            with_defaults(
                {
                    "id": f"00000000-0000-4000-8000-{i:012d}",
                    "name": name,
                    "national_code": f"{code}{i:07d}",
                    "local_code": f"NT{code[-2:]}-{i:06d}",
                    "type_code": type_code,
                    "subtype_code": subtype,
                    "legacy_type_code": legacy,
                    "receiving_kind": "yangtze" if i % 3 == 0 else "river",
                    "basin": "yangtze" if i % 2 else "huai",
                    "water_body": rnd.choice(WATERS),
                    "county_code": code,
                    "town": town,
                    "village": village,
                    "lat": round(lat0 + rnd.uniform(-0.06, 0.06), 6),
                    "lon": round(lon0 + rnd.uniform(-0.06, 0.06), 6),
                    "position_source": "imported",
                    "responsible_party": rnd.choice(PARTIES),
                    "regime": "registration" if i % 4 else "approval",
                    "regime_date": (dt.date(2019, 1, 1) + dt.timedelta(days=i % 1000)).isoformat(),
                    "remediation_route": ["ban", "merge", "standardise", None][i % 4],
                    "note": "" if i % 5 else "2021年排查新增",
                }
            )
        )
    return out


def bureau_workbook(path: Path, n: int = 60, seed: int = 7) -> list[Expected]:
    """Write the messy workbook of ``n`` outfalls to ``path``; returns what each row should give."""
    import xlsxwriter

    rnd = random.Random(seed)
    book = xlsxwriter.Workbook(str(path))
    notes = book.add_worksheet("填表说明")
    notes.write(0, 0, "填表说明：坐标请使用 WGS84 或注明坐标系；类型按南通市2019年分类填写。")
    ws = book.add_worksheet("2021年排污口台账")
    title = book.add_format({"bold": True, "font_size": 16, "align": "center"})
    head = book.add_format({"bold": True, "border": 1, "align": "center", "text_wrap": True})
    date_fmt = book.add_format({"num_format": "yyyy/m/d"})
    ws.merge_range(0, 0, 0, 15, "南通市入河（海）排污口排查整治台账（2021年）", title)
    ws.merge_range(1, 0, 1, 15, "填报单位：南通市生态环境局    填报日期：2021年6月", None)
    top = ["序号", "排污口编号", "国家编码", "排口名称", "排口类型", "县区", "镇街", "村居"]
    for c, h in enumerate(top):
        ws.merge_range(2, c, 3, c, h, head)
    ws.merge_range(2, 8, 2, 9, "坐标", head)
    ws.write(3, 8, "东经", head)
    ws.write(3, 9, "北纬", head)
    rest = ["坐标系", "受纳水体", "入江/入海/入河", "责任主体", "审批日期", "整治方式"]
    for i, h in enumerate(rest):
        ws.merge_range(2, 10 + i, 3, 10 + i, h, head)
    expected: list[Expected] = []
    row = 4
    per_county = max(1, n // len(COUNTIES))
    i = 0
    for ci, (code, county, lat0, lon0) in enumerate(COUNTIES):
        count = per_county if ci < len(COUNTIES) - 1 else n - i
        first = row
        for _ in range(count):
            if row > first and rnd.random() < 0.12:
                row += 1  # a blank row, as people leave them
            label, legacy, (type_code, subtype), word = LEGACY[i % len(LEGACY)]
            town, village = rnd.choice(TOWNS), rnd.choice(VILLAGES)
            name = f"{county}{town}{village}{rnd.choice(LANDMARKS)}{rnd.choice(BEARINGS)}{rnd.randint(1, 99) * 10}m{word}"
            name += f"{i + 1}号"
            lat = round(lat0 + rnd.uniform(-0.05, 0.05), 6)
            lon = round(lon0 + rnd.uniform(-0.05, 0.05), 6)
            local = f"NT{code[-2:]}{i + 1:04d}"
            national = f"{code}RH{i + 1:05d}"
            ws.write_formula(row, 0, f"=ROW()-{first - 1 + (row - first) - i}", None, i + 1)
            ws.write_string(row, 1, local)
            ws.write_string(row, 2, national)
            ws.write_string(row, 3, name)
            ws.write_string(row, 4, label)
            ws.write_string(row, 6, town)
            ws.write_string(row, 7, village)
            style = i % 4
            if style == 3:  # GCJ-02, as read off a consumer map
                glat, glon = coords.wgs84_to_gcj02(lat, lon)
                ws.write_number(row, 8, round(glon, 8))
                ws.write_number(row, 9, round(glat, 8))
                ws.write_string(row, 10, "GCJ-02")
            elif style == 1:
                lat_text, lon_text = dms(lat, "N"), dms(lon, "E")
                ws.write_string(row, 8, lon_text)
                ws.write_string(row, 9, lat_text)
                ws.write_string(row, 10, "WGS84")
                lon = coords.parse_degrees(lon_text)
                lat = coords.parse_degrees(lat_text)
            else:
                ws.write_number(row, 8, lon)
                ws.write_number(row, 9, lat)
                ws.write_string(row, 10, "WGS84")
            ws.write_string(row, 11, rnd.choice(WATERS))
            ws.write_string(row, 12, ["入江", "入河", "入海"][i % 3])
            party = PARTIES[i % len(PARTIES)]
            if party:
                ws.write_string(row, 13, party)
            day = dt.date(2019, 3, 1) + dt.timedelta(days=7 * i)
            if i % 3 == 0:  # a date typed into a cell without a date format: a bare number
                ws.write_number(row, 14, (day - dt.date(1899, 12, 30)).days)
            elif i % 3 == 1:
                ws.write_datetime(row, 14, dt.datetime(day.year, day.month, day.day), date_fmt)
            else:
                ws.write_string(row, 14, f"{day.year}年{day.month}月{day.day}日")
            ws.write_string(row, 15, ["取缔", "合并整治", "规范化整治"][i % 3])
            expected.append(
                Expected(
                    row + 1,
                    national,
                    local,
                    name,
                    code,
                    lat,
                    lon,
                    type_code,
                    subtype,
                    legacy,
                    day.isoformat(),
                )
            )
            row += 1
            i += 1
        if row - first > 1:
            ws.merge_range(first, 5, row - 1, 5, county)
        else:
            ws.write_string(first, 5, county)
    book.close()
    return expected
