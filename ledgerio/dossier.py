"""Evidence dossiers (证据卷宗) as PDF, per inspection and per outfall, in Chinese.

An inspection's dossier: the outfall it is about, the record (when, who, where, with the
position's source and accuracy, every checklist answer), each photo (scaled, upright) with a
caption band (its position, time, distance from the outfall and SHA-256), a map snippet (outfall,
inspection position and photo positions to scale, with north and a scale bar), the reviewers'
decisions, and the audit entries of the record with their chain hashes. Every page's footer names
the record, its server version and the last audit hash, so a printed page can be checked against
the server (``fieldapp-server audit verify`` and the record's version). An outfall's dossier: its
ledger entry, lifecycle events, audit entries, then each inspection as above.

Chinese is drawn with the bundled TrueType subset of Noto Sans SC (``resources/fonts``), embedded.
Pure apart from writing the file: the caller gathers the evidence (``Evidence``).
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geodesy
from ledgerio.vocab import RESOURCES, Vocab

FONT = RESOURCES.parent / "fonts" / "HekouSans-Regular.ttf"
PHOTO_MAX_PX = 1400
ANSWERS = {"yes": "是", "no": "否", "na": "不适用", "unknown": "不确定"}


@dataclass(frozen=True)
class PhotoEvidence:
    sha256: str
    data: bytes | None  # None: the photo has not reached the server
    taken_at: str | None = None
    lat: float | None = None
    lon: float | None = None
    caption: str = ""
    distance_m: float | None = None


@dataclass(frozen=True)
class AuditRef:
    seq: int
    at: str
    username: str | None
    action: str
    hash: str


@dataclass
class Evidence:
    """One inspection with what proves it."""

    inspection: dict[str, Any]
    version: int
    photos: list[PhotoEvidence] = field(default_factory=list)
    reviews: list[dict[str, Any]] = field(default_factory=list)
    audit: list[AuditRef] = field(default_factory=list)


class _Doc:
    def __init__(self, font: Path, footer_line: str) -> None:
        from fpdf import FPDF

        class Pdf(FPDF):
            footer_text = footer_line

            def footer(self) -> None:
                self.set_y(-12)
                self.set_font("hekou", size=7)
                self.set_text_color(90)
                self.cell(0, 4, f"{self.footer_text}    第 {self.page_no()} 页 / 共 {{nb}} 页", align="C")  # fmt: skip

        self.pdf = Pdf(format="A4")
        self.pdf.add_font("hekou", fname=str(font))
        self.pdf.set_auto_page_break(True, margin=16)
        self.pdf.set_margins(15, 15, 15)
        self.pdf.alias_nb_pages()
        self.pdf.add_page()

    def title(self, text: str) -> None:
        self.pdf.set_font("hekou", size=17)
        self.pdf.set_text_color(0)
        self.pdf.multi_cell(0, 9, text, new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(1)

    def heading(self, text: str) -> None:
        if self.pdf.get_y() > 255:
            self.pdf.add_page()
        self.pdf.ln(2)
        self.pdf.set_font("hekou", size=12.5)
        self.pdf.set_fill_color(221, 235, 247)
        self.pdf.cell(0, 7.5, " " + text, fill=True, new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(1)

    def table(self, rows: Sequence[tuple[str, str]]) -> None:
        self.pdf.set_font("hekou", size=9.5)
        width = self.pdf.epw
        with self.pdf.table(
            col_widths=(30, 70),
            width=width,
            line_height=5.2,
            first_row_as_headings=False,
            borders_layout="HORIZONTAL_LINES",
        ) as table:
            for key, value in rows:
                row = table.row()
                row.cell(key)
                row.cell(value or "—")

    def text(self, text: str, size: float = 9.5) -> None:
        self.pdf.set_font("hekou", size=size)
        self.pdf.multi_cell(0, 5, text, align="L", new_x="LMARGIN", new_y="NEXT")


def _fmt_pos(lat: Any, lon: Any) -> str:
    if lat is None or lon is None:
        return "无"
    return f"北纬 {float(lat):.6f}°，东经 {float(lon):.6f}°"


def _outfall_rows(o: dict[str, Any], vocab: Vocab) -> list[tuple[str, str]]:
    lab = vocab.labels
    return [
        ("排污口名称", str(o.get("name") or "")),
        ("国家编码 / 地方编码", f"{o.get('national_code') or '—'} / {o.get('local_code') or '—'}"),
        (
            "类型",
            " · ".join(
                x
                for x in (
                    vocab.type_labels.get(o.get("type_code") or "", "暂无法确定"),
                    vocab.subtype_labels.get(o.get("subtype_code") or "", ""),
                )
                if x
            ),
        ),
        (
            "位置",
            f"{vocab.county_labels.get(o.get('county_code') or '', '')}{o.get('town') or ''}{o.get('village') or ''}",
        ),
        (
            "坐标（台账）",
            f"{_fmt_pos(o.get('lat'), o.get('lon'))}（{o.get('position_datum') or 'WGS84'}）",
        ),
        ("受纳水体", _water(o, lab["receiving_kind"])),
        ("责任主体", str(o.get("responsible_party") or "尚未查明")),
        (
            "整治方式 / 状态",
            " / ".join(
                x
                for x in (
                    lab["remediation_route"].get(o.get("remediation_route") or "", "未确定"),
                    lab["lifecycle_state"].get(o.get("lifecycle_state") or "", ""),
                )
                if x
            ),
        ),
    ]


def _water(o: dict[str, Any], kinds: dict[str, str]) -> str:
    """The receiving water and its kind, e.g. 通吕运河（河流）; what is unknown is left out."""
    name, kind = str(o.get("water_body") or ""), kinds.get(o.get("receiving_kind") or "", "")
    if name and kind:
        return f"{name}（{kind}）"
    return name or kind or "未记录"


def _answers(sections: Any) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if not isinstance(sections, dict):
        return out
    for name, items in sections.items():
        if isinstance(items, dict):
            for key, value in items.items():
                out.append((f"{name} · {key}", ANSWERS.get(str(value), str(value))))
        else:
            out.append((str(name), str(items)))
    return out


def _photo_image(data: bytes) -> Any:
    from PIL import Image, ImageOps

    with warnings.catch_warnings():
        # A picture past Pillow's pixel limit is refused, not decoded (a decompression bomb).
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image: Any = Image.open(io.BytesIO(data))
        image.load()
    image = ImageOps.exif_transpose(image).convert("RGB")
    image.thumbnail((PHOTO_MAX_PX, PHOTO_MAX_PX))
    return image


def _photo(doc: _Doc, i: int, p: PhotoEvidence) -> None:
    pdf = doc.pdf
    if pdf.get_y() > 170:
        pdf.add_page()
    if p.data is None:
        doc.text(f"照片 {i}：尚未上传到服务器（SHA-256 {p.sha256}）")
        return
    from PIL import Image

    try:
        image = _photo_image(p.data)
    except (
        OSError,
        ValueError,
        SyntaxError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as exc:
        # The bytes on the server are what the device sent, whatever they are: say so, with the
        # hash that identifies them, instead of failing the whole dossier.
        doc.text(f"照片 {i}：文件无法作为图片显示（{type(exc).__name__}）；SHA-256 {p.sha256}")
        return
    w = pdf.epw
    h = w * image.height / image.width
    if h > 120:
        h = 120.0
        w = h * image.width / image.height
    x = pdf.l_margin + (pdf.epw - w) / 2
    y = pdf.get_y()
    pdf.image(image, x=x, y=y, w=w, h=h)
    # the caption band over the photo's foot, as the app's watermark reads
    band = 11.0
    with pdf.local_context(fill_opacity=0.6):
        pdf.set_fill_color(0, 0, 0)
        pdf.rect(x, y + h - band, w, band, style="F")
    pdf.set_text_color(255)
    pdf.set_font("hekou", size=7.5)
    pdf.set_xy(x + 1.5, y + h - band + 1)
    distance = "" if p.distance_m is None else f"，距排污口 {p.distance_m:.0f} 米"
    pdf.multi_cell(w - 3, 4.2, f"{p.taken_at or '拍摄时间未知'}  {_fmt_pos(p.lat, p.lon)}{distance}\nSHA-256 {p.sha256}")  # fmt: skip
    pdf.set_text_color(0)
    pdf.set_xy(pdf.l_margin, y + h + 1.5)
    doc.text(f"照片 {i}：{p.caption or '（无说明）'}", size=9)


def _map(doc: _Doc, outfall: dict[str, Any], inspection: dict[str, Any], photos: Sequence[PhotoEvidence]) -> None:  # fmt: skip
    """A to-scale sketch around the outfall: the inspection position and the photos' positions."""
    olat, olon = outfall.get("lat"), outfall.get("lon")
    position = inspection.get("position") if isinstance(inspection.get("position"), dict) else {}
    points: list[tuple[str, float, float, tuple[int, int, int]]] = []
    if olat is not None and olon is not None:
        points.append(("排污口", float(olat), float(olon), (200, 30, 30)))
    if position and position.get("lat") is not None and position.get("lon") is not None:
        points.append(("检查位置", float(position["lat"]), float(position["lon"]), (30, 90, 200)))
    for i, p in enumerate(photos, start=1):
        if p.lat is not None and p.lon is not None:
            points.append((f"照片{i}", p.lat, p.lon, (20, 140, 60)))
    if not points:
        doc.text("（无坐标，不能绘制位置示意图）")
        return
    lat0, lon0 = points[0][1], points[0][2]
    kx, ky = geodesy.metres_per_degree(lat0)
    xy = [(name, (lon - lon0) * kx, (lat - lat0) * ky, colour) for name, lat, lon, colour in points]
    reach = max(20.0, *(max(abs(x), abs(y)) for _, x, y, _ in xy)) * 1.25
    pdf = doc.pdf
    if pdf.get_y() > 190:
        pdf.add_page()
    size = 70.0
    left, top = pdf.l_margin, pdf.get_y()
    cx, cy = left + size / 2, top + size / 2
    pdf.set_draw_color(160)
    pdf.rect(left, top, size, size)
    scale = (size / 2) / reach
    pdf.set_font("hekou", size=7.5)
    for name, x, y, colour in xy:
        px, py = cx + x * scale, cy - y * scale
        pdf.set_fill_color(*colour)
        pdf.ellipse(px - 1.3, py - 1.3, 2.6, 2.6, style="F")
        pdf.set_xy(px + 1.6, py - 2)
        pdf.cell(20, 4, name)
    # north arrow and scale bar
    pdf.set_draw_color(0)
    pdf.line(left + size - 6, top + 12, left + size - 6, top + 4)
    pdf.set_xy(left + size - 8, top + 12)
    pdf.cell(4, 4, "北")
    bar_m = 10 ** math.floor(math.log10(reach))
    pdf.line(left + 4, top + size - 4, left + 4 + bar_m * scale, top + size - 4)
    pdf.set_xy(left + 4, top + size - 9)
    pdf.cell(20, 4, f"{bar_m:.0f} 米")
    pdf.set_xy(left + size + 4, top)
    lines = []
    for name, lat, lon, _ in points:
        d = geodesy.distance_m(lat0, lon0, lat, lon)
        lines.append(f"{name}：{_fmt_pos(lat, lon)}" + ("" if name == points[0][0] else f"，相距 {d:.0f} 米"))  # fmt: skip
    if position:
        lines.append(f"检查位置来源：{position.get('source') or '未知'}，精度 {position.get('accuracy_m') or '未知'} 米")  # fmt: skip
    pdf.set_font("hekou", size=8.5)
    pdf.multi_cell(pdf.epw - size - 4, 4.6, "\n".join(lines))
    pdf.set_xy(pdf.l_margin, top + size + 3)


def _inspection(doc: _Doc, outfall: dict[str, Any], ev: Evidence, vocab: Vocab) -> None:
    insp = ev.inspection
    doc.heading(f"检查记录 {insp.get('id')}（服务器版本 {ev.version}）")
    position = insp.get("position") if isinstance(insp.get("position"), dict) else {}
    doc.table(
        [
            ("检查人", str(insp.get("author") or "")),
            (
                "开始 / 完成时间",
                f"{insp.get('started_at') or '—'} / {insp.get('completed_at') or '—'}",
            ),
            (
                "状态",
                {"complete": "已提交", "draft": "草稿"}.get(
                    str(insp.get("status")), str(insp.get("status"))
                ),
            ),
            ("检查位置", _fmt_pos(position.get("lat"), position.get("lon")) if position else "无"),
            *_answers(insp.get("sections")),
        ]
    )
    doc.heading("位置示意图")
    _map(doc, outfall, insp, ev.photos)
    if ev.photos:
        if doc.pdf.get_y() > 150:  # keep the heading with its first photo
            doc.pdf.add_page()
        doc.heading(f"照片（{len(ev.photos)} 张，均附 SHA-256 哈希）")
        for i, p in enumerate(ev.photos, start=1):
            _photo(doc, i, p)
    doc.heading("审核意见")
    if not ev.reviews:
        doc.text("尚无审核意见。")
    states = {"approved": "通过", "returned": "退回", "escalated": "上报"}
    for r in ev.reviews:
        doc.text(f"{r.get('at')}  {r.get('reviewer')}：{states.get(str(r.get('state')), r.get('state'))}（针对版本 {r.get('record_version')}）{('：' + str(r['comment'])) if r.get('comment') else ''}")  # fmt: skip
    _audit(doc, ev.audit)


def _audit(doc: _Doc, audit: Sequence[AuditRef]) -> None:
    doc.heading("审计记录（哈希链）")
    if not audit:
        doc.text("无。")
    for a in audit:
        doc.text(f"#{a.seq}  {a.at}  {a.username or ''}  {a.action}\n    {a.hash}", size=8.5)


def inspection_pdf(out: Path, outfall: dict[str, Any], ev: Evidence, vocab: Vocab, *, generated_at: str, font: Path = FONT) -> None:  # fmt: skip
    """Write the dossier of one inspection."""
    head = ev.audit[-1].hash[:16] if ev.audit else "—"
    doc = _Doc(font, f"检查 {ev.inspection.get('id')} · 版本 {ev.version} · 审计 {head}… · 生成于 {generated_at}")  # fmt: skip
    doc.title(f"排污口检查证据卷宗\n{outfall.get('name') or ''}")
    doc.heading("排污口（台账）")
    doc.table(_outfall_rows(outfall, vocab))
    _inspection(doc, outfall, ev, vocab)
    doc.pdf.output(str(out))


def outfall_pdf(
    out: Path,
    outfall: dict[str, Any],
    version: int,
    events: Sequence[dict[str, Any]],
    inspections: Sequence[Evidence],
    audit: Sequence[AuditRef],
    vocab: Vocab,
    *,
    generated_at: str,
    font: Path = FONT,
) -> None:
    """Write the dossier of one outfall with every inspection of it."""
    head = audit[-1].hash[:16] if audit else "—"
    doc = _Doc(font, f"排污口 {outfall.get('id')} · 版本 {version} · 审计 {head}… · 生成于 {generated_at}")  # fmt: skip
    doc.title(f"排污口证据卷宗\n{outfall.get('name') or ''}")
    doc.heading("台账信息")
    doc.table(_outfall_rows(outfall, vocab))
    doc.heading("生命周期记录")
    states = vocab.states
    if not events:
        doc.text("无。")
    for e in events:
        doc.text(f"{e.get('at')}  {e.get('actor')}：{states.get(str(e.get('from_state')), '—')} → {states.get(str(e.get('to_state')), e.get('to_state'))}  {e.get('note') or ''}", size=9)  # fmt: skip
    _audit(doc, audit)
    for ev in inspections:
        doc.pdf.add_page()
        _inspection(doc, outfall, ev, vocab)
    doc.pdf.output(str(out))
