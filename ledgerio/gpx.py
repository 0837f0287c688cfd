"""GPX 1.1 of a patrol's track from the server's records (巡河轨迹): one ``trkseg`` per piece,
problems as waypoints. Pure: values in, XML text out (escaped by ``xml.etree``); WGS-84; UTC.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

GPX_NS = "http://www.topografix.com/GPX/1/1"


def track_pieces(parts: Sequence[dict[str, Any]]) -> list[list[tuple[str, float, float]]]:
    """The points of ``patrol_tracks`` rows (``points``: JSON ``[[time, lat, lon, error_m,
    piece], ...]``), ordered by part, split where the piece number changes."""
    pieces: dict[int, list[tuple[str, float, float]]] = {}
    for part in sorted(parts, key=lambda p: int(p.get("part") or 0)):
        raw = part.get("points")
        points = json.loads(raw) if isinstance(raw, str) else (raw or [])
        for p in points:
            t, lat, lon = str(p[0]), float(p[1]), float(p[2])
            piece = int(p[4]) if len(p) > 4 and p[4] is not None else 0
            pieces.setdefault(piece, []).append((t, lat, lon))
    return [pieces[k] for k in sorted(pieces)]


def gpx_text(
    name: str,
    pieces: Sequence[Sequence[tuple[str, float, float]]],
    waypoints: Sequence[tuple[str, float, float, str]] = (),
) -> str:
    """The GPX document; waypoints are (time, lat, lon, note)."""
    ET.register_namespace("", GPX_NS)
    root = ET.Element(f"{{{GPX_NS}}}gpx", version="1.1", creator="Hekou 河口")
    meta = ET.SubElement(root, f"{{{GPX_NS}}}metadata")
    ET.SubElement(meta, f"{{{GPX_NS}}}name").text = name
    for t, lat, lon, note in waypoints:
        wpt = ET.SubElement(root, f"{{{GPX_NS}}}wpt", lat=f"{lat:.7f}", lon=f"{lon:.7f}")
        ET.SubElement(wpt, f"{{{GPX_NS}}}time").text = t
        ET.SubElement(wpt, f"{{{GPX_NS}}}name").text = note[:60] or "问题"
        ET.SubElement(wpt, f"{{{GPX_NS}}}desc").text = note
    trk = ET.SubElement(root, f"{{{GPX_NS}}}trk")
    ET.SubElement(trk, f"{{{GPX_NS}}}name").text = name
    for piece in pieces:
        seg = ET.SubElement(trk, f"{{{GPX_NS}}}trkseg")
        for t, lat, lon in piece:
            pt = ET.SubElement(seg, f"{{{GPX_NS}}}trkpt", lat=f"{lat:.7f}", lon=f"{lon:.7f}")
            ET.SubElement(pt, f"{{{GPX_NS}}}time").text = t
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
