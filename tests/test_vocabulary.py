"""The vocabularies and patterns are data with an example each: every example must do what it illustrates.

And none of them may be a sentence of the real development set (tests/real): the set measures how the
Inspectorate, councils and the press write, so its sentences live in the tests, never in the rules.
"""

from __future__ import annotations

import re

import pytest
import regex

from extractors import EXTRACTORS
from extractors.matching import find_areas, find_labels
from models import patterns
from models.vocabulary import AREAS_BY_ERA, RATING_LABELS, SET_ASIDE_REASONS
from tests.conftest import REAL2_RAW, REAL_RAW, ROOT
from tests.helpers import parse


@pytest.mark.parametrize("reason", [r for r in SET_ASIDE_REASONS if r.example], ids=lambda r: r.name)
def test_each_set_aside_reason_example_is_set_aside_for_that_reason(reason):
    doc = parse((reason.context + "\n" if reason.context else "") + reason.example)
    decisions = [(m.text, m.decision, m.reason) for module in EXTRACTORS.values() for m in module.extract(doc).mentions]
    assert any(found == reason.name for _, _, found in decisions), decisions


def test_every_reason_is_described():
    assert all(r.description for r in SET_ASIDE_REASONS)
    assert len({r.name for r in SET_ASIDE_REASONS}) == len(SET_ASIDE_REASONS)


@pytest.mark.parametrize("entry", RATING_LABELS, ids=lambda e: e.canonical)
def test_each_label_example_holds_its_label(entry):
    assert any(label.words in entry.phrases for label in find_labels(entry.example)), entry.example


_AREA_ENTRIES = [(era, entry) for era, entries in AREAS_BY_ERA.items() for entry in entries
                 if not (era == "children_and_victims_2024" and entry.key[:1].isdigit())]  # shared with 2018


@pytest.mark.parametrize("era, entry", _AREA_ENTRIES, ids=lambda x: x if isinstance(x, str) else x.key)
def test_each_area_example_names_its_area(era, entry):
    assert entry.key in {area.entry.key for area in find_areas(entry.example, era)}, entry.example


# Pattern tables kept as (..., pattern, example) rows, and the flags their extractor compiles them with.
_TABLES = {
    "RECOMMENDATION_COUNTS": regex.IGNORECASE,
    "DATE_CUES": regex.IGNORECASE,
    "OWNER_TYPES": regex.IGNORECASE,
    "DOC_TYPE_CUES": 0,
}
_ROWS = [(name, row) for name in _TABLES for row in getattr(patterns, name)]


@pytest.mark.parametrize("table, row", _ROWS, ids=[f"{name}:{row[0]}" for name, row in _ROWS])
def test_each_pattern_example_matches_its_pattern(table, row):
    pattern, example = row[-2], row[-1]
    assert regex.search(pattern, example, _TABLES[table]), (table, row[0], example)


def _normal(text: str) -> str:
    return " ".join(text.split())


# A rule's words and a real text's words are compared as word sequences with every capitalised word masked, so
# that a development sentence with its place renamed ("Anytown") is still the same sentence. A run of words
# that three or more real documents share is the domain's common language (the Inspectorate's templates);
# one that only one or two documents have is those documents' own words.
_SHINGLE = 8
_COMMON = 3
_WORD = re.compile(r"[A-Za-z’'&-]+|\d+")


def _masked_words(text: str) -> list[str]:
    return ["X" if word[:1].isupper() else word.lower() for word in _WORD.findall(text)]


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)
            if sum(w != "X" for w in words[i : i + _SHINGLE]) >= 5}


def _rule_texts() -> list[tuple[str, str]]:
    """Every string and comment in the rules: the extractors and the domain models."""
    out = []
    for path in sorted([*ROOT.glob("extractors/*.py"), *ROOT.glob("models/*.py")]):
        source = path.read_text(encoding="utf-8")
        for match in re.finditer(r'"((?:[^"\\\n]|\\.){20,})"|#\s*(.{20,})', source):
            out.append((path.name, match.group(1) or match.group(2)))
    return out


def test_no_rule_or_example_quotes_a_sentence_of_the_real_sets():
    """No rule, example or comment repeats a development document's own words, even with its places renamed
    (both real sets: the pipeline is measured on texts it was not written from)."""
    documents = [path.read_text(encoding="utf-8") for raw in (REAL_RAW, REAL2_RAW) for path in sorted(raw.glob("*.txt"))]
    seen_in: dict[tuple[str, ...], int] = {}
    for text in documents:
        for shingle in _shingles(_masked_words(text)):
            seen_in[shingle] = seen_in.get(shingle, 0) + 1
    quoted = set()
    for name, text in _rule_texts():
        for shingle in _shingles(_masked_words(text.replace("\\n", " "))):
            if 0 < seen_in.get(shingle, 0) < _COMMON:
                quoted.add(f"{name}: {text[:100]}")
    assert sorted(quoted) == []


def test_the_guard_finds_a_development_sentence_with_its_place_renamed():
    """The guard above must be able to fail: a real sentence with its place changed is caught."""
    real = sorted(REAL2_RAW.glob("*.txt"))[0].read_text(encoding="utf-8")
    sentence = max(real.split("."), key=len)
    renamed = re.sub(r"\b[A-Z][a-z]+\b", "Anytown", sentence)
    documents = [path.read_text(encoding="utf-8") for path in sorted(REAL2_RAW.glob("*.txt"))]
    counts = [sum(1 for text in documents if s in _shingles(_masked_words(text))) for s in
              _shingles(_masked_words(renamed))]
    assert counts and min(counts) >= 1


def test_the_cheap_label_scan_finds_every_phrase_of_the_vocabulary():
    """The pre-scan (extractors.matching.LABEL_WORD) decides which sentences are tokenised at all: a label it
    misses is never a candidate."""
    from extractors.matching import LABEL_WORD
    from models.vocabulary import IMPROVEMENT_LEVEL_WORDS, RELATIVE_LABELS, RELATIVE_NOUNS

    phrases = [phrase for entry in RATING_LABELS for phrase in entry.phrases]
    phrases += [f"{level} improvement" for level in IMPROVEMENT_LEVEL_WORDS]
    phrases += [f"{head} {noun}" for entry in RELATIVE_LABELS for head in entry.phrases for noun in RELATIVE_NOUNS]
    assert [p for p in phrases if not LABEL_WORD.search(p)] == []


@pytest.mark.parametrize("entry", __import__("models.vocabulary", fromlist=["RELATIVE_LABELS"]).RELATIVE_LABELS,
                         ids=lambda e: str(e.position))
def test_each_relative_label_example_reads_as_its_place_on_the_scale(entry):
    """"the lowest rating" is a candidate with a decision, read on the four-point scale of a 2018 document."""
    from extractors import ratings
    from models.vocabulary import FOUR_POINT

    expected = FOUR_POINT.labels[::-1][entry.position] if entry.position >= 0 else FOUR_POINT.labels[-entry.position - 1]
    found = ratings.extract(parse(entry.example))
    assert found.mentions, entry.example
    assert {r.label for r in found.facts} == {expected}, entry.example
