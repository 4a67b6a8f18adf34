"""Pages to check the facts by eye: each document's canonical text with every extracted fact highlighted.

``hmip review`` writes static HTML (no scripts, nothing fetched from the network, readable offline and in
print): an index of the documents grouped by inspection, with their framework, overall rating, fact counts
and failed checks, and the files that could not be read; for each document its text page by page as
published (each page headed by its number), with every fact marked by type, every restatement of a fact, and
every candidate the extractors set aside. Each fact and each set-aside candidate has a numbered note at the
end of its page (what was read, or the reason it was set aside, and the page), linked both ways; a filter
(plain CSS) shows only facts, only what was set aside, or one type of fact. The other documents of the
inspection are linked from each page. Marks that overlap are nested; a mark that would cross another's edge
is split, and every piece carries the id of its fact.
"""

from __future__ import annotations

import html
import itertools
import os
from dataclasses import dataclass

import pandas as pd

FACT_TABLES = ("ratings", "scores", "percentages", "dates", "recommendations")
TYPE_OF_TABLE = {"ratings": "rating", "scores": "score", "percentages": "percentage", "dates": "date",
                 "recommendations": "recommendation"}

STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5rem auto; max-width: 60rem; color: #222; line-height: 1.5; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.5rem; }
table { border-collapse: collapse; font-size: 0.9rem; } td, th { border: 1px solid #ccc; padding: 0.2rem 0.5rem; }
th { background: #f3f3f3; text-align: left; }
.text { white-space: pre-wrap; font-family: Georgia, serif; font-size: 0.95rem; border: 1px solid #ddd; padding: 1rem; }
mark, .legend span { border-radius: 2px; padding: 0 1px; color: inherit; }
.rating { background: #ffe08a; } .score { background: #ffb3c7; } .percentage { background: #b8e3ff; }
.date { background: #c9f2c0; } .recommendation { background: #eadcff; }
.restates { background: #fff3c4; border-bottom: 2px dotted #b8860b; }
.aside { background: none; border-bottom: 2px dashed #999; }
.legend span { margin-right: 0.6rem; } .failed { color: #a00; } .small { font-size: 0.85rem; color: #555; }
.page { margin-top: 1.2rem; break-inside: auto; } .page + .page { break-before: page; }
.page-number { font-weight: bold; margin: 0 0 0.3rem; border-top: 3px double #999; padding-top: 0.3rem; }
a.ref { text-decoration: none; color: #444; } a.ref::after { content: "[" attr(data-n) "]"; font-size: 0.7em;
  vertical-align: super; }
ol.notes { font-size: 0.85rem; color: #333; margin: 0.4rem 0 0; list-style: none; padding-left: 0.5rem; }
ol.notes li.aside-note { color: #666; }
tr.group th { background: #e8eef7; }
.filters { font-size: 0.85rem; margin: 0.5rem 0; } .filters label { margin-right: 0.8rem; }
#only-facts:checked ~ .doc mark.aside, #only-aside:checked ~ .doc mark:not(.aside),
#only-rating:checked ~ .doc mark:not(.rating), #only-score:checked ~ .doc mark:not(.score),
#only-percentage:checked ~ .doc mark:not(.percentage), #only-date:checked ~ .doc mark:not(.date),
#only-recommendation:checked ~ .doc mark:not(.recommendation) { background: none; border: none; }
#only-facts:checked ~ .doc .aside-note, #only-aside:checked ~ .doc .fact-note,
#only-rating:checked ~ .doc .note:not(.n-rating), #only-score:checked ~ .doc .note:not(.n-score),
#only-percentage:checked ~ .doc .note:not(.n-percentage), #only-date:checked ~ .doc .note:not(.n-date),
#only-recommendation:checked ~ .doc .note:not(.n-recommendation) { display: none; }
input[name="show"] { position: absolute; opacity: 0; }
@media print { .filters { display: none; } }
"""


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    mark_id: str
    kind: str  # css class: rating, score, ..., restates, aside
    title: str


def _attr(value: object) -> str:
    return html.escape("" if value is None or value is pd.NA else str(value), quote=True)


def _present(value: object) -> bool:
    return value is not None and value is not pd.NA and not (isinstance(value, float) and value != value)


def _shown(value: object, empty: str = "nothing") -> str:
    """A value as a person reads it: never None, nan or <NA>."""
    return html.escape(str(value)) if _present(value) else empty


# What the hover text shows of each kind of fact.
TITLE_COLUMNS = {
    "ratings": ("scope", "code", "subject", "label", "standard_key"),
    "scores": ("subject", "score", "score_max"),
    "percentages": ("value", "subject", "section"),
    "dates": ("date", "precision", "role"),
    "recommendations": ("number", "owner", "owner_type"),
}


def _title(table: str, row: pd.Series) -> str:
    parts = [f"{column} {row[column]}" if column in ("number", "score", "score_max") else row[column]
             for column in TITLE_COLUMNS[table]]
    return f"{TYPE_OF_TABLE[table]}: " + " · ".join(str(p) for p in parts if _present(p))


def marks_for(doc_id: str, tables: dict[str, pd.DataFrame]) -> list[Mark]:
    """Every fact of the document, every restatement of one, every candidate set aside."""
    marks: list[Mark] = []
    spans: set[tuple[int, int, str]] = set()
    for table in FACT_TABLES:
        rows = tables[table][tables[table]["doc_id"] == doc_id]
        for _, row in rows.iterrows():
            kind = TYPE_OF_TABLE[table]
            marks.append(Mark(int(row["char_start"]), int(row["char_end"]), row["fact_id"], kind, _title(table, row)))
            spans.add((int(row["char_start"]), int(row["char_end"]), kind))
    mentions = tables["mentions"][tables["mentions"]["doc_id"] == doc_id]
    for _, row in mentions.iterrows():
        start, end = int(row["char_start"]), int(row["char_end"])
        if row["decision"] == "fact":
            if (start, end, row["fact_type"]) in spans:
                continue  # the fact itself, marked above
            marks.append(Mark(start, end, row["mention_id"], "restates",
                              f"{row['fact_type']} restated ({row['rule']}): fact {row['fact_id']}"))
        else:
            detail = f" — {row['detail']}" if _present(row["detail"]) else ""
            marks.append(Mark(start, end, row["mention_id"], "aside",
                              f"{row['fact_type']} set aside: {row['reason']}{detail}"))
    return sorted(marks, key=lambda m: (m.start, -m.end, m.mark_id))


def highlight(text: str, marks: list[Mark], notes: dict[str, int] | None = None,
              anchored: set[str] | None = None) -> str:
    """text as HTML with the marks as nested <mark> elements; a mark crossing another's end is split.

    ``notes`` numbers the marks that have a note: where such a mark ends, a link to its note (an empty element
    whose number CSS draws, so that no mark's text changes); the first piece of each mark is the note's
    target (``anchored`` collects the marks given one, across the pages of a document)."""
    notes = notes or {}
    anchored = anchored if anchored is not None else set()
    boundaries = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starting: dict[int, list[Mark]] = {}
    ending_at: dict[int, list[Mark]] = {}
    for mark in marks:
        if mark.end > mark.start:
            starting.setdefault(mark.start, []).append(mark)
            if mark.mark_id in notes:
                ending_at.setdefault(mark.end, []).append(mark)
    out: list[str] = []
    stack: list[Mark] = []

    def open_tag(mark: Mark) -> str:
        anchor = ""
        if mark.mark_id in notes and mark.mark_id not in anchored:
            anchored.add(mark.mark_id)
            anchor = f' id="m-{_attr(mark.mark_id)}"'
        return (f'<mark class="{mark.kind}" data-id="{_attr(mark.mark_id)}"{anchor} '
                f'title="{_attr(mark.title)}">')

    def refs(position: int) -> str:
        return "".join(f'<a class="ref" href="#note-{notes[m.mark_id]}" data-n="{notes[m.mark_id]}" '
                       f'aria-label="note {notes[m.mark_id]}"></a>'
                       for m in sorted(ending_at.get(position, []), key=lambda m: notes[m.mark_id]))

    for position, following in itertools.pairwise(boundaries):
        # close what ends here; what was opened inside it closes first and opens again after
        ending = [m for m in stack if m.end <= position]
        if ending:
            deepest = min(stack.index(m) for m in ending)
            reopen = [m for m in stack[deepest:] if m.end > position]
            out.append("</mark>" * (len(stack) - deepest))
            del stack[deepest:]
            out.append(refs(position))
            for mark in reopen:
                out.append(open_tag(mark))
                stack.append(mark)
        for mark in sorted(starting.get(position, []), key=lambda m: -m.end):
            out.append(open_tag(mark))
            stack.append(mark)
        out.append(html.escape(text[position:following]))
    out.append("</mark>" * len(stack))
    out.append(refs(len(text)))
    return "".join(out)


def _page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"<style>{STYLE}</style></head><body>\n{body}\n</body></html>\n")


LEGEND = ('<p class="legend small"><span class="rating">rating</span><span class="score">score</span>'
          '<span class="percentage">percentage</span><span class="date">date</span>'
          '<span class="recommendation">recommendation</span><span class="restates">a fact restated</span>'
          '<span class="aside">set aside (the reason in its note)</span></p>')

FILTERS = (("all", "everything"), ("facts", "facts only"), ("aside", "set aside only"), ("rating", "ratings"),
           ("score", "scores"), ("percentage", "percentages"), ("date", "dates"),
           ("recommendation", "recommendations"))


def _filters() -> tuple[str, str]:
    """(the radio inputs, which must come before the document's content, and their labels)."""
    inputs = "".join(f'<input type="radio" name="show" id="only-{key}"{" checked" if key == "all" else ""}>'
                     for key, _ in FILTERS)
    labels = "".join(f'<label for="only-{key}">{text}</label>' for key, text in FILTERS)
    return inputs, f'<p class="filters">Show: {labels}</p>'


def _page_ranges(doc_id: str, text: str, tables: dict[str, pd.DataFrame]) -> list[tuple[int, int, int]]:
    pages = tables["pages"][tables["pages"]["doc_id"] == doc_id].sort_values("page")
    ranges = [(int(p["page"]), int(p["char_start"]), int(p["char_end"])) for _, p in pages.iterrows()]
    return ranges or [(1, 0, len(text))]


def _note(number: int, mark: Mark, page: int) -> str:
    what = "aside-note" if mark.kind == "aside" else "fact-note"
    return (f'<li value="{number}" id="note-{number}" class="note n-{mark.kind} {what}">'
            f'<a href="#m-{_attr(mark.mark_id)}">{number}</a> {html.escape(mark.title)} (page {page})</li>')


def document_page(document: pd.Series, text: str, tables: dict[str, pd.DataFrame]) -> str:
    doc_id = document["doc_id"]
    marks = marks_for(doc_id, tables)
    counts = ", ".join(f"{len(tables[t][tables[t]['doc_id'] == doc_id])} {t}" for t in FACT_TABLES)
    checks = tables["checks"][(tables["checks"]["doc_id"] == doc_id) & (tables["checks"]["outcome"] == "failed")]
    failed = "".join(f"<li class=\"failed\">{html.escape(str(c['check']))} [{html.escape(str(c['subject']))}]: "
                     f"expected {_shown(c['expected'])}, found {_shown(c['found'])}</li>"
                     for _, c in checks.iterrows())
    inspection = document["inspection_id"] if _present(document["inspection_id"]) else None
    others = ""
    if inspection is not None:
        siblings = tables["documents"][(tables["documents"]["inspection_id"] == inspection)
                                       & (tables["documents"]["doc_id"] != doc_id)].sort_values("source_path")
        others = "".join(f'<li><a href="doc-{s["doc_id"]}.html">{html.escape(str(s["source_path"]))}</a> '
                         f'({html.escape(str(s["doc_type"]).replace("_", " "))})</li>' for _, s in siblings.iterrows())
    header = (f"<p><a href=\"index.html\">All documents</a></p><h1>{html.escape(str(document['source_path']))}</h1>"
              f"<p class=\"small\">{html.escape(str(document['doc_type']))} · "
              f"{_shown(document['service'], 'no service named')} · "
              f"{html.escape(str(document['framework']))} · overall rating {_shown(document['overall_rating'], 'none stated')}"
              f" · inspection {_shown(inspection, 'none')}<br>{counts}</p>"
              + (f"<p class=\"small\">The other documents of this inspection:</p><ul>{others}</ul>" if others else "")
              + (f"<ul>{failed}</ul>" if failed else "") + LEGEND)
    numbers: dict[str, int] = {}
    for mark in marks:  # sorted by start: notes numbered in reading order
        numbers.setdefault(mark.mark_id, len(numbers) + 1)
    anchored: set[str] = set()
    noted: set[str] = set()
    sections = []
    for page, start, end in _page_ranges(doc_id, text, tables):
        inside = [Mark(max(m.start, start) - start, min(m.end, end) - start, m.mark_id, m.kind, m.title)
                  for m in marks if m.start < end and m.end > start]
        # a mark's note link stands where the mark ends, on the page it ends
        ending_here = {m.mark_id: numbers[m.mark_id] for m in marks if start < m.end <= end}
        body = highlight(text[start:end], inside, ending_here, anchored)
        notes = []
        for mark in marks:
            if start <= mark.start < end and mark.mark_id not in noted:
                noted.add(mark.mark_id)
                notes.append(_note(numbers[mark.mark_id], mark, page))
        sections.append(f'<section class="page" id="page-{page}"><p class="page-number">Page {page}</p>'
                        f'<div class="text">{body}</div>'
                        + (f'<ol class="notes">{"".join(notes)}</ol>' if notes else "") + "</section>")
    inputs, labels = _filters()
    return _page(str(document["source_path"]), inputs + f'<div class="doc">{header}{labels}{"".join(sections)}</div>')


def index_page(tables: dict[str, pd.DataFrame]) -> str:
    documents = tables["documents"].copy()
    documents["_group"] = [i if _present(i) else "" for i in documents["inspection_id"]]
    documents = documents.sort_values(["_group", "source_path"], key=lambda c: c.map(lambda v: (v == "", v))
                                      if c.name == "_group" else c)
    head = "".join(f"<th>{h}</th>" for h in ("document", "type", "service", "framework", "overall rating",
                                             *FACT_TABLES, "failed checks"))
    width = 5 + len(FACT_TABLES) + 1
    rows = []
    group = None
    for _, document in documents.iterrows():
        if document["_group"] != group:
            group = document["_group"]
            rows.append(f'<tr class="group"><th colspan="{width}">'
                        + (f"Inspection {html.escape(group)}" if group else "Documents about no single inspection")
                        + "</th></tr>")
        doc_id = document["doc_id"]
        counts = "".join(f"<td>{len(tables[t][tables[t]['doc_id'] == doc_id])}</td>" for t in FACT_TABLES)
        checks = tables["checks"]
        failed = int(((checks["doc_id"] == doc_id) & (checks["outcome"] == "failed")).sum())
        rows.append(f"<tr><td><a href=\"doc-{doc_id}.html\">{html.escape(str(document['source_path']))}</a></td>"
                    f"<td>{html.escape(str(document['doc_type']))}</td>"
                    f"<td>{_shown(document['service'], '')}</td><td>{html.escape(str(document['framework']))}</td>"
                    f"<td>{_shown(document['overall_rating'], '')}</td>"
                    f"{counts}<td class=\"{'failed' if failed else ''}\">{failed}</td></tr>")
    errors = tables["errors"]
    error_rows = "".join(f"<tr><td>{_shown(e['source_path'], '')}</td><td>{html.escape(str(e['stage']))}</td>"
                         f"<td>{html.escape(str(e['error_kind']))}</td><td>{_shown(e['message'], '')}</td></tr>"
                         for _, e in errors.iterrows())
    body = (f"<h1>Extracted facts: {len(documents)} documents</h1>{LEGEND}"
            f"<table><tr>{head}</tr>{''.join(rows)}</table>"
            f"<h2>Files not read ({len(errors)})</h2>"
            + (f"<table><tr><th>file</th><th>stage</th><th>kind</th><th>message</th></tr>{error_rows}</table>"
               if len(errors) else "<p>None.</p>"))
    return _page("Extracted facts", body)


def write_review(out_dir: str, html_dir: str, doc_id: str | None = None) -> list[str]:
    """Write the index and the document pages (or only doc_id's); the paths written."""
    from pipeline.read.analysis import load_tables

    tables = load_tables(out_dir)
    documents = tables["documents"]
    if doc_id is not None:
        documents = documents[documents["doc_id"] == doc_id]
        if not len(documents):
            raise KeyError(f"no document {doc_id} in {out_dir}")
    pages = tables["pages"].sort_values(["doc_id", "page"])
    texts = pages.groupby("doc_id")["text"].agg("".join)
    os.makedirs(html_dir, exist_ok=True)
    written = []
    for _, document in documents.iterrows():
        path = os.path.join(html_dir, f"doc-{document['doc_id']}.html")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(document_page(document, texts[document["doc_id"]], tables))
        written.append(path)
    index = os.path.join(html_dir, "index.html")
    with open(index, "w", encoding="utf-8") as handle:
        handle.write(index_page(tables))
    return [index, *written]
