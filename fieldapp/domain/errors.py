"""The one base of errors a user can act on: each says what is wrong and what to do, in Chinese
and in English. Every package's own errors (storage, photos, GNSS sources, basemaps, records)
derive from it, so the UI shows any of them with ``message(lang)``."""

from __future__ import annotations


class Explained(Exception):
    """A problem explained to the user; ``str()`` of it is the English text (for logs)."""

    def __init__(self, *, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en

    def message(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en
