"""Wiring of the review tools for the session: the desk from the profile's account, and the
returned-records view fed by the session's background lane."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from fieldapp.domain.inspection_rules import InspectionRules
from fieldapp.store import returns
from fieldapp.store.returns import ReturnedRecord
from fieldapp.ui.lane import BackgroundLane
from fieldapp.ui.review.desk import ReviewDesk
from fieldapp.ui.review.lanes import DeskLanes
from fieldapp.ui.review.returned import ReturnedRecordsView
from sync.client.engine import tls_context
from sync.client.review import PhotoCache, ReviewClient
from sync.client.state import account as sync_account


def desk_cache(profile: Path) -> PhotoCache:
    """The desk's photo cache beside the profile, sealed with the profile's cache key."""
    from fieldapp.vault import keys

    key = keys.key_for(profile)
    return PhotoCache(
        profile.with_name(profile.name + ".review-cache"), key.cache() if key else None
    )


def open_desk(
    account: sync_account.Account,
    profile: Path,
    rules: InspectionRules,
    lang: str,
    county_names: dict[str, str],
    transport: Callable[[], httpx.BaseTransport] | None = None,
    ca_file: str | None = None,
) -> ReviewDesk:
    """A desk for a signed-in supervisor's account (two clients: records and photos)."""
    if account.role != "supervisor" or not account.signed_in:
        raise PermissionError("the review desk is for signed-in supervisors")
    assert account.server_url is not None and account.token is not None
    cache = desk_cache(profile)

    def client() -> ReviewClient:
        chosen = transport() if transport else httpx.HTTPTransport(verify=tls_context(ca_file))
        return ReviewClient(
            account.server_url or "",
            account.token or "",
            cache,
            transport=chosen,
            install_id=account.install_id,
        )

    desk = ReviewDesk(DeskLanes(client(), client()), rules, lang, county_names)
    desk.refresh()
    return desk


class ReturnedRecords:
    """Feeds a ``ReturnedRecordsView`` from the profile through the lane; opens revisions."""

    def __init__(
        self,
        lane: BackgroundLane,
        writer: sqlite3.Connection,
        actor: str,
        open_revision: Callable[[str], Any],
    ) -> None:
        self.lane = lane
        self.writer = writer
        self.actor = actor
        self.open_revision = open_revision
        self.view = ReturnedRecordsView()
        self.view.revise_requested.connect(self.revise)

    def refresh(self) -> None:
        actor = self.actor
        self.lane.submit(lambda: returns.returned(self.writer, actor), self._show, _raise)

    def _show(self, records: list[ReturnedRecord]) -> None:
        self.view.show_returned(records)

    def revise(self, inspection_id: str) -> None:
        actor = self.actor
        self.lane.submit(
            lambda: returns.revise(self.writer, inspection_id, actor), self._revised, _raise
        )

    def _revised(self, insp: Any) -> None:
        self.open_revision(insp.outfall_id)
        self.refresh()


def _raise(error: Exception) -> None:
    raise error


def open_review_tool(session: Any) -> None:
    """The toolbar's Review: supervisors get the desk, everyone else their returned records.
    The role is the one the server gave at login (kept by the sync set-up)."""
    from fieldapp.inspection_data import load_rules

    def chosen(account: sync_account.Account) -> None:
        existing = session.tools.get("review")
        if existing is not None and existing.isVisible():
            existing.raise_()
            return
        if account.role == "supervisor" and account.signed_in:
            labels = session.labels
            names = {c.code: c.label(labels.lang) for c in labels.ref.counties}
            widget: Any = open_desk(
                account,
                session.path,
                load_rules(),
                labels.lang,
                names,
                ca_file=session.settings.server_ca_file or None,
            )
        else:
            returned = ReturnedRecords(
                session.lane, session.writer, session.actor, session.open_inspection
            )
            returned.refresh()
            widget = returned.view
            widget._feeder = returned  # kept alive with its view
        session.tools["review"] = widget
        from fieldapp.ui.screen_fit import present

        present(widget)

    session.lane.submit(lambda: sync_account.account(session.writer), chosen, _raise)
