"""The analysis notebook runs on the bundled output and renders its plots."""

from __future__ import annotations

import os

import nbformat

from tests.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "inspections.ipynb"


def test_notebook_is_stored_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_notebook_runs_and_renders_its_plots(sample_out, monkeypatch):
    from nbclient import NotebookClient

    monkeypatch.setenv("HMIP_OUT", str(sample_out))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute(env={**os.environ})
    images = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs
              if "image/png" in o.get("data", {})]
    errors = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    assert len(images) == 4  # ratings by year, heatmap, key questions, owners


def test_analysis_counts_each_inspection_once(sample_out):
    from pipeline import analysis

    tables = analysis.load_tables(str(sample_out))
    assert len(analysis.representative_documents(tables)) == 5
    by_year = analysis.overall_ratings_by_year(tables)
    assert int(by_year.to_numpy().sum()) == 3  # Wrexham 2019, West Mercia 2022, Conwy 2024
    heatmap = analysis.standard_ratings_by_service(tables)
    assert heatmap.loc["Conwy and Denbighshire Youth Justice Service", "1.1"] == 0
    assert analysis.recommendations_by_owner_type(tables).sum() == 15
    assert analysis.failing_checks(tables).empty

