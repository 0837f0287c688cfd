"""Unlocking an encrypted profile at start: the passphrase dialog used when no OS key store is
usable (choosing one the first time, entering it after), and the one-time encryption of a plain
profile with its progress."""

from fieldapp.ui.unlock.dialog import PassphraseDialog, passphrase_prompt
from fieldapp.ui.unlock.encrypting import EncryptingDialog, encrypt_with_progress

__all__ = ["EncryptingDialog", "PassphraseDialog", "encrypt_with_progress", "passphrase_prompt"]
