"""Errors the command line tells apart, importable without the libraries that raise them."""

from __future__ import annotations


class ValidationError(Exception):
    """A table that breaks its declared schema; it is never written."""
