"""我的记录 (My records) and the main window's status strip: where this profile's work stands —
unsent, refused, returned (with the nearest deadline), the last good sync — and the list of every
draft, completed, sent, reviewed, returned, refused and withdrawn record, each openable; drafts can
be discarded (confirmed), refused records sent again or withdrawn with a reason.

Light on purpose: the strip is built at start-up, so nothing here imports the sync engine (httpx);
the window talks to the sync controller only through what the session hands it.
"""
