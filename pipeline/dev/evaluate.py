"""Score the tables in an output folder against hand-made gold answers.

Matching follows tests/gold/SPEC.md: per document and fact type, a pipeline
fact is a true positive when it matches an unused gold fact. Ratings match on
label and on code or subject (case- and punctuation-insensitive, either
containing the other); percentages on value (±0.05); dates on date and
precision (role scored separately); recommendations on number and owner;
a key-question percentage's question and standard are scored separately too;
scores on value and maximum. Gold facts marked optional neither help nor hurt.
Each gold file is applied to every document whose file stem it names, so the
.txt and .pdf renderings of one document are scored alike.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from models.vocabulary import ReasonName

FACT_TYPES = ("ratings", "scores", "percentages", "dates", "recommendations")
FIELDS = ("doc_type", "service", "overall_rating", "recommendation_count_stated", "date_role", "key_question")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalResult:
    tallies: dict[str, Tally] = field(default_factory=lambda: {t: Tally() for t in FACT_TYPES})
    accuracy: dict[str, list[bool]] = field(default_factory=lambda: {f: [] for f in FIELDS})
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    documents: int = 0
    unmatched_gold: list[str] = field(default_factory=list)
    unexplained: list[str] = field(default_factory=list)  # candidates no rule explains
    set_aside: dict[str, int] = field(default_factory=dict)  # set-aside candidates per reason
    # The same scores per stratum: "doc_type: press_release", "era: 2018-2023", ... (see ``strata_of``)
    strata: dict[str, EvalResult] = field(default_factory=dict)

    def f1(self, fact_type: str) -> float:
        return self.tallies[fact_type].f1

    def accuracy_of(self, name: str) -> float:
        values = self.accuracy[name]
        return sum(values) / len(values) if values else 1.0


def _norm(text: str | None) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", (text or "").lower()).split())


def _contains(a: str | None, b: str | None) -> bool:
    a, b = _norm(a), _norm(b)
    return bool(a and b and (a in b or b in a))


def rating_matches(pred: dict, gold: dict) -> bool:
    if _norm(pred["label"]) != _norm(gold["label"]):
        return False
    if gold.get("code") and pred.get("code"):
        return str(pred["code"]) == str(gold["code"])
    return _contains(pred.get("subject"), gold.get("subject"))


def score_matches(pred: dict, gold: dict) -> bool:
    return int(pred["score"]) == int(gold["value"]) and int(pred["score_max"]) == int(gold["max"])


def percentage_matches(pred: dict, gold: dict) -> bool:
    return abs(float(pred["value"]) - float(gold["value"])) <= 0.05


def date_matches(pred: dict, gold: dict) -> bool:
    return str(pred["date"]) == str(gold["date"]) and pred["precision"] == gold["precision"]


def recommendation_matches(pred: dict, gold: dict) -> bool:
    return int(pred["number"]) == int(gold["number"]) and _contains(pred.get("owner"), gold.get("owner"))


MATCHERS: dict[str, Callable[[dict, dict], bool]] = {
    "ratings": rating_matches,
    "scores": score_matches,
    "percentages": percentage_matches,
    "dates": date_matches,
    "recommendations": recommendation_matches,
}


def _describe(kind: str, fact: dict) -> str:
    keys = {
        "ratings": ("scope", "code", "subject", "label"),
        "scores": ("subject", "value", "max", "score", "score_max"),
        "percentages": ("value", "text", "section"),
        "dates": ("date", "precision", "role", "text"),
        "recommendations": ("number", "owner"),
    }[kind]
    return ", ".join(f"{k}={fact[k]!r}" for k in keys if k in fact)


def match_facts(kind: str, predicted: list[dict], gold: list[dict], label: str, result: EvalResult) -> list[tuple[dict, dict]]:
    matcher = MATCHERS[kind]
    used = [False] * len(gold)
    pairs = []
    tally = result.tallies[kind]
    # Required gold first, so an optional gold fact never takes a required one's match.
    order = sorted(range(len(gold)), key=lambda i: bool(gold[i].get("optional")))
    for fact in predicted:
        for i in order:
            if not used[i] and matcher(fact, gold[i]):
                used[i] = True
                if not gold[i].get("optional"):
                    tally.tp += 1
                    pairs.append((fact, gold[i]))
                break
        else:
            tally.fp += 1
            sentence = fact.get("sentence", "")
            result.extras.append(f"{label} {kind} EXTRA {_describe(kind, fact)} | {sentence[:160]}")
    for i, gold_fact in enumerate(gold):
        if not used[i] and not gold_fact.get("optional"):
            tally.fn += 1
            result.misses.append(f"{label} {kind} MISS {_describe(kind, gold_fact)}")
    return pairs


def _stem(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]


# Eras of the Inspectorate's methods, by the year a text is from.
ERAS = ((2012, "2009-2012 core case"), (2017, "2013-2017 joint"), (2023, "2018-2023 standards"),
        (9999, "2024- children and victims"))


def _source_years(gold_dir: str) -> dict[str, int]:
    """Each document's year from the set's SOURCES.tsv (beside the gold files or one folder up), when there is
    one: file stem -> year."""
    for folder in (gold_dir, os.path.dirname(os.path.abspath(gold_dir))):
        path = os.path.join(folder, "SOURCES.tsv")
        if os.path.exists(path):
            years = {}
            with open(path, encoding="utf-8") as handle:
                header = handle.readline().rstrip("\n").split("\t")
                for line in handle:
                    row = dict(zip(header, line.rstrip("\n").split("\t"), strict=False))
                    if row.get("file") and (row.get("year") or "").strip().isdigit():
                        years[_stem(row["file"])] = int(row["year"])
            return years
    return {}


_FRAMEWORK_ERAS = {"core_case_2010": ERAS[0][1], "joint_inspection_2012": ERAS[1][1],
                   "standards_2018": ERAS[2][1], "children_and_victims_2024": ERAS[3][1]}


def strata_of(gold: dict, document: dict, year: int | None) -> list[str]:
    """The strata a document is scored in besides the whole set: who speaks (the gold's doc_type: the
    Inspectorate's press releases and reports, other parties' retellings) and the era of the method (the
    source's year, else the framework the pipeline found)."""
    kind = {"press_release": "Inspectorate press releases", "report": "Inspectorate reports",
            "annual_report": "Inspectorate annual reports", "other": "other parties"}.get(gold.get("doc_type") or "",
                                                                                         "other parties")
    if year is not None:
        era = next(name for last, name in ERAS if year <= last)
    else:
        era = _FRAMEWORK_ERAS.get(document.get("framework") or "", "era unknown")
    return [f"who: {kind}", f"era: {era}"]


def evaluate(gold_dir: str, out_dir: str) -> EvalResult:
    import pyarrow.parquet as pq

    def rows(name: str) -> list[dict]:
        return pq.read_table(os.path.join(out_dir, f"{name}.parquet")).to_pylist()

    documents = rows("documents")
    names = ["ratings", "percentages", "dates", "recommendations"]
    for optional in ("scores", "mentions"):
        if os.path.exists(os.path.join(out_dir, f"{optional}.parquet")):
            names.append(optional)
    facts = {name: rows(name) for name in names}
    by_doc: dict[str, dict[str, list[dict]]] = {}
    for name, table in facts.items():
        for row in table:
            by_doc.setdefault(row["doc_id"], {}).setdefault(name, []).append(row)
    result = EvalResult()
    years = _source_years(gold_dir)
    for gold_name in sorted(os.listdir(gold_dir)):
        if not gold_name.endswith(".json"):
            continue
        with open(os.path.join(gold_dir, gold_name), encoding="utf-8") as handle:
            gold = json.load(handle)
        stem = _stem(gold.get("document") or gold_name)
        matching = [d for d in documents if any(_stem(p) == stem for p in d["source_paths"])]
        if not matching:
            result.unmatched_gold.append(gold_name)
            continue
        for document in matching:
            mine = by_doc.get(document["doc_id"], {})
            _score_document(result, document, gold, mine, facts)
            for stratum in strata_of(gold, document, years.get(stem)):
                _score_document(result.strata.setdefault(stratum, EvalResult()), document, gold, mine, facts)
    return result


def _score_document(result: EvalResult, document: dict, gold: dict, mine: dict[str, list[dict]],
                    facts: dict[str, list[dict]]) -> None:
    """One document's facts and fields against its gold answer, added to ``result``."""
    result.documents += 1
    label = document["source_path"]
    ratings = mine.get("ratings", [])
    mentions = mine.get("mentions", [])
    misses_before = len(result.misses)
    match_facts("ratings", ratings, gold.get("ratings", []), label, result)
    scores = mine.get("scores", []) if "scores" in facts else [r for r in ratings if r.get("score") is not None]
    match_facts("scores", scores, gold.get("scores", []), label, result)
    pairs = match_facts("percentages", mine.get("percentages", []), gold.get("percentages", []), label, result)
    for mine_pct, gold_pct in pairs:
        if gold_pct.get("section"):  # a key-question row: its question and standard are scored too
            ok = mine_pct.get("section") == gold_pct["section"] and _contains(mine_pct.get("subject"), gold_pct.get("subject"))
            result.accuracy["key_question"].append(ok)
            if not ok:
                result.wrong.append(f"{label} key_question {gold_pct['value']}: got {mine_pct.get('section')!r} "
                                    f"{mine_pct.get('subject')!r}, want {gold_pct['section']!r} {gold_pct.get('subject')!r}")
    pairs = match_facts("dates", mine.get("dates", []), gold.get("dates", []), label, result)
    for mine_date, gold_date in pairs:
        ok = mine_date["role"] == gold_date["role"] or (
            gold_date["role"] == "fieldwork_start" and mine_date["role"] == "fieldwork")
        result.accuracy["date_role"].append(ok)
        if not ok:
            result.wrong.append(f"{label} date_role {gold_date['date']}: got {mine_date['role']!r}, want {gold_date['role']!r}")
    match_facts("recommendations", mine.get("recommendations", []), gold.get("recommendations", []), label, result)
    result.misses[misses_before:] = [_with_candidate(miss, mentions) for miss in result.misses[misses_before:]]
    for mention in mentions:
        if mention["decision"] == "set_aside":
            result.set_aside[mention["reason"]] = result.set_aside.get(mention["reason"], 0) + 1
            if mention["reason"] == ReasonName.UNEXPLAINED:
                result.unexplained.append(f"{label} {mention['fact_type']} {mention['text']!r} | {mention['sentence'][:160]}")
    for name in ("doc_type", "service", "overall_rating", "recommendation_count_stated"):
        got, want = document.get(name), gold.get(name)
        ok = _norm(str(got)) == _norm(str(want)) if name == "service" else got == want
        result.accuracy[name].append(ok)
        if not ok:
            result.wrong.append(f"{label} {name}: got {got!r}, want {want!r}")


_MISS_KEYS = {
    "ratings": ("label",), "percentages": ("value",), "dates": ("text",), "scores": ("value",), "recommendations": ("number",),
}


def _with_candidate(miss: str, mentions: list[dict]) -> str:
    """A missed gold fact, with the candidate that covered its text and what became of it."""
    parts = miss.split(" ", 3)
    if len(parts) < 4:
        return miss
    kind = parts[1]
    fact_type = {"ratings": "rating", "percentages": "percentage", "dates": "date", "scores": "score",
                 "recommendations": "recommendation"}.get(kind)
    described = parts[3]
    wanted = re.search(r"label='([^']*)'", described) or re.search(r"text='([^']*)'", described)
    value = re.search(r"value=([\d.]+)", described)
    candidates = []
    for mention in mentions:
        if mention["fact_type"] != fact_type:
            continue
        if (wanted and _norm(mention["text"])[:5] == _norm(wanted.group(1))[:5]) or (
                value and re.search(r"\b" + re.escape(value.group(1).removesuffix(".0")) + r"\b", mention["text"])):
            decision = (f"set aside: {mention['reason']}" + (f" ({mention['detail']})" if mention.get("detail") else "")
                        if mention["decision"] == "set_aside" else f"fact via {mention['rule']}")
            candidates.append(f"[{mention['char_start']} {mention['text']!r}: {decision}]")
    if not candidates:
        return miss + "  <- no candidate"
    return miss + "  <- " + " ".join(candidates[:3])


def format_report(result: EvalResult, details: bool = True) -> str:
    if not result.documents:
        # Scores over nothing would read 1.000 everywhere: a gold folder paired with the wrong tables.
        gold = result.unmatched_gold
        return (f"documents scored: 0: no gold file names a document in these tables ({len(gold)} gold files, "
                f"e.g. {', '.join(gold[:3]) or 'none'}); nothing was scored")
    lines = [f"documents scored: {result.documents}", "",
             f"{'fact type':<18}{'precision':>10}{'recall':>8}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}"]
    for kind, tally in result.tallies.items():
        lines.append(f"{kind:<18}{tally.precision:>10.3f}{tally.recall:>8.3f}{tally.f1:>7.3f}{tally.tp:>6}{tally.fp:>5}{tally.fn:>5}")
    lines.append("")
    lines.append(f"{'field':<30}{'accuracy':>10}{'n':>5}")
    for name, values in result.accuracy.items():
        lines.append(f"{name:<30}{result.accuracy_of(name):>10.3f}{len(values):>5}")
    if result.unmatched_gold:
        lines.append("\ngold files with no document: " + ", ".join(result.unmatched_gold))
    if result.set_aside:
        lines.append("\nset-aside candidates by reason: " + ", ".join(
            f"{reason} {count}" for reason, count in sorted(result.set_aside.items(), key=lambda kv: -kv[1])))
    lines.append(f"unexplained candidates: {len(result.unexplained)}")
    if result.strata:
        lines += ["", "by stratum (F1 per fact type with a gold fact in the stratum; field accuracy)",
                  f"{'stratum':<34}{'docs':>5}{'ratings (P/R)':>22}{'pct':>7}{'dates':>7}{'recs':>7}{'type':>7}"
                  f"{'service':>8}{'overall':>8}"]
        for name, part in sorted(result.strata.items()):
            def f1(kind: str, part: EvalResult = part) -> str:
                tally = part.tallies[kind]
                return f"{tally.f1:.3f}" if tally.tp + tally.fn + tally.fp else "-"

            rating = part.tallies["ratings"]
            ratings = f"{f1('ratings')} ({rating.precision:.2f}/{rating.recall:.2f})" if rating.tp + rating.fn + rating.fp else "-"
            lines.append(f"{name:<34}{part.documents:>5}{ratings:>22}{f1('percentages'):>7}{f1('dates'):>7}"
                         f"{f1('recommendations'):>7}{part.accuracy_of('doc_type'):>7.3f}{part.accuracy_of('service'):>8.3f}"
                         f"{part.accuracy_of('overall_rating'):>8.3f}")
    if details:
        for title, items in (("misses", result.misses), ("extras", result.extras), ("wrong fields", result.wrong),
                             ("unexplained candidates", result.unexplained)):
            if items:
                lines.append(f"\n{title} ({len(items)}):")
                lines.extend(f"  {item}" for item in items)
    return "\n".join(lines)
