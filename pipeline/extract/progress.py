"""A progress bar on stderr (tqdm), only when a person is watching."""

from __future__ import annotations

import sys
from typing import Any, TextIO


class Progress:
    def __init__(self, total: int, enabled: bool = True, stream: TextIO = sys.stderr) -> None:
        self.total = total
        self.enabled = enabled and total > 0 and hasattr(stream, "isatty") and stream.isatty()
        self.bar: Any = None
        if self.enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=total, file=stream, unit="doc", dynamic_ncols=True, leave=True)

    def advance(self, label: str = "") -> None:
        if self.bar is not None:
            self.bar.set_postfix_str(label[-40:], refresh=False)
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
