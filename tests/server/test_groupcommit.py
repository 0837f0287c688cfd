"""Group commit: concurrent submitters share commits, nothing is committed twice or lost, and a
failing group falls back to one commit per item."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from sync.server.groupcommit import GroupCommit


class Ledger:
    """A commit function that records each group and can be held or told to fail."""

    def __init__(self) -> None:
        self.groups: list[list[int]] = []
        self.entered = threading.Event()
        self.release = threading.Event()
        self.release.set()
        self.bad: set[int] = set()

    def commit(self, items: list[int]) -> None:
        self.entered.set()
        self.release.wait(10)
        if self.bad & set(items):
            raise ValueError(f"bad item in {items}")
        self.groups.append(list(items))


def test_submitters_waiting_behind_a_commit_are_committed_together():
    ledger, group = Ledger(), GroupCommit[int]()
    ledger.release.clear()
    with ThreadPoolExecutor(8) as pool:
        first = pool.submit(group.submit, 0, ledger.commit)
        assert ledger.entered.wait(10)  # item 0 is being committed and holds the lock
        rest = [pool.submit(group.submit, n, ledger.commit) for n in range(1, 8)]
        while len(group._queue) < 7:  # all seven queued behind it
            threading.Event().wait(0.005)
        ledger.release.set()
        for f in [first, *rest]:
            f.result(10)
    assert len(ledger.groups) == 2
    assert ledger.groups[0] == [0] and sorted(ledger.groups[1]) == list(range(1, 8))


def test_many_threads_commit_every_item_exactly_once():
    ledger, group = Ledger(), GroupCommit[int]()
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda n: group.submit(n, ledger.commit), range(2000)))
    committed = [n for g in ledger.groups for n in g]
    assert sorted(committed) == list(range(2000))
    assert not group._queue


def test_one_bad_item_fails_only_its_own_submitter():
    ledger, group = Ledger(), GroupCommit[int]()
    ledger.bad = {3}
    ledger.release.clear()
    with ThreadPoolExecutor(6) as pool:
        first = pool.submit(group.submit, 0, ledger.commit)
        assert ledger.entered.wait(10)
        rest = {n: pool.submit(group.submit, n, ledger.commit) for n in range(1, 6)}
        while len(group._queue) < 5:
            threading.Event().wait(0.005)
        ledger.release.set()
        first.result(10)
        for n, f in rest.items():
            if n == 3:
                with pytest.raises(ValueError, match=r"bad item in \[3\]"):
                    f.result(10)
            else:
                f.result(10)
    committed = sorted(n for g in ledger.groups for n in g)
    assert committed == [0, 1, 2, 4, 5]
    # The group of five failed as a whole, then each of its items went alone.
    assert [g for g in ledger.groups if len(g) > 1] == []


def test_a_lone_failure_raises_to_its_submitter_and_leaves_nothing_queued():
    ledger, group = Ledger(), GroupCommit[int]()
    ledger.bad = {9}
    with pytest.raises(ValueError):
        group.submit(9, ledger.commit)
    group.submit(10, ledger.commit)
    assert ledger.groups == [[10]]
