"""The README's queries run against real output and give the known answer.

They are run twice: on the bundled sample, and on a corpus that holds one report three times (as text, as
the PDF and as a web page) with a press release of the same inspection that gives a different overall
rating. Every answer must count the inspection once, take the report's word, and show the disagreement.
"""

from __future__ import annotations

import html
import re
import shutil

import duckdb
import pandas as pd
import pytest

from pipeline.extract.run import RunOptions, run
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SQL = re.findall(r"```sql\n(.*?)```", README, re.S)
PYTHON = re.findall(r"```python\n(.*?)```", README, re.S)
REPORT = "004_215c1fc33e67d135"
SERVICE = "Conwy and Denbighshire Youth Justice Service"

PRESS_RELEASE = """Conwy and Denbighshire Youth Justice Service rated ‘Inadequate’
HM Inspectorate of Probation has rated Conwy and Denbighshire Youth Justice Service (YJS) as ‘Inadequate’ following an inspection.
Chief Inspector of Probation, Martin Jones, said: “The service must act on our findings without delay.”
The inspection made seven recommendations.
ENDS
Notes to editors
1. The report is available on the HM Inspectorate of Probation website from May 2024.
2. Fieldwork took place in January 2024.
"""


def _web_page(text: str) -> str:
    """The report's text as a web page: a table row per tab-separated line, a paragraph per other line."""
    body = []
    for line in text.splitlines():
        if "\t" in line:
            cells = "".join(f"<td>{html.escape(cell)}</td>" for cell in line.split("\t"))
            body.append(f"<table><tr>{cells}</tr></table>")
        elif line.strip():
            body.append(f"<p>{html.escape(line)}</p>")
    return "<html><body><main>" + "\n".join(body) + "</main></body></html>"


@pytest.fixture(scope="module")
def duplicated_out(tmp_path_factory):
    raw = tmp_path_factory.mktemp("duplicated")
    for suffix in (".txt", ".pdf"):
        shutil.copyfile(ROOT / "data" / "raw" / f"{REPORT}{suffix}", raw / f"report{suffix}")
    text = (ROOT / "data" / "raw" / f"{REPORT}.txt").read_text(encoding="utf-8")
    (raw / "report.html").write_text(_web_page(text), encoding="utf-8")
    (raw / "press release.txt").write_text(PRESS_RELEASE, encoding="utf-8")
    out = raw.parent / (raw.name + "-out")
    report = run(RunOptions(str(raw), str(out), jobs=2, quiet=True))
    assert report.errors == []
    return out


def _query(title: str) -> str:
    return next(q for q in SQL if q.startswith(f"-- {title}"))


def _rows(out, query: str) -> list[tuple]:
    return duckdb.sql(query.replace("data/processed/", f"{out}/")).fetchall()


def test_readme_has_queries():
    assert len(SQL) >= 6 and PYTHON


@pytest.mark.parametrize("query", SQL, ids=[q.splitlines()[0] for q in SQL])
def test_each_query_answers_on_the_sample(sample_out, query):
    rows = _rows(sample_out, query)
    if "NOT c.passed" not in query:
        assert rows, query


def test_the_three_renderings_and_the_press_release_are_one_inspection(duplicated_out):
    documents = _rows(duplicated_out, "SELECT DISTINCT inspection_id FROM read_parquet('data/processed/documents.parquet')")
    assert len(documents) == 1
    assert _rows(duplicated_out, _query("Overall rating of every inspection")) == [
        (SERVICE, pd.Timestamp("2024-05-01").date(), "Requires improvement", 13, 36)]  # the report's word


def test_standards_rated_inadequate_are_counted_once(duplicated_out):
    rows = _rows(duplicated_out, _query("Standards rated Inadequate"))
    assert [(code, name, agree) for _, _, code, name, agree in rows] == [
        ("1.1", "Governance and leadership", True), ("1.3", "Partnerships and services", True)]


def test_recommendations_per_owner_type_count_each_recommendation_once(duplicated_out):
    rows = _rows(duplicated_out, _query("Who must act"))
    assert sum(count for _, count in rows) == 7
    assert rows[0] == ("management board", 3)


def test_service_history_and_key_questions_are_per_inspection(duplicated_out):
    assert len(_rows(duplicated_out, _query("Each service's inspections in order"))) == 1
    lowest = _rows(duplicated_out, _query("The lowest key-question score"))
    assert len({section for _, section, _ in lowest}) == len(lowest) > 0


def test_the_press_releases_other_rating_is_a_failed_check_not_a_silent_choice(duplicated_out):
    failed = _rows(duplicated_out, _query("Where the extraction"))
    disagreements = [row for row in failed if row[1] == "inspection_documents_agree"]
    assert [(path, subject, expected, found) for path, _, subject, expected, found, _ in disagreements] == [
        ("press release.txt", "standards_2018/overall", "Requires improvement", "Inadequate")]
    overall = _rows(duplicated_out, "SELECT label, labels, agree FROM read_parquet('data/processed/inspection_ratings.parquet') "
                                     "WHERE scope = 'overall'")
    assert overall == [("Requires improvement", ["Inadequate", "Requires improvement", "Requires improvement",
                                                 "Requires improvement"], False)]


def test_pandas_example_runs_with_arrow_types(duplicated_out):
    code = PYTHON[0].replace("data/processed/", f"{duplicated_out}/")
    namespace: dict = {"pd": pd}
    lines = code.strip().splitlines()
    exec("\n".join(lines[:-1]), namespace)
    pivot = eval(lines[-1], namespace)
    assert pivot.loc[SERVICE, "standards_2018/3.1"] == 2
    assert str(namespace["ratings"]["rank"].dtype) == "int8[pyarrow]"


def test_an_areas_public_data_joins_on_its_ons_code_in_one_line(sample_out, tmp_path):
    # the README's line, on an invented public table keyed by ONS code
    line = re.search(r"`(JOIN read_csv\('population\.csv'\) p ON p\.code = gss_code)`", README).group(1)
    (tmp_path / "population.csv").write_text("code,population\nW06000006,135000\nE08000031,263000\n", encoding="utf-8")
    by_area = _query("Ratings by local authority").rstrip().rstrip(";").split("ORDER BY")[0]
    query = (f"SELECT a.gss_code, a.service, p.population FROM ({by_area}) a "
             + line.replace("population.csv", str(tmp_path / "population.csv")) + " ORDER BY a.gss_code, a.service")
    rows = _rows(sample_out, query)
    assert ("W06000006", "Wrexham Youth Justice Service", 135000) in rows
    assert {code for code, _, _ in rows} == {"W06000006", "E08000031"}


def test_standards_side_by_side_are_one_row_per_inspection(sample_out):
    rows = _rows(sample_out, _query("Each inspection's standards side by side"))
    conwy = [row for row in rows if row[0].startswith("Conwy")]
    assert conwy == [("Conwy and Denbighshire Youth Justice Service", pd.Timestamp("2024-05-01").date(),
                      "Requires improvement", "Inadequate", "Requires improvement", "Good")]
