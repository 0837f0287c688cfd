"""A ledger file (XLSX, XLS or CSV) as a header and rows of cells, with what was odd about it.

Reading is python-calamine (XLSX/XLS) or the csv module (UTF-8 with or without BOM, else
GB18030). The header row is found among the first rows by how many of its cells name a known
column (title rows above it, merged or not, are skipped); a second header row under merged group
headers (``坐标`` over ``经度``/``纬度``) is read as well. Formulas are found in the sheet's XML
(calamine gives their cached values only); merged cells below the header are filled from their
first cell. Everything odd becomes an ``Issue`` naming its cell.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ledgerio.issues import FileRejected, Issue, cell_ref, column_letter
from ledgerio.vocab import Vocab, norm

XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"
# A header hint like "经度(GCJ-02)" or "纬度（高德）": the column's datum.
_PAREN = re.compile(r"[(（\[【]([^)）\]】]*)[)）\]】]")


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    field: str | None
    datum: str | None = None  # from the header, e.g. 经度（GCJ-02）


@dataclass
class Table:
    """The sheet as read: which row the header is on, the columns, and the data rows."""

    source: str
    sheet: str | None
    header_row: int  # 1-based row of the (last) header row
    columns: list[Column]
    rows: list[tuple[int, list[Any]]]  # (1-based row, cells)
    issues: list[Issue] = field(default_factory=list)
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) -> formula

    def fields(self) -> set[str]:
        """The fields the columns speak for (made once: every row asks; callers must not change
        the set)."""
        cached: set[str] | None = getattr(self, "_fields", None)
        if cached is None:
            cached = {c.field for c in self.columns if c.field}
            self._fields = cached
        return cached

    def by_field(self) -> dict[str, Column]:
        """The column of each field (made once: every row asks)."""
        cached: dict[str, Column] | None = getattr(self, "_by_field", None)
        if cached is None:
            cached = {c.field: c for c in self.columns if c.field}
            self._by_field = cached
        return cached


def read(source: Path | bytes, vocab: Vocab, *, name: str = "", sheet: str | None = None) -> Table:
    """Read a ledger file; raises ``FileRejected`` when it cannot be read as a ledger."""
    if isinstance(source, Path):
        name = name or source.name
        size = source.stat().st_size
        _check_size(size, vocab)
        data = source.read_bytes()
    else:
        data = source
        _check_size(len(data), vocab)
    if not data.strip():
        raise FileRejected([Issue("error", "empty_file", "文件是空的。", "The file is empty.")])
    if data.startswith(XLSX_MAGIC) or data.startswith(XLS_MAGIC):
        return _read_workbook(data, name, sheet, vocab)
    if name.lower().endswith((".xlsx", ".xlsm", ".xls")):
        raise FileRejected([_not_a_spreadsheet(name)])
    text = _decode_text(data, name)
    return _read_csv(text, name, vocab)


def _check_size(size: int, vocab: Vocab) -> None:
    if size > vocab.max_bytes:
        mb, limit = size / 2**20, vocab.max_bytes / 2**20
        raise FileRejected(
            [
                Issue(
                    "error",
                    "too_large",
                    f"文件太大（{mb:.1f} MB），上限为 {limit:.0f} MB；请按县（市、区）拆分后分别导入。",
                    f"The file is too large ({mb:.1f} MB; at most {limit:.0f} MB): "
                    "split it by county and import the parts.",
                )
            ]
        )


def _not_a_spreadsheet(name: str) -> Issue:
    return Issue(
        "error",
        "not_a_spreadsheet",
        f"“{name}”不是电子表格（应为 .xlsx 工作簿或 .csv 文本），可能已损坏或只是改了扩展名。",
        f"'{name}' is not a spreadsheet (an .xlsx workbook or a .csv text); it may be damaged "
        "or merely renamed.",
    )


def _decode_text(data: bytes, name: str) -> str:
    head = data[:4096]
    if b"\x00" in head:
        raise FileRejected([_not_a_spreadsheet(name)])
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = codecs.decode(data, encoding)
        except UnicodeDecodeError:
            continue
        if sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\r\n\t") == 0:
            return text
    raise FileRejected([_not_a_spreadsheet(name)])


def _read_csv(text: str, name: str, vocab: Vocab) -> Table:
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    grid = [list(r) for r in csv.reader(io.StringIO(text, newline=""), dialect)]
    return _table(grid, name, None, vocab, merged=[], formulas={})


def _read_workbook(data: bytes, name: str, wanted: str | None, vocab: Vocab) -> Table:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = list(book.sheet_names)
    except (CalamineError, ValueError, OSError) as exc:
        raise FileRejected([_not_a_spreadsheet(name)]) from exc
    if wanted is not None and wanted not in names:
        raise FileRejected(
            [
                Issue(
                    "error",
                    "no_such_sheet",
                    f"工作簿中没有名为“{wanted}”的工作表；现有：{'、'.join(names)}。",
                    f"The workbook has no sheet '{wanted}'; it has: {', '.join(names)}.",
                )
            ]
        )
    tried: list[str] = []
    for sheet_name in [wanted] if wanted else names:
        assert sheet_name is not None
        sheet = book.get_sheet_by_name(sheet_name)
        grid = sheet.to_python(skip_empty_area=False)
        if _find_header(grid, vocab) is None:
            tried.append(sheet_name)
            continue
        if len(grid) > vocab.max_rows + vocab.header_search_rows:
            raise FileRejected(
                [
                    Issue(
                        "error",
                        "too_many_rows",
                        f"工作表“{sheet_name}”有 {len(grid)} 行，超过上限 {vocab.max_rows} 行。",
                        f"Sheet '{sheet_name}' has {len(grid)} rows, more than {vocab.max_rows}.",
                    )
                ]
            )
        merged = _merged_ranges(sheet)
        formulas = (
            _formula_cells(data, names.index(sheet_name)) if data.startswith(XLSX_MAGIC) else {}
        )
        table = _table(grid, name, sheet_name, vocab, merged=merged, formulas=formulas)
        if len(names) > 1 and not wanted:
            others = [n for n in names if n != sheet_name]
            table.issues.insert(
                0,
                Issue(
                    "warning",
                    "sheet_chosen",
                    f"读取工作表“{sheet_name}”（其余工作表未读：{'、'.join(others)}）。",
                    f"Read sheet '{sheet_name}' (not read: {', '.join(others)}).",
                ),
            )
        return table
    raise FileRejected([_no_header(tried)])


def _no_header(sheets: Sequence[str]) -> Issue:
    where = f"（已查看工作表：{'、'.join(sheets)}）" if sheets else ""
    where_en = f" (sheets looked at: {', '.join(sheets)})" if sheets else ""
    return Issue(
        "error",
        "no_header",
        "在前 20 行中找不到台账表头：至少需要“排污口名称”和一个编码列（国家编码或地方编码）"
        f"{where}。是否选错了工作表？",
        "No ledger header in the first 20 rows: it needs at least the outfall name and a code "
        f"column (national or local){where_en}. Is this the right sheet?",
    )


def _merged_ranges(sheet: Any) -> list[tuple[int, int, int, int]]:
    """Merged ranges as (first row, first col, last row, last col), 0-based, inclusive."""
    try:
        ranges = sheet.merged_cell_ranges or []
    except (AttributeError, ValueError):
        return []
    return [(a[0], a[1], b[0], b[1]) for a, b in ranges]


def _header_fields(cells: Sequence[Any], vocab: Vocab) -> dict[int, tuple[str, str | None]]:
    found: dict[int, tuple[str, str | None]] = {}
    for i, cell in enumerate(cells):
        if not isinstance(cell, str) or not cell.strip():
            continue
        mapped = _header_field(cell, vocab)
        if mapped is not None:
            found[i] = mapped
    return found


def _header_field(text: str, vocab: Vocab) -> tuple[str, str | None] | None:
    f = vocab.field_of_header(text)
    if f is not None:
        return f, None
    # "经度（GCJ-02）": a known header with a datum in brackets.
    for hint in _PAREN.findall(text):
        datum = vocab.datum(hint)
        if datum is not None:
            f = vocab.field_of_header(_PAREN.sub("", text))
            if f is not None:
                return f, datum
    return None


def _find_header(grid: list[list[Any]], vocab: Vocab) -> int | None:
    best, best_score = None, 1
    for r, cells in enumerate(grid[: vocab.header_search_rows]):
        fields = {f for f, _ in _header_fields(cells, vocab).values()}
        if "name" not in fields or not fields & {"national_code", "local_code"}:
            continue
        if len(fields) > best_score:
            best, best_score = r, len(fields)
    return best


def _table(
    grid: list[list[Any]],
    name: str,
    sheet: str | None,
    vocab: Vocab,
    *,
    merged: list[tuple[int, int, int, int]],
    formulas: dict[tuple[int, int], str],
) -> Table:
    h = _find_header(grid, vocab)
    if h is None:
        raise FileRejected([_no_header([sheet] if sheet else [])])
    issues: list[Issue] = []
    header = list(grid[h])
    mapped = _header_fields(header, vocab)
    data_start = h + 1
    below = _header_fields(grid[h + 1], vocab) if h + 1 < len(grid) else {}
    group_cols = {
        c for r0, c0, r1, c1 in merged if r0 <= h <= r1 and c1 > c0 for c in range(c0, c1 + 1)
    }
    if below and all(c not in mapped or c in group_cols for c in below):
        # A second header row under merged group headers: its names win in those columns.
        for c, value in below.items():
            mapped[c] = value
        data_start = h + 2
    header_rows = range(h, data_start)
    width = max((len(r) for r in grid[data_start : data_start + 1000]), default=len(header))
    width = max(width, len(header))
    columns: list[Column] = []
    seen: dict[str, int] = {}
    for c in range(width):
        text = " / ".join(
            str(grid[r][c]).strip()
            for r in header_rows
            if c < len(grid[r]) and str(grid[r][c]).strip()
        )
        f, datum = mapped.get(c, (None, None))
        if f is not None and f in seen:
            issues.append(
                Issue(
                    "warning",
                    "duplicate_column",
                    f"与 {column_letter(seen[f])} 列含义相同，本列未读。",
                    f"Means the same as column {column_letter(seen[f])}; not read.",
                    row=h + 1,
                    col=c,
                    header=text,
                )
            )
            f = None
        elif f is not None:
            seen[f] = c
        elif text and norm(text) not in vocab.ignored:
            issues.append(
                Issue(
                    "warning",
                    "unknown_column",
                    "不认识的列名，本列未读（可在 ledger_columns.json 中添加同义词）。",
                    "Unknown column name; not read (synonyms go in ledger_columns.json).",
                    row=h + 1,
                    col=c,
                    header=text,
                )
            )
        columns.append(Column(c, text, f, datum))
    _check_merged_header(merged, header_rows, columns, grid, data_start, issues)
    if any(r1 >= data_start for _r0, _c0, r1, _c1 in merged):  # filled in place below
        rows = [(r + 1, list(grid[r])) for r in range(data_start, len(grid))]
    else:  # the grid's own rows (made for this read): no copy of 100,000 lists
        rows = list(zip(range(data_start + 1, len(grid) + 1), grid[data_start:], strict=True))
    _fill_merged(merged, data_start, grid, rows, columns, issues)
    table = Table(name, sheet, data_start, columns, rows, issues)
    table.formulas = {(r + 1, c): f for (r, c), f in formulas.items() if r >= data_start}
    return table


def _check_merged_header(
    merged: list[tuple[int, int, int, int]],
    header_rows: range,
    columns: list[Column],
    grid: list[list[Any]],
    data_start: int,
    issues: list[Issue],
) -> None:
    """A merged header over columns that hold data but got no name of their own."""
    for r0, c0, r1, c1 in merged:
        if c1 == c0 or not any(r0 <= r <= r1 for r in header_rows):
            continue
        unnamed = [
            c
            for c in range(c0 + 1, c1 + 1)
            if c < len(columns)
            and columns[c].field is None
            and any(
                c < len(row) and str(row[c]).strip() for row in grid[data_start : data_start + 200]
            )
        ]
        if unnamed:
            span = f"{cell_ref(r0 + 1, c0)}:{cell_ref(r1 + 1, c1)}"
            issues.append(
                Issue(
                    "error",
                    "merged_header",
                    f"表头 {span} 是合并单元格，{column_letter(unnamed[0])} 列有数据却没有自己的列名；"
                    "请取消合并并为每一列填写列名。",
                    f"Header {span} is a merged cell: column {column_letter(unnamed[0])} holds data "
                    "but has no name of its own; unmerge it and name every column.",
                    row=r0 + 1,
                    col=c0,
                )
            )


def _fill_merged(
    merged: list[tuple[int, int, int, int]],
    data_start: int,
    grid: list[list[Any]],
    rows: list[tuple[int, list[Any]]],
    columns: list[Column],
    issues: list[Issue],
) -> None:
    """Merged cells among the data (a county merged down over its rows): every cell of the range
    takes the first cell's value, as a person reads it."""
    for r0, c0, r1, c1 in merged:
        if r0 < data_start or (r0 == r1 and c0 == c1):
            continue
        value = grid[r0][c0] if c0 < len(grid[r0]) else ""
        for r in range(r0, r1 + 1):
            if r - data_start >= len(rows):
                break
            cells = rows[r - data_start][1]
            if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
                continue  # a blank row inside the range stays blank
            for c in range(c0, c1 + 1):
                while len(cells) <= c:
                    cells.append("")
                cells[c] = value
        if any(c < len(columns) and columns[c].field for c in range(c0, c1 + 1)):
            span = f"{cell_ref(r0 + 1, c0)}:{cell_ref(r1 + 1, c1)}"
            issues.append(
                Issue(
                    "warning",
                    "merged_cells",
                    f"{span} 是合并单元格，每行按首格“{value}”读取。",
                    f"{span} is merged; every row takes its first cell's value '{value}'.",
                    row=r0 + 1,
                    col=c0,
                )
            )


_CELL_OPEN = re.compile(rb'<c r="([A-Z]+)(\d+)"')
_FORMULA = re.compile(rb"<f(?:\s[^>]*)?(?:/>|>(.*?)</f>)", re.DOTALL)


def _sheet_xml_path(archive: zipfile.ZipFile, index: int) -> str | None:
    workbook = archive.read("xl/workbook.xml")
    rels = archive.read("xl/_rels/workbook.xml.rels")
    ids = re.findall(rb'<sheet\b[^>]*?r:id="([^"]+)"', workbook)
    if index >= len(ids):
        return None
    rid = ids[index]
    for rel in re.findall(rb"<Relationship\b[^>]*/?>", rels):
        if re.search(rb'Id="' + re.escape(rid) + rb'"', rel):
            m = re.search(rb'Target="([^"]+)"', rel)
            if m:
                target = m.group(1).decode()
                return target.lstrip("/") if target.startswith("/") else "xl/" + target
    return None


def _formula_cells(data: bytes, index: int) -> dict[tuple[int, int], str]:
    """Cells of the sheet that hold a formula, 0-based (row, col) -> formula text ('' if shared)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            path = _sheet_xml_path(archive, index)
            if path is None:
                return {}
            xml = archive.read(path)
    except (zipfile.BadZipFile, KeyError):
        return {}
    found: dict[tuple[int, int], str] = {}
    pos = xml.find(b"<f")
    while pos != -1:
        if xml[pos + 2 : pos + 3] in (b">", b" ", b"/"):
            start = xml.rfind(b"<c ", 0, pos)
            m = _CELL_OPEN.match(xml, start) if start != -1 else None
            f = _FORMULA.match(xml, pos)
            if m is not None:
                col = 0
                for ch in m.group(1).decode():
                    col = col * 26 + ord(ch) - 64
                text = (f.group(1) or b"").decode("utf-8", "replace") if f else ""
                found[(int(m.group(2)) - 1, col - 1)] = text
        pos = xml.find(b"<f", pos + 2)
    return found
