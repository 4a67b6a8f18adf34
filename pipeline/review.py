"""Pages to check the facts by eye: each document's canonical text with every extracted fact highlighted.

``hmip review`` writes static HTML (no scripts, nothing fetched from the network, readable offline): an
index of the documents with their fact counts, errors and failed checks, and for each document its text with
every fact marked by type (hover for scope, subject, label, role, owner), every restatement of a fact, and
every candidate the extractors set aside with the reason. Marks that overlap are nested; a mark that would
cross another's edge is split, and every piece carries the id of its fact.
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


def highlight(text: str, marks: list[Mark]) -> str:
    """text as HTML with the marks as nested <mark> elements; a mark crossing another's end is split."""
    boundaries = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starting: dict[int, list[Mark]] = {}
    for mark in marks:
        if mark.end > mark.start:
            starting.setdefault(mark.start, []).append(mark)
    out: list[str] = []
    stack: list[Mark] = []

    def open_tag(mark: Mark) -> str:
        return (f'<mark class="{mark.kind}" data-id="{_attr(mark.mark_id)}" '
                f'title="{_attr(mark.title)}">')

    for position, following in itertools.pairwise(boundaries):
        # close what ends here; what was opened inside it closes first and opens again after
        ending = [m for m in stack if m.end <= position]
        if ending:
            deepest = min(stack.index(m) for m in ending)
            reopen = [m for m in stack[deepest:] if m.end > position]
            out.append("</mark>" * (len(stack) - deepest))
            del stack[deepest:]
            for mark in reopen:
                out.append(open_tag(mark))
                stack.append(mark)
        for mark in sorted(starting.get(position, []), key=lambda m: -m.end):
            out.append(open_tag(mark))
            stack.append(mark)
        out.append(html.escape(text[position:following]))
    out.append("</mark>" * len(stack))
    return "".join(out)


def _page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"<style>{STYLE}</style></head><body>\n{body}\n</body></html>\n")


LEGEND = ('<p class="legend small"><span class="rating">rating</span><span class="score">score</span>'
          '<span class="percentage">percentage</span><span class="date">date</span>'
          '<span class="recommendation">recommendation</span><span class="restates">a fact restated</span>'
          '<span class="aside">set aside (hover for why)</span></p>')


def document_page(document: pd.Series, text: str, tables: dict[str, pd.DataFrame]) -> str:
    doc_id = document["doc_id"]
    marks = marks_for(doc_id, tables)
    counts = ", ".join(f"{len(tables[t][tables[t]['doc_id'] == doc_id])} {t}" for t in FACT_TABLES)
    checks = tables["checks"][(tables["checks"]["doc_id"] == doc_id) & (tables["checks"]["outcome"] == "failed")]
    failed = "".join(f"<li class=\"failed\">{html.escape(str(c['check']))} [{html.escape(str(c['subject']))}]: expected "
                     f"{html.escape(str(c['expected']))}, found {html.escape(str(c['found']))}</li>"
                     for _, c in checks.iterrows())
    header = (f"<p><a href=\"index.html\">All documents</a></p><h1>{html.escape(str(document['source_path']))}</h1>"
              f"<p class=\"small\">{html.escape(str(document['doc_type']))} · "
              f"{html.escape(str(document['service'] if _present(document['service']) else 'no service named'))} · "
              f"{html.escape(str(document['framework']))} · inspection "
              f"{html.escape(str(document['inspection_id'] if _present(document['inspection_id']) else 'none'))}"
              f"<br>{counts}</p>" + (f"<ul>{failed}</ul>" if failed else "") + LEGEND)
    return _page(str(document["source_path"]), header + f"<div class=\"text\">{highlight(text, marks)}</div>")


def index_page(tables: dict[str, pd.DataFrame]) -> str:
    documents = tables["documents"].sort_values("source_path")
    rows = []
    for _, document in documents.iterrows():
        doc_id = document["doc_id"]
        counts = "".join(f"<td>{len(tables[t][tables[t]['doc_id'] == doc_id])}</td>" for t in FACT_TABLES)
        checks = tables["checks"]
        failed = int(((checks["doc_id"] == doc_id) & (checks["outcome"] == "failed")).sum())
        rows.append(f"<tr><td><a href=\"doc-{doc_id}.html\">{html.escape(str(document['source_path']))}</a></td>"
                    f"<td>{html.escape(str(document['doc_type']))}</td>"
                    f"<td>{html.escape(str(document['service'] if _present(document['service']) else ''))}</td>"
                    f"{counts}<td class=\"{'failed' if failed else ''}\">{failed}</td></tr>")
    head = "".join(f"<th>{h}</th>" for h in ("document", "type", "service", *FACT_TABLES, "failed checks"))
    errors = tables["errors"]
    error_rows = "".join(f"<tr><td>{html.escape(str(e['source_path']))}</td><td>{html.escape(str(e['stage']))}</td>"
                         f"<td>{html.escape(str(e['error_kind']))}</td><td>{html.escape(str(e['message']))}</td></tr>"
                         for _, e in errors.iterrows())
    body = (f"<h1>Extracted facts: {len(documents)} documents</h1>{LEGEND}"
            f"<table><tr>{head}</tr>{''.join(rows)}</table>"
            f"<h2>Files not read ({len(errors)})</h2>"
            + (f"<table><tr><th>file</th><th>stage</th><th>kind</th><th>message</th></tr>{error_rows}</table>"
               if len(errors) else "<p>None.</p>"))
    return _page("Extracted facts", body)


def write_review(out_dir: str, html_dir: str, doc_id: str | None = None) -> list[str]:
    """Write the index and the document pages (or only doc_id's); the paths written."""
    from pipeline.analysis import load_tables

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
