"""PDF to canonical text with pdfplumber.

Per page, in reading order: running headers, footers and page numbers removed
(found by repetition across pages, or by shape: a page number alone, a small
line in the top margin), and recorded; ruled tables kept as rows with their
cells separated by tabs; lines rejoined into paragraphs (one paragraph a line
in the canonical text, as in the Inspectorate's plain-text releases); words
split across lines or pages rejoined; footnote references and footnotes
written with superscript digits ("rating¹", "¹ The rating for ...").
"""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median
from typing import Any

from pipeline.loaded import LoadedDocument, LoadError, Page

LOADER_VERSION = "pdf/5"
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
CID = re.compile(r"\(cid:\d+\)")


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
    cid_count: int = 0
    has_images: bool = False


def load_pdf(data: bytes, max_pages: int | None = None) -> LoadedDocument:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    if not data.strip():
        raise LoadError("empty_file", "the file is empty")
    if b"%PDF" not in data[:1024]:
        raise LoadError("corrupt_pdf", "not a PDF: no %PDF header")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        page_objects = pdf.pages
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise LoadError("encrypted_pdf", f"encrypted PDF, cannot be read without a password ({type(exc).__name__})") from exc
    except Exception as exc:
        # pdfplumber wraps pdfminer's errors: look at what it wraps too.
        causes = [exc, *exc.args, exc.__context__]
        if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes) or "password" in str(exc).lower():
            raise LoadError("encrypted_pdf", "encrypted PDF, cannot be read without a password") from exc
        if "encrypt" in str(exc).lower():
            raise LoadError("encrypted_pdf", f"encrypted PDF: {exc}") from exc
        raise LoadError("corrupt_pdf", f"corrupt or truncated PDF: {type(exc).__name__}: {exc}") from exc
    layouts: list[PageLayout] = []
    try:
        if not page_objects:
            raise LoadError("corrupt_pdf", "corrupt or truncated PDF: no pages found")
        for index, page in enumerate(page_objects):
            if max_pages is not None and index >= max_pages:
                break
            try:
                layouts.append(read_page(page))
            except LoadError:
                raise
            except Exception as exc:
                raise LoadError("corrupt_pdf", f"corrupt PDF: page {index + 1} cannot be parsed: {type(exc).__name__}: {exc}") from exc
            finally:
                page.close()  # release the page's cached objects: memory stays flat
    finally:
        pdf.close()

    chars = sum(p.char_count for p in layouts)
    if chars == 0:
        raise LoadError("no_text_layer", "no text layer: needs OCR")
    cids = sum(p.cid_count for p in layouts)
    if cids > 0.05 * chars:
        raise LoadError("unmapped_font", f"garbled text: {cids} of {chars} characters come from a font without a Unicode map ((cid:NN) runs)")

    removed = find_running_lines(layouts)
    page_texts = [compose_page(layout, removed_keys) for layout, removed_keys in zip(layouts, removed, strict=True)]
    doc = join_pages(page_texts, [[line.text for line in r] for r in removed])
    blank = [i + 1 for i, p in enumerate(layouts) if p.char_count == 0]
    if blank:
        doc.notes.append(f"pages without a text layer: {blank[:20]}")
    return doc


# ---------------------------------------------------------------- one page


def read_page(page: Any) -> PageLayout:
    from pdfplumber.utils.text import extract_words

    layout = PageLayout(height=float(page.height))
    chars = page.chars
    layout.char_count = len(chars)
    layout.has_images = bool(page.images)
    if not chars:
        return layout
    layout.cid_count = sum(1 for c in chars if c["text"].startswith("(cid:"))
    words = extract_words(chars, x_tolerance=1.5, y_tolerance=3, extra_attrs=["size", "fontname"])
    tables = page.find_tables() if page.rects or page.lines else []
    cell_boxes: list[tuple[tuple[int, int, int], tuple[float, float, float, float]]] = []
    for t_index, table in enumerate(tables):
        for r_index, row in enumerate(table.rows):
            layout.row_tops[(t_index, r_index)] = row.bbox[1]
            for c_index, box in enumerate(row.cells):
                if box is not None:
                    cell_boxes.append(((t_index, r_index, c_index), box))
    flow: list[dict] = []
    in_cells: dict[tuple[int, int, int], list[dict]] = {}
    for word in words:
        cx = (word["x0"] + word["x1"]) / 2
        cy = (word["top"] + word["bottom"]) / 2
        for key, (x0, top, x1, bottom) in cell_boxes:
            if x0 <= cx <= x1 and top <= cy <= bottom:
                in_cells.setdefault(key, []).append(word)
                break
        else:
            flow.append(word)
    layout.lines = words_to_lines(flow)
    layout.cells = {key: words_to_lines(ws) for key, ws in in_cells.items()}
    return layout


def words_to_lines(words: list[dict]) -> list[Line]:
    """Cluster words into lines by vertical overlap; superscript digits become ¹²³; glyphs spelt out."""
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        mid = (word["top"] + word["bottom"]) / 2
        for row in rows[-3:]:
            top = min(w["top"] for w in row)
            bottom = max(w["bottom"] for w in row)
            if top <= mid <= bottom:
                row.append(word)
                break
        else:
            rows.append([word])
    lines = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        sizes: Counter[float] = Counter()
        for w in row:
            sizes[round(w["size"], 1)] += len(w["text"])
        size = sizes.most_common(1)[0][0]
        baseline = median(w["bottom"] for w in row if round(w["size"], 1) == size)
        gaps = sorted(b["x0"] - a["x1"] for a, b in itertools.pairwise(row))
        typical_gap = gaps[len(gaps) // 2] if gaps else 0.0
        parts: list[str] = []
        previous: dict | None = None
        for w in row:
            text = w["text"].translate(GLYPHS)
            superscript = (
                w["size"] <= 0.85 * size and w["bottom"] < baseline - 1.0 and text.isdigit()
            )
            if superscript:
                text = text.translate(SUPERSCRIPT)
            if previous is not None:
                gap = w["x0"] - previous["x1"]
                if gap > 3 * size and gap > 2.5 * typical_gap:
                    parts.append("\t")  # a column gap, not a justified word space
                elif gap > 0.15 * size and not (superscript and gap < 0.3 * size):
                    parts.append(" ")
            parts.append(text)
            previous = w
        main = [w for w in row if round(w["size"], 1) == size]
        lines.append(
            Line(
                text="".join(parts),
                x0=row[0]["x0"],
                x1=row[-1]["x1"],
                top=min(w["top"] for w in main),
                bottom=max(w["bottom"] for w in main),
                size=size,
                bold=all("bold" in w["fontname"].lower() for w in main),
            )
        )
    return lines


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


def join_pages(page_texts: list[str], removed: list[list[str]]) -> LoadedDocument:
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
        pages.append(Page(index + 1, position, position + len(chunk), tuple(removed[index])))
        parts.append(chunk)
        position += len(chunk)
    return LoadedDocument("".join(parts), pages, "pdf", None)
