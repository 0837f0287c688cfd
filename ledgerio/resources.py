"""Where the shipped resources are (data rules, translations, fonts, demo data).

One answer for the app and the server. From a checkout (and an editable install, and the frozen app,
which keeps the tree's layout) they sit beside the packages in ``resources/``; a wheel installs them
as data files under ``<prefix>/share/hekou/resources`` (pyproject's ``data-files``), because a
regular install copies only packages into site-packages.
"""

from __future__ import annotations

import sys
from pathlib import Path

_BESIDE_PACKAGES = Path(__file__).resolve().parent.parent / "resources"
_INSTALLED = Path(sys.prefix) / "share" / "hekou" / "resources"


def resource_root() -> Path:
    """The folder of shipped resources: the checkout's when there is one, else the installed copy."""
    if (_BESIDE_PACKAGES / "data").is_dir():
        return _BESIDE_PACKAGES
    return _INSTALLED


RESOURCES = resource_root()
