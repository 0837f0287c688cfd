"""The inspection (检查记录) of one outfall as an inspector records it on the riverbank. Pure.

Sections follow DOMAIN.md: discharging or not; appearance (colour, turbidity, odour, foam, oil
film); flow; quick tests; the sign check and the sampling point / inspection well; problems found,
each with a note and photos; whether the claimed remediation is really done; notes; the inspectors
present; the position with its source and flags. A draft may hold anything (it is work in
progress); `inspection_validation.problems_for_completion` says what completing needs. A completed
record is frozen: a correction is a new version that names the one it supersedes.

Photos live in their own rows (`InspectionPhoto`), linked by ``inspection_id``; a photo attached to
a problem names the problem's code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
import uuid
from dataclasses import dataclass, field
from typing import Any, NewType

from fieldapp.domain import clock
from fieldapp.domain.errors import Explained
from fieldapp.domain.position import CapturedPosition, PositionSource

InspectionId = NewType("InspectionId", str)

DRAFT = "draft"
COMPLETE = "complete"


class RecordFrozen(Explained):
    """A completed inspection cannot change; corrections are new versions."""

    def __init__(self, inspection_id: str) -> None:
        super().__init__(
            zh="此检查记录已完成，不能再修改。",
            en="This inspection is complete and can no longer be changed.",
        )
        self.inspection_id = inspection_id


def new_inspection_id() -> InspectionId:
    return InspectionId(str(uuid.uuid4()))


@dataclass(frozen=True)
class Appearance:
    """Codes from the data file's appearance options; None while not answered."""

    colour: str | None = None
    turbidity: str | None = None
    odour: str | None = None
    foam: str | None = None
    oil_film: str | None = None


@dataclass(frozen=True)
class Flow:
    method: str | None = None  # measured / estimated / not_measurable
    value: float | None = None
    unit: str | None = None


@dataclass(frozen=True)
class QuickTest:
    code: str
    value: float | None = None
    confirmed: bool = False  # the inspector confirmed a value outside the plausible range


@dataclass(frozen=True)
class ProblemFound:
    code: str
    note: str = ""


@dataclass(frozen=True)
class RemediationCheck:
    """Is the remediation the ledger claims really done? (取缔 still flowing, 一堵了之 ...)"""

    finding: str | None = None
    note: str = ""


@dataclass(frozen=True)
class RetestEntry:
    """A re-test value of an acceptance inspection (复测): a quick test on site or a lab report's,
    against its limit (upper, and lower where the standard has one: pH 6–9)."""

    code: str = ""  # the quick test's code (cod, nh3_n, ph…)
    value: float | None = None
    method: str = "quick"  # quick / lab
    unit: str = ""
    limit: float | None = None  # upper
    lower: float | None = None
    standard: str = ""  # the standard the limit is from ('' when typed: a permit's own)
    report_no: str = ""  # the lab report's number

    @property
    def exceeds(self) -> bool:
        """Over its limit or under its lower one (the server judges the same: sync.casework)."""
        if self.value is None:
            return False
        over = self.limit is not None and self.value > self.limit
        return over or (self.lower is not None and self.value < self.lower)


@dataclass(frozen=True)
class PositionRecord:
    """Where the inspection was made, where that came from, and how it relates to the outfall."""

    lat: float
    lon: float
    accuracy_m: float | None
    source: str  # gnss / photo_exif / manual
    n_fixes: int = 0
    reason: str | None = None
    captured_at: str | None = None
    distance_m: float | None = None  # to the registered outfall
    bearing_deg: float | None = None  # from here towards the outfall
    far: bool = False

    @classmethod
    def of(
        cls,
        p: CapturedPosition,
        distance_m: float | None = None,
        bearing_deg: float | None = None,
        far: bool = False,
    ) -> PositionRecord:
        at = p.captured_at.isoformat() if p.captured_at else None
        return cls(
            p.lat,
            p.lon,
            p.accuracy_m,
            PositionSource(p.source).value,
            p.n_fixes,
            p.reason,
            at,
            distance_m,
            bearing_deg,
            far,
        )


@dataclass(frozen=True)
class Inspection:
    id: InspectionId
    outfall_id: str
    author: str
    county_code: str
    kind: str = "routine"
    status: str = DRAFT
    started_at: str = ""
    completed_at: str | None = None
    updated_at: str = ""
    version: int = 1
    supersedes: str | None = None
    discharging: str | None = None
    appearance: Appearance = field(default_factory=Appearance)
    flow: Flow = field(default_factory=Flow)
    quick_tests: tuple[QuickTest, ...] = ()
    sign_check: tuple[tuple[str, str], ...] = ()  # (item code, answer code)
    sampling_check: tuple[tuple[str, str], ...] = ()
    problems: tuple[ProblemFound, ...] = ()
    remediation: RemediationCheck = field(default_factory=RemediationCheck)
    notes: str = ""
    inspectors: tuple[str, ...] = ()
    position: PositionRecord | None = None
    no_position_reason: str = ""
    task_id: str | None = None  # the task it was opened from (the server closes that task)
    # 验收: the remediation route whose checklist was answered, the answers, the re-tests
    acceptance_route: str | None = None
    acceptance_check: tuple[tuple[str, str], ...] = ()  # (item code, answer code)
    retests: tuple[RetestEntry, ...] = ()

    @property
    def is_complete(self) -> bool:
        return self.status == COMPLETE

    def answer(self, section: str, item: str) -> str | None:
        pairs = self.sign_check if section == "sign" else self.sampling_check
        return dict(pairs).get(item)


@dataclass(frozen=True)
class InspectionPhoto:
    """A photo of an inspection: the original is in the blob store under ``sha256``."""

    id: str
    inspection_id: str
    sha256: str
    source_name: str = ""
    caption: str = ""
    problem_code: str | None = None
    width: int = 0
    height: int = 0
    taken_at: str | None = None  # ISO, as the camera gave it
    lat: float | None = None
    lon: float | None = None
    distance_m: float | None = None
    time_offset_s: float | None = None
    far_from_outfall: bool = False
    time_implausible: bool = False
    added_at: str = ""

    @property
    def flagged(self) -> bool:
        return self.far_from_outfall or self.time_implausible


def new_draft(
    outfall_id: str,
    author: str,
    county_code: str,
    kind: str = "routine",
    at: str | None = None,
    task_id: str | None = None,
) -> Inspection:
    """A fresh draft, its author the first inspector present (unless the author is the profile's
    own user of before the first sign-in: ``local-…`` is no one's name, so the inspector types the
    names; signing in puts the account there when the list is still empty)."""
    now = at or clock.now_iso()
    return Inspection(
        id=new_inspection_id(),
        outfall_id=outfall_id,
        author=author,
        county_code=county_code,
        kind=kind,
        started_at=now,
        updated_at=now,
        inspectors=(author,) if author and not is_profile_user(author) else (),
        task_id=task_id,
    )


# The name a profile writes under before its first sign-in ('local-' + 8 characters of the install
# id, fieldapp/store/sync_schema.py): an internal id, never shown as a person.
PROFILE_USER_PREFIX = "local-"


def is_profile_user(name: str) -> bool:
    return name.startswith(PROFILE_USER_PREFIX)


def registering_position(record: PositionRecord) -> PositionRecord:
    """The position of an inspection that registers a newly found outfall.

    There the capture becomes the outfall's registered position, so the inspection stands on its
    outfall by definition: 0 m away, no bearing, never flagged far.
    """
    return dataclasses.replace(record, distance_m=0.0, bearing_deg=None, far=False)


def ensure_editable(insp: Inspection) -> None:
    if insp.is_complete:
        raise RecordFrozen(insp.id)


def completed(insp: Inspection, at: str | None = None) -> Inspection:
    """The record frozen as complete (the caller validated it first)."""
    ensure_editable(insp)
    now = at or clock.now_iso()
    return dataclasses.replace(insp, status=COMPLETE, completed_at=now, updated_at=now)


def correction_of(insp: Inspection, author: str, at: str | None = None) -> Inspection:
    """A new draft version that corrects a completed record (the old one stays as it was)."""
    now = at or clock.now_iso()
    return dataclasses.replace(
        insp,
        id=new_inspection_id(),
        author=author,
        status=DRAFT,
        started_at=now,
        completed_at=None,
        updated_at=now,
        version=insp.version + 1,
        supersedes=insp.id,
    )


def provisional_code(county_code: str, day: dt.date, suffix: str | None = None) -> str:
    """A provisional local code for a newly found outfall: ``LS320612-20240501-3FA9``."""
    tail = suffix or secrets.token_hex(2).upper()
    return f"LS{county_code}-{day:%Y%m%d}-{tail}"


# -- the sections as JSON-ready dicts (the store keeps them in one JSON column) -----------------

SECTION_FIELDS = (
    "discharging",
    "appearance",
    "flow",
    "quick_tests",
    "sign_check",
    "sampling_check",
    "problems",
    "remediation",
    "notes",
    "inspectors",
    "no_position_reason",
    "acceptance_route",
    "acceptance_check",
    "retests",
)


def sections_to_dict(insp: Inspection) -> dict[str, Any]:
    return {
        "discharging": insp.discharging,
        "appearance": dataclasses.asdict(insp.appearance),
        "flow": dataclasses.asdict(insp.flow),
        "quick_tests": [dataclasses.asdict(q) for q in insp.quick_tests],
        "sign_check": dict(insp.sign_check),
        "sampling_check": dict(insp.sampling_check),
        "problems": [dataclasses.asdict(p) for p in insp.problems],
        "remediation": dataclasses.asdict(insp.remediation),
        "notes": insp.notes,
        "inspectors": list(insp.inspectors),
        "no_position_reason": insp.no_position_reason,
        "acceptance_route": insp.acceptance_route,
        "acceptance_check": dict(insp.acceptance_check),
        "retests": [dataclasses.asdict(r) for r in insp.retests],
    }


def sections_from_dict(d: dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments for `Inspection` from a sections dict (unknown keys ignored)."""
    return {
        "discharging": d.get("discharging"),
        "appearance": Appearance(**d.get("appearance", {})),
        "flow": Flow(**d.get("flow", {})),
        "quick_tests": tuple(QuickTest(**q) for q in d.get("quick_tests", ())),
        "sign_check": tuple(sorted(d.get("sign_check", {}).items())),
        "sampling_check": tuple(sorted(d.get("sampling_check", {}).items())),
        "problems": tuple(ProblemFound(**p) for p in d.get("problems", ())),
        "remediation": RemediationCheck(**d.get("remediation", {})),
        "notes": d.get("notes", ""),
        "inspectors": tuple(d.get("inspectors", ())),
        "no_position_reason": d.get("no_position_reason", ""),
        "acceptance_route": d.get("acceptance_route"),
        "acceptance_check": tuple(sorted((d.get("acceptance_check") or {}).items())),
        "retests": tuple(RetestEntry(**_known(RetestEntry, r)) for r in d.get("retests") or ()),
    }


def _known(cls: type, d: dict[str, Any]) -> dict[str, Any]:
    """The keys of ``d`` that ``cls`` has (a newer app's record read by an older one)."""
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in d.items() if k in names}


def position_to_dict(p: PositionRecord | None) -> dict[str, Any] | None:
    return None if p is None else dataclasses.asdict(p)


def position_from_dict(d: dict[str, Any] | None) -> PositionRecord | None:
    return None if d is None else PositionRecord(**d)
