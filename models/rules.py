"""The Inspectorate's own arithmetic, as data.

Sources: the published youth inspection methodology (2018 standards framework:
ratings bands and the overall score) and the 2012-2017 full joint inspection
scoring approach (printed in each report's appendix, e.g. "80% +  Good").
"""

from __future__ import annotations

# Score points of a standard's rating (2018 framework).
RATING_POINTS: dict[str, int] = {"Inadequate": 0, "Requires improvement": 1, "Good": 2, "Outstanding": 3}

# Overall rating from the overall score out of 36: (lowest score, label), highest first.
SCORE_BANDS_36: tuple[tuple[int, str], ...] = (
    (31, "Outstanding"),
    (19, "Good"),
    (7, "Requires improvement"),
    (0, "Inadequate"),
)

# A standard's rating from its lowest key-question "% 'Yes'": (lowest %, label), highest first.
KEY_QUESTION_BANDS: tuple[tuple[float, str], ...] = (
    (80.0, "Outstanding"),
    (65.0, "Good"),
    (50.0, "Requires improvement"),
    (0.0, "Inadequate"),
)

# A joint-inspection theme's judgement from its case assessment score.
CASE_ASSESSMENT_BANDS: tuple[tuple[float, str], ...] = (
    (80.0, "Good"),
    (65.0, "Satisfactory"),
    (50.0, "Unsatisfactory"),
    (0.0, "Poor"),
)

# Domains whose standards count towards the overall score (resettlement, 4.x, is rated separately).
SCORED_DOMAINS = ("1", "2", "3")

# "Within the case assessment, overall 73% of work to reduce reoffending was done well enough."
CASE_ASSESSMENT_SENTENCE = r"\bcase\s+assessment\b.*\bwell\s+enough\b"

# Documents about one inspection are published close together.
SAME_INSPECTION_DAYS = 120


def band(value: float, bands: tuple[tuple[float, str], ...] | tuple[tuple[int, str], ...]) -> str:
    for lowest, label in bands:
        if value >= lowest:
            return label
    return bands[-1][1]
