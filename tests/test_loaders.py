"""Ingestion: one canonical text per document, whatever the format."""

from __future__ import annotations

import pytest

from loaders.html import load_html
from loaders.pdf import load_pdf
from loaders.pdf_layout import join_lines
from loaders.text import load_text
from tests.conftest import RAW
from tests.helpers import minimal_pdf, text_stream


def test_text_encodings_are_detected_and_recorded():
    assert load_text("Fieldwork – January 2022".encode()).encoding == "utf-8"
    bom = load_text(b"\xef\xbb\xbfRated \xe2\x80\x98Good\xe2\x80\x99")
    assert (bom.text, bom.encoding) == ("Rated ‘Good’", "utf-8-sig")
    windows = load_text("Rated ‘Good’ – 45%".encode("cp1252"))
    assert (windows.text, windows.encoding) == ("Rated ‘Good’ – 45%", "cp1252")
    assert "cp1252" in windows.notes[0]
    assert load_text(b"line one\r\nline two\r").text == "line one\nline two\n"


def test_html_keeps_the_article_and_drops_site_chrome():
    page = b"""<html><head><title>x</title><script>var a=1;</script></head><body>
    <header class="site-header"><nav><a href="/">Home</a> Cookies on this site</nav></header>
    <div class="cookie-banner">We use cookies to collect information</div>
    <main><h1>An inspection of youth justice services in Wakefield</h1>
    <p>Overall, Wakefield YJS was rated as 'Good'.</p>
    <table><tr><th>Standard</th><th>Rating</th></tr><tr><td>1.1 Governance and leadership</td><td>Good</td></tr></table>
    <ul><li>Fieldwork took place in <b>March 2024</b>.</li></ul></main>
    <footer>All content is available under the Open Government Licence v3.0</footer></body></html>"""
    text = load_html(page).text
    assert "Overall, Wakefield YJS was rated as 'Good'." in text
    assert "1.1 Governance and leadership\tGood" in text
    assert "- Fieldwork took place in March 2024 ." in text or "- Fieldwork took place in March 2024." in text
    for boilerplate in ("cookies", "Home", "Open Government Licence", "var a"):
        assert boilerplate not in text


def test_pdf_running_headers_and_page_numbers_are_removed_and_recorded():
    pages = []
    for number in range(1, 4):
        lines = [(200, 800, 8, "Inspection of youth justice services: Anytown")] if number > 1 else []
        lines += [(72, 700, 11, f"Body text of page {number} ends here."), (290, 40, 9, str(number))]
        pages.append(text_stream(lines))
    loaded = load_pdf(minimal_pdf(pages))
    assert "Inspection of youth justice services" not in loaded.text
    assert loaded.text == "".join(f"Body text of page {n} ends here.\n" for n in range(1, 4))
    assert loaded.pages[1].removed == ("Inspection of youth justice services: Anytown", "2")
    assert [p.number for p in loaded.pages] == [1, 2, 3]


def test_pdf_paragraph_running_over_a_page_break_is_rejoined():
    pages = [text_stream([(72, 100, 11, "The board had not met for eleven months")]),
             text_stream([(72, 760, 11, "between 2014 and 2015. The chair was new.")]),
             text_stream([(72, 760, 11, "A new paragraph starts the third page.")])]
    loaded = load_pdf(minimal_pdf(pages))
    assert loaded.text == ("The board had not met for eleven months between 2014 and 2015. The chair was new.\n"
                           "A new paragraph starts the third page.\n")
    second = loaded.pages[1]
    assert loaded.text[second.char_start:].startswith("between 2014")


@pytest.mark.parametrize("previous, following, joined", [
    ("supervise 10-18-", "year olds", "supervise 10-18-year olds"),
    ("Multi-", "agency arrangements", "Multi-agency arrangements"),
    ("Inadeq\u00ad", "uate", "Inadequate"),
    ("rated as", "'Good'", "rated as 'Good'"),
])
def test_words_split_across_lines_are_rejoined(previous, following, joined):
    assert join_lines(previous, following) == joined


def test_sample_pdf_tables_footnotes_and_headers():
    loaded = load_pdf((RAW / "004_215c1fc33e67d135.pdf").read_bytes())
    text = loaded.text
    assert "1.1 Governance and leadership\tInadequate" in text
    assert "Overall rating\tRequires improvement" in text
    assert "Does assessment sufficiently analyse how to keep the child safe?\t50%" in text
    assert "Our rating¹ for assessment" in text
    assert "\n¹ The rating for the standard is driven by the lowest score" in text
    assert all("Inspection of youth justice services: Conwy and Denbighshire" in p.removed for p in loaded.pages[1:])
    assert "Inspection of youth justice services: Conwy" not in text
    press = load_pdf((RAW / "000_e77b37ef78d33ca3.pdf").read_bytes()).text
    assert "supervise 10-18-year olds who have been sentenced" in press


def test_form_feeds_separate_the_pages_of_plain_text():
    data = "Foreword\nOverall, Anytown YOT was rated as ‘Good’.\fRatings\n1.1 Governance and leadership Good\n\f".encode()
    loaded = load_text(data)
    assert [(p.number, loaded.text[p.char_start:p.char_end]) for p in loaded.pages] == [
        (1, "Foreword\nOverall, Anytown YOT was rated as ‘Good’.\n"),
        (2, "Ratings\n1.1 Governance and leadership Good\n\n"),
    ]
    assert len(loaded.text) == len(data.decode())  # one character for one: offsets are kept
    from extractors import ratings
    from pipeline.extract.parse import parse

    doc = parse("ff", loaded)
    assert [(r.code, doc.page_at(r.span.char_start)) for r in ratings.extract(doc).facts] == [(None, 1), ("1.1", 2)]


def test_pdf_ligatures_and_symbol_bullets_are_spelt_out():
    from loaders.pdf_layout import Word, words_to_lines

    def word(text, x0, x1):
        return Word(text, x0, x1, 100.0, 111.0, 11.0, "Arial")

    lines = words_to_lines([word("\uf0b7", 50, 55), word("ﬁeldwork", 60, 100), word("started", 103, 140)])
    assert lines[0].text == "• fieldwork started"


def test_html_drops_back_to_top_links_from_headings():
    page = (b"<html><body><main><h2>Recommendations <a href='#top'>(Back to top)</a></h2>"
            b"<p>The YJS should:</p><ol><li>improve planning <a href='#r1'>\xe2\x86\xa9</a></li></ol></main></body></html>")
    assert load_html(page).text == "Recommendations\n\nThe YJS should:\n\n- improve planning\n"
