"""The hybrid logical clock (sync.client.state.clock): pure, so checked over many inputs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sync.client.state.clock import format_hlc, iso_ms, parse_hlc, tick, witness

MS = st.integers(min_value=0, max_value=10**13 - 1)
COUNTER = st.integers(min_value=0, max_value=10**5 - 1)
STATE = st.tuples(MS, COUNTER)


@given(MS, COUNTER)
def test_a_stamp_reads_back_as_it_was_written(ms: int, counter: int) -> None:
    assert parse_hlc(format_hlc(ms, counter, "device-1")) == (ms, counter)


@given(STATE, STATE)
def test_stamps_of_one_node_sort_as_text_in_clock_order(
    a: tuple[int, int], b: tuple[int, int]
) -> None:
    assert (format_hlc(*a, "n") < format_hlc(*b, "n")) == (a < b)


@given(STATE, MS)
def test_a_local_event_is_later_than_everything_and_not_before_the_physical_time(
    state: tuple[int, int], physical: int
) -> None:
    after = tick(state, physical)
    assert after > state
    assert after[0] >= physical


@given(STATE, STATE, MS)
def test_after_seeing_a_server_stamp_the_next_stamp_is_later_than_it(
    state: tuple[int, int], remote: tuple[int, int], physical: int
) -> None:
    seen = witness(state, format_hlc(*remote, "server"))
    assert seen >= state and seen >= remote
    assert tick(seen, physical) > remote


def test_a_stamp_that_cannot_be_read_counts_as_the_beginning() -> None:
    assert parse_hlc("") == (0, 0)
    assert parse_hlc("garbage") == (0, 0)
    assert parse_hlc("12:x:node") == (0, 0)
    assert witness((5, 1), "garbage") == (5, 1)


def test_capture_times_read_as_utc_milliseconds() -> None:
    assert iso_ms("2026-12-02T08:00:00.250Z") == 1_796_198_400_250
    assert iso_ms("2026-12-02T08:00:00.250") == iso_ms("2026-12-02T08:00:00.250+00:00")
    assert iso_ms("2026-12-02T16:00:00.250+08:00") == 1_796_198_400_250


def test_an_unreadable_capture_time_counts_as_now() -> None:
    import time

    assert abs(iso_ms("not a time") - time.time() * 1000) < 60_000
