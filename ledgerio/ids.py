"""Random (version 4) UUIDs as text, made in blocks: ``str(uuid.uuid4())`` costs about 8 µs
(most of it in ``uuid.UUID``'s checks), a tenth of a second per 100,000 ids and more on a busy
machine; an import of a large ledger makes two per row. Same randomness (``os.urandom``)."""

from __future__ import annotations

import os
from collections.abc import Iterator

_BLOCK = 1024
_VARIANT = "89ab"  # RFC 4122: the two top bits of the 17th hex digit are 10


def _ids() -> Iterator[str]:
    while True:
        raw = os.urandom(16 * _BLOCK).hex()
        for i in range(0, 32 * _BLOCK, 32):
            h = raw[i : i + 32]
            yield (
                f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"
            )


def new_ids() -> Iterator[str]:
    """An endless supply of fresh random UUIDs in their usual text form."""
    return _ids()
