"""Retrying with exponential backoff and full jitter, and cancelling at any moment."""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field


@dataclass
class RetryPolicy:
    """Delay before attempt n (n ≥ 1) is uniform in [0, min(cap, base·2ⁿ⁻¹)] ("full jitter"):
    devices that lost the same link do not come back in step."""

    base_s: float = 0.5
    cap_s: float = 30.0
    attempts: int = 8  # per step of a sync (one request); then the sync ends with the error
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int) -> float:
        return self.rng.uniform(0, min(self.cap_s, self.base_s * 2 ** max(0, attempt - 1)))


class CancelToken:
    """Set from any thread; the engine checks it between requests and chunks and while waiting."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True when cancelled meanwhile."""
        return self._event.wait(seconds)
