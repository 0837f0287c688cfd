"""Translations: `python -m fieldapp.i18n build | update | check`.

The Qt Linguist source `resources/translations/hekou_zh_CN.ts` holds every user-visible string of
the UI with its Chinese translation. `build` compiles it to `.qm` (the setup runs it); `update`
re-scans the sources with lupdate, keeping existing translations; `check` fails when a string in the
sources has no finished translation.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from fieldapp.paths import RESOURCES, TRANSLATIONS

LANGUAGES = ("zh_CN",)
SOURCES = Path(__file__).resolve().parent / "ui"


def ts_file(lang: str) -> Path:
    return TRANSLATIONS / f"hekou_{lang}.ts"


def qm_file(lang: str) -> Path:
    return TRANSLATIONS / f"hekou_{lang}.qm"


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def _sources() -> list[str]:
    return sorted(str(p) for p in SOURCES.rglob("*.py"))


def build() -> None:
    for lang in LANGUAGES:
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(ts_file(lang)), "-qm", str(qm_file(lang))],
            check=True,
        )


def update() -> None:
    for lang in LANGUAGES:
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                "-silent",
                "-no-obsolete",
                *_sources(),
                "-ts",
                str(ts_file(lang)),
            ],
            check=True,
        )


def untranslated(lang: str) -> list[str]:
    """Source strings of the current code with no finished translation in the .ts file."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        shutil.copy(ts_file(lang), fresh)
        subprocess.run(
            [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", *_sources(), "-ts", str(fresh)],
            check=True,
        )
        root = ET.parse(fresh).getroot()
    missing = []
    for message in root.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if (
            translation is None
            or translation.get("type") in ("unfinished", "vanished", "obsolete")
            or (not (translation.text or "").strip() and translation.find("numerusform") is None)
        ):
            missing.append(source)
    return missing


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "build"
    if command == "build":
        build()
    elif command == "update":
        update()
    elif command == "check":
        missing = [s for lang in LANGUAGES for s in untranslated(lang)]
        for s in missing:
            print(f"untranslated: {s}")
        return 1 if missing else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    assert RESOURCES.is_dir()
    sys.exit(main(sys.argv[1:]))
