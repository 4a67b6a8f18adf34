"""`hmip review`: pages to check every fact by eye, tested as HTML and in a real headless browser."""

from __future__ import annotations

import html
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.cli import main
from pipeline.read.review import FACT_TABLES, Mark, highlight
from tests.conftest import read_rows

CONWY_REPORT = "004_215c1fc33e67d135.txt"
CONWY_PDF = "004_215c1fc33e67d135.pdf"  # the same report as published: its pages numbered


class _Pieces(HTMLParser):
    """The text of a highlighted page, and the text inside each mark id (its pieces joined)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.open: list[str] = []
        self.by_id: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            self.open.append(dict(attrs)["data-id"])

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data):
        self.text.append(data)
        for mark_id in self.open:
            self.by_id[mark_id] = self.by_id.get(mark_id, "") + data


@st.composite
def _marked_text(draw):
    text = draw(st.text(alphabet="ab <&>\n", min_size=1, max_size=40))
    spans = draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=8))
    marks = [Mark(min(a, b), max(a, b), f"m{i}", "rating", "t") for i, (a, b) in enumerate(spans) if a != b]
    return text, marks


@given(_marked_text())
def test_highlighting_keeps_the_text_and_each_marks_own_words(case):
    text, marks = case
    parser = _Pieces()
    parser.feed(highlight(text, marks))
    assert "".join(parser.text) == text
    assert not parser.open  # every mark closed
    for mark in marks:
        assert parser.by_id.get(mark.mark_id, "") == text[mark.start : mark.end]


@pytest.fixture(scope="module")
def review_dir(sample_out, tmp_path_factory):
    target = tmp_path_factory.mktemp("review")
    assert main(["review", "--out-dir", str(sample_out), "--html-dir", str(target)]) == 0
    return target


def test_an_index_and_a_page_per_document(sample_out, review_dir):
    documents = read_rows(sample_out, "documents")
    assert sorted(p.name for p in review_dir.glob("doc-*.html")) == sorted(f"doc-{d['doc_id']}.html" for d in documents)
    index = (review_dir / "index.html").read_text(encoding="utf-8")
    for document in documents:
        assert f'href="doc-{document["doc_id"]}.html"' in index and html.escape(document["source_path"]) in index
    assert "<script" not in index and "http" not in index.split("<body>")[1]  # offline: nothing fetched


def test_every_fact_and_every_set_aside_candidate_is_marked(sample_out, review_dir):
    doc_id = next(d["doc_id"] for d in read_rows(sample_out, "documents") if d["source_path"] == CONWY_REPORT)
    parser = _Pieces()
    parser.feed((review_dir / f"doc-{doc_id}.html").read_text(encoding="utf-8"))
    text = "".join(p["text"] for p in sorted((p for p in read_rows(sample_out, "pages") if p["doc_id"] == doc_id),
                                            key=lambda p: p["page"]))
    for table in FACT_TABLES:
        for row in read_rows(sample_out, table):
            if row["doc_id"] == doc_id:
                assert parser.by_id[row["fact_id"]] == text[row["char_start"] : row["char_end"]]
    for mention in read_rows(sample_out, "mentions"):
        if mention["doc_id"] == doc_id and mention["decision"] == "set_aside":
            assert parser.by_id[mention["mention_id"]] == mention["text"]


def test_one_document_only(sample_out, tmp_path):
    doc_id = read_rows(sample_out, "documents")[0]["doc_id"]
    assert main(["review", "--out-dir", str(sample_out), "--doc", doc_id, "--html-dir", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.glob("*.html")) == sorted(["index.html", f"doc-{doc_id}.html"])
    assert main(["review", "--out-dir", str(sample_out), "--doc", "nope", "--html-dir", str(tmp_path)]) == 2


def _browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    assert chromium and driver, "make test installs Debian's chromium and chromium-driver"
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,900"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(driver), options=options)


def test_the_page_in_a_real_browser_shows_each_fact_where_the_tables_say(sample_out, review_dir, tmp_path):
    from selenium.webdriver.common.by import By

    doc_id = next(d["doc_id"] for d in read_rows(sample_out, "documents") if d["source_path"] == CONWY_PDF)
    browser = _browser()
    try:
        browser.get(Path(review_dir / f"doc-{doc_id}.html").as_uri())
        for table, kind in (("ratings", "rating"), ("scores", "score"), ("percentages", "percentage"),
                            ("dates", "date"), ("recommendations", "recommendation")):
            rows = [r for r in read_rows(sample_out, table) if r["doc_id"] == doc_id]
            shown: dict[str, str] = {}
            for element in browser.find_elements(By.CSS_SELECTOR, f"mark.{kind}"):
                mark_id = element.get_attribute("data-id")
                shown[mark_id] = shown.get(mark_id, "") + element.get_attribute("textContent")
            assert len(shown) == len(rows), table
            mention = "label_text" if table == "ratings" else "text"
            for row in rows:
                assert " ".join(shown[row["fact_id"]].split()) == " ".join(row[mention].split()), row
        overall = next(r for r in read_rows(sample_out, "ratings") if r["doc_id"] == doc_id and r["scope"] == "overall")
        element = browser.find_element(By.CSS_SELECTOR, f'mark[data-id="{overall["fact_id"]}"]')
        assert "Overall" in element.get_attribute("title") and element.is_displayed()
        # what a reviewer reads, not an attribute: page numbers and every set-aside reason are visible text
        visible = browser.find_element(By.TAG_NAME, "body").text
        pages = sorted({p["page"] for p in read_rows(sample_out, "pages") if p["doc_id"] == doc_id})
        assert all(f"Page {page}" in visible for page in pages) and len(pages) > 1
        asides = [m for m in read_rows(sample_out, "mentions") if m["doc_id"] == doc_id and m["decision"] == "set_aside"]
        assert asides and all(f"set aside: {m['reason']}" in visible for m in asides)
        assert "<NA>" not in visible and "None" not in visible.split("Page 1")[0]
        # the filter, plain CSS: 'set aside only' leaves the facts unmarked
        browser.find_element(By.CSS_SELECTOR, 'label[for="only-aside"]').click()
        assert element.value_of_css_property("background-color") in ("rgba(0, 0, 0, 0)", "transparent")
        browser.find_element(By.CSS_SELECTOR, 'label[for="only-all"]').click()
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        screenshot = tmp_path / "review-page.png"
        assert browser.save_screenshot(str(screenshot)) and screenshot.stat().st_size > 10_000
        print(f"screenshot: {screenshot}")
    finally:
        browser.quit()
