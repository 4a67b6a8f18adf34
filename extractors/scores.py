"""Scores stated for the service: "Score 13/36", "a score of 34 out of 36", "scored 33/36".

Every "N out of M", "N/M" and "score of N" is a candidate. The 2018 framework scores
a service out of 36 (three points for each of twelve standards), so a count out of 36,
or one the text calls a score, is a score; other counts ("one out of four stars",
"seven out of 12 areas", "one out of nine cases") are set aside.
"""

from __future__ import annotations

import regex

from models.document import Document
from models.facts import Extraction, Mention, Score
from models.patterns import SCORE_CANDIDATE, SCORE_WORD_BEFORE

VERSION = "scores/4"

_CANDIDATE = regex.compile(SCORE_CANDIDATE, regex.IGNORECASE)
_SCORE_WORD = regex.compile(SCORE_WORD_BEFORE, regex.IGNORECASE)
# Maxima a service is scored out of: the 2018 framework's twelve standards, three points each.
SCORE_MAXIMA = (36,)
# What a score is for, when it is not the service or its inspection: "... out of 10 for staff wellbeing"
_FOR_SOMETHING_ELSE = regex.compile(r"\s*(?:points?\s+)?for\s+(?!(?:the\s+|its\s+|this\s+)?(?:service|YOT|YJS|YOS|overall"
                                    r"|inspection|work|youth)\b)\w", regex.IGNORECASE)


def extract(doc: Document) -> Extraction[Score]:
    facts, mentions = _read(doc)
    return Extraction(list(facts), list(mentions))


def stated(doc: Document) -> tuple[Score, ...]:
    """The scores the document states (read once per document: the ratings reader attaches them to the
    overall rating, the document's framework is told by a score out of 36)."""
    return _read(doc)[0]


def _read(doc: Document) -> tuple[tuple[Score, ...], tuple[Mention, ...]]:
    if "scores" not in doc.memo:
        doc.memo["scores"] = _scan(doc)
    found: tuple[tuple[Score, ...], tuple[Mention, ...]] = doc.memo["scores"]
    return found


def _scan(doc: Document) -> tuple[tuple[Score, ...], tuple[Mention, ...]]:
    facts: list[Score] = []
    mentions: list[Mention] = []
    for match in _CANDIDATE.finditer(doc.text):
        value, maximum = int(match.group("score")), int(match.group("max"))
        start, end = match.span("mention")
        span = doc.span(start, end)
        text = doc.text[start:end]
        before = doc.text[max(0, start - 40) : start]
        named = bool(_SCORE_WORD.search(before)) or bool(match.group("word"))
        if value > maximum or maximum < 10 or not (maximum in SCORE_MAXIMA or named) or (
                maximum not in SCORE_MAXIMA and _FOR_SOMETHING_ELSE.match(doc.text, end)):
            # (a score out of another maximum for something else is that thing's: "It scored 8 out of 10 for staff
            # wellbeing" is a survey's)
            mentions.append(Mention("score", text, span, "set_aside", reason="not_a_score"))
            continue
        fact = Score("Overall", value, maximum, text, span)
        facts.append(fact)
        mentions.append(Mention("score", text, span, "fact", rule="score_word" if named else "out_of_36", fact=fact))
    return tuple(facts), tuple(mentions)
