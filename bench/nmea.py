"""NMEA parsing speed: sentences per second through the full parser and epoch assembler.

Input: every recorded receiver log in ``../shared/testdata/nmea/`` concatenated (real sentences of
nine receivers, with their proprietary and broken lines), repeated to a few tens of thousands of
sentences. Target: at least 20,000 sentences/s.
"""

from __future__ import annotations

from pathlib import Path

from bench import Figure, median, timed
from fieldapp.domain.nmea import parse_fixes

NMEA_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "testdata" / "nmea"
TARGET_PER_S = 20_000


def run(quick: bool) -> list[Figure]:
    logs = sorted(NMEA_DIR.glob("*.log"))
    one_pass = b"".join(p.read_bytes() for p in logs)
    data = one_pass * (1 if quick else 5)
    _, stats = parse_fixes(data)
    seconds = median(timed(lambda: parse_fixes(data), repeat=3 if quick else 9))
    rate = stats.sentences / seconds
    return [
        Figure(
            name=f"nmea parse+assemble ({stats.sentences} sentences, {len(logs)} logs)",
            value=rate,
            unit="sentences/s",
            target=f">= {TARGET_PER_S}",
            met=rate >= TARGET_PER_S,
        ),
        Figure(name="nmea fixes assembled per second", value=stats.fixes / seconds, unit="fixes/s"),
    ]
