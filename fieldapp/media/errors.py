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
    """The photo store failed (disk full, no permission, damaged stored file)."""

    @classmethod
    def make(cls, what: str, detail: str) -> PhotoStoreError:
        return cls(
            f"The photo store could not {what}: {detail}",
            f"照片存储失败（{what}）：{detail}",
        )
