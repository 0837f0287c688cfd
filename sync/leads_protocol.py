"""Messages of the aerial-survey leads (航测线索) between the desk and the server."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from sync.protocol import ENTITY_PATTERN


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LeadTaskRequest(_Strict):
    """Make a verification task of a lead, or of every undecided lead of its cluster."""

    assignee: str | None = Field(default=None, max_length=64)
    due: datetime | None = None
    note: str = Field(default="", max_length=4000)
    whole_cluster: bool = False


class EvidenceRef(_Strict):
    """A record of the inspector's verification: an inspection, a newly found outfall, …"""

    entity: str = Field(pattern=ENTITY_PATTERN)
    row_id: str = Field(min_length=1, max_length=64)


class LeadDecisionRequest(_Strict):
    """A lead's outcome: confirmed (the inspector's newly found outfall), not an outfall, or a
    duplicate of an existing outfall; the verification's records are its evidence."""

    outcome: Literal["confirmed", "not_outfall", "duplicate"]
    outfall_id: uuid.UUID | None = None
    evidence: list[EvidenceRef] = Field(default_factory=list, max_length=50)
    note: str = Field(default="", max_length=4000)


class _Read(BaseModel):
    # what the desk reads of a lead: the server's row may carry more (its import's bookkeeping)
    model_config = ConfigDict(extra="ignore")


class LeadPhoto(_Read):
    name: str = ""
    sha256: str


class LeadVerification(_Read):
    """What an inspector recorded at the lead on their laptop (``lead_verifications``)."""

    id: str
    verdict: str  # not_outfall / duplicate
    outfall_id: str | None = None
    note: str = ""
    photo_sha256s: list[str] = Field(default_factory=list)
    author: str = ""
    at: str = ""


class LeadView(_Read):
    """A lead as the desk lists it, with its task's state and the inspectors' findings."""

    id: str
    county_code: str
    source: str
    feature: int
    name: str
    note: str
    lat: float
    lon: float
    photos: list[LeadPhoto]
    cluster_id: str
    near_outfall_id: str | None = None
    near_outfall_m: float | None = None
    state: Literal["open", "tasked", "confirmed", "not_outfall", "duplicate"]
    task_id: str | None = None
    outfall_id: str | None = None
    evidence: list[EvidenceRef] = Field(default_factory=list)
    decision_note: str | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
    created_at: datetime | None = None
    task_state: str | None = None  # open / done / cancelled
    task_closed_by: dict[str, str] | None = None  # the record that closed the task
    verifications: list[LeadVerification] = Field(default_factory=list)
    # name (code) of each outfall the lead mentions, those in the reader's area only
    outfall_labels: dict[str, str] = Field(default_factory=dict)


class LeadList(_Read):
    leads: list[LeadView]


class LeadFileProblem(_Read):
    """A feature of a lead file that was refused (bad geometry, outside the area…)."""

    feature: int
    name: str = ""
    code: str
    zh: str
    en: str

    def message(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


class LeadImportOutcome(_Read):
    """What importing a survey file did, or (``dry_run``) would do."""

    county_code: str
    source: str
    sha256: str
    dry_run: bool
    imported: int
    clusters: int
    likely_duplicates: int
    leads: list[LeadView]
    problems: list[LeadFileProblem]
