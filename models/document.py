"""The document extractors read: canonical text, pages, lines, headings, sentences.

Pure data with lookups; it imports nothing of ours. How a document was loaded
(PDF, web page, plain text) and how its sentence boundaries were found (spaCy,
in ``pipeline.extract.parse``) are not its concern: both arrive as plain values.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from models.facts import Span

# "2.1. Assessment", "1.1 Governance and leadership", "4.1. Resettlement policy and provision"
STANDARD_HEADING = re.compile(r"^(?P<code>[1-9]\.\d{1,2})\.?\s+(?P<title>[A-Z][^\t]{1,80})$")
_TERMINAL = (".", ",", ";", "!", "?", '"', "”", "’")
# Markdown marks at a line's ends: heading hashes, bold and italic asterisks or underscores.
_MARKDOWN_EDGES = re.compile(r"^(?:#{1,6}\s+|[*_]{1,3}(?=\S))+|(?<=\S)[*_]{1,3}$")


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    char_start: int
    char_end: int
    removed: tuple[str, ...] = ()  # running headers, footers, page numbers taken out
    engine: str | None = None  # the PDF engine that read the page (pdfium, pdfplumber); None for text and web pages


# The longest sentence a fact row repeats whole; a longer one is cut to the stretch around the mention.
MAX_SENTENCE_CHARS = 1000

# Lines and sentences are made by the thousand for every report: named tuples, which are built several times
# faster than frozen dataclasses and are as immutable.
class TextLine(NamedTuple):
    start: int
    end: int
    text: str


class Sentence(NamedTuple):
    start: int
    end: int
    text: str


def plain(text: str) -> str:
    """A line without the markdown around it: "## Recommendations", "**Overall rating**"."""
    if not text or (text[0] not in "#*_" and text.rstrip("\n")[-1:] not in ("*", "_")):
        return text  # nothing to take off (most lines): skip the substitution
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


# No real line or sentence comes near these lengths (the longest in the development sets: a line of 1,700
# characters, a sentence of 850). A text with none of its line breaks or full stops (a report pasted as one
# line, a transcript without punctuation) would make every rule that reads "the line" or "the sentence" read
# megabytes, for every mention: such a stretch is cut into bounded pieces, each read as a line or a sentence.
MAX_LINE_CHARS = 5000
MAX_SENTENCE_CHARS_READ = 2000
_CUT_AFTER = (". ", "; ", ", ", " ")


def bounded(text: str, start: int, end: int, size: int) -> list[tuple[int, int]]:
    """``text[start:end]`` as consecutive pieces of at most ``size`` characters, each cut after the last
    sentence end, else clause mark, else space in its second half (else at ``size``), stripped of white space."""
    out: list[tuple[int, int]] = []
    while end - start > size:
        cut = -1
        for mark in _CUT_AFTER:
            found = text.rfind(mark, start + size // 2, start + size)
            if found >= 0:
                cut = found + len(mark)
                break
        cut = cut if cut > start else start + size
        piece = text[start:cut].rstrip()
        if piece:
            out.append((start, start + len(piece)))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append((start, end))
    return out


def text_lines(text: str) -> list[TextLine]:
    """Every non-blank line, stripped of surrounding spaces, with its offsets (a line longer than
    MAX_LINE_CHARS is read as several)."""
    out = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip(" \u00a0\u200b\t")
        if not stripped:
            continue
        start = match.start() + raw.find(stripped)
        if len(stripped) <= MAX_LINE_CHARS:
            out.append(TextLine(start, start + len(stripped), stripped))
            continue
        out.extend(TextLine(a, b, text[a:b]) for a, b in bounded(text, start, start + len(stripped), MAX_LINE_CHARS))
    return out


class Document:
    """One document's canonical text and the structure extractors need.

    ``sentences`` are (start, end) offsets into ``text``, found by whoever
    built the document (spaCy in the pipeline; cached between runs).
    """

    def __init__(self, doc_id: str, text: str, pages: list[Page], source_format: str,
                 sentences: list[tuple[int, int]]) -> None:
        self.doc_id = doc_id
        self.text = text
        self.pages = pages
        self.source_format = source_format
        self._page_starts = [p.char_start for p in self.pages]
        self.lines = text_lines(text)
        self._line_starts = [line.start for line in self.lines]
        self.headings = [line for line in self.lines if is_heading_like(line.text)]
        self._heading_starts = [h.start for h in self.headings]
        self.sentences = [Sentence(start, end, text[start:end]) for start, end in sentences]
        self._sentence_starts = [s.start for s in self.sentences]
        # Values derived from the whole document that several extractors ask for (its type,
        # its service), computed once: the key names the deriving function.
        self.memo: dict[str, Any] = {}

    @property
    def lowered(self) -> str:
        """The text in lower case, offset for offset (so a match in it is a span of ``text``).

        Scanning this with a case-sensitive pattern is several times faster than a case-insensitive scan
        of ``text``. The few characters whose lower case is longer ("İ") are left as they are.
        """
        if "lowered" not in self.memo:
            lowered = self.text.lower()
            if len(lowered) != len(self.text):
                lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.text)
            self.memo["lowered"] = lowered
        return str(self.memo["lowered"])

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

    def sentence_index_at(self, offset: int) -> int:
        """Index in ``sentences`` of the sentence holding offset (-1 before the first)."""
        return bisect.bisect_right(self._sentence_starts, offset) - 1

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
        text = sentence.text
        if len(text) > MAX_SENTENCE_CHARS:
            # A run-on "sentence" (a page without full stops, a flattened table) would repeat itself in every
            # row it holds: keep the stretch around the mention, cut at white space, marked with an ellipsis.
            half = MAX_SENTENCE_CHARS // 2
            first = max(sentence.start, start - half)
            stop = min(sentence.end, end + half)
            if first > sentence.start:
                space = self.text.find(" ", first, start)
                first = space + 1 if space >= 0 else first
            if stop < sentence.end:
                space = self.text.rfind(" ", end, stop)
                stop = space if space >= 0 else stop
            text = ("… " if first > sentence.start else "") + self.text[first:stop] + (" …" if stop < sentence.end else "")
        return Span(
            char_start=start,
            char_end=end,
            page=self.page_at(start),
            section_heading=heading.text if heading else None,
            sentence=text,
        )
