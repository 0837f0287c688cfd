"""Inspections with their photos, for handing over: a folder with a workbook, the photos under
their SHA-256 names, and ``SHA256SUMS`` over every file (``sha256sum -c SHA256SUMS`` checks it).

Photos are copied byte for byte (the originals as the server holds them, EXIF and all); a photo
not yet on the server is listed in the workbook as missing, never silently left out.
"""

from __future__ import annotations

import hashlib
import json
import operator
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ledgerio import export
from ledgerio.export import ExportColumn
from ledgerio.vocab import Vocab

HEADERS = (
    "检查编号",
    "排污口编码",
    "排污口名称",
    "检查人",
    "开始时间",
    "完成时间",
    "状态",
    "审核结果",
    "检查位置纬度",
    "检查位置经度",
    "照片数",
    "照片文件（SHA-256）",
    "缺少的照片",
    "检查内容",
)


@dataclass
class InspectionItem:
    inspection: dict[str, Any]
    outfall: dict[str, Any]
    review_state: str | None
    photos: list[tuple[str, bytes | None]] = field(default_factory=list)  # (sha256, bytes)


def _row(item: InspectionItem, missing: list[str]) -> list[Any]:
    i, o = item.inspection, item.outfall
    position = i.get("position") if isinstance(i.get("position"), dict) else {}
    states = {"approved": "通过", "returned": "退回", "escalated": "上报"}
    return [
        i.get("id"),
        o.get("national_code") or o.get("local_code") or o.get("provisional_code") or "",
        o.get("name") or "",
        i.get("author") or "",
        i.get("started_at") or "",
        i.get("completed_at") or "",
        {"complete": "已提交", "draft": "草稿"}.get(str(i.get("status")), str(i.get("status"))),
        states.get(str(item.review_state), "未审核"),
        position.get("lat") if position else None,
        position.get("lon") if position else None,
        len(item.photos),
        "\n".join(f"photos/{sha}.jpg" for sha, data in item.photos if data is not None),
        "\n".join(missing),
        json.dumps(i.get("sections") or {}, ensure_ascii=False, sort_keys=True),
    ]


def write(out_dir: Path, items: Iterable[InspectionItem], vocab: Vocab) -> dict[str, str]:
    """Write the bundle; returns the manifest (relative path -> SHA-256)."""
    photos_dir = out_dir / "photos"
    photos_dir.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, str] = {}
    rows = []
    for item in items:
        missing = []
        for sha, data in item.photos:
            if data is None:
                missing.append(sha)
                continue
            actual = hashlib.sha256(data).hexdigest()
            if actual != sha:
                raise ValueError(f"photo {sha} does not hash to its name ({actual})")
            rel = f"photos/{sha}.jpg"
            if rel not in manifest:
                (out_dir / rel).write_bytes(data)
                manifest[rel] = sha
        rows.append(_row(item, missing))
    cols = [
        ExportColumn(
            h,
            "number" if h in ("检查位置纬度", "检查位置经度", "照片数") else "text",
            18,
            operator.itemgetter(i),
        )
        for i, h in enumerate(HEADERS)
    ]
    book = out_dir / "inspections.xlsx"
    export.write_xlsx(book, rows, vocab, sheet="检查记录", cols=cols, head=list(HEADERS))  # type: ignore[arg-type]
    manifest["inspections.xlsx"] = hashlib.sha256(book.read_bytes()).hexdigest()
    lines = [f"{digest}  {rel}\n" for rel, digest in sorted(manifest.items())]
    (out_dir / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")
    return manifest
