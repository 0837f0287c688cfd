"""Test and benchmark aids for sync (no Qt): a fault-injecting TCP proxy on loopback, a server
in a child process."""
