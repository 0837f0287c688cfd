"""Unlocking a profile at start: its key from the OS key store or its passphrase (made the first
time), then what is still plain beside it is encrypted once: the photos (sealed in place), the
review desk's cache (a cache: plain copies are wiped, fetched again when needed). The database is
encrypted by ``fieldapp.store.database.open_profile`` when it meets a plain file with a key.

Everything here is the environment's business: an OS error becomes a StoreError (a full disk says
so), a key that cannot be had a ``vault.keys`` error; both explain themselves to the user.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from fieldapp.media.blobstore import profile_store
from fieldapp.store import errors
from fieldapp.vault import files, keys, sealing

_SEALED_MARK = ".sealed-v1"  # in a folder whose plain files have all been sealed or wiped


def prepare_folder(profile: Path) -> None:
    """Make the profile's folder (0700); a full disk or a read-only place says so."""
    try:
        files.private_dir(profile.parent)
    except OSError as exc:
        raise (errors.from_os_error(exc, profile.parent) or exc) from exc


def unlock_profile(profile: Path | str, prompt: keys.Prompt | None) -> keys.ProfileKey:
    """Unlock ``profile`` for this process and finish encrypting what is still plain."""
    profile = Path(profile)
    try:
        key = keys.unlock(profile, prompt)
        _seal_photos(profile)
        _wipe_plain_cache(profile.with_name(profile.name + ".review-cache"))
    except OSError as exc:
        raise (errors.from_os_error(exc, profile) or exc) from exc
    return key


def _seal_photos(profile: Path) -> None:
    store = profile_store(profile)
    mark = store.root / _SEALED_MARK
    if not store.root.is_dir() or mark.exists():
        return
    store.make_private()
    store.seal_plain_files()
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
