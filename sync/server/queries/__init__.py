"""One module per table: plain functions taking a connection first. Only these write SQL."""
