"""A loaded document made ready for extractors: sentences, lines, headings, provenance.

spaCy does the tokenisation and sentence boundaries: a blank English pipeline
with one rule-based component that knows the shape of these documents (one
paragraph, list item or table row per line; tab-separated table cells stay in
one sentence). No statistical model is needed or downloaded.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from models.facts import Span
from pipeline.loaded import LoadedDocument, Page

# "2.1. Assessment", "1.1 Governance and leadership", "4.1. Resettlement policy and provision"
STANDARD_HEADING = re.compile(r"^(?P<code>[1-9]\.\d{1,2})\.?\s+(?P<title>[A-Z][^\t]{1,80})$")
_TERMINAL = (".", ",", ";", "!", "?", '"', "”", "’")
# Markdown marks at a line's ends: heading hashes, bold and italic asterisks or underscores.
_MARKDOWN_EDGES = re.compile(r"^(?:#{1,6}\s+|[*_]{1,3}(?=\S))+|(?<=\S)[*_]{1,3}$")


@dataclass(frozen=True)
class TextLine:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def plain(text: str) -> str:
    """A line without the markdown around it: "## Recommendations", "**Overall rating**"."""
    return _MARKDOWN_EDGES.sub("", text)


def is_heading_like(text: str) -> bool:
    """A short line that reads as a title rather than as a sentence."""
    stripped = text.strip().strip("*").strip()
    if not stripped or len(stripped) > 90 or "\t" in text:
        return False
    if stripped.endswith(_TERMINAL) or stripped.endswith(":"):
        return False
    if stripped[0] in "\"“‘'([<©-•–" or stripped.lower().startswith(("www.", "http", "isbn")):
        return False
    if re.search(r"\.{4,}\s*\d+$", stripped):  # a contents entry
        return False
    if not re.search(r"[A-Za-z]{2}", stripped):
        return False
    return stripped[0].isupper() or stripped[0].isdigit()


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


class ParsedDocument:
    """Canonical text plus the structure extractors need; pure data, no I/O.

    ``sentences`` may be given as (start, end) pairs cached from an earlier
    parse of the same text, so re-extraction does not run spaCy again.
    """

    def __init__(self, doc_id: str, loaded: LoadedDocument,
                 sentences: list[tuple[int, int]] | None = None) -> None:
        self.doc_id = doc_id
        self.text = loaded.text
        self.pages: list[Page] = loaded.pages
        self.source_format = loaded.source_format
        self._page_starts = [p.char_start for p in self.pages]
        self.lines = self._lines()
        self._line_starts = [line.start for line in self.lines]
        self.headings = [line for line in self.lines if is_heading_like(line.text)]
        self._heading_starts = [h.start for h in self.headings]
        if sentences is None:
            self.sentences = self._sentences()
        else:
            self.sentences = [Sentence(start, end, self.text[start:end]) for start, end in sentences]
        self._sentence_starts = [s.start for s in self.sentences]
        # Values derived from the whole document that several extractors ask for (its type),
        # computed once: the key names the deriving function.
        self.memo: dict[str, Any] = {}

    # -- structure ---------------------------------------------------------

    def _lines(self) -> list[TextLine]:
        out = []
        for match in re.finditer(r"[^\n]+", self.text):
            raw = match.group()
            stripped = raw.strip(" \u00a0\u200b\t")
            if not stripped:
                continue
            offset = raw.find(stripped)
            start = match.start() + offset
            out.append(TextLine(start, start + len(stripped), stripped))
        return out

    def _sentences(self) -> list[Sentence]:
        doc = nlp()(self.text)
        out = []
        for sent in doc.sents:
            text = sent.text
            stripped = text.strip()
            if not stripped:
                continue
            start = sent.start_char + (len(text) - len(text.lstrip()))
            out.append(Sentence(start, start + len(stripped), stripped))
        return out

    # -- lookups -----------------------------------------------------------

    def page_at(self, offset: int) -> int:
        index = bisect.bisect_right(self._page_starts, offset) - 1
        return self.pages[max(index, 0)].number

    def heading_before(self, offset: int) -> TextLine | None:
        index = bisect.bisect_right(self._heading_starts, offset) - 1
        return self.headings[index] if index >= 0 else None

    def sentence_at(self, offset: int) -> Sentence:
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index < 0:
            return Sentence(0, 0, "")
        return self.sentences[index]

    def line_index_at(self, offset: int) -> int:
        """Index in ``lines`` of the line holding offset (-1 before the first line)."""
        return bisect.bisect_right(self._line_starts, offset) - 1

    def line_at(self, offset: int) -> TextLine | None:
        index = self.line_index_at(offset)
        return self.lines[index] if index >= 0 else None

    def standard_code_before(self, offset: int) -> str | None:
        """The code of the nearest standard heading ('2.1. Assessment') above offset."""
        index = bisect.bisect_right(self._heading_starts, offset) - 1
        while index >= 0:
            match = STANDARD_HEADING.match(self.headings[index].text)
            if match:
                return match.group("code")
            if re.match(r"^(Domain|Theme|Appendix|Annex)\b", self.headings[index].text):
                return None
            index -= 1
        return None

    def span(self, start: int, end: int) -> Span:
        """Provenance of text[start:end]."""
        heading = self.heading_before(start)
        sentence = self.sentence_at(start)
        if not (sentence.start <= start and end <= max(sentence.end, start)):
            # A mention across sentence boundaries: give the sentences it spans.
            last = self.sentence_at(max(end - 1, start))
            sentence = Sentence(sentence.start, last.end, self.text[sentence.start : last.end])
        return Span(
            char_start=start,
            char_end=end,
            page=self.page_at(start),
            section_heading=heading.text if heading else None,
            sentence=sentence.text,
        )
