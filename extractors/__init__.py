"""One module per kind of fact. Each exposes VERSION and a pure ``extract(doc)``."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extractors import dates, document, percentages, ratings, recommendations

EXTRACTORS = {
    "ratings": ratings,
    "percentages": percentages,
    "dates": dates,
    "recommendations": recommendations,
}

_ROOT = Path(__file__).resolve().parent.parent
# The code whose change alters the facts; its hash guards against a forgotten VERSION bump.
_FACT_CODE = ("extractors", "models/patterns.py", "models/facts.py", "pipeline/parse.py")


# The code that derives tables from the facts (checks, inspections, schemas, writer).
_DERIVED_CODE = ("pipeline/checks.py", "pipeline/inspections.py", "pipeline/tables.py", "models/rules.py",
                 "models/schemas.py")


def code_fingerprint(entries: tuple[str, ...] = _FACT_CODE) -> str:
    digest = hashlib.sha256()
    for entry in entries:
        path = _ROOT / entry
        for file in sorted(path.glob("*.py")) if path.is_dir() else [path]:
            digest.update(file.name.encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def versions() -> dict[str, str]:
    """Every extractor's version: a change re-extracts every document."""
    out = {name: module.VERSION for name, module in EXTRACTORS.items()}
    out["documents"] = document.VERSION
    out["code"] = code_fingerprint()
    return out


def derived_fingerprint() -> str:
    """Changes when the tables derived from the facts would change."""
    return code_fingerprint(_DERIVED_CODE)
