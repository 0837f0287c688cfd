"""Reference data: the classification, counties, lifecycle and closed vocabularies.

Built from plain dicts (the JSON files under `resources/data/`) so the rules stay data, not code;
`fieldapp.reference_data.load()` reads the files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fieldapp.domain.codes import NationalCodeRule


@dataclass(frozen=True)
class Term:
    """One value of a closed list with its labels (zh, en)."""

    code: str
    zh: str
    en: str

    def label(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass(frozen=True)
class OutfallType:
    term: Term
    subtypes: tuple[Term, ...]


@dataclass(frozen=True)
class Transition:
    action: str
    sources: tuple[str, ...]
    target: str  # a state code, or "@previous" for a send-back
    term: Term
    requires: tuple[str, ...] = ()
    routes: tuple[str, ...] = ()
    note_required: bool = False

    PREVIOUS = "@previous"


@dataclass(frozen=True)
class LegacyMapping:
    type_code: str
    subtype_code: str | None


@dataclass(frozen=True)
class Reference:
    """Everything configurable that validation and the UI need."""

    undetermined: Term
    types: tuple[OutfallType, ...]
    legacy_types: tuple[Term, ...]
    legacy_mapping: dict[str, LegacyMapping]
    approval_required: frozenset[str]
    sea_tier_key: frozenset[str]
    sea_tier_simplified: frozenset[str]
    city: Term
    counties: tuple[Term, ...]
    initial_state: str
    states: tuple[Term, ...]
    inactive_states: frozenset[str]
    transitions: tuple[Transition, ...]
    vocabularies: dict[str, tuple[Term, ...]] = field(default_factory=dict)
    national_code_rule: NationalCodeRule | None = None  # None: codes checked for shape only

    # -- look-ups ------------------------------------------------------------------------------
    def type_codes(self) -> set[str]:
        return {t.term.code for t in self.types} | {self.undetermined.code}

    def subtypes_of(self, type_code: str) -> tuple[Term, ...]:
        for t in self.types:
            if t.term.code == type_code:
                return t.subtypes
        return ()

    def type_term(self, code: str) -> Term | None:
        if code == self.undetermined.code:
            return self.undetermined
        return next((t.term for t in self.types if t.term.code == code), None)

    def subtype_term(self, code: str) -> Term | None:
        for t in self.types:
            for s in t.subtypes:
                if s.code == code:
                    return s
        return None

    def county(self, code: str) -> Term | None:
        return next((c for c in self.counties if c.code == code), None)

    def state(self, code: str) -> Term | None:
        return next((s for s in self.states if s.code == code), None)

    def vocabulary(self, name: str) -> tuple[Term, ...]:
        return self.vocabularies[name]

    def term(self, vocabulary: str, code: str | None) -> Term | None:
        if code is None:
            return None
        return next((t for t in self.vocabularies.get(vocabulary, ()) if t.code == code), None)

    def legacy_to_current(self, legacy_code: str) -> LegacyMapping | None:
        return self.legacy_mapping.get(legacy_code)

    def transitions_from(self, state: str) -> tuple[Transition, ...]:
        return tuple(t for t in self.transitions if state in t.sources)


def _term(d: dict[str, Any]) -> Term:
    return Term(code=str(d["code"]), zh=str(d["zh"]), en=str(d["en"]))


def build_reference(
    classification: dict[str, Any],
    counties: dict[str, Any],
    lifecycle: dict[str, Any],
    vocabularies: dict[str, Any],
    codes: dict[str, Any] | None = None,
) -> Reference:
    """Builds the reference from the four data files' contents; raises ValueError if inconsistent."""
    types = tuple(
        OutfallType(_term(t), tuple(_term(s) for s in t["subtypes"]))
        for t in classification["current"]
    )
    type_codes = {t.term.code for t in types}
    subtype_codes = {t.term.code: {s.code for s in t.subtypes} for t in types}
    mapping = {
        legacy: LegacyMapping(m["type"], m.get("subtype"))
        for legacy, m in classification["legacy_mapping"].items()
    }
    legacy_types = tuple(_term(t) for t in classification["nantong_legacy"])
    for legacy in legacy_types:
        m = mapping.get(legacy.code)
        if m is None or m.type_code not in type_codes:
            raise ValueError(f"legacy type {legacy.code!r} has no valid mapping")
        if m.subtype_code is not None and m.subtype_code not in subtype_codes[m.type_code]:
            raise ValueError(f"legacy type {legacy.code!r} maps to a sub-type not of its type")
    states = tuple(_term(s) for s in lifecycle["states"])
    state_codes = {s.code for s in states}
    transitions = tuple(
        Transition(
            action=t["action"],
            sources=tuple(t["from"]),
            target=t["to"],
            term=Term(t["action"], t["zh"], t["en"]),
            requires=tuple(t.get("requires", ())),
            routes=tuple(t.get("routes", ())),
            note_required=bool(t.get("note_required", False)),
        )
        for t in lifecycle["transitions"]
    )
    for tr in transitions:
        unknown = set(tr.sources) - state_codes
        if unknown or (tr.target != Transition.PREVIOUS and tr.target not in state_codes):
            raise ValueError(f"transition {tr.action!r} names an unknown state")
    if lifecycle["initial"] not in state_codes:
        raise ValueError("the initial lifecycle state is unknown")
    return Reference(
        undetermined=_term(classification["undetermined"]),
        types=types,
        legacy_types=legacy_types,
        legacy_mapping=mapping,
        approval_required=frozenset(classification["approval_required"]),
        sea_tier_key=frozenset(classification["sea_tier_key"]),
        sea_tier_simplified=frozenset(classification["sea_tier_simplified"]),
        city=_term(counties["city"]),
        counties=tuple(_term(c) for c in counties["counties"]),
        initial_state=lifecycle["initial"],
        states=states,
        inactive_states=frozenset(s["code"] for s in lifecycle["states"] if not s["active"]),
        transitions=transitions,
        vocabularies={
            name: tuple(_term(t) for t in terms)
            for name, terms in vocabularies.items()
            if not name.startswith("_")
        },
        national_code_rule=(
            NationalCodeRule.from_data(codes["national_code"]) if codes is not None else None
        ),
    )
