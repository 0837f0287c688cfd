"""The profile key (档案密钥): 32 random bytes made with the profile, never derived from a password.

Where it lives is written in ``<profile>.key`` (JSON, 0600), beside the database:

- ``"keyring": true``: the key is in the OS key store through ``keyring`` (Windows Credential
  Locker / DPAPI, macOS Keychain, Secret Service), under service ``SERVICE`` and the file's
  ``key_id``. Nothing secret is in the file.
- ``"passphrase": {...}``: the key wrapped (AES-GCM) by a key derived from the user's passphrase
  with scrypt; used when no key store is usable (a headless or locked-down machine), and as the
  recovery copy when the user sets one beside a key store.

A process unlocks a profile once (``unlock``) and registers its key; ``key_for`` finds it for the
database and the photo store. From the one key: the SQLCipher key, the photo key and the cache key
are derived with HKDF, so one leaked sub-key opens nothing else.

    KeyError_ (Explained)
    ├── ProfileLocked     the key is not available (cancelled, key store entry gone)
    └── WrongPassphrase   the passphrase does not unwrap the key
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from fieldapp.domain.errors import Explained
from fieldapp.vault import files

SERVICE = "Hekou profile key"
KEY_BYTES = 32
FORMAT = "hekou-profile-key"
# scrypt at n=2^15, r=8: about 32 MiB and 0.1 s here; paid once per start, never per open.
SCRYPT_N = 1 << 15
SCRYPT_R = 8
SCRYPT_P = 1
MIN_PASSPHRASE = 8


class KeyError_(Explained):
    """The profile's key could not be had."""


class ProfileLocked(KeyError_):
    def __init__(self, path: Path | str, why_en: str = "", why_zh: str = "") -> None:
        super().__init__(
            zh=f"档案 {path} 已加密，无法取得其密钥{why_zh}。未做任何改动。",
            en=f"The profile {path} is encrypted and its key is not available{why_en}. "
            "Nothing was changed.",
        )
        self.path = str(path)


class WrongPassphrase(KeyError_):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            zh=f"口令不正确，无法解锁档案 {path}。",
            en=f"The passphrase is wrong: the profile {path} stays locked.",
        )


class WeakPassphrase(KeyError_):
    def __init__(self) -> None:
        super().__init__(
            zh=f"口令至少需要 {MIN_PASSPHRASE} 个字符。",
            en=f"The passphrase needs at least {MIN_PASSPHRASE} characters.",
        )


@dataclass(frozen=True)
class ProfileKey:
    """The profile's key; the parts it is used for are derived, never the key itself."""

    raw: bytes

    def __post_init__(self) -> None:
        if len(self.raw) != KEY_BYTES:
            raise ValueError("a profile key is 32 bytes")

    def _derive(self, purpose: bytes) -> bytes:
        return hkdf_sha256(self.raw, b"hekou " + purpose)

    def database_key_sql(self) -> str:
        """The SQLCipher ``PRAGMA key`` value: a raw key (no PBKDF2 at each open)."""
        return f"\"x'{self._derive(b'sqlcipher').hex()}'\""

    def photos(self) -> bytes:
        return self._derive(b"photos")

    def cache(self) -> bytes:
        return self._derive(b"cache")

    def __repr__(self) -> str:  # never print the key
        return "ProfileKey(…)"


def hkdf_sha256(key: bytes, info: bytes, length: int = KEY_BYTES) -> bytes:
    """HKDF-SHA256 (RFC 5869) with no salt, from the standard library: deriving the database key
    at start does not load OpenSSL's bindings (tests check it against ``cryptography``'s)."""
    prk = hmac.new(bytes(32), key, hashlib.sha256).digest()
    out, block = b"", b""
    for counter in range(1, -(-length // 32) + 1):
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
    return out[:length]


class Ask(Enum):
    """What a passphrase prompt is asked for."""

    NEW = "new"  # no key store: choose a passphrase for this profile
    ENTER = "enter"  # unlock
    AGAIN = "again"  # the last one was wrong


Prompt = Callable[[Ask], "str | None"]  # None: the user cancelled


def key_file(profile: Path | str) -> Path:
    profile = Path(profile)
    return profile.with_name(profile.name + ".key")


# -- the process's unlocked keys ----------------------------------------------------------------
_unlocked: dict[str, ProfileKey] = {}
_lock = threading.Lock()


def _id(profile: Path | str) -> str:
    return os.path.realpath(profile)


def register(profile: Path | str, key: ProfileKey) -> None:
    with _lock:
        _unlocked[_id(profile)] = key


def forget(profile: Path | str) -> None:
    with _lock:
        _unlocked.pop(_id(profile), None)


def key_for(profile: Path | str) -> ProfileKey | None:
    """The unlocked key of a profile (None: the profile is not unlocked in this process)."""
    with _lock:
        return _unlocked.get(_id(profile))


def is_protected(profile: Path | str) -> bool:
    """Whether the profile has a key (its database and photos are, or are being, encrypted)."""
    return key_file(profile).is_file()


# -- the OS key store ---------------------------------------------------------------------------
def usable_keyring() -> Any | None:
    """The OS key store backend, or None when there is none worth trusting (headless machines:
    keyring's ``fail`` and ``null`` backends, priority below 1)."""
    try:
        import keyring
    except ImportError:  # pragma: no cover - a dependency
        return None
    backend = keyring.get_keyring()
    try:
        priority = float(backend.priority)
    except Exception:
        return None
    return backend if priority >= 1 else None


def _keyring_store(key_id: str, key: ProfileKey) -> bool:
    backend = usable_keyring()
    if backend is None:
        return False
    from keyring.errors import KeyringError

    try:
        backend.set_password(SERVICE, key_id, key.raw.hex())
        return backend.get_password(SERVICE, key_id) == key.raw.hex()
    except KeyringError:
        return False


def _keyring_load(key_id: str) -> ProfileKey | None:
    backend = usable_keyring()
    if backend is None:
        return None
    from keyring.errors import KeyringError

    try:
        stored = backend.get_password(SERVICE, key_id)
    except KeyringError:
        return None
    try:
        return ProfileKey(bytes.fromhex(stored)) if stored else None
    except ValueError:
        return None


# -- passphrase wrapping ------------------------------------------------------------------------
def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def wrap(key: ProfileKey, passphrase: str, key_id: str) -> dict[str, Any]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    if len(passphrase) < MIN_PASSPHRASE:
        raise WeakPassphrase()
    salt, nonce = os.urandom(16), os.urandom(12)
    kek = Scrypt(salt, KEY_BYTES, SCRYPT_N, SCRYPT_R, SCRYPT_P).derive(passphrase.encode())
    wrapped = AESGCM(kek).encrypt(nonce, key.raw, key_id.encode())
    return {
        "kdf": "scrypt",
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "wrapped": _b64(wrapped),
    }


def unwrap(wrapped: dict[str, Any], passphrase: str, key_id: str) -> ProfileKey | None:
    """The key, or None when the passphrase is wrong."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    try:
        salt = base64.b64decode(wrapped["salt"])
        kek = Scrypt(salt, KEY_BYTES, int(wrapped["n"]), int(wrapped["r"]), int(wrapped["p"]))
        raw = AESGCM(kek.derive(passphrase.encode())).decrypt(
            base64.b64decode(wrapped["nonce"]),
            base64.b64decode(wrapped["wrapped"]),
            key_id.encode(),
        )
    except InvalidTag:
        return None
    return ProfileKey(raw)


# -- the key file -------------------------------------------------------------------------------
@dataclass(frozen=True)
class KeyFile:
    key_id: str
    keyring: bool
    passphrase: dict[str, Any] | None

    def dump(self) -> bytes:
        body = {"format": FORMAT, "version": 1, "key_id": self.key_id, "keyring": self.keyring}
        if self.passphrase is not None:
            body["passphrase"] = self.passphrase
        return json.dumps(body, indent=1).encode()

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            body = json.loads(path.read_bytes())
            if body.get("format") != FORMAT:
                raise ValueError("not a Hekou key file")
            return cls(str(body["key_id"]), bool(body.get("keyring")), body.get("passphrase"))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ProfileLocked(
                path,
                f" (the key file {path} is unreadable: {exc})",
                f"（密钥文件 {path} 无法读取）",
            ) from exc


def create(profile: Path | str, prompt: Prompt | None) -> ProfileKey:
    """A new key for a profile, kept in the OS key store, else wrapped by a passphrase the user
    chooses now; the key file is written (0600) before anything is encrypted with the key."""
    profile = Path(profile)
    key = ProfileKey(os.urandom(KEY_BYTES))
    key_id = uuid.uuid4().hex
    if _keyring_store(key_id, key):
        entry = KeyFile(key_id, keyring=True, passphrase=None)
    else:
        passphrase = prompt(Ask.NEW) if prompt is not None else None
        if passphrase is None:
            raise ProfileLocked(
                profile,
                " (there is no OS key store here and no passphrase was chosen)",
                "（本机没有可用的系统密钥库，也未设置口令）",
            )
        entry = KeyFile(key_id, keyring=False, passphrase=wrap(key, passphrase, key_id))
    files.write_private(key_file(profile), entry.dump())
    return key


def load(profile: Path | str, prompt: Prompt | None, attempts: int = 3) -> ProfileKey:
    """The key of a protected profile: from the OS key store, else by asking for the passphrase."""
    profile = Path(profile)
    entry = KeyFile.load(key_file(profile))
    if entry.keyring:
        key = _keyring_load(entry.key_id)
        if key is not None:
            return key
    if entry.passphrase is None:
        raise ProfileLocked(
            profile,
            " (its entry in the OS key store is gone; see README: recovery)",
            "（系统密钥库中的条目已不存在；见说明文档“恢复”一节）",
        )
    ask = Ask.ENTER
    for _ in range(attempts):
        passphrase = prompt(ask) if prompt is not None else None
        if passphrase is None and ask is Ask.AGAIN:
            raise WrongPassphrase(profile)  # a wrong one was given, and no other
        if passphrase is None:
            raise ProfileLocked(profile, " (no passphrase was given)", "（未输入口令）")
        key = unwrap(entry.passphrase, passphrase, entry.key_id)
        if key is not None:
            return key
        ask = Ask.AGAIN
    raise WrongPassphrase(profile)


def set_recovery_passphrase(profile: Path | str, key: ProfileKey, passphrase: str) -> None:
    """Add (or replace) the passphrase-wrapped copy of the key: a way back in when the OS key
    store entry is lost (a reinstalled system, another user account)."""
    path = key_file(profile)
    entry = KeyFile.load(path)
    updated = KeyFile(entry.key_id, entry.keyring, wrap(key, passphrase, entry.key_id))
    files.write_private(path, updated.dump())


def unlock(profile: Path | str, prompt: Prompt | None) -> ProfileKey:
    """Unlock a profile for this process (making its key first if it has none) and register it."""
    profile = Path(profile)
    key = key_for(profile)
    if key is None:
        key = load(profile, prompt) if is_protected(profile) else create(profile, prompt)
        register(profile, key)
    return key
