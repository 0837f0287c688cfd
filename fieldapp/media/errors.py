"""Errors about photo files: the environment's fault (a bad file, a full disk), each with an
English and a Chinese message for the user.

    PhotoError
    ├── NotAnImage       not a JPEG or HEIC/HEIF file at all
    ├── CorruptImage     a JPEG/HEIC that is truncated or damaged
    ├── ImageTooLarge    more pixels than we decode (decompression-bomb guard)
    ├── FileUnreadable   the file itself cannot be read (missing, no permission)
    └── PhotoStoreError  the photo store could not write or read (disk full, permissions)
"""

from __future__ import annotations

import errno

from fieldapp.domain.errors import Explained


class PhotoError(Explained):
    """A photo could not be used."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(zh=zh, en=en)


class NotAnImage(PhotoError):
    """The file is not a JPEG or HEIC/HEIF image."""

    @classmethod
    def make(cls, name: str, detail: str = "") -> NotAnImage:
        extra = f" ({detail})" if detail else ""
        return cls(
            f"{name} is not a JPEG or HEIC/HEIF photo{extra}",
            f"{name} 不是 JPEG 或 HEIC/HEIF 照片{extra}",
        )


class CorruptImage(PhotoError):
    """The file claims to be a photo but is truncated or damaged."""

    @classmethod
    def make(cls, name: str, detail: str) -> CorruptImage:
        return cls(
            f"{name} is damaged or incomplete and cannot be read ({detail})",
            f"{name} 已损坏或不完整，无法读取（{detail}）",
        )


class ImageTooLarge(PhotoError):
    """More pixels than the decoder accepts: refused before decoding."""

    @classmethod
    def make(cls, name: str, pixels: int, limit: int) -> ImageTooLarge:
        size_en = f" ({pixels / 1e6:.0f} megapixels)" if pixels else ""
        size_zh = f"（{pixels / 1e6:.0f} 百万像素）" if pixels else ""
        return cls(
            f"{name} is too large{size_en}: photos over {limit / 1e6:.0f} megapixels are refused",
            f"{name} 过大{size_zh}：超过 {limit / 1e6:.0f} 百万像素的照片不予接收",
        )


class FileUnreadable(PhotoError):
    """The file could not be read at all."""

    @classmethod
    def make(cls, name: str, detail: str) -> FileUnreadable:
        return cls(f"Cannot read {name}: {detail}", f"无法读取 {name}：{detail}")


class PhotoStoreError(PhotoError):
    """The photo store failed (disk full, no permission, damaged stored file), naming the photo."""

    kind = "failed"  # or "damaged", "missing", "locked": what ``BlobStore.problem`` reports

    # What the store was doing, as (English, Chinese).
    SAVE = ("save", "保存")
    READ = ("read", "读取")
    REMOVE = ("remove", "删除")

    @classmethod
    def make(cls, action: tuple[str, str], photo: str, error: OSError | str) -> PhotoStoreError:
        """``photo`` is the file name the user knows, or a short hash when none is known."""
        en_why, zh_why = _reason(error)
        return cls(
            f"Could not {action[0]} the photo {photo}: {en_why}.",
            f"无法{action[1]}照片 {photo}：{zh_why}。",
        )

    @classmethod
    def _of_kind(cls, kind: str, en: str, zh: str) -> PhotoStoreError:
        error = cls(en, zh)
        error.kind = kind
        return error

    @classmethod
    def damaged(cls, photo: str) -> PhotoStoreError:
        return cls._of_kind(
            "damaged",
            f"The stored copy of the photo {photo} is damaged (its content no longer matches its "
            "fingerprint). Add it again from its original file.",
            f"照片 {photo} 的存储副本已损坏（内容与其指纹不符）。请从原始文件重新添加。",
        )

    @classmethod
    def missing(cls, photo: str) -> PhotoStoreError:
        return cls._of_kind(
            "missing",
            f"The photo {photo} is missing from this laptop. Add it again from its original file.",
            f"本机找不到照片 {photo}。请从原始文件重新添加。",
        )

    @classmethod
    def locked(cls, photo: str) -> PhotoStoreError:
        return cls._of_kind(
            "locked",
            f"The photo {photo} is encrypted and the profile is not unlocked.",
            f"照片 {photo} 已加密，档案尚未解锁。",
        )


_ERRNO_WORDS = {
    errno.ENOSPC: ("the disk is full; free some space and try again", "磁盘空间不足，请清理后重试"),
    errno.EDQUOT: ("the disk quota is used up", "磁盘配额已用完"),
    errno.EACCES: ("permission denied", "没有权限"),
    errno.EPERM: ("permission denied", "没有权限"),
    errno.EROFS: ("the disk is read-only", "磁盘为只读"),
    errno.ENOENT: ("the file is not there", "文件不存在"),
    errno.EIO: ("the disk reported a read or write error", "磁盘读写出错"),
}


def _reason(error: OSError | str) -> tuple[str, str]:
    if isinstance(error, OSError):
        known = _ERRNO_WORDS.get(error.errno or 0)
        if known is not None:
            return known
        return f"system error {error.errno}", f"系统错误 {error.errno}"
    return error, error
