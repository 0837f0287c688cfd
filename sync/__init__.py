"""Sync: the protocol shared by client and server, the client engine, and the central server."""
