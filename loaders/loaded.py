"""The result of loading one raw file: its canonical text and page boundaries; the error when it cannot be."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.document import Page

__all__ = ["LoadError", "LoadedDocument", "Page", "single_page"]


class LoadError(Exception):
    """A file that cannot be turned into text; ``kind`` goes to the errors table."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


@dataclass
class LoadedDocument:
    text: str
    pages: list[Page]
    source_format: str  # txt | pdf | html
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "text": self.text,
            "pages": [[p.number, p.char_start, p.char_end, list(p.removed), p.engine] for p in self.pages],
            "source_format": self.source_format,
            "encoding": self.encoding,
            "notes": self.notes,
        }

    @classmethod
    def from_json(cls, data: dict) -> LoadedDocument:
        return cls(
            text=data["text"],
            pages=[Page(n, s, e, tuple(r), engine) for n, s, e, r, engine in data["pages"]],
            source_format=data["source_format"],
            encoding=data["encoding"],
            notes=list(data["notes"]),
        )


def single_page(text: str, source_format: str, encoding: str | None = None) -> LoadedDocument:
    return LoadedDocument(text, [Page(1, 0, len(text))], source_format, encoding)
