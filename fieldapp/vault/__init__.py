"""The laptop's secrets at rest (本机数据加密): one random 256-bit key per profile, kept by the OS key
store or wrapped by a passphrase, and AES-GCM sealing of the files beside the database.

No Qt and no SQLite here: ``fieldapp.store`` opens the profile with the key (SQLCipher),
``fieldapp.media`` seals photos with it. See ``keys`` for where the key lives, ``sealing`` for the
file format, ``files`` for private files and folders.
"""
