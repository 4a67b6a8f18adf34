"""One module per kind of fact. Each exposes VERSION and a pure ``extract(doc)``."""

from extractors import dates, document, percentages, ratings, recommendations

EXTRACTORS = {
    "ratings": ratings,
    "percentages": percentages,
    "dates": dates,
    "recommendations": recommendations,
}


def versions() -> dict[str, str]:
    """Every extractor's version: a change re-extracts every document."""
    out = {name: module.VERSION for name, module in EXTRACTORS.items()}
    out["documents"] = document.VERSION
    return out
