"""Parsing of numbers as the Inspectorate writes them."""

from __future__ import annotations

import re

from models.patterns import NUMBER_WORDS, TENS_WORDS


def parse_number(text: str) -> float:
    """'45.4' -> 45.4, '1,234' -> 1234.0."""
    return float(text.replace(",", "").strip())


def parse_count(text: str) -> int | None:
    """'seven' -> 7, '12' -> 12; None when it is neither."""
    word = text.strip().lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def parse_number_words(text: str) -> int | None:
    """'nine' -> 9, 'Sixty' -> 60, 'twenty-five' -> 25, 'a hundred' -> 100; None when not a number."""
    words = re.split(r"[\s-]+", text.strip().lower())
    if words in (["a", "hundred"], ["one", "hundred"]):
        return 100
    if len(words) == 1:
        return TENS_WORDS.get(words[0], NUMBER_WORDS.get(words[0]))
    if len(words) == 2 and words[0] in TENS_WORDS and NUMBER_WORDS.get(words[1], 10) < 10:
        return TENS_WORDS[words[0]] + NUMBER_WORDS[words[1]]
    return None
