"""The server's HLC values taken in a block (a bulk write) keep the order and uniqueness of
values taken one at a time, also when the counter wraps within the block."""

from __future__ import annotations

from sync.server import canonical


def test_a_block_of_hlcs_is_increasing_and_distinct_across_a_counter_wrap() -> None:
    block = canonical.server_hlcs(150_000)  # more than the counter's 100,000 values
    assert len(set(block)) == len(block)
    assert block == sorted(block)
    assert all(v.endswith(":server") for v in block)
    after = canonical.server_hlc()
    assert after > block[-1]


def test_an_empty_block() -> None:
    assert canonical.server_hlcs(0) == []
