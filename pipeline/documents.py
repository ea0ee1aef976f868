"""Stage 3, documents: build each document's record from its pieces.

A function of one draft document, so that documents can stream through
it and later stages (classify, clauses, tables, relations) can follow it
without seeing the rest of the file.
"""

from collections.abc import Sequence

from pipeline import patterns
from pipeline.paragraphs import BodyParagraph
from pipeline.segment import DraftDocument, Piece
from pipeline.structure import Description
from pipeline.text import clean_title, listing_date
from pipeline.rows import LinePieceRow
from schemas import Document


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
    printed = clean_title("".join(p.text for p in titles))
    title = description.title or printed
    publish_date = listing_date(dates[0].text if dates else "")
    if not titles:
        warnings.append("missing_title")
    if printed.endswith(patterns.TRUNCATION_MARKS):
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


def line_pieces(draft: DraftDocument) -> list[LinePieceRow]:
    """The lines rows of one draft's pieces (checked when encoded)."""
    return piece_rows(draft.source, draft.doc_id, draft.pieces)


def piece_rows(source: str, doc_id: str | None,
               pieces: Sequence[Piece]) -> list[LinePieceRow]:
    """The lines rows of pieces of one raw file, in one document or, with
    doc_id None, outside all."""
    return [
        LinePieceRow(source=source, line=p.line, char_start=p.start,
                     char_end=p.end, doc_id=doc_id, role=p.role, text=p.raw)
        for p in pieces
    ]
