"""Fixtures for encryption at rest: an in-process OS key store, and a clean key registry."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest

from fieldapp.vault import keys
from tests.keyrings import MemoryKeyring, memory_keyring


@pytest.fixture
def os_keyring() -> Iterator[MemoryKeyring]:
    with memory_keyring() as backend:
        yield backend


@pytest.fixture
def no_os_keyring() -> Iterator[None]:
    """A machine without a usable key store (as this headless one): keyring's fail backend."""
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture(autouse=True)
def _clean_registry() -> Iterator[None]:
    yield
    with keys._lock:
        keys._unlocked.clear()


class Answers:
    """A passphrase prompt that answers from a list and records what it was asked."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.asked: list[keys.Ask] = []

    def __call__(self, ask: keys.Ask) -> str | None:
        self.asked.append(ask)
        return self.answers.pop(0) if self.answers else None
