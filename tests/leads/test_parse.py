"""Lead files: GeoJSON, KML, KMZ, CSV and zips with photos; every bad feature named and why."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geodesy import distance_m
from leads import parse
from leads.parse import LeadFileError
from ledgerio.coords import wgs84_to_gcj02
from ledgerio.vocab import Area

NANTONG = Area("南通市", 31.4, 32.95, 120.0, 122.3)
PHOTOS = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "photos"


def _geojson(features: list[dict[str, object]], **top: object) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": features, **top}).encode()


def _point(lon: object, lat: object, **props: object) -> dict[str, object]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": props,
    }


def test_geojson_points_become_leads_and_bad_geometry_is_named() -> None:
    data = _geojson(
        [
            _point(120.9, 32.0, name="疑似口A", note="河边暗管"),
            {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[120.9, 32.0], [120.91, 32.0]]}, "properties": {"name": "沟渠"}},
            _point(116.4, 39.9, name="北京"),
            _point("abc", 32.0),
            {"type": "Feature", "geometry": None, "properties": {"name": "空"}},
            _point(32.0, 120.9, name="反了"),
        ]
    )  # fmt: skip
    result = parse("survey.geojson", data, NANTONG)
    assert [(lead.index, lead.name, lead.note) for lead in result.leads] == [
        (1, "疑似口A", "河边暗管")
    ]
    codes = {p.index: p.code for p in result.problems}
    assert codes == {2: "not_a_point", 3: "outside_area", 4: "bad_coordinates", 5: "not_a_point", 6: "swapped"}  # fmt: skip
    line = next(p for p in result.problems if p.index == 2)
    assert "第 2 个要素“沟渠”" in line.zh and "LineString" in line.zh
    assert "feature 2 'ditch'" not in line.en and line.en.startswith("feature 2 '沟渠'")


def test_gcj02_is_converted_when_the_file_says_so() -> None:
    wgs = (32.0123, 120.8765)
    gcj = wgs84_to_gcj02(*wgs)
    for data in (
        _geojson([_point(gcj[1], gcj[0])], datum="GCJ-02"),
        _geojson([_point(gcj[1], gcj[0])], crs={"type": "name", "properties": {"name": "GCJ02"}}),
        _geojson([_point(gcj[1], gcj[0], 坐标系="高德")]),
    ):
        lead = parse("a.geojson", data, NANTONG).leads[0]
        assert distance_m(lead.lat, lead.lon, *wgs) < 0.01
        assert lead.source_datum == "gcj02"
    plain = parse("a.geojson", _geojson([_point(gcj[1], gcj[0])]), NANTONG).leads[0]
    assert (plain.lat, plain.lon) == (gcj[0], gcj[1])
    unknown = parse("a.geojson", _geojson([_point(120.9, 32.0, datum="BD-09")]), NANTONG)
    assert unknown.problems[0].code == "unknown_datum"


KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<ExtendedData><Data name="datum"><value>WGS84</value></Data></ExtendedData>
<Placemark><name>航拍1</name><description><![CDATA[排口冒泡 <img src="files/p1.jpg"/>]]></description>
<Point><coordinates>120.88,32.01,0</coordinates></Point></Placemark>
<Placemark><name>多边形</name><Polygon><outerBoundaryIs><LinearRing>
<coordinates>120.8,32.0 120.9,32.0 120.9,32.1 120.8,32.0</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
<Placemark><name>坏点</name><Point><coordinates>120.88</coordinates></Point></Placemark>
</Document></kml>"""


def test_kmz_with_images_and_kml_geometry_problems() -> None:
    photo = (PHOTOS / "DSCN0010.jpg").read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("doc.kml", KML)
        archive.writestr("files/p1.jpg", photo)
    result = parse("survey.kmz", buffer.getvalue(), NANTONG)
    [lead] = result.leads
    assert (lead.name, lead.lat, lead.lon, lead.note) == ("航拍1", 32.01, 120.88, "排口冒泡")
    assert lead.photos == ("files/p1.jpg",)
    assert result.photos == {"p1.jpg": photo}
    assert {p.index: p.code for p in result.problems} == {2: "not_a_point", 3: "bad_coordinates"}
    assert "Polygon" in result.problems[0].en


def test_kml_with_entities_is_refused_not_expanded() -> None:
    bomb = '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><kml><Document><Placemark><name>&b;</name></Placemark></Document></kml>'  # fmt: skip
    with pytest.raises(LeadFileError) as caught:
        parse("x.kml", bomb.encode(), NANTONG)
    assert caught.value.code == "unsafe_xml"
    with pytest.raises(LeadFileError) as caught:
        parse("x.kml", b"<kml><Document>", NANTONG)
    assert caught.value.code == "bad_kml"


def test_zip_folder_with_csv_and_photos_referenced_by_name() -> None:
    photo = (PHOTOS / "DSCN0012.jpg").read_bytes()
    csv_text = "名称,经度,纬度,照片,备注,坐标系\n口1,120.90,32.05,DSCN0012.JPG;gone.jpg,夜间排放,WGS84\n口2,121.0,,,,\n"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("survey/leads.csv", csv_text.encode("gb18030"))
        archive.writestr("survey/photos/dscn0012.jpg", photo)
    result = parse("survey.zip", buffer.getvalue(), NANTONG)
    [lead] = result.leads
    assert (lead.name, lead.note, lead.photos) == ("口1", "夜间排放", ("DSCN0012.JPG", "gone.jpg"))
    assert result.photos == {"dscn0012.jpg": photo}
    assert sorted((p.index, p.code) for p in result.problems) == [(1, "photo_missing"), (2, "bad_coordinates")]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("a.zip", (PHOTOS / "corrupted.jpg").read_bytes(), "bad_archive"),
        ("a.geojson", (PHOTOS / "corrupted.jpg").read_bytes()[:2000], "encoding"),
        ("a.geojson", b'{"type": "FeatureCollection", "features": [', "bad_json"),
        ("a.geojson", b"[]", "bad_json"),
        ("a.csv", b"name,x1,y1\na,1,2\n", "csv_columns"),
        ("a.shp", b"", "unsupported"),
    ],
)
def test_broken_files_are_refused_whole_with_a_reason(name: str, data: bytes, code: str) -> None:
    with pytest.raises(LeadFileError) as caught:
        parse(name, data, NANTONG)
    assert caught.value.code == code
    assert caught.value.zh and caught.value.en


def test_a_zip_with_two_lead_files_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.csv", "lon,lat\n120.9,32\n")
        archive.writestr("b.geojson", _geojson([]))
    with pytest.raises(LeadFileError) as caught:
        parse("x.zip", buffer.getvalue(), NANTONG)
    assert caught.value.code == "archive_lead_files"


@settings(max_examples=200, deadline=None)
@given(
    lat=st.floats(-90, 90, allow_nan=False),
    lon=st.floats(-180, 180, allow_nan=False),
    gcj=st.booleans(),
)
def test_any_coordinate_is_a_lead_inside_the_city_or_a_named_refusal(
    lat: float, lon: float, gcj: bool
) -> None:
    top = {"datum": "GCJ-02"} if gcj else {}
    result = parse("a.geojson", _geojson([_point(lon, lat, name="p")], **top), NANTONG)
    assert len(result.leads) + len(result.problems) == 1
    if result.leads:
        lead = result.leads[0]
        assert NANTONG.contains(lat, lon)
        # GCJ-02 shifts by a few hundred metres at most inside China
        assert distance_m(lead.lat, lead.lon, lat, lon) < (1000 if gcj else 1e-6)
    else:
        assert not NANTONG.contains(lat, lon)
        assert result.problems[0].en.startswith("feature 1 'p':")


@settings(max_examples=100, deadline=None)
@given(lat=st.floats(31.4, 32.95), lon=st.floats(120.0, 122.3))
def test_csv_and_kml_agree_with_geojson_on_positions(lat: float, lon: float) -> None:
    csv_lead = parse("a.csv", f"lon,lat\n{lon!r},{lat!r}\n".encode(), NANTONG).leads[0]
    kml = f'<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><Point><coordinates>{lon!r},{lat!r}</coordinates></Point></Placemark></kml>'  # fmt: skip
    kml_lead = parse("a.kml", kml.encode(), NANTONG).leads[0]
    assert (csv_lead.lat, csv_lead.lon) == (kml_lead.lat, kml_lead.lon) == (lat, lon)
