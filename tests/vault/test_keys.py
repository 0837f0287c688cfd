"""The profile key: kept by the OS key store when there is one, else wrapped by a passphrase."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.vault import keys, sealing

from .conftest import Answers, MemoryKeyring


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_fail_backend_is_no_key_store(no_os_keyring: None) -> None:
    assert keys.usable_keyring() is None  # what a headless machine has: the passphrase fallback


def test_without_a_key_store_a_passphrase_wraps_the_key(
    tmp_path: Path, no_os_keyring: None
) -> None:
    profile = tmp_path / "p.sqlite"
    prompt = Answers("长江口排污口2024")
    key = keys.unlock(profile, prompt)
    assert prompt.asked == [keys.Ask.NEW]
    key_file = keys.key_file(profile)
    assert mode(key_file) == 0o600
    text = key_file.read_text()
    assert key.raw.hex() not in text and '"keyring": false' in text and "scrypt" in text
    assert keys.key_for(profile) == key
    keys.forget(profile)
    assert keys.load(profile, Answers("wrong one", "长江口排污口2024")) == key
    with pytest.raises(keys.WrongPassphrase):
        keys.load(profile, Answers("a", "b", "c", "长江口排污口2024"))
    with pytest.raises(keys.ProfileLocked):
        keys.load(profile, Answers(None))
    with pytest.raises(keys.WrongPassphrase):  # a wrong one, then nothing more (a script's)
        keys.load(profile, Answers("not it at all", None))


def test_no_passphrase_chosen_leaves_no_key_file(tmp_path: Path, no_os_keyring: None) -> None:
    profile = tmp_path / "p.sqlite"
    with pytest.raises(keys.ProfileLocked) as info:
        keys.unlock(profile, Answers(None))
    assert "密钥库" in info.value.zh and "key store" in info.value.en
    with pytest.raises(keys.WeakPassphrase):
        keys.unlock(profile, Answers("short"))
    assert not keys.key_file(profile).exists()


def test_with_a_key_store_nothing_is_asked_and_the_file_holds_no_secret(
    tmp_path: Path, os_keyring: MemoryKeyring
) -> None:
    profile = tmp_path / "p.sqlite"
    prompt = Answers()
    key = keys.unlock(profile, prompt)
    assert prompt.asked == []
    text = keys.key_file(profile).read_text()
    assert '"keyring": true' in text and "passphrase" not in text and key.raw.hex() not in text
    assert list(os_keyring.items.values()) == [key.raw.hex()]
    keys.forget(profile)
    assert keys.unlock(profile, None) == key


def test_a_lost_key_store_entry_is_recovered_by_the_recovery_passphrase(
    tmp_path: Path, os_keyring: MemoryKeyring
) -> None:
    profile = tmp_path / "p.sqlite"
    key = keys.unlock(profile, None)
    keys.forget(profile)
    os_keyring.items.clear()  # e.g. the system was reinstalled
    with pytest.raises(keys.ProfileLocked) as info:
        keys.unlock(profile, None)
    assert "README" in info.value.en
    keys.set_recovery_passphrase(profile, key, "通州区备用口令一号")
    assert keys.unlock(profile, Answers("通州区备用口令一号")) == key


def test_the_derived_keys_differ_and_the_key_is_never_printed() -> None:
    key = keys.ProfileKey(bytes(range(32)))
    parts = {key.photos(), key.cache(), key.database_key_sql().encode()}
    assert len(parts) == 3 and key.raw not in parts
    assert key.raw.hex() not in repr(key)


@given(st.binary(max_size=4096))
def test_sealing_round_trips_and_refuses_another_name_or_a_changed_byte(data: bytes) -> None:
    key = bytes(32)
    sealed = sealing.seal(key, data, b"a" * 64)
    assert sealing.unseal(key, sealed, b"a" * 64) == data
    assert len(sealed) == len(data) + sealing.OVERHEAD
    with pytest.raises(sealing.Unsealable):
        sealing.unseal(key, sealed, b"b" * 64)
    flipped = bytearray(sealed)
    flipped[-1] ^= 1
    with pytest.raises(sealing.Unsealable):
        sealing.unseal(key, bytes(flipped), b"a" * 64)


@given(st.binary(min_size=32, max_size=32), st.binary(max_size=40))
def test_the_standard_library_hkdf_is_rfc_5869s(key: bytes, info: bytes) -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    expected = HKDF(hashes.SHA256(), 32, salt=None, info=info).derive(key)
    assert keys.hkdf_sha256(key, info) == expected
