"""Typed Parquet tables from rows: built, validated and written atomically."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from models.schemas import TABLES, Table
from pipeline.errors import ValidationError


def _convert(value: object, type_: pa.DataType) -> object:
    if value is None:
        return None
    if pa.types.is_date32(type_) and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


def build(table: Table, rows: Iterable[dict]) -> pa.Table:
    rows = list(rows)
    if table.sort_by:
        rows.sort(key=lambda r: tuple((r.get(k) is None, r.get(k) if r.get(k) is not None else 0) for k in table.sort_by))
    arrays = [pa.array([_convert(r.get(c.name), c.type) for r in rows], type=c.type) for c in table.columns]
    return pa.Table.from_arrays(arrays, schema=table.documented_schema)


def validate(table: Table, data: pa.Table, texts: dict[str, str] | None = None,
             pages: dict[tuple[str, int], tuple[int, int]] | None = None) -> None:
    """Types come from the schema; check nullability, vocabularies, keys and spans (each inside its
    document, starting on its page, and reproducing its mention)."""
    problems: list[str] = []
    columns = data.to_pydict()

    def show(rows: list[int]) -> str:
        """The offending rows themselves, their identifying columns first."""
        keys = [k for k in ("doc_id", "fact_id", "source_path", *table.key) if k in columns]
        keys = list(dict.fromkeys(keys))
        shown = [{k: columns[k][i] for k in keys} for i in rows[:5]]
        more = f" and {len(rows) - 5} more" if len(rows) > 5 else ""
        return f"{shown}{more}"

    for column in table.columns:
        values = columns[column.name]
        if not column.nullable:
            bad = [i for i, v in enumerate(values) if v is None]
            if bad:
                problems.append(f"{column.name}: null in rows {show(bad)}")
        if column.allowed:
            bad = [i for i, v in enumerate(values) if v is not None and v not in column.allowed]
            if bad:
                problems.append(f"{column.name}: values {sorted({values[i] for i in bad})[:5]} not allowed in rows {show(bad)}")
    keys = list(zip(*(columns[k] for k in table.key), strict=True))
    if len(set(keys)) != len(keys):
        seen: set = set()
        duplicates = [k for k in keys if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
        problems.append(f"key {table.key} not unique: {duplicates[:5]}")
    if table.has_span and texts is not None:
        for i in range(data.num_rows):
            text = texts.get(columns["doc_id"][i])
            start, end = columns["char_start"][i], columns["char_end"][i]
            if text is None or not (0 <= start < end <= len(text)):
                problems.append(f"span {start}:{end} outside the document's text in row {show([i])}")
                continue
            if table.mention and text[start:end] != columns[table.mention][i]:
                # a fact is never guessed: its span must reproduce the mention it reports
                problems.append(f"span {start}:{end} reads {text[start:end]!r}, not the {table.mention} "
                                f"{columns[table.mention][i]!r}, in row {show([i])}")
            if pages is not None:
                page = pages.get((columns["doc_id"][i], columns["page"][i]))
                if page is None or not (page[0] <= start < page[1]):
                    problems.append(f"span {start}:{end} does not start on page {columns['page'][i]} in row {show([i])}")
    if problems:
        raise ValidationError(f"table {table.name} fails validation:\n  " + "\n  ".join(problems[:20]))


# The fact table each kind of mention points into.
MENTION_TABLES = {"rating": "ratings", "score": "scores", "percentage": "percentages", "date": "dates",
                  "recommendation": "recommendations"}


def validate_mentions(built: dict[str, pa.Table]) -> None:
    """A mention that became a fact names a fact that exists; a set-aside one says why."""
    if "mentions" not in built:
        return
    fact_ids = {name: set(built[table].column("fact_id").to_pylist())
                for name, table in MENTION_TABLES.items() if table in built}
    problems = []
    for row in built["mentions"].to_pylist():
        if row["decision"] == "fact":
            if row["fact_id"] not in fact_ids.get(row["fact_type"], set()):
                problems.append(f"mention {row['mention_id']} in {row['doc_id']} names fact {row['fact_id']!r}, "
                                f"which is not in {MENTION_TABLES[row['fact_type']]}")
        elif not row["reason"]:
            problems.append(f"mention {row['mention_id']} in {row['doc_id']} was set aside without a reason")
    if problems:
        raise ValidationError("table mentions fails validation:\n  " + "\n  ".join(problems[:20]))


def write_parquet(data: pa.Table, path: str) -> None:
    """One table as Parquet, with its column descriptions (the output folder's writer puts it in place)."""
    pq.write_table(data, path, compression="zstd", write_statistics=True)


def read(out_dir: str, name: str) -> pa.Table:
    return pq.read_table(os.path.join(out_dir, f"{name}.parquet"), schema=TABLES[name].schema)
