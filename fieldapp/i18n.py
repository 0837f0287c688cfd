"""Translations: `python -m fieldapp.i18n build | update | check`.

Each part of the UI has its own Qt Linguist catalog, so parts can grow independently: the modules
directly in `fieldapp/ui/` form the catalog `hekou`, and each sub-package `fieldapp/ui/NAME/` the
catalog `NAME`. `resources/translations/CATALOG_zh_CN.ts` holds its strings with their Chinese
translations. `build` compiles every `.ts` to `.qm` (the setup runs it); `update [CATALOG]` re-scans
the sources with lupdate, keeping existing translations; `check` fails when a string has no finished
translation.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from fieldapp.paths import TRANSLATIONS

LANGUAGES = ("zh_CN",)
UI = Path(__file__).resolve().parent / "ui"
MAIN_CATALOG = "hekou"


def catalogs() -> dict[str, list[Path]]:
    """Catalog name → the source files lupdate scans for it."""
    out = {MAIN_CATALOG: sorted(UI.glob("*.py"))}
    for package in sorted(p for p in UI.iterdir() if p.is_dir() and (p / "__init__.py").exists()):
        out[package.name] = sorted(package.rglob("*.py"))
    return out


def ts_file(lang: str, catalog: str = MAIN_CATALOG) -> Path:
    return TRANSLATIONS / f"{catalog}_{lang}.ts"


def qm_file(lang: str, catalog: str = MAIN_CATALOG) -> Path:
    return TRANSLATIONS / f"{catalog}_{lang}.qm"


def qm_files(lang: str) -> list[Path]:
    return sorted(TRANSLATIONS.glob(f"*_{lang}.qm"))


def _tool(name: str) -> str:
    return shutil.which(name) or str(Path(sys.executable).parent / name)


def _lupdate(sources: list[Path], ts: Path) -> None:
    import subprocess  # the build tools are imported only when used: the app imports this module

    subprocess.run(
        [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", *map(str, sources), "-ts", str(ts)],
        check=True,
    )


def build() -> None:
    import subprocess

    for lang in LANGUAGES:
        for ts in sorted(TRANSLATIONS.glob(f"*_{lang}.ts")):
            subprocess.run(
                [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                check=True,
            )


def update(only: str | None = None) -> None:
    """Re-scans the sources of every catalog (or only `only`) into its .ts file."""
    for lang in LANGUAGES:
        for catalog, sources in catalogs().items():
            if only is None or catalog == only:
                _lupdate(sources, ts_file(lang, catalog))


def untranslated(lang: str) -> list[str]:
    """Source strings of the current code with no finished translation in their catalog."""
    import tempfile
    import xml.etree.ElementTree as ET

    missing = []
    for catalog, sources in catalogs().items():
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "fresh.ts"
            if ts_file(lang, catalog).exists():
                shutil.copy(ts_file(lang, catalog), fresh)
            _lupdate(sources, fresh)
            root = ET.parse(fresh).getroot()
        for message in root.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source") or ""
            unfinished = translation is None or translation.get("type") in (
                "unfinished",
                "vanished",
                "obsolete",
            )
            empty = translation is not None and (
                not (translation.text or "").strip() and translation.find("numerusform") is None
            )
            if unfinished or empty:
                missing.append(f"{catalog}: {source}")
    return missing


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "build"
    if command == "build":
        build()
    elif command == "update":
        update(argv[1] if len(argv) > 1 else None)
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
    sys.exit(main(sys.argv[1:]))
