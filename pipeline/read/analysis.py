"""Analyst helpers over the output tables (pandas, Arrow-backed types). The notebook imports these.

Every view counts an inspection once: the renderings of a document, and a report with its press release,
are one inspection (`inspections`), and the per-inspection tables (`inspection_ratings`, `inspection_scores`,
`inspection_recommendations`) hold one row per inspection and subject, the report's word first. Standards
are joined on `standard_key`, never on a code, so that frameworks never mix; each scale keeps its own order.
"""

from __future__ import annotations

import os

import pandas as pd

from models.schemas import TABLES
from models.vocabulary import FOUR_POINT, Framework, Scope


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
        if not data:
            raise FileNotFoundError(f"no tables in {out_dir}: run `make extract` first")
        if not mixed:
            # Arrow-backed dtypes: nullable integers stay integers, dates stay dates, lists stay lists.
            return {name: pq.read_table(pa.BufferReader(raw)).to_pandas(types_mapper=pd.ArrowDtype)
                    for name, raw in data.items()}
        time.sleep(0.2 * (attempt + 1))
    raise RuntimeError(f"the tables in {out_dir} are not one run's set ({', '.join(mixed)} differ from the "
                       "manifest): the next `make extract` repairs them")


def representative_documents(tables: dict[str, pd.DataFrame]) -> list[str]:
    """One doc_id per inspection: its first report, else its first press release, else another party's page."""
    chosen = []
    for _, row in tables["inspections"].iterrows():
        reports, releases = list(row["report_doc_ids"]), list(row["press_release_doc_ids"])
        chosen.append((reports or releases or list(row["secondary_doc_ids"]))[0])
    return chosen


# The order of each scale, best last; ranks are comparable only within a scale.
SCALE_ORDER = {
    "four_point": ["Inadequate", "Requires improvement", "Good", "Outstanding"],
    "joint_inspection": ["Poor", "Unsatisfactory", "Satisfactory", "Good"],
    "improvement_required": ["Drastic improvement", "Substantial improvement", "Moderate improvement",
                             "Minimum improvement"],
}
FRAMEWORK_NAMES = {
    "core_case_2010": "Core case inspections (2009-2012)",
    "joint_inspection_2012": "Joint inspections (2012-2017)",
    "standards_2018": "Standards framework (2018-2024)",
    "children_and_victims_2024": "Children and victims (2024-)",
    "unknown": "Framework not known",
}


def _year(frame: pd.DataFrame) -> pd.Series:
    when = frame["publication_date"].fillna(frame["fieldwork_start"])
    return pd.to_datetime(when.astype("object")).dt.year.astype("Int64")


def inspection_judgements(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per inspection (from `inspection_summary`): its year, framework, and its headline judgement on
    the framework's own scale, or none.

    The overall rating where the framework gives one (2018 on); for the earlier frameworks, which rate
    themes or areas only, the lowest of their judgements (the one that decided what the service had to do).
    """
    summary = tables["inspection_summary"].copy()
    summary["year"] = _year(summary)
    ratings = tables["inspection_ratings"]
    rows = []
    for _, inspection in summary.iterrows():
        own = ratings[ratings["inspection_id"] == inspection["inspection_id"]]
        overall = own[own["scope"] == Scope.OVERALL]
        judgement = scale = basis = None
        if len(overall):
            judgement, scale, basis = overall.iloc[0]["label"], overall.iloc[0]["scale"], "overall rating"
        else:
            ranked = own[own["rank"].notna() & own["scale"].isin(list(SCALE_ORDER))]
            if len(ranked):
                lowest = ranked.sort_values("rank").iloc[0]
                judgement, scale, basis = lowest["label"], lowest["scale"], "lowest theme or area judgement"
        order = SCALE_ORDER.get(str(scale), [])
        rows.append({"inspection_id": inspection["inspection_id"], "service": inspection["service"],
                     "service_key": inspection["service_key"], "year": inspection["year"],
                     "framework": inspection["framework"], "judgement": judgement, "scale": scale, "basis": basis,
                     "rank": order.index(judgement) if judgement in order else None,
                     "sources": inspection["sources"]})
    return pd.DataFrame(rows, columns=["inspection_id", "service", "service_key", "year", "framework", "judgement",
                                       "scale", "basis", "rank", "sources"])


def left_out(judgements: pd.DataFrame, needs: tuple[str, ...] = ("year", "judgement")) -> str:
    """What a plot of these inspections shows and leaves out, and why: 'n = 48 of 70 inspections: 15 have no
    date, 7 no judgement'. Each inspection is counted once, under the first thing it lacks."""
    reasons = {"year": "have no date", "judgement": "have no rating", "rank": "have no rating on a ranked scale"}
    remaining = judgements
    missing = []
    for column in needs:
        lacking = remaining[column].isna()
        if lacking.any():
            missing.append(f"{int(lacking.sum())} {reasons.get(column, 'have no ' + column)}")
        remaining = remaining[~lacking]
    text = f"n = {len(remaining)} of {len(judgements)} inspections"
    return text + (": " + ", ".join(missing) if missing else "")


def judgements_by_year(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Per framework: inspections per year and headline judgement (whole numbers, the scale's order)."""
    judgements = inspection_judgements(tables).dropna(subset=["year", "judgement"])
    out = {}
    for framework, rows in judgements.groupby("framework", sort=True):
        counts = rows.pivot_table(index="year", columns="judgement", values="inspection_id", aggfunc="count",
                                  fill_value=0).astype(int)
        order = [label for label in SCALE_ORDER.get(rows["scale"].iloc[0], []) if label in counts.columns]
        out[str(framework)] = counts[order + [c for c in counts.columns if c not in order]]
    return out


def overall_ratings_by_year(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Inspections per year and overall rating, for the frameworks that give one (best rating first)."""
    judgements = inspection_judgements(tables)
    rated = judgements[(judgements["basis"] == "overall rating") & judgements["year"].notna()
                       & judgements["judgement"].notna()]
    counts = rated.pivot_table(index="year", columns="judgement", values="inspection_id", aggfunc="count",
                               fill_value=0).astype(int)
    order = [label for label in reversed(FOUR_POINT.labels) if label in counts.columns]
    return counts[order + [c for c in counts.columns if c not in order]]


def service_histories(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Each service's inspections in order, with the rating the documents give for its previous inspection."""
    judgements = inspection_judgements(tables)
    ratings = tables["ratings"]
    previous = ratings[(ratings["scope"] == Scope.PREVIOUS) & ratings["inspection_id"].notna()]
    earlier = previous.groupby("inspection_id")["label"].agg(lambda labels: ", ".join(dict.fromkeys(labels)))
    history = judgements.assign(previous_rating=judgements["inspection_id"].map(earlier))
    return history.sort_values(["service", "year", "inspection_id"])[
        ["service", "year", "framework", "previous_rating", "judgement", "basis"]].reset_index(drop=True)


def standard_ratings_by_service(tables: dict[str, pd.DataFrame], framework: str = "standards_2018") -> pd.DataFrame:
    """Rank (0 Inadequate ... 3 Outstanding) of each standard of one framework, one row per inspection's service,
    columns in the framework's order (standard codes)."""
    ratings = tables["inspection_ratings"]
    standards = tables["standards"].set_index("standard_key")
    rows = ratings[(ratings["scope"] == Scope.STANDARD) & (ratings["framework"] == framework)
                   & ratings["standard_key"].notna()]
    services = tables["inspection_summary"].set_index("inspection_id")["service"]
    frame = rows.assign(service=rows["inspection_id"].map(services),
                        standard=rows["standard_key"].map(lambda key: standards.loc[key, "code"] or standards.loc[key, "name"]))
    pivot = frame.pivot_table(index="service", columns="standard", values="rank", aggfunc="first")
    return pivot[sorted(pivot.columns, key=str)]


def key_question_percentages(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Key-question "% 'Yes'" rows with their standard, one document per inspection."""
    keep = set(representative_documents(tables))
    percentages = tables["percentages"]
    rows = percentages[percentages["section"].notna() & percentages["doc_id"].isin(keep)]
    return rows[["inspection_id", "section", "subject", "value"]].sort_values(["section", "value"]).reset_index(drop=True)


def recommendations_by_owner_type(tables: dict[str, pd.DataFrame]) -> pd.Series:
    """Recommendations per owner type, each inspection's recommendations once."""
    rows = tables["inspection_recommendations"]
    counts = rows["owner_type"].astype("object").fillna("not stated").value_counts()
    return counts.sort_values(ascending=False).astype(int)


def coverage(tables: dict[str, pd.DataFrame], view: str) -> str:
    """What a plot of one of the views below shows of all the inspections, and why the rest are missing:
    'n = 12 of 70 inspections: the others state no standard ratings of the 2018 framework'."""
    total = len(tables["inspection_summary"])
    if view == "standards":
        ratings = tables["inspection_ratings"]
        shown = ratings[(ratings["scope"] == Scope.STANDARD) & (ratings["framework"] == Framework.STANDARDS_2018)
                        & ratings["standard_key"].notna()]["inspection_id"].nunique()
        services = standard_ratings_by_service(tables)
        blank = int(services.isna().sum().sum()) if len(services) else 0
        why = "the others state no standard rating of the 2018 framework"
        extra = f"; {blank} blank cells: a standard no document of the inspection rates" if blank else ""
        return f"n = {shown} of {total} inspections ({len(services)} services): {why}{extra}"
    if view == "key_questions":
        rows = key_question_percentages(tables)
        shown = rows["inspection_id"].nunique()
        return (f"n = {len(rows)} key-question percentages from {shown} of {total} inspections: the others' "
                "documents hold no key-question table (press releases, retellings, frameworks before 2018)")
    if view == "owners":
        rows = tables["inspection_recommendations"]
        shown = rows["inspection_id"].nunique()
        return (f"n = {len(rows)} recommendations from {shown} of {total} inspections: the others' documents "
                "list none (press releases and retellings give a count at most)")
    raise ValueError(f"no such view: {view}")


def failing_checks(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    checks = tables["checks"]
    failed = checks[checks["outcome"] == "failed"]
    paths = tables["documents"].set_index("doc_id")["source_path"]
    return failed.assign(source_path=failed["doc_id"].map(paths))[
        ["source_path", "check", "subject", "expected", "found", "detail"]
    ].reset_index(drop=True)


def errors(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The files the run could not (fully) read, and why."""
    return tables["errors"][["source_path", "stage", "error_kind", "message"]].reset_index(drop=True)
