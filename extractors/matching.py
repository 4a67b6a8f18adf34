"""spaCy matchers over the vocabularies in ``models.vocabulary``.

A blank English pipeline gives tokens (no model is loaded); a ``Matcher`` finds
rating labels and a ``PhraseMatcher`` finds rated areas. Only sentences that a
cheap regular expression says may hold a label are tokenised, so matching costs
little even in a long report.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import regex

from models.vocabulary import AREAS_BY_ERA, IMPROVEMENT_LEVELS, RATING_LABELS, AreaEntry

# Any word that could start a label: most sentences have none and are never tokenised.
LABEL_WORD = regex.compile(
    r"outstanding|good|requir\w*\s+improvement|inadequate|satisfactory|poor|not\s+rated|not\s+effective"
    r"|(?:drastic|substantial|moderate|minimum)\W{0,3}improvement",
    regex.IGNORECASE,
)
_QUOTES = "‘’'\"“”"


@lru_cache(maxsize=1)
def nlp() -> Any:
    import spacy

    pipeline = spacy.blank("en")
    pipeline.max_length = 5_000_000
    return pipeline


@lru_cache(maxsize=1)
def label_matcher() -> Any:
    from spacy.matcher import Matcher

    matcher = Matcher(nlp().vocab)
    patterns: list[list[dict[str, Any]]] = [[{"LOWER": word} for word in phrase.split()]
                                            for entry in RATING_LABELS for phrase in entry.phrases]
    # "‘minimum’ improvement", "SUBSTANTIAL improvement required", "“drastic improvement”"
    patterns.append([{"LOWER": {"IN": list(IMPROVEMENT_LEVELS)}}, {"ORTH": {"IN": list(_QUOTES)}, "OP": "?"},
                     {"LOWER": "improvement"}, {"LOWER": "required", "OP": "?"}])
    matcher.add("LABEL", patterns, greedy="LONGEST")
    return matcher


@dataclass(frozen=True)
class LabelMatch:
    start: int  # offsets into the text that was matched
    end: int
    words: str  # lower case, single-spaced, quotes removed


def find_labels(text: str) -> list[LabelMatch]:
    """Every rating label in text, longest first where they overlap ("requires improvement to be good")."""
    if not LABEL_WORD.search(text):
        return []
    tokens = nlp().make_doc(text)
    found = []
    for _, first, last in sorted(label_matcher()(tokens), key=lambda m: m[1]):
        span = tokens[first:last]
        words = " ".join(t.lower_ for t in span if t.text not in _QUOTES)
        found.append(LabelMatch(span.start_char, span.end_char, words))
    return found


@dataclass(frozen=True)
class AreaMatch:
    start: int
    end: int
    entry: AreaEntry
    subject: str  # the subject to record: canonical, or the words as written


@cache
def _area_matcher(era: str) -> tuple[Any, dict[int, tuple[AreaEntry, str | None]]]:
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(nlp().vocab, attr="LOWER")
    entries: dict[int, tuple[AreaEntry, str | None]] = {}
    for entry in AREAS_BY_ERA[era]:
        for phrase, subject in entry.phrases.items():
            key = f"{entry.key}|{phrase}"
            matcher.add(key, [nlp().make_doc(phrase)])
            entries[nlp().vocab.strings[key]] = (entry, subject)
    return matcher, entries


def find_areas(text: str, era: str) -> list[AreaMatch]:
    """Areas named in text (the era decides the vocabulary); overlapping matches keep the longest."""
    if not text.strip():
        return []
    from spacy.tokens import Span
    from spacy.util import filter_spans

    matcher, entries = _area_matcher(era)
    tokens = nlp().make_doc(text)
    spans = [Span(tokens, first, last, label=match_id) for match_id, first, last in matcher(tokens)]
    out = []
    for span in sorted(filter_spans(spans), key=lambda s: s.start):
        entry, subject = entries[span.label]
        out.append(AreaMatch(span.start_char, span.end_char, entry,
                             entry.name if subject is None else _sentence_case(span.text)))
    return out


def _sentence_case(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]
