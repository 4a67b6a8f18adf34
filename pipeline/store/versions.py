"""Versions that decide what must be redone; cheap to compute (no heavy imports).

A fingerprint of the code that makes facts guards against a forgotten VERSION
bump: any change to an extractor, the patterns or the parser re-extracts.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The code whose change alters the facts.
FACT_CODE = ("extractors", "models/patterns.py", "models/facts.py", "models/document.py", "models/vocabulary.py",
             "models/frameworks.py", "models/constructions.py", "models/register.py", "models/tokens.py",
             "models/data/local_authorities.csv", "models/data/joint_youth_justice_services.csv",
             "pipeline/extract/parse.py", "pipeline/extract/worker.py")
# The code that derives tables from the facts (checks, inspections, catalogue, schemas, writer).
DERIVED_CODE = ("pipeline/derive", "pipeline/store/tables.py", "models/rules.py", "models/service_areas.py",
                "models/schemas.py", "pipeline/extract/run.py")


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


def current_versions(pdf_engine: str | None = None) -> dict[str, str]:
    """Loader versions (for PDF: the engine's, with its library's) and the extractor code's fingerprint,
    without importing spaCy, the PDF libraries or pyarrow."""
    from loaders import loader_version

    return {"code": code_fingerprint(), "pdf": loader_version(".pdf", pdf_engine), "txt": loader_version(".txt"),
            "html": loader_version(".html")}
