"""Load: raw bytes to a document's canonical text and pages, one module per source format and PDF engine.

``load_bytes`` picks the loader from the file's suffix. Loaders know nothing
of files, tables or the command line: bytes in, ``LoadedDocument`` out, or a
``LoadError`` whose kind goes to the errors table. They import ``models`` only.
"""

from __future__ import annotations

from loaders.loaded import LoadedDocument, LoadError

SUPPORTED = {".txt": "txt", ".text": "txt", ".md": "txt", ".pdf": "pdf", ".html": "html", ".htm": "html"}
TEXT_LOADER_VERSION = "txt/3"
HTML_LOADER_VERSION = "html/3"

__all__ = ["SUPPORTED", "LoadError", "LoadedDocument", "load_bytes", "loader_version"]


def loader_version(suffix: str, pdf_engine: str | None = None) -> str:
    """The version of what turns a file with this suffix into text (for a PDF: the engine's, with its library's)."""
    kind = SUPPORTED.get(suffix.lower())
    if kind == "pdf":
        from loaders.pdf import DEFAULT_ENGINE
        from loaders.pdf import loader_version as pdf_version

        return pdf_version(pdf_engine or DEFAULT_ENGINE)
    return {"txt": TEXT_LOADER_VERSION, "html": HTML_LOADER_VERSION}.get(kind or "", "none")


def load_bytes(suffix: str, data: bytes, pdf_engine: str | None = None) -> LoadedDocument:
    kind = SUPPORTED.get(suffix.lower())
    if kind is None:
        raise LoadError("unsupported_extension", f"unsupported file type '{suffix}' (expected .pdf, .txt, .md, .html)")
    if kind == "pdf":
        from loaders.pdf import DEFAULT_ENGINE, load_pdf

        return load_pdf(data, pdf_engine or DEFAULT_ENGINE)
    if kind == "html":
        from loaders.html import load_html

        return load_html(data)
    # A PDF saved under a text name is not text.
    if data[:5] == b"%PDF-":
        raise LoadError("binary_file", "the file is a PDF named as text")
    from loaders.text import load_text

    return load_text(data)
