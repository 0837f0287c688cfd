"""Thin HTTP routes: parse, check role, call a service or a query, answer."""
