"""Inspection capture on the riverbank: the form, photos kept as evidence, and GNSS positions.

Entry API for the main window (the lead hooks these into menus / the ledger's context)::

    from fieldapp.ui.inspection import InspectionEntry

    entry = InspectionEntry(
        profile_path,      # the profile database file (photos go to "<profile>.photos/")
        writer,            # the session's write connection: used ONLY inside lane jobs
        lane,              # the session's BackgroundLane
        labels,            # fieldapp.ui.labels.Labels (reference data + UI language)
        actor,             # the user name (the inspection's author)
        parent=window,     # optional parent widget
        gnss_source=None,  # optional: a receiver port ("COM3", "/dev/ttyUSB0") or an NMEA log
        replay_speed=1.0,  # pacing of a replayed log (None: as fast as it parses)
    )
    entry.open_inspection_for(outfall_id)   # -> InspectionWindow; reopens the actor's draft
    entry.open_nearest_outfalls()           # -> NearestOutfallsDialog (sorted by distance)
    entry.open_new_outfall_inspection()     # -> NewOutfallDialog: provisional ledger entry,
                                            #    then an inspection of it
    entry.close()                           # at session end: closes windows and its reader

Widgets never run SQL: reads go through `fieldapp.store.inspection_reader.InspectionReader` (its
own read-only connection), writes through the lane (`fieldapp.store.inspections`,
`fieldapp.store.nearby`). Photo ingest and GNSS reading run off the GUI thread.
"""

from fieldapp.ui.inspection.entry import InspectionEntry, InspectionServices, photo_store_for
from fieldapp.ui.inspection.window import InspectionWindow

__all__ = ["InspectionEntry", "InspectionServices", "InspectionWindow", "photo_store_for"]
