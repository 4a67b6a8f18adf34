"""Every inspection counted once: documents joined into inspections, ids that last, services in the register.

Invented documents of invented services (Anytown, Newtown) for the rules; the two real development sets and
their answers (tests/real_inspections.tsv) for what the rules give on real texts.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections import defaultdict

import pytest

from extractors.services import read
from pipeline.derive.inspections import KnownIds, link
from pipeline.extract.run import _ledger
from tests.conftest import ROOT, read_rows
from tests.helpers import parse


def _document(doc_id: str, doc_type: str, *, service: str = "anytown", framework: str = "standards_2018",
              published: str | None = None, fieldwork: str | None = None, overall: str | None = None,
              title: str | None = None, chief_inspector: str | None = None, dateline: str | None = None) -> dict:
    return {"chief_inspector": chief_inspector, "dateline": dateline, "doc_id": doc_id, "doc_type": doc_type, "service_key": service, "service": f"{service.title()} YJS",
            "framework": framework, "title": title or f"{doc_type} {doc_id}", "publication_date": published,
            "publication_date_precision": "day" if published else None, "site_published": None,
            "fieldwork_start": fieldwork, "fieldwork_start_precision": "month" if fieldwork else None,
            "overall_rating": overall, "translation_of": None, "language": "en", "source_path": f"{doc_id}.txt",
            "source_url": None, "recommendation_count_extracted": 0, "recommendation_count_stated": None}


def _overall(doc_id: str, label: str) -> dict:
    return {"doc_id": doc_id, "char_start": 0, "scope": "overall", "label": label, "standard_key": None,
            "subject": "Overall", "rank": 2, "score": None, "score_max": None}


def _linked(documents: list[dict], known: KnownIds | None = None) -> tuple[list[dict], list[dict]]:
    ratings = [_overall(d["doc_id"], d["overall_rating"]) for d in documents if d["overall_rating"]]
    rows, _, checks = link(documents, ratings, known)
    return rows, checks


def _members(rows: list[dict]) -> list[list[str]]:
    return sorted(sorted(row["doc_ids"]) for row in rows)


# ------------------------------------------------------------------ joining without dates

def test_an_undated_report_and_its_press_release_are_one_inspection():
    rows, checks = _linked([_document("r1", "report", overall="Good"), _document("p1", "press_release", overall="Good")])
    assert _members(rows) == [["p1", "r1"]] and checks == []
    assert rows[0]["id_basis"] == "undated" and rows[0]["inspection_id"].startswith("anytown-standards-undated-")


def test_each_report_pairs_with_the_only_press_release_left_once_the_others_are_paired():
    # a 2021 report pairs with the 2021 release (the same framework); the 2025 report, of the 2024 framework,
    # cannot be the 2021 release's, so the 2025 release of unknown framework is its
    rows, _ = _linked([_document("r21", "report", published="2021-09-01"),
                       _document("p21", "press_release", overall="Good"),
                       _document("r25", "report", framework="children_and_victims_2024", overall="Good"),
                       _document("p25", "press_release", framework="unknown")])
    assert _members(rows) == [["p21", "r21"], ["p25", "r25"]]


def test_two_press_releases_of_one_service_are_two_inspections():
    rows, _ = _linked([_document("p15", "press_release", framework="joint_inspection_2012"),
                       _document("p17", "press_release", framework="joint_inspection_2012")])
    assert _members(rows) == [["p15"], ["p17"]]


STATEMENT = ("Chief Inspector of Probation, Anne Example, said: “Staff in Anytown know their children well and "
             "are firmly focused on helping each of them to succeed at school.” Inspectors found that leaders "
             "in Anytown had built a strong partnership with the local schools and health services.")
NOTES = ("HM Inspectorate of Probation is the independent inspector of youth justice and probation services in "
         "England and Wales.")


def _pages(texts: dict[str, str]) -> list[dict]:
    return [{"doc_id": doc_id, "page": 1, "text": text} for doc_id, text in texts.items()]


def test_a_reprint_of_a_press_release_is_one_inspection_with_it():
    # a news site republishes the release (typed press_release: the text decides), undated: two press releases,
    # but their own sentences, word for word, say one text
    documents = [_document("p1", "press_release", overall="Good"), _document("p2", "press_release", overall="Good")]
    ratings = [_overall(d["doc_id"], "Good") for d in documents]
    rows, _, _ = link(documents, ratings, None, _pages({"p1": "Anytown YJS rated Good. " + STATEMENT,
                                                       "p2": "Anytown YJS rated Good. " + STATEMENT}))
    assert _members(rows) == [["p1", "p2"]]


def test_a_page_that_states_no_rating_joins_by_what_it_copies():
    documents = [_document("p1", "press_release", overall="Good"), _document("c1", "other"),
                 _document("c2", "other")]
    ratings = [_overall("p1", "Good")]
    rows, _, _ = link(documents, ratings, None, _pages({"p1": STATEMENT, "c1": "The council welcomed it. " + STATEMENT,
                                                       "c2": "The council welcomed the report on its service."}))
    assert _members(rows) == [["c1", "p1"]]
    assert {d["doc_id"]: d["role_in_inspection"] for d in documents if d.get("role_in_inspection")} == {
        "p1": "press_release", "c1": "secondary"}


def test_a_judgement_off_the_scale_neither_agrees_nor_disagrees():
    # "governance was not effective" beside "governance arrangements were unsatisfactory": two undated stories
    documents = [_document("s1", "other", framework="joint_inspection_2012"),
                 _document("s2", "other", framework="joint_inspection_2012")]

    def theme(doc_id: str, label: str, scale: str, subject: str = "Governance and partnerships") -> dict:
        return {"doc_id": doc_id, "char_start": 0, "scope": "theme", "label": label, "scale": scale,
                "standard_key": f"joint_inspection_2012/{subject.lower().replace(' ', '-')}", "subject": subject}

    ratings = [theme("s1", "Poor", "joint_inspection", "Protecting the public"),
               theme("s2", "Poor", "joint_inspection", "Protecting the public"),
               theme("s1", "Not effective", "other"), theme("s2", "Unsatisfactory", "joint_inspection")]
    rows, _, _ = link(documents, ratings)
    assert _members(rows) == [["s1", "s2"]]
    # on one scale, two labels of one theme are two inspections
    ratings[2] = theme("s1", "Good", "joint_inspection")
    rows, _, _ = link(documents, ratings)
    assert _members(rows) == [["s1"], ["s2"]]


def test_a_core_case_level_as_written_agrees_with_the_scales_name_for_it():
    # "must make a moderate improvement" beside "moderate improvement required": one judgement, one inspection
    documents = [_document("s1", "other", framework="core_case_2010"),
                 _document("s2", "other", framework="core_case_2010")]

    def theme(doc_id: str, label: str) -> dict:
        return {"doc_id": doc_id, "char_start": 0, "scope": "theme", "label": label, "scale": "improvement_required",
                "standard_key": "core_case_2010/safeguarding", "subject": "Safeguarding"}

    rows, _, _ = link(documents, [theme("s1", "Moderate improvement"), theme("s2", "Moderate improvement required")])
    assert _members(rows) == [["s1", "s2"]]
    rows, _, _ = link(documents, [theme("s1", "Moderate improvement"), theme("s2", "Drastic improvement required")])
    assert _members(rows) == [["s1"], ["s2"]]


def test_a_page_that_states_no_rating_joins_the_inspection_it_dates():
    # "Anytown YOT was inspected by HMIP in September 2020": a council's page with no rating, but a date
    documents = [_document("p20", "press_release", published="2020-12-17", fieldwork="2020-09-01", overall="Good"),
                 _document("p24", "press_release", framework="children_and_victims_2024", published="2024-10-01",
                           overall="Good"),
                 _document("c1", "other", fieldwork="2020-09-01"), _document("c2", "other")]
    rows, _ = _linked(documents)
    assert _members(rows) == [["c1", "p20"], ["p24"]]


@pytest.mark.parametrize("speakers, expected", [
    # "..., said Paul Wilson, Chief Inspector of Probation" and, a year on, "..., said Dame Glenys Stacey, ...":
    # the minutes (fieldwork in January 2015) and the meeting's agenda (dated by its heading, July 2015) tell of
    # the inspection published in Paul Wilson's term
    (("Paul Wilson", "Glenys Stacey"), [["agenda", "minutes", "pr-a"], ["pr-b"]]),
    # the Chief Inspectors' terms the other way round: the other release
    (("Glenys Stacey", "Paul Wilson"), [["agenda", "minutes", "pr-b"], ["pr-a"]]),
    # neither release names its Chief Inspector: nothing tells which, so the council's pages join neither
    ((None, None), [["pr-a"], ["pr-b"]]),
])
def test_undated_releases_are_told_apart_by_the_chief_inspector_each_quotes(speakers, expected):
    joint = "joint_inspection_2012"
    documents = [_document("pr-a", "press_release", framework=joint, chief_inspector=speakers[0]),
                 _document("pr-b", "press_release", framework=joint, chief_inspector=speakers[1]),
                 _document("minutes", "other", framework=joint, fieldwork="2015-01-19"),
                 _document("agenda", "other", framework=joint, dateline="2015-07-22")]
    rows, checks = _linked(documents)
    assert _members(rows) == expected
    assert {c["doc_id"] for c in checks if c["check"] == "inspection_link"} == (
        {"minutes", "agenda"} if speakers == (None, None) else set())


def test_a_chief_inspectors_term_never_joins_documents_on_its_own():
    # an undated report and two undated releases, all in one Chief Inspector's term: the term says nothing of
    # which release is the report's (either could be), so none is paired; the Chief Inspector in post has no
    # end to the term, so a council page dated years on still fits
    documents = [_document("r", "report", chief_inspector="Martin Jones"),
                 _document("p1", "press_release", chief_inspector="Martin Jones"),
                 _document("p2", "press_release", chief_inspector="Martin Jones"),
                 _document("c", "other", dateline="2031-05-02", overall="Good")]
    rows, _ = _linked(documents)
    assert _members(rows) == [["p1"], ["p2"], ["r"]]
    alone = [_document("p1", "press_release", chief_inspector="Martin Jones", overall="Good"),
             _document("c", "other", dateline="2031-05-02", overall="Good")]
    assert _members(_linked(alone)[0]) == [["c", "p1"]]


def test_a_page_that_tells_of_an_inspection_without_saying_which_is_in_none_and_said_so():
    # the only inspection of its service here may not be the one it tells of: never joined by a guess (it names
    # no framework either)
    documents = [_document("p23", "press_release", overall="Good"), _document("c1", "other", framework="unknown"),
                 _document("c2", "other", framework="unknown")]
    rows, _, checks = link(documents, [_overall("p23", "Good")], None, _pages({
        "p23": "Anytown YJS rated ‘Good’.",
        "c1": "The committee discussed the inspection of the youth offending service by HM Inspectorate of Probation.",
        "c2": "The committee discussed the youth offending service's budget."}))
    assert _members(rows) == [["p23"]]
    assert [(c["doc_id"], c["check"], c["outcome"]) for c in checks] == [("c1", "inspection_link", "not_run")]
    assert rows[0]["inspection_id"] in checks[0]["detail"]


def test_boilerplate_or_one_shared_sentence_is_no_copy():
    # the notes to editors are in every service's releases; one sentence may be a common turn of phrase
    documents = [_document("p1", "press_release", overall="Good"), _document("p2", "press_release", overall="Good"),
                 _document("n1", "press_release", service="newtown", overall="Good")]
    ratings = [_overall(d["doc_id"], "Good") for d in documents]
    first = STATEMENT.split("” ")[0] + "”"
    rows, _, _ = link(documents, ratings, None, _pages({"p1": f"{first} {NOTES} {NOTES.replace('in', 'across')}",
                                                       "p2": f"{first} {NOTES} {NOTES.replace('in', 'across')}",
                                                       "n1": f"{NOTES} {NOTES.replace('in', 'across')}"}))
    assert _members(rows) == [["n1"], ["p1"], ["p2"]]


def test_documents_dated_apart_are_two_inspections():
    rows, _ = _linked([_document("r1", "report", published="2019-03-01", overall="Good"),
                       _document("p1", "press_release", published="2023-05-02", overall="Good")])
    assert _members(rows) == [["p1"], ["r1"]]


def test_a_retelling_joins_the_one_inspection_it_matches_even_years_later():
    # "In 2019 inspectors rated Anytown's youth justice service 'Requires improvement'" in a 2022 story
    rows, _ = _linked([_document("p19", "press_release", published="2019-06-27", overall="Requires improvement"),
                       _document("news", "other", published="2022-02-02", overall="Requires improvement"),
                       _document("p25", "press_release", framework="children_and_victims_2024",
                                 published="2025-01-10", overall="Good")])
    assert _members(rows) == [["news", "p19"], ["p25"]]
    joined = next(r for r in rows if "news" in r["doc_ids"])
    assert joined["secondary_doc_ids"] == ["news"] and joined["sources"] == "inspectorate"


def test_a_retelling_that_could_be_either_of_two_inspections_joins_neither_and_says_so():
    rows, checks = _linked([_document("p19", "press_release", overall="Good"),
                            _document("p23", "press_release", overall="Good"),
                            _document("news", "other", overall="Good")])
    assert _members(rows) == [["p19"], ["p23"]]
    assert [(c["doc_id"], c["check"], c["outcome"]) for c in checks] == [("news", "inspection_link", "not_run")]
    assert all(row["inspection_id"] in checks[0]["detail"] for row in rows)


def test_a_council_paper_about_an_inspection_that_says_nothing_of_which_joins_none_and_says_so():
    # a committee's agenda: pages of apologies and declarations, then an item on "the joint inspection of the
    # youth offending service" (its framework read from that item), no rating, no date of it, nothing copied
    documents = [_document("p1", "press_release", framework="joint_inspection_2012"),
                 _document("agenda", "other", framework="joint_inspection_2012")]
    opening = "Apologies for absence were received from Councillor Example. " * 300
    rows, _, checks = link(documents, [], None, _pages({"p1": "Anytown YOS inspection", "agenda": opening}))
    assert _members(rows) == [["p1"]]
    assert [(c["doc_id"], c["check"], c["outcome"]) for c in checks] == [("agenda", "inspection_link", "not_run")]
    assert rows[0]["inspection_id"] in checks[0]["detail"]


def test_a_page_naming_the_framework_joins_the_one_inspection_under_it_and_says_so():
    # a council paper on "the full joint inspection of the youth offending service by HM Inspectorate of
    # Probation": of Anytown's two inspections here, one was under that framework
    documents = [_document("fji", "press_release", framework="joint_inspection_2012"),
                 _document("std", "press_release", framework="standards_2018", overall="Good"),
                 _document("paper", "other", framework="joint_inspection_2012")]
    told = "Members discussed the full joint inspection of the youth offending service by HM Inspectorate of Probation."
    rows, _, checks = link(documents, [_overall("std", "Good")], None,
                           _pages({"fji": "Anytown YOS", "std": "Anytown YJS", "paper": told + " 2014"}))
    assert _members(rows) == [["fji", "paper"], ["std"]]
    joined = next(r for r in rows if "paper" in r["doc_ids"])
    assert joined["secondary_doc_ids"] == ["paper"]
    assert [(c["doc_id"], c["outcome"]) for c in checks] == [("paper", "not_run")]
    assert joined["inspection_id"] in checks[0]["detail"]


@pytest.mark.parametrize("why, change", [
    ("the page is older than the framework: a 2008 story", {"text": " in 2008"}),
    ("two inspections under the framework", {"second": True}),
    ("no framework named", {"framework": "unknown"}),
])
def test_a_page_naming_the_framework_joins_none_when_that_cannot_say_which(why, change):
    documents = [_document("std", "press_release", framework="standards_2018")]
    if change.get("second"):
        documents.append(_document("std2", "press_release", framework="standards_2018", published="2023-05-02"))
    documents.append(_document("paper", "other", framework=change.get("framework", "standards_2018")))
    told = "The paper reports on the inspection of the service by HM Inspectorate of Probation" + change.get("text", "")
    rows, _, checks = link(documents, [], None, _pages({"std": "Anytown", "std2": "Anytown", "paper": told}))
    assert all("paper" not in r["doc_ids"] for r in rows), why
    assert [(c["doc_id"], c["outcome"]) for c in checks] == [("paper", "not_run")]
    assert "joins none" in checks[0]["detail"]


def test_a_rated_page_that_fits_two_inspections_joins_the_one_under_its_framework():
    documents = [_document("p20", "press_release", framework="standards_2018", overall="Outstanding"),
                 _document("p25", "press_release", framework="children_and_victims_2024", overall="Outstanding"),
                 _document("news", "other", framework="standards_2018", overall="Outstanding")]
    rows, _, checks = link(documents, [_overall(d["doc_id"], "Outstanding") for d in documents], None,
                           _pages({"p20": "Anytown", "p25": "Anytown", "news": "Anytown's youth offending service "
                                   "was rated outstanding by HM Inspectorate of Probation after an inspection."}))
    assert _members(rows) == [["news", "p20"], ["p25"]]
    assert "its rating fits more than one" in checks[0]["detail"]


def test_a_retelling_with_no_inspectorate_document_is_an_inspection_of_its_own():
    rows, _ = _linked([_document("news", "other", service="newtown", overall="Inadequate"),
                       _document("council", "other", service="newtown", overall="Inadequate")])
    assert _members(rows) == [["council", "news"]]
    assert rows[0]["sources"] == "secondary" and rows[0]["overall_rating"] == "Inadequate"


def test_a_report_and_press_release_kept_apart_by_their_ratings_are_a_failed_check():
    rows, checks = _linked([_document("r1", "report", overall="Good"),
                            _document("p1", "press_release", overall="Inadequate")])
    assert _members(rows) == [["p1"], ["r1"]]
    assert [(c["check"], c["outcome"]) for c in checks] == [("inspection_link", "failed")]
    assert "'Good'" in checks[0]["detail"] and "'Inadequate'" in checks[0]["detail"]


def test_other_services_never_join():
    rows, _ = _linked([_document("r1", "report", overall="Good"),
                       _document("p1", "press_release", service="newtown", overall="Good")])
    assert _members(rows) == [["p1"], ["r1"]]


# ------------------------------------------------------------------ ids that last

ARRIVALS = [
    _document("r19", "report", overall="Good"),
    _document("p19", "press_release", published="2019-03-28", overall="Good"),
    _document("news19", "other", published="2019-04-02", overall="Good"),
    _document("r24", "report", framework="children_and_victims_2024", fieldwork="2024-01-15",
              overall="Requires improvement"),
    _document("p24", "press_release", framework="children_and_victims_2024", published="2024-05-01",
              overall="Requires improvement"),
]


@pytest.mark.parametrize("order", list(itertools.permutations(range(len(ARRIVALS)))))
def test_a_saved_inspection_id_finds_its_inspection_whatever_order_documents_arrive_in(order):
    ledger = KnownIds()
    saved: dict[str, set[str]] = {}  # every id a run published -> the documents it held then
    present: list[dict] = []
    for index in order:
        present.append(ARRIVALS[index])
        rows, _ = _linked([dict(d) for d in present], ledger)
        ledger = KnownIds.from_json(json.loads(json.dumps(_ledger(ledger, rows).to_json())))  # as the manifest keeps it
        for row in rows:
            saved.setdefault(row["inspection_id"], set()).update(row["doc_ids"])
    final = {row["inspection_id"]: row for row in rows}
    assert _members(rows) == [["news19", "p19", "r19"], ["p24", "r24"]]
    for inspection_id, documents in saved.items():
        found = [row for row in rows if inspection_id == row["inspection_id"] or inspection_id in row["aliases"]]
        assert len(found) == 1, inspection_id
        assert documents <= set(found[0]["doc_ids"])
    assert len(final) == 2


def test_an_inspection_split_in_two_never_gives_both_parts_one_id():
    # two pages dating one inspection's fieldwork were one inspection; a later run reads them apart (their
    # ratings now differ): the part that keeps the saved id has it alone, the other takes a new one
    first = [_document("news", "other", fieldwork="2023-11-01", overall="Good"),
             _document("council", "other", fieldwork="2023-11-01", overall="Good")]
    rows, _ = _linked([dict(d) for d in first])
    ledger = _ledger(KnownIds(), rows)
    saved = rows[0]["inspection_id"]
    later = [first[0], {**first[1], "overall_rating": "Inadequate"}]
    rows, _ = _linked([dict(d) for d in later], ledger)
    ids = [row["inspection_id"] for row in rows]
    assert len(rows) == 2 and len(set(ids)) == 2 and saved in ids


def test_ids_made_afresh_say_what_they_are_made_of():
    rows, _ = _linked([dict(d) for d in ARRIVALS])
    assert sorted((r["inspection_id"], r["id_basis"]) for r in rows) == [
        ("anytown-children-victims-2024-05", "published"), ("anytown-standards-2019-03", "published")]


def test_the_next_run_keeps_the_ids_of_the_last(raw_copy, tmp_path):
    from pipeline.extract.run import RunOptions, run

    out = tmp_path / "out"
    run(RunOptions(str(raw_copy), str(out), jobs=1, quiet=True))
    before = {r["inspection_id"]: sorted(r["doc_ids"]) for r in read_rows(out, "inspections")}
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["inspection_ids"]["documents"].values()) == set(before)
    manifest.pop("inspection_ids")  # an older manifest: the ids are read back from the table itself
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    run(RunOptions(str(raw_copy), str(out), jobs=1, quiet=True, full=True))
    assert {r["inspection_id"]: sorted(r["doc_ids"]) for r in read_rows(out, "inspections")} == before
    assert {r["id_basis"] for r in read_rows(out, "inspections")} <= {"published", "fieldwork"}


# ------------------------------------------------------------------ the real sets

def _answers() -> dict[str, list[tuple[str, str]]]:
    lines = [line.split("\t") for line in (ROOT / "tests" / "real_inspections.tsv").read_text(
        encoding="utf-8").splitlines() if line and not line.startswith("#")][1:]
    labels: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for label, corpus, document in lines:
        labels[label].append((corpus, document))
    return labels




@pytest.fixture(scope="module")
def real_documents(real_out, real2_out) -> dict[tuple[str, str], dict]:
    out = {}
    for corpus, folder in (("real", real_out), ("real2", real2_out)):
        checks = {c["doc_id"] for c in read_rows(folder, "checks") if c["check"] == "inspection_link"}
        rated = {r["doc_id"] for r in read_rows(folder, "ratings") if r["scope"] != "previous"}
        for document in read_rows(folder, "documents"):
            name = document["source_path"].rsplit("/", 1)[-1]
            out[(corpus, name)] = {**document, "linked_check": document["doc_id"] in checks,
                                   "rated": document["doc_id"] in rated}
    return out


def test_no_two_real_inspections_are_merged(real_documents):
    labels_of: dict[str, set[str]] = defaultdict(set)
    for label, documents in _answers().items():
        for key in documents:
            if real_documents[key]["inspection_id"]:
                labels_of[real_documents[key]["inspection_id"]].add(label)
    assert {i: sorted(ls) for i, ls in labels_of.items() if len(ls) > 1} == {}


def test_real_documents_of_one_inspection_are_one_inspection(real_documents):
    split, joined, whole = {}, 0, 0
    for label, documents in _answers().items():
        if len(documents) < 2:
            continue
        ids = {real_documents[key]["inspection_id"] for key in documents} - {None}
        if len(ids) > 1:
            split[label] = sorted(ids)
        else:
            joined += 1
            whole += all(real_documents[key]["inspection_id"] for key in documents)
        for key in documents:
            document = real_documents[key]
            if document["inspection_id"] is None:
                # in no inspection: a document that states no rating of the service and is not the
                # Inspectorate's, or one that could be either of two inspections; either way a check says so
                assert document["linked_check"] and document["doc_type"] == "other", key
    assert split == {}
    assert joined >= 55
    assert whole >= 55  # every document of the inspection in it, none left out as undecidable


def test_every_inspectorate_document_of_one_service_is_in_an_inspection(real_documents):
    missing = [key for key, d in real_documents.items()
               if d["doc_type"] in ("report", "press_release") and d["service_key"] and d["language"] == "en"
               and d["inspection_id"] is None]
    assert missing == []


# ------------------------------------------------------------------ the register

# Services the answers name that the register rightly has not got: no place is named.
UNREGISTERED = {"Youth Justice Service": "no place: the answer keeps the kind alone",
                "Youth Offending Service": "no place: the answer keeps the kind alone"}


def _gold_services() -> set[str]:
    names = set()
    for folder in ("tests/gold", "tests/real/gold", "tests/real2/gold"):
        for path in (ROOT / folder).glob("*.json"):
            service = json.loads(path.read_text(encoding="utf-8")).get("service")
            if service:
                names.add(service)
    return names


def test_every_service_the_answers_name_is_in_the_register():
    unresolved = set()
    for name in sorted(_gold_services()):
        readings = [read(parse(f"Inspection of {name}\n\nInspectors visited {name} in the spring.")),
                    read(parse(f"An inspection of youth offending services in {name}\n\nThe {name} team."))]
        if not any(r.in_register for r in readings):
            unresolved.add(name)
    assert unresolved == set(UNREGISTERED)


def _misread(template: str, names: list[str]) -> dict[str, str | None]:
    """Each name written into the template, read, and compared with the service the register resolves it to:
    the names read as another service (or as none)."""
    from models import register

    wrong = {}
    for name in names:
        expected = register.resolve_place(name)
        got = read(parse(template.format(place=name)))
        if expected is None or got.key != expected.key:
            wrong[name] = got.key
    return wrong


@pytest.mark.parametrize("template", [
    "{place} Youth Justice Service was rated ‘Good’ by inspectors.",
    "Inspectors have rated {place}’s youth offending service as ‘Good’.",
    "Inspection of youth offending work in {place}\nThe Youth Offending Team was rated ‘Good’.",
])
def test_every_register_service_written_three_ways_is_read_as_itself(template):
    # every service of the register, not the ones the sets name: a name with "and", "with", "upon", commas,
    # hyphens or a Welsh letter is read whole ("Cheshire West, Halton and Warrington", not "Halton and
    # Warrington"); an authority whose own name a joint service goes by resolves to the joint service
    from models import register

    assert _misread(template, [register._KIND_WORDS.sub("", s.name).strip() for s in register.services()]) == {}


# Other names of an authority that prose does not write as a place: a council's corporate name (the place it
# names is the joint service's, "Dorset"), a name opening with "the", a ceremonial title.
OTHER_NAMES_NOT_READ = {"Dorset Council", "the City of Brighton and Hove", "City and County of the City of London"}


@pytest.mark.parametrize("template", [
    "{place} YOT has been rated ‘Requires improvement’.",
    "The youth offending team in {place} was rated ‘Good’.",
    "An inspection of youth justice services in {place}\nHM Inspectorate of Probation, May 2023",
])
def test_every_other_name_of_an_authority_is_read_as_its_service(template):
    # "Hull", "B&NES", "City of York", "Royal Borough of Greenwich", "Sir Benfro", "Pen-y-bont ar Ogwr"
    from models import register

    names = [name for service in register.services() if not service.joint for code in service.areas
             for name in register.authority_by_code()[code].other_names if name not in OTHER_NAMES_NOT_READ]
    assert _misread(template, names) == {}


def test_services_carry_the_registers_codes_and_areas(sample_out):
    services = {s["service_key"]: s for s in read_rows(sample_out, "services")}
    mercia = services["west-mercia"]
    assert mercia["in_register"] and mercia["joint"] and len(mercia["gss_codes"]) == 4
    assert "Herefordshire" in mercia["areas"]
    areas = [a for a in read_rows(sample_out, "service_areas") if a["service_key"] == "herefordshire"]
    assert [(a["gss_code"], a["nation"]) for a in areas] == [("E06000019", "England")]


def test_joint_services_and_their_successions():
    from models.register import service_by_key

    # a service covering four authorities today, named by the county it covers
    cheshire = read(parse("Inspection of Cheshire Youth Justice Service\n\nInspectors visited Cheshire YJS."))
    assert cheshire.key == "cheshire" and cheshire.in_register
    assert {"E06000049", "E06000050", "E06000006", "E06000007"} <= set(service_by_key()["cheshire"].areas)
    # two authorities' joint team, its successor, and that one's
    assert read(parse("Halton and Warrington Youth Offending Team was inspected.")).key == "halton-and-warrington"
    assert service_by_key()["halton-and-warrington"].successors == ("cheshire-west-halton-and-warrington",)
    assert service_by_key()["cheshire-west-halton-and-warrington"].successors == ("cheshire",)


def test_ids_of_the_scheme_before_ids_were_kept_are_made_afresh():
    known = KnownIds.from_rows([{"inspection_id": "anytown-2019-03", "doc_ids": ["p19"], "aliases": []},
                                {"inspection_id": "anytown-standards-2019-03", "doc_ids": ["r19"], "aliases": []}])
    assert known.documents == {"r19": "anytown-standards-2019-03"}


def test_the_chief_inspectors_terms_cover_every_day_since_2009_in_order():
    # every undated document of the Inspectorate since the first framework can be placed in some term, and a
    # term's successor never began before it did
    from models.chief_inspectors import BY_NAME, CHIEF_INSPECTORS

    for earlier, later in itertools.pairwise(CHIEF_INSPECTORS):
        assert earlier.first_day < later.first_day and earlier.last_day is not None
        assert later.first_day <= earlier.last_day + dt.timedelta(days=1)  # no day without a Chief Inspector
    assert CHIEF_INSPECTORS[0].first_day <= dt.date(2009, 1, 1) and CHIEF_INSPECTORS[-1].last_day is None
    assert all(BY_NAME[name.lower()] is ci for ci in CHIEF_INSPECTORS for name in ci.names)
