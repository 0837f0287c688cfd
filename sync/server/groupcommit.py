"""Group commit: items submitted from many threads at once are committed together.

Each submitter queues its item and takes the commit lock; whoever holds it commits everything
queued so far, its own item and those of the threads waiting behind it, in one transaction. A
waiter that finds its item committed returns at once. Under load this turns n commits (each with
its lock, round trips and audit-chain read) into about one; alone, a submitter commits its own
item with no wait. If a group's commit fails, each of its items is committed again on its own,
so one bad item fails only its own submitter.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


class _State(enum.Enum):
    QUEUED = enum.auto()
    COMMITTED = enum.auto()
    ON_ITS_OWN = enum.auto()  # its group failed: commit it alone


@dataclass
class _Ticket(Generic[T]):
    item: T
    state: _State = _State.QUEUED


class GroupCommit(Generic[T]):
    def __init__(self) -> None:
        self._queue_lock = threading.Lock()
        self._commit_lock = threading.Lock()
        self._queue: list[_Ticket[T]] = []

    def submit(self, item: T, commit: Callable[[list[T]], None]) -> None:
        """Return once ``item`` is committed, by this call or by a concurrent one's ``commit``."""
        ticket = _Ticket(item)
        with self._queue_lock:
            self._queue.append(ticket)
        with self._commit_lock:
            if ticket.state is _State.QUEUED:
                with self._queue_lock:
                    group, self._queue = self._queue, []
                try:
                    commit([t.item for t in group])
                except Exception:
                    if len(group) == 1:
                        raise
                    outcome = _State.ON_ITS_OWN
                else:
                    outcome = _State.COMMITTED
                for t in group:
                    t.state = outcome
            if ticket.state is _State.ON_ITS_OWN:
                commit([item])
                ticket.state = _State.COMMITTED
