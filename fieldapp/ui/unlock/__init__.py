"""Unlocking an encrypted profile at start: the passphrase dialog used when no OS key store is
usable (choosing one the first time, entering it after)."""

from fieldapp.ui.unlock.dialog import PassphraseDialog, passphrase_prompt

__all__ = ["PassphraseDialog", "passphrase_prompt"]
