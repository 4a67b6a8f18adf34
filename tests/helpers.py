"""Helpers the tests share: parse a string, build small PDFs by hand."""

from __future__ import annotations

import zlib

from loaders.loaded import single_page
from models.document import Document
from pipeline.extract.parse import parse as parse_loaded


def parse(text: str, doc_id: str = "test") -> Document:
    return parse_loaded(doc_id, single_page(text, "txt"))


def minimal_pdf(page_streams: list[bytes], fonts: bytes | None = None, extra_objects: list[bytes] | None = None,
                trailer_extra: bytes = b"", resources: bytes = b"", page_extra: list[bytes] | None = None) -> bytes:
    """A valid PDF with one page per content stream (Helvetica as /F1 unless fonts given).

    ``resources`` is added to every page's resource dictionary (more fonts, form XObjects: objects given in
    ``extra_objects`` are numbered after the pages'); ``page_extra[i]`` to page i's dictionary ("/Rotate 90").
    """
    objects: list[bytes] = []
    count = len(page_streams)
    # 1 catalog, 2 pages, 3 font, then per page: page object and content stream.
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count)).encode()
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(count).encode() + b" >>")
    objects.append(fonts or b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, stream in enumerate(page_streams):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> "
            + resources + b" >> " + ((page_extra or [])[i] if i < len(page_extra or []) else b"") + b" /Contents "
            + str(5 + 2 * i).encode() + b" 0 R >>"
        )
        data = zlib.compress(stream)
        objects.append(b"<< /Length " + str(len(data)).encode() + b" /Filter /FlateDecode >>\nstream\n" + data + b"\nendstream")
    objects.extend(extra_objects or [])
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R ".encode() + trailer_extra + b">>\n"
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def text_stream(lines: list[tuple[float, float, float, str]]) -> bytes:
    """Content stream drawing (x, y, size, text) lines in Helvetica."""
    parts = []
    for x, y, size, text in lines:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        parts.append(f"BT /F1 {size} Tf {x} {y} Td ({escaped}) Tj ET")
    return "\n".join(parts).encode("latin-1")
