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
from tests.conftest import REAL_RAW, ROOT
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
    "RATED_AREAS": regex.IGNORECASE,
    "OTHER_PARTY_CUES": 0,
    "PRESS_RELEASE_VOICE": 0,
}
_ROWS = [(name, row) for name in _TABLES for row in getattr(patterns, name)]


@pytest.mark.parametrize("table, row", _ROWS, ids=[f"{name}:{row[0]}" for name, row in _ROWS])
def test_each_pattern_example_matches_its_pattern(table, row):
    pattern, example = row[-2], row[-1]
    assert regex.search(pattern, example, _TABLES[table]), (table, row[0], example)


def _normal(text: str) -> str:
    return " ".join(text.split())


def test_no_rule_or_example_quotes_a_sentence_of_the_real_set():
    real = [_normal(path.read_text(encoding="utf-8")) for path in sorted(REAL_RAW.glob("*.txt"))]
    # Vocabulary phrases (area names, kinds of service) are the domain's words, not anyone's sentences.
    vocabulary = {_normal(phrase).lower() for entries in AREAS_BY_ERA.values() for entry in entries
                  for phrase in entry.phrases}
    vocabulary |= {_normal(kind).lower() for kind in patterns.SERVICE_KINDS.values()}
    quoted = []
    for path in sorted([*ROOT.glob("extractors/*.py"), *ROOT.glob("models/*.py")]):
        source = path.read_text(encoding="utf-8")
        for match in re.finditer(r'"([^"\n]{45,})"|#\s*(.{45,})', source):
            for fragment in re.split(r'["“”]|\\n', match.group(1) or match.group(2)):
                fragment = _normal(fragment.strip(" ,.:;()"))
                if len(fragment) < 45 or fragment.lower() in vocabulary or "\\" in fragment or "(?" in fragment:
                    continue
                if any(fragment in text for text in real):
                    quoted.append(f"{path.name}: {fragment}")
    assert quoted == []
