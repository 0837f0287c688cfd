"""Every error the user can act on, from any package, is explained in both languages through the
one base, so the UI needs no per-package handling."""

from __future__ import annotations

import pytest

from fieldapp.domain.errors import Explained
from fieldapp.domain.inspection import RecordFrozen
from fieldapp.gnss.errors import PortLost, PortUnavailable
from fieldapp.maps.tiles import BasemapError
from fieldapp.media.errors import (
    CorruptImage,
    FileUnreadable,
    ImageTooLarge,
    NotAnImage,
    PhotoStoreError,
)
from fieldapp.store.errors import DiskFull, NewerDatabase

CASES = [
    RecordFrozen("i-1"),
    PortLost.for_source("COM3", "read failed"),
    PortUnavailable.for_source("COM4", "busy"),
    NotAnImage.make("a.txt"),
    CorruptImage.make("b.jpg", "truncated"),
    ImageTooLarge.make("c.jpg", 500_000_000, 200_000_000),
    FileUnreadable.make("d.jpg", "no permission"),
    PhotoStoreError.make(PhotoStoreError.SAVE, "e.jpg", OSError(28, "No space left")),
    NewerDatabase("/data/p.db", 9, 5),
    DiskFull("/data/p.db"),
    BasemapError.unusable("/maps/nt.mbtiles", "不是 MBTiles 文件", "not an MBTiles file"),
]


@pytest.mark.parametrize("error", CASES, ids=lambda e: type(e).__name__)
def test_each_error_explains_itself_in_both_languages(error: Explained) -> None:
    assert isinstance(error, Explained)
    zh, en = error.message("zh_CN"), error.message("en_GB")
    assert zh == error.zh and en == error.en and str(error) == en
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh)  # Chinese text
    assert en.isascii() or not any("\u4e00" <= ch <= "\u9fff" for ch in en)
