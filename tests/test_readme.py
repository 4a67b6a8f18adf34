"""The README's queries run against real output and answer something."""

from __future__ import annotations

import re

import duckdb
import pandas as pd
import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SQL = re.findall(r"```sql\n(.*?)```", README, re.S)
PYTHON = re.findall(r"```python\n(.*?)```", README, re.S)


def test_readme_has_queries():
    assert len(SQL) >= 4 and PYTHON


@pytest.mark.parametrize("query", SQL, ids=[q.splitlines()[0] for q in SQL])
def test_duckdb_query_runs(sample_out, query):
    rows = duckdb.sql(query.replace("data/processed/", f"{sample_out}/")).fetchall()
    if "NOT c.passed" not in query:
        assert rows, query


def test_pandas_example_runs(sample_out):
    code = PYTHON[0].replace("data/processed/", f"{sample_out}/")
    namespace: dict = {"pd": pd}
    lines = code.strip().splitlines()
    exec("\n".join(lines[:-1]), namespace)
    pivot = eval(lines[-1], namespace)
    assert pivot.loc["Conwy and Denbighshire Youth Justice Service", "3.1"] == 2
