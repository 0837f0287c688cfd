"""The import report workbook (导入报告): every row with its outcome, every problem with its cell.

Sheets: 汇总 (the file, counts, file-level problems), 逐行结果 (each data row: outcome, name,
codes, its problems, the fields an update changes), 问题清单 (one problem per line with its cell).
All in Chinese; written with xlsxwriter in constant-memory mode.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ledgerio.issues import SEVERITY_ZH, Issue
from ledgerio.plan import ACTION_ZH, Plan
from ledgerio.vocab import Vocab


def _fmt(value: Any) -> str:
    if value is None:
        return "（空）"
    if isinstance(value, list):
        return "、".join(map(str, value)) or "（空）"
    return str(value) if value != "" else "（空）"


def write_report(
    path: Path,
    plan: Plan,
    vocab: Vocab,
    *,
    source: str,
    outcome: str,
) -> None:
    """Write the report of ``plan`` to ``path``; ``outcome`` says what was done (in Chinese)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    try:
        bold = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        err = book.add_format({"font_color": "#9C0006", "bg_color": "#FFC7CE", "text_wrap": True})
        warn = book.add_format({"font_color": "#7F6000", "bg_color": "#FFEB9C", "text_wrap": True})
        wrap = book.add_format({"text_wrap": True, "valign": "top"})
        sheets = [book.add_worksheet(name) for name in ("汇总", "逐行结果", "问题清单")]
        for ws in sheets:  # printed: landscape, the page's width, headers on every page
            ws.set_landscape()
            ws.fit_to_pages(1, 0)
            ws.repeat_rows(0)
        _summary(sheets[0], plan, source, outcome, bold, wrap)
        _rows(sheets[1], plan, vocab, bold, err, warn, wrap)
        _issues(sheets[2], plan, bold, wrap)
    finally:
        book.close()


def _summary(ws: Any, plan: Plan, source: str, outcome: str, bold: Any, wrap: Any) -> None:
    ws.set_column(0, 0, 22)
    ws.set_column(1, 1, 90)
    lines: list[tuple[str, Any]] = [("文件", source), ("结果", outcome)]
    for action, zh in ACTION_ZH.items():
        lines.append((zh, plan.count(action)))
    for i, (k, v) in enumerate(lines):
        ws.write(i, 0, k, bold)
        ws.write(i, 1, v, wrap)
    r = len(lines) + 1
    ws.write(r, 0, "整个文件的问题", bold)
    if not plan.file_issues:
        ws.write(r, 1, "无")
    for i, issue in enumerate(plan.file_issues):
        ws.write(r + i, 1, f"[{SEVERITY_ZH[issue.severity]}] {issue.message('zh')}", wrap)


def _rows(ws: Any, plan: Plan, vocab: Vocab, bold: Any, err: Any, warn: Any, wrap: Any) -> None:
    headers = ["行号", "结果", "排污口名称", "国家编码", "地方编码", "问题（含单元格）", "变更内容"]
    widths = [7, 18, 36, 20, 18, 70, 60]
    for c, (h, w) in enumerate(zip(headers, widths, strict=True)):
        ws.set_column(c, c, w)
        ws.write(0, c, h, bold)
    ws.freeze_panes(1, 0)
    names = vocab.export_headers
    for i, pr in enumerate(plan.rows, start=1):
        rec = pr.record or {}
        ws.write_number(i, 0, pr.row)
        fmt = err if pr.action == "error" else warn if pr.action == "lookalike" else None
        ws.write(i, 1, ACTION_ZH[pr.action], fmt)
        ws.write(i, 2, rec.get("name") or "")
        ws.write(i, 3, rec.get("national_code") or "")
        ws.write(i, 4, rec.get("local_code") or "")
        problems = "\n".join(f"[{SEVERITY_ZH[x.severity]}] {x.message('zh')}" for x in pr.issues)
        ws.write(i, 5, problems, wrap)
        changes = "\n".join(
            f"{names.get(_column_of(c.field), c.field)}：{_fmt(c.before)} → {_fmt(c.after)}"
            for c in pr.changes
        )
        ws.write(i, 6, changes, wrap)
    ws.autofilter(0, 0, max(1, len(plan.rows)), len(headers) - 1)


_FIELD_COLUMN = {
    "type_code": "type",
    "subtype_code": "subtype",
    "legacy_type_code": "legacy_type",
    "county_code": "county",
    "position_datum": "datum",
}


def _column_of(field: str) -> str:
    return _FIELD_COLUMN.get(field, field)


def _issues(ws: Any, plan: Plan, bold: Any, wrap: Any) -> None:
    headers = ["单元格", "行号", "列名", "级别", "说明"]
    for c, (h, w) in enumerate(zip(headers, [10, 7, 22, 10, 100], strict=True)):
        ws.set_column(c, c, w)
        ws.write(0, c, h, bold)
    ws.freeze_panes(1, 0)
    everything: list[Issue] = list(plan.file_issues)
    for pr in plan.rows:
        everything.extend(pr.issues)
    for i, x in enumerate(everything, start=1):
        ws.write(i, 0, x.cell)
        if x.row is not None:
            ws.write_number(i, 1, x.row)
        ws.write(i, 2, x.header or "")
        ws.write(i, 3, SEVERITY_ZH[x.severity])
        ws.write(i, 4, x.zh, wrap)
    ws.autofilter(0, 0, max(1, len(everything)), len(headers) - 1)
