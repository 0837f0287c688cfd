"""The mapping of ledger columns and values, read from ``resources/data`` (configurable data).

``Vocab`` answers: which field a header names, which code a cell's text means for a closed list,
which county a name or code is, which legacy Nantong category a text is and what it maps to.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ledgerio import resources

RESOURCES = resources.RESOURCES / "data"
_SPACE = re.compile(r"\s+")
# Closed lists whose values come from vocabularies.json, with the extra spellings of the mapping.
ENUM_FIELDS = (
    "receiving_kind",
    "basin",
    "regime",
    "sea_tier",
    "remediation_route",
    "channel_kind",
    "sign_status",
    "sampling_status",
    "position_source",
)


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """A header or value as compared: NFKC (full-width to half-width), no spaces, lower case."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text)).lower()


@dataclass(frozen=True)
class Area:
    name: str
    lat_min: float
    lat_max: float
    lon_min: float
    lon_max: float

    def contains(self, lat: float, lon: float) -> bool:
        return self.lat_min <= lat <= self.lat_max and self.lon_min <= lon <= self.lon_max


@dataclass(frozen=True)
class Vocab:
    """Everything the import and export need to know about names and codes."""

    headers: dict[str, str]  # normalised header -> field
    export_headers: dict[str, str]  # field -> the header written on export
    ignored: frozenset[str]
    enums: dict[str, dict[str, str]]  # field -> normalised spelling -> code
    labels: dict[str, dict[str, str]]  # field -> code -> zh label
    types: dict[str, tuple[str, str | None]]  # normalised zh of a type or sub-type -> (type, sub)
    subtypes: dict[str, tuple[str, str]]  # normalised zh of a sub-type -> (type, sub)
    type_labels: dict[str, str]  # type code -> zh
    subtype_labels: dict[str, str]  # sub-type code -> zh
    subtypes_of: dict[str, frozenset[str]]
    undetermined: str
    undetermined_spellings: frozenset[str]
    legacy: dict[str, str]  # normalised spelling -> legacy code
    legacy_labels: dict[str, str]
    legacy_mapping: dict[str, tuple[str, str | None]]
    counties: dict[str, str]  # normalised name or code -> code
    county_labels: dict[str, str]
    city_code: str
    datums: dict[str, str]  # normalised spelling -> wgs84 | cgcs2000 | gcj02
    separators: tuple[str, ...]
    area: Area
    lookalike_distance_m: float
    lookalike_similarity: float
    max_bytes: int
    max_rows: int
    header_search_rows: int
    states: dict[str, str]  # lifecycle code -> zh
    initial_state: str

    def field_of_header(self, header: str) -> str | None:
        return self.headers.get(norm(header))

    def enum_code(self, field: str, text: str) -> str | None:
        return self.enums.get(field, {}).get(norm(text))

    def county_code(self, text: str) -> str | None:
        return self.counties.get(norm(text))

    def datum(self, text: str) -> str | None:
        return self.datums.get(norm(text))


def _read(name: str) -> Any:
    return json.loads((RESOURCES / name).read_text(encoding="utf-8"))


def _spellings(terms: list[dict[str, Any]], extra: dict[str, str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for t in terms:
        for key in ("code", "zh", "en"):
            found[norm(str(t[key]))] = t["code"]
    for text, code in extra.items():
        found[norm(text)] = code
    return found


@cache
def load() -> Vocab:
    """The vocabulary as the resource files say (read once per process)."""
    mapping = _read("ledger_columns.json")
    classification = _read("classification.json")
    vocabularies = _read("vocabularies.json")
    counties = _read("counties.json")
    lifecycle = _read("lifecycle.json")
    headers: dict[str, str] = {}
    for field, names in mapping["columns"].items():
        for name in names:
            headers[norm(name)] = field
    enums = {
        f: _spellings(vocabularies.get(f, []), mapping["values"].get(f, {})) for f in ENUM_FIELDS
    }
    enums["lifecycle_state"] = _spellings(lifecycle["states"], mapping["values"]["lifecycle_state"])
    labels = {f: {t["code"]: t["zh"] for t in vocabularies.get(f, [])} for f in ENUM_FIELDS}
    labels["lifecycle_state"] = {s["code"]: s["zh"] for s in lifecycle["states"]}
    types: dict[str, tuple[str, str | None]] = {}
    subtypes: dict[str, tuple[str, str]] = {}
    subtypes_of: dict[str, frozenset[str]] = {}
    type_labels: dict[str, str] = {}
    subtype_labels: dict[str, str] = {}
    for t in classification["current"]:
        type_labels[t["code"]] = t["zh"]
        subtypes_of[t["code"]] = frozenset(s["code"] for s in t["subtypes"])
        for s in t["subtypes"]:
            subtype_labels[s["code"]] = s["zh"]
            types.setdefault(norm(s["zh"]), (t["code"], s["code"]))
            subtypes.setdefault(norm(s["zh"]), (t["code"], s["code"]))
        types[norm(t["zh"])] = (t["code"], None)
    undetermined = classification["undetermined"]
    legacy = {norm(t["zh"]): t["code"] for t in classification["nantong_legacy"]}
    legacy.update({norm(k): v for k, v in mapping["legacy_types"].items()})
    county_codes = {c["code"]: c["zh"] for c in counties["counties"]}
    county_lookup = {norm(code): code for code in county_codes}
    county_lookup.update({norm(zh): code for code, zh in county_codes.items()})
    county_lookup.update({norm(k): v for k, v in mapping["counties"].items()})
    datums = {norm(s): d for d, spellings in mapping["datums"].items() for s in spellings}
    look, limits = mapping["lookalike"], mapping["limits"]
    return Vocab(
        headers=headers,
        export_headers={f: names[0] for f, names in mapping["columns"].items()},
        ignored=frozenset(norm(n) for n in mapping["ignored_columns"]),
        enums=enums,
        labels=labels,
        types=types,
        subtypes=subtypes,
        type_labels=type_labels,
        subtype_labels=subtype_labels,
        subtypes_of=subtypes_of,
        undetermined=undetermined["code"],
        undetermined_spellings=frozenset(
            norm(s) for s in [undetermined["zh"], undetermined["code"], *mapping["undetermined"]]
        ),
        legacy=legacy,
        legacy_labels={t["code"]: t["zh"] for t in classification["nantong_legacy"]},
        legacy_mapping={
            k: (v["type"], v["subtype"]) for k, v in classification["legacy_mapping"].items()
        },
        counties=county_lookup,
        county_labels=county_codes,
        city_code=counties["city"]["code"],
        datums=datums,
        separators=tuple(mapping["list_separators"]),
        area=Area(**mapping["area"]),
        lookalike_distance_m=float(look["distance_m"]),
        lookalike_similarity=float(look["name_similarity"]),
        max_bytes=int(limits["max_bytes"]),
        max_rows=int(limits["max_rows"]),
        header_search_rows=int(limits["header_search_rows"]),
        states={s["code"]: s["zh"] for s in lifecycle["states"]},
        initial_state=lifecycle["initial"],
    )
