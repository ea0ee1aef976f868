"""Paragraphs of a document's body, with page breaks mended (issue 4)."""

from dataclasses import dataclass

from pipeline.segment import DraftDocument
from pipeline.structure import Span


@dataclass(frozen=True)
class BodyParagraph:
    """One paragraph of the body and the body pieces it is made of."""

    text: str
    pieces: tuple[int, ...]


def body_paragraphs(draft: DraftDocument,
                    tables: list[Span]) -> list[BodyParagraph]:
    """The body's paragraphs, one per body piece for now.

    Not yet done: paragraphs that a page break split in two (a line that
    ends mid-sentence, a blank line, then its continuation) stay split.
    """
    return [
        BodyParagraph(piece.text, (i,))
        for i, piece in enumerate(draft.body) if piece.text
    ]
