"""What an import would do to a ledger: insert, update, leave unchanged, hold back. Pure.

A row is matched to an outfall by its national code, else by its local code. A matched row whose
fields (those the file has columns for) equal the outfall's is unchanged, so importing a file
again changes nothing; otherwise it is an update listing each changed field. An unmatched row is
new, unless an outfall (or a new row above it) lies within ``lookalike_distance_m`` with a name
at least ``lookalike_similarity`` alike: then it is flagged as a look-alike and not added. Codes
that point at two different outfalls, a code used twice in the file, and rows outside the
importer's area are errors of their row.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

import geodesy
from ledgerio.ids import new_ids
from ledgerio.issues import Issue
from ledgerio.record import NOT_COMPARED, fields_of_columns, with_defaults
from ledgerio.rows import RowResult
from ledgerio.vocab import Vocab

Action = Literal["insert", "update", "unchanged", "lookalike", "error", "blank"]
ACTION_ZH: dict[Action, str] = {
    "insert": "新增",
    "update": "更新",
    "unchanged": "无变化",
    "lookalike": "疑似重复（未导入）",
    "error": "有错误（未导入）",
    "blank": "空行（跳过）",
}
KEPT_WHEN_EMPTY = frozenset({"lat", "lon", "national_code", "local_code"})
# A stored outfall's lifecycle state moves only by a step with its authority and evidence
# (sync.casework), never by an import: the cell is read for new rows only.
KEPT_ON_UPDATE = frozenset({"lifecycle_state"})
# More cells than a row of the grid holds (a 50 m cell is about 0.0005° of longitude: 720,000
# cells around the Earth), so that row × _STRIDE + column names one cell (a smaller reach that
# let two cells share a number would only bring more points to the box test).
_STRIDE = 1_000_000


@dataclass(frozen=True)
class Change:
    field: str
    before: Any
    after: Any


@dataclass
class PlannedRow:
    row: int
    action: Action
    issues: list[Issue]
    record: dict[str, Any] | None = None  # the whole record after the import
    before: dict[str, Any] | None = None  # the stored record (updates, unchanged)
    changes: list[Change] = field(default_factory=list)


@dataclass
class Plan:
    rows: list[PlannedRow]
    file_issues: list[Issue]
    columns: set[str]

    def count(self, action: Action) -> int:
        # counted once per length of rows (a plan is made whole; its summary asks again and again)
        cached: tuple[int, Counter[str]] | None = getattr(self, "_counts", None)
        if cached is None or cached[0] != len(self.rows):
            cached = (len(self.rows), Counter(r.action for r in self.rows))
            self._counts = cached
        return cached[1][action]

    @property
    def failed(self) -> bool:
        """Whether anything stops an all-or-nothing import (a row with errors, a file error)."""
        return self.count("error") > 0 or any(i.severity == "error" for i in self.file_issues)

    def writes(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.action in ("insert", "update")]


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def similarity(a: str, b: str) -> float:
    """How alike two names are, 0 to 1: the Dice coefficient of their character pairs (Chinese
    names share their county, town and village prefix; the pairs weigh every part alike)."""
    if a == b:
        return 1.0
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y))


class _Name:
    """A name with its character pairs, made once (a point is compared with many rows)."""

    __slots__ = ("_pairs", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._pairs: set[str] | None = None

    @property
    def pairs(self) -> set[str]:
        if self._pairs is None:  # most points are never near enough to compare
            self._pairs = _bigrams(self.text)
        return self._pairs

    def similarity(self, other: _Name) -> float:
        """``similarity(self.text, other.text)``."""
        if self.text == other.text:
            return 1.0
        x, y = self.pairs, other.pairs
        return 2 * len(x & y) / (len(x) + len(y))


_Point = tuple[float, float, dict[str, Any], _Name]
# Boxes are drawn for a reach 1 % longer than the distance measured (both ``geodesy``'s): a point
# on the box's edge is never lost to rounding.
_BOX_SLACK = 1.01


class _Grid:
    """Points by cell, for "anything within 50 m" without comparing every pair. A cell is as
    tall as the reach (``geodesy``'s box) and as wide as the reach where the first point lies
    (a ledger is one city), so a point's neighbours lie in the 3 × 3 cells around it; a cell is
    keyed by one number (row × ``_STRIDE`` + column). Points in those cells outside the box
    around the point are dropped before any distance is measured."""

    def __init__(self, reach_m: float) -> None:
        self.cells: dict[int, list[_Point]] = {}
        self.reach = reach_m * _BOX_SLACK
        self.step_lat = geodesy.bounding_box(0.0, 0.0, self.reach).north  # the same anywhere
        self.step_lon = 0.0  # set by the first point
        self.bands: dict[int, tuple[float, list[int]]] = {}  # row -> (half-width, offsets)

    def _key(self, lat: float, lon: float) -> tuple[int, int]:
        if not self.step_lon:
            box = geodesy.bounding_box(lat, lon, self.reach)
            self.step_lon = (box.east - box.west) / 2
        return int(lat / self.step_lat), int(lon / self.step_lon)

    def _band(self, row: int) -> tuple[float, list[int]]:
        """The box's half-width in the cells' row ``row`` and the cell offsets it spans."""
        found = self.bands.get(row)
        if found is None:
            poleward = min(89.0, (abs(row) + 2) * self.step_lat)
            box = geodesy.bounding_box(poleward, 0.0, self.reach)
            dlon = (box.east - box.west) / 2
            r = max(1, math.ceil(dlon / self.step_lon))
            found = (dlon, [di * _STRIDE + dj for di in (-1, 0, 1) for dj in range(-r, r + 1)])
            self.bands[row] = found
        return found

    def add(self, rec: dict[str, Any]) -> None:
        lat, lon = rec.get("lat"), rec.get("lon")
        if lat is not None and lon is not None:
            i, j = self._key(lat, lon)
            point = (lat, lon, rec, _Name(rec.get("name") or ""))
            self.cells.setdefault(i * _STRIDE + j, []).append(point)

    def near(self, lat: float, lon: float) -> list[_Point]:
        """Points in the box around ``(lat, lon)`` (a superset of those within reach)."""
        if not self.cells:
            return []
        i, j = self._key(lat, lon)
        dlon, offsets = self._band(i)
        base, dlat, get = i * _STRIDE + j, self.step_lat, self.cells.get
        found: list[_Point] = []
        for off in offsets:
            points = get(base + off)
            if points:
                found.extend(
                    p for p in points if abs(p[0] - lat) <= dlat and abs(p[1] - lon) <= dlon
                )
        return found


def plan(
    results: Iterable[RowResult],
    columns: set[str],
    existing: Iterable[dict[str, Any]],
    vocab: Vocab,
    *,
    file_issues: list[Issue] | None = None,
    area: Callable[[str], bool] | None = None,
    new_id: Callable[[], str] | None = None,
) -> Plan:
    """Plan the rows against the ledger ``existing`` (live outfall records). ``area(county)``
    says whether the importer may write a county (None: any)."""
    new_id = new_id or new_ids().__next__
    by_national: dict[str, dict[str, Any]] = {}
    by_local: dict[str, dict[str, Any]] = {}
    grid = _Grid(vocab.lookalike_distance_m)
    for rec in existing:
        if rec.get("national_code"):
            by_national[rec["national_code"]] = rec
        if rec.get("local_code"):
            by_local[rec["local_code"]] = rec
        grid.add(rec)
    speaks_for = fields_of_columns(columns) - NOT_COMPARED
    used: dict[tuple[str, str], int] = {}
    area_of: dict[Any, bool] = {}  # asked once per county
    out: list[PlannedRow] = []
    for res in results:
        if res.blank:
            out.append(PlannedRow(res.row, "blank", []))
            continue
        issues = list(res.issues)
        v = res.values
        _duplicates_in_file(res, used, issues)
        target = _match(res, by_national, by_local, issues)
        county = v.get("county_code") or (target or {}).get("county_code")
        if area is not None:
            for c in {county, (target or {}).get("county_code")} - {None, ""}:
                allowed = area_of.get(c)
                if allowed is None:
                    allowed = area_of[c] = area(str(c))
                if not allowed:
                    issues.append(_row_issue(res, "area_forbidden", f"县（市、区）{c} 不在您的管辖范围内。", f"County {c} is outside your area."))  # fmt: skip
        if target is None and "county_code" not in v:
            issues.append(_row_issue(res, "county_required", "新增排污口需要“所属县（市、区）”列。", "A new outfall needs a county column."))  # fmt: skip
        if any(i.severity == "error" for i in issues):
            out.append(PlannedRow(res.row, "error", issues))
            continue
        if target is not None:
            out.append(_update(res, target, speaks_for, issues))
            continue
        record = with_defaults(v)  # a copy
        record["id"] = new_id()
        record.setdefault("lifecycle_state", vocab.initial_state)
        twin = _lookalike(record, grid, vocab)
        if twin is not None:
            other, dist, sim = twin
            code = other.get("national_code") or other.get("local_code") or ""
            issues.append(
                Issue(
                    "flag",
                    "lookalike",
                    f"与排污口“{other['name']}”（{code}）相距 {dist:.0f} 米、名称相似度 {sim:.2f}，疑似同一排污口，未导入；如确为新排污口，请补充编码或核实坐标后再导入。",
                    f"Looks like outfall '{other['name']}' ({code}): {dist:.0f} m away, names "
                    f"{sim:.2f} alike; not imported.",
                    row=res.row,
                )
            )
            out.append(PlannedRow(res.row, "lookalike", issues, record=record))
            continue
        grid.add(record)
        for key in ("national_code", "local_code"):
            if record.get(key):
                (by_national if key == "national_code" else by_local)[record[key]] = record
        out.append(PlannedRow(res.row, "insert", issues, record=record))
    return Plan(out, list(file_issues or []), columns)


def _row_issue(res: RowResult, code: str, zh: str, en: str) -> Issue:
    return Issue("error", code, zh, en, row=res.row)


def _duplicates_in_file(
    res: RowResult, used: dict[tuple[str, str], int], issues: list[Issue]
) -> None:
    for key, zh in (("national_code", "国家编码"), ("local_code", "地方编码")):
        code = res.values.get(key)
        if not code:
            continue
        first = used.get((key, code))
        if first is not None:
            issues.append(_row_issue(res, "duplicate_in_file", f"{zh}“{code}”在第 {first} 行已出现。", f"The code '{code}' already appears on row {first}."))  # fmt: skip
        else:
            used[(key, code)] = res.row


def _match(
    res: RowResult,
    by_national: dict[str, dict[str, Any]],
    by_local: dict[str, dict[str, Any]],
    issues: list[Issue],
) -> dict[str, Any] | None:
    national, local = res.values.get("national_code"), res.values.get("local_code")
    n = by_national.get(national) if national else None
    lo = by_local.get(local) if local else None
    if n is not None and lo is not None and n["id"] != lo["id"]:
        issues.append(_row_issue(res, "codes_disagree", f"国家编码“{national}”属于“{n['name']}”，地方编码“{local}”却属于另一个排污口“{lo['name']}”。", f"The national code belongs to '{n['name']}' but the local code to '{lo['name']}'."))  # fmt: skip
        return None
    if n is not None:
        return n
    if lo is not None and national and lo.get("national_code") and lo["national_code"] != national:
        issues.append(_row_issue(res, "codes_disagree", f"地方编码“{local}”属于国家编码为“{lo['national_code']}”的排污口，与本行国家编码“{national}”不符。", f"The local code belongs to an outfall with national code '{lo['national_code']}'."))  # fmt: skip
        return None
    return lo


def _update(
    res: RowResult, target: dict[str, Any], speaks_for: set[str], issues: list[Issue]
) -> PlannedRow:
    after = dict(target)
    changes: list[Change] = []
    for key in sorted(speaks_for):
        if key not in res.values or key in KEPT_ON_UPDATE:
            continue
        new = res.values[key]
        old = target.get(key)
        if key in KEPT_WHEN_EMPTY and new is None:
            continue  # an empty cell never erases a stored position or code
        if key == "position_source" and old is not None:
            continue  # a surveyed or GNSS position keeps its source when the numbers agree
        if _same(old, new):
            continue
        after[key] = new
        changes.append(Change(key, old, new))
    if changes and any(c.field in ("lat", "lon") for c in changes):
        after["position_source"] = "imported"
    action: Action = "update" if changes else "unchanged"
    return PlannedRow(res.row, action, issues, record=after, before=target, changes=changes)


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, float) and isinstance(new, float):
        return abs(old - new) < 1e-9
    if isinstance(old, list | tuple) and isinstance(new, list | tuple):
        return list(old) == list(new)
    return bool(old == new)


def _lookalike(
    record: dict[str, Any], grid: _Grid, vocab: Vocab
) -> tuple[dict[str, Any], float, float] | None:
    lat, lon = record.get("lat"), record.get("lon")
    if lat is None or lon is None:
        return None
    best: tuple[dict[str, Any], float, float] | None = None
    name: _Name | None = None
    for olat, olon, other, other_name in grid.near(lat, lon):
        d = geodesy.distance_m(lat, lon, olat, olon)
        if d > vocab.lookalike_distance_m:
            continue
        name = name or _Name(record["name"])
        s = name.similarity(other_name)
        if s >= vocab.lookalike_similarity and (best is None or s > best[2]):
            best = (other, d, s)
    return best


def to_json(p: Plan) -> dict[str, Any]:
    """The plan as plain JSON (what the import endpoint answers; the app writes its report)."""

    def issue(i: Issue) -> dict[str, Any]:
        return {
            "severity": i.severity,
            "code": i.code,
            "zh": i.zh,
            "en": i.en,
            "row": i.row,
            "col": i.col,
            "field": i.field,
            "header": i.header,
        }

    def row(r: PlannedRow) -> dict[str, Any]:
        rec = r.record or {}
        return {
            "row": r.row,
            "action": r.action,
            "issues": [issue(i) for i in r.issues],
            "name": rec.get("name"),
            "national_code": rec.get("national_code"),
            "local_code": rec.get("local_code"),
            "changes": [
                {"field": c.field, "before": c.before, "after": c.after} for c in r.changes
            ],
        }

    return {
        "rows": [row(r) for r in p.rows],
        "file_issues": [issue(i) for i in p.file_issues],
        "columns": sorted(p.columns),
        "counts": {a: p.count(a) for a in ACTION_ZH},
    }


def from_json(data: dict[str, Any]) -> Plan:
    """A plan read back from ``to_json`` (for the report; records hold only names and codes)."""

    def issue(i: dict[str, Any]) -> Issue:
        return Issue(
            i["severity"], i["code"], i["zh"], i["en"], i["row"], i["col"], i["field"], i["header"]
        )

    rows = [
        PlannedRow(
            r["row"],
            r["action"],
            [issue(i) for i in r["issues"]],
            record={k: r.get(k) for k in ("name", "national_code", "local_code")},
            changes=[Change(c["field"], c["before"], c["after"]) for c in r["changes"]],
        )
        for r in data["rows"]
    ]
    return Plan(rows, [issue(i) for i in data["file_issues"]], set(data["columns"]))
