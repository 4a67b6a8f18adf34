"""One module per kind of fact. Each exposes VERSION and a pure ``extract(doc)``."""

from __future__ import annotations

from extractors import dates, document, percentages, ratings, recommendations, scores

EXTRACTORS = {
    "ratings": ratings,
    "scores": scores,
    "percentages": percentages,
    "dates": dates,
    "recommendations": recommendations,
}


def versions() -> dict[str, str]:
    """Every extractor's version, as written into each row's extractor_version."""
    out = {name: module.VERSION for name, module in EXTRACTORS.items()}
    out["documents"] = document.VERSION
    return out
