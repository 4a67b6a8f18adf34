"""Regenerate the README's data dictionary from models/schemas.py: python -m pipeline.readme"""

from __future__ import annotations

from pathlib import Path

from models.schemas import data_dictionary_markdown

START, END = "<!-- data-dictionary:start -->\n", "<!-- data-dictionary:end -->"
README = Path(__file__).resolve().parent.parent / "README.md"


def main() -> None:
    text = README.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    README.write_text(head + START + data_dictionary_markdown() + END + tail, encoding="utf-8")


if __name__ == "__main__":
    main()
