"""Passwords (Argon2id) and device tokens (random, stored only as a SHA-256 hash)."""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from sync.server.config import Settings

TOKEN_PREFIX = "hk1_"
# A hash to verify against when the user does not exist, so timing does not tell names apart.
_DUMMY = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash("no such user")


def password_hasher(settings: Settings) -> PasswordHasher:
    return PasswordHasher(
        time_cost=settings.argon2_time_cost,
        memory_cost=settings.argon2_memory_kib,
        parallelism=settings.argon2_parallelism,
        type=Type.ID,
    )


def check_password(hasher: PasswordHasher, stored_hash: str | None, password: str) -> bool:
    try:
        return hasher.verify(stored_hash or _DUMMY, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """Tokens carry 256 random bits, so a plain SHA-256 is a safe stored form."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
