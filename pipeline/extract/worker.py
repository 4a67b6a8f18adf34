"""Per-document work: bytes in, table rows out. Pure: no paths, no shared state.

Everything a worker process needs is in its arguments, so the same function
runs in a local process pool or on a Dask cluster.
"""

from __future__ import annotations

import datetime as dt
import gc
from dataclasses import asdict
from typing import Any

from loaders import LoadedDocument, LoadError, load_bytes, loader_version
from models.vocabulary import Scope


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def extract_rows(doc_id: str, loaded: LoadedDocument, sentence_cache: str | None = None,
                 pdf_engine: str | None = None) -> dict[str, list[dict]]:
    """Run every extractor over one loaded document; rows per table (JSON-safe)."""
    from extractors import EXTRACTORS, document
    from models.facts import fact_row, make_ids_unique, mention_row
    from models.frameworks import standard_for
    from pipeline.extract.parse import parse
    from pipeline.store import cache

    sentences = None
    if sentence_cache:
        cached = cache.read_entry(sentence_cache, cache.sentences_checker(len(loaded.text)))
        sentences = [(start, end) for start, end in cached] if cached is not None else None
    doc = parse(doc_id, loaded, sentences)
    if sentence_cache and sentences is None:
        cache.write_entry(sentence_cache, [[s.start, s.end] for s in doc.sentences])
    extractions = {name: module.extract(doc) for name, module in EXTRACTORS.items()}
    rows: dict[str, list[dict]] = {"mentions": []}
    for name, module in EXTRACTORS.items():
        found = extractions[name]
        fact_ids: dict[int, str] = {}
        table_rows = []
        for fact in found.facts:
            row = fact_row(fact, doc_id, name, module.VERSION)
            table_rows.append({k: _jsonable(v) for k, v in row.items()})
        make_ids_unique(table_rows, "fact_id")
        for fact, row in zip(found.facts, table_rows, strict=True):
            fact_ids[id(fact)] = row["fact_id"]
        rows[name] = table_rows
        rows["mentions"] += [{k: _jsonable(v) for k, v in mention_row(m, doc_id, module.VERSION, fact_ids).items()}
                             for m in found.mentions]
        found.mentions.clear()  # now rows: a long document's candidates are not held twice
    make_ids_unique(rows["mentions"], "mention_id")
    facts = {name: found.facts for name, found in extractions.items()}
    summary = document.summarise(doc, facts["ratings"], facts["dates"], facts["recommendations"])
    for row in rows["ratings"]:
        # The standard a rating judges, in the document's framework: the key that joins across frameworks.
        standard = standard_for(summary.framework, row["scope"], row["code"], row["subject"])
        row["framework"] = summary.framework if row["scope"] != Scope.PREVIOUS else "unknown"
        row["standard_key"] = standard.key if standard else None
        row["standard_name"] = standard.name if standard else None
    rows["documents"] = [{
        **{k: _jsonable(v) for k, v in asdict(summary).items()},
        "doc_id": doc_id,
        "source_format": loaded.source_format,
        "encoding": loaded.encoding,
        "page_count": len(loaded.pages),
        "load_notes": list(loaded.notes),
        "char_count": len(loaded.text),
        "extractor_version": document.VERSION,
    }]
    read_by = loader_version("." + loaded.source_format, pdf_engine)
    rows["pages"] = [
        {"doc_id": doc_id, "page": p.number, "char_start": p.char_start, "char_end": p.char_end,
         "text": loaded.text[p.char_start : p.char_end], "removed": list(p.removed), "engine": p.engine,
         "extractor_version": read_by}
        for p in loaded.pages
    ]
    return rows


# Outcomes that depend on the moment, not on the file: never cached, retried by the next run.
TRANSIENT = ("timeout", "file_vanished", "file_changed", "worker_crashed", "memory", "interrupted")


def process_document(task: dict) -> dict:
    """One document, start to end. Returns {"rows": ...} or {"error": {...}}.

    task: doc_id, sha (of the bytes planned), suffix, path (absolute, to read), and the cache files:
    text_cache, sentence_cache, rows_cache (written here, in the worker).
    """
    from pipeline.store import cache

    result = _process(task)
    error_kind = result.get("error", {}).get("error_kind")
    if task.get("rows_cache") and error_kind not in TRANSIENT:
        cache.write_entry(task["rows_cache"], result)
    return result


def read_bytes(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def preload_text(task: dict) -> bool:
    """Load one document and cache its text, nothing more: run ahead of the workers while the run is still
    importing what extraction needs (``pipeline.extract.run``). A failure is left to the document's own task, which
    meets it again and records it. True when the text is cached."""
    try:
        data = _read_checked(task)
        if not isinstance(data, bytes):
            return False
        _load_bytes(task, data)
        return True
    except Exception:  # recorded by the document's own task, not here
        return False


def _cached_text(task: dict) -> LoadedDocument | None:
    """The text cache's entry, when this run may read it: not under --full, unless written in this run."""
    from pipeline.store import cache

    text_cache = task.get("text_cache")
    if not text_cache or not (task.get("read_cache", True) or task.get("text_fresh")):
        return None
    cached = cache.read_entry(text_cache, cache.check_text)
    return LoadedDocument.from_json(cached) if cached is not None else None


def _read_checked(task: dict) -> bytes | dict:
    """The file's bytes, or an error result when it is gone or no longer the bytes the run planned."""
    import hashlib

    try:
        data = read_bytes(task["path"])
    except FileNotFoundError:
        return {"error": {"stage": "read", "error_kind": "file_vanished",
                          "message": "the file was deleted or moved during the run"}}
    if task.get("sha") and hashlib.sha256(data).hexdigest() != task["sha"]:
        # Parsed bytes must be the bytes whose hash keys the cache: a file edited since the run
        # looked at it is retried by the next run, never cached under the old hash.
        return {"error": {"stage": "read", "error_kind": "file_changed",
                          "message": "the file changed while the run was reading it; the next run reads it again"}}
    return data


def _load_bytes(task: dict, data: bytes) -> LoadedDocument:
    """Canonical text from the bytes, cached for the next run (and for this one's worker, when run ahead)."""
    from pipeline.store import cache

    # pdfminer makes millions of short-lived objects and few cycles: the
    # collector only costs time during a parse (memory stays under the worker's limit).
    gc.disable()
    try:
        loaded = load_bytes(task["suffix"], data, task.get("pdf_engine"))
    finally:
        gc.enable()
    if task.get("text_cache"):
        cache.write_entry(task["text_cache"], loaded.to_json())
    return loaded


def row_problems_of(rows: dict[str, list[dict]]) -> list[str]:
    """What is wrong with one document's rows against the tables' declarations (an empty list when nothing is),
    checked here, in the worker, so that every core shares the checking (the run checks the whole set again)."""
    from pipeline.store.tables import document_problems, document_text

    return document_problems(rows, document_text(rows))


def _process(task: dict) -> dict:
    doc_id = task["doc_id"]
    stage = "read"
    try:
        loaded = _cached_text(task)
        if loaded is None:
            data = _read_checked(task)
            if isinstance(data, dict):
                return data
            stage = "load"
            loaded = _load_bytes(task, data)
        stage = "extract"
        sentence_cache = task.get("sentence_cache") if task.get("read_cache", True) else None
        rows = extract_rows(doc_id, loaded, sentence_cache, task.get("pdf_engine"))
        return {"rows": rows, "notes": loaded.notes, "problems": row_problems_of(rows)}
    except LoadError as exc:
        return {"error": {"stage": stage, "error_kind": exc.kind, "message": exc.message}}
    except MemoryError:
        return {"error": {"stage": stage, "error_kind": "memory", "message": "ran out of memory"}}
    except Exception as exc:  # a bug or an unforeseen file: recorded, never fatal
        import traceback

        return {"error": {"stage": stage, "error_kind": "internal_error",
                          "message": f"{type(exc).__name__}: {exc}",
                          "traceback": "".join(traceback.format_exception(exc))}}
