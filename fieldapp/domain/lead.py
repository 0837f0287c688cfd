"""An aerial-survey lead (航测线索) as the laptop shows it: a suspected outfall to verify."""

from __future__ import annotations

from dataclasses import dataclass

OPEN_STATES = frozenset({"open", "tasked"})  # still to verify on the ground


@dataclass(frozen=True)
class LeadPhoto:
    name: str
    sha256: str


@dataclass(frozen=True)
class AerialLead:
    """A suspected outfall from a survey; ``state`` open, tasked, or its outcome."""

    id: str
    county_code: str
    name: str
    note: str
    lat: float
    lon: float
    photos: tuple[LeadPhoto, ...]
    cluster_id: str
    near_outfall_id: str | None
    near_outfall_m: float | None
    state: str
    task_id: str | None
    outfall_id: str | None
    source: str

    @property
    def to_verify(self) -> bool:
        return self.state in OPEN_STATES
