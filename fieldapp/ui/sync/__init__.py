"""The sync tools of the app: first-time setup (server, sign-in, device registration) and the sync
panel (record states, what is pending, progress, errors, "Sync now", automatic sync). The engine
(``sync.client``) runs on a network thread; its database work goes through the background lane.
"""

from fieldapp.ui.sync.controller import SyncController
from fieldapp.ui.sync.panel import SyncPanel
from fieldapp.ui.sync.setup_dialog import SyncSetupDialog

__all__ = ["SyncController", "SyncPanel", "SyncSetupDialog"]
