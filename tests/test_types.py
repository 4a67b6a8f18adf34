"""Types and descriptions survive the trip: every table read in DuckDB, pandas (Arrow types) and polars keeps
each column's declared type and its description from models/schemas.py."""

from __future__ import annotations

import json

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from models.schemas import TABLES
from pipeline.read.analysis import load_tables

DUCKDB_TYPES = {pa.int8(): "TINYINT", pa.int16(): "SMALLINT", pa.int32(): "INTEGER", pa.float64(): "DOUBLE",
                pa.string(): "VARCHAR", pa.date32(): "DATE", pa.bool_(): "BOOLEAN", pa.list_(pa.string()): "VARCHAR[]"}
POLARS_TYPES = {pa.int8(): pl.Int8, pa.int16(): pl.Int16, pa.int32(): pl.Int32, pa.float64(): pl.Float64,
                pa.string(): pl.String, pa.date32(): pl.Date, pa.bool_(): pl.Boolean, pa.list_(pa.string()): pl.List(pl.String)}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_pyarrow_and_pandas_keep_types_and_descriptions(sample_out, name):
    path = sample_out / f"{name}.parquet"
    schema = pq.read_schema(path)
    frame = pd.read_parquet(path, dtype_backend="pyarrow")
    for column in TABLES[name].columns:
        assert schema.field(column.name).metadata[b"description"].decode() == column.description
        assert frame[column.name].dtype == pd.ArrowDtype(column.type), column.name
    assert schema.metadata[b"description"].decode() == TABLES[name].description


@pytest.mark.parametrize("name", sorted(TABLES))
def test_duckdb_keeps_types_and_sees_descriptions(sample_out, name):
    path = sample_out / f"{name}.parquet"
    described = dict(duckdb.sql(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{path}'))").fetchall())
    metadata = dict(duckdb.sql(f"SELECT decode(key), decode(value) FROM parquet_kv_metadata('{path}')").fetchall())
    descriptions = json.loads(metadata["column_descriptions"])
    for column in TABLES[name].columns:
        assert described[column.name] == DUCKDB_TYPES[column.type], column.name
        assert descriptions[column.name] == column.description


@pytest.mark.parametrize("name", sorted(TABLES))
def test_polars_keeps_types_and_sees_descriptions(sample_out, name):
    path = sample_out / f"{name}.parquet"
    frame = pl.read_parquet(path)
    descriptions = json.loads(pl.read_parquet_metadata(path)["column_descriptions"])
    for column in TABLES[name].columns:
        assert frame.schema[column.name] == POLARS_TYPES[column.type], column.name
        assert descriptions[column.name] == column.description


def test_load_tables_reads_arrow_types_and_names_a_missing_folder(sample_out, tmp_path):
    tables = load_tables(str(sample_out))
    assert set(tables) == set(TABLES)
    assert str(tables["ratings"]["rank"].dtype) == "int8[pyarrow]"
    assert str(tables["dates"]["date"].dtype) == "date32[day][pyarrow]"
    with pytest.raises(FileNotFoundError, match="no output folder"):
        load_tables(str(tmp_path / "missing"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match="no tables in"):
        load_tables(str(tmp_path / "empty"))


def test_load_tables_refuses_a_set_that_is_not_one_runs(sample_out, tmp_path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(sample_out, copy)
    ratings = pq.read_table(copy / "ratings.parquet")
    pq.write_table(ratings.slice(0, 1), copy / "ratings.parquet")  # another run's table, as a reader might meet it
    with pytest.raises(RuntimeError, match="not one run's set"):
        load_tables(str(copy), attempts=1)
