"""Leads grouped by distance and matched to the outfall they probably duplicate."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from geodesy import distance_m
from leads import cluster, likely_duplicates


def _offset(lat: float, lon: float, north_m: float, east_m: float) -> tuple[float, float]:
    return lat + north_m / 111_320, lon + east_m / (111_320 * math.cos(math.radians(lat)))


def test_a_chain_of_near_leads_is_one_cluster_and_a_far_one_its_own() -> None:
    base = (32.0, 120.9)
    points = [
        ("a", *base),
        ("far", *_offset(*base, 500, 0)),
        ("b", *_offset(*base, 0, 40)),
        ("c", *_offset(*base, 0, 80)),  # 80 m from a, 40 m from b: linked through b
    ]
    assert cluster(points, 50) == [["a", "b", "c"], ["far"]]


def test_the_nearest_outfall_within_the_distance_is_the_likely_duplicate() -> None:
    base = (32.0, 120.9)
    outfalls = [("o-near", *_offset(*base, 10, 0)), ("o-nearer", *_offset(*base, 0, 5)), ("o-far", *_offset(*base, 100, 0))]  # fmt: skip
    found = likely_duplicates([("lead", *base), ("lone", *_offset(*base, -300, 0))], outfalls, 30)
    assert set(found) == {"lead"}
    assert found["lead"].outfall_id == "o-nearer" and 4.5 < found["lead"].distance_m < 5.5


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.floats(-400, 400), st.floats(-400, 400)), min_size=1, max_size=25),
    st.floats(5, 120),
)
def test_clusters_match_the_brute_force_linkage(
    offsets: list[tuple[float, float]], distance: float
) -> None:
    points = [(i, *_offset(32.0, 120.9, n, e)) for i, (n, e) in enumerate(offsets)]
    groups = cluster(points, distance)
    assert sorted(k for g in groups for k in g) == list(range(len(points)))
    where = {k: gi for gi, g in enumerate(groups) for k in g}
    for i, a in enumerate(points):
        for b in points[i + 1 :]:
            if distance_m(a[1], a[2], b[1], b[2]) <= distance:
                assert where[a[0]] == where[b[0]]
    # every cluster of two or more is connected by links no longer than the distance
    for group in groups:
        for k in group:
            if len(group) > 1:
                assert any(distance_m(points[k][1], points[k][2], points[j][1], points[j][2]) <= distance for j in group if j != k)  # fmt: skip
