"""Plain text: UTF-8 (with or without BOM), falling back to cp1252 then latin-1.

Text made from a PDF by ``pdftotext`` separates its pages with form feeds: each
becomes a line break in the canonical text (one character for one, so offsets
are kept) and a page boundary.
"""

from __future__ import annotations

from loaders.loaded import LoadedDocument, LoadError, Page, single_page

# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32))


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control bytes, in the first 8 KiB mean this is not text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls > max(8, len(head) // 100)


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding used)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_text(data: bytes) -> LoadedDocument:
    if not data.strip():
        raise LoadError("empty_file", "the file is empty")
    if looks_binary(data) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError("binary_file", "the file holds binary data, not text")
    text, encoding = decode_text(data)
    text = normalise_newlines(text)
    if not text.strip():
        raise LoadError("empty_file", "the file holds only white space")
    doc = paged(text, encoding) if "\f" in text else single_page(text, "txt", encoding)
    if encoding not in ("utf-8", "utf-8-sig"):
        doc.notes.append(f"not valid UTF-8: decoded as {encoding}")
    return doc


def paged(text: str, encoding: str) -> LoadedDocument:
    """Pages separated by form feeds ("\\f"), each turned into a line break."""
    pages: list[Page] = []
    start = 0
    for number, chunk in enumerate(text.split("\f"), start=1):
        end = start + len(chunk) + 1  # the form feed, now a line break, ends its page
        pages.append(Page(number, start, min(end, len(text))))
        start = end
    if len(pages) > 1 and pages[-1].char_start >= len(text):
        pages.pop()  # a form feed at the very end opens no page
    return LoadedDocument(text.replace("\f", "\n"), pages, "txt", encoding)
