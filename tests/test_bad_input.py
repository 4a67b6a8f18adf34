"""Bad input never stops the run and is never silent. Each test builds its own bad file."""

from __future__ import annotations

import os
import time

import pytest

from loaders.loaded import LoadError
from pipeline.extract.run import RunOptions, run
from tests.conftest import RAW, read_rows
from tests.helpers import minimal_pdf, text_stream

GOOD_PDF_TEXT = [(72, 760, 11, "Overall, Anytown YJS was rated as 'Good'."), (72, 740, 11, "Fieldwork took place in March 2023.")]


def _cid_font() -> bytes:
    # A Type0 font with Identity-H encoding and no ToUnicode map: text comes out as (cid:NN).
    return (b"<< /Type /Font /Subtype /Type0 /BaseFont /NoMap /Encoding /Identity-H "
            b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoMap "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>] >>")


def bad_files() -> dict[str, bytes]:
    good = minimal_pdf([text_stream(GOOD_PDF_TEXT)])
    scanned = minimal_pdf([b"0.5 g 72 72 400 600 re f"])  # a picture of a page, no text
    cid = minimal_pdf([b"BT /F1 12 Tf 72 760 Td <0011001200130014001500160017001800190020> Tj ET"] * 2, fonts=_cid_font())
    encrypted = minimal_pdf(
        [text_stream(GOOD_PDF_TEXT)],
        extra_objects=[b"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 "
                       b"/O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >>"],
        trailer_extra=b"/Encrypt 6 0 R /ID [<" + b"33" * 16 + b"> <" + b"33" * 16 + b">] ",
    )
    return {
        "empty.txt": b"",
        "blank.pdf": b"",
        "truncated.pdf": good[: len(good) // 3],
        "corrupt.pdf": b"%PDF-1.4\n" + os.urandom(64) + b"\nthis is not a PDF body",
        "encrypted.pdf": encrypted,
        "scanned.pdf": scanned,
        "garbled.pdf": cid,
        "binary.txt": b"\x00\x01\x02PK\x03\x04" + os.urandom(256),
        "report.docx": b"PK\x03\x04 a word document",
    }


EXPECTED = {
    "empty.txt": "empty_file",
    "blank.pdf": "empty_file",
    "truncated.pdf": "corrupt_pdf",
    "corrupt.pdf": "corrupt_pdf",
    "encrypted.pdf": "encrypted_pdf",
    "scanned.pdf": "no_text_layer",
    "garbled.pdf": "unmapped_font",
    "binary.txt": "binary_file",
    "report.docx": "unsupported_extension",
}


@pytest.fixture()
def bad_folder(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, data in bad_files().items():
        (raw / name).write_bytes(data)
    (raw / "good.pdf").write_bytes(minimal_pdf([text_stream(GOOD_PDF_TEXT)]))
    (raw / "press.txt").write_bytes((RAW / "002_f24fbe2cd9dd537a.txt").read_bytes())
    return raw


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_each_bad_file_is_an_error_row_and_the_rest_is_processed(bad_folder, tmp_path, capsys, engine):
    """The same error kind for each bad file whichever engine reads the PDFs."""
    out = tmp_path / "out"
    report = run(RunOptions(str(bad_folder), str(out), jobs=2, quiet=True, timeout=60, pdf_engine=engine))
    assert report.exit_code == 1
    errors = {e["source_path"]: e for e in read_rows(out, "errors")}
    assert {name: errors[name]["error_kind"] for name in EXPECTED} == EXPECTED
    assert errors["scanned.pdf"]["message"] == "no text layer: needs OCR"
    documents = {d["source_path"] for d in read_rows(out, "documents")}
    assert documents == {"good.pdf", "press.txt"}
    assert {r["label"] for r in read_rows(out, "ratings")} >= {"Good", "Requires improvement"}
    stderr = capsys.readouterr().err
    for name in EXPECTED:
        assert sum(name in line for line in stderr.splitlines()) == 1


def test_previous_tables_survive_a_run_full_of_bad_files(bad_folder, tmp_path):
    out = tmp_path / "out"
    run(RunOptions(str(bad_folder), str(out), jobs=2, quiet=True))
    assert len(read_rows(out, "documents")) == 2
    (bad_folder / "press.txt").unlink()
    run(RunOptions(str(bad_folder), str(out), jobs=2, quiet=True))
    assert {d["source_path"] for d in read_rows(out, "documents")} == {"good.pdf"}


def test_a_hanging_parser_is_stopped_after_the_time_limit(tmp_path, monkeypatch):
    import pipeline.extract.worker

    real = pipeline.extract.worker.load_bytes

    def hang_on_marker(suffix, data, pdf_engine=None):
        if b"HANG" in data:
            time.sleep(3600)
        return real(suffix, data, pdf_engine)

    monkeypatch.setattr(pipeline.extract.worker, "load_bytes", hang_on_marker)
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "hangs.txt").write_text("HANG the parser here", encoding="utf-8")
    (raw / "fine.txt").write_text("Fieldwork took place in January 2022.", encoding="utf-8")
    started = time.monotonic()
    report = run(RunOptions(str(raw), str(tmp_path / "out"), jobs=2, quiet=True, timeout=2))
    assert time.monotonic() - started < 30
    errors = read_rows(tmp_path / "out", "errors")
    assert [(e["source_path"], e["error_kind"]) for e in errors] == [("hangs.txt", "timeout")]
    assert report.exit_code == 1
    assert [d["source_path"] for d in read_rows(tmp_path / "out", "documents")] == ["fine.txt"]


def test_a_file_deleted_mid_run_is_recorded(tmp_path, monkeypatch):
    import pipeline.extract.run

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "goes.txt").write_text("Fieldwork took place in January 2022.", encoding="utf-8")
    (raw / "stays.txt").write_text("The report is available on 19 May 2022.", encoding="utf-8")
    real = pipeline.extract.run._warm_up

    def delete_after_discovery(tasks):
        (raw / "goes.txt").unlink()
        real(tasks)

    monkeypatch.setattr(pipeline.extract.run, "_warm_up", delete_after_discovery)
    report = run(RunOptions(str(raw), str(tmp_path / "out"), jobs=1, quiet=True))
    errors = read_rows(tmp_path / "out", "errors")
    assert [(e["source_path"], e["stage"], e["error_kind"]) for e in errors] == [("goes.txt", "read", "file_vanished")]
    assert report.exit_code == 1


def test_load_errors_name_their_kind():
    from loaders import load_bytes

    with pytest.raises(LoadError) as error:
        load_bytes(".txt", minimal_pdf([text_stream(GOOD_PDF_TEXT)]))
    assert error.value.kind == "binary_file"
