"""Storage errors that are the environment's fault, each with a message that names the file and
says what to do, in Chinese and English. Anything else from sqlite3 is a bug and propagates.

    StoreError
    ├── NewerDatabase      made by a newer version of the app
    ├── CorruptDatabase    not a database, or damaged
    ├── DatabaseLocked     another program holds the file
    ├── ReadOnlyLocation   the file or its folder cannot be written
    ├── DiskFull           no space left
    ├── EmptyProfile       a 0-byte file where a profile should be
    └── ProfileLocked      encrypted, and its key is not unlocked in this process
"""

from __future__ import annotations

import errno
from pathlib import Path

from fieldapp.domain.errors import Explained


class StoreError(Explained):
    """A storage problem the user can act on."""

    def __init__(self, path: Path | str, zh: str, en: str) -> None:
        super().__init__(zh=zh, en=en)
        self.path = str(path)


class NewerDatabase(StoreError):
    def __init__(self, path: Path | str, found: int, supported: int) -> None:
        super().__init__(
            path,
            f"数据库文件 {path} 由更新版本的河口创建（结构版本 {found}，本程序支持到 {supported}）。"
            "请升级本程序后再打开；文件未做任何改动。",
            f"The database {path} was made by a newer version of Hekou (schema {found}; this "
            f"version knows up to {supported}). Update the app to open it; the file was not "
            "changed.",
        )


class CorruptDatabase(StoreError):
    def __init__(self, path: Path | str, detail: str) -> None:
        super().__init__(
            path,
            f"文件 {path} 不是有效的河口数据库或已损坏（{detail}）。请从备份恢复或联系管理员；"
            "文件未被覆盖。",
            f"The file {path} is not a Hekou database or is damaged ({detail}). Restore it from a "
            "backup or contact your administrator; the file was not overwritten.",
        )


class DatabaseLocked(StoreError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            f"数据库 {path} 正被其他程序占用。请关闭其他正在使用它的河口窗口后重试。",
            f"The database {path} is in use by another program. Close any other Hekou window "
            "using it and try again.",
        )


class ReadOnlyLocation(StoreError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            f"无法写入 {path}（文件或所在文件夹为只读）。请选择可写的位置，或检查权限。",
            f"Cannot write to {path} (the file or its folder is read-only). Choose a writable "
            "place or check the permissions.",
        )


class DiskFull(StoreError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            f"磁盘空间不足，无法保存到 {path}。请清理磁盘空间后重试；已保存的内容不受影响。",
            f"The disk is full: cannot save to {path}. Free some space and try again; what was "
            "already saved is safe.",
        )


class EmptyProfile(StoreError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            f"档案文件 {path} 是空的（0 字节），可能在复制或保存时被中断。请从备份恢复；"
            "若要新建档案，请先删除或改名这个空文件。文件未被改动。",
            f"The profile {path} is empty (0 bytes): a copy or save may have been cut short. "
            "Restore it from a backup; to start a new profile, delete or rename the empty file "
            "first. The file was not changed.",
        )


class ProfileLocked(StoreError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            f"档案 {path} 已加密，尚未解锁（需要系统密钥库中的密钥或口令）。文件未被改动。",
            f"The profile {path} is encrypted and not unlocked (its key from the OS key store or "
            "its passphrase is needed). The file was not changed.",
        )


def from_os_error(error: OSError, path: Path | str) -> StoreError | None:
    """The StoreError an OS error on the profile's files stands for (None: not ours to word)."""
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return DiskFull(path)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ReadOnlyLocation(path)
    return None


def translate(error: Exception, path: Path | str) -> StoreError | None:
    """The StoreError an sqlite3 error stands for, or None when it is a bug."""
    text = str(error).lower()
    if "newer" in text:
        return None
    # "malformed JSON" (a bug: json() given bad text) is not a damaged file
    damaged = ("disk image is malformed", "malformed database schema", "not a database")
    if any(d in text for d in damaged):
        return CorruptDatabase(path, str(error))
    if "database is locked" in text or "database table is locked" in text:
        return DatabaseLocked(path)
    if "readonly" in text or "read-only" in text or "unable to open database file" in text:
        return ReadOnlyLocation(path)
    if "disk is full" in text:
        return DiskFull(path)
    return None
