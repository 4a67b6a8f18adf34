"""Errors the command line tells apart, importable without the libraries that raise them."""

from __future__ import annotations


class ValidationError(Exception):
    """A table that breaks its declared schema; it is never written. ``doc_ids``: the documents whose rows
    break it (empty when the fault is in no one document's rows)."""

    def __init__(self, message: str, doc_ids: list[str] | None = None) -> None:
        super().__init__(message)
        self.doc_ids: list[str] = list(doc_ids or [])
