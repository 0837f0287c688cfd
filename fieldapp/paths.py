"""Where the app's files are: the resources shipped with it and the user's profile."""

from __future__ import annotations

import os
from pathlib import Path

from ledgerio.resources import RESOURCES

DATA = RESOURCES / "data"
TRANSLATIONS = RESOURCES / "translations"
FONTS = RESOURCES / "fonts"
# The Chinese font shipped with the app (a Noto Sans CJK SC subset, OFL; resources/fonts/README.md):
# Qt's fallback for Chinese, the watermarks' font, and the font of PDF output.
CJK_FONT = FONTS / "HekouSans-Regular.ttf"
CJK_FONT_FAMILY = "Noto Sans SC Hekou Subset"


def default_profile_db() -> Path:
    """The profile database when --db is not given (XDG data dir on Linux)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "hekou" / "profile.sqlite"
