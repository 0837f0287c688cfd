"""Wires one open profile together: the write connection on the lane, a reader, the main window."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fieldapp import reference_data
from fieldapp.domain.outfall import Outfall
from fieldapp.store import database, outfalls
from fieldapp.store.errors import StoreError
from fieldapp.store.ledger_reader import LedgerReader
from fieldapp.ui.labels import Labels
from fieldapp.ui.lane import BackgroundLane
from fieldapp.ui.main_window import MainWindow


@dataclass
class Session:
    window: MainWindow
    lane: BackgroundLane
    reader: LedgerReader

    def close(self) -> None:
        self.lane.shutdown()
        self.reader.close()


def open_session(path: Path, lang: str, actor: str) -> Session | str:
    """Opens the profile at `path`; returns the session, or the message to show when it cannot."""
    ref = reference_data.load()
    try:
        writer = database.open_profile(path)
        reader = LedgerReader(database.open_reader(path))
    except StoreError as exc:
        return exc.message(lang)
    lane = BackgroundLane()
    db_label = str(path)

    def save_edit(edited: Outfall, expected_updated_at: str) -> Outfall:
        return outfalls.update(writer, edited, ref, actor, expected_updated_at, db_label)

    def transition(outfall_id: str, action: str, note: str) -> Outfall:
        return outfalls.transition(writer, outfall_id, action, ref, actor, note, db_label)

    window = MainWindow(reader, Labels(ref, lang), lane, save_edit, transition, db_label)
    session = Session(window, lane, reader)
    lane.destroyed.connect(writer.close)
    return session
