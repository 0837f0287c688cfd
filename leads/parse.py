"""A lead file (GeoJSON, KML, KMZ, CSV, or a zip holding one of them and its photos) to leads.

Every feature is checked on its own: one with no point, a broken coordinate or a position outside
the city becomes a ``LeadProblem`` naming the feature (its 1-based number and its name) in Chinese
and English, and the others still import. GCJ-02 (Amap, Tencent) is converted to WGS-84 when the
file or the feature says so (``datum`` / ``坐标系`` / a GeoJSON ``crs`` name containing GCJ);
DOMAIN.md: never keep GCJ-02 as the master. KML is read with defusedxml (no entities, no DTD).
"""

from __future__ import annotations

import csv
import io
import json
import math
import posixpath
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

from ledgerio.coords import CoordinateError, gcj02_to_wgs84, parse_degrees
from ledgerio.vocab import Area

MAX_FILE_BYTES = 200 * 1024 * 1024  # a survey's zip with its photos
MAX_LEAD_FILE_BYTES = 20 * 1024 * 1024  # the GeoJSON/KML/CSV itself
MAX_FEATURES = 20_000
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic")
_LEAD_SUFFIXES = (".geojson", ".json", ".kml", ".csv")
_KML = "{http://www.opengis.net/kml/2.2}"
_IMG_SRC = re.compile(r"""<img[^>]*\bsrc\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_SEPARATORS = re.compile(r"[;,；，|\n]")


class LeadFileError(ValueError):
    """The file as a whole cannot be read; ``zh`` and ``en`` say why."""

    def __init__(self, code: str, zh: str, en: str) -> None:
        super().__init__(en)
        self.code = code
        self.zh = zh
        self.en = en


@dataclass(frozen=True)
class Lead:
    """One suspected outfall: where (WGS-84), what the survey says, which photos show it."""

    index: int  # 1-based number of the feature in the file
    name: str
    lat: float
    lon: float
    note: str
    photos: tuple[str, ...]  # the names as the file references them
    source_datum: str  # "wgs84" or "gcj02": what the file said


@dataclass(frozen=True)
class LeadProblem:
    """A feature that was not imported, or a photo it names that is missing."""

    index: int
    name: str
    code: str
    zh: str
    en: str


@dataclass
class LeadFile:
    """What a file held: the leads, the refused features, and the photos found (name to bytes)."""

    leads: list[Lead] = field(default_factory=list)
    problems: list[LeadProblem] = field(default_factory=list)
    photos: dict[str, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class _Feature:
    index: int
    name: str
    point: Any  # (lon, lat) texts or numbers, or None when the geometry is not a point
    geometry_kind: str
    note: str
    photos: tuple[str, ...]
    datum: str | None


def parse(filename: str, data: bytes, area: Area) -> LeadFile:
    """Leads of a lead file's bytes; ``filename`` says its format by its suffix."""
    if len(data) > MAX_FILE_BYTES:
        raise LeadFileError("too_large", "文件过大。", "The file is too large.")
    suffix = posixpath.splitext(filename.lower())[1]
    photos: dict[str, bytes] = {}
    if suffix in (".zip", ".kmz"):
        filename, data, photos = _unpack(data, kmz=suffix == ".kmz")
        suffix = posixpath.splitext(filename.lower())[1]
    if len(data) > MAX_LEAD_FILE_BYTES:
        raise LeadFileError("too_large", "线索文件过大。", "The lead file is too large.")
    if suffix in (".geojson", ".json"):
        features, file_datum = _geojson(data)
    elif suffix == ".kml":
        features, file_datum = _kml(data)
    elif suffix == ".csv":
        features, file_datum = _csv(data), None
    else:
        raise LeadFileError(
            "unsupported",
            "不支持的文件类型（应为 GeoJSON、KML、KMZ、CSV 或含其一的 zip）。",
            "Unsupported file type (GeoJSON, KML, KMZ, CSV, or a zip holding one).",
        )
    result = LeadFile(photos=photos)
    for feature in features:
        if feature.index > MAX_FEATURES:
            raise LeadFileError(
                "too_many", f"要素超过 {MAX_FEATURES} 个。", f"More than {MAX_FEATURES} features."
            )
        outcome = _lead(feature, file_datum, area)
        if isinstance(outcome, LeadProblem):
            result.problems.append(outcome)
            continue
        result.leads.append(outcome)
        for name in outcome.photos:
            if photos.get(_photo_key(name)) is None:
                result.problems.append(
                    _problem(
                        feature,
                        "photo_missing",
                        f"照片“{name}”不在压缩包中，线索已导入但无此照片",
                        f"photo '{name}' is not in the archive; the lead is imported without it",
                    )
                )
    return result


def photo_key(name: str) -> str:
    """How a photo reference is matched to an archive member: its base name, lower case."""
    return _photo_key(name)


def _photo_key(name: str) -> str:
    return posixpath.basename(name.replace("\\", "/")).strip().lower()


def _unpack(data: bytes, kmz: bool) -> tuple[str, bytes, dict[str, bytes]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, OSError) as exc:
        raise LeadFileError(
            "bad_archive", "压缩包损坏，无法读取。", "The archive is damaged."
        ) from exc
    if sum(m.file_size for m in members) > MAX_FILE_BYTES:  # a zip bomb says so up front
        raise LeadFileError("too_large", "压缩包解压后过大。", "The archive unpacks too large.")
    lead_files = [m for m in members if m.filename.lower().endswith(_LEAD_SUFFIXES)]
    lead_files = [m for m in lead_files if not posixpath.basename(m.filename).startswith(".")]
    if kmz:
        lead_files = [m for m in lead_files if m.filename.lower().endswith(".kml")]
    if len(lead_files) != 1:
        raise LeadFileError(
            "archive_lead_files",
            f"压缩包应恰好含一个线索文件（GeoJSON、KML 或 CSV），实有 {len(lead_files)} 个。",
            f"The archive should hold exactly one lead file (GeoJSON, KML or CSV); it holds {len(lead_files)}.",
        )  # fmt: skip
    photos: dict[str, bytes] = {}
    try:
        chosen = archive.read(lead_files[0])
        for m in members:
            if m.filename.lower().endswith(PHOTO_SUFFIXES):
                photos[_photo_key(m.filename)] = archive.read(m)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise LeadFileError(
            "bad_archive", "压缩包损坏，无法读取。", "The archive is damaged."
        ) from exc
    return lead_files[0].filename, chosen, photos


def _text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LeadFileError("encoding", "文件编码无法识别（应为 UTF-8 或 GBK）。", "Unknown text encoding (UTF-8 or GBK expected).")  # fmt: skip


def _datum_of(value: object) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    text = str(value).upper().replace("-", "").replace("_", "").replace(" ", "")
    if "GCJ" in text or "火星" in text or text in ("AMAP", "高德", "TENCENT", "腾讯"):
        return "gcj02"
    if "WGS" in text or "4326" in text or "CGCS" in text or "4490" in text or "CRS84" in text:
        return "wgs84"
    return "unknown:" + str(value)


def _photo_list(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else _SEPARATORS.split(str(value))
    return tuple(str(p).strip() for p in items if str(p).strip())


def _geojson(data: bytes) -> tuple[list[_Feature], str | None]:
    try:
        doc = json.loads(_text(data))
    except json.JSONDecodeError as exc:
        raise LeadFileError("bad_json", f"不是有效的 GeoJSON：第 {exc.lineno} 行 {exc.msg}", f"Not valid GeoJSON: line {exc.lineno}: {exc.msg}") from exc  # fmt: skip
    if not isinstance(doc, dict) or doc.get("type") not in ("FeatureCollection", "Feature"):
        raise LeadFileError("bad_json", "不是 GeoJSON 要素集合（FeatureCollection）。", "Not a GeoJSON FeatureCollection.")  # fmt: skip
    crs = doc.get("crs")
    crs_name = crs.get("properties", {}).get("name") if isinstance(crs, dict) else None
    file_datum = _datum_of(doc.get("datum") or crs_name)
    raw = doc.get("features") if doc["type"] == "FeatureCollection" else [doc]
    if not isinstance(raw, list):
        raise LeadFileError("bad_json", "GeoJSON 的 features 不是列表。", "GeoJSON 'features' is not a list.")  # fmt: skip
    features = []
    for index, item in enumerate(raw, start=1):
        item = item if isinstance(item, dict) else {}
        props: dict[str, Any] = _dict(item.get("properties"))
        geometry: dict[str, Any] = _dict(item.get("geometry"))
        kind = str(geometry.get("type") or "")
        coords = geometry.get("coordinates")
        point = coords if kind == "Point" else None
        if kind == "MultiPoint" and isinstance(coords, list) and len(coords) == 1:
            point = coords[0]
        features.append(
            _Feature(
                index=index,
                name=str(props.get("name") or props.get("名称") or ""),
                point=point,
                geometry_kind=kind or "none",
                note=str(props.get("note") or props.get("description") or props.get("备注") or ""),
                photos=_photo_list(props.get("photos") or props.get("photo") or props.get("照片")),
                datum=_datum_of(props.get("datum") or props.get("坐标系")),
            )
        )
    return features, file_datum


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _kml(data: bytes) -> tuple[list[_Feature], str | None]:
    try:
        root = safe_xml.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise LeadFileError("unsafe_xml", "KML 含 DTD 或实体声明，已拒绝。", "The KML declares a DTD or entities; refused.") from exc  # fmt: skip
    except safe_xml.ParseError as exc:
        raise LeadFileError("bad_kml", f"不是有效的 KML：{exc}", f"Not valid KML: {exc}") from exc
    ns = _KML if root.tag.startswith(_KML) else ""
    file_datum = None
    document = root.find(f"{ns}Document")
    if document is not None:
        file_datum = _datum_of(_extended(document, ns, ("datum", "坐标系")))
    features = []
    for index, mark in enumerate(root.iter(f"{ns}Placemark"), start=1):
        description = mark.findtext(f"{ns}description") or ""
        point = mark.find(f".//{ns}Point")
        kinds = [c.tag.removeprefix(ns) for c in mark if c.tag.removeprefix(ns) in _KML_GEOMETRIES]
        coords = point.findtext(f"{ns}coordinates") if point is not None else None
        photos = list(_photo_list(_extended(mark, ns, ("photos", "photo", "照片"))))
        photos += [src for src in _IMG_SRC.findall(description) if src not in photos]
        features.append(
            _Feature(
                index=index,
                name=(mark.findtext(f"{ns}name") or "").strip(),
                point=_kml_point(coords) if coords is not None else None,
                geometry_kind="Point" if point is not None else (kinds[0] if kinds else "none"),
                note=_IMG_TAG.sub("", description).strip(),
                photos=tuple(photos),
                datum=_datum_of(_extended(mark, ns, ("datum", "坐标系"))),
            )
        )
    return features, file_datum


_KML_GEOMETRIES = {"Point", "LineString", "Polygon", "MultiGeometry", "LinearRing"}
_IMG_TAG = re.compile(r"<img[^>]*>", re.IGNORECASE)


def _kml_point(text: str) -> object:
    parts = text.strip().split(",")
    return parts[:2] if len(parts) in (2, 3) and all(p.strip() for p in parts) else text


def _extended(node: Element, ns: str, names: Iterable[str]) -> str | None:
    extended = node.find(f"{ns}ExtendedData")
    if extended is None:
        return None
    wanted = {n.lower() for n in names}
    for data in extended.iter(f"{ns}Data"):
        if (data.get("name") or "").lower() in wanted:
            return data.findtext(f"{ns}value")
    return None


_CSV_COLUMNS = {
    "lon": ("lon", "lng", "longitude", "x", "经度"),
    "lat": ("lat", "latitude", "y", "纬度"),
    "name": ("name", "名称"),
    "note": ("note", "description", "备注", "说明"),
    "photos": ("photos", "photo", "照片"),
    "datum": ("datum", "坐标系"),
}


def _csv(data: bytes) -> list[_Feature]:
    rows = list(csv.reader(io.StringIO(_text(data))))
    if not rows:
        raise LeadFileError("empty", "文件为空。", "The file is empty.")
    header = [h.strip().lower() for h in rows[0]]
    where = {
        key: next((header.index(s) for s in spellings if s in header), None)
        for key, spellings in _CSV_COLUMNS.items()
    }
    if where["lon"] is None or where["lat"] is None:
        raise LeadFileError("csv_columns", "CSV 缺少经度或纬度列（lon/lat 或 经度/纬度）。", "The CSV lacks a longitude or latitude column (lon/lat or 经度/纬度).")  # fmt: skip
    features = []
    for index, row in enumerate(rows[1:], start=1):
        if not any(cell.strip() for cell in row):
            continue

        def cell(key: str, row: list[str] = row) -> str:
            col = where[key]
            return row[col].strip() if col is not None and col < len(row) else ""

        features.append(
            _Feature(
                index=index,
                name=cell("name"),
                point=(cell("lon"), cell("lat")),
                geometry_kind="Point",
                note=cell("note"),
                photos=_photo_list(cell("photos")),
                datum=_datum_of(cell("datum")),
            )
        )
    return features


def _problem(feature: _Feature, code: str, zh: str, en: str) -> LeadProblem:
    label_zh = f"第 {feature.index} 个要素" + (f"“{feature.name}”" if feature.name else "")
    label_en = f"feature {feature.index}" + (f" '{feature.name}'" if feature.name else "")
    return LeadProblem(feature.index, feature.name, code, f"{label_zh}：{zh}", f"{label_en}: {en}")


def _lead(feature: _Feature, file_datum: str | None, area: Area) -> Lead | LeadProblem:
    if feature.point is None:
        return _problem(feature, "not_a_point", f"几何类型为 {feature.geometry_kind}，线索应为点", f"its geometry is {feature.geometry_kind}; a lead must be a point")  # fmt: skip
    datum = feature.datum or file_datum or "wgs84"
    if datum.startswith("unknown:"):
        value = datum.removeprefix("unknown:")
        return _problem(feature, "unknown_datum", f"坐标系“{value}”无法识别（应为 WGS-84、CGCS2000 或 GCJ-02）", f"unknown datum '{value}' (WGS-84, CGCS2000 or GCJ-02)")  # fmt: skip
    point = feature.point
    if not isinstance(point, list | tuple) or len(point) < 2:
        return _problem(feature, "bad_coordinates", f"坐标“{point}”应为经度和纬度两个数", f"coordinates '{point}' should be longitude and latitude")  # fmt: skip
    try:
        lon, lat = parse_degrees(point[0]), parse_degrees(point[1])
    except CoordinateError as exc:
        return _problem(feature, "bad_coordinates", exc.zh, exc.en)
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return _problem(feature, "bad_coordinates", "坐标不是有限数", "coordinates are not finite")
    if not area.contains(lat, lon):
        if area.contains(lon, lat):
            return _problem(feature, "swapped", f"经度 {lon} 与纬度 {lat} 似乎填反了", f"longitude {lon} and latitude {lat} look swapped")  # fmt: skip
        return _problem(feature, "outside_area", f"坐标（经度 {lon}，纬度 {lat}）不在{area.name}范围内", f"the position ({lon}, {lat}) lies outside {area.name}")  # fmt: skip
    if datum == "gcj02":
        lat, lon = gcj02_to_wgs84(lat, lon)
        lat, lon = round(lat, 8), round(lon, 8)
    return Lead(
        index=feature.index,
        name=feature.name[:200],
        lat=lat,
        lon=lon,
        note=feature.note[:4000],
        photos=feature.photos,
        source_datum=datum,
    )


def iter_photo_names(lead_file: LeadFile) -> Iterator[tuple[Lead, str, bytes]]:
    """Each lead's photos that the file holds: (lead, referenced name, bytes)."""
    for lead in lead_file.leads:
        for name in lead.photos:
            data = lead_file.photos.get(_photo_key(name))
            if data is not None:
                yield lead, name, data
