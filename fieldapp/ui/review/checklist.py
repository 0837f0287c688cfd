"""The inspector's answers as HTML for the desk (labels from the inspection rules data)."""

from __future__ import annotations

import html
import json
from typing import Any

from fieldapp.domain.inspection_rules import InspectionRules
from fieldapp.ui import formatting as fmt
from sync import casework


def _dict(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    return value if isinstance(value, dict) else {}


def checklist_html(
    data: dict[str, Any], rules: InspectionRules, lang: str, labels: dict[str, str]
) -> str:
    """``labels`` gives the translated section titles."""
    s = _dict(data.get("sections"))
    terms = {t.code: t.label(lang) for group in (rules.discharging, rules.check_answers,
             rules.remediation_findings, rules.flow_methods) for t in group}  # fmt: skip
    rows: list[str] = []

    def row(name: str, value: Any, bad: bool = False) -> None:
        text = html.escape(str(value if value not in (None, "") else "—"))
        style = ' style="color:#b71c1c;font-weight:bold"' if bad else ""
        rows.append(f"<tr><td>{html.escape(name)}</td><td{style}>{text}</td></tr>")

    def title(name: str) -> None:
        rows.append(f'<tr><th colspan="2" align="left"><br>{html.escape(name)}</th></tr>')

    title(labels["discharge"])
    row(labels["discharging"], terms.get(str(s.get("discharging")), s.get("discharging")))
    for aspect, value in _dict(s.get("appearance")).items():
        spec = rules.appearance.get(aspect)
        if spec is not None and value:
            option = {o.code: o.label(lang) for o in spec.options}.get(value, value)
            row(spec.term.label(lang), option, value in spec.abnormal)
    flow = _dict(s.get("flow"))
    if flow.get("method"):
        value = f"{flow.get('value') or ''} {flow.get('unit') or ''}".strip()
        row(labels["flow"], f"{terms.get(flow['method'], flow['method'])} {value}")
    for name, items in (("sign", rules.sign_items), ("sampling", rules.sampling_items)):
        answers = _dict(s.get(f"{name}_check"))
        if answers:
            title(labels[name])
            for item in items:
                if item.term.code in answers:
                    answer = answers[item.term.code]
                    bad = answer not in ("na", item.good)
                    row(item.term.label(lang), terms.get(answer, answer), bad)
    _acceptance_rows(s, rules, lang, labels, terms, row, title)
    problems = s.get("problems") or []
    if problems:
        title(labels["problems"])
        for p in problems:
            kind = rules.problem(str(p.get("code")))
            row(kind.term.label(lang) if kind else str(p.get("code")), p.get("note", ""), True)
    finding = _dict(s.get("remediation")).get("finding")
    if finding:
        title(labels["remediation"])
        row(labels["remediation"], terms.get(finding, finding),
            finding in rules.contradicted_findings)  # fmt: skip
    if s.get("notes") or data.get("notes"):
        title(labels["notes"])
        row(labels["notes"], s.get("notes") or data.get("notes"))
    if s.get("inspectors"):
        row(labels["inspectors"], "、".join(map(str, s["inspectors"])))
    return '<table cellspacing="4">' + "".join(rows) + "</table>"


def _acceptance_rows(
    s: dict[str, Any], rules: InspectionRules, lang: str, labels: dict[str, str],
    terms: dict[str, str], row: Any, title: Any,
) -> None:  # fmt: skip
    """验收: the route's checklist answers (a must-check item failed in red) and the re-tests,
    judged as the server judges them (over the limit in red)."""
    answers = _dict(s.get("acceptance_check"))
    if answers:
        title(labels["acceptance"])
        for item in rules.acceptance_items_for(s.get("acceptance_route")):
            if item.term.code in answers:
                answer = answers[item.term.code]
                row(item.term.label(lang), terms.get(answer, answer),
                    item.required and answer != item.good)  # fmt: skip
    retests = casework.retests_of(s)
    if retests:
        title(labels["retests"])
        for r in retests:
            spec = rules.quick_test(r.code)
            bound = "–".join(f"{b:g}" for b in (r.lower, r.limit) if b is not None)
            text = f"{r.value:g} {r.unit}".strip() + f" ({labels['limit']} {bound})"
            if r.method == "lab":
                text += f" · {labels['lab_report']}"
            if r.exceeds:
                text += f" · {labels['over_limit']}"
            row(spec.term.label(lang) if spec else r.code, text, r.exceeds)


def position_text(position: dict[str, Any]) -> str:
    """A recorded position as people read it: coordinates, error, distance from the outfall."""
    lat, lon = position.get("lat"), position.get("lon")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return "—"
    parts = [f"{lat:.6f}, {lon:.6f}"]
    if isinstance(position.get("accuracy_m"), int | float):
        parts.append(fmt.accuracy(position["accuracy_m"]))
    if isinstance(position.get("distance_m"), int | float):
        parts.append(fmt.distance(position["distance_m"]))
    return " · ".join(parts)


def _terms(rules: InspectionRules, lang: str) -> dict[str, str]:
    groups = (rules.discharging, rules.check_answers, rules.remediation_findings,
              rules.flow_methods, rules.flow_units, rules.kinds)  # fmt: skip
    return {t.code: t.label(lang) for group in groups for t in group}


def change_label(path: str, rules: InspectionRules, lang: str, labels: dict[str, str]) -> str:
    """A changed field's path (``sections.sign_check.present``) in the form's own words
    ("Sign (标志牌) · Sign present"); a path this does not know stays as it is."""
    head, _, rest = path.removeprefix("sections.").partition(".")
    if head in ("sign_check", "sampling_check"):
        items = rules.sign_items if head == "sign_check" else rules.sampling_items
        item = next((i.term.label(lang) for i in items if i.term.code == rest), rest)
        return f"{labels[head.removesuffix('_check')]} · {item}"
    if head == "appearance" and rest in rules.appearance:
        return rules.appearance[rest].term.label(lang)
    if head == "flow" and f"flow_{rest}" in labels:
        return f"{labels['flow']} · {labels[f'flow_{rest}']}"
    if head == "remediation":
        return labels["remediation"] if rest in ("", "finding") else labels["remediation_note"]
    return labels.get(head, path) if not rest or head == "position" else path


def change_value(path: str, value: Any, rules: InspectionRules, lang: str) -> str:
    """A changed field's value as the form shows it (answer codes as words, lists joined)."""
    if value is None or value == "" or value == []:
        return "—"
    head, _, rest = path.removeprefix("sections.").partition(".")
    if head == "appearance" and rest in rules.appearance:
        options = {o.code: o.label(lang) for o in rules.appearance[rest].options}
        return options.get(str(value), str(value))
    if head in ("started_at", "completed_at", "updated_at"):
        return fmt.local_time(str(value))
    if head == "position" and isinstance(value, dict):
        return position_text(value)
    if head == "problems" and isinstance(value, list):
        found = []
        for p in value:
            kind = rules.problem(str(p.get("code"))) if isinstance(p, dict) else None
            note = p.get("note") if isinstance(p, dict) else ""
            name = kind.term.label(lang) if kind else str(p)
            found.append(f"{name}（{note}）" if note else name)
        return "、".join(found)
    if isinstance(value, list):
        return "、".join(map(str, value))
    if isinstance(value, str):
        return _terms(rules, lang).get(value, value)
    return str(value)


def changes_html(
    changes: list[tuple[str, Any, Any]],
    rules: InspectionRules,
    lang: str,
    labels: dict[str, str],
) -> str:
    """The rows of the "what changed" table: label, before (red), after (green)."""
    return "".join(
        f"<tr><td>{html.escape(change_label(path, rules, lang, labels))}</td>"
        f"<td style='color:#b71c1c'>{html.escape(change_value(path, before, rules, lang))}</td>"
        f"<td style='color:#2e7d32'>{html.escape(change_value(path, after, rules, lang))}</td></tr>"
        for path, before, after in changes
    )
