"""PDF pages read with pdfplumber (pdfminer.six): the reference engine.

pdfminer interprets the page in Python and gives every character with its box,
font and size; pdfplumber groups them into words (``extract_words``) and finds
ruled tables. Slower than pdfium by an order of magnitude, it is the engine
whose text the tests hold the fast one to, and it reads the pages the fast one
hands over (``pdf_pdfium.OtherEngine``).
"""

from __future__ import annotations

import io
from functools import cache
from typing import Any

from loaders.loaded import LoadError
from loaders.pdf_layout import PageLayout, Word, place_words

NAME = "pdfplumber"


@cache
def version() -> str:
    from importlib.metadata import version as installed

    return f"pdfplumber {installed('pdfplumber')} (pdfminer.six {installed('pdfminer.six')})"


class PlumberDocument:
    """One open PDF; pages are read one at a time and their cached objects released after."""

    def __init__(self, data: bytes) -> None:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

        try:
            self._pdf = pdfplumber.open(io.BytesIO(data))
            self._pages = self._pdf.pages
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
        self.page_count = len(self._pages)

    def close(self) -> None:
        self._pdf.close()

    def read_page(self, index: int) -> PageLayout:
        page = self._pages[index]
        try:
            return read_page(page)
        finally:
            page.close()  # release the page's cached objects: memory stays flat


def read_page(page: Any) -> PageLayout:
    from pdfplumber.utils.text import extract_words

    layout = PageLayout(height=float(page.height), engine=NAME)
    chars = page.chars
    # Characters that are not white space, as the pdfium engine counts them.
    layout.char_count = sum(1 for c in chars if not c["text"].isspace())
    if not chars:
        return layout
    layout.cid_count = sum(1 for c in chars if c["text"].startswith("(cid:"))
    words = [Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], w["size"], w["fontname"])
             for w in extract_words(chars, x_tolerance=1.5, y_tolerance=3, extra_attrs=["size", "fontname"])]
    tables = page.find_tables() if page.rects or page.lines else []
    return place_words(layout, words, tables)
