"""Bulk work on a whole ledger file without the cyclic garbage collector.

Reading and planning 100,000 rows makes millions of small containers that live until the end;
each full collection walks them all, over and over as they grow (measured: about a fifth of an
import's CPU time). Reference counting still frees everything that is dropped; cycles made
meanwhile wait for the collector, which is back on (if it was on) when the work ends."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = [0]
_was_enabled = [False]


@contextmanager
def paused_gc() -> Iterator[None]:
    """The collector off for the block (nested and concurrent blocks: off until the last ends)."""
    with _lock:
        if _depth[0] == 0:
            _was_enabled[0] = gc.isenabled()
            gc.disable()
        _depth[0] += 1
    try:
        yield
    finally:
        with _lock:
            _depth[0] -= 1
            if _depth[0] == 0 and _was_enabled[0]:
                gc.enable()
