"""The parts records of one document: spans, titles and metadata per part."""

import bisect

from pipeline.issuers import title_issuers
from pipeline.metadata import find_own_number, find_signature
from pipeline.paragraphs import BodyParagraph
from pipeline.parts import FoundPart, part_id
from pipeline.rows import PartRow
from pipeline.segment import DraftDocument, Piece
from schemas import Document


def part_records(draft: DraftDocument, parts: list[FoundPart],
                 paragraphs: list[BodyParagraph],
                 document: Document) -> list[PartRow]:
    """One record per part; the letter takes the document's metadata.

    The letter runs from the document's first piece (its title) to its
    last body piece, so that every piece of the document is in a part.
    Known limit: the letter's issuers and signed_date are the document's,
    which classify reads from the first signature of the whole body; a
    letter with no signature of its own takes its first attachment's
    (reading the letter's paragraphs alone would fix it).
    """
    body = draft.body
    # Where each paragraph starts, for the parts after the letter.
    starts = [p.pieces[0] for p in paragraphs] if len(parts) > 1 else []
    records = []
    for part in parts:
        first, last = part.span.first, part.span.last
        pieces = body[first:last + 1]
        if part.order == 0:
            pieces = [draft.pieces[0]] + pieces
        pieces = pieces or draft.pieces[-1:]
        # Only a part after the letter reads its own paragraphs; the
        # letter takes the document's metadata.
        texts = (_texts_within(paragraphs, starts, first, last)
                 if part.order else [])
        records.append(_record(draft, part, pieces, texts, document))
    return records


def _texts_within(paragraphs: list[BodyParagraph], starts: list[int],
                  first: int, last: int) -> list[str]:
    """The texts of the paragraphs that start in pieces first..last.

    Paragraphs are in body order, so their starts rise: bisection finds
    a part's paragraphs without a scan of them all.
    """
    within = paragraphs[bisect.bisect_left(starts, first):
                        bisect.bisect_right(starts, last)]
    return [p.text for p in within]


def _record(draft: DraftDocument, part: FoundPart, pieces: list[Piece],
            texts: list[str], document: Document) -> PartRow:
    if part.order == 0:
        title = document.title or None
        issuers, signed = document.issuers, document.signed_date
        number = document.own_doc_number
    else:
        title = part.title
        signature = find_signature(texts)
        issuers = signature.issuers if signature else []
        if not issuers and title:
            issuers = title_issuers(title)
        signed = signature.date if signature else None
        number = part.doc_number or find_own_number(texts)
    carrier = part.carrier if part.order else None
    return PartRow(
        part_id=part_id(draft.doc_id, part.order), doc_id=draft.doc_id,
        source=draft.source, part_no=part.order, part_kind=part.kind,
        carrier_part_id=(part_id(draft.doc_id, carrier)
                         if carrier is not None else None),
        label=part.label, title=title, issuers=issuers, signed_date=signed,
        doc_number=number,
        line_start=pieces[0].line, line_end=pieces[-1].line,
        char_start=pieces[0].start, char_end=pieces[-1].end,
    )
