"""What each run did, for a person reading back and for a monitor: a history, a summary, a log.

In the out folder: ``runs.jsonl`` gets one line per run of ``fetch`` and ``extract`` (run id, start and end,
what was new, fetched, failed, the exit code); ``last-fetch.json`` and ``last-extract.json`` hold the latest
run's summary as one JSON object a monitor can alert on (``exit_code`` not 0, ``failed`` above 0); and
``logs/hmip.log`` has every message of every run with its time and level.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
from collections.abc import Iterator

HISTORY = "runs.jsonl"
LOG = os.path.join("logs", "hmip.log")
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def record_run(out_dir: str, command: str, started: dt.datetime, summary: dict) -> dict:
    """Append the run to the history and write it as the latest summary of its command; the record."""
    from pipeline.store.cache import write_text_atomic

    ended = now()
    record = {"run_id": f"{command}-{started:%Y%m%dT%H%M%SZ}-{os.getpid()}", "command": command,
              "started": started.isoformat(), "ended": ended.isoformat(),
              "seconds": round((ended - started).total_seconds(), 3), **summary}
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, HISTORY), "a", encoding="utf-8") as handle:
        handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    write_text_atomic(os.path.join(out_dir, f"last-{command}.json"), json.dumps(record, ensure_ascii=False, indent=1))
    return record


@contextlib.contextmanager
def log_file(out_dir: str) -> Iterator[None]:
    """Every message of the "hmip" loggers, with its time and level, appended to <out>/logs/hmip.log."""
    path = os.path.join(out_dir, LOG)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:  # an out folder that cannot be written is reported by the run itself
        yield
        return
    handler.setFormatter(logging.Formatter(FORMAT, "%Y-%m-%dT%H:%M:%S"))
    handler.setLevel(logging.INFO)
    logger = logging.getLogger("hmip")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        handler.close()
