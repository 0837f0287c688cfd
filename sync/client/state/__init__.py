"""The device's sync state, one module per concern; each ``sync_*`` table has one writer.

- ``account``: ``sync_account`` (server, user, device, token, auto-sync, the clock, how far the
  log is batched, the pull cursor) and ``sync_errors`` (the last errors of a sync).
- ``outbox``: ``sync_batches`` / ``sync_batch_rows``, batches stored before they are sent.
- ``server_rows``: ``sync_server_rows``, what the server is known to hold.
- ``issues``: ``sync_issues``, conflicts, rejections (refusals) and proposals.
- ``pull``: pulled pages applied; ``sync_reviews`` and ``sync_tasks``.
- ``reconcile``: a batch's answer applied; ``refusals``: the user resends or withdraws.
- ``panel``: the read model of the sync panel, 我的记录 and the status strip.
- Pure rules, no database or network: ``clock`` (the hybrid logical clock), ``batching``
  (cutting the log into a batch), ``conflicts`` (what an answer does, the field-level
  ``merge``), ``records`` (which record a row belongs to, photo references).

The rows of the synced tables themselves are read and written through
``fieldapp.store.synced_rows``. The schema is ``fieldapp.store.sync_schema`` (migrations).
"""
