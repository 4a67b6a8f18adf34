"""`hmip export`: the analysis tables for a spreadsheet, each inspection once, with the column descriptions."""

from __future__ import annotations

import csv

import openpyxl

from models.schemas import TABLES
from pipeline.cli import main
from pipeline.export import EXPORTED


def _csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_export_writes_each_analysis_table_and_the_column_descriptions(sample_out, tmp_path, capsys):
    target = tmp_path / "csv"
    assert main(["export", "--out-dir", str(sample_out), "--format", "csv", "--to", str(target)]) == 0
    assert "wrote 10 files" in capsys.readouterr().out
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


def test_export_of_a_folder_without_tables_says_so(tmp_path, capsys):
    assert main(["export", "--out-dir", str(tmp_path / "missing")]) == 2
    assert "no output folder" in capsys.readouterr().err
