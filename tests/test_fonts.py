"""The bundled Chinese font covers every character the app can show, so no string brings boxes
back: translations, the data files, the demo data and the app's own source text (captions, marks).
A failure names the characters: run scripts/subset_font.py again (see resources/fonts/README.md)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from fieldapp.paths import CJK_FONT, CJK_FONT_FAMILY, DATA, RESOURCES, TRANSLATIONS

ROOT = RESOURCES.parent


def visible(ch: str) -> bool:
    return ch == " " or (
        not ch.isspace() and unicodedata.category(ch) not in {"Cc", "Cs", "Co", "Cn"}
    )


@pytest.fixture(scope="module")
def cmap() -> set[int]:
    with TTFont(CJK_FONT, lazy=True) as font:
        return set(font.getBestCmap())


def text_files() -> list[Path]:
    files = [
        *sorted(TRANSLATIONS.glob("*.ts")),
        *sorted(DATA.glob("*.json")),
        *sorted((RESOURCES / "demo").glob("*.json")),
        *sorted((ROOT / "fieldapp").rglob("*.py")),
    ]
    assert len(files) > 30 and any(f.suffix == ".ts" for f in files)
    return files


@pytest.mark.parametrize("path", text_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_character_the_app_uses_is_in_the_bundled_font(path: Path, cmap: set[int]) -> None:
    text = path.read_text(encoding="utf-8")
    missing = sorted({ch for ch in text if visible(ch) and ord(ch) not in cmap})
    assert not missing, " ".join(f"U+{ord(c):04X} {c}" for c in missing)


def test_the_font_holds_every_gb2312_hanzi_and_the_punctuation(cmap: set[int]) -> None:
    rows = (bytes((row, cell)) for row in range(0xB0, 0xF8) for cell in range(0xA1, 0xFF))
    hanzi = {ord(c) for code in rows for c in code.decode("gb2312", errors="ignore")}
    assert len(hanzi) == 6763
    assert hanzi <= cmap
    assert {ord(c) for c in "，。、；：？！“”‘’（）《》【】…—·±×°℃ABCabc0123456789"} <= cmap
    assert ord("😀") not in cmap  # a subset, not the whole font: the check above can fail


def test_the_font_is_truetype_named_as_a_noto_subset_and_licensed() -> None:
    with TTFont(CJK_FONT, lazy=True) as font:
        assert "glyf" in font and "CFF " not in font  # quadratic outlines: PDF libraries embed them
        assert font["name"].getDebugName(1) == CJK_FONT_FAMILY
        assert "Open Font License" in (font["name"].getDebugName(13) or "")
    assert "Source" not in CJK_FONT_FAMILY  # the original's only Reserved Font Name
    assert "SIL OPEN FONT LICENSE Version 1.1" in (CJK_FONT.parent / "OFL.txt").read_text()
