"""Fixtures for encryption at rest: an in-process OS key store, and a clean key registry."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend

from fieldapp.vault import keys


class MemoryKeyring(KeyringBackend):
    """A real keyring backend class, kept in memory: the edge of the machine in tests (the
    laptop's DPAPI / Keychain / Secret Service behind ``keyring`` answer the same calls)."""

    priority = 5  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.items[(service, username)]


@pytest.fixture
def os_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


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
