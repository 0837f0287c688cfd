"""What goes wrong with a draw, said in both languages (this package is shared by the server and
its command line; it knows nothing of either)."""

from __future__ import annotations

from dataclasses import dataclass


class DrawError(Exception):
    """A draw that cannot be made or checked; ``en`` and ``zh`` say why."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.en = en
        self.zh = zh

    def message(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


class BadRules(DrawError):
    """The rules file is not usable."""


class BadPools(DrawError):
    """The pools repeat an id or name an unknown class."""


@dataclass(frozen=True, slots=True)
class Shortfall:
    """One rule the pools cannot satisfy, and by how much."""

    rule: str  # e.g. "inspectors_per_visit", "rate", "max_visits_per_inspector"
    subject: str  # the class or target it concerns
    needed: int
    possible: int
    en: str
    zh: str

    @property
    def short_by(self) -> int:
        return self.needed - self.possible


class DrawImpossible(DrawError):
    """The pools cannot satisfy the rules: every shortfall at once."""

    def __init__(self, shortfalls: list[Shortfall]) -> None:
        self.shortfalls = tuple(shortfalls)
        super().__init__(
            "The draw cannot satisfy its rules: " + "; ".join(s.en for s in shortfalls),
            "抽取无法满足规则：" + "；".join(s.zh for s in shortfalls),
        )
