"""Labels of coded values in the UI's language (the reference data carries both languages)."""

from __future__ import annotations

from fieldapp.domain.reference import Reference


class Labels:
    def __init__(self, ref: Reference, lang: str) -> None:
        self.ref = ref
        self.lang = lang

    def county(self, code: str | None) -> str:
        term = self.ref.county(code or "")
        return term.label(self.lang) if term else (code or "")

    def type(self, type_code: str, subtype_code: str | None = None) -> str:
        if subtype_code:
            sub = self.ref.subtype_term(subtype_code)
            if sub:
                return sub.label(self.lang)
        term = self.ref.type_term(type_code)
        return term.label(self.lang) if term else type_code

    def legacy_type(self, code: str | None) -> str:
        term = next((t for t in self.ref.legacy_types if t.code == code), None)
        return term.label(self.lang) if term else (code or "")

    def state(self, code: str | None) -> str:
        term = self.ref.state(code or "")
        return term.label(self.lang) if term else (code or "")

    def vocab(self, vocabulary: str, code: str | None) -> str:
        term = self.ref.term(vocabulary, code)
        return term.label(self.lang) if term else (code or "")


def county_names(lang: str) -> dict[str, str]:
    """Every county's name in ``lang``, by code (the desk's choice of where a record goes)."""
    from fieldapp import reference_data

    return {c.code: c.label(lang) for c in reference_data.load().counties}
