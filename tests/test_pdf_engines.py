"""The two PDF engines: pdfium (fast, the default) gives what pdfplumber (the reference) gives.

Equivalence is checked on every PDF in the repository (the samples and the development documents) and on
small PDFs built here for what those lack: a Word-style text matrix with kerning, ruled tables drawn with
lines and with rectangles, a table inside a form XObject, a hyphen ending a line, a superscript footnote
mark, a bold heading. Pages pdfium cannot stand for are read by pdfplumber, and the pages table says so.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from loaders.pdf import ENGINES, load_pdf, loader_version
from models.schemas import PDF_ENGINES
from pipeline.extract.run import RunOptions, run
from pipeline.extract.worker import extract_rows
from tests.conftest import DEVELOPMENT_RAW, RAW, read_rows
from tests.helpers import minimal_pdf, text_stream

REPOSITORY_PDFS = sorted(RAW.glob("*.pdf")) + sorted(DEVELOPMENT_RAW.glob("*.pdf"))
FACT_TABLES = ("ratings", "scores", "percentages", "dates", "recommendations")

BOLD_FONT = b"/F2 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>"
GRID = (b"0.5 w 72 600 m 500 600 l S 72 580 m 500 580 l S 72 560 m 500 560 l S "
        b"72 600 m 72 560 l S 300 600 m 300 560 l S 500 600 m 500 560 l S\n")


def _form_xobject(stream: bytes) -> bytes:
    data = zlib.compress(stream)
    return (b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Length " + str(len(data)).encode() + b" /Filter /FlateDecode >>\nstream\n" + data + b"\nendstream")


def built_pdfs() -> dict[str, bytes]:
    """Small PDFs with what the repository's PDFs (all made by one HTML renderer) do not have."""
    return {
        # Word writes a unit font size scaled by the text matrix, and kerns inside words with TJ.
        "word_style_text_matrix": minimal_pdf([
            b"BT /F1 1 Tf 11 0 0 11 72 700 Tm (Overall, Anytown YJS was rated) Tj ET\n"
            b"BT /F1 1 Tf 11 0 0 11 72 686 Tm [(as ) -250 (Go) 30 (od.)] TJ ET\n"
            b"BT /F1 1 Tf 11 0 0 11 72 660 Tm 0.5 Tw (Word spaced text here.) Tj ET"]),
        "table_ruled_with_lines": minimal_pdf([GRID + text_stream([
            (76, 586, 10, "1.1 Governance and leadership"), (304, 586, 10, "Good"),
            (76, 566, 10, "1.2 Staff"), (304, 566, 10, "Requires improvement")])]),
        "table_ruled_with_rectangles": minimal_pdf([
            b"72 600 228 20 re S 300 600 200 20 re S 72 580 228 20 re S 300 580 200 20 re S\n" + text_stream([
                (76, 606, 10, "2.1 Assessment"), (304, 606, 10, "Inadequate"),
                (76, 586, 10, "2.2 Planning"), (304, 586, 10, "Good")])]),
        "table_in_a_form_xobject": minimal_pdf(
            [b"q 1 0 0 1 0 -100 cm /X1 Do Q\n" + text_stream([(72, 760, 11, "Outside the form.")])],
            resources=b"/XObject << /X1 6 0 R >>",
            extra_objects=[_form_xobject(GRID + text_stream([(76, 586, 10, "1.1 Governance"), (304, 586, 10, "Good"),
                                                             (76, 566, 10, "1.2 Staff"), (304, 566, 10, "Outstanding")]))]),
        "hyphen_ending_a_line": minimal_pdf([text_stream([
            (72, 700, 11, "The youth justice service works with the Multi-"),
            (72, 686, 11, "agency Public Protection Arrangements every week.")])]),
        "superscript_footnote_mark": minimal_pdf([
            b"BT /F1 11 Tf 72 700 Td (Our rating) Tj ET BT /F1 7 Tf 121.2 704 Td (1) Tj ET "
            b"BT /F1 11 Tf 125.1 700 Td ( for assessment is Good.) Tj ET\n"
            b"BT /F1 8 Tf 72 100 Td (1 The rating for the standard is driven by the lowest score.) Tj ET"]),
        "bold_heading_and_columns": minimal_pdf(
            [b"BT /F2 14 Tf 72 760 Td (Overall rating) Tj ET\n" + text_stream([
                (72, 740, 11, "Anytown YJS was rated Good."),
                (72, 700, 10, "Standard"), (400, 700, 10, "Rating"),
                (72, 686, 10, "1.1 Governance and leadership"), (400, 686, 10, "Good")])],
            resources=b"/Font << /F1 3 0 R " + BOLD_FONT + b" >>"),
    }


def _pages(loaded):
    return [(p.number, p.char_start, p.char_end, p.removed) for p in loaded.pages]


@pytest.mark.parametrize("path", REPOSITORY_PDFS, ids=lambda p: p.name)
def test_both_engines_give_the_same_text_and_facts_for_every_pdf_in_the_repository(path: Path):
    data = path.read_bytes()
    fast, reference = load_pdf(data, "pdfium"), load_pdf(data, "pdfplumber")
    assert fast.text == reference.text
    assert _pages(fast) == _pages(reference)
    assert {p.engine for p in fast.pages} == {"pdfium"} and {p.engine for p in reference.pages} == {"pdfplumber"}
    fast_rows, reference_rows = extract_rows("doc", fast, pdf_engine="pdfium"), extract_rows("doc", reference, pdf_engine="pdfplumber")
    for table in FACT_TABLES:  # the same rows, spans included
        assert fast_rows[table] == reference_rows[table], table
    assert fast_rows[FACT_TABLES[0]] or fast_rows["dates"], "a sample with facts to compare"


@pytest.mark.parametrize("name", list(built_pdfs()))
def test_both_engines_give_the_same_text_for_layouts_the_samples_lack(name: str):
    data = built_pdfs()[name]
    fast, reference = load_pdf(data, "pdfium"), load_pdf(data, "pdfplumber")
    assert fast.text == reference.text
    assert _pages(fast) == _pages(reference)


def test_what_the_built_pdfs_read_as():
    """The equivalence above is worth something only if the reference reads these PDFs right."""
    texts = {name: load_pdf(data, "pdfium").text for name, data in built_pdfs().items()}
    assert texts["word_style_text_matrix"].startswith("Overall, Anytown YJS was rated as Good.\n")
    assert texts["table_ruled_with_lines"] == "1.1 Governance and leadership\tGood\n1.2 Staff\tRequires improvement\n"
    assert texts["table_ruled_with_rectangles"] == "2.1 Assessment\tInadequate\n2.2 Planning\tGood\n"
    assert "1.1 Governance\tGood\n1.2 Staff\tOutstanding\n" in texts["table_in_a_form_xobject"]
    assert "works with the Multi-agency Public Protection Arrangements" in texts["hyphen_ending_a_line"]
    assert texts["superscript_footnote_mark"].startswith("Our rating¹ for assessment is Good.\n")
    assert texts["bold_heading_and_columns"].startswith("Overall rating\nAnytown YJS was rated Good.\n")
    assert "1.1 Governance and leadership\tGood" in texts["bold_heading_and_columns"]


@pytest.mark.parametrize("page_two, reason", [
    (b"BT /F1 11 Tf 0 1 -1 0 300 300 Tm (Sideways text) Tj ET\n", "text that is not upright"),
    (b"", "the page is rotated by 90"),
])
def test_a_page_pdfium_cannot_stand_for_is_read_by_pdfplumber_alone(page_two: bytes, reason: str):
    streams = [text_stream([(72, 700, 11, "Overall, Anytown YJS was rated as Good.")]),
               page_two + text_stream([(72, 700, 11, "Fieldwork took place in March 2023.")])]
    data = minimal_pdf(streams, page_extra=[b"", b"" if page_two else b"/Rotate 90"])
    fast, reference = load_pdf(data, "pdfium"), load_pdf(data, "pdfplumber")
    assert [p.engine for p in fast.pages] == ["pdfium", "pdfplumber"]
    assert fast.text == reference.text
    assert len(fast.notes) == 1 and fast.notes[0].startswith("page 2 read by pdfplumber: " + reason)


def test_the_pages_table_and_the_documents_notes_say_which_engine_read_what(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    sideways = b"BT /F1 11 Tf 0 1 -1 0 300 300 Tm (Sideways text) Tj ET\n"
    (raw / "mixed.pdf").write_bytes(minimal_pdf([text_stream([(72, 700, 11, "Upright page.")]),
                                                 sideways + text_stream([(72, 700, 11, "Second page.")])]))
    (raw / "release.txt").write_text("Overall, Anytown YJS was rated as Good.", encoding="utf-8")
    assert run(RunOptions(str(raw), str(tmp_path / "out"), jobs=1, quiet=True)).exit_code == 0
    pages = {(p["doc_id"], p["page"]): p["engine"] for p in read_rows(tmp_path / "out", "pages")}
    documents = {d["source_path"]: d for d in read_rows(tmp_path / "out", "documents")}
    mixed, release = documents["mixed.pdf"], documents["release.txt"]
    assert [pages[(mixed["doc_id"], n)] for n in (1, 2)] == ["pdfium", "pdfplumber"]
    assert pages[(release["doc_id"], 1)] is None
    assert mixed["load_notes"] == ["page 2 read by pdfplumber: text that is not upright (rotated or vertical)"]
    assert release["load_notes"] == []


def test_switching_engines_reads_every_pdf_again_and_never_mixes_their_text(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in sorted(RAW.glob("00[02]*")):
        (raw / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    first = run(RunOptions(str(raw), str(out), jobs=1, quiet=True, pdf_engine="pdfium"))
    assert first.processed == 4
    switched = run(RunOptions(str(raw), str(out), jobs=1, quiet=True, pdf_engine="pdfplumber"))
    assert switched.processed == 4  # the rows' versions changed; the PDFs are parsed again, the text re-read
    texts = sorted(p.name for p in (out / ".cache" / "text").iterdir())
    assert sum("pdfium" in name for name in texts) == 2 and sum("pdfplumber" in name for name in texts) == 2
    assert {p["engine"] for p in read_rows(out, "pages") if p["engine"]} == {"pdfplumber"}
    import json

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["versions"]["pdf"] == loader_version("pdfplumber")
    again = run(RunOptions(str(raw), str(out), jobs=1, quiet=True, pdf_engine="pdfplumber"))
    assert again.processed == 0  # nothing changed: a no-op


def test_engine_versions_name_the_library_and_its_version():
    assert loader_version("pdfium").startswith("pdf/") and "pdfium" in loader_version("pdfium")
    assert "pdfminer.six" in loader_version("pdfplumber")
    assert loader_version("pdfium") != loader_version("pdfplumber")
    with pytest.raises(ValueError, match="unknown PDF engine"):
        loader_version("mupdf")
    assert set(ENGINES) == set(PDF_ENGINES)  # the pages table's vocabulary


def test_the_pdfium_version_is_read_without_loading_pdfium():
    """The run's main process names the engine in its manifest but never reads a PDF: pdfium stays out of it."""
    import subprocess
    import sys

    import pypdfium2

    probe = ("import sys; from loaders.pdf import loader_version; print(loader_version('pdfium')); "
             "print(sorted(m for m in sys.modules if m.startswith('pypdfium2')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parent.parent)
    named, modules = done.stdout.splitlines()
    assert named == loader_version("pdfium")
    assert named.endswith(f"pypdfium2 {pypdfium2.version.PYPDFIUM_INFO.version} "
                          f"(pdfium {pypdfium2.version.PDFIUM_INFO.build})")
    assert modules == "[]"


def test_a_crash_inside_pdfium_kills_only_its_worker(tmp_path, monkeypatch):
    """pdfium is C: a fault in it ends the process. The worker dies, the run records it and goes on."""
    import ctypes

    import loaders.pdf_pdfium

    real = loaders.pdf_pdfium.read_words

    def segfault_on_marker(textpage, height):
        words = real(textpage, height)
        if any(word.text == "CRASH" for word in words[0]):
            import faulthandler

            faulthandler.disable()  # no traceback dump from the dying worker in the test's output
            ctypes.string_at(0)  # a read of address 0: SIGSEGV, as a bug in C code would raise
        return words

    monkeypatch.setattr(loaders.pdf_pdfium, "read_words", segfault_on_marker)
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "crashes.pdf").write_bytes(minimal_pdf([text_stream([(72, 700, 11, "CRASH here")])]))
    (raw / "fine.pdf").write_bytes(minimal_pdf([text_stream([(72, 700, 11, "Overall, Anytown YJS was rated as Good.")])]))
    report = run(RunOptions(str(raw), str(tmp_path / "out"), jobs=1, quiet=True, timeout=60))
    assert [(e["source_path"], e["error_kind"]) for e in report.errors] == [("crashes.pdf", "worker_crashed")]
    assert [d["source_path"] for d in read_rows(tmp_path / "out", "documents")] == ["fine.pdf"]


def test_a_page_neither_engine_can_read_stays_empty_and_is_noted(monkeypatch):
    import loaders.pdf_pdfplumber
    from loaders.loaded import LoadError

    def unreadable(self, index):
        raise LoadError("corrupt_pdf", "a page pdfminer cannot parse")

    monkeypatch.setattr(loaders.pdf_pdfplumber.PlumberDocument, "read_page", unreadable)
    sideways = b"BT /F1 11 Tf 0 1 -1 0 300 300 Tm (Sideways text) Tj ET\n"
    data = minimal_pdf([text_stream([(72, 700, 11, "Overall, Anytown YJS was rated as Good.")]), sideways])
    loaded = load_pdf(data, "pdfium")
    assert loaded.text.startswith("Overall, Anytown YJS was rated as Good.\n")
    assert [p.engine for p in loaded.pages] == ["pdfium", "pdfplumber"]
    second = loaded.pages[1]
    assert loaded.text[second.char_start : second.char_end].strip() == ""
    assert loaded.notes[0] == ("page 2 left empty: pdfium could not stand for it (text that is not upright (rotated "
                               "or vertical)) and pdfplumber cannot read it (a page pdfminer cannot parse)")
