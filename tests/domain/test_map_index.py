"""Grid clustering: every point is counted once at every level; visible queries agree."""

from __future__ import annotations

import random

from fieldapp.domain.map_index import MAX_LEVEL, MIN_LEVEL, PointIndex


def test_levels_count_every_point_once_and_window_query_matches_brute_force() -> None:
    rng = random.Random(4)
    xs = [0.83 + rng.random() * 0.005 for _ in range(5000)]
    ys = [0.40 + rng.random() * 0.004 for _ in range(5000)]
    index = PointIndex(xs, ys)
    for z in range(MIN_LEVEL, MAX_LEVEL + 1):
        level = index.level(z)
        assert sum(level.counts.values()) == len(xs)
        x0, y0, x1, y1 = 0.831, 0.401, 0.833, 0.402
        got = sum(c.count for c in level.visible(x0, y0, x1, y1))
        s = level.scale
        want = sum(
            1
            for x, y in zip(xs, ys, strict=True)
            if int(x0 * s) <= int(x * s) <= int(x1 * s) and int(y0 * s) <= int(y * s) <= int(y1 * s)
        )
        assert got == want
    top = index.level(MAX_LEVEL)
    members = [i for cell in top.visible(0, 0, 1, 1) for i in top.members_of(cell, xs, ys)]
    assert sorted(members) == list(range(len(xs)))
