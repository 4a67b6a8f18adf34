"""Regenerate generated sections of the README.

``python -m pipeline.dev.readme`` rewrites the data dictionary from models/schemas.py;
the benchmark (pipeline/dev/bench.py) rewrites the latest figures with ``replace_section``.
"""

from __future__ import annotations

from pathlib import Path

from models.schemas import data_dictionary_markdown

README = Path(__file__).resolve().parents[2] / "README.md"


def replace_section(name: str, body: str, readme: Path = README) -> None:
    """Put body between the README's ``<!-- name:start -->`` and ``<!-- name:end -->`` markers."""
    start, end = f"<!-- {name}:start -->\n", f"<!-- {name}:end -->"
    text = readme.read_text(encoding="utf-8")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(head + start + body + end + tail, encoding="utf-8")


def main() -> None:
    replace_section("data-dictionary", data_dictionary_markdown())


if __name__ == "__main__":
    main()
