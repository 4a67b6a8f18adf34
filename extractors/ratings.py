"""Ratings of the inspected service: overall, domain, standard, theme, previous.

Label-anchored: every mention of a rating label (and every quoted judgement after
"judged as") is a candidate. Ratings tables are read first (``rating_tables``);
each other mention is read in its clause (``rating_sentences``) and either becomes
a fact, restates one, or is set aside with a reason. Every candidate is returned as
a ``Mention``, so a miss can be found without a gold answer.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

import regex

from extractors import document, rating_sentences, rating_tables
from extractors.matching import LabelMatch, find_labels, find_labels_in, label_word_starts
from extractors.occurrence import after_word_boundary
from extractors.rating_sentences import Context, Reading
from extractors.rating_tables import attach_score, table_ratings, theme_key, theme_titles
from models.chief_inspectors import BY_NAME as CHIEF_INSPECTORS_BY_NAME
from models.constructions import REQUIRES_LEVEL
from models.document import Document
from models.facts import Extraction, Mention, Rating
from models.vocabulary import (
    FOUR_POINT,
    JOINT_INSPECTION,
    JUDGED_AS_VERBS,
    Framework,
    ReasonName,
    Scope,
    canonical_label,
    scale_and_rank,
)

VERSION = "ratings/57"

# A quoted judgement off the four scales, kept as written: "judged as ‘Improving’".
_JUDGED_AS_WORDS = (r"(?:" + "|".join(v.replace(" ", r"\s+") for v in JUDGED_AS_VERBS)
                    + r")\s+[‘'\"“](?P<label>[^’'\"”‘“]{2,40})[’'\"”]")
_JUDGED_AS = regex.compile(r"\b" + _JUDGED_AS_WORDS, regex.IGNORECASE)
# On Document.lowered, without the opening \b (checked on each match): a scan that opens on \b is not skipped to
# its first word (a report of 100,000 characters: 1.0 -> 0.35 ms)
_JUDGED_AS_LOWER = re.compile(_JUDGED_AS_WORDS)
_PUNCTUATION = regex.compile(r"[^\w\s]")
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# Band rows of a scoring method: "80% +\tGood", "65% - 79%\tSatisfactory"
_BAND_ROW = regex.compile(r"^\s*(?:[<>≤≥]\s?)?\d{1,3}\s?%\s*(?:\+|[-–]\s*\d{1,3}\s?%)?\s*(?:\t|\s{2,}|$)")


def extract(doc: Document) -> Extraction[Rating]:
    ctx = context(doc)
    mentions: list[Mention] = []
    tables = [] if ctx.sector else table_ratings(doc)
    if any(r.scope == Scope.STANDARD and r.code for r in tables):
        # A report with a standards ratings table (2018 on) judges no themes: "Overall, work to protect the
        # public was good" in its text is a finding, not a 2012-2017 theme judgement.
        ctx = replace(ctx, era="standards_2018" if ctx.era not in (Framework.CHILDREN_AND_VICTIMS_2024,) else ctx.era)
    candidates: list[tuple[Rating | None, Mention]] = []
    for rating in tables:
        candidates.append((rating, Mention("rating", rating.label_text, rating.span, "fact", rule="table_row",
                                           fact=rating)))
    covered = [(r.span.char_start, r.span.char_end) for r in tables]
    titles = theme_titles(doc)
    # A scan of the whole text finds the sentences that may hold a label (most hold none).
    lowered = doc.lowered
    starts = sorted({*label_word_starts(lowered),
                     *(m.start() for m in _JUDGED_AS_LOWER.finditer(lowered) if after_word_boundary(lowered, m.start()))})
    label_sentences = [s for s in doc.sentences
                            if (first := bisect_left(starts, s.start)) < len(starts) and starts[first] < s.end]
    found = find_labels_in(doc.text, [(s.start, s.end) for s in label_sentences])
    for sentence, vocabulary_labels in zip(label_sentences, found, strict=True):
        labels = [m for m in sentence_labels(sentence.text, vocabulary_labels)
                  if not any(s <= sentence.start + m.start < e or s < sentence.start + m.end <= e for s, e in covered)]
        if not labels:
            continue
        readings = rating_sentences.read_sentence(doc, ctx, sentence, labels)
        earlier_required = False
        for label, reading in zip(labels, readings, strict=True):
            start, end = sentence.start + label.start, sentence.start + label.end
            span = doc.span(start, end)
            if reading.reason is not None:
                line = doc.line_at(start)
                if line is not None and _BAND_ROW.match(line.text):
                    reading = Reading.aside("method_band", rule="method_band")
                mentions.append(Mention("rating", doc.text[start:end], span, "set_aside", rule=reading.rule,
                                        reason=reading.reason, detail=reading.detail))
                continue
            # a conjunct that shares the earlier label's verb shares its "required": "requires substantial
            # improvement in X and moderate improvement in Y"
            required = _said_required(sentence.text, label.start, label.end) or (
                earlier_required and reading.rule.split("+")[0] in _SHARES_THE_VERB)
            earlier_required = required
            label_text = canonical_label(label.words, doc.text[start:end], ctx.era, required=required)
            for scope, code, subject in reading.facts:
                if scope == Scope.THEME:
                    # The document's own name for a theme ("Theme 1: Reducing the likelihood of reoffending")
                    subject = titles.get(theme_key(subject) or "", subject)
                scale, rank = scale_and_rank(label_text, scope)
                rating = Rating(scope, code, subject, label_text, scale, rank, doc.text[start:end], span)
                candidates.append((rating, Mention("rating", doc.text[start:end], span, "fact", rule=reading.rule,
                                                   fact=rating)))
    ratings, mentions = merge(candidates, mentions, doc.text)
    ratings = on_one_scale(attach_score(doc, ratings))
    by_key = {_key(r): r for r in ratings}
    final = []
    for mention in mentions:
        if isinstance(mention.fact, Rating):
            mention = replace(mention, fact=by_key.get(_key(mention.fact), mention.fact))
        final.append(mention)
    return Extraction(ratings, sorted(final, key=lambda m: (m.span.char_start, m.span.char_end, m.decision)))


# A verb of needing beside a core case level: "requires ‘moderate’ improvement", "in need of drastic improvement",
# "substantial improvement is required" (the level is then as its scale names it: "... improvement required")
_NEEDED_BEFORE = regex.compile(REQUIRES_LEVEL, regex.IGNORECASE)
_NEEDED_AFTER = regex.compile(r"^[’'\"”]?\s*(?:(?:is|are|was|were|being|be)\s+)?(?:(?:still|also|urgently)\s+)?"
                              r"(?:required|needed)\b",
                              regex.IGNORECASE)


# The readings of a label that is a conjunct of the earlier one, governed by its verb
_SHARES_THE_VERB = frozenset({"coordinated", "gapped", "gapped_after_contrast"})


def _said_required(text: str, start: int, end: int) -> bool:
    return bool(_NEEDED_BEFORE.search(text[max(0, start - 80) : start]) or _NEEDED_AFTER.match(text[end:]))


def sentence_labels(text: str, labels: list[LabelMatch] | None = None) -> list[LabelMatch]:
    """Labels from the vocabulary (found here unless given), and quoted judgements off the scales after
    "judged as"."""
    labels = find_labels(text) if labels is None else labels
    for match in _JUDGED_AS.finditer(text):
        start, end = match.span("label")
        while end > start and text[end - 1] in ".,;:!?":
            end -= 1  # "rated as ‘Good.’": the full stop is the sentence's
        inside = [label for label in labels if start <= label.start and label.end <= end]
        if inside and inside[0].start == start and inside[0].end == end:
            continue  # a label of the scales: already found
        labels = [label for label in labels if label not in inside]
        labels.append(LabelMatch(start, end, " ".join(text[start:end].lower().split())))
    return sorted(labels, key=lambda label: label.start)


def context(doc: Document) -> Context:
    places = document.service_places(doc)
    years = [int(y.group()) for y in _YEAR.finditer(doc.text) if 1995 <= int(y.group()) <= 2035]
    speaking = CHIEF_INSPECTORS_BY_NAME.get((document.chief_inspector(doc) or "").lower())
    if not years and speaking is not None and speaking.last_day is not None:
        # a release saved without its date that quotes a Chief Inspector was written in their term at the
        # latest: "Its work with victims also required improvement" under one who left before 2024 is a finding
        years = [speaking.last_day.year]
    first = doc.lines[0] if doc.lines else None
    return Context(
        era=document.era(doc) if document.era(doc) != "unknown" else "standards_2018",
        sector=document.scope(doc) in ("sector", "multiple"),
        places=tuple(sorted(places, key=lambda p: (-len(p), p))),
        latest_year=max(years) if years else None,
        # A first line is a headline when it is short: a web page may open with its article's first paragraph.
        headline_end=first.end if first and len(first.text) <= 160 else 0,
    )


def _normal(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", text.lower()).split())


def _key(rating: Rating) -> tuple:
    return (rating.scope, rating.code, rating.subject, rating.label, rating.span.char_start)


# How directly each reading states a rating (0 most): the first of the strongest becomes the fact.
_STRENGTH = {"table_row": 0, "headline": 2, "attributive": 2, "rating_noun": 2, "rating_of": 2, "coordinated": 1}


def merge(candidates: list[tuple[Rating | None, Mention]], mentions: list[Mention],
          text: str) -> tuple[list[Rating], list[Mention]]:
    """One rating per subject: tables first, then the first mention in the text.

    A later mention with the same label restates the fact (its mention points to it);
    one with a different label contradicts it and is set aside rather than guessed between; two labels given to
    one subject as joined predicates ("was ‘inadequate’ and required improvement") are both set aside.
    A code-less area rating from a sentence restates a table's coded row for that area.
    """
    kept: dict[tuple[str, str], Rating] = {}
    out_mentions = list(mentions)
    # The fact keeps its clearest statement as its span: a table row, then an explicit rating
    # ("has received an overall rating of", "was rated as"), then the rest in reading order.
    ordered = sorted(candidates, key=lambda c: (_STRENGTH.get((c[1].rule or "").split("+")[0], 1), c[1].span.char_start))
    for rating, mention in ordered:
        assert rating is not None
        key = ("previous", f"{rating.code or _normal(rating.subject)}|{rating.label}") if rating.scope == Scope.PREVIOUS \
            else (rating.scope, rating.code or _normal(rating.subject))
        same = kept.get(key)
        if same is None and rating.code is None and rating.scope in (Scope.STANDARD, Scope.DOMAIN):
            same = next((other for other in kept.values() if other.scope in (Scope.STANDARD, Scope.DOMAIN)
                         and _same_subject(other.subject, rating.subject)
                         and (other.code is not None or other.subject == rating.subject)), None)
        if same is None and rating.code is not None and rating.scope in (Scope.STANDARD, Scope.DOMAIN):
            same = next((other for (scope, name), other in kept.items() if other.code is None and scope == rating.scope
                         and _same_subject(other.subject, rating.subject) and name == _normal(other.subject)), None)
        if same is None:
            kept[key] = rating
            out_mentions.append(mention)
        elif same.label == rating.label:
            out_mentions.append(replace(mention, rule="restates", fact=same))
        elif _coordinated_predicates(text, same, rating):
            # "its out-of-court work was 'inadequate' and required improvement": one subject given two judgements
            # at once sums up its parts; neither is its rating (a wrong rating is worse than a missing one)
            def mixed(m: Mention, other: Rating) -> Mention:
                return replace(m, decision="set_aside", rule="mixed_judgement", reason=ReasonName.MIXED_JUDGEMENT,
                               fact=None, detail=f"also '{other.label}' at {other.span.char_start}")

            out_mentions = [mixed(m, rating) if m.fact is same else m for m in out_mentions]
            out_mentions.append(mixed(mention, same))
            del kept[next(k for k, v in kept.items() if v is same)]
        else:
            out_mentions.append(replace(mention, decision="set_aside", rule="contradicts_fact", reason="contradicts_fact",
                                        detail=f"{same.subject} is '{same.label}' at {same.span.char_start}",
                                        fact=None))
    return sorted(kept.values(), key=lambda r: (r.span.char_start, r.scope, r.subject)), out_mentions


# Between two predicates of one subject: "was ‘inadequate’ and required improvement", "were good, but not outstanding"
_PREDICATE_JOIN = regex.compile(r"^[\s’'\"”]*,?\s*(?:and|but|or|yet)\s+(?:also\s+|still\s+)?(?:not\s+)?[‘'\"“]?$", regex.I)


def _coordinated_predicates(text: str, one: Rating, other: Rating) -> bool:
    """Two labels joined as predicates of one subject, nothing but a conjunction between them."""
    first, second = sorted((one, other), key=lambda r: r.span.char_start)
    return bool(_PREDICATE_JOIN.match(text[first.span.char_end : second.span.char_start]))


_RELATIVE_NAMES = {"assessment", "planning", "implementation and delivery", "reviewing", "joint working"}


def _same_subject(a: str, b: str) -> bool:
    """Two names of one area; a standard named without its domain ("Planning") is not "Court disposals: Planning"."""
    a, b = _normal(a), _normal(b)
    if not (a and b):
        return False
    if a == b:
        return True
    shorter = a if len(a) < len(b) else b
    return (a in b or b in a) and shorter not in _RELATIVE_NAMES


def on_one_scale(ratings: list[Rating]) -> list[Rating]:
    """A document that judges themes (2012-2017) gives its other 'Good's on the same scale."""
    if not any(r.scope == Scope.THEME and r.scale == JOINT_INSPECTION.name for r in ratings):
        return ratings
    return [
        replace(r, scale=JOINT_INSPECTION.name, rank=JOINT_INSPECTION.labels.index(r.label))
        if r.scale == FOUR_POINT.name and r.label in JOINT_INSPECTION.labels else r
        for r in ratings
    ]


__all__ = ["VERSION", "Context", "extract", "rating_tables", "scale_and_rank", "theme_key"]
