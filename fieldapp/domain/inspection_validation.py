"""What completing an inspection needs: every problem at once, in Chinese and English. Pure.

A draft is never refused (it is work in progress); ``problems_for_completion`` lists what stands
between a draft and "Complete". Photos are passed alongside the record (they are their own rows).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from fieldapp.domain.inspection import Inspection, InspectionPhoto
from fieldapp.domain.inspection_rules import InspectionRules
from fieldapp.domain.problems import Problem

NOTE_MAX = 4000
DISCHARGING_NOW = frozenset({"yes", "intermittent"})


def problems_for_completion(
    insp: Inspection, photos: Sequence[InspectionPhoto], rules: InspectionRules
) -> list[Problem]:
    out: list[Problem] = []
    out += _basics(insp, rules)
    out += _inspectors(insp, rules)
    out += _discharge(insp, rules)
    out += _quick_tests(insp, rules)
    out += _problems(insp, photos, rules)
    out += _remediation(insp, rules)
    out += _acceptance(insp, rules)
    out += _position(insp)
    return out


def _basics(insp: Inspection, rules: InspectionRules) -> list[Problem]:
    out = []
    if insp.is_complete:
        out.append(
            Problem("", "frozen", "此检查记录已完成。", "This inspection is already complete.")
        )
    if not insp.outfall_id:
        out.append(
            Problem(
                "outfall_id", "required", "请选择被检查的排污口。", "Choose the outfall inspected."
            )
        )
    if insp.kind not in {k.code for k in rules.kinds}:
        out.append(
            Problem("kind", "required", "请选择检查类型。", "Choose the kind of inspection.")
        )
    if len(insp.notes) > NOTE_MAX:
        out.append(
            Problem(
                "notes",
                "too_long",
                f"备注不能超过 {NOTE_MAX} 个字符。",
                f"The notes are longer than {NOTE_MAX} characters.",
            )
        )
    return out


def _inspectors(insp: Inspection, rules: InspectionRules) -> list[Problem]:
    names = {n.strip() for n in insp.inspectors if n.strip()}
    need = rules.settings.min_inspectors_formal if insp.kind == "formal" else 1
    if len(names) >= need:
        return []
    if need > 1:
        return [
            Problem(
                "inspectors",
                "too_few",
                f"执法检查须至少 {need} 名检查人员在场，请填写全部在场人员。",
                f"A formal inspection needs at least {need} inspectors present: name them all.",
            )
        ]
    return [
        Problem("inspectors", "required", "请填写在场的检查人员。", "Name the inspectors present.")
    ]


def _discharge(insp: Inspection, rules: InspectionRules) -> list[Problem]:
    out = []
    if insp.discharging not in {t.code for t in rules.discharging}:
        out.append(
            Problem(
                "discharging",
                "required",
                "请选择排污口当前是否在排放。",
                "Say whether the outfall is discharging.",
            )
        )
        return out
    if insp.discharging not in DISCHARGING_NOW:
        return out
    for code, aspect in rules.appearance.items():
        if getattr(insp.appearance, code) not in {o.code for o in aspect.options}:
            out.append(
                Problem(
                    f"appearance.{code}",
                    "required",
                    f"正在排放：请填写{aspect.term.zh}。",
                    f"It is discharging: give the {aspect.term.en.lower()}.",
                )
            )
    flow = insp.flow
    if flow.method not in {m.code for m in rules.flow_methods}:
        out.append(
            Problem(
                "flow.method",
                "required",
                "正在排放：请填写流量（实测、估算或无法测量）。",
                "It is discharging: give the flow (measured, estimated or not measurable).",
            )
        )
    elif flow.method != "not_measurable":
        if flow.value is None or not math.isfinite(flow.value) or flow.value <= 0:
            out.append(
                Problem(
                    "flow.value",
                    "required",
                    "请填写大于零的流量数值。",
                    "Give a flow value greater than zero.",
                )
            )
        if flow.unit not in {u.code for u in rules.flow_units}:
            out.append(
                Problem("flow.unit", "required", "请选择流量单位。", "Choose the flow unit.")
            )
    return out


def _quick_tests(insp: Inspection, rules: InspectionRules) -> list[Problem]:
    out = []
    for test in insp.quick_tests:
        if test.value is None:
            continue
        spec = rules.quick_test(test.code)
        if spec is None:
            out.append(
                Problem(
                    f"quick_tests.{test.code}",
                    "unknown",
                    f"未知的快速检测项目“{test.code}”。",
                    f"Unknown quick test '{test.code}'.",
                )
            )
            continue
        unit = f" {spec.unit}" if spec.unit else ""
        if not math.isfinite(test.value) or not spec.min <= test.value <= spec.max:
            out.append(
                Problem(
                    f"quick_tests.{test.code}",
                    "impossible",
                    f"{spec.term.zh}数值 {test.value:g}{unit} 不可能（应在 {spec.min:g}–{spec.max:g} 之间）。",
                    f"{spec.term.en} {test.value:g}{unit} is impossible "
                    f"(must be {spec.min:g}–{spec.max:g}).",
                )
            )
        elif (not spec.plausible_min <= test.value <= spec.plausible_max) and not test.confirmed:
            out.append(
                Problem(
                    f"quick_tests.{test.code}",
                    "confirm",
                    f"{spec.term.zh}数值 {test.value:g}{unit} 超出常见范围"
                    f"（{spec.plausible_min:g}–{spec.plausible_max:g}），请复核后勾选确认。",
                    f"{spec.term.en} {test.value:g}{unit} is outside the usual range "
                    f"({spec.plausible_min:g}–{spec.plausible_max:g}): check it and tick confirm.",
                )
            )
    return out


def _problems(
    insp: Inspection, photos: Sequence[InspectionPhoto], rules: InspectionRules
) -> list[Problem]:
    out = []
    seen: set[str] = set()
    for found in insp.problems:
        kind = rules.problem(found.code)
        if kind is None:
            out.append(
                Problem(
                    f"problems.{found.code}",
                    "unknown",
                    f"未知的问题类型“{found.code}”。",
                    f"Unknown kind of problem '{found.code}'.",
                )
            )
            continue
        if found.code in seen:
            continue
        seen.add(found.code)
        if not found.note.strip():
            out.append(
                Problem(
                    f"problems.{found.code}",
                    "note_required",
                    f"问题“{kind.term.zh}”需要填写说明。",
                    f"The problem '{kind.term.en}' needs a note.",
                )
            )
        if kind.evidence_required and not any(p.problem_code == found.code for p in photos):
            out.append(
                Problem(
                    f"problems.{found.code}",
                    "photo_required",
                    f"问题“{kind.term.zh}”需要至少一张照片作为证据。",
                    f"The problem '{kind.term.en}' needs at least one photo as evidence.",
                )
            )
    for p in photos:
        if p.problem_code and p.problem_code not in seen:
            out.append(
                Problem(
                    "photos",
                    "orphan_photo",
                    f"照片 {p.source_name} 关联的问题未在问题列表中。",
                    f"Photo {p.source_name} is attached to a problem that is not listed.",
                )
            )
    return out


def _remediation(insp: Inspection, rules: InspectionRules) -> list[Problem]:
    finding = insp.remediation.finding
    if finding is None:
        return []
    if finding not in {f.code for f in rules.remediation_findings}:
        return [
            Problem(
                "remediation",
                "unknown",
                "整治核查结论无效。",
                "Unknown remediation finding.",
            )
        ]
    out = []
    if finding in rules.contradicted_findings:
        if not insp.remediation.note.strip():
            out.append(
                Problem(
                    "remediation.note",
                    "note_required",
                    "整治与声称不符：请说明看到的情况。",
                    "The remediation is contradicted: describe what you saw.",
                )
            )
        if not any(p.code == "remediation_not_done" for p in insp.problems):
            out.append(
                Problem(
                    "remediation",
                    "problem_missing",
                    "整治与声称不符：请在问题中加入“整治未按要求完成”。",
                    "The remediation is contradicted: add the problem "
                    "'Remediation not done as claimed'.",
                )
            )
    return out


def _acceptance(insp: Inspection, rules: InspectionRules) -> list[Problem]:
    """An acceptance inspection answers its route's must-check items, and each re-test names
    what was tested, the value and a limit. Answers against the good one do not block: the record
    says the truth, and the server does not count it as an acceptance (casework.json)."""
    if insp.kind != rules.acceptance_kind:
        return []
    out = []
    answers = dict(insp.acceptance_check)
    for item in rules.acceptance_items_for(insp.acceptance_route):
        if item.required and item.term.code not in answers:
            out.append(
                Problem(
                    f"acceptance.{item.term.code}",
                    "required",
                    f"验收清单必查项未回答：{item.term.zh}。",
                    f"Answer the acceptance checklist's must-check item: {item.term.en}.",
                )
            )
    for n, retest in enumerate(insp.retests, start=1):
        spec = rules.quick_test(retest.code)
        if spec is None:
            out.append(
                Problem(
                    f"retests.{n}",
                    "required",
                    f"第 {n} 项复测：请选择检测项目。",
                    f"Re-test {n}: choose what was tested.",
                )
            )
            continue
        if retest.value is None or not math.isfinite(retest.value):
            out.append(
                Problem(
                    f"retests.{n}",
                    "required",
                    f"第 {n} 项复测（{spec.term.zh}）：请填写测得的数值。",
                    f"Re-test {n} ({spec.term.en}): enter the value measured.",
                )
            )
        elif not spec.min <= retest.value <= spec.max:
            out.append(
                Problem(
                    f"retests.{n}",
                    "impossible",
                    f"第 {n} 项复测：{spec.term.zh}数值 {retest.value:g} 不可能"
                    f"（应在 {spec.min:g}–{spec.max:g} 之间）。",
                    f"Re-test {n}: {spec.term.en} {retest.value:g} is impossible "
                    f"(must be {spec.min:g}–{spec.max:g}).",
                )
            )
        if retest.limit is None and retest.lower is None:
            out.append(
                Problem(
                    f"retests.{n}",
                    "required",
                    f"第 {n} 项复测（{spec.term.zh}）：请选择执行标准或填写限值。",
                    f"Re-test {n} ({spec.term.en}): choose a standard or enter the limit.",
                )
            )
        if retest.method == "lab" and not retest.report_no.strip():
            out.append(
                Problem(
                    f"retests.{n}",
                    "required",
                    f"第 {n} 项复测为实验室检测：请填写检测报告编号。",
                    f"Re-test {n} is a lab result: enter the lab report's number.",
                )
            )
    return out


def _position(insp: Inspection) -> list[Problem]:
    if insp.position is not None or insp.no_position_reason.strip():
        return []
    return [
        Problem(
            "position",
            "required",
            "请采集位置（卫星定位、照片位置或手工录入并说明原因），或说明无法定位的原因。",
            "Capture the position (GNSS, a photo's position, or typed in with a reason), "
            "or say why there is none.",
        )
    ]


def photo_file_problems(
    photos: Sequence[InspectionPhoto], file_problems: dict[str, str], inspection_label: str
) -> list[Problem]:
    """A problem for each photo whose stored file is missing or damaged (``file_problems``: sha256
    → "missing" / "damaged", found by hashing the files), naming the photo and the inspection and
    saying how to mend it: add the photo again from its original file."""
    out = []
    for photo in photos:
        kind = file_problems.get(photo.sha256)
        if kind is None:
            continue
        name = photo.source_name or f"{photo.sha256[:12]}…"
        if kind == "missing":
            zh_what, en_what = "在本机找不到", "is missing from this laptop"
        elif kind == "damaged":
            zh_what, en_what = "的存储副本已损坏", "has a damaged stored copy"
        else:  # locked, or the disk would not give it back
            zh_what, en_what = "的存储副本无法读取", "cannot be read from its stored copy"
        out.append(
            Problem(
                "photos",
                f"photo_{kind}",
                f"检查记录“{inspection_label}”中的照片 {name} {zh_what}，无法作为证据提交。"
                "请从原始文件重新添加这张照片（或删除它）后再完成。",
                f"The photo {name} of the inspection “{inspection_label}” {en_what} and cannot "
                "be submitted as evidence. Add it again from its original file (or remove it), "
                "then complete.",
            )
        )
    return out
