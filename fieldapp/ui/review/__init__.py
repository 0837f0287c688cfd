"""Review (审核): the supervisor's desk and the inspector's returned records.

- ``ReviewDesk`` (supervisors: the role the server gave at login, kept by the sync set-up): the
  batches that arrived with their flags, a batch record by record, and the decisions. It talks to
  the server only through ``sync.client.review.ReviewClient`` on its own network lanes; photos are
  cached on the desk's disk (``<profile>.review-cache/``).
- ``ReturnedRecordsView`` (inspectors): records a supervisor returned, with reason and deadline;
  "revise" opens a new version of the inspection (``fieldapp.store.returns.revise``).

``open_desk`` and ``ReturnedRecords`` wire them for the session.
"""

from fieldapp.ui.review.desk import ReviewDesk
from fieldapp.ui.review.lanes import DeskLanes
from fieldapp.ui.review.returned import ReturnedRecordsView
from fieldapp.ui.review.wiring import ReturnedRecords, open_desk

__all__ = ["DeskLanes", "ReturnedRecords", "ReturnedRecordsView", "ReviewDesk", "open_desk"]
