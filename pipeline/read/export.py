"""The analysis tables for people who do not use Python: CSV files, or one Excel workbook.

What is exported is what an analysis needs, each inspection counted once: the one-row-per-inspection summary,
the inspections, their ratings, scores and recommendations, the services with their local authorities and the
standards, and the run's checks (every one: filter on outcome) and errors. A list column is written as its items joined by "; ".
Every export carries the column descriptions (a ``columns.csv`` beside the CSV files, a "columns" sheet in the
workbook).

Text the tables took from documents and websites (titles, subjects, sentences) is data, never a formula: a
cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would run as a formula in a
spreadsheet (OWASP's "CSV injection"). In the workbook such a cell is stored as text; in a CSV file it is
written with a leading ``'``, which a spreadsheet shows as text and which an analyst strips if need be.

Nothing already there is overwritten unless asked (``force``), except an earlier export in the default
place, which is this program's own; each file is written whole or not at all (a temporary name, then a
rename).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

import pandas as pd

from models.schemas import TABLES

EXPORTED = ("inspection_summary", "inspections", "inspection_ratings", "inspection_scores", "inspection_recommendations",
            "services", "service_areas",
            "standards", "documents", "checks", "errors")
FORMATS = ("csv", "xlsx")
# The first characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportRefused(Exception):
    """A target the export will not write to (it exists, or is the wrong kind of file): a usage error."""


def _neutralised_csv(value: object) -> object:
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """Plain values a spreadsheet shows: lists joined, missing values empty, and a date known only to its
    month written as the month ('2024-05', never '2024-05-01': the column '<date>_precision' says which)."""
    out = frame.astype("object")
    for column in out.columns:
        out[column] = [("; ".join(str(v) for v in value) if isinstance(value, list | tuple) or (hasattr(value, "tolist")
                        and not isinstance(value, str)) else value) for value in out[column]]
    out = out.where(pd.notna(out), None)
    for column in [c for c in out.columns if f"{c}_precision" in out.columns]:
        out[column] = [_dated(value, precision) for value, precision in zip(out[column], out[f"{column}_precision"],
                                                                             strict=True)]
    return out


def _dated(value: object, precision: object) -> object:
    if value is None or precision is None:
        return value
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text[:7] if precision == "month" else text[:10]


def _descriptions() -> pd.DataFrame:
    return pd.DataFrame([{"table": name, "column": c.name, "type": str(c.type), "description": c.description}
                         for name in EXPORTED for c in TABLES[name].columns])


def _csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        out[column] = pd.Series([_neutralised_csv(v) for v in out[column]], index=out.index, dtype="object")
    return out


def default_target(out_dir: str, fmt: str) -> str:
    return os.path.join(out_dir, "export", "" if fmt == "csv" else "hmip-inspections.xlsx")


def check_target(target: str, fmt: str, force: bool, names: list[str]) -> None:
    """Raise ExportRefused when writing would replace what is not ours to replace."""
    if fmt == "csv":
        if os.path.exists(target) and not os.path.isdir(target):
            raise ExportRefused(f"{target} is a file: CSV tables are written to a folder")
        clashes = [n for n in names if os.path.exists(os.path.join(target, f"{n}.csv"))]
        if clashes and not force:
            raise ExportRefused(f"{target} already holds {', '.join(f'{n}.csv' for n in clashes[:3])}"
                                f"{' and more' if len(clashes) > 3 else ''}: --force replaces them")
        return
    if os.path.isdir(target):
        raise ExportRefused(f"{target} is a folder: give the workbook's file name")
    if not target.lower().endswith(".xlsx"):
        raise ExportRefused(f"{target}: an Excel workbook's name ends in .xlsx")
    if os.path.exists(target) and not force:
        raise ExportRefused(f"{target} already exists: --force replaces it")


@contextmanager
def _replacing(path: str) -> Iterator[str]:
    """A temporary path beside ``path``, renamed over it when the block ends without an error."""
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".hmip-export-", suffix=os.path.splitext(path)[1], dir=folder)
    os.close(handle)
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


# The widest a column is made to fit its values (characters); longer text wraps in the cell.
_MAX_WIDTH = 60


def _write_xlsx(frames: dict[str, pd.DataFrame], path: str) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    with pd.ExcelWriter(path, engine="openpyxl") as workbook:
        for name, frame in frames.items():
            frame.to_excel(workbook, sheet_name=name[:31], index=False)
            sheet = workbook.sheets[name[:31]]
            for row in sheet.iter_rows(min_row=2):
                for cell in row:
                    # openpyxl reads a string that starts with "=" as a formula: store it as text
                    if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                        cell.data_type = "s"
            # a sheet that reads like one: a bold header that stays in view, a filter on every column, widths
            # that fit the values
            for cell in sheet[1]:
                cell.font = Font(bold=True)
                cell.alignment = Alignment(vertical="top")
            sheet.freeze_panes = "A2"
            if sheet.max_column and sheet.max_row:
                sheet.auto_filter.ref = sheet.dimensions
            for index, column in enumerate(frame.columns, start=1):
                lengths = [len(str(column))] + [len(str(v)) for v in frame[column].head(2000) if v is not None]
                sheet.column_dimensions[get_column_letter(index)].width = min(max(lengths) + 2, _MAX_WIDTH)


def export(out_dir: str, target: str, fmt: str, force: bool = False) -> list[str]:
    """Write the analysis tables of out_dir to target (a folder for csv, a .xlsx file for xlsx); the paths
    written. ExportRefused when the target holds files already (unless ``force``, or the target is the default
    one) or is the wrong kind of file."""
    from pipeline.read.analysis import load_tables

    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    tables = load_tables(out_dir)
    frames = {name: _flat(tables[name]) for name in EXPORTED if name in tables}
    frames["columns"] = _descriptions()
    ours = os.path.abspath(target) == os.path.abspath(default_target(out_dir, fmt))
    check_target(target, fmt, force or ours, list(frames))
    written = []
    if fmt == "csv":
        os.makedirs(target, exist_ok=True)
        for name, frame in frames.items():
            path = os.path.join(target, f"{name}.csv")
            with _replacing(path) as temporary:
                _csv_safe(frame).to_csv(temporary, index=False, encoding="utf-8")
            written.append(path)
        return written
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    with _replacing(target) as temporary:
        _write_xlsx(frames, temporary)
    return [target]
