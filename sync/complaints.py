"""Complaints (举报), pure rules shared by the server and the desk: no I/O.

A complaint is recorded by bureau staff (a supervisor of its county, or the city), becomes a
verification task for the county's inspectors, gets an outcome once verified, and is answered to
the complainant before its answer deadline. The rules (channels, outcomes, deadlines in working
days) are data: ``complaint_rules.json``. The complainant's contact never leaves the server's
complaints table: nothing here puts it in a task, a feed item or an audit entry.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from sync.escalation import TZ


class ComplaintState(enum.StrEnum):
    OPEN = "open"  # recorded, being verified
    VERIFIED = "verified"  # its outcome is recorded, the complainant not yet answered
    ANSWERED = "answered"  # the complainant has had the answer


@dataclass(frozen=True)
class Term:
    code: str
    zh: str
    en: str

    def label(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass(frozen=True)
class ComplaintRules:
    channels: tuple[Term, ...]
    outcomes: tuple[Term, ...]
    verify_working_days: int
    answer_working_days: int

    def channel(self, code: str) -> Term | None:
        return next((t for t in self.channels if t.code == code), None)

    def outcome(self, code: str) -> Term | None:
        return next((t for t in self.outcomes if t.code == code), None)


def parse(doc: Mapping[str, Any]) -> ComplaintRules:
    """The rules from their JSON document; a ValueError names what is wrong."""
    channels = tuple(Term(str(c["code"]), str(c["zh"]), str(c["en"])) for c in doc["channels"])
    outcomes = tuple(Term(str(c["code"]), str(c["zh"]), str(c["en"])) for c in doc["outcomes"])
    if not channels or not outcomes:
        raise ValueError("complaint rules need channels and outcomes")
    verify, answer = int(doc["verify_working_days"]), int(doc["answer_working_days"])
    if verify < 1 or answer < verify:
        raise ValueError("deadlines: 1 <= verify_working_days <= answer_working_days")
    return ComplaintRules(channels, outcomes, verify, answer)


def load(path: Path) -> ComplaintRules:
    return parse(json.loads(path.read_text(encoding="utf-8")))


def add_working_days(start: datetime, days: int) -> datetime:
    """The end (24:00, Nantong time) of the ``days``-th working day after ``start``'s day
    (Monday to Friday; holidays are not modelled, as for patrol escalations)."""
    if start.tzinfo is None:
        raise ValueError("start must carry its time zone")
    day = start.astimezone(TZ).date()
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if day.weekday() < 5:
            counted += 1
    return datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=TZ)


def verify_due(rules: ComplaintRules, received_at: datetime) -> datetime:
    return add_working_days(received_at, rules.verify_working_days)


def answer_due(rules: ComplaintRules, received_at: datetime) -> datetime:
    return add_working_days(received_at, rules.answer_working_days)


def is_overdue(answer_due_at: datetime, answered_at: datetime | None, now: datetime) -> bool:
    """Not answered by its deadline (answered late stays flagged: it was overdue)."""
    if answered_at is not None:
        return answered_at > answer_due_at
    return now > answer_due_at
