"""Web pages: keep the article, drop navigation, cookie and licence boilerplate."""

from __future__ import annotations

import re

from loaders.loaded import LoadedDocument, LoadError, single_page
from loaders.text import decode_text, normalise_newlines

# Elements that never hold the report's own text.
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
              "button", "svg", "iframe", "template")
# class/id fragments of site chrome on justiceinspectorates.gov.uk and GOV.UK-style pages.
_DROP_MARKERS = re.compile(
    r"cookie|breadcrumb|skip-link|site-header|site-footer|govuk-header|govuk-footer|"
    r"banner|share|social|related|sidebar|menu|licen[cs]e|copyright|feedback",
    re.IGNORECASE,
)
# Links inside the article that only move around the page.
_NAVIGATION_LINK = re.compile(r"^\(?\s*(?:back\s+to\s+(?:top|contents)|return\s+to\s+top|↩|↑)\s*\)?$", re.IGNORECASE)
_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "dt", "dd", "caption",
           "blockquote", "figcaption", "pre")


def _decomposed(tag: object) -> bool:
    """Was the tag removed with an ancestor? Read from the tag's own attributes: bs4's ``decomposed`` property
    looks ``_decomposed`` up with getattr, which on a tag never removed falls back to a search of its whole
    subtree for a child tag of that name; on a page nested thousands deep that made loading quadratic."""
    return bool(vars(tag).get("_decomposed", False))


def load_html(data: bytes) -> LoadedDocument:
    from bs4 import BeautifulSoup

    if not data.strip():
        raise LoadError("empty_file", "the file is empty")
    markup, encoding = decode_text(data)
    soup = BeautifulSoup(markup, "lxml")
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if _decomposed(tag):
            continue
        marker = " ".join([*(tag.get("class") or []), str(tag.get("id") or ""), str(tag.get("role") or "")])
        if marker.strip() and _DROP_MARKERS.search(marker) and tag.name not in ("main", "article", "body", "html"):
            tag.decompose()
    for link in soup.find_all("a"):
        if _NAVIGATION_LINK.match(" ".join(link.get_text(" ").split())):
            link.decompose()  # "Foreword (Back to top)": the link is navigation, not the heading
    root = soup.find("main") or soup.find("article") or soup.find(role="main") or soup.body or soup
    lines: list[str] = []
    for block in root.find_all(_BLOCKS):
        if block.find_parent(_BLOCKS) is not None and block.name != "tr":
            continue  # nested block: its text is taken with its parent
        if block.name == "tr":
            cells = [" ".join(c.get_text(" ").split()) for c in block.find_all(["td", "th"])]
            line = "\t".join(cells)
        elif block.name == "li":
            line = "- " + " ".join(block.get_text(" ").split())
        else:
            line = " ".join(block.get_text(" ").split())
        if line.strip():
            lines.append(line)
    if not lines:
        # A page without paragraph markup (its text straight inside <div>s or <td>s): every run of its text,
        # one line each.
        lines = [" ".join(piece.split()) for piece in root.get_text("\n").split("\n") if piece.strip()]
    if not lines:
        raise LoadError("empty_file", "the web page holds no article text")
    text = normalise_newlines("\n\n".join(lines) + "\n")
    return single_page(text, "html", encoding)
