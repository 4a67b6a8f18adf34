"""Versions that decide what must be redone; cheap to compute (no heavy imports).

A fingerprint of the code that makes facts guards against a forgotten VERSION
bump: any change to an extractor, the patterns or the parser re-extracts.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The code whose change alters the facts.
FACT_CODE = ("extractors", "models/patterns.py", "models/facts.py", "models/document.py", "models/vocabulary.py",
             "models/frameworks.py",
             "pipeline/parse.py", "pipeline/worker.py")
# The code that derives tables from the facts (checks, inspections, schemas, writer).
DERIVED_CODE = ("pipeline/checks.py", "pipeline/inspections.py", "pipeline/tables.py", "models/rules.py",
                "models/service_areas.py",
                "models/schemas.py", "pipeline/run.py")


def code_fingerprint(entries: tuple[str, ...] = FACT_CODE) -> str:
    digest = hashlib.sha256()
    for entry in entries:
        path = ROOT / entry
        for file in sorted(path.glob("*.py")) if path.is_dir() else [path]:
            digest.update(file.name.encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def derived_fingerprint() -> str:
    """Changes when the tables derived from the facts would change."""
    return code_fingerprint(DERIVED_CODE)


def current_versions() -> dict[str, str]:
    """Loader versions and the extractor code's fingerprint, without importing spaCy, pdfplumber or pyarrow."""
    from pipeline.load_pdf import LOADER_VERSION
    from pipeline.worker import HTML_LOADER_VERSION, TEXT_LOADER_VERSION

    return {"code": code_fingerprint(), "pdf": LOADER_VERSION, "txt": TEXT_LOADER_VERSION,
            "html": HTML_LOADER_VERSION}
