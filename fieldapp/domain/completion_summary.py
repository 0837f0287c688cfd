"""What the inspector confirms before completing (完成前核对): the record's evidence in a few lines
and every reason to look again, in Chinese and English. Pure.

``problems_for_completion`` (inspection_validation) says what *blocks* completing; this module
says what is allowed but worth a second look before the record is frozen: a position far from the
outfall or poorly measured, photos taken far away or long before/after (the flags ``photo_checks``
put on each photo at ingest), photos without a position, no photos at all, unanswered sign and
sampling-point items (the ones the data file marks ``required`` by name).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fieldapp.domain.inspection import Inspection, InspectionPhoto
from fieldapp.domain.inspection_rules import CheckItem, InspectionRules
from fieldapp.domain.inspection_validation import problems_for_completion
from fieldapp.domain.problems import Problem


@dataclass(frozen=True)
class SummaryFlag:
    """One reason to look again; ``field`` is where the form shows it (as a Problem's field)."""

    code: str
    field: str
    zh: str
    en: str

    def message(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass(frozen=True)
class CompletionSummary:
    blocking: tuple[Problem, ...]  # completing is refused until these are fixed
    flags: tuple[SummaryFlag, ...]  # allowed, but the inspector confirms having seen them
    facts: tuple[tuple[str, str], ...]  # (zh, en) lines: photos, problems, position

    @property
    def can_complete(self) -> bool:
        return not self.blocking


def distance_words(metres: float) -> tuple[str, str]:
    """A distance as people say it: (zh, en)."""
    if metres < 1000:
        return f"{metres:.0f} 米", f"{metres:.0f} m"
    return f"{metres / 1000:.1f} 公里", f"{metres / 1000:.1f} km"


def duration_words(seconds: float) -> tuple[str, str]:
    """A duration as people say it, rounded to minutes, hours or days: (zh, en)."""
    minutes = abs(seconds) / 60
    if minutes >= 48 * 60:
        days = round(minutes / 1440)
        return f"{days} 天", f"{days} day{'s' if days != 1 else ''}"
    if minutes >= 120:
        hours = round(minutes / 60)
        return f"{hours} 小时", f"{hours} hours"
    whole = round(minutes)
    return f"{whole} 分钟", f"{whole} minute{'s' if whole != 1 else ''}"


def summarise(
    insp: Inspection, photos: Sequence[InspectionPhoto], rules: InspectionRules
) -> CompletionSummary:
    """The summary shown when the inspector asks to complete ``insp``."""
    flags = [*_position_flags(insp, rules), *_photo_flags(photos)]
    flags += _checklist_flags(insp, "sign", rules.sign_items, "标志牌", "sign")
    flags += _checklist_flags(
        insp, "sampling", rules.sampling_items, "采样点 / 检查井", "sampling point / well"
    )
    flags += _acceptance_flags(insp, rules)
    return CompletionSummary(
        blocking=tuple(problems_for_completion(insp, photos, rules)),
        flags=tuple(flags),
        facts=_facts(insp, photos),
    )


def _position_flags(insp: Inspection, rules: InspectionRules) -> list[SummaryFlag]:
    p = insp.position
    if p is None:
        if not insp.no_position_reason.strip():
            return []  # blocking: problems_for_completion says so
        return [
            SummaryFlag(
                "no_position",
                "position",
                f"没有采集位置（原因：{insp.no_position_reason.strip()}）。",
                f"No position captured (reason: {insp.no_position_reason.strip()}).",
            )
        ]
    out = []
    if p.far and p.distance_m is not None:
        zh, en = distance_words(p.distance_m)
        limit_zh, limit_en = distance_words(rules.settings.far_from_outfall_m)
        out.append(
            SummaryFlag(
                "far_from_outfall",
                "position",
                f"检查位置距登记的排污口 {zh}（超过 {limit_zh}）。",
                f"The position is {en} from the registered outfall (more than {limit_en}).",
            )
        )
    limit = rules.settings.max_position_error_m
    if p.accuracy_m is not None and p.accuracy_m > limit:
        out.append(
            SummaryFlag(
                "poor_accuracy",
                "position",
                f"位置误差约 ±{p.accuracy_m:.0f} 米（要求不超过 {limit:.0f} 米）。",
                f"The position is only good to ±{p.accuracy_m:.0f} m (at most {limit:.0f} m "
                "expected).",
            )
        )
    if p.source == "manual":
        out.append(
            SummaryFlag(
                "typed_position",
                "position",
                f"位置为手工录入（原因：{p.reason or '未说明'}）。",
                f"The position was typed in (reason: {p.reason or 'none given'}).",
            )
        )
    return out


def _photo_flags(photos: Sequence[InspectionPhoto]) -> list[SummaryFlag]:
    if not photos:
        return [SummaryFlag("no_photos", "photos", "没有照片。", "There are no photos.")]
    out = []
    for photo in photos:
        name = photo.source_name or photo.sha256[:12]
        if photo.far_from_outfall and photo.distance_m is not None:
            zh, en = distance_words(photo.distance_m)
            out.append(
                SummaryFlag(
                    "photo_far",
                    f"photos.{photo.id}",
                    f"照片 {name} 拍摄于距排污口 {zh} 处。",
                    f"Photo {name} was taken {en} from the outfall.",
                )
            )
        if photo.time_implausible and photo.time_offset_s is not None:
            zh, en = duration_words(photo.time_offset_s)
            before = photo.time_offset_s < 0
            out.append(
                SummaryFlag(
                    "photo_time",
                    f"photos.{photo.id}",
                    f"照片 {name} 拍摄于检查{'前' if before else '后'} {zh}。",
                    f"Photo {name} was taken {en} {'before' if before else 'after'} the "
                    "inspection.",
                )
            )
    unplaced = [p.source_name or p.sha256[:12] for p in photos if p.lat is None or p.lon is None]
    if unplaced:
        names = "、".join(unplaced[:3]) + ("等" if len(unplaced) > 3 else "")
        names_en = ", ".join(unplaced[:3]) + (" and others" if len(unplaced) > 3 else "")
        out.append(
            SummaryFlag(
                "photo_no_position",
                "photos",
                f"{len(unplaced)} 张照片没有拍摄位置：{names}。",
                f"{len(unplaced)} photo(s) have no position of their own: {names_en}.",
            )
        )
    return out


def _checklist_flags(
    insp: Inspection, section: str, items: tuple[CheckItem, ...], zh_name: str, en_name: str
) -> list[SummaryFlag]:
    answers = dict(insp.sign_check if section == "sign" else insp.sampling_check)
    missing = [i for i in items if i.term.code not in answers]
    required = [i for i in missing if i.required]
    if missing and len(missing) == len(items):  # one line for a section left empty
        must = "、".join(i.term.zh for i in required)
        must_en = ", ".join(i.term.en for i in required)
        return [
            SummaryFlag(
                "section_unanswered",
                f"{section}.{required[0].term.code}" if required else section,
                f"{zh_name}检查一项都没有填" + (f"（必查：{must}）。" if must else "。"),
                f"The {en_name} check is not filled in at all"
                + (f" (must check: {must_en})." if must_en else "."),
            )
        ]
    out = [
        SummaryFlag(
            "required_unanswered",
            f"{section}.{item.term.code}",
            f"{zh_name}检查未填必查项：{item.term.zh}。",
            f"The {en_name} check leaves a must-check item unanswered: {item.term.en}.",
        )
        for item in required
    ]
    if missing:
        out.append(
            SummaryFlag(
                "items_unanswered",
                f"{section}.{missing[0].term.code}",
                f"{zh_name}检查：{len(items)} 项中 {len(missing)} 项未填。",
                f"The {en_name} check: {len(missing)} of {len(items)} items unanswered.",
            )
        )
    return out


def _acceptance_flags(insp: Inspection, rules: InspectionRules) -> list[SummaryFlag]:
    """What makes an acceptance inspection fail: must-check items answered against the good
    answer, re-tests over their limits. Either way the outfall is not accepted on it."""
    if insp.kind != rules.acceptance_kind:
        return []
    answers = dict(insp.acceptance_check)
    out = [
        SummaryFlag(
            "acceptance_failed",
            f"acceptance.{item.term.code}",
            f"验收清单不合格：{item.term.zh}。验收不能通过。",
            f"The acceptance checklist fails: {item.term.en}. The outfall cannot be accepted.",
        )
        for item in rules.acceptance_items_for(insp.acceptance_route)
        if item.required and answers.get(item.term.code) not in (None, item.good)
    ]
    for n, retest in enumerate(insp.retests, start=1):
        spec = rules.quick_test(retest.code)
        if spec is None or not retest.exceeds or retest.value is None:
            continue
        unit = f" {spec.unit}" if spec.unit else ""
        bound = "–".join(f"{b:g}" for b in (retest.lower, retest.limit) if b is not None)
        out.append(
            SummaryFlag(
                "retest_exceeds",
                f"retests.{n}",
                f"复测超标：{spec.term.zh} {retest.value:g}{unit}（限值 {bound}）。"
                "验收不能通过，需复测合格。",
                f"Re-test over its limit: {spec.term.en} {retest.value:g}{unit} (limit {bound}). "
                "Acceptance needs a passing re-test.",
            )
        )
    return out


def _facts(insp: Inspection, photos: Sequence[InspectionPhoto]) -> tuple[tuple[str, str], ...]:
    attached = sum(1 for p in photos if p.problem_code)
    facts = [
        (
            f"照片 {len(photos)} 张（{attached} 张关联到问题）",
            f"{len(photos)} photo(s), {attached} attached to a problem",
        ),
        (f"发现问题 {len(insp.problems)} 个", f"{len(insp.problems)} problem(s) found"),
        (
            f"在场检查人员：{'、'.join(insp.inspectors) or '—'}",
            f"Inspectors present: {', '.join(insp.inspectors) or '—'}",
        ),
    ]
    p = insp.position
    if p is not None and p.distance_m is not None:
        zh, en = distance_words(p.distance_m)
        facts.append((f"位置：距排污口 {zh}", f"Position: {en} from the outfall"))
    return tuple(facts)
