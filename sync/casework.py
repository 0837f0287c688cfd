"""Who may take a lifecycle step and what evidence it needs (销号 with authority): pure rules.

The rules are data (``resources/data/casework.json``; the server's copy in
``sync/server/data/casework.json``). Nothing here touches a database, HTTP or Qt: the server hands
in the stored facts (the outfall, its earlier steps, its inspections with their review state), the
laptop hands in its own, and both get the same answer. A refusal is a list of reason codes, one per
broken rule, in the order the rules are listed; an empty list lets the step through.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sync.protocol import CITY_CODE, Reason

LEVELS = frozenset({"any", "county", "city"})
EVIDENCE = frozenset({"approved_acceptance", "no_exceedance", "county_step", "sealed_if_banned"})


@dataclass(frozen=True)
class StepRule:
    """Who may take one step, and the evidence it needs."""

    roles: frozenset[str]
    level: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class AcceptanceItem:
    """One question of the acceptance checklist (验收); ``routes`` empty: every route."""

    code: str
    zh: str
    en: str
    good: str  # the answer without defect: "yes" or "no"
    required: bool
    routes: frozenset[str]

    def applies_to(self, route: str | None) -> bool:
        return not self.routes or route in self.routes

    def label(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass(frozen=True)
class RetestLimit:
    """A parameter's limit in a discharge standard: over ``upper`` or under ``lower`` exceeds."""

    upper: float | None
    lower: float | None = None


@dataclass(frozen=True)
class RetestStandard:
    """A standard re-test values are held to (GB 18918 一级A…): its limit per parameter."""

    code: str
    zh: str
    en: str
    limits: Mapping[str, RetestLimit]

    def label(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass(frozen=True)
class Casework:
    """The rules of every step, and the facts they look for in inspections."""

    acceptance_kind: str
    acceptance_max_age_days: int
    sealed_discharging: frozenset[str]
    flowing_discharging: frozenset[str]
    contradicted_states: frozenset[str]
    contradiction_sends_to: str
    steps: Mapping[str, StepRule]
    acceptance_checklist: tuple[AcceptanceItem, ...] = ()
    retest_standards: tuple[RetestStandard, ...] = ()

    def checklist_for(self, route: str | None) -> tuple[AcceptanceItem, ...]:
        """The acceptance checklist of an outfall remediated by ``route``."""
        return tuple(i for i in self.acceptance_checklist if i.applies_to(route))


def parse(doc: Mapping[str, Any]) -> Casework:
    """The rules from their JSON document; a ValueError names what is wrong."""
    steps: dict[str, StepRule] = {}
    for action, raw in doc["steps"].items():
        level = raw["level"]
        if level not in LEVELS:
            raise ValueError(f"step {action}: unknown level {level!r}")
        evidence = tuple(raw.get("evidence", ()))
        unknown = set(evidence) - EVIDENCE
        if unknown:
            raise ValueError(f"step {action}: unknown evidence {sorted(unknown)}")
        if not raw["roles"]:
            raise ValueError(f"step {action}: nobody may take it")
        steps[action] = StepRule(frozenset(raw["roles"]), level, evidence)
    days = int(doc["acceptance_max_age_days"])
    if days <= 0:
        raise ValueError("acceptance_max_age_days must be positive")
    checklist = tuple(
        AcceptanceItem(str(i["code"]), str(i["zh"]), str(i["en"]), str(i["good"]),
                       bool(i.get("required")), frozenset(i.get("routes") or ()))
        for i in doc.get("acceptance_checklist", ())
    )  # fmt: skip
    if any(i.good not in ("yes", "no") for i in checklist):
        raise ValueError("an acceptance item's good answer must be 'yes' or 'no'")
    if len({i.code for i in checklist}) != len(checklist):
        raise ValueError("acceptance items repeat a code")
    standards = tuple(
        RetestStandard(str(d["code"]), str(d["zh"]), str(d["en"]), {
            param: RetestLimit(_number(lim.get("upper")), _number(lim.get("lower")))
            for param, lim in d["limits"].items()
        })
        for d in doc.get("retest_standards", ())
    )  # fmt: skip
    for standard in standards:
        for param, lim in standard.limits.items():
            if lim.upper is None and lim.lower is None:
                raise ValueError(f"{standard.code}: {param} has no limit")
            if lim.upper is not None and lim.lower is not None and lim.lower > lim.upper:
                raise ValueError(f"{standard.code}: {param} has its lower limit above the upper")
    return Casework(
        acceptance_kind=str(doc["acceptance_kind"]),
        acceptance_max_age_days=days,
        sealed_discharging=frozenset(doc["sealed_discharging"]),
        flowing_discharging=frozenset(doc["flowing_discharging"]),
        contradicted_states=frozenset(doc["contradicted_states"]),
        contradiction_sends_to=str(doc["contradiction_sends_to"]),
        steps=steps,
        acceptance_checklist=checklist,
        retest_standards=standards,
    )


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def load(path: Path) -> Casework:
    return parse(json.loads(path.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class Who:
    """The person taking the step: their server role and the counties their account holds."""

    role: str
    counties: frozenset[str]

    @property
    def is_city(self) -> bool:
        return CITY_CODE in self.counties


@dataclass(frozen=True)
class Retest:
    """A re-test value of an acceptance inspection (复测): lab or quick test, against its limit."""

    method: str  # lab / quick
    code: str
    value: float
    unit: str
    limit: float | None  # the upper limit (None: only a lower one, as pH's 6)
    lower: float | None = None

    @property
    def exceeds(self) -> bool:
        over = self.limit is not None and self.value > self.limit
        return over or (self.lower is not None and self.value < self.lower)


@dataclass(frozen=True)
class InspectionFacts:
    """What the rules read from one inspection of the outfall."""

    id: str
    kind: str
    approved: bool
    at: dt.datetime  # completed (or started) at, UTC
    discharging: str | None
    finding: str | None
    photo_count: int
    retests: tuple[Retest, ...] = ()
    acceptance: tuple[tuple[str, str], ...] = ()  # the checklist's answers (item, answer)


@dataclass(frozen=True)
class OutfallFacts:
    """The outfall as the server (or laptop) has it, and the actions of its earlier steps."""

    county_code: str
    state: str
    route: str | None
    past_actions: tuple[str, ...] = ()  # oldest first


def parse_time(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def retests_of(data: Mapping[str, Any]) -> tuple[Retest, ...]:
    """The re-test values of an inspection row; malformed entries are not evidence."""
    found = []
    for raw in data.get("retests") or ():
        if not isinstance(raw, Mapping):
            continue
        try:
            retest = Retest(
                str(raw.get("method") or "quick"),
                str(raw["code"]),
                float(raw["value"]),
                str(raw.get("unit") or ""),
                _number(raw.get("limit")),
                _number(raw.get("lower")),
            )
        except (KeyError, TypeError, ValueError):
            continue
        if retest.limit is not None or retest.lower is not None:  # a value with no limit: no test
            found.append(retest)
    return tuple(found)


def acceptance_answers(data: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """The acceptance checklist's answers of an inspection (its sections' ``acceptance_check``)."""
    raw = _sections(data).get("acceptance_check")
    if not isinstance(raw, Mapping):
        return ()
    return tuple(sorted((str(k), str(v)) for k, v in raw.items()))


def checklist_failures(
    rules: Casework, answers: Iterable[tuple[str, str]], route: str | None
) -> list[str]:
    """The required checklist items of ``route`` not answered with their good answer."""
    given = dict(answers)
    return [
        i.code for i in rules.checklist_for(route) if i.required and given.get(i.code) != i.good
    ]


def _sections(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """A device's inspection keeps its answers in ``sections`` (an object, or JSON text from
    older devices); rows written by hand carry them at the top level."""
    raw = data.get("sections")
    if isinstance(raw, str) and raw:
        try:
            raw = json.loads(raw)
        except ValueError:
            raw = None
    return {**data, **raw} if isinstance(raw, Mapping) else data


def inspection_facts(
    row: Mapping[str, Any], approved: bool, photo_count: int = 0
) -> InspectionFacts | None:
    """The facts of a synced inspection row (its JSON), or None when it has no usable time.
    ``photo_count``: its photo rows (``inspection_photos``) the caller counted."""
    at = parse_time(row.get("completed_at")) or parse_time(row.get("started_at"))
    if at is None:
        return None
    data = _sections(row)
    remediation = data.get("remediation")
    finding = remediation.get("finding") if isinstance(remediation, Mapping) else None
    photos = data.get("photo_sha256s") or data.get("photos") or ()
    listed = len(photos) if isinstance(photos, list) else int(data.get("photo_count") or 0)
    return InspectionFacts(
        id=str(row.get("id", "")),
        kind=str(row.get("kind") or ""),
        approved=approved,
        at=at,
        discharging=data.get("discharging"),
        finding=finding,
        photo_count=max(listed, photo_count),
        retests=retests_of(data),
        acceptance=acceptance_answers(data),
    )


def exceedances(inspections: Iterable[InspectionFacts], kind: str) -> dict[str, Retest]:
    """Per tested parameter, the latest approved acceptance re-test when it is over its limit:
    an exceedance stands until a later re-test of the same parameter passes."""
    latest: dict[str, tuple[dt.datetime, Retest]] = {}
    for insp in inspections:
        if not insp.approved or insp.kind != kind:
            continue
        for retest in insp.retests:
            seen = latest.get(retest.code)
            if seen is None or insp.at >= seen[0]:
                latest[retest.code] = (insp.at, retest)
    return {code: r for code, (_, r) in latest.items() if r.exceeds}


def _latest_approved(
    rules: Casework, inspections: Sequence[InspectionFacts], now: dt.datetime
) -> InspectionFacts | None:
    oldest = now - dt.timedelta(days=rules.acceptance_max_age_days)
    fresh = [
        i for i in inspections if i.approved and i.kind == rules.acceptance_kind and oldest <= i.at
    ]
    return max(fresh, key=lambda i: i.at, default=None)


def _acceptance_refusal(
    rules: Casework, outfall: OutfallFacts, inspections: Sequence[InspectionFacts],
    now: dt.datetime,
) -> Reason | None:  # fmt: skip
    """Why there is no acceptance to stand on: none recent and approved, or the latest one
    fails its route's checklist (a later one that passes it is needed)."""
    latest = _latest_approved(rules, inspections, now)
    if latest is None:
        return Reason.STEP_NO_ACCEPTANCE
    if checklist_failures(rules, latest.acceptance, outfall.route):
        return Reason.STEP_CHECKLIST_FAILED
    return None


def allowed_by_authority(rules: Casework, action: str, who: Who, county_code: str) -> list[Reason]:
    """The refusals of who the person is (role, level, county), before any evidence."""
    rule = rules.steps.get(action)
    if rule is None:
        return [Reason.STEP_UNKNOWN]
    refusals = []
    if who.role not in rule.roles:
        refusals.append(Reason.STEP_ROLE)
    own_county = county_code in who.counties
    level_ok = {
        "city": who.is_city,
        "county": own_county and not who.is_city,
        "any": who.is_city or own_county,
    }[rule.level]
    if not level_ok:
        refusals.append(Reason.STEP_LEVEL)
    return refusals


def refusals(
    rules: Casework,
    action: str,
    who: Who,
    outfall: OutfallFacts,
    inspections: Sequence[InspectionFacts],
    now: dt.datetime,
) -> list[Reason]:
    """Every rule the step breaks (empty: it may be taken). The state machine itself (which
    step from which state) is ``lifecycle.json``'s and checked by the caller."""
    found = allowed_by_authority(rules, action, who, outfall.county_code)
    rule = rules.steps.get(action)
    if rule is None:
        return found
    for proof in rule.evidence:
        if proof == "approved_acceptance":
            refusal = _acceptance_refusal(rules, outfall, inspections, now)
            if refusal is not None:
                found.append(refusal)
        elif proof == "no_exceedance":
            if exceedances(inspections, rules.acceptance_kind):
                found.append(Reason.STEP_EXCEEDANCE)
        elif proof == "county_step":
            if "pre_close" not in outfall.past_actions:
                found.append(Reason.STEP_NO_COUNTY_STEP)
        elif (
            proof == "sealed_if_banned"
            and outfall.route == "ban"
            and not _sealed(rules, inspections)
        ):
            found.append(Reason.STEP_NOT_SEALED)
    return found


def _sealed(rules: Casework, inspections: Sequence[InspectionFacts]) -> bool:
    """A banned outfall's latest approved inspection shows it sealed and dry, with photos."""
    approved = [i for i in inspections if i.approved]
    latest = max(approved, key=lambda i: i.at, default=None)
    return (
        latest is not None
        and latest.photo_count > 0
        and latest.discharging in rules.sealed_discharging
        and latest.finding not in ("still_flowing", "merely_blocked")
    )


def contradicts(rules: Casework, outfall: OutfallFacts, inspection: InspectionFacts) -> bool:
    """Whether an approved inspection found later contradicts where the outfall stands (a banned
    outfall still flowing, a remediation the inspector found not done): it is sent back."""
    if not inspection.approved or outfall.state not in rules.contradicted_states:
        return False
    if inspection.finding in ("still_flowing", "merely_blocked", "not_merged", "not_standardised"):
        return True
    return outfall.route == "ban" and inspection.discharging in rules.flowing_discharging


def steps_for(rules: Casework, actions: Iterable[str], who: Who, county_code: str) -> list[str]:
    """Of the actions the state machine allows, the ones this person may take at all (what the
    laptop offers; the evidence is judged by the server when the step arrives)."""
    return [a for a in actions if not allowed_by_authority(rules, a, who, county_code)]


@dataclass(frozen=True)
class Machine:
    """The state machine of ``lifecycle.json`` as the rules need it: per action, the states it
    starts from, where it leads (``@previous``: back to an earlier state) and its routes."""

    sources: Mapping[str, frozenset[str]]
    targets: Mapping[str, str]
    routes: Mapping[str, frozenset[str]]

    @classmethod
    def parse(cls, doc: Mapping[str, Any]) -> Machine:
        sources, targets, routes = {}, {}, {}
        for t in doc["transitions"]:
            sources[t["action"]] = frozenset(t["from"])
            targets[t["action"]] = str(t["to"])
            routes[t["action"]] = frozenset(t.get("routes", ()))
        return cls(sources, targets, routes)

    @classmethod
    def load(cls, path: Path) -> Machine:
        return cls.parse(json.loads(path.read_text(encoding="utf-8")))

    def allows(self, action: str, from_state: str, to_state: str, route: str | None) -> bool:
        """Whether ``action`` moves an outfall on ``route`` from ``from_state`` to ``to_state``."""
        if action not in self.sources or from_state not in self.sources[action]:
            return False
        if self.routes[action] and route not in self.routes[action]:
            return False
        target = self.targets[action]
        return to_state != from_state if target == "@previous" else to_state == target


def judge_step(
    rules: Casework,
    machine: Machine,
    action: str,
    from_state: str,
    to_state: str,
    who: Who,
    outfall: OutfallFacts,
    inspections: Sequence[InspectionFacts],
    now: dt.datetime,
) -> list[Reason]:
    """Every refusal of one step: the state machine first, then authority and evidence."""
    if action not in machine.sources or action not in rules.steps:
        return [Reason.STEP_UNKNOWN]
    found = []
    if from_state != outfall.state or not machine.allows(
        action, from_state, to_state, outfall.route
    ):
        found.append(Reason.STEP_NOT_ALLOWED)
    return found + refusals(rules, action, who, outfall, inspections, now)


def open_states(rules: Casework, machine: Machine, initial: str) -> frozenset[str]:
    """The states an outfall reaches from ``initial`` through steps anyone in its area may take
    without evidence (surveyed, monitored, traced). A new ledger row pushed with any later state
    would skip the county's and the city's steps, so only these may come with it."""
    reached = {initial}
    frontier = [initial]
    while frontier:
        state = frontier.pop()
        for action, sources in machine.sources.items():
            rule = rules.steps.get(action)
            target = machine.targets[action]
            if state not in sources or rule is None or target == "@previous":
                continue
            if rule.level != "any" or rule.evidence or target in reached:
                continue
            reached.add(target)
            frontier.append(target)
    return frozenset(reached)
