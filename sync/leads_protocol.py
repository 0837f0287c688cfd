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
