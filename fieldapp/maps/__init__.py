"""Offline basemaps: tiles read from an MBTiles file or a folder of XYZ tiles (no Qt).

``open_basemap(path)`` picks the reader by what the path is; each reader gives the encoded bytes of
a tile (PNG, JPEG or WebP, as stored) or None when the tile is missing. A file that cannot be used
(corrupt, empty, not MBTiles, unreadable) raises ``BasemapError`` with a message in Chinese and
English; a missing or damaged single tile is None, never an exception, so the map draws its plain
background there. ``BasemapSettings`` says where the basemap is and whether its tiles are GCJ-02
(Amap, Tencent exports), in which case the map shifts what it draws for display only.

    BasemapError        the file or folder cannot serve as a basemap
"""

from fieldapp.maps.tiles import (
    Basemap,
    BasemapError,
    BasemapSettings,
    MBTiles,
    XyzFolder,
    open_basemap,
)

__all__ = ["Basemap", "BasemapError", "BasemapSettings", "MBTiles", "XyzFolder", "open_basemap"]
