"""Unlocking a profile at start: its key from the OS key store or its passphrase (made the first
time), then what is still plain beside it is encrypted once: the database (SQLCipher), the photos
(sealed in place), the review desk's cache (a cache: plain copies are wiped, fetched again when
needed). A large ledger with its photos takes minutes the first time; ``encrypt_what_is_plain``
says how far it is, so the app can show it (``fieldapp.ui.unlock.encrypting``).

Everything here is the environment's business: an OS error becomes a StoreError (a full disk says
so), a key that cannot be had a ``vault.keys`` error; both explain themselves to the user.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from fieldapp.media.blobstore import profile_store
from fieldapp.store import database, errors
from fieldapp.vault import files, keys, sealing

_SEALED_MARK = ".sealed-v1"  # in a folder whose plain files have all been sealed or wiped


@dataclass(frozen=True, slots=True)
class Step:
    """How far the one-time encryption is: ``part`` and ``done`` of ``total`` in its unit (bytes of
    the database, photos); a total of 0 means no measure (checking the encrypted copy)."""

    part: Literal["database", "checking", "photos"]
    done: int
    total: int


Progress = Callable[[Step], None]


def prepare_folder(profile: Path) -> None:
    """Make the profile's folder (0700); a full disk or a read-only place says so."""
    try:
        files.private_dir(profile.parent)
    except OSError as exc:
        raise (errors.from_os_error(exc, profile.parent) or exc) from exc


def unlock_key(profile: Path | str, prompt: keys.Prompt | None) -> keys.ProfileKey:
    """The profile's key for this process (made the first time), without encrypting anything."""
    profile = Path(profile)
    try:
        return keys.unlock(profile, prompt)
    except OSError as exc:
        raise (errors.from_os_error(exc, profile) or exc) from exc


def unlock_profile(profile: Path | str, prompt: keys.Prompt | None) -> keys.ProfileKey:
    """Unlock ``profile`` for this process and finish encrypting what is still plain."""
    key = unlock_key(profile, prompt)
    encrypt_what_is_plain(profile)
    return key


def needs_encrypting(profile: Path | str) -> bool:
    """Whether an unlocked profile still has a plain database or photos not yet sealed (cheap: it
    reads a file header and looks for a mark)."""
    profile = Path(profile)
    if keys.key_for(profile) is None:
        return False
    plain_database = profile.is_file() and profile.stat().st_size > 0 and _is_plain(profile)
    photos = profile_store(profile).root
    return plain_database or (photos.is_dir() and not (photos / _SEALED_MARK).exists())


def encrypt_what_is_plain(profile: Path | str, progress: Progress | None = None) -> None:
    """Encrypt what an unlocked profile still holds in the clear; safe to call again (and after a
    kill: each part starts over or finishes where it was)."""
    profile = Path(profile)

    def database_step(part: str, done: int, total: int) -> None:
        if progress is not None:
            progress(Step("checking" if part == "checking" else "database", done, total))

    def photo_step(done: int, total: int) -> None:
        if progress is not None:
            progress(Step("photos", done, total))

    database.encrypt_if_plain(profile, database_step)
    try:
        _seal_photos(profile, photo_step)
        _wipe_plain_cache(profile.with_name(profile.name + ".review-cache"))
    except OSError as exc:
        raise (errors.from_os_error(exc, profile) or exc) from exc


def _is_plain(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(16) == database.SQLITE_HEADER


def _seal_photos(profile: Path, progress: Callable[[int, int], None]) -> None:
    store = profile_store(profile)
    mark = store.root / _SEALED_MARK
    if not store.root.is_dir() or mark.exists():
        return
    store.make_private()
    store.seal_plain_files(progress)
    files.write_private(mark, b"")


def _wipe_plain_cache(root: Path) -> None:
    mark = root / _SEALED_MARK
    if not root.is_dir() or mark.exists():
        return
    files.private_dir(root)
    for path in root.glob("*/*"):
        if not path.is_file():
            continue
        with path.open("rb") as f:
            sealed = sealing.is_sealed(f.read(len(sealing.MAGIC)))
        if not sealed:
            with contextlib.suppress(FileNotFoundError):
                files.wipe(path)
    files.write_private(mark, b"")
