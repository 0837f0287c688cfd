"""What an inspection may record, as data (`resources/data/inspection.json`): the sign-check and
sampling-point items, the problem list, appearance options, flow methods, quick tests with their
plausible ranges, remediation findings, and the default thresholds (settings). Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldapp.domain.reference import Term


@dataclass(frozen=True)
class CheckItem:
    """One question of the sign or sampling-point check; ``good`` is the answer without defect."""

    term: Term
    good: str  # "yes" or "no"
    required: bool = False  # asked again before completing when unanswered (marked on its label)
    routes: frozenset[str] = frozenset()  # acceptance items: the remediation routes (none: all)

    def applies_to(self, route: str | None) -> bool:
        return not self.routes or route in self.routes


@dataclass(frozen=True)
class AppearanceAspect:
    """Colour, turbidity, odour, foam or oil film, with its options and which are abnormal."""

    term: Term
    options: tuple[Term, ...]
    abnormal: frozenset[str]


@dataclass(frozen=True)
class QuickTestSpec:
    """A field quick test: unit, the possible range, and the range a reading is plausible in."""

    term: Term
    unit: str
    min: float
    max: float
    plausible_min: float
    plausible_max: float


@dataclass(frozen=True)
class RetestStandardSpec:
    """A discharge standard whose limits prefill a re-test: (lower, upper) per quick test."""

    term: Term
    limits: dict[str, tuple[float | None, float | None]]


@dataclass(frozen=True)
class ProblemKind:
    """A kind of problem an inspection can find (DOMAIN.md, daily supervision)."""

    term: Term
    evidence_required: bool  # completing needs at least one photo attached to it
    needs_tracing: bool = False


@dataclass(frozen=True)
class InspectionSettings:
    """Thresholds the user may change; defaults come from the data file."""

    max_position_error_m: float = 20.0
    fixes_to_average: int = 5
    far_from_outfall_m: float = 50.0
    photo_max_distance_m: float = 100.0
    photo_max_time_offset_s: float = 7200.0
    min_inspectors_formal: int = 2
    autosave_delay_ms: int = 1000


@dataclass(frozen=True)
class InspectionRules:
    kinds: tuple[Term, ...]
    discharging: tuple[Term, ...]
    appearance: dict[str, AppearanceAspect]
    flow_methods: tuple[Term, ...]
    flow_units: tuple[Term, ...]
    quick_tests: tuple[QuickTestSpec, ...]
    check_answers: tuple[Term, ...]
    sign_items: tuple[CheckItem, ...]
    sampling_items: tuple[CheckItem, ...]
    problems: tuple[ProblemKind, ...]
    remediation_findings: tuple[Term, ...]
    contradicted_findings: frozenset[str]
    settings: InspectionSettings
    # 验收 (from casework.json, the server's rules too): the kind, its checklist, its standards
    acceptance_kind: str = "acceptance"
    acceptance_items: tuple[CheckItem, ...] = ()
    retest_standards: tuple[RetestStandardSpec, ...] = ()

    def acceptance_items_for(self, route: str | None) -> tuple[CheckItem, ...]:
        return tuple(i for i in self.acceptance_items if i.applies_to(route))

    def problem(self, code: str) -> ProblemKind | None:
        return next((p for p in self.problems if p.term.code == code), None)

    def quick_test(self, code: str) -> QuickTestSpec | None:
        return next((q for q in self.quick_tests if q.term.code == code), None)


def _term(d: dict[str, Any]) -> Term:
    return Term(code=str(d["code"]), zh=str(d["zh"]), en=str(d["en"]))


def _terms(items: list[dict[str, Any]]) -> tuple[Term, ...]:
    return tuple(_term(d) for d in items)


def _items(items: list[dict[str, Any]]) -> tuple[CheckItem, ...]:
    out = tuple(CheckItem(_term(d), str(d["good"]), bool(d.get("required"))) for d in items)
    if any(i.good not in ("yes", "no") for i in out):
        raise ValueError("a check item's good answer must be 'yes' or 'no'")
    return out


def build_rules(data: dict[str, Any]) -> InspectionRules:
    """The rules from the data file's contents; raises ValueError when inconsistent."""
    appearance = {}
    for code, d in data["appearance"].items():
        options = _terms(d["options"])
        abnormal = frozenset(d.get("abnormal", ()))
        if not abnormal <= {o.code for o in options}:
            raise ValueError(f"appearance {code!r} marks an unknown option abnormal")
        appearance[code] = AppearanceAspect(Term(code, d["zh"], d["en"]), options, abnormal)
    tests = tuple(
        QuickTestSpec(
            _term(d),
            str(d["unit"]),
            float(d["min"]),
            float(d["max"]),
            float(d["plausible_min"]),
            float(d["plausible_max"]),
        )
        for d in data["quick_tests"]
    )
    for t in tests:
        if not t.min <= t.plausible_min <= t.plausible_max <= t.max:
            raise ValueError(f"quick test {t.term.code!r} has inconsistent ranges")
    findings = data["remediation_findings"]
    settings = InspectionSettings(**data.get("settings", {}))
    return InspectionRules(
        kinds=_terms(data["kinds"]),
        discharging=_terms(data["discharging"]),
        appearance=appearance,
        flow_methods=_terms(data["flow_methods"]),
        flow_units=_terms(data["flow_units"]),
        quick_tests=tests,
        check_answers=_terms(data["check_answers"]),
        sign_items=_items(data["sign_items"]),
        sampling_items=_items(data["sampling_items"]),
        problems=tuple(
            ProblemKind(_term(d), bool(d.get("evidence_required")), bool(d.get("needs_tracing")))
            for d in data["problems"]
        ),
        remediation_findings=_terms(findings),
        contradicted_findings=frozenset(d["code"] for d in findings if d.get("contradicted")),
        settings=settings,
    )
