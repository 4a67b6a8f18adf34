"""The analysis notebook runs on the bundled output and renders its plots."""

from __future__ import annotations

import os
import re

import nbformat
import pytest

from tests.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "inspections.ipynb"


def test_notebook_is_stored_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("corpus, plots", [("sample_out", 5), ("real_out", 4)])
def test_notebook_runs_and_renders_its_plots(corpus, plots, request, monkeypatch):
    from nbclient import NotebookClient

    monkeypatch.setenv("HMIP_OUT", str(request.getfixturevalue(corpus)))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute(env={**os.environ})
    images = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs
              if "image/png" in o.get("data", {})]
    errors = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    assert len(images) == plots  # judgements by year, histories, heatmap, key questions, owners (as the data allow)
    # every plot says how many inspections it shows of how many, and why it leaves the others out
    for cell in notebook.cells:
        if cell.cell_type == "code" and any("image/png" in o.get("data", {}) for o in cell.outputs):
            printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
            assert re.search(r"n = \d+ .*\bof \d+ inspections", printed), cell.source[:80]


def test_left_out_says_how_many_inspections_a_plot_shows_and_why():
    import pandas as pd

    from pipeline.read import analysis

    judgements = pd.DataFrame({"year": [2019, None, 2021, None], "judgement": ["Good", "Good", None, None]})
    assert analysis.left_out(judgements) == "n = 1 of 4 inspections: 2 have no date, 1 have no rating"
    assert analysis.left_out(judgements.iloc[:1]) == "n = 1 of 1 inspections"


def test_each_plots_coverage_note_counts_inspections(sample_out):
    from pipeline.read import analysis

    tables = analysis.load_tables(str(sample_out))
    assert analysis.coverage(tables, "standards").startswith("n = 2 of 5 inspections (2 services)")
    assert analysis.coverage(tables, "owners").startswith("n = 15 recommendations from 2 of 5 inspections")
    assert "of 5 inspections" in analysis.coverage(tables, "key_questions")


def test_analysis_counts_each_inspection_once(sample_out):
    from pipeline.read import analysis

    tables = analysis.load_tables(str(sample_out))
    assert len(analysis.representative_documents(tables)) == 5
    by_year = analysis.overall_ratings_by_year(tables)
    assert int(by_year.to_numpy().sum()) == 3  # Wrexham 2019, West Mercia 2022, Conwy 2024
    judgements = analysis.judgements_by_year(tables)
    assert sorted(judgements) == ["joint_inspection_2012", "standards_2018"]
    assert int(judgements["joint_inspection_2012"].to_numpy().sum()) == 2  # Wrexham 2013, Wolverhampton 2016
    heatmap = analysis.standard_ratings_by_service(tables)
    assert heatmap.loc["Conwy and Denbighshire Youth Justice Service", "1.1"] == 0
    assert "2.2" in heatmap.columns and "Work with victims" not in heatmap.columns
    assert analysis.recommendations_by_owner_type(tables).sum() == 15
    histories = analysis.service_histories(tables)
    assert list(histories[histories["service"] == "Wrexham Youth Justice Service"]["year"]) == [2013, 2019]
    assert analysis.failing_checks(tables).empty and analysis.errors(tables).empty
