"""Asking whether a pattern occurs, one top-level alternative at a time, answers as the whole pattern does."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.occurrence import Occurrence, split_alternatives
from models.constructions import CONSTRUCTIONS, CUES_AFTER, CUES_BEFORE
from models.patterns import DOC_TYPE_CUES


def test_an_alternation_is_split_at_its_top_level_bars_only():
    assert split_alternatives(r"(?m)\bHide\s+Ad\b|^\s*-\s*Published\s*$|(?i:read\s+more):") == [
        r"(?m)\bHide\s+Ad\b", r"(?m)^\s*-\s*Published\s*$", r"(?m)(?i:read\s+more):"]
    # a bar inside a group, a character class or escaped is part of its alternative
    assert split_alternatives(r"a(?:b|c)|[|]x|\|y|[]|]z|[^]|]w") == [r"a(?:b|c)", r"[|]x", r"\|y", r"[]|]z", r"[^]|]w"]


def test_a_pattern_whose_parts_depend_on_each_other_is_kept_whole():
    for pattern in (r"(a)|\1b", r"(?P<x>a)|(?P=x)", r"a|(?m)^b", r"(?x) a | b # c|d", r"(?(1)a|b)", r"a|(?-i)b"):
        assert split_alternatives(pattern) == [pattern]
    assert split_alternatives("abc") == ["abc"]


# Pieces of patterns as the cues write them, and texts made of the words they look for.
_PIECES = [r"\bgood\b", r"^\s*ends\s*$", r"\bnot\s+(?:rated|good)\b", r"(?<=\bthe\s)board", r"[|]", r"rated(?=\s+good)",
           r"\d{2}%", r"(?i:READ)\s+more", r"\bwe\s+(?:found|rated)\b", r"$", r"(?:a|b)c", r"x?"]
_WORDS = ["good", "not", "rated", "the", "board", "read", "More", "we", "found", "ends", "|", "45%", "ac", "bc", "x",
          "\n", " ", "  "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=5), st.sampled_from(["", "(?m)", "(?i)", "(?im)"]),
       st.lists(st.sampled_from(_WORDS), max_size=30), st.sampled_from([0, regex.IGNORECASE]))
def test_occurs_answers_as_the_whole_pattern_does(pieces, opening, words, flags):
    pattern = opening + "|".join(pieces)
    text = " ".join(words)
    assert Occurrence(pattern, flags).occurs(text) == bool(regex.compile(pattern, flags).search(text))
    assert Occurrence(pattern, flags).occurs_at_start(text) == bool(regex.compile(pattern, flags).match(text))


def test_every_cue_of_the_project_is_answered_alike_on_its_examples():
    """The cues the extractors test by occurrence, on every example and counter-example the project keeps."""
    texts = [example for entry in (*CUES_BEFORE, *CONSTRUCTIONS, *CUES_AFTER)
             for example in (*entry.examples, *entry.counter_examples)] + [example for *_, example in DOC_TYPE_CUES]
    patterns = [(p, 0) for _, _, _, p, _ in DOC_TYPE_CUES] + [
        (p, regex.IGNORECASE) for entry in (*CUES_BEFORE, *CUES_AFTER, *CONSTRUCTIONS)
        for p in (entry.pattern or "", *(p for _, p in entry.requires), *(p for _, p in entry.unless)) if p]
    for pattern, flags in patterns:
        whole = regex.compile(pattern, flags)
        tested = Occurrence(pattern, flags)
        for text in texts:
            assert tested.occurs(text) == bool(whole.search(text)), (pattern[:60], text[:60])
            assert tested.occurs_at_start(text) == bool(whole.match(text)), (pattern[:60], text[:60])


def test_the_document_cues_are_answered_alike_on_every_real_text():
    """The whole-text cues (doc_type, a document about the sector) on the real development sets' texts."""
    from pathlib import Path

    from models.patterns import SECTOR_DOCUMENT

    texts = [path.read_text(encoding="utf-8") for name in ("real", "real2")
             for path in sorted((Path(__file__).parent / name / "raw").glob("*.txt"))]
    assert len(texts) > 200
    for pattern in (SECTOR_DOCUMENT, *(p for _, _, _, p, _ in DOC_TYPE_CUES)):
        whole, tested = regex.compile(pattern), Occurrence(pattern)
        assert [tested.occurs(text) for text in texts] == [bool(whole.search(text)) for text in texts], pattern[:60]


_PERCENT_TOKENS = ["45", "4.5", "1,234", "12.125", "%", " %", "per cent", "PER CENT", "Percent", "percentage", "per",
                   "cent", "centre", "pc", "PC", "pcs", "-", "–", "to", "≥", "<", "+", "£", "/", ".", ",", "x", "paper", "super", " ", "\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PERCENT_TOKENS), max_size=40), st.sampled_from(["", " "]))
def test_percentages_looked_for_near_their_units_are_those_of_a_whole_scan(tokens, joiner):
    """The percentage extractor matches its pattern only around each unit: the same matches as a whole scan."""
    from extractors.numbers import parse_number
    from extractors.percentages import _PERCENT, extract
    from tests.helpers import parse

    text = joiner.join(tokens)
    found = [(p.span.char_start, p.span.char_end) for p in extract(parse(text)).facts]
    expected = []
    for match in _PERCENT.finditer(text):
        if match.group("low") is not None:
            expected.append(match.span("low"))
        if parse_number(match.group("number")) > 1000:
            continue  # (the extractor's own limit)
        start = match.start("prefix") if match.group("prefix") else match.start("number")
        expected.append((start, match.end("plus") if match.group("plus") else match.end("unit")))
    assert [span for span in found if span in expected] == [span for span in expected if span in found]
    assert set(expected) <= set(found)


_DATE_TOKENS = ["March", "MARCH", "march", "Mar", "May", "may", "dismay", "Sept", "September", "published", "2019", "13",
                "x", "_", "é", "-", ".", "summary", "JanMay", "decMarch", "İ", " ", "\n", ""]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_DATE_TOKENS), max_size=30), st.sampled_from(["", " "]))
def test_month_names_found_in_the_lower_cased_text_are_those_of_the_declared_patterns(tokens, joiner):
    """One scan of the lower-cased text finds the month names MONTH_WORD and MONTH_GLUED declare."""
    from extractors.dates import month_names
    from models.patterns import MONTH_GLUED, MONTH_WORD
    from tests.helpers import parse

    text = parse(joiner.join(tokens)).text
    lowered = parse(joiner.join(tokens)).lowered
    declared = sorted(match.span("month") for pattern in (MONTH_WORD, MONTH_GLUED)
                      for match in regex.finditer(pattern, text))
    assert month_names(text, lowered) == declared
