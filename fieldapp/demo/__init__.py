"""Demo data: a realistic Nantong outfall ledger of any size (for the run command and benchmarks)."""
