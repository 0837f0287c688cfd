"""Builds resources/fonts/HekouSans-Regular.ttf: a subset of Noto Sans CJK SC Regular, TrueType.

A developer's tool (needs fontTools, a dev dependency); the app only reads the file it makes.

    cd /tmp && apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb notocjk
    .venv/bin/python scripts/subset_font.py \
        /tmp/notocjk/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

The source may be the collection (the "Noto Sans CJK SC" face is taken from it) or a single
NotoSansCJKsc-Regular.otf. The subset holds ASCII, Latin-1, Latin Extended-A and the pinyin vowels,
general punctuation, arrows and a few symbols, CJK symbols and punctuation, full-width forms, all
6,763 hanzi of GB 2312, and every character used in the app's resources (translations, data, demo
data) and sources, so that tests/test_fonts.py holds. The CFF outlines are converted to TrueType
quadratic outlines (fontTools' otf2ttf recipe) so PDF libraries (ReportLab, fpdf2) can embed it.

Naming (SIL OFL 1.1): the only Reserved Font Name of Noto Sans CJK is "Source" (Adobe's Source Han
Sans), so a modified version may say "Noto"; the family is "Noto Sans SC Hekou Subset", distinct
from the full Noto Sans CJK SC a machine may also have, so Qt never confuses the two.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "fonts" / "HekouSans-Regular.ttf"
SOURCE_FACE = "Noto Sans CJK SC"
FAMILY = "Noto Sans SC Hekou Subset"
POSTSCRIPT = "NotoSansSCHekouSubset-Regular"
MAX_ERR = 1.0  # font units (1/1000 em): the cubic-to-quadratic tolerance of fontTools' otf2ttf

RANGES = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1
    (0x0100, 0x017F),  # Latin Extended-A (pinyin tone marks among them)
    (0x01CD, 0x01DC),  # pinyin ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ
    (0x02C7, 0x02C9),
    (0x02D9, 0x02D9),
    (0x0391, 0x03C9),  # Greek (α, μ, Ω in units)
    (0x2000, 0x206F),  # general punctuation
    (0x2100, 0x215F),  # letterlike (℃, №) and number forms
    (0x2160, 0x216B),  # Roman numerals Ⅰ–Ⅻ
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators (≤ ≥ ≈ ×)
    (0x2460, 0x24FF),  # enclosed alphanumerics ①
    (0x2500, 0x257F),  # box drawing
    (0x25A0, 0x25FF),  # geometric shapes ● ▲ ■
    (0x2600, 0x26FF),  # miscellaneous symbols ☆
    (0x2700, 0x27BF),  # dingbats ✓ ✗
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3200, 0x32FF),  # enclosed CJK
    (0x3300, 0x33FF),  # CJK compatibility (㎡ ㎞)
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half-width and full-width forms
    (0xFFFD, 0xFFFD),  # the replacement character
)

# Where the app's own text lives: every character of these files is kept.
TEXT_FILES = (
    ("resources", "**/*.ts"),
    ("resources", "**/*.json"),
    ("fieldapp", "**/*.py"),
    ("sync", "**/*.py"),
    ("sync", "**/*.json"),
)


def gb2312_hanzi() -> set[str]:
    """The 6,763 hanzi of GB 2312 (rows 16–87)."""
    out = set()
    for row in range(0xB0, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                out.add(bytes((row, cell)).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # row 55 ends at cell 89
    return out


def visible(ch: str) -> bool:
    """A character a font draws (not a control, surrogate, private-use or unassigned one)."""
    return ch == " " or (
        not ch.isspace() and unicodedata.category(ch) not in {"Cc", "Cs", "Co", "Cn"}
    )


def app_characters(root: Path = ROOT) -> set[str]:
    """Every visible character in the app's resources and sources."""
    out: set[str] = set()
    for folder, pattern in TEXT_FILES:
        for path in (root / folder).glob(pattern):
            out.update(ch for ch in path.read_text(encoding="utf-8") if visible(ch))
    return out


def wanted() -> set[int]:
    chars = {chr(c) for lo, hi in RANGES for c in range(lo, hi + 1)}
    chars |= gb2312_hanzi() | app_characters()
    return {ord(c) for c in chars if visible(c)}


def load_source(path: Path) -> TTFont:
    if path.suffix.lower() in {".ttc", ".otc"}:
        for font in TTCollection(str(path)).fonts:
            if font["name"].getDebugName(1) == SOURCE_FACE:
                return font
        raise SystemExit(f"{path} has no {SOURCE_FACE!r} face")
    return TTFont(str(path))


def to_truetype(font: TTFont) -> None:
    """CFF → glyf with quadratic curves, as fontTools' Snippets/otf2ttf.py does."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():  # left side bearing = xMin in TrueType
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, field, 0)
    font["maxp"] = maxp
    maxp.compile(font)
    post = font["post"]
    post.formatType = 3.0  # no glyph names: thousands of "cidNNNNN" are of no use to anyone
    post.extraNames = []
    post.mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font: TTFont, source_version: str) -> None:
    """New family and PostScript names; copyright, trademark, designers and licence kept."""
    name = font["name"]
    kept = {0, 7, 8, 9, 11, 12, 13, 14}
    old = {r.nameID: r.toUnicode() for r in name.names if r.platformID == 3 and r.langID == 0x409}
    name.names = []
    for name_id in sorted(kept & old.keys()):
        name.setName(old[name_id], name_id, 3, 1, 0x409)
    full = f"{FAMILY} Regular"
    for name_id, text in (
        (1, FAMILY),
        (2, "Regular"),
        (3, f"{source_version};HEKOU;{POSTSCRIPT}"),
        (4, full),
        (5, f"Version {source_version}; subset of Noto Sans CJK SC Regular for Hekou"),
        (6, POSTSCRIPT),
        (
            10,
            "A subset of Noto Sans CJK SC Regular (Google, Adobe; SIL OFL 1.1) converted to"
            " TrueType outlines for the Hekou app by scripts/subset_font.py.",
        ),
    ):
        name.setName(text, name_id, 3, 1, 0x409)


def build(source: Path, out: Path) -> tuple[int, int]:
    font = load_source(source)
    version = f"{font['head'].fontRevision:.3f}"
    codepoints = wanted()
    missing = sorted(c for c in codepoints if c not in font.getBestCmap())
    options = subset.Options()
    options.hinting = False  # CFF hints do not survive the conversion
    options.desubroutinize = True
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.layout_features = ["*"]
    options.glyph_names = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    to_truetype(font)
    rename(font, version)
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(out))
    app_missing = sorted(c for c in missing if chr(c) in app_characters())
    if app_missing:
        print(
            "not in the source font, used by the app:",
            " ".join(f"U+{c:04X} {chr(c)}" for c in app_missing),
            file=sys.stderr,
        )
    return len(font.getBestCmap()), out.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "source", type=Path, help="NotoSansCJK-Regular.ttc or NotoSansCJKsc-Regular.otf"
    )
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    chars, size = build(args.source, args.out)
    print(f"{args.out}: {chars} characters, {size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
