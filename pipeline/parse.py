"""Building the document extractors read: sentence boundaries from spaCy.

spaCy does the tokenisation and sentence boundaries: a blank English pipeline
with one rule-based component that knows the shape of these documents (one
paragraph, list item or table row per line; tab-separated table cells stay in
one sentence). No statistical model is needed or downloaded. The document
itself (``models.document.Document``) is pure data and knows nothing of spaCy.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from models.document import Document
from pipeline.loaded import LoadedDocument


def sentence_starts_here(doc: Any, i: int) -> bool:
    """Does token i start a sentence? One paragraph, item or table row per line."""
    if i == 0:
        return True
    token, previous = doc[i], doc[i - 1]
    gap = previous.whitespace_ if not previous.is_space else previous.text
    if token.is_space:
        return False
    if "\n" in gap:
        return not continues_wrapped_line(doc, i, gap)
    if "\t" in gap:
        return False  # table cells of one row stay together
    if previous.text in (".", "!", "?") or previous.text.endswith(("!", "?")):
        return bool(re.match(r"[A-Z0-9“\"‘'(•–-]", token.text))
    if previous.text in ("”", '"', "’", "'") and i >= 2 and doc[i - 2].text in (".", "!", "?"):
        return bool(re.match(r"[A-Z0-9“\"‘'(]", token.text))
    return False


# A line long enough to have been wrapped, not a heading or a label.
WRAPPED_LINE = 60


def continues_wrapped_line(doc: Any, i: int, gap: str) -> bool:
    """Does token i, first on its line, continue the sentence of the line before?

    Lower case always continues ("attitudes" / "to education"). A quote or
    bracket continues a long line that stopped mid-sentence, as hard-wrapped
    text does ("... was rated as" / "'Good'."); a blank line never continues.
    """
    first = doc[i].text[:1]
    if first.islower():
        return True
    if first not in "‘'\"“(" or gap.count("\n") > 1:
        return False
    text = doc.text
    newline = text.rfind("\n", 0, doc[i].idx)
    line = text[text.rfind("\n", 0, newline) + 1 : newline].strip()
    return len(line) >= WRAPPED_LINE and not line.endswith((".", "!", "?", ":", ";", "”", '"', "’"))


@lru_cache(maxsize=1)
def nlp() -> Any:
    import spacy
    from spacy.language import Language

    if not Language.has_factory("hmip_sentences"):

        @Language.component("hmip_sentences")
        def hmip_sentences(doc: Any) -> Any:
            import numpy
            from spacy.attrs import SENT_START

            if len(doc):
                # One array for the whole doc: setting token.is_sent_start one at a
                # time makes spaCy rescan the doc each time (quadratic).
                flags = [1 if sentence_starts_here(doc, i) else -1 for i in range(len(doc))]
                values = numpy.array(flags, dtype="int64").astype("uint64").reshape(-1, 1)
                doc.from_array([SENT_START], values)
            return doc

    pipeline = spacy.blank("en")
    pipeline.add_pipe("hmip_sentences")
    pipeline.max_length = 5_000_000
    return pipeline


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
        for sent in nlp()(text[piece_start:piece_end]).sents:
            raw = sent.text
            stripped = raw.strip()
            if not stripped:
                continue
            start = piece_start + sent.start_char + (len(raw) - len(raw.lstrip()))
            out.append((start, start + len(stripped)))
    return out


def parse(doc_id: str, loaded: LoadedDocument, sentences: list[tuple[int, int]] | None = None) -> Document:
    """The document extractors read. ``sentences`` may come from the cache of an earlier
    parse of the same text, so re-extraction does not run spaCy again."""
    if sentences is None:
        sentences = sentence_bounds(loaded.text)
    return Document(doc_id, loaded.text, loaded.pages, loaded.source_format, sentences)
