"""The device side of sync (no Qt): ``SyncEngine`` pushes the change log, uploads photos and pulls
the server's changes; ``errors`` words every failure for the user in Chinese and English.

Conflict rules (the server judges, the device merges; see ``sync.client.state.conflicts``):

- The ledger (``outfalls``) is the server's: an inspector's edit becomes a proposal, the local row
  returns to the server's until a supervisor accepts it (it then comes back through pull).
- Field-level last writer wins by hybrid logical clock (``"<13-digit ms>:<5-digit counter>:<node>"``,
  stamped on the device when a change enters a batch, from its capture time, always later than any
  stamp seen from the server): when the server answers ``conflict`` (another device wrote the row
  at a later clock), fields only this device changed since the last common state keep its value,
  every other field takes the server's, and the merge is sent as a new change.
- A rejected change (locked, submitted, not the owner, outside the area…) is not retried by
  itself: a row the server held returns to the server's state, the rejected values stay in the
  issue list, and the record stays *refused* (the sync is not ok, ``fieldapp sync`` exits 1) until
  the user sends it again (``sync.client.state.refusals.resend``) or withdraws it with a reason.
- A pulled row never overwrites a local change the server has not answered yet.
- Every conflict, rejection and proposal is kept with both values (``sync_issues``) and shown in
  the sync panel; supervisors see the same through the server's batch and proposal views.
- Deletions travel as ``delete`` changes (the device keeps tombstones); a row made and deleted
  before it ever reached the server is not sent.
"""

from sync.client.engine import ProfileDb, Progress, SyncEngine, SyncReport
from sync.client.errors import Cancelled, SyncError
from sync.client.retry import CancelToken, RetryPolicy

__all__ = [
    "CancelToken",
    "Cancelled",
    "ProfileDb",
    "Progress",
    "RetryPolicy",
    "SyncEngine",
    "SyncError",
    "SyncReport",
]
