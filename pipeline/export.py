"""The analysis tables for people who do not use Python: CSV files, or one Excel workbook.

What is exported is what an analysis needs, each inspection counted once: the inspections, their ratings,
scores and recommendations, the services and the standards, and the run's failed checks and errors. A list
column is written as its items joined by "; ". Every export carries the column descriptions (a
``columns.csv`` beside the CSV files, a "columns" sheet in the workbook).
"""

from __future__ import annotations

import os

import pandas as pd

from models.schemas import TABLES

EXPORTED = ("inspections", "inspection_ratings", "inspection_scores", "inspection_recommendations", "services",
            "standards", "documents", "checks", "errors")
FORMATS = ("csv", "xlsx")


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """Plain values a spreadsheet shows: lists joined, missing values empty."""
    out = frame.astype("object")
    for column in out.columns:
        out[column] = [("; ".join(str(v) for v in value) if isinstance(value, list | tuple) or (hasattr(value, "tolist")
                        and not isinstance(value, str)) else value) for value in out[column]]
    return out.where(pd.notna(out), None)


def _descriptions() -> pd.DataFrame:
    return pd.DataFrame([{"table": name, "column": c.name, "type": str(c.type), "description": c.description}
                         for name in EXPORTED for c in TABLES[name].columns])


def export(out_dir: str, target: str, fmt: str) -> list[str]:
    """Write the analysis tables of out_dir to target (a folder for csv, a .xlsx file for xlsx); the paths written."""
    from pipeline.analysis import load_tables

    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    tables = load_tables(out_dir)
    frames = {name: _flat(tables[name]) for name in EXPORTED if name in tables}
    if "checks" in frames:
        frames["checks"] = frames["checks"][frames["checks"]["outcome"] == "failed"].reset_index(drop=True)
    written = []
    if fmt == "csv":
        os.makedirs(target, exist_ok=True)
        for name, frame in [*frames.items(), ("columns", _descriptions())]:
            path = os.path.join(target, f"{name}.csv")
            frame.to_csv(path, index=False, encoding="utf-8")
            written.append(path)
        return written
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    with pd.ExcelWriter(target, engine="openpyxl") as workbook:
        for name, frame in [*frames.items(), ("columns", _descriptions())]:
            frame.to_excel(workbook, sheet_name=name[:31], index=False)
    return [target]
