"""Which record a synced row belongs to, and the photos a row refers to
(sync.client.state.records)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sync.client.state.records import parents_first, photo_refs, record_key

SHA = st.text("0123456789abcdef", min_size=64, max_size=64)


def test_a_row_belongs_to_its_record_and_a_record_to_itself() -> None:
    photo = {"id": "p1", "inspection_id": "i1"}
    assert record_key("inspection_photos", "p1", photo) == ("inspections", "i1")
    assert record_key("inspections", "i1", {"id": "i1"}) == ("inspections", "i1")
    assert record_key("inspection_photos", "p1", None) == ("inspection_photos", "p1")


def test_records_are_resent_before_their_rows() -> None:
    rows = [("patrol_tracks", "t"), ("inspection_photos", "p"), ("patrols", "x"),
            ("inspections", "i"), ("outfalls", "o")]  # fmt: skip
    assert [e for e, _ in parents_first(rows)] == [
        "outfalls",
        "inspections",
        "patrols",
        "patrol_tracks",
        "inspection_photos",
    ]


@given(st.lists(SHA, max_size=5), st.lists(SHA, max_size=5), SHA)
def test_photo_references_are_found_at_any_depth(
    listed: list[str], nested: list[str], own: str
) -> None:
    row = {
        "id": "x",
        "sha256": own,
        "photo_sha256s": listed,
        "sections": {"problems": [{"photos": [{"sha256": s} for s in nested]}]},
        "note": "sha256 in words is not a reference",
    }
    assert photo_refs(row) == {own, *listed, *nested}
    assert photo_refs({"id": "x", "sha256": None, "photos": [1, None]}) == set()
