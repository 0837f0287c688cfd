"""The case history's merge: every entry once, newest first, whatever order the sources give."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from sync.history import Entry, Kind, history, instant, merge

moments = st.datetimes(
    min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2030, 1, 1), timezones=st.just(dt.UTC)
)


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    moment = draw(moments)
    # the tables store times in several spellings: Z, +00:00, +08:00, no offset
    spelling = draw(st.sampled_from(["z", "utc", "cst", "naive"]))
    if spelling == "z":
        at = moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    elif spelling == "utc":
        at = moment.isoformat()
    elif spelling == "cst":
        at = moment.astimezone(dt.timezone(dt.timedelta(hours=8))).isoformat()
    else:
        at = moment.replace(tzinfo=None).isoformat()
    return Entry(
        draw(st.sampled_from(list(Kind))),
        draw(st.text("abcdef0123", min_size=1, max_size=6)),
        at,
        draw(st.text(max_size=4)),
    )


sources = st.lists(st.lists(entries(), max_size=8), max_size=5)


@settings(deadline=None)  # a loaded machine: time is not what this checks
@given(sources)
def test_newest_first_each_entry_once(srcs: list[list[Entry]]) -> None:
    merged = merge(srcs)
    moments_ = [instant(e.at) for e in merged]
    assert moments_ == sorted(moments_, reverse=True)
    keys = [(e.kind, e.entry_id) for e in merged]
    assert len(keys) == len(set(keys))
    assert set(keys) == {(e.kind, e.entry_id) for src in srcs for e in src}


@settings(deadline=None)
@given(sources, st.randoms(use_true_random=False))
def test_order_of_sources_and_entries_does_not_matter(srcs: list[list[Entry]], rnd) -> None:  # type: ignore[no-untyped-def]
    # the same entry given twice is the same entry (the keys are unique within the draw)
    unique: dict[tuple[Kind, str], Entry] = {}
    for src in srcs:
        for e in src:
            unique.setdefault((e.kind, e.entry_id), e)
    flat = list(unique.values())
    shuffled = flat[:]
    rnd.shuffle(shuffled)
    halves = [shuffled[: len(shuffled) // 2], shuffled[len(shuffled) // 2 :]]
    assert merge([flat]) == merge(halves[::-1])


def test_another_source_is_one_provider() -> None:
    plan = Entry(Kind.PLAN, "p1", "2026-05-02T08:00:00+08:00", "县水利局")
    step = Entry(Kind.STEP, "e1", "2026-05-01T23:59:00Z", "张伟", state="remediating")
    got = history("o1", [lambda _o: [step], lambda _o: [plan]])
    # 08:00 in China is 00:00 UTC: the plan is one minute newer than the step
    assert got == [plan, step]


def test_unreadable_time_sorts_last_and_json_round_trips() -> None:
    bad = Entry(Kind.TASK, "t", "not a time", "")
    good = Entry(Kind.REVIEW, "r", "2026-01-01T00:00:00Z", "李娜", photos=("a" * 64,))
    assert merge([[bad, good]]) == [good, bad]
    assert Entry.from_json(good.to_json()) == good
