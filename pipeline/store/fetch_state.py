"""`hmip fetch`'s state between runs, in the output folder: the files it fetched (the sources table's rows),
the pages it has read, the inspections the site lists (the catalogue), what failed and what to retry.

Here, below both sides: `hmip fetch` writes it, and `hmip extract` reads it to join each fetched file to where
it came from (sources, catalogue) without importing the fetcher.
"""

from __future__ import annotations

import json
import logging
import os

log = logging.getLogger("hmip.fetch")

STATE = "fetch-state.json"


def load_state(out_dir: str) -> dict:
    path = os.path.join(out_dir, STATE)
    try:
        with open(path, encoding="utf-8") as handle:
            state = json.load(handle)
        if isinstance(state, dict) and isinstance(state.get("sources"), list) and isinstance(state.get("pages"), dict):
            return state
        log.warning("%s is not a fetch state this program wrote: set aside", path)
    except FileNotFoundError:
        pass
    except (OSError, ValueError) as exc:
        log.warning("%s is unreadable (%s): set aside", path, exc)
    return {"sources": [], "pages": {}, "errors": [], "retry": []}


def save_state(out_dir: str, state: dict) -> None:
    from pipeline.store.cache import write_text_atomic

    write_text_atomic(os.path.join(out_dir, STATE), json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True))


