"""Errors of position sources: all of them the environment's fault, each with a bilingual message.

GnssSourceError
├── PortUnavailable   the port or log cannot be opened (missing, busy, no permission)
└── PortLost          the port went away mid-session (USB unplugged)
"""

from __future__ import annotations

from fieldapp.domain.errors import Explained


class GnssSourceError(Explained):
    """A position source failed for a reason outside the program."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(zh=zh, en=en)


class PortUnavailable(GnssSourceError):
    """The port or log could not be opened."""

    @classmethod
    def for_source(cls, source: str, detail: str, detail_zh: str | None = None) -> PortUnavailable:
        return cls(
            f"Cannot open GNSS source {source!r}: {detail}",
            f"无法打开定位接收机 {source}：{detail_zh or detail}",
        )


class PortLost(GnssSourceError):
    """The receiver disappeared while reading (cable pulled, device reset)."""

    @classmethod
    def for_source(cls, source: str, detail: str, detail_zh: str | None = None) -> PortLost:
        return cls(
            f"The GNSS receiver on {source} stopped responding or was unplugged ({detail}). "
            "Reconnect it and start the position source again.",
            f"{source} 上的定位接收机已断开或无响应（{detail_zh or detail}）。"
            "请重新连接后再次开始定位。",
        )

    @classmethod
    def for_network(cls, source: str, detail: str, detail_zh: str) -> PortLost:
        return cls(
            f"The connection to the GNSS source {source} was lost ({detail}); reconnecting.",
            f"与定位来源 {source} 的网络连接已断开（{detail_zh}），正在重新连接。",
        )
