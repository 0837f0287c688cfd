"""Hekou field app: offline inspection of sewage outfalls (排污口)."""
