"""Passwords (Argon2id) and device tokens (random, stored only as a SHA-256 hash)."""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from sync.server.config import Settings

TOKEN_PREFIX = "hk1_"
# Per hasher, a hash to verify against when the user does not exist, made with the same
# parameters, so the time a login takes does not tell existing names apart.
_dummies: dict[tuple[int, int, int], str] = {}


def password_hasher(settings: Settings) -> PasswordHasher:
    return PasswordHasher(
        time_cost=settings.argon2_time_cost,
        memory_cost=settings.argon2_memory_kib,
        parallelism=settings.argon2_parallelism,
        type=Type.ID,
    )


def check_password(hasher: PasswordHasher, stored_hash: str | None, password: str) -> bool:
    """Whether the password matches; costs the same when there is no such user."""
    if stored_hash is None:
        key = (hasher.time_cost, hasher.memory_cost, hasher.parallelism)
        if key not in _dummies:
            _dummies[key] = hasher.hash("no such user")
        stored_hash = _dummies[key]
        password = password + "\0never"  # cannot match the dummy
    try:
        return hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """Tokens carry 256 random bits, so a plain SHA-256 is a safe stored form."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
