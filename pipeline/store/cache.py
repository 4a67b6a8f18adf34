"""Checked cache entries: what a run wrote is trusted by the next one only if it is whole and well formed.

Every entry of ``.cache/`` (a document's canonical text, its sentence boundaries, its rows) is one file:
a header line with the payload's SHA-256, then the payload as JSON. Reading one checks the checksum, then
the payload's shape (and, for sentences and rows, that every span lies inside the text). An entry that is
missing, truncated, garbled or of the wrong shape is logged, removed and rebuilt: a bad cache entry is never
fatal and never believed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterator
from typing import Any

import orjson

log = logging.getLogger("hmip.cache")

FORMAT = "hmip-cache/1"


class InvalidEntry(ValueError):
    """A cache entry or manifest that is not what its writer wrote."""


def _header(digest: str) -> str:
    return json.dumps({"format": FORMAT, "sha256": digest})


_ROWS_PER_PIECE = 2000


def _json_pieces(payload: Any) -> Iterator[bytes]:
    """The payload's JSON (as orjson writes it: UTF-8, no spaces) in pieces of at most a few thousand list items: a
    dict's lists (a document's rows by table) item by item in batches, anything else whole."""
    if not isinstance(payload, dict):
        yield orjson.dumps(payload)
        return
    yield b"{"
    for number, (key, value) in enumerate(payload.items()):
        yield (b"," if number else b"") + orjson.dumps(key) + b":"
        if not isinstance(value, list) or len(value) <= _ROWS_PER_PIECE:
            yield orjson.dumps(value)
            continue
        yield b"["
        for start in range(0, len(value), _ROWS_PER_PIECE):
            batch = orjson.dumps(value[start : start + _ROWS_PER_PIECE])[1:-1]
            yield (b"," if start else b"") + batch
        yield b"]"
    yield b"}"


def write_entry(path: str, payload: Any) -> None:
    """Write aside, then rename, so a reader sees the whole entry or none.

    The payload is encoded piece by piece straight to the file, hashed as it goes, and the header (of fixed
    width: the digest's 64 hex digits) written last in its place: the rows of a very long document are never
    held in memory a second and third time as one JSON string and its bytes.
    """
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    temporary = f"{path}.{os.getpid()}.tmp"
    digest = hashlib.sha256()
    try:
        with open(temporary, "wb") as handle:
            placeholder = (_header("0" * 64) + "\n").encode()
            handle.write(placeholder)
            for chunk in _json_pieces(payload):
                digest.update(chunk)
                handle.write(chunk)
            header = (_header(digest.hexdigest()) + "\n").encode()
            assert len(header) == len(placeholder)
            handle.seek(0)
            handle.write(header)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


def write_text_atomic(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


def read_entry(path: str, check: Callable[[Any], None] | None = None) -> Any | None:
    """The payload of a valid entry; None when there is none or it was invalid (then it is removed)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        _discard(path, f"unreadable: {exc}")
        return None
    try:
        payload = parse_entry(data)
        if check is not None:
            check(payload)
    except InvalidEntry as exc:
        _discard(path, str(exc))
        return None
    return payload


def parse_entry(data: bytes) -> Any:
    """An entry's payload, from the entry's bytes (the checksum is of the payload's bytes as written: UTF-8)."""
    header_line, _, body = data.partition(b"\n")
    try:
        header = orjson.loads(header_line)
    except orjson.JSONDecodeError:
        raise InvalidEntry("no header line") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise InvalidEntry("not a cache entry of this format")
    if hashlib.sha256(body).hexdigest() != header.get("sha256"):
        raise InvalidEntry("checksum mismatch (truncated or changed)")
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError as exc:  # (bytes that are not UTF-8 too)
        raise InvalidEntry(f"payload is not JSON: {exc}") from None


def _discard(path: str, why: str) -> None:
    log.warning("cache entry %s discarded and rebuilt: %s", path, why)
    with contextlib.suppress(OSError):
        os.remove(path)


def require(condition: bool, why: str) -> None:
    if not condition:
        raise InvalidEntry(why)


# ------------------------------------------------------------------ the shapes of the entries

def check_text(payload: Any) -> None:
    """A loaded document: its text, and pages that tile it."""
    require(isinstance(payload, dict), "not an object")
    text, pages = payload.get("text"), payload.get("pages")
    require(isinstance(text, str) and isinstance(pages, list) and bool(pages), "no text or no pages")
    require(payload.get("source_format") in ("txt", "pdf", "html"), "unknown source format")
    position = 0
    for page in pages:
        require(isinstance(page, list) and len(page) == 5, "a page is not [number, start, end, removed, engine]")
        number, start, end, removed, engine = page
        require(all(isinstance(v, int) for v in (number, start, end)) and isinstance(removed, list)
                and (engine is None or isinstance(engine, str)), "a page's fields have the wrong types")
        require(start == position and start <= end, "pages do not tile the text")
        position = end
    require(position == len(text), "pages do not cover the text")
    require(isinstance(payload.get("notes", []), list), "notes are not a list")


def sentences_checker(text_length: int) -> Callable[[Any], None]:
    """Sentence boundaries: in order, not overlapping, inside a text of this length."""

    def check(payload: Any) -> None:
        require(isinstance(payload, list), "not a list")
        previous_end = 0
        for bound in payload:
            require(isinstance(bound, list) and len(bound) == 2 and all(isinstance(v, int) for v in bound),
                    "a sentence is not [start, end]")
            start, end = bound
            require(previous_end <= start < end <= text_length, "sentences out of order or outside the text")
            previous_end = end

    return check


# Columns the run adds when it assembles the tables (they depend on other documents or on the paths).
ASSEMBLED_COLUMNS = frozenset({"source_path", "source_paths", "sha256", "inspection_id", "role_in_inspection",
                               "translation_of", "source_url",
                               "site_published"})


def check_rows(payload: Any) -> None:
    """One document's outcome: its rows per table (each span inside its text), or a recorded error."""
    from models.schemas import TABLES

    require(isinstance(payload, dict), "not an object")
    if "error" in payload:
        error = payload["error"]
        require(isinstance(error, dict) and all(isinstance(error.get(k), str)
                                                for k in ("stage", "error_kind", "message")), "malformed error")
        return
    rows = payload.get("rows")
    require(isinstance(rows, dict) and set(rows) <= set(TABLES), "no rows, or rows of unknown tables")
    require(all(isinstance(table, list) and all(isinstance(r, dict) for r in table) for table in rows.values()),
            "rows are not lists of objects")
    pages = rows.get("pages") or []
    require(bool(pages) and len(rows.get("documents") or []) == 1, "no pages or not one document row")
    length = max(p.get("char_end", -1) for p in pages)
    for name, table in rows.items():
        columns = set(TABLES[name].column_names) - ASSEMBLED_COLUMNS
        for row in table:
            require(columns <= set(row), f"a {name} row lacks columns")
            if "char_start" in row and name != "pages":
                require(0 <= row["char_start"] <= row["char_end"] <= length, f"a {name} span is outside the text")


def sha256_file(path: str) -> str:
    """SHA-256 of a file's bytes, read in 1 MB blocks (a large PDF is never held whole)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
