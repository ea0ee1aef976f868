"""Kind and metadata of a document (issue 3)."""

from dataclasses import dataclass, field
from typing import Any

from pipeline.paragraphs import BodyParagraph
from pipeline.parts import FoundPart
from pipeline.segment import DraftDocument
from pipeline.tables import FoundTable


@dataclass
class Description:
    """Columns that classify adds to a document, and its warnings."""

    columns: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def describe(draft: DraftDocument, paragraphs: list[BodyParagraph],
             tables: list[FoundTable], parts: list[FoundPart],
             clauses: list[Any]) -> Description:
    """Kind, genre, issuers, dates and numbers of one document.

    Not yet done: nothing is added; issue 3 builds this stage.
    """
    return Description()
