"""Typed Parquet tables from rows: built, validated and written atomically."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

import pyarrow as pa
import pyarrow.parquet as pq

from models.schemas import TABLES, Table
from pipeline.store.errors import ValidationError


def _as_date(value: object) -> object:
    """A date column's value as pyarrow takes it: an ISO string as a date, anything else as it is."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def build(table: Table, rows: Iterable[dict]) -> pa.Table:
    rows = list(rows)
    if table.sort_by:
        rows.sort(key=lambda r: tuple((r.get(k) is None, r.get(k) if r.get(k) is not None else 0) for k in table.sort_by))
    # Only a date column needs a value converted (an ISO string to a date); the rest go to pyarrow as they are.
    arrays = [pa.array([_as_date(r.get(c.name)) for r in rows] if pa.types.is_date32(c.type)
                       else [r.get(c.name) for r in rows], type=c.type) for c in table.columns]
    return pa.Table.from_arrays(arrays, schema=table.documented_schema)


@dataclass(frozen=True)
class Problem:
    """One way a row breaks its table's declaration; doc_id names the document it came from, when it has one."""

    doc_id: str | None
    message: str
    # the documents a derived row was made from (an inspection's doc_ids): a fault in such a row is theirs,
    # set aside with them, rather than the whole run's
    made_from: tuple[str, ...] = ()


def _checker(type_: pa.DataType) -> Callable[[object], bool]:
    """A test of whether pyarrow would take a value for the type without a cast it might refuse (made once per
    column: the row checks run over every row of every document)."""
    if pa.types.is_string(type_):
        return lambda value: isinstance(value, str)
    if pa.types.is_boolean(type_):
        return lambda value: isinstance(value, bool)
    if pa.types.is_integer(type_):
        low, high = -(2 ** (type_.bit_width - 1)), 2 ** (type_.bit_width - 1)
        return lambda value: isinstance(value, int) and not isinstance(value, bool) and low <= value < high
    if pa.types.is_floating(type_):
        return lambda value: isinstance(value, (int, float)) and not isinstance(value, bool)
    if pa.types.is_date32(type_):
        return _date_ok
    if pa.types.is_list(type_):
        item = _checker(type_.value_type)
        return lambda value: isinstance(value, list) and all(v is None or item(v) for v in value)
    return lambda value: True


def _date_ok(value: object) -> bool:
    if isinstance(value, dt.date):
        return True
    if not isinstance(value, str):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@cache
def _column_checks(table_name: str) -> tuple[tuple[str, bool, frozenset | None, Callable[[object], bool]], ...]:
    table = TABLES[table_name]
    return tuple((c.name, c.nullable, frozenset(c.allowed) if c.allowed else None, _checker(c.type))
                 for c in table.columns)


def row_problems(table: Table, rows: list[dict], texts: dict[str, str] | None = None,
                 pages: dict[tuple[str, int], tuple[int, int]] | None = None,
                 columns_present_only: bool = False, check_types: bool = True) -> list[Problem]:
    """Every way the rows break the table's declaration: type, nullability, allowed values, unique keys, and
    spans (each inside its document, starting on its page, and reproducing its mention). Pure Python, so a
    worker checks its one document's rows before they leave it; ``columns_present_only`` checks only the
    columns the rows carry (the run adds the rest: paths, inspection ids)."""
    problems: list[Problem] = []

    def where(row: dict) -> str:
        keys = [k for k in ("doc_id", "fact_id", "source_path", *table.key, "doc_ids") if k in row]
        return str({k: row[k] for k in dict.fromkeys(keys)})

    def made_from(row: dict) -> tuple[str, ...]:
        return tuple(d for d in row.get("doc_ids") or () if isinstance(d, str)) if "doc_id" not in row else ()

    checks = _column_checks(table.name) if table.name in TABLES else tuple(
        (c.name, c.nullable, frozenset(c.allowed) if c.allowed else None, _checker(c.type)) for c in table.columns)
    for row in rows:
        for name, nullable, allowed, type_ok in checks:
            value = row.get(name)
            if value is None:
                if not nullable and not (columns_present_only and name not in row):
                    problems.append(Problem(row.get("doc_id"), f"{name}: null in row {where(row)}", made_from(row)))
                continue
            if check_types and not type_ok(value):
                problems.append(Problem(row.get("doc_id"), f"{name}: {value!r} is not {table.column(name).type} in row "
                                                           f"{where(row)}", made_from(row)))
            elif allowed is not None and value not in allowed:
                problems.append(Problem(row.get("doc_id"), f"{name}: value {value!r} not allowed in row {where(row)}",
                                        made_from(row)))
    seen: dict[tuple, dict] = {}
    for row in rows:
        key = tuple(row.get(k) for k in table.key)
        if key in seen:
            problems.append(Problem(row.get("doc_id"), f"key {table.key} not unique: {key} in row {where(row)}",
                                    made_from(seen[key]) + made_from(row)))
        seen[key] = row
    if table.has_span and texts is not None:
        for row in rows:
            doc_id = row.get("doc_id")
            text = texts.get(doc_id) if isinstance(doc_id, str) else None
            start, end = row.get("char_start"), row.get("char_end")
            if text is None or not isinstance(start, int) or not isinstance(end, int) or not (0 <= start < end <= len(text)):
                problems.append(Problem(doc_id, f"span {start}:{end} outside the document's text in row {where(row)}"))
                continue
            if table.mention and text[start:end] != row.get(table.mention):
                # a fact is never guessed: its span must reproduce the mention it reports
                problems.append(Problem(doc_id, f"span {start}:{end} reads {text[start:end]!r}, not the {table.mention} "
                                                f"{row.get(table.mention)!r}, in row {where(row)}"))
            if pages is not None:
                page = pages.get((doc_id, row.get("page")))  # type: ignore[arg-type]
                if page is None or not (page[0] <= start < page[1]):
                    problems.append(Problem(doc_id, f"span {start}:{end} does not start on page {row.get('page')} "
                                                    f"in row {where(row)}"))
    return problems


def _raise(name: str, problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(f"table {name} fails validation:\n  " + "\n  ".join(p.message for p in problems[:20]),
                              sorted({p.doc_id for p in problems if p.doc_id is not None}
                                     | {d for p in problems for d in p.made_from}))


def validate(table: Table, data: pa.Table, texts: dict[str, str] | None = None,
             pages: dict[tuple[str, int], tuple[int, int]] | None = None) -> None:
    """Types come from the schema; check nullability, vocabularies, keys and spans (each inside its
    document, starting on its page, and reproducing its mention)."""
    if (texts is None or not table.has_span) and _columns_pass(table, data):
        return  # nothing row by row could find
    # the rows came through pyarrow, so their types are the schema's already
    _raise(table.name, row_problems(table, data.to_pylist(), texts, pages, check_types=False))


# Key columns whose values Arrow and Python call equal alike (floats are not: 0.0 and -0.0, NaN)
_EXACT_TYPES = (pa.types.is_string, pa.types.is_large_string, pa.types.is_integer, pa.types.is_date,
                pa.types.is_boolean)


def _columns_pass(table: Table, data: pa.Table) -> bool:
    """Whether the whole table passes the row checks of nullability, allowed values and unique keys, decided
    column by column in Arrow (a tenth of the time of reading every row back into Python). False is no
    verdict: the rows are then checked one by one, which says what is wrong and where."""
    import pyarrow.compute as pc

    for column in table.columns:
        values = data.column(column.name)
        if not column.nullable and values.null_count:
            return False
        if column.allowed and not pa.types.is_list(column.type) and values.length() > values.null_count \
                and not pc.all(pc.is_in(values.drop_null(), value_set=pa.array(list(column.allowed), column.type))).as_py():
            return False
    if table.key and data.num_rows > 1:
        if not all(any(exact(data.schema.field(k).type) for exact in _EXACT_TYPES) for k in table.key):
            return False
        distinct = data.select(list(table.key)).group_by(list(table.key)).aggregate([]).num_rows
        if distinct != data.num_rows:
            return False
    return True


# The fact table each kind of mention points into.
MENTION_TABLES = {"rating": "ratings", "score": "scores", "percentage": "percentages", "date": "dates",
                  "recommendation": "recommendations"}


def mention_problems(mentions: list[dict], fact_ids: dict[str, set]) -> list[Problem]:
    """A mention that became a fact names a fact that exists; a set-aside one says why."""
    problems = []
    for row in mentions:
        if row["decision"] == "fact":
            if row["fact_id"] not in fact_ids.get(row["fact_type"], set()):
                problems.append(Problem(row["doc_id"], f"mention {row['mention_id']} in {row['doc_id']} names fact "
                                        f"{row['fact_id']!r}, which is not in {MENTION_TABLES.get(row['fact_type'])}"))
        elif not row["reason"]:
            problems.append(Problem(row["doc_id"], f"mention {row['mention_id']} in {row['doc_id']} was set aside "
                                                   "without a reason"))
    return problems


def validate_mentions(built: dict[str, pa.Table]) -> None:
    if "mentions" not in built:
        return
    if _mentions_pass(built):
        return  # nothing row by row could find
    fact_ids = {name: set(built[table].column("fact_id").to_pylist())
                for name, table in MENTION_TABLES.items() if table in built}
    _raise("mentions", mention_problems(built["mentions"].to_pylist(), fact_ids))


# The tables a worker fills for one document, checked there before its rows leave it.
DOCUMENT_TABLES = ("documents", "pages", "ratings", "scores", "percentages", "dates", "recommendations", "mentions")


def document_text(rows: dict[str, list[dict]]) -> str:
    """One document's canonical text, put together again from its pages' rows."""
    return "".join(p["text"] for p in sorted(rows.get("pages", []), key=lambda p: p.get("page", 0))
                   if isinstance(p.get("text"), str))


def document_problems(rows: dict[str, list[dict]], text: str) -> list[str]:
    """What is wrong with one document's rows (an empty list when nothing is): the checks the run makes on
    every table, made on this document alone, so that a fault shows as this document's error."""
    doc_ids = {row.get("doc_id") for table_rows in rows.values() for row in table_rows}
    texts = {doc_id: text for doc_id in doc_ids if isinstance(doc_id, str)}
    pages = {(p["doc_id"], p["page"]): (p["char_start"], p["char_end"]) for p in rows.get("pages", [])
             if isinstance(p.get("page"), int) and isinstance(p.get("char_start"), int) and isinstance(p.get("char_end"), int)}
    problems: list[Problem] = []
    for name in DOCUMENT_TABLES:
        if name in rows:
            problems += row_problems(TABLES[name], rows[name], texts, pages if name != "pages" else None,
                                     columns_present_only=True)
    fact_ids = {kind: {row.get("fact_id") for row in rows.get(table, [])} for kind, table in MENTION_TABLES.items()}
    problems += mention_problems(rows.get("mentions", []), fact_ids)
    return [p.message for p in problems]


def write_parquet(data: pa.Table, path: str) -> None:
    """One table as Parquet, with its column descriptions (the output folder's writer puts it in place)."""
    pq.write_table(data, path, compression="zstd", write_statistics=True)


def read(out_dir: str, name: str) -> pa.Table:
    return pq.read_table(os.path.join(out_dir, f"{name}.parquet"), schema=TABLES[name].schema)


def _mentions_pass(built: dict[str, pa.Table]) -> bool:
    """Whether every mention passes mention_problems, decided column by column in Arrow; False is no verdict."""
    import pyarrow.compute as pc

    mentions = built["mentions"]
    if mentions.column("decision").null_count:
        return False
    fact = pc.equal(mentions.column("decision"), "fact")
    facts = mentions.filter(fact)
    for fact_type in facts.column("fact_type").unique().to_pylist():
        table = MENTION_TABLES.get(fact_type)
        if table is None or table not in built:
            return False
        named = facts.filter(pc.equal(facts.column("fact_type"), fact_type)).column("fact_id")
        if named.null_count or not pc.all(pc.is_in(named, value_set=built[table].column("fact_id"))).as_py():
            return False
    reasons = mentions.filter(pc.invert(fact)).column("reason")
    return not reasons.null_count and not pc.any(pc.equal(reasons, "")).as_py()

