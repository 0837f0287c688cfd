"""Ledger exports: XLSX (typed columns, frozen header, filters), CSV for Excel, GeoJSON, KML. Pure.

Every writer takes outfall records (``record.DEFAULTS`` shape) and writes the same columns with
the headers the import reads first (``ledger_columns.json``), so an exported file imports back
with no change. Codes are text, coordinates and accuracy numbers, dates dates; closed lists
are written as their Chinese labels. XLSX is written by xlsxwriter in constant-memory mode
(row by row, memory flat in the number of rows).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ledgerio.vocab import Vocab

Kind = Literal["text", "number", "date"]


@dataclass(frozen=True)
class ExportColumn:
    key: str  # the column key of ledger_columns.json
    kind: Kind
    width: int
    value: Callable[[dict[str, Any]], Any]


def _label(vocab: Vocab, field: str) -> Callable[[dict[str, Any]], Any]:
    labels = vocab.labels[field]
    return lambda r: labels.get(r.get(field) or "", r.get(field) or "")


def _get(field: str) -> Callable[[dict[str, Any]], Any]:
    return lambda r: r.get(field)


def columns(vocab: Vocab) -> list[ExportColumn]:
    """The exported columns, in order."""
    v = vocab
    return [
        ExportColumn("national_code", "text", 22, _get("national_code")),
        ExportColumn("local_code", "text", 20, _get("local_code")),
        ExportColumn("name", "text", 40, _get("name")),
        ExportColumn(
            "type", "text", 20, lambda r: v.type_labels.get(r.get("type_code") or "", "暂无法确定")
        ),
        ExportColumn(
            "subtype", "text", 26, lambda r: v.subtype_labels.get(r.get("subtype_code") or "", "")
        ),
        ExportColumn(
            "legacy_type",
            "text",
            16,
            lambda r: v.legacy_labels.get(r.get("legacy_type_code") or "", ""),
        ),
        ExportColumn("receiving_kind", "text", 10, _label(v, "receiving_kind")),
        ExportColumn("basin", "text", 10, _label(v, "basin")),
        ExportColumn("water_body", "text", 16, _get("water_body")),
        ExportColumn(
            "county",
            "text",
            12,
            lambda r: v.county_labels.get(r.get("county_code") or "", r.get("county_code") or ""),
        ),
        ExportColumn("town", "text", 12, _get("town")),
        ExportColumn("village", "text", 12, _get("village")),
        ExportColumn("lon", "number", 13, _get("lon")),
        ExportColumn("lat", "number", 12, _get("lat")),
        ExportColumn("datum", "text", 10, lambda r: r.get("position_datum") or "WGS84"),
        ExportColumn("position_accuracy_m", "number", 10, _get("position_accuracy_m")),
        ExportColumn("responsible_party", "text", 26, _get("responsible_party")),
        ExportColumn(
            "discharging_units", "text", 30, lambda r: "、".join(r.get("discharging_units") or [])
        ),
        ExportColumn("channel_kind", "text", 10, _label(v, "channel_kind")),
        ExportColumn("channel_note", "text", 16, _get("channel_note")),
        ExportColumn("regime", "text", 10, _label(v, "regime")),
        ExportColumn("regime_document_no", "text", 20, _get("regime_document_no")),
        ExportColumn("regime_date", "date", 12, _get("regime_date")),
        ExportColumn("sea_tier", "text", 10, _label(v, "sea_tier")),
        ExportColumn("remediation_route", "text", 10, _label(v, "remediation_route")),
        ExportColumn("lifecycle_state", "text", 12, _label(v, "lifecycle_state")),
        ExportColumn("sign_status", "text", 12, _label(v, "sign_status")),
        ExportColumn("sampling_status", "text", 12, _label(v, "sampling_status")),
        ExportColumn("note", "text", 30, _get("note")),
    ]


def sort_key(record: dict[str, Any]) -> tuple[str, str, str]:
    """The ledger's order: county, then code, then name."""
    code = record.get("national_code") or record.get("local_code") or ""
    return (str(record.get("county_code") or ""), str(code), str(record.get("name") or ""))


def headers(vocab: Vocab, cols: Sequence[ExportColumn]) -> list[str]:
    return [vocab.export_headers[c.key] for c in cols]


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def write_xlsx(
    path: Path,
    records: Iterable[dict[str, Any]],
    vocab: Vocab,
    *,
    sheet: str = "排污口台账",
    cols: Sequence[ExportColumn] | None = None,
    head: Sequence[str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write an XLSX workbook; returns the number of rows written."""
    import xlsxwriter

    cols = list(cols or columns(vocab))
    head = list(head or headers(vocab, cols))
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False})
    n = 0
    try:
        ws = book.add_worksheet(sheet)
        bold = book.add_format(
            {"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True}
        )
        date_fmt = book.add_format({"num_format": "yyyy-mm-dd"})
        num_fmt = book.add_format({"num_format": "0.000000"})
        for c, col in enumerate(cols):
            ws.set_column(c, c, col.width, num_fmt if col.key in ("lon", "lat") else None)
            ws.write_string(0, c, head[c], bold)
        ws.freeze_panes(1, 0)
        # printed: landscape A3, every column on the page width, the header on every page
        ws.set_landscape()
        ws.set_paper(8)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)
        writers = []
        for c, col in enumerate(cols):
            if col.kind == "number":
                writers.append((c, col.value, ws.write_number, None))
            elif col.kind == "date":
                writers.append((c, col.value, ws.write_datetime, date_fmt))
            else:
                writers.append((c, col.value, ws.write_string, None))
        row = 0
        for rec in records:
            row += 1
            for c, get, write, fmt in writers:
                value = get(rec)
                if value is None or value == "":
                    continue
                if fmt is not None:
                    day = _date(value)
                    if day is not None:
                        write(row, c, dt.datetime(day.year, day.month, day.day), fmt)
                    continue
                write(row, c, value)
            if progress is not None and row % 1000 == 0:
                progress(row)
        n = row
        ws.autofilter(0, 0, max(n, 1), len(cols) - 1)
    finally:
        book.close()
    return n


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def write_csv(
    path: Path,
    records: Iterable[dict[str, Any]],
    vocab: Vocab,
    *,
    cols: Sequence[ExportColumn] | None = None,
    head: Sequence[str] | None = None,
) -> int:
    """CSV that Excel opens correctly: UTF-8 with a BOM, CRLF line ends, every field quoted
    where needed. Codes starting with 0 stay text when re-imported here (Excel may still show
    them as numbers; the XLSX export keeps them text)."""
    cols = list(cols or columns(vocab))
    head = list(head or headers(vocab, cols))
    n = 0
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, dialect="excel")
        w.writerow(head)
        for rec in records:
            w.writerow([_csv_text(c.value(rec)) for c in cols])
            n += 1
    return n


def _properties(rec: dict[str, Any], vocab: Vocab, cols: Sequence[ExportColumn]) -> dict[str, Any]:
    props = {vocab.export_headers[c.key]: c.value(rec) for c in cols if c.key not in ("lon", "lat")}
    return {k: v for k, v in props.items() if v not in (None, "")}


def geojson_text(records: Iterable[dict[str, Any]], vocab: Vocab) -> str:
    """A GeoJSON FeatureCollection (RFC 7946: WGS-84 lon/lat); outfalls without a position are
    features with a null geometry."""
    cols = columns(vocab)
    features = []
    for rec in records:
        lon, lat = rec.get("lon"), rec.get("lat")
        geometry = (
            None if lon is None or lat is None else {"type": "Point", "coordinates": [lon, lat]}
        )
        props = _properties(rec, vocab, cols)
        props["id"] = rec.get("id")
        features.append({"type": "Feature", "id": rec.get("id"), "geometry": geometry, "properties": props})  # fmt: skip
    return json.dumps(
        {"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1
    )


KML_NS = "http://www.opengis.net/kml/2.2"
TYPE_COLOURS = {  # KML colours are aabbggrr
    "industrial": "ff3c14dc",
    "municipal_plant": "ffb48246",
    "agricultural": "ff32cd32",
    "other": "ff00a5ff",
    "undetermined": "ff808080",
}


def kml_text(
    records: Iterable[dict[str, Any]], vocab: Vocab, title: str = "南通市排污口台账"
) -> str:
    """KML 2.2 for desktop globe tools: a folder per county, a placemark per outfall with a
    position, coloured by type, its ledger fields as ExtendedData."""
    ET.register_namespace("", KML_NS)
    root = ET.Element(f"{{{KML_NS}}}kml")
    doc = ET.SubElement(root, f"{{{KML_NS}}}Document")
    ET.SubElement(doc, f"{{{KML_NS}}}name").text = title
    for code, colour in TYPE_COLOURS.items():
        style = ET.SubElement(doc, f"{{{KML_NS}}}Style", id=f"type-{code}")
        icon = ET.SubElement(style, f"{{{KML_NS}}}IconStyle")
        ET.SubElement(icon, f"{{{KML_NS}}}color").text = colour
        ET.SubElement(icon, f"{{{KML_NS}}}scale").text = "1.1"
        inner = ET.SubElement(icon, f"{{{KML_NS}}}Icon")
        ET.SubElement(
            inner, f"{{{KML_NS}}}href"
        ).text = "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png"
    cols = columns(vocab)
    folders: dict[str, ET.Element] = {}
    for rec in records:
        lon, lat = rec.get("lon"), rec.get("lat")
        if lon is None or lat is None:
            continue
        county = vocab.county_labels.get(rec.get("county_code") or "", "未知县区")
        folder = folders.get(county)
        if folder is None:
            folder = folders[county] = ET.SubElement(doc, f"{{{KML_NS}}}Folder")
            ET.SubElement(folder, f"{{{KML_NS}}}name").text = county
        pm = ET.SubElement(folder, f"{{{KML_NS}}}Placemark", id=f"outfall-{rec.get('id') or ''}")
        ET.SubElement(pm, f"{{{KML_NS}}}name").text = str(rec.get("name") or "")
        code = rec.get("national_code") or rec.get("local_code") or ""
        ET.SubElement(pm, f"{{{KML_NS}}}description").text = f"{code} {vocab.type_labels.get(rec.get('type_code') or '', '暂无法确定')}"  # fmt: skip
        ET.SubElement(pm, f"{{{KML_NS}}}styleUrl").text = f"#type-{rec.get('type_code') or 'undetermined'}"  # fmt: skip
        ext = ET.SubElement(pm, f"{{{KML_NS}}}ExtendedData")
        for k, v in _properties(rec, vocab, cols).items():
            data = ET.SubElement(ext, f"{{{KML_NS}}}Data", name=k)
            ET.SubElement(data, f"{{{KML_NS}}}value").text = str(v)
        point = ET.SubElement(pm, f"{{{KML_NS}}}Point")
        ET.SubElement(point, f"{{{KML_NS}}}coordinates").text = f"{lon!r},{lat!r},0"
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_by_suffix(path: Path, records: Sequence[dict[str, Any]], vocab: Vocab) -> int:
    """Write the format the file name asks for (.xlsx, .csv, .geojson/.json, .kml)."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return write_xlsx(path, records, vocab)
    if suffix == ".csv":
        return write_csv(path, records, vocab)
    if suffix in (".geojson", ".json"):
        path.write_text(geojson_text(records, vocab), encoding="utf-8")
        return len(records)
    if suffix == ".kml":
        path.write_text(kml_text(records, vocab), encoding="utf-8")
        return len(records)
    raise ValueError(f"unknown export format {suffix!r}: use .xlsx, .csv, .geojson or .kml")


def csv_bytes(records: Iterable[dict[str, Any]], vocab: Vocab) -> bytes:
    """The CSV export in memory (for tests and small lists)."""
    cols = columns(vocab)
    buf = io.StringIO()
    w = csv.writer(buf, dialect="excel")
    w.writerow(headers(vocab, cols))
    for rec in records:
        w.writerow([_csv_text(c.value(rec)) for c in cols])
    return buf.getvalue().encode("utf-8-sig")
