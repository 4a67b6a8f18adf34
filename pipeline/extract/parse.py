"""Building the document extractors read: sentence boundaries.

spaCy's blank English tokenizer gives the tokens (no model is needed or
downloaded), and rules that know the shape of these documents give the
sentences: one paragraph, list item or table row per line; tab-separated table
cells stay in one sentence; a sentence ends at ".", "!" or "?" before what looks
like a sentence's start. The document itself (``models.document.Document``) is
pure data and knows nothing of spaCy.
"""

from __future__ import annotations

import re
from typing import Any

from loaders.loaded import LoadedDocument
from models.document import MAX_SENTENCE_CHARS_READ, Document, bounded

# A sentence ends at one of these tokens; what follows must look like a sentence's start.
_SENTENCE_END = (".", "!", "?")
_CLOSING_QUOTES = ("”", '"', "’", "'")
_STARTS_SENTENCE = re.compile(r"[A-Z0-9“\"‘'(•–-]")
_STARTS_AFTER_QUOTE = re.compile(r"[A-Z0-9“\"‘'(]")


# A line long enough to have been wrapped, not a heading or a label.
WRAPPED_LINE = 60


def continues_wrapped_line(text: str, start: int, gap: str) -> bool:
    """Does the token at ``start``, first on its line, continue the sentence of the line before?

    Lower case always continues ("attitudes" / "to education"). A quote or
    bracket continues a long line that stopped mid-sentence, as hard-wrapped
    text does ("... was rated as" / "'Good'."); a blank line never continues.
    """
    first = text[start]
    if first.islower():
        return True
    if first not in "‘'\"“(" or gap.count("\n") > 1:
        return False
    newline = text.rfind("\n", 0, start)
    line = text[text.rfind("\n", 0, newline) + 1 : newline].strip()
    return len(line) >= WRAPPED_LINE and not line.endswith((".", "!", "?", ":", ";", "”", '"', "’"))


def nlp() -> Any:
    """spaCy's blank English pipeline: its tokenizer splits the words that may end a sentence (no model is
    loaded). The one the extractors' matchers use (models.tokens), so that a process builds it once."""
    from models.tokens import nlp as shared

    return shared()


def parse_fingerprint() -> str:
    """Changes when sentence boundaries could change: this module's code or spaCy's version."""
    import hashlib
    from importlib.metadata import version
    from pathlib import Path

    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(version("spacy").encode())
    return digest.hexdigest()[:12]


# spaCy refuses a text longer than its max_length, and its memory grows with the text: a long text is read in
# pieces of at most this many characters, cut where a paragraph ends (else a line, else a space).
PIECE_CHARS = 500_000


def pieces(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of text, each at most ``size`` (PIECE_CHARS) long, cut at white space."""
    size = size or PIECE_CHARS
    out, start = [], 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = max(window.rfind("\n\n"), window.rfind("\f"))
        if cut <= size // 2:
            cut = window.rfind("\n")
        if cut <= size // 2:
            cut = window.rfind(" ")
        cut = start + (cut + 1 if cut > 0 else size)
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence, stripped of surrounding space."""
    out = []
    for piece_start, piece_end in pieces(text):
        piece = text[piece_start:piece_end]
        starts = sentence_starts(piece)
        for begin, end in zip(starts, [*starts[1:], len(piece)], strict=True):
            raw = piece[begin:end]
            stripped = raw.strip()
            if stripped:
                start = piece_start + begin + (len(raw) - len(raw.lstrip()))
                if len(stripped) <= MAX_SENTENCE_CHARS_READ:
                    out.append((start, start + len(stripped)))
                else:  # a run-on stretch without full stops: read in bounded pieces
                    out.extend(bounded(text, start, start + len(stripped), MAX_SENTENCE_CHARS_READ))
    return out


# Only a word holding ".", "!" or "?", or starting with a quote that may close the sentence before it, can hold a
# token boundary that starts a sentence (after one of them, or after such a quote: in "etc. 'Good" the tokenizer
# splits "'" from "Good", and "Good" follows a quote that follows "."). Other words are kept whole, as one token,
# without asking the tokenizer. Only a token that ends in one of these characters can end a sentence.
_MAY_CLOSE = frozenset(".!?" + "".join(_CLOSING_QUOTES))
_MAY_SPLIT_AT_START = tuple(_CLOSING_QUOTES)
_WORD = re.compile(r"\S+")
# The tokens of a word the tokenizer split ("2019." is "2019" and "."): a word is tokenised alone, the same
# way wherever it stands, and words like "services." recur thousands of times in a corpus. Bounded.
_WORD_TOKENS: dict[str, tuple[str, ...]] = {}
_WORD_TOKENS_KEPT = 200_000


def sentence_starts(text: str) -> list[int]:
    """Where each sentence starts: one paragraph, item or table row per line; a new sentence after ".", "!" or
    "?" (or a quote closing them) when what follows looks like a sentence's start.

    The rules read spaCy's tokens, as its tokenizer makes them: it splits the text at white space first (one
    space after a word belongs to the word; any other run of white space is a token of its own), then splits
    each word by its affix rules and exceptions ("e.g." stays whole, "Good." is "Good" and "."). Only words
    holding ".", "!" or "?", or starting with a closing quote, are split here, by spaCy's own tokenizer (each
    word once): no boundary inside any other word can start a sentence, so each is one token. A token starts a sentence
    when the white space before it holds a line break (unless the line continues a hard-wrapped sentence),
    never after a tab or other white space, and after a single space or none when the token before it ends a
    sentence.
    """
    tokenizer = nlp().tokenizer
    starts = [0]
    previous = before = ""  # the last two tokens' texts (a run of white space is one token)
    end = 0
    for match in _WORD.finditer(text):
        start = match.start()
        word = match.group()
        if start:
            if start - end == 1 and end and text[end] == " ":  # the previous word's own space
                # (most words end in a letter: the rules are asked only after one that may end a sentence)
                if previous[-1:] in _MAY_CLOSE and _ends_sentence(previous, before, text, start):
                    starts.append(start)
            else:
                run = text[end:start]
                gap = run[1:] if run[0] == " " and end else run  # the white-space token
                if "\n" in gap and not continues_wrapped_line(text, start, gap):
                    starts.append(start)
                before, previous = previous, gap
        end = match.end()
        if "." in word or "!" in word or "?" in word or word.startswith(_MAY_SPLIT_AT_START):
            offset = start
            pieces = _WORD_TOKENS.get(word)
            if pieces is None:
                pieces = tuple(token.text for token in tokenizer(word))
                if len(_WORD_TOKENS) < _WORD_TOKENS_KEPT:
                    _WORD_TOKENS[word] = pieces
            for index, piece in enumerate(pieces):
                if index and _ends_sentence(previous, before, text, offset):
                    starts.append(offset)  # inside the word: "rated Good.The", "(e.g. …)"
                before, previous = previous, piece
                offset += len(piece)
        else:
            before, previous = previous, word
    return starts


def _ends_sentence(previous: str, before: str, text: str, start: int) -> bool:
    """After ``previous`` (and ``before`` it), with no line break between, does the token at ``start`` open a
    sentence?"""
    if previous in _SENTENCE_END or previous.endswith(("!", "?")):
        return _STARTS_SENTENCE.match(text, start) is not None
    if previous in _CLOSING_QUOTES and before in _SENTENCE_END:
        return _STARTS_AFTER_QUOTE.match(text, start) is not None
    return False


def parse(doc_id: str, loaded: LoadedDocument, sentences: list[tuple[int, int]] | None = None) -> Document:
    """The document extractors read. ``sentences`` may come from the cache of an earlier
    parse of the same text, so re-extraction does not run spaCy again."""
    if sentences is None:
        sentences = sentence_bounds(loaded.text)
    return Document(doc_id, loaded.text, loaded.pages, loaded.source_format, sentences)
