"""Whatever the ledger holds, its export imports back unchanged (XLSX and CSV)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ledgerio import export
from ledgerio.importer import analyse
from ledgerio.record import with_defaults
from ledgerio.vocab import load

VOCAB = load()
HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
TEXT = st.text(st.one_of(HAN, st.sampled_from("ABC abc0123-（）·、")), max_size=30).map(str.strip)
CODE = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9._\-]{0,20}\Z")


def _enum(field: str) -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(VOCAB.labels[field]))


@st.composite
def outfall(draw: st.DrawFn, i: int = 0) -> dict:
    type_code = draw(st.sampled_from(sorted(VOCAB.type_labels)))
    subtype = draw(st.one_of(st.none(), st.sampled_from(sorted(VOCAB.subtypes_of[type_code]))))
    return with_defaults(
        {
            "id": f"id-{i}",
            "name": draw(TEXT.filter(bool)),
            "national_code": draw(CODE),
            "local_code": draw(st.one_of(st.none(), CODE)),
            "type_code": type_code,
            "subtype_code": subtype,
            "legacy_type_code": draw(
                st.one_of(st.none(), st.sampled_from(sorted(VOCAB.legacy_labels)))
            ),
            "receiving_kind": draw(_enum("receiving_kind")),
            "basin": draw(_enum("basin")),
            "water_body": draw(TEXT),
            "county_code": draw(st.sampled_from(sorted(VOCAB.county_labels))),
            "town": draw(TEXT),
            "lat": draw(st.one_of(st.none(), st.floats(31.5, 32.9))),
            "lon": draw(st.floats(120.1, 122.2)),
            "position_source": "imported",
            "responsible_party": draw(st.one_of(st.none(), TEXT.filter(bool))),
            "discharging_units": draw(
                st.lists(TEXT.filter(lambda t: t and "、" not in t), max_size=3)
            ),
            "regime": draw(st.one_of(st.none(), _enum("regime"))),
            "regime_date": draw(
                st.one_of(
                    st.just(""),
                    st.dates().map(lambda d: d.isoformat()).filter(lambda d: "1954" < d < "2119"),
                )
            ),
            "remediation_route": draw(st.one_of(st.none(), _enum("remediation_route"))),
            "lifecycle_state": draw(_enum("lifecycle_state")),
            "sign_status": draw(_enum("sign_status")),
            "note": draw(TEXT),
        }
    )


@settings(max_examples=40, deadline=None)
@given(outfall())
def test_an_exported_outfall_imports_back_unchanged(rec):
    if rec["lat"] is None:
        rec["lon"] = None
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("a.xlsx", "a.csv"):
            path = Path(tmp) / name
            export.write_by_suffix(path, [rec], VOCAB)
            plan = analyse(path, VOCAB, [rec])
            (row,) = [r for r in plan.rows if r.action != "blank"]
            assert row.action == "unchanged", (name, [i.zh for i in row.issues], row.changes)
