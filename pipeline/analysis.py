"""Analyst helpers over the output tables (pandas). The notebook imports these.

Every view counts an inspection once: the .txt and .pdf renderings of a
document, or a report and its press release, are one inspection (the
`inspections` table), and views of per-document facts use one document per
inspection, the report when there is one.
"""

from __future__ import annotations

import os

import pandas as pd

from models.patterns import FOUR_POINT
from models.schemas import TABLES


def load_tables(out_dir: str, attempts: int = 5) -> dict[str, pd.DataFrame]:
    """Every table in out_dir as a DataFrame (types from the Parquet schema), all from one run.

    The tables are checked against the checksums the run recorded in its manifest; a set caught while a run
    is switching it is read again, and one that stays mixed is an error rather than a silent mixture.
    """
    import hashlib
    import json
    import time

    import pyarrow as pa
    import pyarrow.parquet as pq

    if not os.path.isdir(out_dir):
        raise FileNotFoundError(f"no output folder {out_dir}: run `make extract` first")
    for attempt in range(attempts):
        try:
            with open(os.path.join(out_dir, "manifest.json"), encoding="utf-8") as handle:
                recorded = json.load(handle).get("tables", {})
        except (OSError, ValueError):
            recorded = {}
        data = {}
        for name in TABLES:
            path = os.path.join(out_dir, f"{name}.parquet")
            if os.path.exists(path):
                with open(path, "rb") as handle:
                    data[name] = handle.read()
        mixed = [name for name, raw in data.items()
                 if name in recorded and hashlib.sha256(raw).hexdigest() != recorded[name]["sha256"]]
        if not mixed:
            return {name: pq.read_table(pa.BufferReader(raw)).to_pandas() for name, raw in data.items()}
        time.sleep(0.2 * (attempt + 1))
    raise RuntimeError(f"the tables in {out_dir} are not one run's set ({', '.join(mixed)} differ from the "
                       "manifest): the next `make extract` repairs them")


def representative_documents(tables: dict[str, pd.DataFrame]) -> list[str]:
    """One doc_id per inspection: its first report, else its first press release."""
    chosen = []
    for _, row in tables["inspections"].iterrows():
        reports, releases = list(row["report_doc_ids"]), list(row["press_release_doc_ids"])
        chosen.append((reports or releases)[0])
    return chosen


def overall_ratings_by_year(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Inspections per publication (or fieldwork) year and overall rating."""
    inspections = tables["inspections"].dropna(subset=["overall_rating"]).copy()
    when = inspections["publication_date"].fillna(inspections["fieldwork_start"])
    inspections["year"] = pd.to_datetime(when).dt.year
    counts = inspections.pivot_table(index="year", columns="overall_rating", values="inspection_id",
                                     aggfunc="count", fill_value=0)
    order = [label for label in reversed(FOUR_POINT.labels) if label in counts.columns]
    others = [c for c in counts.columns if c not in order]
    return counts[order + others]


def standard_ratings_by_service(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Rank (0 Inadequate ... 3 Outstanding) of each standard, one row per inspected service."""
    keep = set(representative_documents(tables))
    ratings = tables["ratings"]
    standards = ratings[(ratings["scope"] == "standard") & ratings["code"].notna() & ratings["doc_id"].isin(keep)]
    services = tables["documents"].set_index("doc_id")["service"]
    frame = standards.assign(service=standards["doc_id"].map(services))
    return frame.pivot_table(index="service", columns="code", values="rank", aggfunc="first")


def key_question_percentages(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Key-question "% 'Yes'" rows with their standard, one document per inspection."""
    keep = set(representative_documents(tables))
    percentages = tables["percentages"]
    rows = percentages[percentages["section"].notna() & percentages["doc_id"].isin(keep)]
    return rows[["doc_id", "section", "subject", "value"]].sort_values(["section", "value"]).reset_index(drop=True)


def recommendations_by_owner_type(tables: dict[str, pd.DataFrame]) -> pd.Series:
    keep = set(representative_documents(tables))
    recommendations = tables["recommendations"]
    rows = recommendations[recommendations["doc_id"].isin(keep)]
    return rows["owner_type"].fillna("not stated").value_counts().sort_values(ascending=False)


def failing_checks(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    checks = tables["checks"]
    failed = checks[~checks["passed"]]
    paths = tables["documents"].set_index("doc_id")["source_path"]
    return failed.assign(source_path=failed["doc_id"].map(paths))[
        ["source_path", "check", "subject", "expected", "found", "detail"]
    ].reset_index(drop=True)
