"""Parsing of numbers as the Inspectorate writes them."""

from __future__ import annotations

from models.patterns import NUMBER_WORDS


def parse_number(text: str) -> float:
    """'45.4' -> 45.4, '1,234' -> 1234.0."""
    return float(text.replace(",", "").strip())


def parse_count(text: str) -> int | None:
    """'seven' -> 7, '12' -> 12; None when it is neither."""
    word = text.strip().lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)
