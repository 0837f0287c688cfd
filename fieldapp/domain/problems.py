"""A problem found in a record, with its message in Chinese and English."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """What is wrong with one field (or the record, field ""), in both languages."""

    field: str
    code: str
    zh: str
    en: str

    def message(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


class InvalidRecord(ValueError):
    """Raised when a record is refused; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.en for p in problems))
        self.problems = problems
