"""The output folder: one writer at a time, a manifest that is checked when read, and a table set that changes
as one.

- A lock: an OS-level lock on ``.lock`` (``flock``, through filelock), which the kernel releases when the
  process holding it dies however it dies; the file itself means nothing, so a crash leaves nothing to delete.
- The manifest (``manifest.json``) records every raw file's fingerprint, the versions that made the tables,
  the last run's summary, and each table's size and SHA-256. It is written last, after every table is in
  place, and checked when read: one of the wrong shape is set aside (the run rebuilds what it needs).
- The table set: every table is first written beside the old ones; only when all are written are they
  renamed into place (renames need no room), with Ctrl-C and SIGTERM held back meanwhile. A failed write
  leaves the old set whole. A set left mixed by a kill during the renames, or a table truncated or replaced
  since, no longer matches the manifest: the next run sees it and rewrites the set from its cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator
from typing import Any

log = logging.getLogger("hmip")

MANIFEST = "manifest.json"
LOCK = ".lock"
# Room asked for before any work starts: twice the tables already there, and never less than this.
MIN_FREE_BYTES = 64 * 1024 * 1024


class EnvironmentProblem(Exception):
    """The run cannot go on for a reason outside the documents (exit code 2): one line says which."""


class LockHeld(EnvironmentProblem):
    pass


def separate_folders(raw_dir: str, out_dir: str) -> None:
    """The raw and output folders are apart: one inside the other would read the tables as documents, or count
    the documents' folder as output."""
    raw, out = os.path.realpath(raw_dir), os.path.realpath(out_dir)
    if raw == out:
        raise EnvironmentProblem(f"the raw folder and the output folder are the same ({raw_dir}): give them two folders")
    if out.startswith(raw + os.sep):
        raise EnvironmentProblem(f"the output folder {out_dir} is inside the raw folder {raw_dir}: put it beside it")
    if raw.startswith(out + os.sep):
        raise EnvironmentProblem(f"the raw folder {raw_dir} is inside the output folder {out_dir}: put it beside it")


def prepare(out_dir: str) -> None:
    """The out folder exists (made if need be), is a folder, is writable and has room; else one line why."""
    if os.path.exists(out_dir) and not os.path.isdir(out_dir):
        raise EnvironmentProblem(f"the output path is not a folder: {out_dir}")
    try:
        os.makedirs(out_dir, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out_dir, prefix=".write-check-"):
            pass
    except OSError as exc:
        raise EnvironmentProblem(f"cannot write to the output folder {out_dir}: {exc.strerror or exc}") from None
    existing = sum(os.path.getsize(os.path.join(out_dir, name)) for name in os.listdir(out_dir)
                   if name.endswith(".parquet"))
    needed = max(MIN_FREE_BYTES, 2 * existing)
    free = shutil.disk_usage(out_dir).free
    if free < needed:
        raise EnvironmentProblem(f"not enough room in {out_dir}: {free // 2**20} MB free, "
                                 f"{needed // 2**20} MB needed")


def clear_leftovers(out_dir: str) -> None:
    """Files an interrupted run left aside (tables and cache entries half written). Call with the lock held."""
    for root, _, names in os.walk(out_dir):
        for name in names:
            if name.endswith((".tmp", ".new")):
                with contextlib.suppress(OSError):
                    os.remove(os.path.join(root, name))


@contextlib.contextmanager
def locked(out_dir: str, wait: bool = True, notify: Callable[[str], None] = log.warning) -> Iterator[None]:
    """Hold the out folder's lock; wait for another run to finish, or raise LockHeld when not waiting."""
    from filelock import FileLock, Timeout

    lock = FileLock(os.path.join(out_dir, LOCK))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if not wait:
            raise LockHeld(f"another run is writing to {out_dir}; not waiting (--no-wait)") from None
        notify(f"another run is writing to {out_dir}; waiting for it to finish")
        lock.acquire()
    try:
        yield
    finally:
        lock.release()


# ------------------------------------------------------------------ the manifest

def _is_file_entry(entry: Any) -> bool:
    return (isinstance(entry, dict) and isinstance(entry.get("size"), int) and isinstance(entry.get("mtime_ns"), int)
            and isinstance(entry.get("sha256"), str) and len(entry["sha256"]) == 64)


def _check_manifest(manifest: Any) -> str | None:
    """Why this is not a manifest this program wrote, or None."""
    if not isinstance(manifest, dict):
        return "not a JSON object"
    if not isinstance(manifest.get("versions"), dict) or not isinstance(manifest.get("files"), dict):
        return "no versions or files"
    if not all(isinstance(k, str) and _is_file_entry(v) for k, v in manifest["files"].items()):
        return "a file entry of the wrong shape"
    summary = manifest.get("summary")
    if summary is not None and not (isinstance(summary, dict) and isinstance(summary.get("rows"), dict)
                                    and isinstance(summary.get("errors"), list)
                                    and isinstance(summary.get("failed_checks"), list)):
        return "a summary of the wrong shape"
    tables = manifest.get("tables")
    if tables is not None and not (isinstance(tables, dict) and all(
            isinstance(v, dict) and isinstance(v.get("size"), int) and isinstance(v.get("sha256"), str)
            for v in tables.values())):
        return "table checksums of the wrong shape"
    return None


EMPTY_MANIFEST: dict = {"versions": {}, "files": {}}


def load_manifest(out_dir: str) -> dict:
    """The last run's manifest; an empty one when there is none or it is not one this program wrote."""
    path = os.path.join(out_dir, MANIFEST)
    try:
        with open(path, encoding="utf-8") as handle:
            manifest = json.load(handle)
    except FileNotFoundError:
        return dict(EMPTY_MANIFEST)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        log.warning("manifest %s is unreadable (%s): set aside, the tables are rebuilt", path, exc)
        return dict(EMPTY_MANIFEST)
    why = _check_manifest(manifest)
    if why is not None:
        log.warning("manifest %s is not valid (%s): set aside, the tables are rebuilt", path, why)
        return dict(EMPTY_MANIFEST)
    return manifest


def write_manifest(out_dir: str, manifest: dict) -> None:
    from pipeline.store.cache import write_text_atomic

    write_text_atomic(os.path.join(out_dir, MANIFEST), json.dumps(manifest, ensure_ascii=False, indent=1))


# ------------------------------------------------------------------ the table set

def file_state(path: str) -> dict[str, Any]:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return {"size": os.path.getsize(path), "sha256": digest.hexdigest()}


def mismatched_tables(out_dir: str, expected: dict[str, dict]) -> list[str]:
    """Tables that are missing or differ from what the manifest recorded (size first, then content)."""
    wrong = []
    for name, state in sorted(expected.items()):
        path = os.path.join(out_dir, f"{name}.parquet")
        try:
            if os.path.getsize(path) != state["size"] or file_state(path)["sha256"] != state["sha256"]:
                wrong.append(name)
        except OSError:
            wrong.append(name)
    return wrong


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block is done (they are delivered after it)."""
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


# Tables written at once (threads)
WRITERS = 2


def write_table_set(out_dir: str, tables: dict[str, Any], write: Callable[[Any, str], None],
                    commit: Callable[[dict[str, dict]], None]) -> dict[str, dict]:
    """Write every table aside, then put them all in place and call ``commit`` with the state (size, SHA-256)
    of each (to write the manifest); Ctrl-C and SIGTERM wait until both are done.

    A failure while writing (a full disk, a file-size limit) removes what was written aside and raises
    EnvironmentProblem: the old set stays whole.
    """
    from concurrent.futures import ThreadPoolExecutor

    staged = {name: os.path.join(out_dir, f".{name}.parquet.{os.getpid()}.new") for name in tables}
    try:
        # Two at a time: Parquet's encoder and compressor release the GIL, so one table is compressed while the
        # next is encoded (the 19 tables of the benchmark's run: 38 -> 26 ms). Leaving the block waits for every write, so
        # nothing is still being written when a failure removes what was staged.
        with ThreadPoolExecutor(max_workers=WRITERS) as writers:
            for written in [writers.submit(write, data, staged[name]) for name, data in tables.items()]:
                written.result()
        states = {name: file_state(path) for name, path in staged.items()}
    except BaseException as exc:  # a full disk, a file-size limit, Ctrl-C: nothing of this run stays
        for path in staged.values():
            with contextlib.suppress(OSError):
                os.remove(path)
        if isinstance(exc, OSError):
            raise EnvironmentProblem(f"could not write the tables to {out_dir} ({exc.strerror or exc}); "
                                     "the previous tables are intact") from None
        raise
    with _signals_held():
        for name, path in staged.items():
            os.replace(path, os.path.join(out_dir, f"{name}.parquet"))
        commit(states)
    return states
