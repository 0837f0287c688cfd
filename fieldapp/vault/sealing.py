"""AES-GCM sealing of whole files (photos, cached photos): ``MAGIC | nonce | ciphertext+tag``.

The associated data binds a sealed file to its name (the SHA-256 of the original): a file copied
over another's name does not open. A random 96-bit nonce per file; a key seals far fewer than the
2^32 files after which random nonces would start to risk a repeat.
"""

from __future__ import annotations

import os

MAGIC = b"HKE1"
NONCE_BYTES = 12
TAG_BYTES = 16
OVERHEAD = len(MAGIC) + NONCE_BYTES + TAG_BYTES


class Unsealable(Exception):
    """A sealed file that does not open with this key and name: damaged, or someone else's."""


def is_sealed(head: bytes) -> bool:
    return head[: len(MAGIC)] == MAGIC


def seal(key: bytes, data: bytes, context: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # not at start: when used

    nonce = os.urandom(NONCE_BYTES)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, data, context)


def unseal(key: bytes, sealed: bytes, context: bytes) -> bytes:
    if not is_sealed(sealed) or len(sealed) < OVERHEAD:
        raise Unsealable("not a sealed file")
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = sealed[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
    try:
        return AESGCM(key).decrypt(nonce, sealed[len(MAGIC) + NONCE_BYTES :], context)
    except InvalidTag as exc:
        raise Unsealable("authentication failed") from exc


def plain_size(file_size: int) -> int:
    """The size of the original inside a sealed file of ``file_size`` bytes."""
    return max(0, file_size - OVERHEAD)
