"""spaCy matchers over the vocabularies in ``models.vocabulary``.

A blank English pipeline gives tokens (no model is loaded); a ``Matcher`` finds
rating labels and a ``PhraseMatcher`` finds rated areas. Only sentences that a
cheap regular expression says may hold a label are tokenised, so matching costs
little even in a long report.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

import regex

from extractors.occurrence import split_alternatives
from models.tokens import nlp
from models.vocabulary import (
    AREAS_BY_ERA,
    IMPROVEMENT_LEVEL_WORDS,
    RATING_LABELS,
    RELATIVE_LABELS,
    RELATIVE_NOUN_MODIFIERS,
    RELATIVE_NOUNS,
    STANDARDS_BY_CODE_2018,
    WHOLE_OF_THE_WORK_2024,
    AreaEntry,
    Framework,
    relative_position,
)

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["IMPROVEMENT_LEVEL_WORDS", "RELATIVE_LABELS", "RELATIVE_NOUNS", "nlp"]

# Any words that could be a label: most sentences have none and are never tokenised. A few short alternatives
# (a scan of a long report's lower-cased text is fast only so), which a test holds to the vocabulary: every
# label phrase, improvement level and relative label is found by it.
# ("satisfactory" finds "unsatisfactory" too; an optional group at an alternative's start would slow the scan.)
_LABEL_WORD = (r"outstanding|good|requir\w*[\s-]+improvement|inadequate|satisfactory|poor|not\s+rated|not\s+effective"
               r"|ineffective|(?:drastic|substantial|moderate|minimum|minimal)\W{0,3}improvement"
               r"|(?:highest|lowest|best|worst|top|bottom)\s+(?:of\s+(?:the\s+)?(?:four|4)\s+)?(?:possible\s+)?"
               r"(?:(?:" + "|".join(RELATIVE_NOUN_MODIFIERS) + r")\s+)?(?:rating|grad|mark|judge?ment|category|verdict)")
LABEL_WORD = regex.compile(_LABEL_WORD, regex.IGNORECASE)
# The same, for a whole document's lower-cased text (``Document.lowered``): the standard library's engine on
# lower case scans a long report about three times faster than a case-insensitive scan.
# Where a label may start in a whole document's lower-cased text, one alternative at a time: the engine skips
# to a literal word ("outstanding", "good", ...) where it tries the whole alternation at every character (a report
# of 100,000 characters: 1.6 -> 0.9 ms). Only which sentences hold a start is used, so a start that the whole
# alternation's scan would have passed over inside an earlier match does no harm.
_LABEL_WORD_PARTS = tuple(re.compile(part) for part in split_alternatives(_LABEL_WORD))


def label_word_starts(lowered: str) -> set[int]:
    """The offsets where a word of a label starts in ``lowered`` (``Document.lowered``)."""
    return {match.start() for part in _LABEL_WORD_PARTS for match in part.finditer(lowered)}
_QUOTES = "‘’'\"“”"


@lru_cache(maxsize=1)
def label_matcher() -> Any:
    from spacy.matcher import Matcher

    matcher = Matcher(nlp().vocab)
    patterns: list[list[dict[str, Any]]] = [[{"LOWER": word} for word in phrase.split()]
                                            for entry in RATING_LABELS for phrase in entry.phrases]
    # the same words hyphenated, as an adjective is: "a ‘requires-improvement’ grade"
    patterns += [[token for index, word in enumerate(phrase.split())
                  for token in ([{"ORTH": "-"}] if index else []) + [{"LOWER": word}]]
                 for entry in RATING_LABELS for phrase in entry.phrases if 1 < len(phrase.split()) <= 3]
    # "‘minimum’ improvement", "SUBSTANTIAL improvement required", "“drastic improvement”"
    patterns.append([{"LOWER": {"IN": list(IMPROVEMENT_LEVEL_WORDS)}}, {"ORTH": {"IN": list(_QUOTES)}, "OP": "?"},
                     {"LOWER": "improvement"}, {"LOWER": "required", "OP": "?"}])
    # "requiring “moderate” improvements": the quoted level is the label ("substantial improvements" is not)
    patterns.append([{"LOWER": {"IN": list(IMPROVEMENT_LEVEL_WORDS)}}, {"ORTH": {"IN": list(_QUOTES)}},
                     {"LOWER": "improvements"}, {"LOWER": "required", "OP": "?"}])
    matcher.add("LABEL", patterns, greedy="LONGEST")
    # "the lowest (possible) rating", "its second-highest grade": the place on the scale and its noun
    relative: list[list[dict[str, Any]]] = []
    for entry in RELATIVE_LABELS:
        for phrase in entry.phrases:
            words = [{"LOWER": w} for w in phrase.replace("-", " - ").split()]
            # (the scale's size between: "the second highest of four possible ratings")
            relative.append([*words, {"LOWER": "of", "OP": "?"}, {"LOWER": "the", "OP": "?"},
                             {"LOWER": {"IN": ["four", "4"]}, "OP": "?"}, {"LOWER": "possible", "OP": "?"},
                             {"LOWER": {"IN": list(RELATIVE_NOUN_MODIFIERS)}, "OP": "?"},
                             {"LOWER": {"IN": list(RELATIVE_NOUNS)}}])
    matcher.add("RELATIVE", relative, greedy="LONGEST")
    return matcher


@dataclass(frozen=True)
class LabelMatch:
    start: int  # offsets into the text that was matched
    end: int
    words: str  # lower case, single-spaced, quotes removed
    relative: int | None = None  # a label named by its place on the scale ("the lowest rating"): that place


# Words of context tokenised around each label word: the longest label has three words before its label word
# ("this standard was not rated") and four after ("requires improvement to be good").
_WORDS_BEFORE, _WORDS_AFTER = 5, 7
_CHUNK = regex.compile(r"\S+")
_SEPARATOR = "\n\n\n"


def _windows(text: str) -> list[tuple[int, int]]:
    """(start, end) of the stretches of text around its label words, each from and to white space."""
    hits = [m.span() for m in LABEL_WORD.finditer(text)]
    if not hits:
        return []
    chunks = [m.span() for m in _CHUNK.finditer(text)]
    chunk_starts = [start for start, _ in chunks]
    windows: list[list[int]] = []
    for start, end in hits:
        first = max(0, bisect_right(chunk_starts, start) - 1 - _WORDS_BEFORE)
        last = min(len(chunks) - 1, bisect_right(chunk_starts, max(start, end - 1)) - 1 + _WORDS_AFTER)
        if windows and first <= windows[-1][1] + 1:
            windows[-1][1] = max(windows[-1][1], last)
        else:
            windows.append([first, last])
    return [(chunks[first][0], chunks[last][1]) for first, last in windows]



def find_labels(text: str) -> list[LabelMatch]:
    """Every rating label in text, longest first where they overlap ("requires improvement to be good")."""
    return find_labels_in(text, [(0, len(text))])[0]


def find_labels_in(text: str, ranges: list[tuple[int, int]]) -> list[list[LabelMatch]]:
    """The labels in each range of text (its sentences), with offsets from the range's start.

    Only a few words around each label word are tokenised (a long table row flattened into one sentence
    is mostly numbers), and all of a document's windows go through the tokenizer and the matcher at once,
    joined by blank lines that no label pattern can cross. spaCy's tokenizer splits on white space before
    anything else, so a window that begins and ends at white space gives the sentence's own tokens.
    """
    pieces: list[tuple[int, int, str]] = []  # (range index, offset of the window in text, window)
    for index, (range_start, range_end) in enumerate(ranges):
        sentence = text[range_start:range_end]
        for first, last in _windows(sentence):
            pieces.append((index, range_start + first, sentence[first:last]))
    found: list[list[LabelMatch]] = [[] for _ in ranges]
    for batch in _batches(pieces):
        _match_batch(batch, ranges, found)
    for index, (range_start, range_end) in enumerate(ranges):
        found[index] = _without_restated_relatives(text[range_start:range_end], found[index])
    return found


# The most characters tokenised at once: spaCy refuses a text over its max_length, and a document written
# as word soup can hold millions of characters of windows.
_BATCH_CHARS = 1_000_000


def _batches(pieces: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    batches: list[list[tuple[int, int, str]]] = []
    size = _BATCH_CHARS
    for piece in pieces:
        if size + len(piece[2]) > _BATCH_CHARS:
            batches.append([])
            size = 0
        batches[-1].append(piece)
        size += len(piece[2]) + len(_SEPARATOR)
    return batches


def _match_batch(pieces: list[tuple[int, int, str]], ranges: list[tuple[int, int]],
                 found: list[list[LabelMatch]]) -> None:
    """Tokenise a batch of windows joined by blank lines, and add each label the matcher finds to its range."""
    piece_starts, position = [], 0
    for _, _, window in pieces:
        piece_starts.append(position)
        position += len(window) + len(_SEPARATOR)
    tokens = nlp().make_doc(_SEPARATOR.join(window for _, _, window in pieces))
    matches = label_matcher()(tokens)
    relative_id = nlp().vocab.strings["RELATIVE"]
    for match_id, first_token, last_token in sorted(matches, key=lambda m: m[1]):
        span = tokens[first_token:last_token]
        piece = bisect_right(piece_starts, span.start_char) - 1
        index, offset, _ = pieces[piece]
        start = offset + span.start_char - piece_starts[piece] - ranges[index][0]
        words = label_words(span, relative=match_id == relative_id)
        relative: int | None = relative_position(words) if match_id == relative_id else None
        if match_id == relative_id and relative is None:
            continue
        found[index].append(LabelMatch(start, start + span.end_char - span.start_char, words, relative))


def label_words(span: Span, *, relative: bool) -> str:
    """A label's words as the vocabularies spell them: lower case, without quotes, and without the hyphens of
    "requires-improvement" (a relative label keeps its own: "second-highest")."""
    return " ".join(t.lower_ for t in span if t.text not in _QUOTES and (t.text != "-" or relative))


# Between a relative label and a label next to it: "the highest grade of ‘Outstanding’", "‘Outstanding’, its
# highest grade", "rated ‘Good’ – the second highest of four": the relative one restates its neighbour.
# (the label's own noun may come first: "an ‘Inadequate’ rating, the lowest of four grades")
_BESIDE = regex.compile(r"^[\s‘’'\"“”,:;(–—-]*(?:(?:rating|grade|grading|mark|judgement|judgment)\b[\s,:;(–—-]*)?"
                        r"(?:of|as|is|was|being|which\s+is|namely|i\.e\.|its|the|their|a|an|\s)*"
                        r"[\s‘’'\"“”(]*$", regex.IGNORECASE)


def _without_restated_relatives(text: str, labels: list[LabelMatch]) -> list[LabelMatch]:
    """Drop each relative label that only restates a label beside it (within a few words, nothing but
    punctuation, "of", "its" or "the" between)."""
    labels = sorted(labels, key=lambda label: label.start)
    kept = []
    for i, label in enumerate(labels):
        if label.relative is not None and any(_beside(text, label, other) for other in labels[max(0, i - 1) : i + 2]
                                              if other.relative is None):
            continue
        kept.append(label)
    return kept


def _beside(text: str, one: LabelMatch, other: LabelMatch) -> bool:
    if other.start >= one.end:
        gap = text[one.end : other.start]
    elif other.end <= one.start:
        gap = text[other.end : one.start]
    else:
        return False
    return len(gap) < 40 and bool(_BESIDE.match(gap))


@dataclass(frozen=True)
class AreaMatch:
    start: int
    end: int
    entry: AreaEntry
    subject: str  # the subject to record: canonical, or the words as written
    weak: bool = False  # words that name the area only as one item of a list of areas


@cache
def _area_matcher(era: str) -> tuple[Any, dict[int, tuple[AreaEntry, str | None, bool]]]:
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(nlp().vocab, attr="LOWER")
    entries: dict[int, tuple[AreaEntry, str | None, bool]] = {}
    for entry in AREAS_BY_ERA[era]:
        # A weak phrase records the area's canonical name: alone it would not name the area at all.
        for phrase, subject in [*entry.phrases.items(), *((w, None) for w in entry.weak)]:
            key = f"{entry.key}|{phrase}"
            matcher.add(key, [nlp().make_doc(phrase)])
            entries[nlp().vocab.strings[key]] = (entry, subject, phrase in entry.weak)
    if era == Framework.CHILDREN_AND_VICTIMS_2024:
        # the programme's name for the whole of the work: longer than the areas inside it, and no area itself
        matcher.add(_WHOLE_OF_THE_WORK, [nlp().make_doc(phrase) for phrase in WHOLE_OF_THE_WORK_2024])
    return matcher, entries


_WHOLE_OF_THE_WORK = "whole_of_the_work"


def find_areas(text: str, era: str) -> list[AreaMatch]:
    """Areas named in text (the era decides the vocabulary); overlapping matches keep the longest."""
    if not text.strip():
        return []
    from spacy.tokens import Span
    from spacy.util import filter_spans

    matcher, entries = _area_matcher(era)
    # A hyphen left hanging before a space ("out-of-court- disposals", a line broken at a hyphen) is a space:
    # replaced one for one, so offsets stay the text's.
    tokens = nlp().make_doc(_HANGING_HYPHEN.sub(" ", text))
    spans = [Span(tokens, first, last, label=match_id) for match_id, first, last in matcher(tokens)]
    out = []
    whole = nlp().vocab.strings[_WHOLE_OF_THE_WORK]
    for span in sorted(filter_spans(spans), key=lambda s: s.start):
        if span.label == whole:
            continue
        entry, subject, weak = entries[span.label]
        out.append(AreaMatch(span.start_char, span.end_char, entry,
                             entry.name if subject is None else _sentence_case(span.text), weak))
    if era in (Framework.STANDARDS_2018, Framework.CHILDREN_AND_VICTIMS_2024) and _STANDARD_NUMBER.search(text):
        out = _numbered_standards(text, out)
    return out


# A 2018 standard's number: "2.1", "standard 2.1", "Standard 3.2:" (never inside a longer number, "12.1", "2.1.3")
_NUMBER = r"(?<![\d.])(?P<code>[1-4]\.[1-4])(?![\d]|\.\d)"
_STANDARD_NUMBER = regex.compile(_NUMBER)
# The number just before the standard's name, or in brackets just after it: "2.1 Assessment", "Standard 2.1
# (assessment)", "Standard 3.2 – Planning –", "planning (3.2)"
_NUMBER_BEFORE = regex.compile(rf"(?:\bstandard\s+)?{_NUMBER}\s*[:.,(–—-]?\s*(?:the\s+)?$", regex.IGNORECASE)
_NUMBER_AFTER = regex.compile(rf"^\s*[(\[]\s*(?:standard\s+)?{_NUMBER}\s*[)\]]", regex.IGNORECASE)
# Numbers alone after the word "standard": "Standards 2.1 and 2.2 were rated ‘Good’"
_NUMBERS_ALONE = regex.compile(rf"\bstandards?\s+{_NUMBER}(?:\s*(?:,|and|or|&)\s*(?:standard\s+)?{_NUMBER})*",
                               regex.IGNORECASE)


def _numbered_standards(text: str, found: list[AreaMatch]) -> list[AreaMatch]:
    """The 2018 standards a number names. A number beside a domain-relative standard's name says its domain
    ("2.1 Assessment" is court disposals' assessment; a number that disagrees with the name changes nothing); a
    number alone after "standard" names the standard itself."""
    out: list[AreaMatch] = []
    used: list[tuple[int, int]] = []
    for area in found:
        number = _NUMBER_BEFORE.search(text, max(0, area.start - 24), area.start) or \
            _NUMBER_AFTER.match(text[area.end : area.end + 24])
        if number is not None:
            offset = 0 if number.re is _NUMBER_BEFORE else area.end
            used.append((number.start("code") + offset, number.end("code") + offset))
            coded = STANDARDS_BY_CODE_2018.get(number.group("code"))
            if area.entry.relative is not None and coded is not None and coded.name.endswith(f": {area.entry.name}"):
                area = AreaMatch(area.start, area.end, coded, coded.name, area.weak)
        out.append(area)
    for alone in _NUMBERS_ALONE.finditer(text):
        for start, end in alone.spans("code"):
            coded = STANDARDS_BY_CODE_2018.get(text[start:end])
            if coded is not None and not any(a <= start < b for a, b in used):
                out.append(AreaMatch(start, end, coded, coded.name))
    return sorted(out, key=lambda a: a.start)


_HANGING_HYPHEN = regex.compile(r"(?<=\w)-(?=\s)")


def warm() -> None:
    """Build the tokenizer and every matcher now (about 0.7 s): a process that forks workers calls this first,
    so that each worker inherits them instead of building its own."""
    label_matcher()
    for era in AREAS_BY_ERA:
        _area_matcher(era)
    find_labels("rated Good")


def _sentence_case(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]
