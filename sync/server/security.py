"""Passwords (Argon2id, a minimum strength), user names (normalised) and device tokens (random,
stored only as a SHA-256 hash)."""

from __future__ import annotations

import functools
import hashlib
import secrets
import unicodedata
from pathlib import Path

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from sync.protocol import PASSWORD_MAX_CHARS, USERNAME_MAX_CHARS
from sync.server.config import Settings

TOKEN_PREFIX = "hk1_"
PASSWORD_MIN_CHARS = 10
COMMON_PASSWORDS_FILE = Path(__file__).with_name("data") / "common-passwords.txt"
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


def username_key(name: str) -> str:
    """A user name as compared: NFKC, case-folded, trimmed (``"INSP_A "`` is ``insp_a``)."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold()).strip()


def username_problem(name: str) -> str | None:
    """Why a new user name cannot be used, or None."""
    key = username_key(name)
    if not 1 <= len(key) <= USERNAME_MAX_CHARS:
        return f"user names have 1 to {USERNAME_MAX_CHARS} characters"
    if any(unicodedata.category(c)[0] in "CZ" and c != " " for c in key) or "  " in key:
        return "user names hold no control characters, no line breaks and no runs of spaces"
    return None


@functools.cache
def common_passwords() -> frozenset[str]:
    """The common-password list shipped as data (``data/common-passwords.txt``), case-folded."""
    lines = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w.casefold() for w in lines if w and not w.startswith("#"))


def password_problem(password: str, username: str = "") -> str | None:
    """Why a password is too weak or cannot be sent at login, or None when it will do."""
    if len(password) < PASSWORD_MIN_CHARS:
        return f"passwords have at least {PASSWORD_MIN_CHARS} characters"
    if len(password) > PASSWORD_MAX_CHARS:
        # The login request carries at most this many: a longer one could never log in.
        return f"passwords have at most {PASSWORD_MAX_CHARS} characters"
    if "\x00" in password or any(0xD800 <= ord(c) <= 0xDFFF for c in password):
        return "the password holds a character that cannot be sent"
    folded = password.casefold()
    if folded in common_passwords() or len(set(folded)) < 4:
        return "this password is too common or too simple"
    key = username_key(username)
    if key and key in folded:
        return "the password must not contain the user name"
    return None


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """Tokens carry 256 random bits, so a plain SHA-256 is a safe stored form."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def fingerprint(secret_hash: str) -> str:
    """What the audit log keeps of a stored password or token hash: enough to see it changed."""
    return hashlib.sha256(secret_hash.encode("utf-8")).hexdigest()[:32]
