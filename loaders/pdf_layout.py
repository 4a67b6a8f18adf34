"""The page-cleaning steps every PDF engine shares: words in, canonical text out.

An engine (``pdf_pdfium``, ``pdf_pdfplumber``) reads each page into a
``PageLayout``: its words, with their boxes, fonts and sizes, placed in ruled
table cells or in the flow of the page. From there the steps are the same
whichever engine read the page: words become lines (superscript digits become
¹²³, ligatures and symbol-font bullets are spelt out, wide gaps become tabs);
running headers, footers and page numbers are found by repetition across
pages, or by shape (a page number alone, a small line in the top margin), and
recorded; lines are rejoined into paragraphs (one paragraph a line in the
canonical text, as in the Inspectorate's plain-text releases); table rows keep
their cells separated by tabs; words split across lines or pages are rejoined.
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from loaders.loaded import LoadedDocument, LoadError, Page

# The version of these steps: part of every PDF engine's version (``loaders.pdf``).
LAYOUT_VERSION = "6"
# Glyphs a published PDF's fonts give for what is plain text: ligatures ("ﬁeldwork") and the
# private-use bullets of Symbol and Wingdings fonts. The canonical text spells them out.
GLYPHS = str.maketrans({
    "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "ft", "ﬆ": "st",
    "\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "•", "\uf076": "•", "\uf0fc": "•", "\uf0a8": "•",
    "\u00a0": " ",
})

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
TERMINAL = (".", "!", "?", ":", ";", '"', "”", "’", "'", ")")
# "• item", "- item", "1. item", "1.1. para", "(i) item", "a) item"
LIST_START = re.compile(r"^(?:[•▪●◦\-–]\s|\d{1,2}(?:\.\d{1,2})*\.?\s|\([ivxa-z0-9]{1,4}\)\s|[a-z]\)\s)")
PAGE_NUMBER = re.compile(r"^\W*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\W*$", re.IGNORECASE)
TOC_ENTRY = re.compile(r"(?:\.{4,}|…{2,})\s*\d+$")  # "Foreword........3"


class Word(NamedTuple):
    """A word as an engine reads it: its text and box (points from the page's top left), font size and name.

    Boxes follow pdfminer's conventions, which both engines reproduce: x0 is the first glyph's origin, x1
    the last glyph's origin plus its advance, bottom the baseline less the font's descent, top = bottom − size.
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    fontname: str


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    cell: tuple[int, int, int] | None = None  # (table, row, column) when inside a ruled table


@dataclass
class PageLayout:
    lines: list[Line] = field(default_factory=list)  # flow lines, top to bottom
    cells: dict[tuple[int, int, int], list[Line]] = field(default_factory=dict)
    row_tops: dict[tuple[int, int], float] = field(default_factory=dict)
    height: float = 842.0
    char_count: int = 0
    cid_count: int = 0  # characters from a font without a Unicode map
    engine: str = ""  # the engine that read the page


def assemble(layouts: list[PageLayout]) -> LoadedDocument:
    """The canonical text of a document from its pages' layouts; a document without usable text is an error."""
    chars = sum(p.char_count for p in layouts)
    if chars == 0:
        raise LoadError("no_text_layer", "no text layer: needs OCR")
    cids = sum(p.cid_count for p in layouts)
    if cids > 0.05 * chars:
        raise LoadError("unmapped_font", f"garbled text: {cids} of {chars} characters come from a font without a Unicode map ((cid:NN) runs)")
    removed = find_running_lines(layouts)
    page_texts = [compose_page(layout, removed_keys) for layout, removed_keys in zip(layouts, removed, strict=True)]
    doc = join_pages(page_texts, [[line.text for line in r] for r in removed], [p.engine for p in layouts])
    blank = [i + 1 for i, p in enumerate(layouts) if p.char_count == 0]
    if blank:
        doc.notes.append(f"pages without a text layer: {blank[:20]}")
    return doc


# ---------------------------------------------------------------- one page


def place_words(layout: PageLayout, words: list[Word], tables: list[Any]) -> PageLayout:
    """Put each word in the ruled table cell its centre falls in, or in the flow of the page, and make lines.

    ``tables`` are pdfplumber ``Table`` objects (both engines find tables with pdfplumber's table finder).
    """
    cell_boxes: list[tuple[tuple[int, int, int], tuple[float, float, float, float]]] = []
    for t_index, table in enumerate(tables):
        for r_index, row in enumerate(table.rows):
            layout.row_tops[(t_index, r_index)] = row.bbox[1]
            for c_index, box in enumerate(row.cells):
                if box is not None:
                    cell_boxes.append(((t_index, r_index, c_index), box))
    flow: list[Word] = [] if cell_boxes else words
    in_cells: dict[tuple[int, int, int], list[Word]] = {}
    for word in words if cell_boxes else ():
        cx = (word.x0 + word.x1) / 2
        cy = (word.top + word.bottom) / 2
        for key, (x0, top, x1, bottom) in cell_boxes:
            if x0 <= cx <= x1 and top <= cy <= bottom:
                in_cells.setdefault(key, []).append(word)
                break
        else:
            flow.append(word)
    layout.lines = words_to_lines(flow)
    layout.cells = {key: words_to_lines(ws) for key, ws in in_cells.items()}
    return layout


def words_to_lines(words: list[Word]) -> list[Line]:
    """Cluster words into lines by vertical overlap; superscript digits become ¹²³; glyphs spelt out.

    A word joins the first of the last three lines whose vertical extent holds its middle.
    """
    rows: list[list[Word]] = []
    bounds: list[list[float]] = []  # each row's [top, bottom], kept as words join it
    for word in sorted(words, key=_READING_ORDER):
        top, bottom = word[3], word[4]  # by index: this loop runs for every word of a report
        mid = (top + bottom) / 2
        count = len(rows)
        index = count - 3 if count > 3 else 0
        while index < count:
            bound = bounds[index]
            if bound[0] <= mid <= bound[1]:
                rows[index].append(word)
                if top < bound[0]:
                    bound[0] = top
                if bottom > bound[1]:
                    bound[1] = bottom
                break
            index += 1
        else:
            rows.append([word])
            bounds.append([top, bottom])
    return [_line(row) for row in rows]


_READING_ORDER = operator.itemgetter(3, 1)  # (top, x0)
_LEFT = operator.itemgetter(1)  # x0


_BOLD: dict[str, bool] = {}  # font name: is it bold (fonts repeat thousands of times in a report)


def _is_bold(fontname: str) -> bool:
    bold = _BOLD.get(fontname)
    if bold is None:
        bold = _BOLD[fontname] = "bold" in fontname.lower()
    return bold


def _line(row: list[Word]) -> Line:
    row.sort(key=_LEFT)
    first_size = row[0].size
    if all(w.size == first_size for w in row):  # one size: most lines
        size = round(first_size, 1)
        main = row
    else:
        rounded = [round(w.size, 1) for w in row]
        sizes: dict[float, int] = {}
        for w, key in zip(row, rounded, strict=True):
            sizes[key] = sizes.get(key, 0) + len(w.text)
        size = max(sizes, key=sizes.__getitem__)  # the size with most characters (the first such, as Counter)
        main = [w for w, key in zip(row, rounded, strict=True) if key == size]
    small, space, tab_gap, close = 0.85 * size, 0.15 * size, 3 * size, 0.3 * size
    baseline: float | None = None  # the main words' median bottom, wanted only beside a smaller word
    gaps = [row[i + 1].x0 - row[i].x1 for i in range(len(row) - 1)]
    typical_gap: float | None = None  # the median gap, wanted only beside a wide one
    parts: list[str] = []
    for index, w in enumerate(row):
        text = w.text if w.text.isascii() else w.text.translate(GLYPHS)
        superscript = False
        if w.size <= small:
            if baseline is None:
                bottoms = sorted(m.bottom for m in main)
                middle = len(bottoms) // 2
                baseline = bottoms[middle] if len(bottoms) % 2 else (bottoms[middle - 1] + bottoms[middle]) / 2
            superscript = w.bottom < baseline - 1.0 and text.isdigit()
            if superscript:
                text = text.translate(SUPERSCRIPT)
        if index:
            gap = gaps[index - 1]
            if gap > tab_gap:
                if typical_gap is None:
                    typical_gap = sorted(gaps)[len(gaps) // 2]
                if gap > 2.5 * typical_gap:
                    parts.append("\t")  # a column gap, not a justified word space
                    parts.append(text)
                    continue
            if gap > space and not (superscript and gap < close):
                parts.append(" ")
        parts.append(text)
    return Line(
        text="".join(parts),
        x0=row[0].x0,
        x1=row[-1].x1,
        top=min(w.top for w in main),
        bottom=max(w.bottom for w in main),
        size=size,
        bold=all(_is_bold(w.fontname) for w in main),
    )


# ------------------------------------------------- running headers/footers


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def find_running_lines(layouts: list[PageLayout]) -> list[list[Line]]:
    """The header/footer lines of each page, to be removed."""
    sizes: Counter[float] = Counter()
    for layout in layouts:
        for line in layout.lines:
            sizes[line.size] += len(line.text)
    body = sizes.most_common(1)[0][0] if sizes else 11.0
    edge = [(layout.lines[:2], layout.lines[-2:]) for layout in layouts]
    seen: Counter[str] = Counter()
    for top, bottom in edge:
        seen.update({_key(line.text) for line in [*top, *bottom]})
    repeated = {k for k, n in seen.items() if n >= 2 and n >= 0.3 * len(layouts)}
    removed: list[list[Line]] = []
    for layout, (top, bottom) in zip(layouts, edge, strict=True):
        out: list[Line] = []
        for line in [*top, *bottom]:
            if line in out:
                continue
            in_margin = line.top < 0.12 * layout.height or line.bottom > 0.90 * layout.height
            if not in_margin:
                continue
            if (
                _key(line.text) in repeated
                or PAGE_NUMBER.match(line.text)
                or (line.top < 0.10 * layout.height and line.size < 0.9 * body and line is layout.lines[0])
            ):
                out.append(line)
        removed.append(out)
    return removed


# ------------------------------------------------------- paragraphs, pages


def join_lines(previous: str, following: str) -> str:
    """Join two lines of one paragraph, rejoining a word split at the line end."""
    if previous.endswith("\u00ad"):  # soft hyphen: the word was hyphenated by the layout
        return previous[:-1] + following
    if previous.endswith("-") and len(previous) > 1 and previous[-2].isalnum() and following[:1].islower():
        return previous + following  # "10-18-" + "year olds", "Multi-" + "Agency" keep the hyphen
    return previous + " " + following


def paragraphs(lines: list[Line], right_edge: float, width: float) -> list[tuple[float, str]]:
    """Group lines into paragraphs: (top, text) each."""
    out: list[tuple[float, str]] = []
    previous: Line | None = None
    for line in lines:
        if previous is not None and continues(previous, line, right_edge, width):
            top, text = out[-1]
            out[-1] = (top, join_lines(text, line.text))
        else:
            out.append((line.top, line.text))
        previous = line
    return out


def continues(previous: Line, line: Line, right_edge: float, width: float) -> bool:
    if abs(previous.size - line.size) > 0.6 or previous.bold != line.bold:
        return False
    if line.top - previous.bottom > 0.55 * line.size:
        return False
    if "\t" in previous.text or "\t" in line.text or TOC_ENTRY.search(previous.text):
        return False
    starts_lower = line.text[:1].islower()
    if LIST_START.match(line.text) and not starts_lower:
        return False
    room = right_edge - previous.x1
    if starts_lower:
        return True
    if previous.text.endswith(TERMINAL) and room > 2.5 * previous.size:
        return False  # a short line ending a sentence ends its paragraph
    if room > 0.4 * width and previous.size <= line.size * 1.05 and not previous.text.endswith(("-", ",")):
        return False  # a very short line: a heading, an address or signature line
    return True


def compose_page(layout: PageLayout, removed: list[Line]) -> str:
    body = [line for line in layout.lines if line not in removed]
    if not body and not layout.cells:
        return ""
    all_lines = body + [line for lines in layout.cells.values() for line in lines]
    right_edge = max(line.x1 for line in all_lines)
    left_edge = min(line.x0 for line in all_lines)
    items: list[tuple[float, int, str]] = [
        (top, 0, text) for top, text in paragraphs(body, right_edge, right_edge - left_edge)
    ]
    rows: dict[tuple[int, int], list[tuple[int, str]]] = {}
    for (t_index, r_index, c_index), lines in layout.cells.items():
        cell_right = max(line.x1 for line in lines)
        cell_left = min(line.x0 for line in lines)
        text = "\n".join(t for _, t in paragraphs(lines, cell_right, max(cell_right - cell_left, 1.0)))
        rows.setdefault((t_index, r_index), []).append((c_index, text))
    for (t_index, r_index), cells in rows.items():
        # Keep empty leading cells' place: a header row "\t% 'Yes'" stays two cells.
        width = max(c for c, _ in cells) + 1
        texts = [""] * width
        for c_index, text in cells:
            texts[c_index] = text
        items.append((layout.row_tops[(t_index, r_index)], 1, "\t".join(texts)))
    items.sort(key=lambda item: (item[0], item[1]))
    return "\n".join(text for _, _, text in items)


def join_pages(page_texts: list[str], removed: list[list[str]], engines: list[str] | None = None) -> LoadedDocument:
    """Concatenate pages; a paragraph running over a page break is rejoined."""
    parts: list[str] = []
    pages: list[Page] = []
    position = 0
    for index, text in enumerate(page_texts):
        following = next((t for t in page_texts[index + 1 :] if t), "")
        if not text:
            joiner = ""
        elif following and following[:1].islower() and not text.endswith(TERMINAL):
            joiner = " " if not text.endswith("-") else ""
        else:
            joiner = "\n"
        chunk = text + joiner
        if index == len(page_texts) - 1 and not chunk.endswith("\n"):
            chunk += "\n"
        pages.append(Page(index + 1, position, position + len(chunk), tuple(removed[index]),
                          engines[index] if engines else None))
        parts.append(chunk)
        position += len(chunk)
    return LoadedDocument("".join(parts), pages, "pdf", None)
