"""PDF to canonical text, with the engine asked for: pdfium (fast, the default) or pdfplumber.

Both engines read pages into the same layout (``pdf_layout``) and share every
cleaning step after that, so they give the same canonical text. A page the
pdfium engine cannot stand for (rotated, or with text that is not upright) is
read by pdfplumber instead, alone; ``pages.engine`` records which engine read
each page, and the document's notes say why.
"""

from __future__ import annotations

from typing import Protocol

from loaders import pdf_pdfium, pdf_pdfplumber
from loaders.loaded import LoadedDocument, LoadError
from loaders.pdf_layout import LAYOUT_VERSION, PageLayout, assemble

ENGINES = (pdf_pdfium.NAME, pdf_pdfplumber.NAME)
DEFAULT_ENGINE = pdf_pdfium.NAME


class _OpenDocument(Protocol):
    page_count: int

    def read_page(self, index: int) -> PageLayout | pdf_pdfium.OtherEngine: ...

    def close(self) -> None: ...


def loader_version(engine: str = DEFAULT_ENGINE) -> str:
    """What decides a PDF's canonical text: these steps' version, the engine and its library's version.
    Part of the text cache's key and of the manifest, so that switching engines re-reads every PDF."""
    check_engine(engine)
    library = pdf_pdfium.version() if engine == pdf_pdfium.NAME else pdf_pdfplumber.version()
    return f"pdf/{LAYOUT_VERSION} {engine} {library}"


def check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise ValueError(f"unknown PDF engine '{engine}' (expected one of: {', '.join(ENGINES)})")


def load_pdf(data: bytes, engine: str = DEFAULT_ENGINE, max_pages: int | None = None) -> LoadedDocument:
    check_engine(engine)
    if not data.strip():
        raise LoadError("empty_file", "the file is empty")
    if b"%PDF" not in data[:1024]:
        raise LoadError("corrupt_pdf", "not a PDF: no %PDF header")
    document: _OpenDocument = (pdf_pdfium.PdfiumDocument(data) if engine == pdf_pdfium.NAME
                               else pdf_pdfplumber.PlumberDocument(data))
    handed_over: list[tuple[int, str]] = []
    layouts: list[PageLayout | pdf_pdfium.OtherEngine | None] = []
    try:
        if not document.page_count:
            raise LoadError("corrupt_pdf", "corrupt or truncated PDF: no pages found")
        for index in range(min(document.page_count, max_pages or document.page_count)):
            layout = _read(document, index)
            if isinstance(layout, pdf_pdfium.OtherEngine):
                handed_over.append((index, layout.reason))
                layouts.append(None)
            else:
                layouts.append(layout)
    finally:
        document.close()
    notes = [note for _, note in _read_handed_over(data, handed_over, layouts)] if handed_over else []
    loaded = assemble([layout if isinstance(layout, PageLayout) else PageLayout(engine=pdf_pdfplumber.NAME)
                       for layout in layouts])
    loaded.notes[:0] = notes
    return loaded


def _read_handed_over(data: bytes, handed_over: list[tuple[int, str]],
                      layouts: list[PageLayout | pdf_pdfium.OtherEngine | None]) -> list[tuple[int, str]]:
    """Read with pdfplumber the pages pdfium left to it; a page neither engine can read stays empty, and noted."""
    notes = []
    try:
        reference = pdf_pdfplumber.PlumberDocument(data)
    except LoadError as exc:
        return [(index, f"page {index + 1} left empty: pdfium could not stand for it ({reason}) and pdfplumber "
                        f"cannot open the file ({exc.message})") for index, reason in handed_over]
    try:
        for index, reason in handed_over:
            try:
                layouts[index] = _read(reference, index)
                notes.append((index, f"page {index + 1} read by {pdf_pdfplumber.NAME}: {reason}"))
            except LoadError as exc:
                notes.append((index, f"page {index + 1} left empty: pdfium could not stand for it ({reason}) and "
                                     f"pdfplumber cannot read it ({exc.message})"))
    finally:
        reference.close()
    return notes


def _read(document: _OpenDocument, index: int) -> PageLayout | pdf_pdfium.OtherEngine:
    try:
        return document.read_page(index)
    except LoadError:
        raise
    except Exception as exc:
        raise LoadError("corrupt_pdf", f"corrupt PDF: page {index + 1} cannot be parsed: {type(exc).__name__}: {exc}") from exc
