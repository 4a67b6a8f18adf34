"""The one tokenizer: spaCy's blank English pipeline (no model is loaded), built once per process.

The sentence reader (pipeline/extract/parse.py) splits the words that may end a sentence with it, and the
extractors' matchers (extractors/matching.py) match labels and areas over its tokens: both take it from here,
below them, so that a process builds it once and neither imports the other.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def nlp() -> Any:
    import spacy

    pipeline = spacy.blank("en")
    pipeline.max_length = 5_000_000
    return pipeline
