"""One declaration per output table.

The Parquet writer, the validation on write and the data dictionary in the
README are all generated from :data:`TABLES`; nothing else lists columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa

from models.frameworks import FRAMEWORKS
from models.frameworks import STANDARDS as FRAMEWORK_STANDARDS
from models.vocabulary import MENTION_TYPES, REASON_NAMES, Scope


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    description: str
    nullable: bool = True
    allowed: tuple[str, ...] | None = None  # closed vocabulary for string columns


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # columns whose values are unique per row
    has_span: bool = False  # rows carry char_start/char_end into the canonical text
    sort_by: tuple[str, ...] = field(default_factory=tuple)
    mention: str | None = None  # the column that text[char_start:char_end] must reproduce

    @property
    def schema(self) -> pa.Schema:
        return pa.schema(
            [pa.field(c.name, c.type, nullable=c.nullable) for c in self.columns]
        )

    @property
    def documented_schema(self) -> pa.Schema:
        """The schema with every column's description in its field metadata, and the table's description and
        all column descriptions (JSON) in the file's metadata: DuckDB (parquet_kv_metadata), pandas and
        pyarrow (field.metadata), polars (read_parquet_metadata) and R's arrow all see them."""
        import json

        fields = [pa.field(c.name, c.type, nullable=c.nullable, metadata={"description": c.description})
                  for c in self.columns]
        return pa.schema(fields, metadata={
            "table": self.name,
            "description": self.description,
            "column_descriptions": json.dumps({c.name: c.description for c in self.columns}, ensure_ascii=False),
        })

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


SCOPES = tuple(scope.value for scope in Scope)
SCALES = ("four_point", "joint_inspection", "improvement_required", "not_rated", "other")
DOC_TYPES = ("report", "press_release", "annual_report", "other")
FRAMEWORK_KEYS = (*(f.key for f in FRAMEWORKS), "unknown")
SIDES = ("overall", "organisational", "court", "out_of_court", "resettlement", "children", "victims", "case_work")
DATE_ROLES = ("publication", "fieldwork", "report_signed", "case_sample", "data_period", "other")
PRECISIONS = ("day", "month")
OWNER_TYPES = (
    "management board",
    "board chair",
    "head of service / service manager",
    "local authority",
    "children's services",
    "health",
    "police",
    "probation",
    "education",
    "careers",
    "other",
)
SOURCE_FORMATS = ("txt", "pdf", "html")
ERROR_STAGES = ("fetch", "discover", "read", "load", "extract", "worker")
LANGUAGES = ("en", "cy")
SOURCE_KINDS = ("report_pdf", "report_html", "press_release")
ROLES_IN_INSPECTION = ("report", "press_release", "secondary")
ID_BASES = ("kept", "published", "fieldwork", "undated")


def _id(name: str, description: str) -> Column:
    return Column(name, pa.string(), description, nullable=False)


DOC_ID = _id("doc_id", "Document id: the first 16 hex digits of the SHA-256 of the file's bytes.")
FACT_ID = _id(
    "fact_id",
    "Fact id: a hash of doc_id, table, span and value; stable across runs and machines.",
)
EXTRACTOR_VERSION = Column(
    "extractor_version",
    pa.string(),
    "Name and version of the loader or extractor that produced the row, e.g. 'ratings/3'.",
    nullable=False,
)

INSPECTION_ID = Column(
    "inspection_id", pa.string(),
    "The inspection this row belongs to (inspections.inspection_id): a report, its press release and every "
    "rendering of them share it; null for a document about no single inspection (an annual report, another "
    "party's page).")

SPAN_COLUMNS = (
    Column("char_start", pa.int32(), "Start offset of the mention in the document's canonical text (pages.text joined).", nullable=False),
    Column("char_end", pa.int32(), "End offset (exclusive): text[char_start:char_end] is the mention.", nullable=False),
    Column("page", pa.int32(), "1-based page holding char_start (1 for HTML, and for plain text without form feeds).", nullable=False),
    Column("section_heading", pa.string(), "The nearest heading above the mention, as written."),
    Column("sentence", pa.string(), "The sentence (or table row) the mention was found in; one over 1,000 characters (a run-on "
           "text without full stops) is cut to the 1,000 around the mention, each cut marked '…'.", nullable=False),
)


DOCUMENTS = Table(
    name="documents",
    description="One row per distinct document (identical files are one document).",
    key=("doc_id",),
    sort_by=("doc_id",),
    columns=(
        DOC_ID,
        INSPECTION_ID,
        Column("source_path", pa.string(), "Path of the file, relative to the raw folder (the first, sorted, when several files are identical).", nullable=False),
        Column("source_paths", pa.list_(pa.string()), "Every path with these exact bytes.", nullable=False),
        Column("source_format", pa.string(), "How the file was read.", nullable=False, allowed=SOURCE_FORMATS),
        Column("sha256", pa.string(), "SHA-256 of the file's bytes.", nullable=False),
        Column("encoding", pa.string(), "Text encoding used for plain text (utf-8, utf-8-sig, cp1252, latin-1); null for PDF."),
        Column("page_count", pa.int32(), "Number of pages in the canonical text.", nullable=False),
        Column("char_count", pa.int32(), "Length of the canonical text.", nullable=False),
        Column("doc_type", pa.string(), "report, press_release, annual_report or other.", nullable=False, allowed=DOC_TYPES),
        Column("doc_type_cue", pa.string(), "Why doc_type: 'report title and body', 'annual report title', or the weighed "
               "evidence of who speaks, each side's total and its cues with their weights ('press_release 4 "
               "(notes_to_editors 3, inspectorate_officer_said 1); other 2 (dateline 2)'); the cues, with a weight and "
               "an example each, are DOC_TYPE_CUES in models/patterns.py.", nullable=False),
        Column("title", pa.string(), "The document's title as written."),
        Column("service", pa.string(), "Inspected service, fullest name form the document gives (e.g. 'Anytown Youth Justice Service')."),
        Column("service_key", pa.string(), "The service's key in the register of youth justice services (services."
               "service_key: 'wrexham', 'conwy-and-denbighshire'); for a place the register does not know, the place "
               "as written, lower case and hyphenated (services.in_register is false)."),
        Column("role_in_inspection", pa.string(), "What the document is to its inspection: the Inspectorate's report or "
               "press release, or another party's retelling (secondary: a council, a newspaper; one that states a "
               "rating of the service, dates the inspection, or copies sentences of its documents word for word); null for a "
               "document about no single inspection.", allowed=ROLES_IN_INSPECTION),
        Column("framework", pa.string(), "Inspection framework inferred from the document.", nullable=False, allowed=FRAMEWORK_KEYS),
        Column("overall_rating", pa.string(), "Overall rating of the service in this inspection (canonical label)."),
        Column("overall_rating_rank", pa.int8(), "Rank of overall_rating on its scale (0 = lowest)."),
        Column("publication_date", pa.date32(), "Publication date (first-of-month when only the month is given)."),
        Column("publication_date_precision", pa.string(), "day or month.", allowed=PRECISIONS),
        Column("fieldwork_start", pa.date32(), "Start of inspection fieldwork (first-of-month when only the month is given)."),
        Column("fieldwork_start_precision", pa.string(), "day or month.", allowed=PRECISIONS),
        Column("dateline", pa.date32(), "Another party's page's own date: a news story's dateline, a council "
               "paper's meeting day (a date of role 'other' in dates). Inspections read it as when the page was "
               "written; null for the Inspectorate's documents."),
        Column("dateline_precision", pa.string(), "day or month.", allowed=PRECISIONS),
        Column("chief_inspector", pa.string(), "The Chief Inspector of Probation the document quotes or whose "
               "foreword it carries, when it names one only (models/chief_inspectors.py: each one's term). An "
               "undated document of the Inspectorate was published during that term: inspections use the term to "
               "tell apart undated documents of one service."),
        Column("recommendation_count_stated", pa.int32(), "Number of recommendations the document says were made."),
        Column("recommendation_count_extracted", pa.int32(), "Number of recommendation rows extracted.", nullable=False),
        Column("language", pa.string(), "en or cy (Welsh): the language of the text. The extractors read English; a "
               "Welsh text's facts are its figures and dates, and no fact is counted as missed in it.",
               nullable=False, allowed=LANGUAGES),
        Column("translation_of", pa.string(), "For one language version of a report, the doc_id of the other (the "
               "fetcher found both on one inspection page); else null."),
        Column("source_url", pa.string(), "Where `hmip fetch` got the file (sources.url); null for a file put in the "
               "raw folder by hand."),
        Column("site_published", pa.date32(), "The date of publication the Inspectorate's site gives (sources.published)."),
        Column("load_notes", pa.list_(pa.string()), "What reading the file noted: pages without a text layer, pages "
               "the pdfium engine left to pdfplumber and why, text that was not UTF-8.", nullable=False),
        EXTRACTOR_VERSION,
    ),
)

PDF_ENGINES = ("pdfium", "pdfplumber")

PAGES = Table(
    name="pages",
    description="The canonical text of each document, page by page; every char offset in every table indexes into these texts joined in page order.",
    key=("doc_id", "page"),
    sort_by=("doc_id", "page"),
    columns=(
        DOC_ID,
        Column("page", pa.int32(), "1-based page number.", nullable=False),
        Column("char_start", pa.int32(), "Offset of the page's first character in the canonical text.", nullable=False),
        Column("char_end", pa.int32(), "Offset just past the page's last character.", nullable=False),
        Column("text", pa.string(), "The page's canonical text (= canonical_text[char_start:char_end]).", nullable=False),
        Column("removed", pa.list_(pa.string()), "Running headers, footers and page numbers removed from this page, as found.", nullable=False),
        Column("engine", pa.string(), "The PDF engine that read the page: pdfium, or pdfplumber (chosen with "
               "--pdf-engine, or for a page pdfium left to it: see documents.load_notes); null for text and web pages.",
               allowed=PDF_ENGINES),
        EXTRACTOR_VERSION,
    ),
)

RATINGS = Table(
    name="ratings",
    description="Every judgement on a named rating scale of the inspected service: overall, domain, standard, theme, or a previous inspection's; with the score where one is stated.",
    key=("fact_id",),
    has_span=True,
    mention="label_text",
    sort_by=("doc_id", "char_start", "fact_id"),
    columns=(
        FACT_ID,
        DOC_ID,
        INSPECTION_ID,
        Column("scope", pa.string(), "overall, domain, standard, theme or previous.", nullable=False, allowed=SCOPES),
        Column("code", pa.string(), "Standard or domain number as printed ('2.1', '3'); null when the document gives none."),
        Column("subject", pa.string(), "What is rated, as the document names it ('Governance and leadership', 'Overall', 'Protecting the Public').", nullable=False),
        Column("framework", pa.string(), "The inspection framework of the rating (the document's; 'unknown' for a previous inspection's rating).",
               nullable=False, allowed=FRAMEWORK_KEYS),
        Column("standard_key", pa.string(), "The standard rated, unique across frameworks ('standards_2018/2.2', "
               "'children_and_victims_2024/work-with-victims', 'joint_inspection_2012/protecting-the-public'): join on "
               "this, never on a code or a name as written. Null for a previous inspection's rating and for a subject "
               "no framework names. The standards table lists them."),
        Column("standard_name", pa.string(), "The standard's canonical name (standards.name)."),
        Column("label", pa.string(), "Canonical label ('Requires improvement', 'Satisfactory', 'Not rated', ...); a "
               "core case level as written in its scale's words ('Moderate improvement required', or 'Moderate "
               "improvement' where the text does not say it is required: the same scale and rank).", nullable=False),
        Column("scale", pa.string(), "four_point (2018+), joint_inspection (2012-2017), improvement_required (2010-2012), not_rated, other.", nullable=False, allowed=SCALES),
        Column("rank", pa.int8(), "Position on the scale, 0 = lowest (Inadequate 0 ... Outstanding 3; Poor 0 ... Good 3); null for not rated / other."),
        Column("score", pa.int16(), "Score stated for this rating ('Score 13/36' gives 13), else null."),
        Column("score_max", pa.int16(), "Maximum of the stated score (36), else null."),
        Column("label_text", pa.string(), "The label as written.", nullable=False),
        *SPAN_COLUMNS,
        EXTRACTOR_VERSION,
    ),
)

SCORES = Table(
    name="scores",
    description="Every score stated for the service ('Score 13/36', 'a score of 34 out of 36', 'scored 33/36').",
    key=("fact_id",),
    has_span=True,
    mention="text",
    sort_by=("doc_id", "char_start", "fact_id"),
    columns=(
        FACT_ID,
        DOC_ID,
        INSPECTION_ID,
        Column("subject", pa.string(), "What is scored ('Overall').", nullable=False),
        Column("score", pa.int16(), "The score ('Score 13/36' gives 13).", nullable=False),
        Column("score_max", pa.int16(), "Its maximum (36 in the 2018 framework).", nullable=False),
        Column("text", pa.string(), "The mention as written.", nullable=False),
        *SPAN_COLUMNS,
        EXTRACTOR_VERSION,
    ),
)

PERCENTAGES = Table(
    name="percentages",
    description="Every number written with % / per cent / percent.",
    key=("fact_id",),
    has_span=True,
    mention="text",
    sort_by=("doc_id", "char_start", "fact_id"),
    columns=(
        FACT_ID,
        DOC_ID,
        INSPECTION_ID,
        Column("value", pa.float64(), "The number.", nullable=False),
        Column("text", pa.string(), "The mention as written ('45.4 %', '11 per cent', '80% +').", nullable=False),
        Column("subject", pa.string(), "For key-question rows, the question; otherwise null."),
        Column("section", pa.string(), "Standard number the key-question table belongs to ('2.1'); else null."),
        *SPAN_COLUMNS,
        EXTRACTOR_VERSION,
    ),
)

DATES = Table(
    name="dates",
    description="Every calendar date naming at least a month and a year, with its role.",
    key=("fact_id",),
    has_span=True,
    mention="text",
    sort_by=("doc_id", "char_start", "fact_id"),
    columns=(
        FACT_ID,
        DOC_ID,
        INSPECTION_ID,
        Column("date", pa.date32(), "The date; month precision uses the first of the month.", nullable=False),
        Column("precision", pa.string(), "day or month (a missing day is never filled in).", nullable=False, allowed=PRECISIONS),
        Column("role", pa.string(), "publication, fieldwork, report_signed, case_sample, data_period or other.", nullable=False, allowed=DATE_ROLES),
        Column("text", pa.string(), "The mention as written.", nullable=False),
        *SPAN_COLUMNS,
        EXTRACTOR_VERSION,
    ),
)

RECOMMENDATIONS = Table(
    name="recommendations",
    description="Each numbered or bulleted recommendation, with who must act.",
    key=("fact_id",),
    has_span=True,
    mention="text",
    sort_by=("doc_id", "number", "fact_id"),
    columns=(
        FACT_ID,
        DOC_ID,
        INSPECTION_ID,
        Column("number", pa.int32(), "Its number in the document (1-based order when unnumbered).", nullable=False),
        Column("owner", pa.string(), "Who must act, as written, without a leading 'The' or trailing 'should:'."),
        Column("owner_type", pa.string(), "Normalised owner.", allowed=OWNER_TYPES),
        Column("text", pa.string(), "The recommendation's text (the span).", nullable=False),
        *SPAN_COLUMNS,
        EXTRACTOR_VERSION,
    ),
)

MENTIONS = Table(
    name="mentions",
    description="Every candidate the extractors saw (each rating label, score, percent sign, month name or numeric date, "
                "recommendation item) and what became of it: a fact (with its fact_id) or set aside with a reason. "
                "Sort the set-aside ones by reason to find a missed fact or a new phrasing.",
    key=("mention_id",),
    has_span=True,
    mention="text",
    sort_by=("doc_id", "char_start", "fact_type", "mention_id"),
    columns=(
        Column("mention_id", pa.string(), "A hash of doc_id, fact type, span and decision; stable across runs.", nullable=False),
        DOC_ID,
        INSPECTION_ID,
        Column("fact_type", pa.string(), "What kind of fact the candidate could be.", nullable=False, allowed=MENTION_TYPES),
        Column("text", pa.string(), "The candidate as written.", nullable=False),
        Column("decision", pa.string(), "fact (it is, or restates, the fact fact_id) or set_aside.", nullable=False,
               allowed=("fact", "set_aside")),
        Column("fact_id", pa.string(), "The fact this mention gave or restates (its table is the fact type's); null when set aside."),
        Column("rule", pa.string(), "The rule that decided: for a fact, the reading that made it ('table_row', 'rated_as', "
               "'received', 'active_rating+antecedent_list', 'restates', ...); for a set-aside rating, the cue that set it "
               "aside ('hedged', 'counted_label', 'subject_not_rated', ...). Constructions and cues are listed, with "
               "examples, in models/constructions.py."),
        Column("reason", pa.string(), "For a set-aside candidate: why.", allowed=REASON_NAMES),
        Column("detail", pa.string(), "More about the decision, for a person."),
        *SPAN_COLUMNS,
        EXTRACTOR_VERSION,
    ),
)

ERRORS = Table(
    name="errors",
    description="One row per file that could not be (fully) processed, or fetched; the run goes on without it.",
    key=("source_path", "stage", "error_kind"),
    sort_by=("source_path", "stage", "error_kind"),
    columns=(
        Column("doc_id", pa.string(), "Document id when the file could be read, else null."),
        Column("source_path", pa.string(), "Path relative to the raw folder (for a failed fetch, the URL).", nullable=False),
        Column("url", pa.string(), "For a failed fetch: the URL asked for; else null."),
        Column("stage", pa.string(), "fetch, discover, read, load, extract or worker.", nullable=False, allowed=ERROR_STAGES),
        Column("error_kind", pa.string(), "Short machine-readable kind: empty_file, corrupt_pdf, encrypted_pdf, no_text_layer, unmapped_font, binary_file, unsupported_extension, file_vanished, timeout, memory, ...", nullable=False),
        Column("message", pa.string(), "What went wrong, for a person.", nullable=False),
        EXTRACTOR_VERSION,
    ),
)

CHECK_NAMES = (
    "completeness",
    "states_overall_rating",
    "states_score",
    "states_standard",
    "states_themes",
    "states_recommendations",
    "states_recommendation_count",
    "score_sum",
    "score_max",
    "score_band",
    "key_question_band",
    "case_assessment_band",
    "recommendation_count",
    "press_release_overall_rating",
    "inspection_documents_agree",
    "press_release_recommendation_count",
    "inspection_link",
    "listed_service",
)

CHECKS = Table(
    name="checks",
    description="The Inspectorate's own arithmetic applied to what was extracted, and the facts each kind of document must state (completeness): one row per check and document. A failed check is a flag to look at, not necessarily an extraction error (inspectors may depart from a band; a page may quote only part of a report).",
    key=("doc_id", "check", "subject"),
    sort_by=("doc_id", "check", "subject"),
    columns=(
        DOC_ID,
        Column("check", pa.string(), "Which rule.", nullable=False, allowed=CHECK_NAMES),
        Column("subject", pa.string(), "What the check is about ('Overall', a standard code, a theme, the report's doc_id).", nullable=False),
        Column("expected", pa.string(), "What the rule gives, from the other facts.", nullable=False),
        Column("found", pa.string(), "What the document states (null when it states nothing)."),
        Column("passed", pa.bool_(), "expected == found (true only when the outcome is 'passed').", nullable=False),
        Column("outcome", pa.string(), "passed, failed, or not_run (the check could not be applied, with the reason in detail).",
               nullable=False, allowed=("passed", "failed", "not_run")),
        Column("detail", pa.string(), "How expected was worked out.", nullable=False),
        EXTRACTOR_VERSION,
    ),
)

INSPECTIONS = Table(
    name="inspections",
    description="One row per inspection, joining the documents that describe it: the report, its press release, "
                "every rendering of them, and other parties' retellings (secondary); count inspections here, not "
                "documents. Documents are one inspection when their service is the same register entry and nothing "
                "contradicts it (framework, dates, overall rating, the rating of any standard or theme both state); "
                "a document that could belong to two inspections joins neither (a not_run inspection_link check "
                "says so), unless only one of them is under the framework it names (joined, and a not_run "
                "inspection_link check says so); a report and a press release kept apart only because they rate something differently "
                "are a failed inspection_link check; documents dated as one inspection whose ratings differ are "
                "joined, and each difference is a failed inspection_documents_agree check.",
    key=("inspection_id",),
    sort_by=("service_key", "publication_date", "inspection_id"),
    columns=(
        Column("inspection_id", pa.string(), "Stable id, '<service_key>-<framework>-<YYYY-MM>': the month of "
               "publication an Inspectorate document of the inspection states (else of fieldwork), or "
               "'<service_key>-<framework>-undated-<8 hex digits>' (a hash of its documents' ids) when none is "
               "dated. Framework tokens: cci (2009-2012), joint (2012-2017), standards (2018-2024), "
               "children-victims (2024-), unknown. Once published an id is kept: the next run gives the same "
               "inspection the same id whatever documents arrive (id_basis 'kept'), and an inspection that absorbs "
               "another lists the other's id in aliases.", nullable=False),
        Column("id_basis", pa.string(), "How the id was made: published or fieldwork (the month in it), undated, "
               "or kept from an earlier run.", nullable=False, allowed=ID_BASES),
        Column("aliases", pa.list_(pa.string()), "Earlier ids of this inspection (of inspections it absorbed): a "
               "saved id is found in inspection_id or here.", nullable=False),
        Column("service", pa.string(), "Inspected service (the register's name; else the fullest name the documents give)."),
        Column("service_key", pa.string(), "The service (services.service_key)."),
        Column("gss_codes", pa.list_(pa.string()), "ONS GSS codes of the local authorities the service covers "
               "(service_areas); empty for a service the register does not know.", nullable=False),
        Column("region", pa.string(), "English region, or Wales (several, joined by '; ', for a service across regions)."),
        Column("framework", pa.string(), "Inspection framework.", nullable=False, allowed=FRAMEWORK_KEYS),
        Column("publication_date", pa.date32(), "Publication date: the report's, else the press release's, else the "
               "site's (a secondary document's own date is never taken)."),
        Column("publication_date_precision", pa.string(), "day or month.", allowed=PRECISIONS),
        Column("fieldwork_start", pa.date32(), "Start of fieldwork (the earliest an Inspectorate document states)."),
        Column("fieldwork_start_precision", pa.string(), "day or month.", allowed=PRECISIONS),
        Column("overall_rating", pa.string(), "Overall rating: the report's, else the press release's, else a "
               "secondary document's (then sources is 'secondary')."),
        Column("overall_rating_rank", pa.int8(), "Rank of overall_rating on its scale (0 = lowest)."),
        Column("score", pa.int16(), "Overall score ('Score 13/36' gives 13)."),
        Column("score_max", pa.int16(), "Maximum of the score."),
        Column("recommendation_count", pa.int32(), "Recommendations made: extracted from the report, else the number stated."),
        Column("sources", pa.string(), "inspectorate (a report or press release of the Inspectorate is among the "
               "documents) or secondary (only other parties' retellings).", nullable=False, allowed=("inspectorate", "secondary")),
        Column("doc_ids", pa.list_(pa.string()), "Every document describing this inspection.", nullable=False),
        Column("report_doc_ids", pa.list_(pa.string()), "Those that are reports.", nullable=False),
        Column("press_release_doc_ids", pa.list_(pa.string()), "Those that are press releases.", nullable=False),
        Column("secondary_doc_ids", pa.list_(pa.string()), "Those of other parties.", nullable=False),
        Column("report_url", pa.string(), "Where the report was fetched from (documents.source_url), if fetched."),
        Column("press_release_url", pa.string(), "Where the press release was fetched from, if fetched."),
        EXTRACTOR_VERSION,
    ),
)

_PER_INSPECTION = ("One row per inspection and {what}, from the documents that describe the inspection: the "
                   "report's word when there is a report (else the press release's); agree tells whether every document "
                   "that states it says the same (a disagreement is also a failed inspection_documents_agree check).")

INSPECTION_RATINGS = Table(
    name="inspection_ratings",
    description=_PER_INSPECTION.format(what="rated subject (overall, each standard or theme)"),
    key=("inspection_id", "rated"),
    sort_by=("inspection_id", "rated"),
    columns=(
        Column("inspection_id", pa.string(), "The inspection (inspections.inspection_id).", nullable=False),
        Column("rated", pa.string(), "What is rated: the standard_key, or 'scope:subject' when no standard is known.", nullable=False),
        Column("service_key", pa.string(), "The inspected service (services.service_key)."),
        Column("framework", pa.string(), "The inspection's framework.", nullable=False, allowed=FRAMEWORK_KEYS),
        Column("standard_key", pa.string(), "The standard (standards.standard_key); null when no framework names the subject."),
        Column("standard_name", pa.string(), "The standard's canonical name."),
        Column("scope", pa.string(), "overall, domain, standard or theme.", nullable=False, allowed=SCOPES),
        Column("code", pa.string(), "The code as the chosen document prints it."),
        Column("subject", pa.string(), "The subject as the chosen document names it.", nullable=False),
        Column("label", pa.string(), "The label (the chosen document's; a core case level as its scale names it, "
               "'Moderate improvement required', however the document writes it).", nullable=False),
        Column("scale", pa.string(), "The label's scale.", nullable=False, allowed=SCALES),
        Column("rank", pa.int8(), "Position on the scale, 0 = lowest."),
        Column("source_doc_id", pa.string(), "The document whose word is taken (a report before a press release, "
               "either before another party's).", nullable=False),
        Column("source_role", pa.string(), "That document's role: a rating only secondary documents state is "
               "flagged 'secondary'.", nullable=False, allowed=ROLES_IN_INSPECTION),
        Column("doc_ids", pa.list_(pa.string()), "Every document of the inspection that states this rating.", nullable=False),
        Column("labels", pa.list_(pa.string()), "Every label they give, in doc_id order (one when they agree).", nullable=False),
        Column("agree", pa.bool_(), "Whether every document gives the same label.", nullable=False),
        EXTRACTOR_VERSION,
    ),
)

INSPECTION_SCORES = Table(
    name="inspection_scores",
    description=_PER_INSPECTION.format(what="score (the overall score out of 36 in the 2018 framework)"),
    key=("inspection_id", "subject"),
    sort_by=("inspection_id", "subject"),
    columns=(
        Column("inspection_id", pa.string(), "The inspection.", nullable=False),
        Column("service_key", pa.string(), "The inspected service."),
        Column("subject", pa.string(), "What is scored ('Overall').", nullable=False),
        Column("score", pa.int16(), "The score (the chosen document's).", nullable=False),
        Column("score_max", pa.int16(), "Its maximum.", nullable=False),
        Column("source_doc_id", pa.string(), "The document whose word is taken.", nullable=False),
        Column("doc_ids", pa.list_(pa.string()), "Every document of the inspection that states a score.", nullable=False),
        Column("agree", pa.bool_(), "Whether they all state the same score.", nullable=False),
        EXTRACTOR_VERSION,
    ),
)

INSPECTION_RECOMMENDATIONS = Table(
    name="inspection_recommendations",
    description=_PER_INSPECTION.format(what="recommendation (by its number in the report)"),
    key=("inspection_id", "number"),
    sort_by=("inspection_id", "number"),
    columns=(
        Column("inspection_id", pa.string(), "The inspection.", nullable=False),
        Column("service_key", pa.string(), "The inspected service."),
        Column("number", pa.int32(), "The recommendation's number.", nullable=False),
        Column("owner", pa.string(), "Who must act (the chosen document's words)."),
        Column("owner_type", pa.string(), "Normalised owner.", allowed=OWNER_TYPES),
        Column("text", pa.string(), "The recommendation's text.", nullable=False),
        Column("source_doc_id", pa.string(), "The document whose words are taken.", nullable=False),
        Column("doc_ids", pa.list_(pa.string()), "Every document of the inspection that lists it.", nullable=False),
        Column("agree", pa.bool_(), "Whether they all name the same owner.", nullable=False),
        EXTRACTOR_VERSION,
    ),
)

STANDARDS = Table(
    name="standards",
    description="Reference: the Inspectorate's rating frameworks and their standards (models/frameworks.py). "
                "ratings.standard_key and inspection_ratings.standard_key join here.",
    key=("standard_key",),
    sort_by=("framework", "standard_key"),
    columns=(
        Column("standard_key", pa.string(), "Unique across frameworks: <framework>/<code> or <framework>/<name>.", nullable=False),
        Column("framework", pa.string(), "The framework.", nullable=False, allowed=FRAMEWORK_KEYS),
        Column("framework_name", pa.string(), "The framework as the Inspectorate calls it.", nullable=False),
        Column("framework_years", pa.string(), "When inspections used it.", nullable=False),
        Column("scale", pa.string(), "The scale of its labels.", nullable=False, allowed=SCALES),
        Column("code", pa.string(), "The standard's number, where the framework numbers its standards."),
        Column("name", pa.string(), "The canonical name.", nullable=False),
        Column("domain", pa.string(), "The domain or broad area it belongs to."),
        Column("side", pa.string(), "Which work it judges.", nullable=False, allowed=SIDES),
        Column("note", pa.string(), "When it applies, where that is narrower than the framework.", nullable=False),
        EXTRACTOR_VERSION,
    ),
)

SERVICES = Table(
    name="services",
    description="One row per service the documents name (service_key), with the register's record of it: its "
                "local authorities' ONS codes, region, predecessors and successors, and every name the documents "
                "give it. A service's history across inspections is one key.",
    key=("service_key",),
    sort_by=("service_key",),
    columns=(
        Column("service_key", pa.string(), "Stable key: the register's ('anytown', 'anytown-and-newtown'), or the "
               "place as written for a service the register does not know.", nullable=False),
        Column("service", pa.string(), "Canonical name: the register's, else the fullest name the latest report gives.", nullable=False),
        Column("in_register", pa.bool_(), "Whether the key is the register's; false: recorded as the documents name "
               "it, never invented.", nullable=False),
        Column("names", pa.list_(pa.string()), "Every name the documents give the service, sorted.", nullable=False),
        Column("areas", pa.list_(pa.string()), "The local authorities it covers (service_areas), by name.", nullable=False),
        Column("gss_codes", pa.list_(pa.string()), "Their ONS GSS codes (E06, E08, E09, E10, W06).", nullable=False),
        Column("region", pa.string(), "English region, or Wales."),
        Column("joint", pa.bool_(), "Whether it covers more than one authority by agreement (West Mercia, Western Bay).", nullable=False),
        Column("start", pa.string(), "When it began, where the register knows (a year or a date)."),
        Column("end", pa.string(), "When it ended, where it has."),
        Column("predecessors", pa.list_(pa.string()), "Service keys it replaced (merged or split services).", nullable=False),
        Column("successors", pa.list_(pa.string()), "Service keys that replaced it.", nullable=False),
        Column("part_of", pa.list_(pa.string()), "Joint services that have covered its authority.", nullable=False),
        Column("register_source", pa.string(), "Where the register's entry comes from."),
        Column("inspection_ids", pa.list_(pa.string()), "Its inspections, oldest first.", nullable=False),
        Column("doc_ids", pa.list_(pa.string()), "Every document about it.", nullable=False),
        EXTRACTOR_VERSION,
    ),
)

SERVICE_AREAS = Table(
    name="service_areas",
    description="Reference (models/data): every youth justice service in the register and each local authority it "
                "covers, with the dates both existed; join an area's other public data on gss_code.",
    key=("service_key", "gss_code"),
    sort_by=("service_key", "gss_code"),
    columns=(
        Column("service_key", pa.string(), "The service (services.service_key).", nullable=False),
        Column("gss_code", pa.string(), "The authority's ONS GSS code.", nullable=False),
        Column("authority", pa.string(), "The authority's name.", nullable=False),
        Column("authority_kind", pa.string(), "county, unitary, metropolitan_district, london_borough, city_of_london "
               "or welsh_principal_area.", nullable=False),
        Column("region", pa.string(), "English region, or Wales.", nullable=False),
        Column("nation", pa.string(), "England or Wales.", nullable=False),
        Column("from_date", pa.string(), "First day the service covered it, where known after 2009 (ISO date)."),
        Column("to_date", pa.string(), "Last day, where it has ended (ISO date)."),
        Column("joint", pa.bool_(), "Whether the service is a joint one.", nullable=False),
        EXTRACTOR_VERSION,
    ),
)

SOURCES = Table(
    name="sources",
    description="Every file `hmip fetch` put in the raw folder: where it came from, when the site says it was "
                "published, and the HTTP validators that let the next fetch ask only for what changed. A file that "
                "changed at the same URL is kept as a new version (a new row and a new file); none is ever deleted. "
                "Identical bytes are kept once: the same file found at two addresses is two rows with one path.",
    key=("url", "version"),
    sort_by=("url", "version"),
    columns=(
        Column("url", pa.string(), "The URL the file was asked for.", nullable=False),
        Column("final_url", pa.string(), "The URL it came from, after redirects.", nullable=False),
        Column("path", pa.string(), "The file, relative to the raw folder (documents.source_path).", nullable=False),
        Column("sha256", pa.string(), "SHA-256 of its bytes (documents.sha256).", nullable=False),
        Column("size", pa.int64(), "Its size in bytes.", nullable=False),
        Column("version", pa.int32(), "1 for the first file at this URL, 2 for the next that differs, ...", nullable=False),
        Column("kind", pa.string(), "What it is.", nullable=False, allowed=SOURCE_KINDS),
        Column("language", pa.string(), "en, or cy for the Welsh-language version of a report.", nullable=False,
               allowed=LANGUAGES),
        Column("title", pa.string(), "The title the listing gives."),
        Column("programme", pa.string(), "The listing it was found in: the inspection programme's slug, or "
                                         "press-releases.", nullable=False),
        Column("inspection_page", pa.string(), "The inspection's page on the site that links the file."),
        Column("published", pa.date32(), "The date of publication the site gives."),
        Column("published_text", pa.string(), "That date as the site writes it ('12 March 2024')."),
        Column("fetched_at", pa.string(), "When it was downloaded (UTC, ISO 8601).", nullable=False),
        Column("http_status", pa.int16(), "The status of the download.", nullable=False),
        Column("etag", pa.string(), "The ETag the server gave."),
        Column("last_modified", pa.string(), "The Last-Modified the server gave."),
        EXTRACTOR_VERSION,
    ),
)

CATALOGUE = Table(
    name="catalogue",
    description="What the Inspectorate's site lists, and what became of it here: one row per inspection page "
                "`hmip fetch` has seen, with the files it links, whether each was fetched and extracted, and the "
                "service the listing names beside the one extracted (a difference is a failed listed_service "
                "check). Empty when the raw folder was not filled by `hmip fetch`.",
    key=("inspection_page",),
    sort_by=("programme", "published", "inspection_page"),
    columns=(
        Column("inspection_page", pa.string(), "The inspection's page on the site.", nullable=False),
        Column("programme", pa.string(), "The listing's programme slug.", nullable=False),
        Column("title", pa.string(), "The title the listing gives."),
        Column("service_listed", pa.string(), "The register's key of the service the title names (null when it "
               "names none the register knows)."),
        Column("published", pa.date32(), "The date of publication the page gives."),
        Column("published_text", pa.string(), "That date as the page writes it."),
        Column("page_read", pa.bool_(), "Whether the inspection's page could be read.", nullable=False),
        Column("report_urls", pa.list_(pa.string()), "The reports it links (PDF or web page).", nullable=False),
        Column("welsh_report_urls", pa.list_(pa.string()), "Their Welsh-language versions.", nullable=False),
        Column("press_release_urls", pa.list_(pa.string()), "The press releases it links.", nullable=False),
        Column("fetched", pa.bool_(), "Whether every file it links is in the raw folder.", nullable=False),
        Column("failed_urls", pa.list_(pa.string()), "Linked files not fetched (see errors).", nullable=False),
        Column("extracted", pa.bool_(), "Whether every linked file is a document in these tables.", nullable=False),
        Column("doc_ids", pa.list_(pa.string()), "Its documents.", nullable=False),
        Column("service_extracted", pa.string(), "The service_key extracted from its report (else its documents)."),
        Column("service_agrees", pa.bool_(), "service_listed is service_extracted (null when either is unknown)."),
        Column("inspection_ids", pa.list_(pa.string()), "The inspections its documents are in.", nullable=False),
        EXTRACTOR_VERSION,
    ),
)


def _summary_columns() -> tuple[Column, ...]:
    return tuple(Column(s.key, pa.string(), f"{s.name} ({s.framework}{', ' + s.code if s.code else ''}): the "
                        "inspection's label, from inspection_ratings.", allowed=None)
                 for s in FRAMEWORK_STANDARDS if not s.key.endswith("/overall"))


INSPECTION_SUMMARY = Table(
    name="inspection_summary",
    description="The table to open first: one row per inspection with its service and local-authority codes, "
                "framework, dates, overall rating and score, one column per standard (named by its standard_key; "
                "empty where the inspection's framework has no such standard or no document states it), the number "
                "of recommendations, the report's and the press release's URLs, and the documents that state it.",
    key=("inspection_id",),
    sort_by=("service_key", "publication_date", "inspection_id"),
    columns=(
        Column("inspection_id", pa.string(), "The inspection (inspections.inspection_id).", nullable=False),
        Column("service", pa.string(), "Inspected service."),
        Column("service_key", pa.string(), "The service (services.service_key)."),
        Column("gss_codes", pa.list_(pa.string()), "ONS GSS codes of its local authorities.", nullable=False),
        Column("region", pa.string(), "English region, or Wales."),
        Column("framework", pa.string(), "Inspection framework.", nullable=False, allowed=FRAMEWORK_KEYS),
        Column("framework_name", pa.string(), "The framework as the Inspectorate calls it; null when unknown."),
        Column("fieldwork_start", pa.date32(), "Start of fieldwork."),
        Column("fieldwork_start_precision", pa.string(), "day or month.", allowed=PRECISIONS),
        Column("publication_date", pa.date32(), "Publication date."),
        Column("publication_date_precision", pa.string(), "day or month.", allowed=PRECISIONS),
        Column("overall_rating", pa.string(), "Overall rating."),
        Column("overall_rating_rank", pa.int8(), "Its rank on its scale (0 = lowest)."),
        Column("score", pa.int16(), "Overall score."),
        Column("score_max", pa.int16(), "Its maximum."),
        *_summary_columns(),
        Column("recommendation_count", pa.int32(), "Recommendations made."),
        Column("report_url", pa.string(), "The report's URL, if fetched."),
        Column("press_release_url", pa.string(), "The press release's URL, if fetched."),
        Column("sources", pa.string(), "inspectorate or secondary (only other parties' retellings).", nullable=False,
               allowed=("inspectorate", "secondary")),
        Column("doc_ids", pa.list_(pa.string()), "The documents that state it.", nullable=False),
        EXTRACTOR_VERSION,
    ),
)


TABLES: dict[str, Table] = {
    t.name: t
    for t in (DOCUMENTS, PAGES, RATINGS, SCORES, PERCENTAGES, DATES, RECOMMENDATIONS, MENTIONS, CHECKS, INSPECTIONS,
              INSPECTION_SUMMARY, INSPECTION_RATINGS, INSPECTION_SCORES, INSPECTION_RECOMMENDATIONS, SERVICES,
              SERVICE_AREAS, STANDARDS, CATALOGUE, ERRORS)
}
# Written by `hmip fetch`, not by `hmip extract`: declared here like the others, kept apart from the extract's set.
FETCH_TABLES: dict[str, Table] = {SOURCES.name: SOURCES}


def data_dictionary_markdown() -> str:
    """The README's data dictionary, generated from the declarations above."""
    out: list[str] = []
    for table in (*TABLES.values(), *FETCH_TABLES.values()):
        out.append(f"### `{table.name}`\n")
        out.append(f"{table.description}\n")
        out.append("| column | type | null | description |")
        out.append("| --- | --- | --- | --- |")
        for c in table.columns:
            desc = c.description
            if c.allowed:
                desc += " One of: " + ", ".join(f"`{a}`" for a in c.allowed) + "."
            out.append(f"| `{c.name}` | {c.type} | {'yes' if c.nullable else 'no'} | {desc} |")
        out.append("")
    return "\n".join(out)
