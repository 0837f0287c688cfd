"""GPX 1.1 export of a patrol: its track (one ``trkseg`` per piece) and its problems as waypoints.

Pure: values in, XML text out (``xml.etree``, so every name and note is escaped). Coordinates are
the stored WGS-84 fixes, as GPX requires; times are UTC.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from fieldapp.domain.patrol import TrackPoint, format_time

GPX_NS = "http://www.topografix.com/GPX/1/1"
SCHEMA_LOCATION = "http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd"


@dataclass(frozen=True)
class Waypoint:
    lat: float
    lon: float
    t: datetime
    name: str
    description: str = ""


def to_gpx(
    name: str,
    description: str,
    pieces: Sequence[Sequence[TrackPoint]],
    waypoints: Sequence[Waypoint] = (),
    creator: str = "Hekou 河口",
) -> str:
    """The GPX 1.1 document (UTF-8 text with its XML declaration)."""
    ET.register_namespace("", GPX_NS)
    ET.register_namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")

    def el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        child = ET.SubElement(parent, f"{{{GPX_NS}}}{tag}", attrs)
        if text is not None:
            child.text = text
        return child

    root = ET.Element(
        f"{{{GPX_NS}}}gpx",
        {
            "version": "1.1",
            "creator": creator,
            "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation": SCHEMA_LOCATION,
        },
    )
    metadata = el(root, "metadata")
    el(metadata, "name", name)
    if description:
        el(metadata, "desc", description)
    first = next((p for piece in pieces for p in piece), None)
    if first is not None:
        el(metadata, "time", format_time(first.t))
    # GPX 1.1 puts waypoints before tracks.
    for w in waypoints:
        wpt = el(root, "wpt", lat=f"{w.lat:.8f}", lon=f"{w.lon:.8f}")
        el(wpt, "time", format_time(w.t))
        el(wpt, "name", w.name)
        if w.description:
            el(wpt, "desc", w.description)
    trk = el(root, "trk")
    el(trk, "name", name)
    for piece in pieces:
        seg = el(trk, "trkseg")
        for p in piece:
            pt = el(seg, "trkpt", lat=f"{p.lat:.8f}", lon=f"{p.lon:.8f}")
            el(pt, "time", format_time(p.t))
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="unicode", xml_declaration=False).join(
        ['<?xml version="1.0" encoding="UTF-8"?>\n', "\n"]
    )
