"""Numbered clauses of a document, as a tree (issue 4)."""

from typing import Any

from pipeline.paragraphs import BodyParagraph
from pipeline.parts import FoundPart
from pipeline.segment import DraftDocument
from pipeline.structure import Span


def parse_clauses(draft: DraftDocument, paragraphs: list[BodyParagraph],
                  tables: list[Span], parts: list[FoundPart]) -> list[Any]:
    """The clause records of one document.

    Not yet done: no clause is parsed; issue 4 builds this stage.
    """
    return []
