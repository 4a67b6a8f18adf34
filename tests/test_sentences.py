"""Sentence boundaries: the fast reading gives what the rules give on spaCy's full tokenisation.

``pipeline.extract.parse.sentence_starts`` asks spaCy's tokenizer only about words that hold ".", "!" or "?" and
follows spaCy's white-space rules itself. The reference here applies the same rules to every token of
``nlp.make_doc(text)``, through spaCy's own arrays; the two must agree on any text.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from loaders import load_bytes
from pipeline.extract.parse import WRAPPED_LINE, nlp, pieces, sentence_bounds
from tests.conftest import DEVELOPMENT_RAW, RAW, REAL_RAW

_END = (".", "!", "?")
_QUOTES = ("”", '"', "’", "'")


def reference_bounds(text: str) -> list[tuple[int, int]]:
    """The rules over spaCy's tokens: a line break starts a sentence unless the line continues a hard-wrapped
    one; a tab never does; after ".", "!" or "?" (or a quote closing them) what looks like a start does."""
    from spacy.attrs import IDX, IS_SPACE, LENGTH, SPACY

    out = []
    for piece_start, piece_end in pieces(text):
        piece = text[piece_start:piece_end]
        doc = nlp().make_doc(piece)
        if not len(doc):
            continue
        starts, lengths, spaces, followed = doc.to_array([IDX, LENGTH, IS_SPACE, SPACY]).T.tolist()
        token = [piece[s : s + n] for s, n in zip(starts, lengths, strict=True)]
        first = [0]
        for i in range(1, len(token)):
            if spaces[i]:
                continue
            gap = token[i - 1] if spaces[i - 1] else (" " if followed[i - 1] else "")
            if "\n" in gap:
                if not _continues(piece, starts[i], gap):
                    first.append(i)
            elif "\t" in gap:
                continue
            elif token[i - 1] in _END or token[i - 1].endswith(("!", "?")):
                if re.match(r"[A-Z0-9“\"‘'(•–-]", token[i]):
                    first.append(i)
            elif token[i - 1] in _QUOTES and i >= 2 and token[i - 2] in _END and re.match(r"[A-Z0-9“\"‘'(]", token[i]):
                first.append(i)
        for number, begin in enumerate(first):
            end = starts[first[number + 1]] if number + 1 < len(first) else len(piece)
            raw = piece[starts[begin] : end]
            if raw.strip():
                start = piece_start + starts[begin] + len(raw) - len(raw.lstrip())
                out.append((start, start + len(raw.strip())))
    return out


def _continues(text: str, start: int, gap: str) -> bool:
    if text[start].islower():
        return True
    if text[start] not in "‘'\"“(" or gap.count("\n") > 1:
        return False
    newline = text.rfind("\n", 0, start)
    line = text[text.rfind("\n", 0, newline) + 1 : newline].strip()
    return len(line) >= WRAPPED_LINE and not line.endswith((".", "!", "?", ":", ";", "”", '"', "’"))


PIECES = ["Good", "rated", "Anytown", "was", "e.g.", "i.e.", "Mr.", "etc.", "no.", "U.K.", "3.", "1.1", "a.", ".", "!", "?",
          "!!", "Good.", "Good!", "Good?", "Good.”", "Good.'", "“Quote", "‘Good’", "'", '"', "”", "’", "(", ")", "(e.g.",
          "Good.The", "sentence.(", "•", "–", "-", "2023.", "youth", "A", "b", " ", " ", " ", "  ", "\n", "\n\n", "\t",
          "\xa0", " \n", "\n ", " \t", "\r", "x" * 61, "a long line that stops without its full stop and runs on to"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.booleans())
@example(["etc.", " ", "'", "Good"], False)  # a word that starts with a quote splits after "etc."
def test_the_fast_reading_gives_the_rules_over_spacys_tokens(parts, spaced):
    text = (" " if spaced else "").join(parts)
    assert sentence_bounds(text) == reference_bounds(text)


def _corpus_texts() -> list[tuple[str, str]]:
    out = []
    for folder in (RAW, DEVELOPMENT_RAW, REAL_RAW):
        for path in sorted(folder.iterdir()):
            if path.suffix in (".txt", ".pdf", ".html", ".md"):
                out.append((path.name, load_bytes(path.suffix, path.read_bytes()).text))
    return out


def test_the_fast_reading_gives_the_rules_over_spacys_tokens_on_every_corpus_text():
    texts = _corpus_texts()
    assert len(texts) > 200
    different = [name for name, text in texts if sentence_bounds(text) != reference_bounds(text)]
    assert different == []


@pytest.mark.parametrize("text, sentences", [
    ("Overall, Anytown YJS was rated ‘Good’. Fieldwork took place in March.",
     ["Overall, Anytown YJS was rated ‘Good’.", "Fieldwork took place in March."]),
    ("The service (e.g. its board) met. Then it rated itself.", ["The service (e.g. its board) met.", "Then it rated itself."]),
    ("1.1 Governance\tGood\n1.2 Staff\tGood", ["1.1 Governance\tGood", "1.2 Staff\tGood"]),
    ("It was “Outstanding.” The board agreed.", ["It was “Outstanding.”", "The board agreed."]),
    ("rated Good.The next", ["rated Good.", "The next"]),
])
def test_sentences_as_the_documents_write_them(text, sentences):
    assert [text[start:end] for start, end in sentence_bounds(text)] == sentences
