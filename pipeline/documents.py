"""Stage 3, documents: build each document's record from its pieces.

A function of one draft document, so that documents can stream through
it and later stages (classify, clauses, tables, relations) can follow it
without seeing the rest of the file.
"""

import datetime as dt

import regex

from pipeline import patterns
from pipeline.classify import Description
from pipeline.paragraphs import BodyParagraph
from pipeline.segment import DraftDocument
from schemas import Document, LinePiece


def build_document(draft: DraftDocument, paragraphs: list[BodyParagraph],
                   description: Description | None = None,
                   stage_warnings: list[str] | None = None) -> Document:
    """The documents record of one draft, with what classify found and
    the warnings other stages (clauses) raised on the document."""
    description = description or Description()
    warnings = list(draft.warnings) + description.warnings
    warnings += stage_warnings or []
    titles = draft.with_role("title")
    dates = draft.with_role("date")
    body = [p.text for p in paragraphs]
    title = clean_title("".join(p.text for p in titles))
    publish_date = _listing_date(dates[0].text if dates else "")
    if not titles:
        warnings.append("missing_title")
    if title.endswith(patterns.TRUNCATION_MARKS):
        warnings.append("title_truncated")
    if publish_date is None:
        warnings.append("invalid_publish_date" if dates
                        else "missing_publish_date")
    if not body:
        warnings.append("empty_body")
    return Document(
        doc_id=draft.doc_id,
        source=draft.source,
        line_start=draft.line_start,
        line_end=draft.line_end,
        layout=draft.layout,
        title=title,
        title_raw="\n".join(p.raw for p in titles),
        publish_date=publish_date,
        body="\n".join(body),
        warnings=sorted(set(warnings)),
        **description.columns,
    )


def line_pieces(draft: DraftDocument) -> list[LinePiece]:
    """The lines records of one draft's pieces."""
    return [
        LinePiece(source=draft.source, line=p.line, char_start=p.start,
                  char_end=p.end, doc_id=draft.doc_id, role=p.role,
                  text=p.raw)
        for p in draft.pieces
    ]


def clean_title(text: str) -> str:
    """Join a wrapped title: drop layout spaces, fold the others."""
    return patterns.WHITESPACE_RUN.sub(
        lambda run: _layout_or_space(run, text), text
    ).strip()


def _layout_or_space(run: "regex.Match[str]", text: str) -> str:
    before = text[run.start() - 1:run.start()]
    after = text[run.end():run.end() + 1]
    if patterns.CJK_CHAR.match(before) or patterns.CJK_CHAR.match(after):
        return ""
    return " "


def _listing_date(text: str) -> dt.date | None:
    match = patterns.DATE_LINE.match(text)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None
