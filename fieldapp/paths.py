"""Where the app's files are: the resources shipped with it and the user's profile."""

from __future__ import annotations

import os
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DATA = RESOURCES / "data"
TRANSLATIONS = RESOURCES / "translations"


def default_profile_db() -> Path:
    """The profile database when --db is not given (XDG data dir on Linux)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "hekou" / "profile.sqlite"
