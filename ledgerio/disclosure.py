"""The public disclosure list (信息公开): what a closure notice publishes, without personal data.

Published per outfall: name, code, location (county, town, village, position), type, receiving
water, tracing result (溯源结果), responsible party and supervising department, remediation
route, measures and outcome. Never published: who surveyed, inspected or edited (``updated_by``),
free-text notes (they may name people), phone numbers, and a responsible party that is not an
organisation (by the words of ``ledger_columns.json``: a person's name stays private).
"""

from __future__ import annotations

import json
import operator
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ledgerio import export
from ledgerio.export import ExportColumn
from ledgerio.vocab import RESOURCES, Vocab

FIELDS_PUBLISHED = (
    "排污口名称",
    "排污口编码",
    "所属县（市、区）",
    "所属镇（街道）",
    "所属村（社区）",
    "经度",
    "纬度",
    "排污口类型",
    "受纳水体",
    "溯源结果",
    "责任主体",
    "监管部门",
    "整治方式",
    "整治措施",
    "整治结果",
)


def _rules() -> dict[str, Any]:
    data = json.loads((RESOURCES / "ledger_columns.json").read_text(encoding="utf-8"))
    rules: dict[str, Any] = data["disclosure"]
    return rules


def is_organisation(party: str, words: Sequence[str]) -> bool:
    return any(w in party for w in words)


def public_party(party: str | None, rules: dict[str, Any]) -> str:
    if not party:
        return ""
    if is_organisation(party, rules["organisation_words"]):
        return party
    return str(rules["person_placeholder"])


def tracing_result(rec: dict[str, Any], rules: dict[str, Any]) -> str:
    if rec.get("responsible_party"):
        units = rec.get("discharging_units") or []
        named = [u for u in units if is_organisation(u, rules["organisation_words"])]
        extra = f"；排污单位：{'、'.join(named)}" if named else ""
        return "已查明责任主体" + extra
    return "溯源中，责任主体尚未查明"


def rows(records: Iterable[dict[str, Any]], vocab: Vocab) -> Iterable[list[Any]]:
    """The published cells of each outfall, in ``FIELDS_PUBLISHED`` order."""
    rules = _rules()
    states = vocab.labels["lifecycle_state"]
    routes = vocab.labels["remediation_route"]
    for r in records:
        route = r.get("remediation_route") or ""
        yield [
            r.get("name") or "",
            r.get("national_code") or r.get("local_code") or "",
            vocab.county_labels.get(r.get("county_code") or "", ""),
            r.get("town") or "",
            r.get("village") or "",
            r.get("lon"),
            r.get("lat"),
            vocab.type_labels.get(r.get("type_code") or "", "暂无法确定"),
            r.get("water_body") or "",
            tracing_result(r, rules),
            public_party(r.get("responsible_party"), rules),
            rules["departments"].get(r.get("county_code") or "", ""),
            routes.get(route, ""),
            rules["measures"].get(route, ""),
            states.get(r.get("lifecycle_state") or "", ""),
        ]


def _columns() -> list[ExportColumn]:
    out = []
    for i, name in enumerate(FIELDS_PUBLISHED):
        kind: Any = "number" if name in ("经度", "纬度") else "text"
        width = 36 if name in ("排污口名称", "整治措施", "溯源结果") else 14
        out.append(ExportColumn(name, kind, width, operator.itemgetter(i)))
    return out


def write_by_suffix(path: Path, records: Sequence[dict[str, Any]], vocab: Vocab) -> int:
    cols = _columns()
    cells = list(rows(records, vocab))
    head = list(FIELDS_PUBLISHED)
    if path.suffix.lower() == ".csv":
        return export.write_csv(path, cells, vocab, cols=cols, head=head)  # type: ignore[arg-type]
    return export.write_xlsx(path, cells, vocab, sheet="排污口信息公开", cols=cols, head=head)  # type: ignore[arg-type]
